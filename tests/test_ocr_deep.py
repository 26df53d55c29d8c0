"""The deeper confusion search towards common words (repair/score/ocr_deep.py)."""

from __future__ import annotations

import pytest

from repair.resources.frequency import zipf
from repair.score import ocr_deep, ocr_search
from repair.score.ocr_search import MAX_SUBS, cost_bound, wide_candidates


@pytest.fixture
def fresh_wide():  # noqa: ANN201
    wide_candidates.cache_clear()
    yield
    wide_candidates.cache_clear()


def test_a_word_beyond_the_wide_bound_is_reached() -> None:
    # "picscnr": ic/re, c/e, r/t, 10.8 nats, past the wide search's 10
    assert cost_bound("picscnr") < 10.8
    best = ocr_deep.deep_candidates("picscnr", cost_bound("picscnr"), MAX_SUBS)[0]
    assert best.text == "present" and len(best.subs) == 3


def test_readings_are_common_words_with_the_case_of_the_token() -> None:
    for token in ("picscnr", "svrnptthj", "ollieoi", "Rlisroll", "PICSCNR"):
        readings = ocr_deep.deep_candidates(token, cost_bound(token), MAX_SUBS)
        assert readings
        for c in readings:
            assert zipf(c.text.lower()) >= ocr_deep.TARGET_ZIPF
            assert c.text[:1].isupper() == token[:1].isupper()
            assert c.cost <= cost_bound(token) + ocr_deep.EXTRA_COST


def test_short_tokens_are_not_searched() -> None:
    assert ocr_deep.deep_candidates("tbc", 9.0, MAX_SUBS) == ()


def test_the_wide_search_asks_only_when_it_has_no_common_reading(fresh_wide) -> None:  # noqa: ANN001
    assert "present" in [c.text for c in wide_candidates("picscnr")]
    # "atlcndanco" has a common reading within the bound: nothing is added
    assert [c.text for c in wide_candidates("atlcndanco")][:1] == ["attendance"]
    assert all(c.cost <= cost_bound("atlcndanco") for c in wide_candidates("atlcndanco"))


def test_the_switch_undoes_the_step(fresh_wide, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(ocr_deep, "DEEP", False)
    assert "present" not in [c.text for c in ocr_search.wide_candidates("picscnr")]
