"""Fast paths of issue 14's session 16 give what the plain computations give.

Each is compared with the computation it replaces; no timing is asserted.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest

from repair.candidates import ocr_pageedit


def _clean(word: str) -> bool:
    return word.lower() not in {"dappy", "brieg"}


def _page(rng: random.Random) -> Counter[str]:
    """A page's counts: words, their one-letter variants, headings, odd lower cases."""
    base = [
        "Lawrence",
        "Ernest",
        "Collins",
        "spending",
        "Bureau",
        "happy",
        "Galahad",
        "committee",
        "LONDON",
        "Straße",
        "İstanbul",
        "letters",
        "latter",
        "sitting",
    ]
    counts: Counter[str] = Counter()
    for w in base:
        counts[w] += rng.randint(1, 5)
        for _ in range(rng.randint(0, 4)):
            i = rng.randrange(1, len(w) - 1)
            op = rng.choice("dis")
            ch = rng.choice("aeilnorstuİß")
            if op == "d":
                v = w[:i] + w[i + 1 :]
            elif op == "i":
                v = w[:i] + ch + w[i:]
            else:
                v = w[:i] + ch + w[i + 1 :]
            counts[rng.choice([v, v.lower(), v.upper(), v.capitalize()])] += rng.randint(1, 3)
    return counts


@pytest.mark.parametrize("substitutions", [False, True])
def test_page_index_gives_the_plain_scan(
    monkeypatch: pytest.MonkeyPatch, substitutions: bool
) -> None:
    """:class:`ocr_pageedit.PageIndex` tries fewer targets: every token of random pages
    (one-letter variants of their words, in every case, with letters whose lower case
    changes length) gets the plain scan's answer."""
    monkeypatch.setattr(ocr_pageedit, "SUBSTITUTIONS", substitutions)
    rng = random.Random(16)
    hits = 0
    for _ in range(60):
        counts = _page(rng)
        targets = {w: n for w, n in counts.items() if len(w) >= 4 and w.isalpha()}
        index = ocr_pageedit.PageIndex(targets, counts)
        for token in list(counts) + ["Lawence", "LAWENCE", "Ernestt", "İstanbl", "Strae"]:
            plain = ocr_pageedit.plain_edit_target(token, counts, targets, _clean)
            fast = ocr_pageedit.plain_edit_target(token, counts, targets, _clean, index)
            assert fast == plain, token
            hits += plain is not None
    assert hits > 50  # the pages do hold readings


def test_page_index_finds_a_dropped_letter() -> None:
    counts = Counter({"Lawence": 1, "Lawrence": 4, "Lawyer": 3})
    index = ocr_pageedit.PageIndex(dict(counts), counts)
    hit = ocr_pageedit.plain_edit_target("Lawence", counts, dict(counts), _clean, index)
    assert hit is not None and hit[0] == "Lawrence"


def test_page_index_keeps_forms_whose_lower_case_is_longer() -> None:
    """ "İstanbul".lower() is one code point longer (a combining dot): one plain edit from
    "Istanbul" in the scan, so the index must try it too."""
    counts = Counter({"Istanbul": 1, "İstanbul": 3})
    plain = ocr_pageedit.plain_edit_target("Istanbul", counts, dict(counts), _clean)
    index = ocr_pageedit.PageIndex(dict(counts), counts)
    assert plain is not None and plain[0] == "İstanbul"
    assert ocr_pageedit.plain_edit_target("Istanbul", counts, dict(counts), _clean, index) == plain


def test_block_cost_by_printed_rows_is_the_plain_alignment() -> None:
    """The alignment's rows read by printed run give the plain look-up's cost, exactly
    (float equality), on runs built from the table's own rows, their case and noise."""
    from repair.score import ocr_price

    rows = sorted(ocr_price._rows())
    rng = random.Random(16)
    pairs = [("tbe", "the"), ("Ijondon", "london"), ("rn", "m"), ("", "a"), ("a", ""), ("", "")]
    for _ in range(3_000):
        src, dst = "", ""
        for _ in range(rng.randint(1, 3)):
            p, t = rng.choice(rows)
            if rng.random() < 0.3:
                p = p.upper()
            if rng.random() < 0.3:
                ch = rng.choice("aeiouhlnrst")
                p, t = p + ch, t + ch
            src, dst = src + p, dst + t
        if rng.random() < 0.2:
            dst = dst[:-1]
        pairs.append((src[:8], dst[:8]))
    for src, dst in pairs:
        assert ocr_price._block_cost(src, dst) == ocr_price._block_cost_plain(src, dst), (src, dst)
    assert len({ocr_price._block_cost_plain(s, d) for s, d in pairs}) > 50  # costs vary
