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


def _fresh_model(monkeypatch: pytest.MonkeyPatch, fast: bool):
    """A back-off model built with :data:`FAST_SEQUENCE` set (outside the shared memo)."""
    monkeypatch.setattr(ocr_variantlm, "FAST_SEQUENCE", fast)
    return ocr_variantlm._variant_model.__wrapped__(get_lm())


def test_fast_sequence_is_the_python_sum(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ocr_variantlm.FAST_SEQUENCE  # shipped setting (RESULTS, session 57, ocrvariant2)
    slow = _fresh_model(monkeypatch, False)
    fast = _fresh_model(monkeypatch, True)
    assert slow._sequence is None and fast._sequence is not None
    cases = [
        (["the", "coast", "was", "quiet"], []),
        (["defences", "of", "the"], ["coast"]),
        (["of", "the", "harbour"], ["the", "Defences"]),
        (["Honours", "board"], ["school"]),
        (["xqzt", "labourer", "and"], ["a"]),
        ([], ["honours"]),
    ]
    for words, hist in cases:
        assert fast.sequence_logprob(words, hist) == slow.sequence_logprob(words, hist)


def test_fast_sequence_asks_the_compiled_sum_only_without_a_mapped_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fast = _fresh_model(monkeypatch, True)
    seen: list[list[str]] = []
    compiled = fast._sequence.compiled

    def counting(words, *rest):
        seen.append(list(words))
        return compiled(words, *rest)

    monkeypatch.setattr(fast._sequence, "compiled", counting)
    fast.sequence_logprob(["the", "coast", "was"], ["on"])
    fast.sequence_logprob(["defences", "of"], ["coast"])  # a mapped word: the Python sum
    fast.sequence_logprob(["of", "the"], ["coast", "defences"])  # mapped history: Python
    assert seen == [["the", "coast", "was"]]


def test_readers_off_is_the_shared_model(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not ocr_variantlm.READERS  # shipped setting (RESULTS, session 57, ocrvariant2)
    assert ocr_variantlm.reader_lm() is get_lm()


def test_readers_on_route_the_realword_margin(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_realword

    monkeypatch.setattr(ocr_variantlm, "VARIANT_BACKOFF", True)
    args = (["the", "coast"], "defeats", "defences", 0.0, 0.0)
    monkeypatch.setattr(ocr_variantlm, "READERS", False)
    off = ocr_realword._bounded_margin(*args)
    monkeypatch.setattr(ocr_variantlm, "READERS", True)
    assert ocr_variantlm.reader_lm() is ocr_variantlm.scorer_lm(get_lm())
    on = ocr_realword._bounded_margin(*args)
    assert on > off + 1.0  # "defences" off the unknown-word floor
    monkeypatch.setattr(ocr_variantlm, "VARIANT_BACKOFF", False)
    assert ocr_variantlm.reader_lm() is get_lm()  # the back-off's own switch governs
