"""A lost stop is not read before a title-case run inside a line (ocr_stops.NAME_RUN_AFTER)."""

from repair.candidates import ocr_stops
from repair.tokenize import tokenize

PAGE = "The town grew for many years into what is now present-day New York City and more."


def _stops(text: str) -> list[int]:
    return [c.start for c in ocr_stops.lost_stop_candidates(tokenize(text), frozenset())]


def test_no_stop_before_name_run(monkeypatch):
    monkeypatch.setattr(ocr_stops, "NAME_RUN_AFTER", 0)
    off = _stops(PAGE)
    monkeypatch.setattr(ocr_stops, "NAME_RUN_AFTER", 2)
    on = _stops(PAGE)
    gap = PAGE.index(" New")
    assert gap in off
    assert gap not in on


def test_line_end_gap_keeps_stop(monkeypatch):
    page = PAGE.replace("present-day New", "present-day\nNew")
    monkeypatch.setattr(ocr_stops, "NAME_RUN_AFTER", 2)
    assert _stops(page) == _stops(page.replace("New York City", "New York city"))


def test_capital_run_counts():
    toks = tokenize("is present-day New York City and")
    assert ocr_stops._capital_run(toks, 6) == 2
    assert ocr_stops._capital_run(tokenize("costs The council met"), 2) == 0
