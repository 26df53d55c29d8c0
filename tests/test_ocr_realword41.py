"""Two-letter real words read as the commonest words at a dearer price (issue 12,
session 41): :data:`repair.candidates.ocr_realword.FREQUENT_REACH` (on)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.candidates import ocr_realword
from repair.pipeline import repair_text
from tests.test_ocr_wide import NEWSPAPER


@pytest.fixture
def reach(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(ocr_realword, "FREQUENT_REACH", True)
    ocr_realword._readings.cache_clear()
    yield
    ocr_realword._readings.cache_clear()


def _readings(text: str, heavy: bool = True) -> dict[str, float]:
    return {v: c for c, v, _s in ocr_realword._readings(text, heavy)}


def test_on_by_default_and_the_switch_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ocr_realword.FREQUENT_REACH is True
    monkeypatch.setattr(ocr_realword, "FREQUENT_REACH", False)
    ocr_realword._readings.cache_clear()
    try:
        assert "was" not in _readings("ms")
        assert "be" not in _readings("ha")
    finally:
        ocr_realword._readings.cache_clear()


def test_a_print_reaches_a_commonest_word_beyond_the_usual_price(reach: None) -> None:
    got = _readings("ha")
    assert "be" in got and ocr_realword.MAX_COST < got["be"] <= ocr_realword.FREQUENT_MAX_COST
    assert "was" in _readings("ms")
    assert "in" in _readings("la")


def test_only_the_commonest_words_short_prints_and_heavy_pages(reach: None) -> None:
    for c, v, _s in ocr_realword._readings("ms", True):
        if c > ocr_realword.MAX_COST:
            assert ocr_realword.zipf(v) >= ocr_realword.FREQUENT_TARGET_MIN_ZIPF
    assert "was" not in _readings("ms", heavy=False)
    assert "be" not in _readings("Ha")  # capitalised prints keep their own search
    # longer prints keep the usual price: "fragile amid intensifying" is no "and"
    assert "and" not in _readings("amid")
    assert "be" not in _readings("lie")


def test_at_most_a_few_such_readings_a_print(reach: None) -> None:
    dear = [c for c, _v, _s in ocr_realword._readings("li", True) if c > ocr_realword.MAX_COST]
    assert 0 < len(dear) <= ocr_realword.FREQUENT_MAX_READINGS


def test_a_heavy_page_reads_it_in_context(monkeypatch: pytest.MonkeyPatch) -> None:
    text = NEWSPAPER.replace("hall.", "hall, and tho Mayor ms still a member of tho Council.")
    ocr_realword._readings.cache_clear()
    assert ("ms", "was") in {(e.original, e.replacement) for e in repair_text(text).edits}
    monkeypatch.setattr(ocr_realword, "FREQUENT_REACH", False)
    ocr_realword._readings.cache_clear()
    try:
        assert ("ms", "was") not in {(e.original, e.replacement) for e in repair_text(text).edits}
    finally:
        ocr_realword._readings.cache_clear()


def test_the_context_keeps_a_right_print(reach: None) -> None:
    text = NEWSPAPER.replace("hall.", "hall, and the author sent the ms to his publisher.")
    assert "sent the ms to his" in repair_text(text).text


def test_clean_text_is_untouched(reach: None) -> None:
    text = "He told a lie and the ms was lost; la and li are notes of the scale."
    assert repair_text(text).text == text
