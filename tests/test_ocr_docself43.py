"""Automatic per-document self-training (``ocr_docself.AUTO``, session 43, issue 12):
:func:`repair.pipeline.repair_text` self-trains on a garbled text's own first pass."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.score import ocr_docself, ocr_table
from repair.score.ocr_selftrain import ArchiveCounts, learn_table, still_unknown
from tests.test_ocr_docself28 import DOCUMENT, Z_WORDS

#: one pass: these tests read a single pass's readings (conftest ``one_pass``)
pytestmark = pytest.mark.usefixtures("one_pass")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _shipped_table() -> Iterator[None]:
    ocr_table.install(None)
    yield
    ocr_table.install(None)


def _rate(text: str) -> float:
    first = repair_text(text)
    counts = ArchiveCounts()
    counts.add(first.text, first.edits, still_unknown(first.text), text)
    return ocr_docself.garble_rate(counts)


def test_with_auto_off_the_plain_repair_reads_no_z_as_h() -> None:
    assert repair_text(DOCUMENT).text == DOCUMENT  # the shipped tables read no z as h


@pytest.mark.parametrize("keep", [True, False])
def test_auto_repairs_a_garbled_text_as_self_train_does_and_puts_the_tables_back(
    monkeypatch: pytest.MonkeyPatch, keep: bool
) -> None:
    plain = repair_text(DOCUMENT).text
    ocr_docself.self_train([DOCUMENT])
    explicit = repair_text(DOCUMENT).text
    ocr_table.install(None)
    assert explicit != plain
    monkeypatch.setattr(ocr_docself, "AUTO", True)
    monkeypatch.setattr(ocr_docself, "AUTO_RATE", 0.0)
    monkeypatch.setattr(ocr_docself, "KEEP_CACHES", keep)
    fixed = repair_text(DOCUMENT).text
    assert fixed == explicit
    changed = [(a, b) for a, b in zip(DOCUMENT.split(), fixed.split(), strict=True) if a != b]
    assert changed and all(Z_WORDS.get(a.strip(",.")) == b.strip(",.") for a, b in changed)
    assert ocr_table.installed() is None
    assert not any(r[:2] == ("z", "h") for r in ocr_table.rows_in_force(ocr_table.CONFUSIONS))
    monkeypatch.setattr(ocr_docself, "AUTO", False)
    assert repair_text(DOCUMENT).text == plain  # the shipped tables and memos are back


def test_auto_keeps_the_first_pass_below_the_rate_and_for_long_texts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_docself, "AUTO", True)
    monkeypatch.setattr(ocr_docself, "AUTO_RATE", _rate(DOCUMENT) + 1.0)
    assert repair_text(DOCUMENT).text == DOCUMENT
    monkeypatch.setattr(ocr_docself, "AUTO_RATE", 0.0)
    monkeypatch.setattr(ocr_docself, "AUTO_MAX_WORDS", len(DOCUMENT.split()) - 1)
    assert repair_text(DOCUMENT).text == DOCUMENT
    monkeypatch.setattr(ocr_docself, "AUTO_MAX_WORDS", 0)
    assert repair_text(DOCUMENT, config=RepairConfig(ocr=False)).text == DOCUMENT
    assert repair_text(DOCUMENT).text != DOCUMENT


def test_learn_table_reuses_the_first_pass() -> None:
    first = repair_text(DOCUMENT)
    again = learn_table([DOCUMENT], min_uses=2.0, first=[first])
    assert again.text == learn_table([DOCUMENT], min_uses=2.0).text
    assert ("z", "h") in again.new


def test_auto_leaves_clean_seeds_byte_identical(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_docself, "AUTO", True)
    for path in sorted((ROOT / "seeds").glob("00[1-4]_*")):
        text = path.read_text(encoding="utf-8")
        assert _rate(text) < ocr_docself.AUTO_RATE
        assert repair_text(text).text == text


def test_auto_does_not_self_train_again_after_self_train(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ocr_docself.self_train([DOCUMENT])
    explicit = repair_text(DOCUMENT).text
    installed = ocr_table.installed()
    monkeypatch.setattr(ocr_docself, "AUTO", True)
    monkeypatch.setattr(ocr_docself, "AUTO_RATE", 0.0)
    assert repair_text(DOCUMENT).text == explicit
    assert ocr_table.installed() == installed
