"""Session 62 (scale): the reverse table's degrees kept in the per-user cache
(:data:`repair.candidates.tortured_rare.DEGREES_CACHED`): the same dict, read back
without counting the table again (each forked window's child of a big text counted it)."""

from __future__ import annotations

import math

import pytest

from repair.candidates import tortured_rare
from repair.resources import cache


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    tortured_rare._degrees.cache_clear()
    yield
    tortured_rare._degrees.cache_clear()


def test_cached_degrees_equal_counted(fresh, monkeypatch):
    monkeypatch.setattr(tortured_rare, "DEGREES_CACHED", True)
    counted = tortured_rare._count_degrees()
    first = tortured_rare._degrees()  # counted and stored
    tortured_rare._degrees.cache_clear()
    again = tortured_rare._degrees()  # read back from the cache
    assert first == counted and again == counted
    assert list(again.items()) == list(counted.items())
    assert tortured_rare.log_degree("paper") == pytest.approx(math.log1p(counted.get("paper", 0)))


@pytest.mark.parametrize("on", [True, False])
def test_second_process_reads_the_cache(fresh, monkeypatch, on):
    """With the flag a later process (here: the memo emptied) reads the stored dict and
    does not count the table; without it, it counts again."""
    monkeypatch.setattr(tortured_rare, "DEGREES_CACHED", on)
    tortured_rare._degrees()
    tortured_rare._degrees.cache_clear()
    calls = []

    class Counting(tortured_rare.Counter):  # the counting builder's Counter, recorded
        def __init__(self, *args, **kwargs):
            calls.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(tortured_rare, "Counter", Counting)
    tortured_rare._degrees()
    assert calls == ([] if on else [1])
