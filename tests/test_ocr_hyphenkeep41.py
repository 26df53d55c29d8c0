"""Printed inline hyphens kept on any page (ocr_hyphenkeep, session 41; issue 12).

A reading whose only change is deleting a hyphen between two letter runs is dropped
("co-ordinated", "pin-pointed", "an-swered"); a reading that deletes the hyphen but keeps
the known word before it keeps the hyphen ("sub-commitlee" -> "sub-committee").
"""

from __future__ import annotations

import pytest

import repair.candidates.ocr_hyphenkeep as hk
from repair.candidates.ocr_rules import cand
from repair.pipeline import repair_text
from repair.types import Candidate

WRAP = "\nthe next line of the column\nand one more line\n"  # a hard-wrapped page


def _c(text: str, word: str, reading: str, rule: str = "OCR_STRAY_MARK") -> Candidate:
    s = text.index(word)
    return cand(s, s + len(word), reading, rule)


def test_shipped() -> None:
    assert hk.PURE_HYPHEN_KEEP is False
    assert hk.HYPHEN_REINSERT is True
    assert hk.WRAPPED_ONLY is True


@pytest.fixture
def pure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hk, "PURE_HYPHEN_KEEP", True)


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("co-ordinated", "coordinated"),
        ("an-swered", "answered"),
        ("Il-lustrations", "Illustrations"),
    ],
)
def test_pure_deletion_dropped(pure: None, word: str, reading: str) -> None:
    text = f"They {word} him again." + WRAP
    c = _c(text, word, reading, "OCR_INLINE_HYPHEN")
    assert hk.keep_printed_hyphens(text, [c]) == []


def test_one_line_page_joins(pure: None) -> None:
    text = "They an-swered him again, and litera-ture was read."  # run into one line
    c = _c(text, "an-swered", "answered", "OCR_INLINE_HYPHEN")
    assert hk.keep_printed_hyphens(text, [c]) == [c]


def test_wrapped_only_off(pure: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hk, "WRAPPED_ONLY", False)
    text = "They an-swered him again."
    c = _c(text, "an-swered", "answered", "OCR_INLINE_HYPHEN")
    assert hk.keep_printed_hyphens(text, [c]) == []


def test_pure_deletion_kept_when_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hk, "PURE_HYPHEN_KEEP", False)
    monkeypatch.setattr(hk, "HYPHEN_REINSERT", False)
    text = "They an-swered him again."
    c = _c(text, "an-swered", "answered", "OCR_INLINE_HYPHEN")
    assert hk.keep_printed_hyphens(text, [c]) == [c]


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("w-aggon", "waggon"),  # a one-letter side: a mark cutting a word
        ("a-nount", "amount"),  # a letter changes too
        ("th-y", "they"),
        ("As-ociation", "Association"),  # the hyphen is a misread letter
    ],
)
def test_marks_in_words_still_read(pure: None, word: str, reading: str) -> None:
    text = f"the {word} of it."
    c = _c(text, word, reading)
    assert hk.keep_printed_hyphens(text, [c]) == [c]


def test_span_cut_inside_a_run_is_judged_on_the_page(pure: None) -> None:
    text = "the wxy-zt of it." + WRAP  # the candidate covers "y-z" only: the runs are "wxy", "zt"
    s = text.index("y-z")
    c = cand(s, s + 3, "yz", "OCR_STRAY_MARK")
    assert hk.keep_printed_hyphens(text, [c]) == []


def test_reading_keeping_the_word_before_keeps_the_hyphen() -> None:
    text = "A Cabinet sub-commitlee including" + WRAP
    c = _c(text, "sub-commitlee", "subcommittee")
    (out,) = hk.keep_printed_hyphens(text, [c])
    assert (out.start, out.end, out.replacement) == (c.start, c.end, "sub-committee")


def test_reinsert_needs_the_whole_word_before() -> None:
    text = "will some day be pin-pointed with" + WRAP
    s = text.index("in-pointed")  # a span cut inside "pin": "in" is no word of the page
    c = cand(s, s + len("in-pointed"), "inpointed", "OCR_STRAY_MARK")
    assert hk.keep_printed_hyphens(text, [c]) == [c]


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("ore-doing", "dredging"),  # the piece before the hyphen changes
        ("Com-nittee", "Committee"),  # capitalised
        ("trou-ors", "trousers"),  # not a known word before the hyphen
        ("re-a", "rea"),  # too short after it
    ],
)
def test_reinsert_needs_a_kept_known_word(word: str, reading: str) -> None:
    text = f"the {word} of it."
    c = _c(text, word, reading)
    assert hk.keep_printed_hyphens(text, [c]) == [c]


def test_end_to_end() -> None:
    text = "A Cabinet sub-commitlee including\nrhe Prime Minister said tho\nmatter wus urgent\n"
    assert "sub-committee" in repair_text(text).text
    out = repair_text("In combined and co-ordinated opera-\ntions, the forces wero ablo to\n").text
    assert "co-ordinated" in out


def test_end_to_end_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hk, "PURE_HYPHEN_KEEP", False)
    monkeypatch.setattr(hk, "HYPHEN_REINSERT", False)
    text = "A Cabinet sub-commitlee including\nrhe Prime Minister said tho\nmatter wus urgent\n"
    assert "subcommittee" in repair_text(text).text
