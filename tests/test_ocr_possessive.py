"""A possessive whose apostrophe the OCR read as a space is read back (issue 12)."""

from __future__ import annotations

import pytest

import repair.candidates.ocr_possessive as ocr_possessive
from repair.candidates.ocr_possessive import possessive_candidates
from repair.tokenize import tokenize
from tests.ocr_page import repaired_after_page


def test_lone_s_after_a_word_is_a_possessive() -> None:
    out = repaired_after_page("The Neptune left St John s on November the first.")
    assert "John's" in out


def test_without_the_switch_it_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_possessive, "POSSESSIVE", False)
    out = repaired_after_page("The Neptune left St John s on November the first.")
    assert "John's" not in out


def test_only_a_lone_s_after_a_rare_enough_word() -> None:
    reps = [c.replacement for c in possessive_candidates(tokenize("last year s star"))]
    assert reps == ["year's"]
    assert possessive_candidates(tokenize("it s late")) == []  # the commonest words
    assert possessive_candidates(tokenize("the sons of it")) == []
    assert possessive_candidates(tokenize("year s' end")) == []
