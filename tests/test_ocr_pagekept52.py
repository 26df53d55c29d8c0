"""A page's other prints of a real word as evidence on re-reading one (score.ocr_pagekept)."""

from __future__ import annotations

import pytest

import repair.score.ocr as ocr_score
import repair.score.ocr_pagekept as pk
from repair.pipeline import repair_text

#: A garbled page ("tbe", "tho", "wo") that prints "now" six times; five stand as printed
#: and one, "of the now quintessential", is read as "new" on the left context alone.
PAGE = (
    "Tbe council is now meeting and tho rates are now high. Wo are now told tbat the plan "
    "is now ready and tho mayor said it is now time. The debate included tbe publication "
    "of the now quintessential constitutional reading, and tho council agreed.\n"
)


def test_a_word_the_page_keeps_elsewhere_is_not_re_read() -> None:
    prints = pk.page_prints(["now", "the", "now", "now", "now"], [0, 4, 8, 12, 16])
    assert prints == {"now": [0, 8, 12, 16], "the": [4]}
    assert pk.refuses(prints, "now", 0, frozenset())  # three others, all kept


def test_too_few_kept_prints_or_a_misprint_the_page_repeats_stays_readable() -> None:
    prints = pk.page_prints(["now", "now", "now"], [0, 4, 8])
    assert not pk.refuses(prints, "now", 0, frozenset())  # two others only
    prints = pk.page_prints(["tho"] * 6, [0, 4, 8, 12, 16, 20])
    # the page's other "tho" are re-read too: a misprint, no evidence against it
    assert not pk.refuses(prints, "tho", 0, frozenset({4, 8, 12}))
    assert pk.refuses(prints, "tho", 0, frozenset({4}))  # four of five others kept


def test_capitalised_prints_joins_and_strong_readings_are_not_asked() -> None:
    ev = {"threshold": 2.5}
    assert pk.applies("now", (10, 13), 3.3, ev, {})
    assert not pk.applies("Now", (10, 13), 3.3, ev, {})  # names and headings: not its job
    assert not pk.applies("port", (10, 19), 3.3, ev, {})  # "port⏎ions": a join
    assert not pk.applies("clear", (10, 15), 2.5 + pk.MARGIN_SLACK, ev, {})
    assert pk.applies("now", (10, 13), 3.3, {}, {"threshold": 2.5})
    assert not pk.applies("now", (10, 13), 3.3, {}, {})


def _readings(text: str) -> list[tuple[str, str]]:
    return [(e.original, e.replacement) for e in repair_text(text).edits]


def test_the_scorer_keeps_the_pages_word_only_when_on(monkeypatch: pytest.MonkeyPatch) -> None:
    # this page's reading clears its margin by ~2 nats (the audit's by 0.3-0.8)
    monkeypatch.setattr(pk, "MARGIN_SLACK", 3.0)
    monkeypatch.setattr(pk, "PAGE_KEPT", False)
    assert ("now", "new") in _readings(PAGE)
    monkeypatch.setattr(pk, "PAGE_KEPT", True)
    edits = _readings(PAGE)
    assert ("now", "new") not in edits
    assert ("tho", "the") in edits and ocr_score.ocr_pagekept is pk  # misprints still read
