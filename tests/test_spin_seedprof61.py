"""Seed 000's spinner on a new article (``benchmarks/spin_sim/seedprof.py``, session 61): the
profile's own rows read forwards at seed 000's density, and ``--unprofiled`` taking the
document split's half of those rows out of the profile."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

pytest.importorskip("spin_sim")
pytest.importorskip("wn")

import spin_eval  # noqa: E402
from spin_sim import DENSE, SPINNERS, spin_doc  # noqa: E402
from spin_sim import seeddense as sd  # noqa: E402
from spin_sim import seedprof as sp  # noqa: E402
from spin_sim.text import apply_edits  # noqa: E402


def _text() -> str:
    return next((ROOT / "seeds" / "gold").glob("000_*.txt")).read_text(encoding="utf-8")


def test_seedprof_is_an_evaluated_dense_spinner() -> None:
    assert "seedprof" in DENSE and "seedprof" not in SPINNERS
    assert "seedprof" in spin_eval.ALL


def test_profile_rows_read_forwards_on_new_text() -> None:
    text = "We met the Chinese delegation before noon, and the minister said it was in the city."
    edits = sp.profile_edits(text, random.Random(1), None)
    got = {e.original: e.replacement for e in edits}
    # a caps row rewrites the capitalised nationality; a function-word span is one edit
    assert got.get("Chinese") == "Chinese language"
    pairs = {(s.lower(), o.lower()) for o, s, *_ in sp.rows()}
    for e in edits:
        assert (e.replacement.lower(), e.original.lower()) in pairs
        assert e.family.startswith("p:")
    assert any(" " in e.replacement for e in edits)  # "earlier than", "within the", ...


def test_lower_case_rows_leave_names_alone() -> None:
    # "Court" inside a sentence is a name: only a caps row may rewrite it
    text = "He went to the Supreme Court today."
    for seed in range(5):
        for e in sp.profile_edits(text, random.Random(seed), None):
            assert e.original != "Court"


def test_a_document_carries_both_halves_at_seed_000s_density() -> None:
    text = _text()
    doc = spin_doc("seeds/000g", "seeds", text, "seedprof", "dev")
    assert doc == spin_doc("seeds/000g", "seeds", text, "seedprof", "dev")
    assert apply_edits(text, doc.edits) == doc.spun
    assert len(doc.edits) / len(text.split()) <= sd.DENSITY + 0.01
    prof = [e for e in doc.edits if e.family.startswith("p:")]
    assert prof and any(e.family.startswith("x:") for e in doc.edits)
    assert {sp.family_half(e.family[2:]) for e in prof} == {"dev", "test"}


def test_held_pairs_split_the_profile_by_family() -> None:
    dev, test = sp.held_pairs("dev"), sp.held_pairs("test")
    every = {(s.lower(), o.lower()) for o, s, *_ in sp.rows()}
    assert dev | test == every
    assert dev and test
    # "within the" -> "in the" and its family sit in one half
    assert ("within the", "in the") in dev or ("within the", "in the") in test


def test_every_substitution_is_scored_in_exactly_one_half() -> None:
    from spin_sim import HALF_SCORED

    assert "seedprof" in HALF_SCORED and "seedprof" in spin_eval.HALVES_OF
    doc = spin_doc("seeds/000g", "seeds", _text(), "seedprof", "test")
    for split in ("dev", "test"):
        halves = sp.HALVES[split]
        assert halves[0] == f"{split}-rows"  # the document split's own rows first
        for e in doc.edits:
            assert sum(sp.in_half(e, h) for h in halves) == 1
    with pytest.raises(ValueError):
        sp.in_half(doc.edits[0], "held-families")
