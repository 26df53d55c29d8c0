"""Which candidate original to propose for a written word: a learned candidate ranker.

The trigram LM alone picks the candidate that fits two words of context best, but the
spinner's source word is often not that one (a thesaurus lists a word's common senses
first, a spinner swaps a word for a rarer one, and the same original is often written
elsewhere in the document).  The ranker scores every candidate whose LM gain is within
:data:`WINDOW` nats of the best by a logistic regression (:class:`Ranker`) or
gradient-boosted trees (:class:`TreeRanker`) over :data:`RANK_FEATURES`:

* the LM gain, its distance to the best gain and to the LM's order, its left- and
  right-context parts, the unigram gain and the context gain (gain - unigram);
* the candidate's position in the synonym source's list (WordNet's first sense first,
  then Moby's), absolute and relative;
* the Zipf of the candidate and its difference to the written word's;
* how often the candidate is written in the document (a spinner replaces most, not all,
  occurrences of a word);
* the channel (:mod:`repair.candidates.spin_channel`): how many written forms list the
  candidate as an original (a spinner swaps a word with many synonyms for any one of
  them, so each is less likely), and whether and how many WordNet synsets the written
  word and the candidate share (a thesaurus pair rather than a loose listing);
* behind :data:`LATER_SENSE`, outside the learned model: a fixed term for a candidate
  that shares a synset with the written word only through one of its own later senses
  (:func:`later_sense`; :func:`sense_scores`, added by
  :func:`repair.score.spin_evidence.evidence` before the best is chosen).

It is trained by ``scripts/train_spin_model.py`` on the dev halves (documents and word
families) of the simulated spinners, on the words whose gold original is among the
candidates (label: the candidate is the gold original; the kind of the better out-of-fold
top-1), and stored in the ``ranker`` entry of ``lexicons/spin_model.json`` with its kind
and feature schema (checked on load).  The
proposed candidate is the best-scoring one; without a ranker it is the LM's best.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from functools import cached_property, lru_cache

from repair.candidates.spin_channel import sense_ranks
from repair.lexicons import LexiconError, read_text
from repair.score.linear import Linear
from repair.score.trees import Trees, parse_trees

MODEL_FILE = "spin_model.json"
#: A candidate ranker file read instead of :data:`MODEL_FILE`'s ``ranker`` entry (only with
#: the shipped model file: :func:`repair.score.spin_model.use_model_file` reads that
#: file's own ranker).  None (shipped): the ranker before session 38.  Session 38
#: (spinrank38) ships ``"spin_rank38.json"`` OFF: a logistic regression on the same
#: :data:`RANK_FEATURES` fitted on six simulated spinners' dev halves (spinbot and distrib
#: among them, each spinner weighing the same), rescaled to the old ranker's best score and
#: lead (the word model reads both), chosen leave one spinner out
#: (``scripts/train_spin_rank38.py``; lexicons/LEXICONS.md; benchmarks/RESULTS.md, "Session
#: 38, spinrank38": dev flat overall, spinbot +0.008, WordNet -0.011).
RANKER_FILE: str | None = None
RANK_FEATURES: tuple[str, ...] = (
    "gain",
    "gain_below_best",
    "lm_order",
    "left_gain",
    "right_gain",
    "unigram",
    "context",
    "source_rank",
    "source_rank_share",
    "zipf_original",
    "zipf_gap",
    "doc_count",
    "in_doc",
    "fanout",
    "wordnet_pair",
    "wordnet_shared",
)
#: Ranker log-odds added to a candidate whose best WordNet 3.0 synset shared with the
#: written word is not the candidate's own first sense (:func:`later_sense`): a thesaurus
#: spinner takes an original's synonyms from its first sense, or from a list in which
#: its later senses' lemmas are few, while the ranker's WordNet-pair features reward every
#: shared synset alike.  Dev first readings (``/tmp`` capture of every spinner's ranked
#: tables, 40 documents each; a conditional logit with the ranker's score as an offset,
#: fitted on four spinners and read on the fifth): the weight is -2.5 to -3.0 whichever
#: spinner is held out, and top-1 among rows holding the gold original rises for each:
#: spinbot 0.455 -> 0.493, WordNet 0.699 -> 0.752, rare 0.546 -> 0.557, double 0.622 ->
#: 0.650, seed 0.19 -> 0.21 (42 rows).  Off: in the pipeline (-2.75, ``spin_eval.py --all
#: --split dev``) WordNet 0.3621 -> 0.3675, rare 0.4078 -> 0.4197, double 0.3538 -> 0.3616,
#: spinbot 0.1639 -> 0.1643 (precision 0.642 -> 0.697), but seeddense 0.4580 -> 0.3452
#: (dev-unseen 0.159 -> 0.028: its extension dictionary takes later senses' co-lemmas, as
#: seed 000's family does); :data:`repair.score.spin_sense_pick.LATER_SENSE` adds the
#: term only where the document is read as not a sense spinner's.  None: off.
LATER_SENSE: float | None = None
#: Candidates whose LM gain is more than this many nats under the best are not ranked
#: (their full gain is not computed: the first word's score bounds it).
WINDOW = 8.0
_CLIP = 30.0


class Ranker(Linear):
    """A logistic regression on standardised :data:`RANK_FEATURES`; its score is the logit
    (folded into one weight per feature: it is evaluated for every ranked candidate)."""

    @cached_property
    def _folded(self) -> tuple[tuple[float, ...], float]:
        w = tuple(c / s for c, s in zip(self.coef, self.scale, strict=True))
        return w, self.intercept - sum(wi * m for wi, m in zip(w, self.mean, strict=True))

    def score(self, x: Sequence[float]) -> float:
        """The log-odds of ``x`` (:meth:`Linear.logit` up to rounding)."""
        return self._compiled(x)

    def summed_score(self, x: Sequence[float]) -> float:
        """:meth:`score` by its definition: ``b + sum(w_i * x_i)`` over the folded weights."""
        w, b = self._folded
        return b + sum(wi * xi for wi, xi in zip(w, x, strict=True))

    @cached_property
    def _compiled(self) -> Callable[[Sequence[float]], float]:
        """:meth:`summed_score` as one generated expression ``b + (0 + w0 * x[0] + ...)``:
        the same products added in the same order as ``sum`` adds them (from the int 0,
        left to right), each weight written as its exact ``repr``; the definition when a
        weight has no exact literal (inf, nan)."""
        w, b = self._folded
        if not all(math.isfinite(a) for a in (*w, b)):
            return self.summed_score
        terms = " + ".join(f"{wi!r} * x[{i}]" for i, wi in enumerate(w))
        ns: dict[str, object] = {}
        src = f"def _score(x):\n    return {b!r} + (0 + {terms})"
        exec(compile(src, "<spin-ranker>", "exec"), ns)  # noqa: S102
        return ns["_score"]  # type: ignore[return-value]


class TreeRanker(Trees):
    """Gradient-boosted trees on :data:`RANK_FEATURES` (:class:`~repair.score.trees.Trees`,
    evaluated as generated nested comparisons); its score is the log-odds."""

    def score(self, x: Sequence[float]) -> float:
        """The log-odds of ``x`` (:meth:`Trees.logit`)."""
        return self._compiled(x)


def _clip(x: float) -> float:
    return -_CLIP if x < -_CLIP else _CLIP if x > _CLIP else x


def rank_features(
    gain: float,
    best: float,
    order: int,
    left: float,
    unigram: float,
    source_rank: int,
    n_candidates: int,
    zipf_original: float,
    zipf_written: float,
    doc_count: int,
    fanout: int = 0,
    shared: int = 0,
) -> list[float]:
    """One candidate's feature vector (:data:`RANK_FEATURES` order)."""
    return [
        _clip(gain),
        _clip(best - gain),
        float(order),
        _clip(left),
        _clip(gain - left),
        _clip(unigram),
        _clip(gain - unigram),
        float(source_rank),
        source_rank / max(n_candidates, 1),
        zipf_original,
        zipf_original - zipf_written,
        float(min(doc_count, 5)),
        1.0 if doc_count else 0.0,
        math.log1p(fanout),
        1.0 if shared else 0.0,
        math.log1p(shared),
    ]


def later_sense(written: str, original: str) -> bool:
    """Whether the lower-case forms share a WordNet 3.0 synset only through one of the
    original's later senses (the best shared synset is not its first).

    >>> later_sense("smart", "bright"), later_sense("purchased", "bought")
    (True, False)
    >>> later_sense("purchased", "table")
    False
    """
    r = sense_ranks(written, original)
    return r is not None and r[0] > 0


def sense_scores(written: str, names: Sequence[str], scores: Sequence[float]) -> list[float] | None:
    """``scores`` (of the candidates ``names`` of the lower-case ``written``) with
    :data:`LATER_SENSE` added to each :func:`later_sense` candidate; None where it is off
    or no candidate is one (the scores stand)."""
    if LATER_SENSE is None:
        return None
    hit = [j for j, o in enumerate(names) if later_sense(written, o)]
    if not hit:
        return None
    out = list(scores)
    for j in hit:
        out[j] += LATER_SENSE
    return out


def parse_ranker(d: object) -> Ranker | TreeRanker:
    """The ranker of the ``ranker`` entry of :data:`MODEL_FILE` (schema checked): a
    :class:`Ranker` (``kind`` "logistic", the default) or a :class:`TreeRanker` ("trees")."""
    if not isinstance(d, dict):
        raise LexiconError(f"{MODEL_FILE}: ranker: expected an object")
    if tuple(d.get("features", ())) != RANK_FEATURES:
        raise LexiconError(f"{MODEL_FILE}: ranker features differ from {RANK_FEATURES}")
    n = len(RANK_FEATURES)
    kind = d.get("kind", "logistic")
    if kind == "trees":
        t = parse_trees(d, n, "ranker", MODEL_FILE)
        return TreeRanker(t.base, t.rate, t.feature, t.threshold, t.left, t.right, t.value)
    if kind != "logistic":
        raise LexiconError(f"{MODEL_FILE}: ranker.kind: expected 'logistic' or 'trees'")
    vals = {}
    for key in ("mean", "scale", "coef"):
        v = d.get(key)
        # a tuple, not ``int | float``: a union built and tested per number is ~25x slower
        numbers = isinstance(v, list) and all(isinstance(a, (int, float)) for a in v)
        if not numbers or len(v) != n:
            raise LexiconError(f"{MODEL_FILE}: ranker.{key}: expected {n} numbers")
        vals[key] = tuple(float(a) for a in v)
    if any(s <= 0 for s in vals["scale"]):
        raise LexiconError(f"{MODEL_FILE}: ranker.scale: must be positive")
    b = d.get("intercept")
    if not isinstance(b, (int, float)):
        raise LexiconError(f"{MODEL_FILE}: ranker.intercept: expected a number")
    return Ranker(vals["mean"], vals["scale"], vals["coef"], float(b))


_override: list[Ranker | TreeRanker | None] = []


@lru_cache(maxsize=1)
def _shipped() -> Ranker | TreeRanker | None:
    return _read(MODEL_FILE)


@lru_cache(maxsize=4)
def _read(name: str) -> Ranker | TreeRanker | None:
    d = json.loads(read_text(name))
    return parse_ranker(d["ranker"]) if isinstance(d, dict) and "ranker" in d else None


def get_ranker() -> Ranker | TreeRanker | None:
    """The shipped ranker (None: propose the LM's best), or the one set by :func:`use_ranker`:
    :data:`RANKER_FILE`'s with the shipped model file, else :data:`MODEL_FILE`'s."""
    if _override:
        return _override[-1]
    if RANKER_FILE is None or MODEL_FILE != "spin_model.json":
        return _shipped()
    return _read(RANKER_FILE)


def use_ranker(ranker: Ranker | TreeRanker | None) -> None:
    """Build time only: rank with ``ranker`` (None: the LM's best) instead of the shipped one."""
    _override[:] = [ranker]
