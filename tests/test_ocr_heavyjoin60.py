"""Session 60, ocrheavy: a heavy page's word split at a line end, its pieces misread too,
read jointly (join + learned channel in one candidate; :mod:`repair.candidates.ocr_heavyjoin`)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_heavyjoin
from repair.tokenize import tokenize


def _joins(text: str) -> list[tuple[str, str]]:
    got = ocr_heavyjoin.heavy_join_candidates(tokenize(text))
    return [(text[c.start : c.end], c.replacement) for c in got]


@pytest.mark.parametrize(
    ("text", "span", "word"),
    [
        ("The deaths ra\ncorded during the week were", "ra\ncorded", "recorded"),
        ("the crowd was at\ntrscted by the show", "at\ntrscted", "attracted"),
        ("he was ap\npo nted to the office", "ap\npo nted", "appointed"),  # three pieces
        ("a piece of rall\nw aj and the line", "rall\nw aj", "railway"),
        ("in the bright bun\nshine of the day", "bun\nshine", "sunshine"),
    ],
)
def test_split_and_misread_word_read_jointly(
    monkeypatch: pytest.MonkeyPatch, text: str, span: str, word: str
) -> None:
    # session 61's same-line reading also offers "po nted" -> "posted" beside the join
    monkeypatch.setattr(ocr_heavyjoin, "SAME_LINE_PRIOR", False)
    assert _joins(text) == [(span, word)]
    (c,) = ocr_heavyjoin.heavy_join_candidates(tokenize(text))
    assert c.source == "OCR_JOIN_SPLIT" and c.features["cost"] > 0
    assert c.features["orig"] == text[c.start : c.end].split()


def test_flag_off_proposes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_heavyjoin, "HEAVY_JOIN", False)
    assert _joins("The deaths ra\ncorded during the week were") == []


def test_real_two_word_reading_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """"close⏎ol the" reads better as "close of the" than as "closest": the pieces' own
    readings beat the join; without the guard the join is proposed."""
    text = "at the close\nol the day"
    assert _joins(text) == []
    monkeypatch.setattr(ocr_heavyjoin, "SAME_LINE_PRIOR", False)  # no "ol the" -> "olive"
    monkeypatch.setattr(ocr_heavyjoin, "PIECES_MARGIN", -99.0)
    assert _joins(text) == [("close\nol", "closest")]


def test_same_line_space_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_heavyjoin, "SAME_LINE_PRIOR", False)  # session 61's reading
    text = "the deaths ra corded during the week"
    assert _joins(text) == []
    monkeypatch.setattr(ocr_heavyjoin, "LINE_ONLY", False)
    assert _joins(text) == [("ra corded", "recorded")]


def test_speck_beside_a_word_is_no_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "the Captain\n\u00ed said that"
    assert _joins(text) == []
    monkeypatch.setattr(ocr_heavyjoin, "SPECK_GUARD", False)
    monkeypatch.setattr(ocr_heavyjoin, "PIECES_MARGIN", -99.0)
    assert [w for _s, w in _joins(text)] == ["Captains"]


@pytest.mark.parametrize(
    "text",
    [
        "the deaths ra\n\ncorded during",  # a blank line: no split word
        "the deaths 1ra\ncorded during",  # a digit glued outside the pieces
        "the deaths ra\nCorded during",  # a capital later piece
        "it was some\ntime ago",  # the plain join's ("sometime" is a word as printed)
        "interrogating Saud\nal-Rasheed and",  # a compound's head: no "Scandal-Rasheed"
    ],
)
def test_no_join(text: str) -> None:
    assert _joins(text) == []
