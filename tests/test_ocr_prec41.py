"""OCR precision guards of session 41 (issue 12): a name's initial at a line's edge is
kept (``ocr_marks.EDGE_INITIAL``); a non-word an old-print page repeats, with its
reading nowhere on the page, is kept (``ocr_docrepeat``)."""

from __future__ import annotations

import pytest

import repair.candidates.ocr_docrepeat as dr
import repair.candidates.ocr_marks as marks
from repair.candidates.ocr_rules import cand
from repair.tokenize import tokenize


def test_shipped_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the shipped values, not the autouse fixture's
    assert marks.EDGE_INITIAL is False
    assert dr.DOC_REPEAT_KEEP is True  # on: session 41, lead


@pytest.fixture(autouse=True)
def on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guards on (each test that needs one off sets it)."""
    monkeypatch.setattr(marks, "EDGE_INITIAL", True)
    monkeypatch.setattr(dr, "DOC_REPEAT_KEEP", True)


INITIAL = "the Department of Railways, Mr J\nBarron, and the men"


def _deleted(text: str) -> list[str]:
    return [text[c.start : c.end] for c in marks.edge_speck_candidates(tokenize(text))]


def test_initial_after_title_kept() -> None:
    assert _deleted(INITIAL) == []


def test_initial_after_initial_kept() -> None:
    assert _deleted("were present with Messrs A\nJ Taylor and others") == []


def test_initial_off_deletes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(marks, "EDGE_INITIAL", False)
    assert _deleted(INITIAL) == [" J"]


def test_rule_before_a_common_word_still_deleted() -> None:
    assert _deleted("the policy of\nI the Water Board") == ["I "]


PAGE = "he went to the kitchin where the cooke was, and out of the kitchin again"


def _c(text: str, word: str, reading: str, nth: int = 0) -> object:
    s = -1
    for _ in range(nth + 1):
        s = text.index(word, s + 1)
    return cand(s, s + len(word), reading, "OCR_CONFUSION")


def test_repeated_form_kept_on_old_print() -> None:
    c = _c(PAGE, "kitchin", "kitchen")
    assert dr.keep_repeated_forms(PAGE, PAGE.split(), [c], True) == []


def test_repeated_form_read_on_a_modern_page() -> None:
    c = _c(PAGE, "kitchin", "kitchen")
    assert dr.keep_repeated_forms(PAGE, PAGE.split(), [c], False) == [c]


def test_repeated_form_read_when_the_page_prints_the_reading() -> None:
    text = PAGE + " and the kitchen"
    c = _c(text, "kitchin", "kitchen")
    assert dr.keep_repeated_forms(text, text.split(), [c], True) == [c]


def test_form_printed_once_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dr, "PERIOD_KNOWN_KEEP", False)  # "kitchin" is period-known
    text = "he went to the kitchin where the cooke was"
    c = _c(text, "kitchin", "kitchen")
    assert dr.keep_repeated_forms(text, text.split(), [c], True) == [c]


def test_off_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dr, "DOC_REPEAT_KEEP", False)
    c = _c(PAGE, "kitchin", "kitchen")
    assert dr.keep_repeated_forms(PAGE, PAGE.split(), [c], True) == [c]


def test_period_known_form_kept_once_on_old_print() -> None:
    assert dr.PERIOD_KNOWN_KEEP is True
    text = "he tooke the broken legg in his hand"
    c = _c(text, "legg", "legs")
    assert dr.keep_repeated_forms(text, text.split(), [c], True) == []
    assert dr.keep_repeated_forms(text, text.split(), [c], False) == [c]


def test_period_known_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dr, "PERIOD_KNOWN_KEEP", False)
    text = "he tooke the broken legg in his hand"
    c = _c(text, "legg", "legs")
    assert dr.keep_repeated_forms(text, text.split(), [c], True) == [c]


OLD_PAGE = (
    "Then tbe Priour came into the kitchin, and tliere hee found the yonng man, to whom hee "
    "said, where wast thou borne, and wliat is thy name? The yong man answered and saide, sir, "
    "I was borne very farre hence, and Rush is my naine. Then said the Priour vnto hiin, Rush, "
    "thou shalt abide in the kitchin with the maister Cooke, and hee tooke him by tbe hand, and "
    "the Cooke was glad of his comming, for hee was weary of his labonr, and they went together."
)


def _pairs() -> list[tuple[str, str]]:
    from repair.pipeline import repair_text

    return [(e.original, e.replacement) for e in repair_text(OLD_PAGE).edits]


def test_end_to_end_old_page_keeps_its_spelling() -> None:
    pairs = _pairs()
    assert ("kitchin", "kitchen") not in pairs
    assert ("tbe", "the") in pairs and ("labonr", "labour") in pairs


def test_end_to_end_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dr, "DOC_REPEAT_KEEP", False)
    assert ("kitchin", "kitchen") in _pairs()
