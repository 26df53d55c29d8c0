"""The fast confusion walk finds exactly what the plain depth-first walk finds (issue 14).

:func:`repair.score.ocr_channel.confusion_variants` prunes with a complete prefix set,
settles a branch that can afford no further confusion with one look-up, and frees its
closure.  None of that may change a reading, its cost, its substitutions or the order
in which the readings come (callers break ties by that order): here the plain walk,
as it was written before, is the reference.
"""

from __future__ import annotations

import gc
import re
from pathlib import Path

from repair.score.ocr_channel import (
    INDEL_FINAL_ONLY_TABLE,
    MAX_COST,
    MAX_SUBS,
    _base_walk_rows,
    _max_src_len,
    _walk_rows,
    confusion_variants,
    indel_pairs,
    prefixes_of,
    vocabulary,
    vocabulary_prefixes,
)

ROOT = Path(__file__).resolve().parent.parent


def plain_walk(token: str, words: list[str], max_cost: float, max_subs: int) -> dict:
    """The reference: a binary-search prefix test per step, every branch recursed."""
    from bisect import bisect_left

    def alive(p: str) -> bool:
        i = bisect_left(words, p)
        return i < len(words) and words[i].startswith(p)

    table, longest = _walk_rows(), _max_src_len()
    # the last glyph reads no lost-letter row (ocr_channel.INDEL_FINAL_ONLY_TABLE)
    final = _base_walk_rows() if INDEL_FINAL_ONLY_TABLE and indel_pairs() else table
    out: dict = {}
    low_token = [ch.lower() for ch in token]
    size = len(token)

    def walk(i: int, built: str, low: str, cost: float, subs: tuple, n_subs: int) -> None:
        while True:
            if n_subs < max_subs:
                for n in range(1, min(longest, size - i) + 1):
                    rows = final if i == size - 1 else table
                    for dst, c, dst_low, sub in rows.get(token[i : i + n], ()):
                        if cost + c > max_cost:
                            break
                        if low + dst_low and not alive(low + dst_low):
                            continue
                        walk(i + n, built + dst, low + dst_low, cost + c, (*subs, sub), n_subs + 1)
            if i >= size:
                if subs and (built not in out or cost < out[built][0]):
                    out[built] = (cost, subs)
                return
            built += token[i]
            low += low_token[i]
            i += 1
            if not alive(low):
                return

    walk(0, "", "", 0.0, (), 0)
    return out


def _tokens() -> list[str]:
    text = " ".join(
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "benchmarks/suites/ocr_synthetic").glob("*.damaged.txt"))
    )
    seen = dict.fromkeys(re.findall(r"[^\W_]+", text))
    picked = [t for t in seen if not t.isdigit()][:400:2]
    # capitals, one letter, accents, a capital whose lower case is two code points, a final sigma
    return [*picked, "TIIE", "BV", "a", "thé", "İstanbul", "ΟΔΟΣ", "rnodern", "Hkewise", "shaU"]


def test_fast_walk_matches_the_plain_walk_over_the_dictionary() -> None:
    words = sorted({w.lower() for w in vocabulary()})
    for token in _tokens():
        for max_cost, max_subs in ((MAX_COST, MAX_SUBS), (5.0, 2), (10.0, 5), (3.0, 1)):
            fast = confusion_variants(token, vocabulary_prefixes(), max_cost, max_subs)
            ref = plain_walk(token, words, max_cost, max_subs)
            assert list(fast.items()) == list(ref.items()), (token, max_cost, max_subs)


def test_fast_walk_matches_the_plain_walk_over_a_small_word_list() -> None:
    doc_words = ["Commonwealth", "Sydney", "attendance", "the", "council", "meeting", "Balmain"]
    words = sorted({w.lower() for w in doc_words})
    for token in ["Cornmonwealth", "Svdney", "atlcndanco", "tbe", "conncil", "rneeting", "xyz"]:
        for max_cost, max_subs in ((MAX_COST, MAX_SUBS), (10.0, 5)):
            fast = confusion_variants(token, prefixes_of(doc_words), max_cost, max_subs)
            ref = plain_walk(token, words, max_cost, max_subs)
            assert list(fast.items()) == list(ref.items()), token


def test_walk_leaves_no_garbage_for_the_cyclic_collector() -> None:
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        for token in ["rnodern", "goverument", "atlcndanco", "Cornmonwealth"]:
            confusion_variants(token, vocabulary_prefixes(), 10.0, 5)
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
