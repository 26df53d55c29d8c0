"""Session 43, speed43 (issue 14): per-page memos of the page join and the figure test,
with the same readings as the scans they replace."""

from __future__ import annotations

from repair.candidates import ocr_numword, ocr_pagejoin
from repair.candidates.ocr_pagejoin import _by_length, _pool, page_join_candidates
from repair.candidates.ocr_rules import page_word_counts
from repair.tokenize import tokenize


def _joins(text: str) -> list[tuple[int, int, str]]:
    toks = tokenize(text)
    found = page_join_candidates(toks, page_word_counts(toks))
    return [(c.start, c.end, c.replacement) for c in found]


def test_a_repeated_pair_is_read_once_and_placed_each_time() -> None:
    # the same two pieces three times: two whole, one glued to a figure ("85dol")
    text = "at 70 dollars, 9 dollars, 85 dol ars, then 85dol ars, and 12 dol ars a picul."
    got = _joins(text)
    starts = [text.index("85 dol") + 3, text.index("12 dol") + 3]
    assert got == [(s, s + len("dol ars"), "dollars") for s in starts]


def test_the_pool_holds_the_reachable_lengths_in_list_order() -> None:
    got = [("Dollars", 3), ("dome", 2), ("dollar", 2), ("dollarsx", 2), ("dollarsxyz", 2)]
    by_len = _by_length(got)
    assert by_len[7] == [(0, "dollars")]
    words, where = _pool(by_len, 7)  # 7..9 letters (no shorter word keeps the letters)
    assert words == ["dollars", "dollarsx"] and where == [0, 3]
    assert ocr_pagejoin.KEEP_LETTERS and ocr_pagejoin.MAX_EDITS == 2


def test_the_pool_without_keep_letters(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ocr_pagejoin, "KEEP_LETTERS", False)
    by_len = _by_length([("Dollars", 3), ("dome", 2), ("dollar", 2), ("dollarsxyz", 2)])
    words, where = _pool(by_len, 7)  # 5..9 letters
    assert words == ["dollars", "dollar"] and where == [0, 2]


def test_figured_is_the_character_scan() -> None:
    def scan(text: str) -> bool:
        return any(c.isdigit() for c in text) or any(c in ocr_numword._MONEY for c in text)

    for text in ("tho", "l8", "I0", "£5", "a/b", "x²", "٣", "Ünïcode", "it's", "", "$"):
        assert ocr_numword._figured(text) == scan(text), text


def test_the_slot_reading_is_read_once_a_page(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from repair.candidates import ocr_rules, ocr_slot

    toks = tokenize("the bulk of tin new crop")
    fresh = ocr_slot._slot_reading("tin", ["bulk", "of"], ["new", "crop"], (), None)
    assert fresh is not None and fresh[0] == "the"
    assert ocr_rules.page_readings() is None  # no page open: answered anew
    calls = []
    real = ocr_slot._slot_reading

    def counted(*args):  # type: ignore[no-untyped-def]
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(ocr_slot, "_slot_reading", counted)
    with ocr_rules.counting_page(toks):
        # the context is read lower-cased, two words either side: one question
        a = ocr_slot.slot_reading("tin", ["x", "bulk", "of"], ["new", "crop", "y"])
        b = ocr_slot.slot_reading("tin", ["Bulk", "of"], ["New", "crop"])
        c = ocr_slot.slot_reading("tin", ["bulk", "of"], ["new", "crop"], [("this", 0.5)])
        assert ocr_rules.page_readings() is not None
    assert a == b == fresh and c is None
    assert len(calls) == 2  # the rivals make another question
    assert ocr_rules.page_readings() is None  # the page's table goes with the page
    monkeypatch.setattr(ocr_rules, "PAGE_READINGS", False)
    with ocr_rules.counting_page(toks):
        ocr_slot.slot_reading("tin", ["bulk", "of"], ["new", "crop"])
        ocr_slot.slot_reading("tin", ["bulk", "of"], ["new", "crop"])
    assert len(calls) == 4
