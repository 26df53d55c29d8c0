"""Session 40 (issue 14): exact speed changes of the OCR stage give the same answers."""

from __future__ import annotations

import random

import pytest

from repair.candidates import ocr_far, ocr_farlong, ocr_gluedfw, ocr_pagefar
from repair.score.ocr_price import cheapest_priced


def _plain_last_not_first(k: int, last: str, first: str) -> list[str]:
    return [w for w in ocr_far._ends().get((k, "last", last), ()) if w[0] != first]


def test_last_not_first_is_the_filter_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    ends = ocr_far._ends()
    keys = sorted({(k, z) for k, kind, z in ends if kind == "last"})
    rng = random.Random(40)
    before = ocr_far._last_not_first.cache_info().hits
    for k, z in rng.sample(keys, 60) + [(99, "a"), (5, "é")]:
        for a in "aesx":
            want = _plain_last_not_first(k, z, a)
            assert list(ocr_far.last_not_first(ends, k, z, a)) == want
            assert list(ocr_far.last_not_first(ends, k, z, a)) == want  # remembered
    assert ocr_far._last_not_first.cache_info().hits > before  # the memo answers
    monkeypatch.setattr(ocr_far, "LAST_NOT_FIRST_MEMO", False)
    k, z = keys[0]
    assert ocr_far.last_not_first(ends, k, z, "a") == _plain_last_not_first(k, z, "a")


def test_last_not_first_follows_a_reset_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """A reloaded ``_ends`` (another dict) empties the memo: no stale lists."""
    k, z = 7, "s"
    old = list(ocr_far.last_not_first(ocr_far._ends(), k, z, "a"))
    fake = {(k, "last", z): ["bats", "arts", "cats"]}
    monkeypatch.setattr(ocr_far, "_ends", lambda: fake)
    assert list(ocr_far.last_not_first(fake, k, z, "a")) == ["bats", "cats"]
    monkeypatch.undo()
    assert list(ocr_far.last_not_first(ocr_far._ends(), k, z, "a")) == old


def test_anchored_lists_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_anchored`` and ``anchored_words`` give the same lists (same order) either way."""
    rng = random.Random(41)
    asks = [(rng.randint(4, 14), rng.choice("abcdefst"), rng.choice("adeknst")) for _ in range(80)]
    on = [
        (ocr_far._anchored(n, a, z), ocr_farlong.anchored_words(range(n - 3, n + 3), a, z))
        for n, a, z in asks
    ]
    monkeypatch.setattr(ocr_far, "LAST_NOT_FIRST_MEMO", False)
    off = [
        (ocr_far._anchored(n, a, z), ocr_farlong.anchored_words(range(n - 3, n + 3), a, z))
        for n, a, z in asks
    ]
    assert [(list(x), list(y)) for x, y in on] == [(list(x), list(y)) for x, y in off]


def test_pool_memo_same_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(42)
    letters = "abcdeo"
    targets = {"".join(rng.choice(letters) for _ in range(rng.randint(4, 12))) for _ in range(3000)}
    shapes = ocr_pagefar.shape_index(targets)
    lows = ["".join(rng.choice(letters) for _ in range(rng.randint(6, 12))) for _ in range(200)]
    on = [ocr_pagefar._pool(low, shapes) for low in lows + lows]
    assert shapes[2]  # the page's filtered lists were kept
    monkeypatch.setattr(ocr_pagefar, "POOL_MEMO", False)
    off = [ocr_pagefar._pool(low, ocr_pagefar.shape_index(targets)) for low in lows + lows]
    assert on == off


def test_fw_reading_priced_up_to_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cheapest function word (and its cost, the same float) either way."""
    rng = random.Random(43)
    pieces = ["tho", "tlio", "tbe", "ot", "aud", "thc", "wero", "frorn", "tliat", "iu", "qz"]
    pieces += [
        "".join(rng.choice("aehilnorstw") for _ in range(rng.randint(2, 5))) for _ in range(300)
    ]
    ocr_gluedfw._fw_reading.cache_clear()
    on = [ocr_gluedfw._fw_reading(p) for p in pieces]
    monkeypatch.setattr(ocr_gluedfw, "FW_PRICE_UPTO", False)
    ocr_gluedfw._fw_reading.cache_clear()
    off = [ocr_gluedfw._fw_reading(p) for p in pieces]
    ocr_gluedfw._fw_reading.cache_clear()
    assert on == off
    assert sum(x is not None for x in on) >= 10


def test_near_misprint_refusal_is_cheapest_priced_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whenever ``_near_misprint_cheapest`` says so, the first of ``cheapest_priced``'s
    list is fewer than MIN_EDITS plain edits away; and page_far_reading is unchanged."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    from tests.test_ocr_pagefar import _garbled_page

    targets, tokens = _garbled_page()
    shapes = ocr_pagefar.shape_index(targets)
    said = 0
    for tok in tokens:
        letters = ocr_pagefar._letters(tok)
        low = letters.lower()
        if not letters.isalpha():
            continue
        n = len(low)
        pool = ocr_pagefar._pool(low, shapes)
        hits = process.extract(
            low, pool, scorer=Levenshtein.distance, score_cutoff=int(n * 0.5), limit=None
        )
        near = [(d, w) for w, d, _k in hits if w != low]
        for cap in (2.0 * n, 1.0 * n, 3.0):
            if ocr_pagefar._near_misprint_cheapest(letters, near, cap):
                said += 1
                page = cheapest_priced(letters, near, cap, ocr_pagefar.MARGIN)
                assert page and Levenshtein.distance(low, page[0][1]) < ocr_pagefar.MIN_EDITS
    assert said >= 20
    on = [ocr_pagefar.page_far_reading(t, targets, shapes) for t in tokens]
    monkeypatch.setattr(ocr_pagefar, "NEAR_FIRST", False)
    off = [ocr_pagefar.page_far_reading(t, targets, shapes) for t in tokens]
    assert on == off
