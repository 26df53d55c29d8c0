"""The slot channel: every letter confusion of the aligned lines, smoothed
(:mod:`repair.score.ocr_slotprice`, ``scripts/build_ocr_slot_confusions.py``; issue 12,
session 23)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from repair.candidates import ocr_slot
from repair.score import ocr_slotprice, ocr_walk_fast
from repair.score.ocr_price import channel_cost

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import build_ocr_slot_confusions as build  # noqa: E402


def test_rare_learned_confusions_are_cheaper_than_generic_edits() -> None:
    # m read for "wa", a transposition, "in" for "he": units the main table lacks
    for printed, word in (("ms", "was"), ("ni", "in"), ("tin", "the")):
        assert ocr_slotprice.table_cost(printed, word) < channel_cost(printed, word) - 0.5
    # no learned unit: the generic edits, as the main channel
    assert ocr_slotprice.table_cost("off", "of") == pytest.approx(channel_cost("off", "of"))


def test_slot_cost_is_the_cheaper_price() -> None:
    for printed, word in (("ms", "was"), ("tho", "the"), ("Rt", "at"), ("cn", "on")):
        both = ocr_slotprice.slot_cost(printed, word, 99.0)
        assert both == min(channel_cost(printed, word), ocr_slotprice.table_cost(printed, word))


def test_compiled_and_python_programmes_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = [("ms", "was"), ("ni", "in"), ("tfTirts", "efforts"), ("umtmnt", "amount")]
    fast = [ocr_slotprice.table_cost(p, w) for p, w in pairs]
    ocr_slotprice.table_cost.cache_clear()
    monkeypatch.setattr(ocr_walk_fast, "FAST", False)
    try:
        plain = [ocr_slotprice.table_cost(p, w) for p, w in pairs]
    finally:
        ocr_slotprice.table_cost.cache_clear()
    assert plain == pytest.approx(fast)


def test_the_slot_reads_a_transposed_print_with_the_slot_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "ill fated vessel canted over ni the surf": "ni" -> "in" costs 10 generic nats
    found = ocr_slot.slot_reading("ni", ["canted", "over"], ["the", "surf"])
    assert found is not None and found[0] == "in"
    monkeypatch.setattr(ocr_slot, "SLOT_TABLE", False)
    ocr_slot.priced_slot_words.cache_clear()
    try:
        assert ocr_slot.slot_reading("ni", ["canted", "over"], ["the", "surf"]) is None
    finally:
        ocr_slot.priced_slot_words.cache_clear()


def test_builder_smooths_and_discounts(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = Counter(
        {("ms", "was"): 1, ("m", "wa"): 2, ("o", "c"): 40, ("a", "A"): 9, ("ni", "in"): 1}
    )
    grams = Counter({"wa": 500, "c": 2000, "in": 800, "w": 600, "a": 900, "s": 700, "i": 900})
    grams.update({"n": 900, "o": 900, "m": 300})
    rows = {(o, g): (c, n) for o, g, c, n in build.rows(pairs, grams)}
    assert ("a", "A") not in rows  # a case change alone
    assert ("ms", "was") not in rows  # longer than MAX_SIDE on the true side
    assert rows[("o", "c")][0] < rows[("m", "wa")][0] < rows[("ni", "in")][0]
    assert build.discount(pairs) == build.DISCOUNT
    monkeypatch.setattr(build, "DISCOUNT", None)
    # wanted units seen once: ni/in; twice: m/wa -> n1 / (n1 + 2 n2) = 1 / 3
    assert build.discount(pairs) == pytest.approx(1 / 3)
    discounted = {(o, g): c for o, g, c, _n in build.rows(pairs, grams)}
    assert discounted[("ni", "in")] > rows[("ni", "in")][0]  # a single sighting, dearer
