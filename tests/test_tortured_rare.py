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
