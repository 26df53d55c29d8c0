"""Readings proposed by the context (:mod:`repair.candidates.ocr_context`)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_context
from repair.candidates.ocr_context import context_candidates, context_reading, neighbours
from repair.tokenize import tokenize


def _index(toks: list, text: str) -> int:
    return next(i for i, t in enumerate(toks) if t.text == text)


def test_neighbours_stop_at_marks_and_paragraphs() -> None:
    toks = tokenize("Ho said. It is cipcctcd that the")
    assert neighbours(toks, _index(toks, "cipcctcd")) == (["It", "is"], "that")
    toks = tokenize("said, cipcctcd. The")
    assert neighbours(toks, _index(toks, "cipcctcd")) == ([], None)
    toks = tokenize("is\n\ncipcctcd that")
    assert neighbours(toks, _index(toks, "cipcctcd")) == ([], "that")


def test_the_context_reads_a_word_the_glyphs_do_not_reach() -> None:
    found = context_reading("cipcctcd", ["It", "is"], "that")
    assert found is not None and found[0] == "expected"
    found = context_reading("pjbhc", ["stray", "in"], "places")
    assert found is not None and found[0] == "public"


def test_no_reading_when_two_words_fit() -> None:
    # "aotkm": "act" and "acts" lead "lot", "form" by less than the margin
    assert context_reading("aotkm", ["m", "m"], "of") is None


def test_a_near_variant_does_not_block_the_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    # "passengers" and "passenger" are one letter apart: the margin is over other words
    found = context_reading("pasiontrert", [], None)
    assert found is not None and found[0] == "passengers"
    monkeypatch.setattr(ocr_context, "VARIANT_EDITS", 0)
    assert context_reading("pasiontrert", [], None) is None


def _cands(text: str, covered: frozenset[tuple[int, int]] = frozenset()) -> list:
    toks = tokenize(text)
    words = [i for i, t in enumerate(toks) if t.kind == "word"]
    counts = {t.text: 1 for t in toks if t.kind == "word"}
    return context_candidates(toks, words, counts, covered, lambda _w: False, {})


def test_candidates_only_for_bare_lower_case_non_words(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "It is cipcctcd that the"
    got = _cands(text)
    assert [(text[c.start : c.end], c.replacement) for c in got] == [("cipcctcd", "expected")]
    assert got[0].features["cost"] <= ocr_context.COST_CAP
    # another reading reached the span: the context is not consulted
    assert _cands(text, frozenset({(6, 14)})) == []
    # a capitalised form printed once is often a name
    assert _cands("It is Cipcctcd that the") == []
    monkeypatch.setattr(ocr_context, "CONTEXT", False)
    assert _cands(text) == []


@pytest.mark.parametrize(
    "token", ["cipcctcd", "pjbhc", "epulderabla", "luiuiediutely", "dilapiiatinn"]
)
def test_bounded_pricing_keeps_the_cheapest_readings_of_full_pricing(token: str) -> None:
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    from repair.candidates import ocr_context
    from repair.score.ocr_price import channel_cost

    low = token.lower()
    cutoff = max(2, int(len(low) * ocr_context.DISTANCE_SHARE + 0.5))
    hits = process.extract(
        low,
        ocr_context._pool(len(low)),
        scorer=Levenshtein.distance,
        score_cutoff=cutoff,
        limit=None,
    )
    full = sorted((channel_cost(token, w), w) for w, _d, _k in hits if w != low)
    assert ocr_context.cheapest_readings(token) == tuple(full[: ocr_context.PRICED])
