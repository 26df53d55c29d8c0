"""A real-word reading of one confusion priced above MAX_COST (issue 12, session 50):
:data:`repair.candidates.ocr_realword.ONE_SUB_MAX_COST`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.candidates import ocr_realword as rw


@pytest.fixture(autouse=True)
def fresh() -> Iterator[None]:
    rw._readings.cache_clear()
    yield
    rw._readings.cache_clear()


def _reads(word: str, heavy: bool = True) -> dict[str, float]:
    return {r[1]: r[0] for r in rw._readings(word, heavy)}


def test_one_dear_confusion_is_read_on_heavy_pages() -> None:
    assert rw.ONE_SUB_MAX_COST is not None and rw.ONE_SUB_MAX_COST > rw.MAX_COST
    got = _reads("hive")  # v printed for r: one row between MAX_COST and ONE_SUB_MAX_COST
    assert "hire" in got and rw.MAX_COST < got["hire"] <= rw.ONE_SUB_MAX_COST


def test_off_and_light_pages_keep_max_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "hire" not in _reads("hive", heavy=False)
    monkeypatch.setattr(rw, "ONE_SUB_MAX_COST", None)
    rw._readings.cache_clear()
    assert "hire" not in _reads("hive")
    assert all(c <= rw.MAX_COST for c in _reads("hive").values())


def test_capitalised_prints_keep_max_cost() -> None:
    assert not rw.ONE_SUB_CAPITALS
    assert all(c <= rw.MAX_COST for c in _reads("Hive").values())


def test_a_word_written_with_a_capital_is_no_lower_case_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert "muslim" not in _reads("muslin")  # "a white muslin dress"
    monkeypatch.setattr(rw, "ONE_SUB_MAX_CAPITAL_SHARE", 1.01)
    rw._readings.cache_clear()
    assert "muslim" in _reads("muslin")


def test_the_other_spelling_of_the_print_is_no_far_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    # A table learned from another archive may price s -> z within ONE_SUB_MAX_COST: the
    # far path must still not read a British print as its American spelling (lead, session 50).
    far = (rw.MAX_COST + rw.ONE_SUB_MAX_COST) / 2
    fake = {"authorized": (far, (("s", "z"),)), "authorizes": (far, (("d", "s"),))}
    monkeypatch.setattr(rw, "_variants", lambda text, bound, subs: dict(fake))
    assert "authorized" not in _reads("authorised")
    monkeypatch.setattr(rw, "ONE_SUB_NO_SPELLING", False)
    rw._readings.cache_clear()
    assert "authorized" in _reads("authorised")
