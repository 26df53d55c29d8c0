"""Session 61, ocrsplit: a heavy page's same-line split read jointly, its plain spaces
priced by their learned rate of lying inside one word
(:mod:`repair.candidates.ocr_splitprior`, ``ocr_heavyjoin.SAME_LINE_PRIOR``)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_heavyjoin, ocr_splitprior
from repair.tokenize import tokenize


def _joins(text: str) -> list[tuple[str, str]]:
    got = ocr_heavyjoin.heavy_join_candidates(tokenize(text))
    return [(text[c.start : c.end], c.replacement) for c in got]


@pytest.mark.parametrize(
    ("text", "span", "word"),
    [
        ("he will intro luce the bill", "intro luce", "introduce"),
        ("the Cn airman of the meeting said", "Cn airman", "Chairman"),
    ],
)
def test_same_line_split_read_with_the_prior(
    monkeypatch: pytest.MonkeyPatch, text: str, span: str, word: str
) -> None:
    assert _joins(text) == [(span, word)]
    monkeypatch.setattr(ocr_heavyjoin, "SAME_LINE_PRIOR", False)
    assert _joins(text) == []  # main before session 61: a same-line space is never read


def test_prior_refuses_a_weak_same_line_join(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "di spite" (a short non-word beside a dictionary word: 6 of 802 such spaces lie
    inside a word) read as "dispute" clears the flat spacing price, not the learned one."""
    text = "it was in spite of the di spite of the"
    assert _joins(text) == []
    monkeypatch.setattr(ocr_heavyjoin, "SAME_LINE_PRIOR", False)
    monkeypatch.setattr(ocr_heavyjoin, "LINE_ONLY", False)
    assert _joins(text) == [("di spite", "dispute")]


def test_line_break_runs_unchanged() -> None:
    """A run across a line break keeps session 60's price (the flat spacing cost)."""
    assert _joins("The deaths ra\ncorded during the week were") == [("ra\ncorded", "recorded")]


def test_space_price_by_class() -> None:
    table = ocr_splitprior.table()
    assert sum(p for p, _s in table.values()) > 10_000
    assert ocr_splitprior.pair_class("B", "inking") == (1, 1, True)
    # two short non-words are split far more often than two dictionary words
    assert ocr_splitprior.space_cost("ddi", "ional") < ocr_splitprior.space_cost("per", "peel")
    assert ocr_splitprior.split_cost(["w", "an", "to"]) == pytest.approx(
        ocr_splitprior.space_cost("w", "an") + ocr_splitprior.space_cost("an", "to")
    )
    assert all(c > 0 for c in map(ocr_splitprior.space_cost, ["ab", "the"], ["cd", "man"]))


@pytest.mark.parametrize(
    ("text", "span", "word"),
    [
        ("one third of all the ba ttlesof the war", "the ba", "these"),
        ("China-US rela- tious and to exchange views", "tious and", "thousand"),
    ],
)
def test_common_word_piece_refused(
    monkeypatch: pytest.MonkeyPatch, text: str, span: str, word: str
) -> None:
    """A piece as common as "the" or "and" is a word (the audit's dev half, session 61)."""
    assert _joins(text) == []
    monkeypatch.setattr(ocr_heavyjoin, "SAME_LINE_COMMON_ZIPF", 99.0)
    assert _joins(text) == [(span, word)]


def test_piece_that_is_half_of_a_neighbouring_word_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """"individual sy mptoms": "sy" is half of "symptoms", no end of "individually"."""
    text = "Autism's individual sy mptoms occur in the general"
    assert _joins(text) == []
    monkeypatch.setattr(ocr_heavyjoin, "SAME_LINE_OUTER_JOIN", False)
    assert _joins(text) == [("individual sy", "individually")]


def test_half_of_a_word_across_a_line_break_refused() -> None:
    assert _joins("Autism's individual sy\nmptoms occur in the general") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("both nations had benefited from coop-\nerat ion and suffered", "erat ion"),
        ("restricted interests and repe-\ntit ive behavior", "tit ive"),
    ],
)
def test_tail_of_a_hyphenated_word_is_not_joined(
    monkeypatch: pytest.MonkeyPatch, text: str, span: str
) -> None:
    """Pieces that begin a line after a line-end hyphen end a hyphenated word: no
    "coop-⏎creation", no "repe-⏎native" (``SAME_LINE_HYPHEN_TAIL``, session 61, lead)."""
    assert [s for s, _w in _joins(text)] == []
    monkeypatch.setattr(ocr_heavyjoin, "SAME_LINE_HYPHEN_TAIL", False)
    assert span in [s for s, _w in _joins(text)]
