"""Session 60, selfkept: a page's own keep rate of a speck glyph prices the self-trained
marks rows' "kept" share (``ocr_selfmarks.PAGE_KEEP_ODDS``)."""

from __future__ import annotations

import pytest

from repair.score import ocr_selfmarks as sm

# "«" where no English mark stands (between letters, heading non-words) and at words' ends
SPECK_PAGE = (
    "The gover«nment said, with the peo«ple of the «ith town. The building« stood, and the "
    "official« came to tho ci«y. He «aid the cost«. It was the tow«, with «he men."
)
# "«" as quotes at words' edges only
QUOTE_PAGE = (
    "He said «Yes« and «No« to the «building« and the «official« reply. «Hello«, said the «town«."
)


def _chunks(page: str) -> list[str]:
    return [c for c in page.split() if not c.isalnum()]


def _trail(rows: list[tuple[str, str, str, str]]) -> dict[tuple[str, str], int]:
    return {(r[1], r[2]): int(r[3]) for r in rows if r[0] == "«" and r[1].startswith("trail")}


@pytest.fixture
def flag(monkeypatch: pytest.MonkeyPatch):
    def set_flag(on: bool) -> None:
        monkeypatch.setattr(sm, "PAGE_KEEP_ODDS", on)

    return set_flag


def test_speck_page_prices_kept_share(flag) -> None:
    flag(False)
    off = _trail(sm.archive_mark_rows([SPECK_PAGE], {}))
    flag(True)
    on = _trail(sm.archive_mark_rows([SPECK_PAGE], {}))
    assert off.get(("trail:a_", "keep"), 0) >= 1
    assert on.get(("trail:a_", "keep"), 0) == 0  # the page says "«" is a speck here
    assert on[("trail:a_", "=s")] > off[("trail:a_", "=s")]  # "building«" -> buildings


def test_quote_page_unchanged(flag) -> None:
    assert sm.page_keep_odds(_chunks(QUOTE_PAGE), {}) == {}
    flag(False)
    off = sm.archive_mark_rows([QUOTE_PAGE, SPECK_PAGE.replace("«", "»")], {})
    flag(True)
    on = sm.archive_mark_rows([QUOTE_PAGE, SPECK_PAGE.replace("«", "»")], {})
    assert [r for r in on if r[0] == "«"] == [r for r in off if r[0] == "«"]


def test_odds_only_on_a_complete_word_edge(flag) -> None:
    odds = {"«": 0.01}
    flag(True)
    short = {f: w for _k, f, w in sm.chunk_fates("of«", None, odds)}
    plain = {f: w for _k, f, w in sm.chunk_fates("of«", None, None)}
    assert short == plain  # "of«" is "of a" as often as "off"
    long_on = {f: w for _k, f, w in sm.chunk_fates("building«", None, odds)}
    long_off = {f: w for _k, f, w in sm.chunk_fates("building«", None, None)}
    assert long_on["keep"] < long_off["keep"] / 10


def test_no_mark_learned_by_the_odds_alone(flag, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sm, "MIN_SPECKS", 8.0)  # the page's speck evidence falls short without odds
    flag(False)
    assert sm.archive_mark_rows([SPECK_PAGE], {}) == []
    flag(True)
    assert sm.archive_mark_rows([SPECK_PAGE], {}) == []
    monkeypatch.setattr(sm, "PAGE_KEEP_NEW_MARKS", True)
    assert sm.archive_mark_rows([SPECK_PAGE], {})  # the odds alone would learn it
