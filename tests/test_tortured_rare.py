"""The rare-word pass's own candidate list (repair.candidates.tortured_rare)."""

from __future__ import annotations

import pytest

from repair.candidates import spin_synonyms, tortured_rare


def test_ranking_does_not_depend_on_the_synonym_table_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    words = ("descant", "latticework", "comportment", "diminution", "bunching")
    before = {w: tortured_rare.ranked(w) for w in words}
    real = spin_synonyms.originals_of
    monkeypatch.setattr(tortured_rare, "originals_of", lambda w: tuple(reversed(real(w))))
    tortured_rare._ranked.cache_clear()
    try:
        assert {w: tortured_rare.ranked(w) for w in words} == before
    finally:
        tortured_rare._ranked.cache_clear()


def test_habits_first_then_more_ordinary_candidates() -> None:
    ranked = tortured_rare.ranked("latticework")
    assert "network" in ranked[:3]
    assert all(" " not in c and c not in tortured_rare.FUNCTION_WORDS for c in ranked)
    assert tortured_rare.ranked("the") == ()
    assert not tortured_rare.has_candidates("xqzv")
    assert tortured_rare.has_candidates("descant")


def test_prior_prefers_common_candidates_with_few_listers() -> None:
    assert tortured_rare.prior("paper", 2.0) > tortured_rare.prior("dissertation", 2.0)


@pytest.mark.parametrize(
    ("word", "closed"),
    [
        ("had", True),  # an auxiliary (STOPWORDS)
        ("did", True),
        ("done", True),  # a form of "do", not itself in STOPWORDS
        ("other", True),  # a determiner
        ("only", True),
        ("another", True),  # determiners STOPWORDS lacks (CLOSED_WORDS)
        ("further", True),
        ("among", True),
        ("heated", False),  # content words, also verb forms
        ("owned", False),  # "own" is in STOPWORDS, but only auxiliaries' forms are closed
        ("canned", False),
        ("bought", False),
        ("new", False),
        ("additional", False),
        ("several", False),  # a quantifier a sense spinner does swap ("multifarious")
    ],
)
def test_closed_class_words(word: str, closed: bool) -> None:
    assert tortured_rare.closed_class(word) is closed


@pytest.mark.parametrize(
    ("written", "closed", "content"),
    [
        ("lubricated", "had", "helped"),
        ("frazzled", "done", "burned"),
        ("unrepeatable", "only", "alone"),
        ("supernumerary", "another", "new"),
    ],
)
def test_candidates_are_content_words_and_the_switch_restores_the_rest(
    monkeypatch: pytest.MonkeyPatch, written: str, closed: str, content: str
) -> None:
    def fresh() -> tuple[str, ...]:
        tortured_rare._ranked.cache_clear()
        tortured_rare.pool.cache_clear()
        return tortured_rare.ranked(written, 50)

    try:
        on = fresh()
        assert content in on and closed not in on
        assert closed in tortured_rare.pool(written)  # the density counts keep it
        monkeypatch.setattr(tortured_rare, "CONTENT_ONLY", False)
        off = fresh()
        assert closed in off and content in off
    finally:
        monkeypatch.undo()
        fresh()
