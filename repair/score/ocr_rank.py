"""Which reading of a span wins, and whether any does: a learned correction of the margin.

The scorer (:mod:`repair.score.ocr`) decides each reading of a span alone: LM gain
minus channel cost minus the trust in the printed word must clear the threshold of the
reading's rule, and the largest margin wins.  In a garbled page each decided reading is
scored here again by a linear function of :data:`FEATURES`,

    score = w_over * (margin - threshold) + w_page * log(1 + times the page prints
            the reading) + w_words * (words in the reading - words printed)

(the page's own vocabulary: a reading the page prints elsewhere is likelier; a split
pays for the extra word the LM is asked to believe).  The best-scoring reading is
applied when its score is >= 0, and the printed text stays otherwise.  The weights are
fitted by ``scripts/train_ocr_rank.py`` on SMH dev articles only (greedy search for the
most right spans, ``w_over`` fixed at 1, checked out of fold by article) and shipped in
``lexicons/ocr_rank.json`` with their provenance; the file is checked on load (format,
feature names, one finite weight per feature, ``w_over`` = 1).

>>> model().features == FEATURES
True
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from repair.types import Candidate

if TYPE_CHECKING:
    from repair.score.ocr import DecisionMemo

MODEL = "ocr_rank.json"
FORMAT = "repair-ocr-rank/1"

FEATURES = (
    "over",  # margin above the reading's own threshold (nats)
    "doc_alt",  # log(1 + times the page prints the reading, this span aside)
    "more_words",  # words in the reading minus words printed
    "agree",  # log(1 + other spans printed alike where the margin picked this reading)
    "differ",  # log(1 + other spans printed alike where the margin kept the print)
)

Items = list[tuple[float, Candidate, dict]]


class RankModelError(ValueError):
    """The shipped model does not fit the code."""


@dataclass(frozen=True)
class RankModel:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    trained_on: str

    def score(self, x: list[float]) -> float:
        return sum(w * v for w, v in zip(self.weights, x, strict=True))


@lru_cache(maxsize=1)
def model() -> RankModel:
    """The shipped weights, checked against :data:`FEATURES`."""
    from repair.lexicons import read_text

    return check(json.loads(read_text(MODEL)))


def check(raw: dict[str, Any]) -> RankModel:
    """A :class:`RankModel` from the JSON object, or :class:`RankModelError` when it
    does not fit the code.

    >>> check({"format": FORMAT, "features": list(FEATURES), "weights": [1, 0.5]})
    Traceback (most recent call last):
    ...
    repair.score.ocr_rank.RankModelError: ocr_rank.json: need 5 finite weights, got (1.0, 0.5)
    """
    if raw.get("format") != FORMAT:
        raise RankModelError(f"{MODEL}: format {raw.get('format')!r}, expected {FORMAT!r}")
    feats = tuple(raw.get("features", ()))
    if feats != FEATURES:
        raise RankModelError(f"{MODEL}: features {feats} differ from the code's {FEATURES}")
    weights = tuple(float(w) for w in raw.get("weights", ()))
    if len(weights) != len(feats) or not all(math.isfinite(w) for w in weights):
        raise RankModelError(f"{MODEL}: need {len(feats)} finite weights, got {weights}")
    if weights[0] != 1.0:
        raise RankModelError(f"{MODEL}: the margin's weight is the unit, got {weights[0]}")
    return RankModel(feats, weights, str(raw.get("trained_on", "")))


def doc_counts(words: list[Any]) -> Counter[str]:
    """How often the page prints each word (lower case)."""
    return Counter(w.text.lower() for w in words)


Votes = dict[str, Counter[str]]


def first_picks(
    groups: Mapping[tuple[int, int], list[tuple[float, Candidate, Any]]],
) -> dict[tuple[int, int], str]:
    """Each span's first pick: the lower-cased replacement of its best-scored reading."""
    return {
        span: max(items, key=lambda x: x[0])[1].replacement.lower()
        for span, items in groups.items()
        if items
    }


def page_votes(
    candidates: list[Candidate],
    memo: DecisionMemo,
    groups: dict[tuple[int, int], Items],
) -> Votes:
    """Per printed form (lower case), what the margin rule did with each of its spans
    that had a decided reading: the reading it applied (lower case), or ``""`` (kept)."""
    printed: dict[tuple[int, int], str] = {}
    for k, c in enumerate(candidates):
        if k in memo and "orig" in c.features and "fixed" not in c.features:
            printed[(c.start, c.end)] = " ".join(c.features["orig"]).lower()
    votes: Votes = {}
    for span, form in printed.items():
        items = groups.get(span)
        pick = max(items, key=lambda x: x[0])[1].replacement.lower() if items else ""
        votes.setdefault(form, Counter())[pick] += 1
    return votes


def features(
    c: Candidate, evidence: dict[str, Any], counts: Counter[str], votes: Votes, picked: str
) -> list[float]:
    """The feature vector (see :data:`FEATURES`) of reading ``c`` decided with
    ``evidence`` (the scorer's: margin, threshold) in a page of word ``counts`` and
    :func:`page_votes` ``votes``; ``picked``: what the margin rule did with this span."""
    f = c.features
    orig = [str(w).lower() for w in f.get("orig", ())]
    alt = [str(w).lower() for w in f.get("alt", ())] or c.replacement.lower().split()
    seen = min((counts.get(w, 0) for w in alt), default=0)
    if alt == orig:
        seen -= 1  # a case-only reading: the span itself is no evidence
    over = float(evidence.get("margin", 0.0)) - float(evidence.get("threshold", 0.0))
    vote = votes.get(" ".join(orig), Counter())
    mine = c.replacement.lower()
    agree = vote.get(mine, 0) - (picked == mine)
    differ = vote.get("", 0) - (picked == "")
    return [
        over,
        math.log1p(max(0, seen)),
        float(len(alt) - len(orig)),
        math.log1p(max(0, agree)),
        math.log1p(max(0, differ)),
    ]


def rerank(
    doc: Any,
    candidates: list[Candidate],
    memo: DecisionMemo,
    groups: dict[tuple[int, int], Items],
) -> dict[tuple[int, int], Items]:
    """``groups`` decided again by :func:`model` (see the module doc): per span, the
    readings whose score is >= 0, best first, each with its margin moved by the score's
    correction; a span of fixed readings only, or one decided jointly
    (:mod:`repair.score.ocr_joint`), is left as it is."""
    m = model()
    counts = doc_counts(doc.words)
    votes = page_votes(candidates, memo, groups)
    by_span: dict[tuple[int, int], list[tuple[Candidate, Any]]] = {}
    for k, c in enumerate(candidates):
        seen = memo.get(k)
        if seen is None or "fixed" in c.features or "orig" not in c.features:
            continue
        by_span.setdefault((c.start, c.end), []).append((c, seen[2]))
    picks = first_picks(groups)
    for span, opts in by_span.items():
        items = groups.get(span, [])
        if any("joint_margin" in ev for _m, _c, ev in items):
            continue
        fixed = [x for x in items if "fixed" in x[1].features]
        ranked = []
        for c, d in opts:
            x = features(c, d.evidence, counts, votes, picks.get(span, ""))
            score = m.score(x)
            if score >= 0.0:
                ev = {**d.evidence, "finding": c.features["finding"], "rank_score": round(score, 2)}
                ranked.append((d.margin + score - x[0], c, ev))
        ranked.sort(key=lambda x: -x[0])
        new = ranked + fixed
        if new:
            groups[span] = new
        else:
            groups.pop(span, None)
    return groups
