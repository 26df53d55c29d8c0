"""A hyphen printed inside a line is kept (ocr_hyphenkeep, session 33; shipped off)."""

from __future__ import annotations

import pytest

import repair.candidates.ocr_hyphenkeep as hk
from repair.candidates.ocr_rules import cand
from repair.document import Document
from repair.stages.ocr import STAGE

PAGE = (
    "In combined and co-ordinated opera-\ntions, the forces of the South-west\n"
    "Pacific havo advanced tbeir bases.\n"
)


@pytest.fixture(autouse=True)
def session41_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are of the session 33 guard alone: session 41's guards off."""
    monkeypatch.setattr(hk, "PURE_HYPHEN_KEEP", False)
    monkeypatch.setattr(hk, "HYPHEN_REINSERT", False)


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hk, "PRINTED_HYPHEN", True)


def test_shipped_off() -> None:
    assert hk.PRINTED_HYPHEN is False


def test_off_passes_everything() -> None:
    c = cand(16, 28, "coordinated", "OCR_INLINE_HYPHEN")
    assert hk.keep_printed_hyphens(PAGE, [c]) == [c]


def test_drops_a_join_of_a_printed_hyphen(on: None) -> None:
    c = cand(16, 28, "coordinated", "OCR_INLINE_HYPHEN")
    kept = cand(16, 28, "co-ordinated", "OCR_CONFUSION")
    assert hk.keep_printed_hyphens(PAGE, [c, kept]) == [kept]


def test_needs_a_line_end_hyphen_on_the_page(on: None) -> None:
    text = "In combined and co-ordinated operations."
    c = cand(16, 28, "coordinated", "OCR_INLINE_HYPHEN")
    assert hk.keep_printed_hyphens(text, [c]) == [c]


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("a-nount", "amount"),  # a one-letter piece: a cut word
        ("Com-mittee", "Committee"),  # a capitalised piece
        ("th-y", "they"),  # a short piece after the mark
        ("nrc-a", "area"),
        ("xq-mittee", "committee"),  # not a known word before the mark
    ],
)
def test_stray_marks_in_words_still_read(on: None, word: str, reading: str) -> None:
    text = f"the {word} of it.\nopera-\ntions"
    c = cand(4, 4 + len(word), reading, "OCR_STRAY_MARK")
    assert hk.keep_printed_hyphens(text, [c]) == [c]


def test_line_end_hyphen_itself_is_joined(on: None) -> None:
    s = PAGE.index("opera-")
    c = cand(s, s + len("opera-\ntions"), "operations", "OCR_DEHYPHENATE")
    assert hk.keep_printed_hyphens(PAGE, [c]) == [c]


def _edits() -> list[tuple[str, str]]:
    doc = Document(PAGE)
    det = STAGE.detect(doc)
    return [(e.original, e.replacement) for e in STAGE.score(doc, det, STAGE.candidates(doc, det))]


def test_stage_keeps_co_ordinated(on: None) -> None:
    edits = _edits()
    assert ("co-ordinated", "coordinated") not in edits
    assert ("opera-\ntions", "operations") in edits and ("tbeir", "their") in edits


def test_stage_off_joins_as_main() -> None:
    assert ("co-ordinated", "coordinated") in _edits()
