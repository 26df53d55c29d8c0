"""Session 38 (ocrbracket38, issue 12): a bracket glued to a word that its lines never
close (open) is, on a garbled page, mostly a misread letter or a speck ("(rand" ->
grand, "(he" -> the); a bracket whose partner is near stays."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_glued
from repair.tokenize import tokenize
from tests.ocr_page import GARBLED, repaired_after_page


def _unmatched(text: str, word: str) -> frozenset[int]:
    toks = tokenize(text)
    for i, j in ocr_glued._chunk_spans(toks):
        chunk = "".join(t.text for t in toks[i:j])
        if chunk == word:
            return ocr_glued.unmatched_brackets(toks, i, j, chunk)
    raise AssertionError(word)


def test_an_unclosed_leading_bracket_is_found() -> None:
    assert _unmatched("so made in\n(rand of his partner.", "(rand") == {0}
    assert _unmatched("complemented (he still\nlife bowls", "(he") == {0}


def test_an_unopened_trailing_bracket_is_found() -> None:
    assert _unmatched("FORTS.\nYcstcrda) Major-General French", "Ycstcrda)") == {8}
    assert _unmatched("the Works), and more", "Works),") == {5}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("the members (he said) were there", "(he"),
        ("the members (he said\nat the meeting) were there", "(he"),
        ("the company (see\nabove\nand below) were", "(see"),
        ("the steamer (a) and (1) left", "(a)"),
        ("the law (as amended) stands", "amended)"),
        ("said (in a\nlong\nspeech that\nwent on) he", "(in"),
        ("a (V>e*.lliur Cpl", "(V>e*.lliur"),  # more marks than the bracket: not this rule
    ],
)
def test_brackets_with_a_partner_nearby_stay(text: str, word: str) -> None:
    assert _unmatched(text, word) == frozenset()


def test_the_partner_is_looked_for_on_a_few_lines_only() -> None:
    far = "said (in a\n" + "word\n" * (ocr_glued.UNMATCHED_LINES + 1) + "end) he"
    assert _unmatched(far, "(in") == {0}
    para = "said (in a\n\nnew paragraph) he"  # a blank line ends the search
    assert _unmatched(para, "(in") == {0}


def test_an_unmatched_bracket_is_cheaper_to_read_as_a_letter(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ocr_glued, "UNMATCHED_LEARNED", False)  # the fixed shift (session 38)
    ocr_glued.chunk_readings.cache_clear()
    plain = {t: c for t, c, _thr in ocr_glued.chunk_readings("(rand")}
    one = frozenset({0})
    loose = {t: c for t, c, _thr in ocr_glued.chunk_readings("(rand", unmatched=one)}
    assert loose["grand"] == pytest.approx(plain["grand"] - ocr_glued.UNMATCHED_SHIFT)
    ocr_glued.chunk_readings.cache_clear()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "He said it had been so made in\n(rand of his partner, and the firm\nwas dissolved.",
            "so made in\ngrand of his partner",
        ),  # fmt: skip
        (
            "A check shirt complemented (he still\nlife bowls in some rooms.",
            "complemented the still\nlife",
        ),  # fmt: skip
    ],
)
def test_a_garbled_page_reads_the_unmatched_bracket(monkeypatch, text: str, want: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ocr_glued, "UNMATCHED_BRACKETS", False)
    ocr_glued.chunk_readings.cache_clear()
    assert want not in repaired_after_page(text)[len(GARBLED) :]
    monkeypatch.setattr(ocr_glued, "UNMATCHED_BRACKETS", True)
    ocr_glued.chunk_readings.cache_clear()
    assert want in repaired_after_page(text)[len(GARBLED) :]


@pytest.mark.parametrize(
    "text",
    [
        "The members (he said) were all present.",
        "The members (he said\nat the meeting) were all present.",
        "the Council of the company (see\nabove) were present, and (a) the one",
    ],
)
def test_real_brackets_stay_on_a_garbled_page(text: str) -> None:
    ocr_glued.chunk_readings.cache_clear()
    assert repaired_after_page(text)[len(GARBLED) :] == text


def test_unmatched_pieces_read_the_word_too(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    one = frozenset({5})
    monkeypatch.setattr(ocr_glued, "UNMATCHED_PIECES", False)
    ocr_glued.chunk_readings.cache_clear()
    assert "Works" not in {t for t, _c, _thr in ocr_glued.chunk_readings("Worka)", unmatched=one)}
    monkeypatch.setattr(ocr_glued, "UNMATCHED_PIECES", True)
    ocr_glued.chunk_readings.cache_clear()
    assert "Works" in {t for t, _c, _thr in ocr_glued.chunk_readings("Worka)", unmatched=one)}
    ocr_glued.chunk_readings.cache_clear()


def test_flags() -> None:
    assert ocr_glued.UNMATCHED_BRACKETS is True
    assert ocr_glued.UNMATCHED_HEAVY_ONLY is False
    assert ocr_glued.UNMATCHED_SHIFT == 4.0
    assert ocr_glued.UNMATCHED_LINES == 3
    assert ocr_glued.UNMATCHED_PIECES is False
