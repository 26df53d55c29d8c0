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
