"""Shared OCR searches give exactly what the separate searches give (issue 14, eighth pass).

Each fast path here is compared with the plain computation it replaces, on real garbled
tokens: the readings, their costs and substitutions, and their order (callers break
ties by that order).  No timing is asserted.
"""

from __future__ import annotations

import gc
import re
from pathlib import Path

from repair.candidates import ocr as ocr_candidates
from repair.score import ocr_search
from repair.score.ngrams import get_ngrams
from repair.score.ocr_channel import (
    MAX_COST,
    MAX_SUBS,
    confusion_variants,
    confusion_variants_pair,
    prefixes_of,
    single_confusions,
    vocabulary_prefixes,
)

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> str:
    return " ".join(
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "benchmarks/suites/ocr_synthetic").glob("*.damaged.txt"))
    )


def _tokens(step: int = 3, limit: int = 600) -> list[str]:
    seen = dict.fromkeys(re.findall(r"[^\W_]+", _texts()))
    picked = [t for t in seen if not t.isdigit()][:limit:step]
    # capitals, one letter, accents, a two-code-point lower case, a final sigma, punctuation
    extra = ["TIIE", "a", "thé", "İstanbul", "ΟΔΟΣ", "rnodern", "Hkewise", "atlcndanco", "-~"]
    return [*picked, *extra]


def _doc_index() -> object:
    # the page's own words, as the candidate builder indexes them (seen twice or more)
    words = re.findall(r"[^\W_]+", _texts())
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return prefixes_of(w for w, n in counts.items() if n >= 2)


def test_one_walk_over_two_indexes_is_both_walks() -> None:
    words = ocr_search._word_prefixes()
    doc = _doc_index()
    small = prefixes_of(["Commonwealth", "Sydney", "attendance", "council"])
    empty = prefixes_of([])
    for token in _tokens():
        for max_cost, max_subs in ((10.0, 5), (9.0, 5), (MAX_COST, MAX_SUBS), (3.0, 1)):
            for first, second in ((words, doc), (doc, small), (words, empty)):
                one, two = confusion_variants_pair(token, first, second, max_cost, max_subs)
                ref_one = confusion_variants(token, first, max_cost, max_subs)
                ref_two = confusion_variants(token, second, max_cost, max_subs)
                assert list(one.items()) == list(ref_one.items()), (token, max_cost)
                assert list(two.items()) == list(ref_two.items()), (token, max_cost)


def test_wide_and_doc_readings_equal_the_separate_searches() -> None:
    doc = _doc_index()
    tokens = _tokens(step=5)
    lower = [t for t in tokens if t.islower()]
    capital = [t for t in tokens if t[:1].isupper() and t[1:].islower() and len(t) >= 5]
    capital += ["Pittwator", "Svdnoj", "Balgownio"]
    for names, sample in ((False, lower), (True, capital)):
        for token in sample:
            ocr_search.wide_candidates.cache_clear()
            # not cached: one walk for both
            wide, in_doc = ocr_search.wide_and_doc(token, doc, names=names)
            # cached now: the wide readings come from the cache, the page's words walked
            again, in_doc_again = ocr_search.wide_and_doc(token, doc, names=names)
            ocr_search.wide_candidates.cache_clear()
            ref_wide = ocr_search.wide_candidates(token, names=names)
            ref_doc = confusion_variants(token, doc, ocr_search.cost_bound(token), 5)
            assert wide == again == ref_wide, token
            assert list(in_doc.items()) == list(ref_doc.items()), token
            assert list(in_doc_again.items()) == list(ref_doc.items()), token
    ocr_search.wide_candidates.cache_clear()


def test_probing_the_wide_cache_caches_nothing() -> None:
    ocr_search.wide_candidates.cache_clear()
    ocr_search.wide_and_doc("goverument", prefixes_of(["government"]))
    assert ocr_search.wide_candidates.cache_info().currsize == 1
    ocr_search.wide_candidates.cache_clear()
    # and a plain call afterwards walks the dictionary itself
    assert ocr_search.wide_candidates("atlcndanco")[0].text == "attendance"
    ocr_search.wide_candidates.cache_clear()


def test_cheap_names_are_the_single_confusion_names() -> None:
    table = get_ngrams()
    tokens = [t for t in _tokens(step=1, limit=4000) if len(t) >= 5 and t[1:].islower()]
    tokens += ["Balgownio", "Manlj", "Pittwator", "Svdney", "Melbonrne"]
    for token in tokens:
        ref = [
            c
            for c in single_confusions(token, targets=False)
            if c.cost <= ocr_candidates.NAME_MAX_COST
            and c.text[:1].isupper()
            and table.is_name(c.text)
        ]
        fast = ocr_candidates._cheap_names(token, table.is_name)
        assert sorted(fast, key=lambda c: c.text) == sorted(ref, key=lambda c: c.text), token
        if len(ref) == 1:
            assert fast == ref


def test_pair_walk_leaves_no_garbage() -> None:
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        doc = prefixes_of(["Commonwealth", "Sydney"])
        for token in ["rnodern", "atlcndanco", "Cornmonwealth"]:
            confusion_variants_pair(token, vocabulary_prefixes(), doc, 10.0, 5)
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()


def _plain_far_readings(token: str) -> tuple:
    """far_readings as first written: every retrieved word ranked by its frequency."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    from repair.candidates import ocr_far as far
    from repair.resources.frequency import zipf
    from repair.score.ocr_channel import Correction
    from repair.score.ocr_price import channel_cost

    if not (far.MIN_LEN <= len(token) <= far.MAX_LEN) or not token.isalpha():
        return ()
    low = token.lower()
    cutoff = far.SHORT_DISTANCE if len(token) <= far.SHORT_LEN else far.MAX_DISTANCE
    words = (
        far._anchored(len(low), low[0], low[-1]) if far.ANCHORED else far._near_lengths(len(low))
    )
    hits = process.extract(low, words, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=None)
    hits.sort(key=lambda h: (h[1], -zipf(h[0])))
    priced = []
    for word, _dist, _k in hits[: far.MAX_PRICED]:
        if word == low:
            continue
        cost = channel_cost(token, word)
        if cost <= far.bound(token):
            priced.append(Correction(word, round(cost, 3), ((token, word),), False))
    priced.sort(key=lambda c: (c.cost, -zipf(c.text)))
    return tuple(priced[: far.MAX_READINGS])


def test_far_readings_price_the_same_words() -> None:
    from repair.candidates.ocr_far import far_readings

    tokens = [t for t in _tokens(step=2, limit=3000) if t.isalpha()]
    tokens += ["conllnuid", "Cmincil", "imprlsonraont", "licutouaiit"]
    for token in tokens:
        assert far_readings.__wrapped__(token) == _plain_far_readings(token), token


def _plain_name_shape(text: str) -> object:
    """name_shape_reading as first written (every score through ``_char_lp``)."""
    from repair.candidates import ocr_nameshape as ns
    from repair.score.ocr_channel import confusions

    if len(text) < ns.MIN_LEN or not ns._capitalised(text):
        return None
    model = ns._model()
    table = confusions()
    longest = max(len(k) for k in table)
    cur, total, subs = text, 0.0, []
    for _ in range(ns.MAX_STEPS):
        padded = ns._PAD + cur.lower() + "$"
        here = [ns._char_lp(model, padded, j) for j in range(len(padded))]
        best = None
        for i in range(len(cur)):
            for n in range(1, min(longest, len(cur) - i) + 1):
                src = cur[i : i + n]
                rows = table.get(src)
                if not rows:
                    continue
                a = i + len(ns._PAD)
                old = sum(here[a : min(len(padded), a + n + ns.ORDER - 1)])
                for dst, cost in rows:
                    if cost > ns.MAX_STEP_COST or -old - cost < ns.STEP_GAIN:
                        continue
                    v = cur[:i] + dst + cur[i + n :]
                    if len(v) < ns.MIN_LEN or not ns._capitalised(v):
                        continue
                    vp = ns._PAD + v.lower() + "$"
                    stop = min(len(vp), a + len(dst) + ns.ORDER - 1)
                    new = sum(ns._char_lp(model, vp, j) for j in range(a, stop))
                    gain = new - old - cost
                    if gain >= ns.STEP_GAIN and (best is None or gain > best[0]):
                        best = (gain, v, (src, dst))
        if best is None:
            break
        total += best[0]
        cur = best[1]
        subs.append(best[2])
    if cur == text:
        return None
    return cur, total, tuple(subs)


def test_name_shape_readings_are_the_plain_ones() -> None:
    from repair.candidates.ocr_nameshape import name_shape_reading

    tokens = [t for t in _tokens(step=1, limit=5000) if t[:1].isupper()]
    tokens += ["Chivcrs", "Fdward", "Balgownio", "Wollougong"]
    for token in tokens:
        assert name_shape_reading.__wrapped__(token) == _plain_name_shape(token), token


# --- ninth pass (session 8) ---------------------------------------------------------


def test_correction_candidates_has_one_entry_however_called() -> None:
    from repair.score import ocr_channel

    for token in ["rnoney", "Tbe", "TIIE", "atlcndanco", "Hkewise"]:
        plain = ocr_channel._correction_candidates(token, False)
        first = ocr_channel.correction_candidates(token)
        # f(t), f(t, False) and f(t, unlisted=False) are one cache entry: the same object
        assert ocr_channel.correction_candidates(token, False) is first
        assert ocr_channel.correction_candidates(token, unlisted=False) is first
        assert first == plain, token


def _plain_plan(token: str) -> tuple:
    """The walk plan's glyph tables as first written (one glyph lowered at a time)."""
    lows = [ch.lower() for ch in token]
    rest = [token[i:] for i in range(len(token) + 1)]
    low_rest = ["".join(lows[i:]) for i in range(len(token) + 1)]
    return rest, lows, low_rest


def test_walk_plan_tails_are_the_glyph_by_glyph_ones() -> None:
    from repair.score.ocr_channel import _walk_plan

    for token in [*_tokens(step=1, limit=3000), "ΟΔΟΣ", "İstanbul", "SHAU", ""]:
        _options, _cheapest, rest, lows, low_rest = _walk_plan(token)
        assert (rest, lows, low_rest) == _plain_plan(token), token


def test_scorer_sequences_equal_the_lowered_ones() -> None:
    from repair.resources.lm import get_lm
    from repair.score.ocr import Scorer

    lm = get_lm()
    scorer = Scorer()
    cases = [
        (["Tbe"], ["in"], ["House", "was"]),
        (["king", "was"], ["The", "OLD"], ["glad"]),
        (["ΟΔΟΣ"], [], ["İstanbul", "x", "y"]),
        (["shaU"], ["we"], []),
    ]
    for words, prev, nxt in cases:
        low = [w.lower() for w in words] + [w.lower() for w in nxt[:2]]
        ref = lm.sequence_logprob(low, [w.lower() for w in prev[-2:]])
        assert scorer.seq(words, prev, nxt) == ref


def test_target_prefix_walks_give_the_full_walks_targets() -> None:
    from repair.score import ocr_channel as ch

    full = ch.vocabulary_prefixes()
    full.all_prefixes()
    part = ch.target_prefixes(now=True)
    assert part.full is not None and full.full is not None
    assert part.full < full.full  # prefix-closed part of the dictionary's prefixes
    assert all(p[:-1] in part.full for p in part.full if p)
    for word in ch.vocabulary():
        if ch.is_target(word):
            assert word in part.full, word
    tokens = _tokens(step=1, limit=2500)
    for token in tokens:
        for bound in ((ch.MAX_COST, ch.MAX_SUBS), (ocr_search.cost_bound(token), 5)):
            mine = ch.confusion_variants(token, part, *bound)
            ref = ch.confusion_variants(token, full, *bound)
            ref_targets = [(v, x) for v, x in ref.items() if v and ch.is_target(v)]
            assert [(v, x) for v, x in mine.items() if v and ch.is_target(v)] == ref_targets


def _plain_corrections(token: str) -> tuple:
    """correction_candidates as first written: the walks over every dictionary prefix."""
    from repair.score import ocr_channel as ch

    saved = ch._target_index
    ch._target_index = ch.vocabulary_prefixes()
    try:
        return ch._correction_candidates(token, False)
    finally:
        ch._target_index = saved


def test_corrections_and_wide_readings_equal_the_full_walks() -> None:
    from repair.score import ocr_channel as ch

    ch.vocabulary_prefixes().all_prefixes()
    ch.target_prefixes(now=True)
    tokens = _tokens(step=1, limit=2500)
    for token in tokens:
        assert ch._correction_candidates(token, False) == _plain_corrections(token)
    full = ch.vocabulary_prefixes()
    for token in [t for t in tokens if t.islower()][::4]:
        got = ocr_search.wide_candidates.__wrapped__(token)
        variants = ch.confusion_variants(token, full, ocr_search.cost_bound(token), 5)
        ocr_search._walk.variants = variants
        try:
            ref = ocr_search.wide_candidates.__wrapped__(token)
        finally:
            ocr_search._walk.variants = None
        assert got == ref, token


def test_decision_evidence_is_the_eager_one() -> None:
    from repair.resources.frequency import zipf
    from repair.score.ocr import Scorer

    scorer = Scorer()
    cases = [
        (["tbe"], ["the"], ["in"], ["house", "was"], 1.3, False, None),
        (["bis"], ["his"], ["and"], ["wife"], 0.8, True, None),
        (["kingwas"], ["king", "was"], ["the"], ["glad"], 1.0, False, 2.0),
        (["con", "crete"], ["concrete"], [], [], 0.5, False, None),
    ]
    for orig, alt, prev, nxt, cost, known, thr in cases:
        d = scorer.decide(orig, alt, prev, nxt, cost=cost, orig_known=known, threshold=thr)
        gain = scorer.seq(alt, prev, nxt) - scorer.seq(orig, prev, nxt)
        if not known and len(alt) > len(orig):
            from repair.score.ocr import SPLIT_OOV_CHARGE

            gain = scorer.seq(alt, prev, nxt) - (
                scorer.seq(orig, prev, nxt) + SPLIT_OOV_CHARGE * (len(alt) - len(orig))
            )
        orig_z = zipf(orig[0].lower()) if len(orig) == 1 else 0.0
        threshold = thr if thr is not None else (3.5 if known else 1.0)
        assert d.evidence == {
            "lm_logprob_gain": round(gain, 2),
            "confusion_cost": round(cost, 2),
            "original_zipf": round(orig_z, 2),
            "margin": round(d.margin, 2),
            "threshold": threshold,
        }
        assert d.evidence is not d.evidence  # a new dict each read: callers may extend it
