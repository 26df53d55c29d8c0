"""Heavily garbled words read as a word their page prints (repair.candidates.ocr_pagefar)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_pagefar
from repair.candidates.ocr_pagefar import page_far_candidates
from repair.tokenize import tokenize


def _read(text: str, words: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The readings of the page ``text``, of the tokens ``words`` (as if flagged)."""
    toks = tokenize(text)
    idx = [i for i, t in enumerate(toks) if t.text in words]
    return [(c.features["orig"][0], c.replacement) for c in page_far_candidates(toks, idx)]


def test_a_page_word_three_letters_away_is_read() -> None:
    page = "The Regiment marched. Then the Rognnont halted at the camp."
    assert _read(page, ("Rognnont",)) == [("Rognnont", "Regiment")]


def test_nothing_when_the_page_does_not_print_the_word() -> None:
    page = "The soldiers marched. Then the Rognnont halted at the camp."
    assert _read(page, ("Rognnont",)) == []


def test_a_common_word_cheaper_than_the_page_word_wins_nothing() -> None:
    # "regions" is a cheaper reading of "Rogmiont" than the page's "Regiment": no clear one
    page = "The Regiment marched. Then the Rogmiont halted at the camp."
    assert _read(page, ("Rogmiont",)) == []


def test_casing_follows_the_print() -> None:
    page = "QUEENSLAND NEWS. The rain in Queensland fell. In QUFPNSLAVD today."
    assert _read(page, ("QUFPNSLAVD",)) == [("QUFPNSLAVD", "QUEENSLAND")]
    heading = "PLAINTIFF AND DEFENDANT. The plimitiff said so."
    assert _read(heading, ("plimitiff",)) == [("plimitiff", "plaintiff")]


@pytest.mark.parametrize("token", ["M'Donald", "mot'prisoner", "uiidcrtikcr's"])
def test_marks_next_to_words_are_not_read_away(token: str) -> None:
    page = f"Donald and the prisoner met the undertaker; then {token} left."
    assert _read(page, (token,)) == []


def test_a_glued_piece_is_not_dropped() -> None:
    page = "Trains to Newcastle and Newcastle again, then forNowcastle tomorrow."
    assert _read(page, ("forNowcastle",)) == []


def test_case_garbled_capitalised_forms_without_a_finding() -> None:
    page = "Mr Gifford spoke. Mr Gifford again, and GilTord left."
    assert _read(page) == [("GilTord", "Gifford")]
    # a known mixed-case form stays
    assert _read("McDonald and McDonald met McLeod, a Macleod.") == []


def test_switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_pagefar, "PAGE_FAR", False)
    page = "The Regiment marched. Then the Rognnont halted at the camp."
    assert _read(page, ("Rognnont",)) == []


def test_a_word_is_never_read() -> None:
    page = "The Regiment marched. Then the regimen halted at the camp."
    assert _read(page, ("regimen",)) == []


@pytest.mark.parametrize(
    ("page", "token"),
    [
        ("The defense said any détente could fail; defense again.", "détente"),  # a loan word
        ("The tariffs rose; tariffs fell. The tariffwas reduced.", "tariffwas"),  # run together
        ("He expected rain, as expected. He expecteda storm.", "expecteda"),
    ],
)
def test_words_spelled_or_run_together_are_left(page: str, token: str) -> None:
    assert _read(page, (token,)) == []


def test_an_unflagged_brand_far_from_a_page_word_stays() -> None:
    assert _read("Tokyo and Tokyo again; TikTok faces a ban.") == []


def test_a_glyph_glued_to_a_word_is_not_read_away() -> None:
    page = "They think so; Think again, Ithink not."
    assert _read(page, ("Ithink",)) == []


def test_the_shape_index_pool_is_the_page_scan() -> None:
    """The retrieval pool from :func:`ocr_pagefar.shape_index` is the set a scan of every
    page word by length and first or last letter gives, each word once (issue 14)."""
    import random

    rng = random.Random(7)
    letters = "abcdeo"
    targets = {
        "".join(rng.choice(letters) for _ in range(rng.randint(4, 12))): "x" for _ in range(3000)
    }
    shapes = ocr_pagefar.shape_index(targets)
    for _ in range(300):
        low = "".join(rng.choice(letters) for _ in range(rng.randint(6, 12)))
        n = len(low)
        scan = [
            w
            for w in targets
            if n - ocr_pagefar.SHORTER <= len(w) <= n + ocr_pagefar.LONGER
            and (w[0] == low[0] or w[-1] == low[-1])
        ]
        pool = ocr_pagefar._pool(low, shapes)
        assert len(pool) == len(set(pool))
        assert set(pool) == set(scan)


def _page_far_reading_plain(text: str, targets: dict[str, str]) -> tuple[str, float] | None:
    """:func:`ocr_pagefar.page_far_reading` as first written: every retrieved word priced
    in full (:func:`repair.score.ocr_price.channel_cost`)."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    from repair.candidates.ocr_farlong import _drops_a_piece, anchored_words
    from repair.score.ocr_price import channel_cost

    pf = ocr_pagefar
    letters = pf._letters(text)
    low = letters.lower()
    n = len(low)
    cutoff = int(n * pf.DISTANCE_SHARE)
    pool = pf._pool(low, pf.shape_index(targets))
    if not pool:
        return None
    hits = process.extract(low, pool, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=None)
    if not hits:
        return None
    page = sorted((channel_cost(letters, w), w) for w, _d, _k in hits if w != low)
    if page and Levenshtein.distance(low, page[0][1]) < pf.MIN_EDITS:
        return None
    if not page or page[0][0] > pf.COST_PER_CHAR * n:
        return None
    best_cost, best = page[0]
    if _drops_a_piece(low, best):
        return None
    if len(page) > 1 and page[1][0] - best_cost < pf.MARGIN:
        return None
    words = anchored_words(range(n - pf.SHORTER, n + pf.LONGER + 1), low[0], low[-1])
    common = process.extract(
        low, words, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=None
    )
    for w, _d, _k in common:
        if w in targets or w == low:
            continue
        if channel_cost(letters, w) - best_cost < pf.MARGIN - pf.PAGE_BONUS:
            return None
    return best, best_cost


def _garbled_page() -> tuple[dict[str, str], list[str]]:
    """A page's targets (the speed suite's OCR text) and tokens to read: its own
    non-words and its words garbled with table confusions and plain edits."""
    import random
    from collections import Counter

    from repair.bench.speed import speed_text
    from repair.score.ocr_price import _rows

    toks = [t.text for t in tokenize(speed_text("ocr", 6_000)) if t.kind == "word"]
    targets = ocr_pagefar._targets(Counter(toks))
    rows = sorted(_rows())
    rng = random.Random(11)
    tokens = sorted({t for t in toks if len(ocr_pagefar._letters(t)) >= 6})[:400]
    for w in rng.sample(sorted(targets), 400):
        out = w
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(out))
            src, dst = rng.choice(rows)
            if rng.random() < 0.5 and dst in out:
                j = out.index(dst)
                out = out[:j] + src + out[j + len(dst) :]
            else:
                out = out[:i] + rng.choice("aeilnorstu") + out[i + 1 :]
        tokens.append(out[:1].upper() + out[1:] if rng.random() < 0.3 else out)
    return targets, tokens


@pytest.mark.parametrize(
    ("margin", "per_char"),
    [(None, None), (0.5, None), (1.5, None), (4.5, None), (9.0, None), (6.0, 0.6), (3.0, 0.4)],
)
def test_the_bounded_pricing_reads_what_full_pricing_reads(
    monkeypatch: pytest.MonkeyPatch, margin: float | None, per_char: float | None
) -> None:
    """Words cut short once dearer than the cheapest plus the margin (or the cap) change
    no reading: the same word at the same cost (float equality) or ``None`` as pricing
    every word in full, at the default and at other margins and caps (issue 14)."""
    if margin is not None:
        monkeypatch.setattr(ocr_pagefar, "MARGIN", margin)
    if per_char is not None:
        monkeypatch.setattr(ocr_pagefar, "COST_PER_CHAR", per_char)
    targets, tokens = _garbled_page()
    shapes = ocr_pagefar.shape_index(targets)
    found = 0
    for tok in tokens:
        want = _page_far_reading_plain(tok, targets)
        assert ocr_pagefar.page_far_reading(tok, targets, shapes) == want, tok
        found += want is not None
    assert found >= 1  # readings found, not only refusals


def test_channel_cost_upto_is_the_cost_or_above_the_bound() -> None:
    """:func:`repair.score.ocr_price.channel_cost_upto`: the cost itself when it is at
    most the bound, else a value above the bound (and the cost is above it too)."""
    from repair.score.ocr_price import channel_cost, channel_cost_upto

    targets, tokens = _garbled_page()
    words = sorted(targets)[:60]
    for tok in tokens[::8]:
        for w in words:
            full = channel_cost(tok, w)
            for limit in (0.0, 2.5, 7.0, full, 40.0):
                got = channel_cost_upto(tok, w, limit)
                if full <= limit:
                    assert got == full
                else:
                    assert limit < got <= full


def test_the_far_searches_read_what_full_pricing_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The common-word far searches priced with bounds (``ocr_far.far_readings``: up to
    its cost bound; ``ocr_farlong.long_reading``: as far as the clear-cheapest test
    reads) give the readings of pricing every retrieved word in full (issue 14)."""
    from repair.candidates import ocr_far, ocr_farlong
    from repair.score.ocr_price import channel_cost

    _targets, tokens = _garbled_page()
    tokens = tokens + [t.lower() for t in tokens]
    got = [
        (ocr_farlong.long_reading.__wrapped__(t), ocr_far.far_readings.__wrapped__(t))
        for t in tokens
    ]
    monkeypatch.setattr(
        ocr_farlong,
        "cheapest_priced",
        lambda token, near, _cap, _margin: sorted((channel_cost(token, w), w) for _d, w in near),
    )
    monkeypatch.setattr(
        ocr_far, "channel_cost_upto", lambda token, w, _limit: channel_cost(token, w)
    )
    want = [
        (ocr_farlong.long_reading.__wrapped__(t), ocr_far.far_readings.__wrapped__(t))
        for t in tokens
    ]
    assert got == want
    assert sum(bool(a) for a, _b in want) >= 5 and sum(bool(b) for _a, b in want) >= 50
