"""Session 41 (issue 12): a word rejoined at a line-end hyphen loses the capital I the OCR
misread ("an In-⏎spection" -> "inspection"), and a short known word before a lowered word
with a mark after it ("of Ill-health")."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_case, ocr_hyphencase
from repair.candidates.ocr_case import case_candidates
from repair.candidates.ocr_hyphen import hyphen_candidates
from repair.candidates.ocr_hyphencase import lower_joined
from repair.tokenize import tokenize


def _joined(text: str, piece: str, *, garbled: bool = True) -> list[str]:
    start = text.index(piece)
    end = start + len(piece)
    toks = tokenize(text)
    cands = hyphen_candidates(text, start, end, False)
    return [c.replacement for c in lower_joined(cands, toks, frozenset(), {}, garbled=garbled)]


def test_rejoined_word_is_lowered_in_running_text() -> None:
    text = "The board said that an In-\nspection of the works was made by the men."
    assert _joined(text, "In-\nspection") == ["inspection"]


def test_flag_off_keeps_the_dehyphenation_as_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_hyphencase, "HYPHEN_CASE", False)
    text = "The board said that an In-\nspection of the works was made by the men."
    assert _joined(text, "In-\nspection") == ["Inspection"]


def test_clean_page_lowers_only_function_words() -> None:
    text = "The board said that an In-\nspection of the works was made by the men."
    assert _joined(text, "In-\nspection", garbled=False) == ["Inspection"]


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        ("He spoke of the In-\ndian Ocean and the ships.", "In-\ndian"),  # a name's word
        ("He met the Im-\nperial Government at noon.", "Im-\nperial"),  # before a capital
        ("The men left. In-\nspection of the works began.", "In-\nspection"),  # a sentence
    ],
)
def test_names_and_sentence_openers_keep_their_capital(text: str, piece: str) -> None:
    got = _joined(text, piece)
    assert got and got[0][:1] == "I"


def test_short_known_word_before_a_lowered_word_with_a_mark() -> None:
    toks = tokenize("assistance to men who, by reason of Ill-health, old age")
    i = next(k for k, t in enumerate(toks) if t.text == "Ill")
    got = case_candidates(toks, i, frozenset(), {}, garbled=True)
    assert [c.replacement for c in got] == ["ill"]


def test_short_word_flag_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_case, "SHORT_BEFORE", False)
    toks = tokenize("assistance to men who, by reason of Ill-health, old age")
    i = next(k for k, t in enumerate(toks) if t.text == "Ill")
    assert case_candidates(toks, i, frozenset(), {}, garbled=True) == []


def test_ordinal_suffix_is_no_short_word() -> None:
    toks = tokenize("Bennett, from River, 20th Instant. Bennett, Little, and Co.")
    i = next(k for k, t in enumerate(toks) if t.text == "Instant")
    assert case_candidates(toks, i, frozenset(), {}, garbled=True) == []


def test_line_end_capital_is_off_and_reads_when_on(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "he has led a retired life and his friends say that a man who says so He\n"
        "Is survived by a widow and three sons who live in the city and work there"
    )
    toks = tokenize(text)
    i = next(k for k, t in enumerate(toks) if t.text == "Is")
    assert not ocr_case.LINE_END_CAPITAL
    before = ocr_case._capital_line_end(toks, i)
    assert before is not None and before.text == "He"
