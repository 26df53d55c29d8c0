"""British / period spellings priced by their American spelling in the OCR scorer (session 57)."""

from __future__ import annotations

import pytest

from repair.resources.lm import get_lm
from repair.score import ocr_decide_fast, ocr_variantlm
from repair.score.ocr import Scorer


@pytest.fixture
def backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_variantlm, "VARIANT_BACKOFF", True)


def test_variant_of_maps_by_rule() -> None:
    v = ocr_variantlm.variant_of
    assert v("defences") == "defenses"  # -ence / -ense
    assert v("honours") == "honors"  # -our / -or
    assert v("recognised") == "recognized"  # -ise / -ize
    assert v("anaemia") == "anemia"  # ae / e
    assert v("connexion") == "connection"  # -xion / -ction


def test_variant_of_leaves_known_short_and_unmapped_words() -> None:
    v = ocr_variantlm.variant_of
    assert v("defence") == ""  # the model knows it
    assert v("the") == ""
    assert v("dofoiiccs") == ""  # garble: no rule gives a word
    assert v("colo") == ""  # too short


def test_off_is_the_shared_model(monkeypatch) -> None:
    assert ocr_variantlm.VARIANT_BACKOFF  # shipped setting (RESULTS, session 57, lead)
    monkeypatch.setattr(ocr_variantlm, "VARIANT_BACKOFF", False)
    base = get_lm()
    assert ocr_variantlm.scorer_lm(base) is base
    assert Scorer().lm is base


def test_on_prices_the_american_spelling_less_the_penalty(backoff: None) -> None:
    base = get_lm()
    model = ocr_variantlm.scorer_lm(base)
    assert model is not base and model is ocr_variantlm.scorer_lm(base)
    brit = model.sequence_logprob(["defences", "of", "the"], ["coast"])
    us = base.sequence_logprob(["defenses", "of", "the"], ["coast"])
    floor = base.sequence_logprob(["defences", "of", "the"], ["coast"])
    one = base.sequence_logprob(["defenses"], ["coast"]) - ocr_variantlm.VARIANT_PENALTY
    assert brit > floor
    # the word at its variant's price less the penalty; its context as the variant's
    assert brit == pytest.approx(us - ocr_variantlm.VARIANT_PENALTY, abs=1e-3)
    assert model.sequence_logprob(["defences"], ["coast"]) == pytest.approx(one, abs=1e-3)
    # the model's vocabulary is its own; the shared model (spin's) is unchanged
    assert not model.known("defences")
    assert base.sequence_logprob(["defences", "of", "the"], ["coast"]) == floor


def test_on_scorer_reads_british_reading(backoff: None) -> None:
    scorer = Scorer()
    assert scorer.lm is ocr_variantlm.scorer_lm(get_lm())
    # the compiled decision sums the wrapped n-gram scores itself
    assert ocr_decide_fast.lm_parts(scorer.lm)[0] is scorer.lm.prob
    d = scorer.decide(
        ["dcfences"], ["defences"], ["the", "coast"], ["of", "the"], cost=0.0, orig_known=False
    )
    assert d.accept and d.gain > 1.0


def test_off_scorer_charges_british_reading_the_floor(monkeypatch) -> None:
    monkeypatch.setattr(ocr_variantlm, "VARIANT_BACKOFF", False)
    d = Scorer().decide(
        ["dcfences"], ["defences"], ["the", "coast"], ["of", "the"], cost=0.0, orig_known=False
    )
    assert not d.accept and d.gain == pytest.approx(0.0, abs=1e-6)
