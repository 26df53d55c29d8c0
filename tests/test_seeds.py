"""The promise: clean seeds come out byte-identical, with and without references."""

from __future__ import annotations

import pytest

from repair import apply_edits, repair_text
from tests.conftest import CLEAN_SEEDS, SPUN_SEED


@pytest.mark.parametrize("path", CLEAN_SEEDS, ids=lambda p: p.name)
def test_clean_seed_unchanged_without_references(path) -> None:
    text = path.read_text(encoding="utf-8")
    result = repair_text(text)
    assert result.edits == ()
    assert result.text == text


@pytest.mark.parametrize("path", CLEAN_SEEDS, ids=lambda p: p.name)
def test_clean_seed_unchanged_with_references(path) -> None:
    text = path.read_text(encoding="utf-8")
    refs = [p.read_text(encoding="utf-8") for p in [SPUN_SEED, *CLEAN_SEEDS] if p != path]
    result = repair_text(text, refs)
    assert [(e.original, e.replacement, e.rule) for e in result.edits] == []
    assert result.text == text


def test_spun_seed_edits_replay_exactly(spun_seed: str, clean_seeds: list[str]) -> None:
    result = repair_text(spun_seed, clean_seeds)
    assert apply_edits(spun_seed, result.edits) == result.text
    for e in result.edits:
        assert spun_seed[e.offset : e.offset + e.length] == e.original
        assert 0.0 <= e.confidence <= 1.0 and e.kind and e.rule
