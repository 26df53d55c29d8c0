"""Marks glued to words: the learned fate model and its candidates (data-driven cases)."""

import pytest

from repair.candidates.ocr_glued import chunk_readings, context_of, mark_model
from tests.ocr_page import GARBLED, load_cases, repaired_after_page

CASES = load_cases("ocr_glued")


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_glued_mark_cases(case: dict[str, str]) -> None:
    out = repaired_after_page(case["text"])
    assert out.endswith(case["expect"]), out[len(GARBLED) - 40 :]


def test_context_classes() -> None:
    assert context_of(".voted", 0) == "lead:_a"
    assert context_of("p.m.", 1) == "inner:bb"
    assert context_of("building«", 8) == "trail:a_"
    assert context_of("Korea/BEIJING", 5) == "inner:aA"


def test_learned_fates() -> None:
    model = mark_model()
    # a "«" after a word is a misread "s", never punctuation; a full stop after one stays
    assert model.probs("«", "trail:a_")["letter"] > 0.8
    assert model.probs(".", "trail:a_")["keep"] > 0.9
    # a full stop glued before a lower-case word is a speck
    assert model.probs(".", "lead:_a")["drop"] > 0.8


def test_readings_of_a_chunk() -> None:
    assert chunk_readings("building«")[0][0] == "buildings"
    assert chunk_readings(".voted")[0][0] == "voted"
    # dropping a real full stop costs (the LM gains nothing from it)
    assert all(c > 0 for _t, c, _thr in chunk_readings("voted."))
    # a line-end hyphen is left to the hyphenation candidates
    assert chunk_readings("conc-", "\n") == []
    # a mark never seen in training (a curly quote) is left alone
    assert chunk_readings("\u201cand") == []
