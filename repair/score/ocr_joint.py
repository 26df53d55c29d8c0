"""Two garbled words in a row decided together: "tho Parkgrovo", "nuvauce , to bo".

Each OCR candidate is first decided alone, with two words of context on each side
(:mod:`repair.score.ocr`).  When the neighbour is garbled too, that context is an
unknown word, and a reading that only makes sense next to the neighbour's reading
("ovor lnterforod" -> "over interfered") loses.  Here every pair of adjacent spans
with candidates, at least one of them left unrepaired, is decided jointly: the
language model scores the four combinations (as printed, either reading alone, both)
over the two spans with their context,

    score = LM(words_a words_b + next | prev) - sum over changed spans of
            (cost + prior + THRESHOLD_SHARE * threshold)

and the pair is repaired when changing both scores best (changing one alone is left to
the single decisions).  On SMH dev: share 1.0 -> 2 more tokens right, 0.5 -> 15.

Real words' one-word readings are paired too (:data:`REAL_WORDS`, session 21), charged
their whole threshold (:data:`REAL_SHARE`): two real-word misreadings in a row are
each declined alone, each next to the other's misprint ("chair for tour yours Df that
period" -> "four years"; "was hold ut Bondi" -> "held at").

>>> JOINT_TOP
3
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from repair.resources.frequency import zipf
from repair.types import Candidate

if TYPE_CHECKING:
    from repair.score.ocr import DecisionMemo

#: Candidates per span tried in pairs (the best by their own margin).
JOINT_TOP = 3
#: Extra margin (nats) a joint reading needs beyond the two thresholds.
JOINT_EXTRA = 0.0
#: Share of each reading's own threshold charged in the joint comparison.
THRESHOLD_SHARE = 0.5
#: Readings whose own rule asks a larger margin than this are not paired.
PAIR_MAX_THRESHOLD = 1.0
#: A span whose best own margin is below this (far from acceptance) is not paired.
JOINT_MIN_OWN = -6.0
#: Real words' one-word readings are paired too ("for tour yours" -> "four years"),
#: charged their whole threshold (:data:`REAL_SHARE`; held-out folds of SMH dev
#: 2,194 / 3,018 -> 2,192 / 3,018 tokens, 0.75: 2,192 / 3,017).
REAL_WORDS = True
REAL_SHARE = 1.0
#: ... when their own margin falls short of their threshold by at most this (nats):
#: the same pairs as without a bound on the folds (2,187 / 3,017 tokens, with the other
#: session-21 changes; 4.0: 2,189 / 3,017), a tenth of the pairs' time (OCR speed text).
REAL_SLACK = 6.0


def _price(f: dict[str, Any], prior_default: float, split_charge: float) -> float:
    """What a reading pays besides the LM: its cost, the trust in a real word as printed,
    less the unknown-word charge of a merged non-word it splits."""
    cost = float(f["cost"])
    if f.get("orig_known"):
        per = f.get("prior_per_zipf")
        per = prior_default if per is None else per
        cost += per * max(zipf(w.lower()) for w in f["orig"])
    elif len(f["alt"]) > len(f["orig"]):
        cost += split_charge * (len(f["alt"]) - len(f["orig"]))
    return cost


def _pairable(f: dict[str, Any]) -> bool:
    """Non-words are decided in pairs, and real words' one-word readings on their whole
    threshold (:data:`REAL_WORDS`: "for tour yours Df" -> "four years"; a real word's
    threshold already asks a name's margin of a capitalised word inside a sentence,
    "Muston", "Mme"); other readings keep their own, stricter decision."""
    if "orig" not in f or f.get("spot"):
        return False  # a spot reading (:data:`repair.candidates.ocr_funcspot.QUIET`) alone
    if f.get("orig_known"):
        # a real word's one-word reading, on its whole threshold (:data:`REAL_WORDS`)
        return REAL_WORDS and len(f["orig"]) == 1 and len(f["alt"]) == 1
    threshold = f.get("threshold")
    if threshold is not None and threshold > PAIR_MAX_THRESHOLD:
        return False  # a reading its rule trusts little alone ("w an" -> "wan") stays so
    # a capitalised word inside a sentence, or a reading the page's own words make
    # (:mod:`repair.candidates.ocr_docvocab`) keeps its own decision
    return f.get("finding") not in ("capitalized_unknown", "doc_vocab")


def joint_decode(
    scorer: Any,
    ctx: Any,
    candidates: list[Candidate],
    memo: DecisionMemo,
    groups: dict[tuple[int, int], list[tuple[float, Candidate, dict]]],
    *,
    prior_default: float,
    split_charge: float,
    threshold_of: Any,
) -> dict[tuple[int, int], list[tuple[float, Candidate, dict]]]:
    """``groups`` with the pairs a joint reading repairs added (see the module doc)."""
    by_span: dict[tuple[int, int], list[tuple[float, int]]] = {}
    for k, c in enumerate(candidates):
        seen = memo.get(k)
        if seen is None or "fixed" in c.features or not _pairable(c.features):
            continue
        if c.features.get("orig_known") and seen[2].margin < seen[2].threshold - REAL_SLACK:
            continue  # a real word's reading far from its margin: no pair carries it
        by_span.setdefault((c.start, c.end), []).append((seen[2].margin, k))
    spans = sorted(by_span)
    for a, b in zip(spans, spans[1:], strict=False):
        if a[1] > b[0] or (a in groups and b in groups):
            continue
        i = bisect_left(ctx.starts, a[1])
        if i >= len(ctx.starts) or ctx.starts[i] != b[0]:
            continue  # not neighbours (a word between them)
        top_a = sorted(by_span[a], reverse=True)[:JOINT_TOP]
        top_b = sorted(by_span[b], reverse=True)[:JOINT_TOP]
        if top_a[0][0] < JOINT_MIN_OWN or top_b[0][0] < JOINT_MIN_OWN:
            continue
        prev, _ = ctx.around(a[0], a[1])
        _, nxt = ctx.around(b[0], b[1])
        fa0 = candidates[top_a[0][1]].features
        fb0 = candidates[top_b[0][1]].features
        scored = []
        for ka in [None] + [k for _m, k in top_a]:
            for kb in [None] + [k for _m, k in top_b]:
                words: list[str] = []
                penalty = 0.0
                for k, f0 in ((ka, fa0), (kb, fb0)):
                    if k is None:
                        words += list(f0["orig"])
                        continue
                    f = candidates[k].features
                    words += list(f["alt"])
                    penalty += _price(f, prior_default, split_charge)
                    share = REAL_SHARE if f.get("orig_known") else THRESHOLD_SHARE
                    penalty += share * threshold_of(f)
                scored.append((scorer.seq(words, prev, nxt) - penalty, ka, kb))
        score, ka, kb = max(scored, key=lambda x: x[0])
        if ka is None or kb is None:
            continue  # one change alone is best: the single decisions stand
        base = next(x[0] for x in scored if x[1] is None and x[2] is None)
        margin = score - base
        if margin < JOINT_EXTRA:
            continue
        for k, span in ((ka, a), (kb, b)):
            if span in groups:
                continue
            c = candidates[k]
            ev = {"joint_margin": round(margin, 2), "finding": c.features["finding"]}
            groups[span] = [(margin / 2, c, ev)]
    return groups
