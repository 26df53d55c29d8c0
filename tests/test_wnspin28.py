"""Session 28, wnspin28: a word restoration declined where the written word is the one its
book-pair neighbours pair with (repair/score/spin_book_pair.py, the stage's BOOK_PAIR),
and the span tight reading's two switches (SPAN_TIGHT_DECLINED_ONLY,
SPAN_TIGHT_CONTENT_OPEN; measured on dev, shipped off)."""

from __future__ import annotations

import pytest

import repair.stages.spin as stage
from repair.candidates.spin_phrase import PhraseEvidence, TightReading
from repair.document import Document
from repair.score.spin_book_pair import book_declined, book_margin
from repair.score.spin_model import get_model
from repair.types import Candidate, Edit

TEXT = "Talks on atomic arms control went on. The uranium industry grew; the domicile burned."


def _at(text: str, word: str) -> tuple[int, int]:
    a = text.index(word)
    return a, a + len(word)


@pytest.mark.parametrize(
    ("word", "original", "at_least"),
    [
        ("arms", "weapons", True),  # "atomic arms", "arms control": the author's pairs
        ("uranium", "u", True),  # "the uranium industry"
        ("domicile", "home", False),  # a spun word: "the home" fits better
    ],
)
def test_book_margin_reads_the_written_pair(word: str, original: str, at_least: bool) -> None:
    doc = Document(TEXT)
    m = book_margin(doc, *_at(TEXT, word), original)
    assert m is not None
    assert (m >= 1.5) is at_least


def test_book_margin_is_none_off_a_word_token_or_for_a_span() -> None:
    doc = Document(TEXT)
    a, b = _at(TEXT, "arms")
    assert book_margin(doc, a, b + 8, "weapons") is None  # "arms con..." is no token
    assert book_margin(doc, a + 1, b, "weapons") is None
    assert book_margin(doc, a, b, "nuclear weapons") is None  # a span original
    assert book_margin(Document("on 1990 basis"), 3, 7, "year") is None  # not a word


def test_book_margin_stops_at_punctuation() -> None:
    # "grew;" ends the clause: "the domicile" is read with its left neighbour only
    doc = Document(TEXT)
    a, b = _at(TEXT, "domicile")
    alone = Document("the domicile")
    assert book_margin(doc, a, b, "home") == pytest.approx(book_margin(alone, 4, 12, "home"))


def _edit(text: str, word: str, replacement: str, rule: str = "SPIN_SYNONYM") -> Edit:
    a, b = _at(text, word)
    return Edit(a, b - a, word, replacement, "spin", 0.9, rule)


def test_book_declined_reads_word_model_restorations_only() -> None:
    doc = Document(TEXT)
    arms = _edit(TEXT, "arms", "weapons")
    home = _edit(TEXT, "domicile", "home")
    carried = _edit(TEXT, "uranium", "u", "CONSISTENT_RESTORATION")
    kept, out = book_declined(doc, [arms, home, carried], 1.5)
    assert out == [arms]
    assert kept == [home, carried]
    # a margin no pair reaches declines nothing
    assert book_declined(doc, [arms, home], 99.0) == ([arms, home], [])


def _cand(text: str, word: str, original: str) -> Candidate:
    a, b = _at(text, word)
    f = {
        "strength": "synonym",
        "caps": False,
        "pair_source": "synonym",
        "model_probability": 0.99,
        "word_bar": 0.4,
        "gain0": 6.0,
        "main_features": [],
    }
    return Candidate(a, b, original, "spin", "SPIN_SYNONYM", f)


@pytest.mark.parametrize("margin", [1.5, None])
def test_the_stage_declines_them(monkeypatch: pytest.MonkeyPatch, margin: float | None) -> None:
    monkeypatch.setattr(stage, "BOOK_PAIR", margin)
    doc = Document(TEXT)
    details = {"model_score": max(0.99, get_model().doc_gate), "profile_score": 0.0}
    det = stage.SpinDetection((), 0.99, details)
    cands = [_cand(TEXT, "arms", "weapons"), _cand(TEXT, "domicile", "home")]
    got = {e.original: e.replacement for e in stage.STAGE.score(doc, det, cands)}
    assert got.get("domicile") == "home"
    if margin is None:
        assert got.get("arms") == "weapons"
    else:
        assert "arms" not in got
        assert details["decisions"].get("book_pair") == 1


def _ph(written: str, original: str, gain: float, tight: TightReading) -> PhraseEvidence:
    # a loose-source choice (Moby), kept by _phrase_kept where its gain is high
    return PhraseEvidence(
        0, len(written), written, original, gain, 3.0, 0.5, 6.0, 6.0, 8.0, True, 2, False,
        tight,
    )  # fmt: skip


TIGHT = TightReading("roll", 9.5, 5.0, 4.5, 0.1)


@pytest.mark.parametrize(
    ("declined_only", "gain", "expect"),
    [
        (False, 14.0, "roll"),  # the tight reading overrides a kept choice
        (True, 14.0, "find"),  # ... not with the switch: the kept choice stays
        (True, 5.0, "roll"),  # the choice would be declined: the tight reading is read
    ],
)
def test_tight_reading_only_where_the_choice_is_declined(
    monkeypatch: pytest.MonkeyPatch, declined_only: bool, gain: float, expect: str
) -> None:
    monkeypatch.setattr(stage, "SPAN_TIGHT_DECLINED_ONLY", declined_only)
    ph = _ph("turn over", "find", gain, TIGHT)
    assert stage._phrase_kept(stage._phrase_candidate(ph)) == (gain >= 10.0)
    assert stage._span_candidate(ph).replacement == expect


@pytest.mark.parametrize(
    ("written", "content_open", "expect"),
    [
        ("of necessity", False, "inevitably"),
        ("of necessity", True, "needs"),  # opens with a function word: no tight reading
        ("turn over", True, "inevitably"),  # a content word first: read as before
    ],
)
def test_tight_reading_for_spans_opening_with_a_content_word(
    monkeypatch: pytest.MonkeyPatch, written: str, content_open: bool, expect: str
) -> None:
    monkeypatch.setattr(stage, "SPAN_TIGHT_CONTENT_OPEN", content_open)
    ph = _ph(written, "needs", 5.0, TightReading("inevitably", 9.5, 5.0, 4.5, 0.1))
    assert stage._span_candidate(ph).replacement == expect


def test_the_switches_ship_off_and_the_book_pair_on() -> None:
    # measured on dev (benchmarks/RESULTS.md, "Session 28, wnspin28")
    assert stage.SPAN_TIGHT_DECLINED_ONLY is False
    assert stage.SPAN_TIGHT_CONTENT_OPEN is False
    assert stage.BOOK_PAIR == 1.5
