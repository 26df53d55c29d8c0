"""Session 46 (ocrprec46): two breaks of correct modern text found by the OCR'd-text
audit: a heading read as a sentence missing its stop, and a page's two-word spelling
with one garbled piece read as a split word."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_pagejoin, ocr_stops
from repair.candidates.ocr_pagejoin import page_join_candidates
from repair.candidates.ocr_rules import page_word_counts
from repair.candidates.ocr_stops import lost_stop_candidates
from repair.tokenize import tokenize


def _stops(text: str) -> list[str]:
    toks = tokenize(text)
    return [text[c.start - 8 : c.start] for c in lost_stop_candidates(toks, frozenset())]


def _page_joins(text: str) -> list[str]:
    toks = tokenize(text)
    return [c.replacement for c in page_join_candidates(toks, page_word_counts(toks))]


HEADINGS = (
    "Rice paid well.\n17th century\nDuring the 17th century, Dutch trading posts were set up.",
    "The city grew. 20th century At the end of World War I a republic was proclaimed.",
)


@pytest.mark.parametrize("text", HEADINGS)
def test_a_heading_is_no_sentence_that_lost_its_stop(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    assert ocr_stops.MIN_SENTENCE_WORDS == 5
    assert _stops(text) == []
    monkeypatch.setattr(ocr_stops, "MIN_SENTENCE_WORDS", 0)
    assert [s.strip() for s in _stops(text)] == ["century"]


def test_a_sentence_of_five_words_still_gets_its_stop() -> None:
    assert _stops("Mr. Smith went home today The men said so") == ["me today"]
    assert _stops("He left the sea ahead It was Ardnamurchan Point where they stood.")


PAGE = (
    "Tariffs fell to 47 per cent from 57 pcr cent. Duties rose 20 percent, then 30 "
    "percent. Fees are 10 per cent higher, and 9 per ceut lower."
)


def test_a_garbled_piece_of_the_pages_two_words_is_no_split_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_pagejoin, "PAGE_JOIN", True)
    assert ocr_pagejoin.PAIR_CUT
    assert _page_joins(PAGE) == []
    monkeypatch.setattr(ocr_pagejoin, "PAIR_CUT", False)
    assert _page_joins(PAGE) == ["percent", "percent"]


def test_a_stray_space_elsewhere_in_the_word_is_still_joined(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_pagejoin, "PAGE_JOIN", True)
    # the page prints "per cent" twice, but "perc ent" is cut elsewhere: a stray space
    page = PAGE.replace("pcr cent", "perc ent").replace("per ceut", "percen t")
    assert _page_joins(page) == ["percent", "percent"]


def test_a_two_item_lists_bullets_are_no_specks(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_marks

    def lone(text: str) -> list[str]:
        return [text[c.start : c.end] for c in ocr_marks.lone_mark_candidates(tokenize(text))]

    two = "By 2020:\n• A global network\n• English will rule"
    assert ocr_marks.LINE_LIST_MIN == 2
    assert lone(two) == []
    monkeypatch.setattr(ocr_marks, "LINE_LIST_MIN", 0)
    assert len(lone(two)) == 2
    monkeypatch.setattr(ocr_marks, "LINE_LIST_MIN", 2)
    # one bullet-like mark at a line's start is still a speck
    assert lone("the policy of\n• The Water Board met.")
