"""A learned second decision for word-model rows under the bar of an unknown spinner.

Where no profile knows the spinner (its gate shut) but the word model opens the document,
the stage decides each row by the word model's probability against the document's bar
(:func:`repair.stages.spin.word_bar`) and then relieves a few rows under it by one piece
of evidence each (the topic, :mod:`repair.score.spin_open_policy`).  This module weighs
the evidence those decisions already compute *together*, in one logistic regression
(:data:`FEATURES`, ``lexicons/spin_stack.json``): the row's probability and its distance
under the bar, the document's sense policy for the row's WordNet sense bin (its ratio and
how many rows confirm the bin), whether the sense bin is the original's first sense or no
shared sense, the topic gain, the document model's score, and the word model's own
evidence (LM gain both sides, margin, Zipf of both words and their gap, how often the
written word, the original and the mapping occur in the document, the ranker's score and
lead, the channel's fanout and shared synsets).  A row under the bar is kept where the
regression's probability that it restores the original is at least the file's
``threshold``.  Not in scientific register (the rare-word and mill passes read that
register's words; the training rows hold none).

The weights were fitted by ``scripts/train_spin_stack.py`` on the rows that remain under
the bar (no other rule kept them) in dev documents 40-239 of the WordNet, double and
rare simulators (the dev families only; the first 40 dev documents, which
``benchmarks/spin_eval.py --split dev`` reports on, and the whole test half never read).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from repair.score.linear import Linear
from repair.score.spin_model import FEATURES as WORD_FEATURES

MODEL = "spin_stack.json"
#: The same regression refitted with the topic pick on (:data:`repair.stages.spin.TOPIC_PICK`)
#: and two more inputs, :data:`TOPIC_FEATURES` (``scripts/train_spin_stack.py --topic``):
#: whether the document's topic chose the row's original (:mod:`repair.score.spin_pick`) and
#: that choice's topic gain.  Read only where :data:`repair.stages.spin.STACK_TOPIC` is on.
TOPIC_MODEL = "spin_stack_topic.json"
FORMAT = "repair-spin-stack/1"
FEATURES: tuple[str, ...] = (
    "logit_p",
    "under_bar",
    "sure",
    "log_ratio",
    "log_confirmed",
    "opened",
    "topic_gain",
    "logit_doc",
    "gain",
    "left_gain",
    "right_gain",
    "margin",
    "zipf_written",
    "zipf_original",
    "zipf_gap",
    "same_mapping",
    "written_count",
    "original_count",
    "rank_score",
    "rank_margin",
    "wordnet_shared",
    "fanout",
    "lm_order",
    "first_sense",
    "no_sense",
)
#: The topic model's extra inputs: the row's original was chosen by the document's topic
#: (1.0 / 0.0) and the topic gain of that choice (0.0 where the ranker chose it).
TOPIC_FEATURES: tuple[str, ...] = (*FEATURES, "picked", "picked_gain")
_W = {name: i for i, name in enumerate(WORD_FEATURES)}
#: A bar at or under this is the sure documents' bar (:data:`repair.stages.spin.SURE_BAR`).
SURE_MAX = 0.45


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1.0 - 1e-4)
    return math.log(p / (1.0 - p))


@dataclass(frozen=True, slots=True)
class StackRow:
    """What the stage knows of one row under the bar (:func:`features` reads it)."""

    p: float
    bar: float
    #: The row's sense bin (:func:`~repair.candidates.spin_doc_channel.policy_bin`), the
    #: document's ratio for it and how many rows over the bar confirm it (1.0 and 0 where
    #: the document has no open policy table).
    sense_bin: str
    ratio: float
    confirmed: int
    opened: bool
    topic_gain: float
    doc_score: float
    #: The word model's feature vector of the row (:data:`repair.score.spin_model.FEATURES`).
    word: Sequence[float]
    #: The topic gain with which the document's topic chose the row's original
    #: (:func:`repair.score.spin_pick.topic_pick`; None: the ranker chose it).
    picked: float | None = None


def features(r: StackRow, topic: bool = False) -> list[float]:
    """The regression's inputs (:data:`FEATURES`; :data:`TOPIC_FEATURES` with ``topic``)
    for one row.

    >>> row = StackRow(0.3, 0.4, "o0w0", 2.0, 6, True, 0.1, 0.99, [0.0] * 22)
    >>> [round(v, 3) for v in features(row)[:6]]
    [-0.847, -0.442, 1.0, 0.693, 1.946, 1.0]
    """
    x = r.word
    lp = _logit(r.p)
    out = [
        lp,
        lp - _logit(r.bar),
        float(r.bar <= SURE_MAX),
        math.log(r.ratio) if r.confirmed >= 1 and r.ratio > 0 else 0.0,
        math.log1p(r.confirmed),
        float(r.opened),
        r.topic_gain,
        _logit(r.doc_score),
        x[_W["gain"]],
        x[_W["left_gain"]],
        x[_W["right_gain"]],
        min(x[_W["margin"]], 10.0),
        x[_W["zipf_written"]],
        x[_W["zipf_original"]],
        x[_W["zipf_original"]] - x[_W["zipf_written"]],
        math.log1p(x[_W["same_mapping"]]),
        math.log1p(x[_W["written_count"]]),
        math.log1p(x[_W["original_count"]]),
        x[_W["rank_score"]],
        min(x[_W["rank_margin"]], 10.0),
        x[_W["wordnet_shared"]],
        math.log1p(x[_W["fanout"]]),
        min(x[_W["lm_order"]], 5.0),
        float(r.sense_bin.startswith("o0")),
        float(r.sense_bin == "none"),
    ]
    if topic:
        out += [float(r.picked is not None), r.picked or 0.0]
    return out


@dataclass(frozen=True)
class Stack:
    """The fitted regression, the probability a row must reach, and the floor under which
    a row is not read at all."""

    model: Linear
    threshold: float
    floor: float
    training: dict
    #: The file's schema is :data:`TOPIC_FEATURES` (else :data:`FEATURES`).
    topic: bool = False

    def probability(self, r: StackRow) -> float:
        z = self.model.logit(features(r, self.topic))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def parse(text: str) -> Stack:
    """A :class:`Stack` from the JSON text of :data:`MODEL` or :data:`TOPIC_MODEL` (format
    and schema checked: :data:`FEATURES` or :data:`TOPIC_FEATURES`)."""
    from repair.lexicons import LexiconError

    d = json.loads(text)
    if not isinstance(d, dict) or d.get("format") != FORMAT:
        raise LexiconError(f"{MODEL}: expected format {FORMAT!r}")
    names = tuple(d.get("features", ()))
    if names not in (FEATURES, TOPIC_FEATURES):
        raise LexiconError(f"{MODEL}: feature schema differs from this code's {FEATURES}")
    n = len(names)
    mean, scale, coef = (tuple(float(v) for v in d[k]) for k in ("mean", "scale", "coef"))
    if not len(mean) == len(scale) == len(coef) == n or any(s <= 0 for s in scale):
        raise LexiconError(f"{MODEL}: mean, scale and coef need {n} values, scales positive")
    threshold, floor = float(d["threshold"]), float(d["floor"])
    if not 0.0 < threshold < 1.0 or not 0.0 <= floor < 1.0:
        raise LexiconError(f"{MODEL}: threshold must be in (0, 1), floor in [0, 1)")
    training = d.get("training")
    if not isinstance(training, dict) or not training.get("command"):
        raise LexiconError(f"{MODEL}: training.command is missing")
    model = Linear(mean, scale, coef, float(d["intercept"]))
    return Stack(model, threshold, floor, training, names == TOPIC_FEATURES)


@lru_cache(maxsize=2)
def get_stack(topic: bool = False) -> Stack:
    """The shipped :class:`Stack` (``lexicons/spin_stack.json``; with ``topic``,
    :data:`TOPIC_MODEL`)."""
    from repair.lexicons import read_text

    return parse(read_text(TOPIC_MODEL if topic else MODEL))
