"""The learned spin model: per-word restoration probability and the document spin score.

Features (:data:`FEATURES`) are read off the spinner-agnostic evidence rows
(:class:`repair.score.spin_evidence.WordEvidence`) and the document they come from:

* word: LM gain of the proposed synonym (with its left- and right-context parts), unigram
  gain, context gain (gain - unigram), margin over the runner-up, Zipf of the written
  word and of the original, number of candidates and the original's rank among them,
  a capital letter, and the candidate ranker's view (:mod:`repair.score.spin_rank`: the
  proposal's order by LM gain, its ranker score and lead over the runner-up), and the
  channel (:mod:`repair.candidates.spin_channel`: the proposal's fanout and the WordNet
  synsets it shares with the written word);
* document: how often the written word and the original occur in the document, how
  often the same (written -> original) mapping recurs (a spinner maps a word the same
  way each time), the density of high-evidence words, the mean gain, and the profile
  score (0 without a profile: one feature, so the model works with no profile).

The model (``lexicons/spin_model.json``, built by ``scripts/train_spin_model.py`` on the
dev halves of the simulated spinners and clean dev documents) is either a logistic
regression or small gradient-boosted trees, evaluated here in pure Python, followed by
Platt calibration; its output is the probability that applying the best synonym
restores the original.  A second, document-level model (small gradient-boosted trees,
or a logistic regression) turns the word probabilities and the profile score into the
document spin score, shifted so that the threshold chosen on dev at a clean
false-positive budget is 0.5.  The file states its format, feature
schema and a fingerprint of its training data, and is checked when loaded.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields
from functools import lru_cache

from repair.candidates.spin_channel import fanout, wordnet_shared
from repair.document import Document
from repair.lexicons import LexiconError, lexicon_path, read_text
from repair.resources.frequency import zipf
from repair.score.linear import Linear
from repair.score.spin_evidence import WordEvidence
from repair.score.trees import Trees, floats, parse_trees
from repair.window_counts import whole_mappings

#: The shipped model's lexicon file (:func:`use_model_file` switches it; alternatives ship:
#: :data:`HELD_SEED_MODEL_FILE`, :data:`MULTI_SPINNER_MODEL_FILE`, :data:`DENSE_MODEL_FILE`).
SHIPPED_MODEL_FILE = "spin_model.json"
MODEL_FILE = SHIPPED_MODEL_FILE
#: The word, document and common-word models retrained on seven simulators' dev halves
#: (wordnet, rare, phrase, double, seed, spinbot, distrib) with session 38's multi-spinner
#: ranker (``spin_rank38.json``) proposing the candidates (session 39; the shipped model
#: was fitted with the session 9-10 ranker on five).  Off: read only through
#: :func:`use_model_file` (``spin_eval.py --model spin_model39.json``; benchmarks/RESULTS.md,
#: "Session 39, spinmodel39").
MULTI_SPINNER_MODEL_FILE = "spin_model39.json"
#: ``spin_model39.json``'s training rows with the word model also reading the document's
#: spin policy (:data:`POLICY_FEATURES`; ``scripts/train_spin_model.py --policy``), so that
#: one pooled model can keep a different bar for each spinner's style (session 40).  Off:
#: read only through :func:`use_model_file` (``spin_eval.py --model spin_policy40.json``;
#: benchmarks/RESULTS.md, "Session 40, spinstyle40").
POLICY_MODEL_FILE = "spin_policy40.json"
#: The shipped model with its candidate ranker retrained without the seed spinner's
#: documents (every seed-like word family; ``scripts/train_spin_model.py --hold-out seed
#: --ranker-only``): the ranker's part of the seed and seeddense dev figures is then
#: out-of-sample by family.  The word, document and common-word models are the shipped
#: ones (a full ``--hold-out seed`` retrain did not finish in session 32).  Off: read
#: only through :func:`use_model_file` (``spin_eval.py --model``; benchmarks/RESULTS.md,
#: "Session 32, spinrank32").
HELD_SEED_MODEL_FILE = "spin_model_heldseed.json"
#: The word and document models retrained with a training-only dense spinner added to the
#: five (``anyrare``: any rarer Moby synonym at 0.6 of the content words,
#: ``benchmarks/spin_sim/anyrare.py``; never ``spinbot``, an evaluation spinner), the
#: shipped ranker and common-word model kept (``scripts/train_spin_model.py --docs 300
#: --clean 800 --kind hist --spinners wordnet,rare,phrase,double,seed,anyrare --ranker-file
#: spin_model.json --common-from spin_model.json``; session 48).  Dev (``spin_eval.py --all
#: --split dev --model spin_model48.json``): spinbot 0.166 -> 0.203, but WordNet 0.362 ->
#: 0.356, double 0.358 -> 0.340, seeddense 0.458 -> 0.445; test spinbot 0.142 -> 0.169,
#: phrase 0.124 -> 0.140, but WordNet 0.303 -> 0.293, double 0.298 -> 0.288, seeddense
#: 0.436 -> 0.424 (benchmarks/RESULTS.md, "Session 48, spindense48").  Off: read only
#: through :func:`use_model_file`.
DENSE_MODEL_FILE = "spin_model48.json"
FORMAT = "repair-spin-model/1"
FEATURES: tuple[str, ...] = (
    "gain",
    "left_gain",
    "right_gain",
    "unigram",
    "context",
    "margin",
    "zipf_written",
    "zipf_original",
    "n_candidates",
    "rank",
    "capitalized",
    "written_count",
    "original_count",
    "same_mapping",
    "doc_flag_density",
    "doc_mean_gain",
    "profile_score",
    "lm_order",
    "rank_score",
    "rank_margin",
    "fanout",
    "wordnet_shared",
)
DOC_FEATURES: tuple[str, ...] = ("mean_p", "top5_p", "flag_density", "profile_score")
#: The common-word model's features (:mod:`repair.score.spin_common`): the word features
#: (document statistics from the first reading's rows) and the document spin score.
COMMON_FEATURES: tuple[str, ...] = (*FEATURES, "doc_score")
#: A word is a high-evidence word for ``doc_flag_density`` (as in the old synonym score).
FLAG_GAIN, FLAG_CONTEXT = 6.0, 2.0
#: Rows counted at least this many when a density is taken (short texts show no rate).
MIN_ROWS = 40
#: Rows whose LM gain is not positive are never applied: their probability is 0
#: without evaluating the model (saves time, the same at training and run time).
MIN_GAIN = 0.0
_CLIP = 30.0


def _clip(x: float, lo: float = -_CLIP, hi: float = _CLIP) -> float:
    return lo if x < lo else hi if x > hi else x


@dataclass(frozen=True)
class CommonModel:
    """The second reading's model for common written words (:mod:`repair.score.spin_common`):
    read only in documents whose spin score is at least :attr:`gate`; a word is restored
    when its calibrated probability is at least :attr:`threshold`."""

    word: Trees | Linear
    calib: tuple[float, float]
    threshold: float
    gate: float
    training: dict

    def probability(self, x: Sequence[float]) -> float:
        return _calibrated(self.word, self.calib, x)

    def main_features(self, x: Sequence[float], k: int = 3) -> list[str]:
        """The ``k`` features that raise this word's log-odds most."""
        return _top_features(self.word, x, COMMON_FEATURES, k)


@dataclass(frozen=True)
class SpinModel:
    word: Trees | Linear
    #: Platt calibration of the word model's log-odds: p = sigmoid(a * logit + b).
    calib: tuple[float, float]
    word_threshold: float
    doc: Trees | Linear
    training: dict
    #: Document model score from which words are decided at all (chosen on dev
    #: jointly with :attr:`word_threshold`).
    doc_gate: float = 0.0
    #: The common-word model (None: common written words are not read).
    common: CommonModel | None = None
    #: The word model also reads the document's :data:`POLICY_FEATURES` (appended to
    #: each vector by :func:`word_features`; session 40, ``spin_policy40.json``).
    policy: bool = False

    def probability(self, x: Sequence[float]) -> float:
        return _calibrated(self.word, self.calib, x)

    def main_features(self, x: Sequence[float], k: int = 3) -> list[str]:
        """The ``k`` features that raise this word's log-odds most."""
        names = (*FEATURES, *POLICY_FEATURES) if self.policy else FEATURES
        return _top_features(self.word, x, names, k)

    def doc_score(self, x: Sequence[float]) -> float:
        return _sigmoid(self.doc.logit(x))


def _calibrated(word: Trees | Linear, calib: tuple[float, float], x: Sequence[float]) -> float:
    """Platt-calibrated probability of a word model's log-odds."""
    a, b = calib
    return _sigmoid(a * word.logit(x) + b)


def _top_features(
    word: Trees | Linear, x: Sequence[float], names: Sequence[str], k: int
) -> list[str]:
    """Names of the ``k`` features that raise ``word``'s log-odds most (positive only)."""
    top = sorted(word.contributions(x).items(), key=lambda kv: -kv[1])[:k]
    return [names[i] for i, v in top if v > 0]


def _sigmoid(z: float) -> float:
    if z < -50:
        return 0.0
    return 1.0 / (1.0 + math.exp(-min(z, 50.0)))


def _floats(v: object, n: int | None, what: str) -> tuple[float, ...]:
    return floats(v, n, what, MODEL_FILE)


def _linear(d: dict, n: int, what: str) -> Linear:
    scale = _floats(d.get("scale"), n, f"{what}.scale")
    if any(s <= 0 for s in scale):
        raise LexiconError(f"{MODEL_FILE}: {what}.scale: must be positive")
    return Linear(
        _floats(d.get("mean"), n, f"{what}.mean"),
        scale,
        _floats(d.get("coef"), n, f"{what}.coef"),
        _floats([d.get("intercept")], 1, f"{what}.intercept")[0],
    )


def _trees(d: dict, n: int, what: str = "word") -> Trees:
    return parse_trees(d, n, what, MODEL_FILE)


def parse_model(text: str) -> SpinModel:
    """A :class:`SpinModel` from the JSON text of :data:`MODEL_FILE` (schema checked)."""
    try:
        d = json.loads(text)
    except json.JSONDecodeError as e:
        raise LexiconError(f"{MODEL_FILE}: not JSON: {e}") from None
    if not isinstance(d, dict) or d.get("format") != FORMAT:
        raise LexiconError(f"{MODEL_FILE}: expected format {FORMAT!r}")
    if tuple(d.get("features", ())) != FEATURES:
        raise LexiconError(f"{MODEL_FILE}: feature schema differs from this code's {FEATURES}")
    if tuple(d.get("doc_features", ())) != DOC_FEATURES:
        raise LexiconError(f"{MODEL_FILE}: doc_features differ from {DOC_FEATURES}")
    training = d.get("training")
    if not isinstance(training, dict) or not training.get("fingerprint"):
        raise LexiconError(f"{MODEL_FILE}: training.fingerprint is missing")
    w = d.get("word")
    if not isinstance(w, dict) or w.get("kind") not in ("trees", "logistic"):
        raise LexiconError(f"{MODEL_FILE}: word.kind must be 'trees' or 'logistic'")
    policy = d.get("policy_features")
    if policy is not None and tuple(policy) != POLICY_FEATURES:
        raise LexiconError(f"{MODEL_FILE}: policy_features differ from {POLICY_FEATURES}")
    n = len(FEATURES) + (len(POLICY_FEATURES) if policy is not None else 0)
    word = _trees(w, n) if w["kind"] == "trees" else _linear(w, n, "word")
    calib = _floats(d.get("calibration"), 2, "calibration")
    thr = _floats([d.get("word_threshold")], 1, "word_threshold")[0]
    if not 0.0 < thr < 1.0:
        raise LexiconError(f"{MODEL_FILE}: word_threshold must be in (0, 1)")
    gate = _floats([d.get("doc_gate", 0.0)], 1, "doc_gate")[0]
    if not 0.0 <= gate < 1.0:
        raise LexiconError(f"{MODEL_FILE}: doc_gate must be in [0, 1)")
    doc = d.get("doc")
    if not isinstance(doc, dict):
        raise LexiconError(f"{MODEL_FILE}: doc model missing")
    if doc.get("kind", "logistic") == "trees":
        doc_model: Trees | Linear = _trees(doc, len(DOC_FEATURES), "doc")
    else:
        doc_model = _linear(doc, len(DOC_FEATURES), "doc")
    common = parse_common(d["common"]) if d.get("common") is not None else None
    return SpinModel(
        word, (calib[0], calib[1]), thr, doc_model, training, gate, common, policy is not None
    )


def parse_common(c: object) -> CommonModel:
    """The ``common`` entry of :data:`MODEL_FILE` (schema checked)."""
    if not isinstance(c, dict):
        raise LexiconError(f"{MODEL_FILE}: common: expected an object")
    if tuple(c.get("features", ())) != COMMON_FEATURES:
        raise LexiconError(f"{MODEL_FILE}: common.features differ from {COMMON_FEATURES}")
    w = c.get("word")
    if not isinstance(w, dict) or w.get("kind") not in ("trees", "logistic"):
        raise LexiconError(f"{MODEL_FILE}: common.word.kind must be 'trees' or 'logistic'")
    n = len(COMMON_FEATURES)
    word = _trees(w, n, "common.word") if w["kind"] == "trees" else _linear(w, n, "common.word")
    calib = _floats(c.get("calibration"), 2, "common.calibration")
    thr = _floats([c.get("threshold")], 1, "common.threshold")[0]
    gate = _floats([c.get("gate")], 1, "common.gate")[0]
    if not 0.0 < thr < 1.0 or not 0.0 <= gate < 1.0:
        raise LexiconError(f"{MODEL_FILE}: common.threshold in (0, 1), common.gate in [0, 1)")
    training = c.get("training")
    if not isinstance(training, dict) or not training.get("fingerprint"):
        raise LexiconError(f"{MODEL_FILE}: common.training.fingerprint is missing")
    return CommonModel(word, (calib[0], calib[1]), thr, gate, training)


def use_model_file(name: str) -> None:
    """Read the word, document, common-word models and the ranker from lexicon ``name``
    (e.g. :data:`HELD_SEED_MODEL_FILE`) from now on; call it before any text is repaired
    (compiled rankers of the old file are not rebuilt)."""
    global MODEL_FILE
    from repair.score import spin_rank

    lexicon_path(name)  # raises when there is no such file
    MODEL_FILE = name
    spin_rank.MODEL_FILE = name
    get_model.cache_clear()
    spin_rank._shipped.cache_clear()
    spin_rank._read.cache_clear()


@lru_cache(maxsize=1)
def _file_model() -> SpinModel:
    return cached_model()


#: The model a document was routed to (:func:`routed`; None: :data:`MODEL_FILE`'s).
_ROUTED: ContextVar[SpinModel | None] = ContextVar("spin_model_routed", default=None)


def get_model() -> SpinModel:
    """The shipped model (read and checked once per file version: the checked model is
    kept in the per-user cache, :func:`cached_model`), or the one the document being
    read was routed to (:func:`routed`; :mod:`repair.score.spin_route`)."""
    m = _ROUTED.get()
    return _file_model() if m is None else m


get_model.cache_clear = _file_model.cache_clear  # type: ignore[attr-defined]


@lru_cache(maxsize=2)
def model_of_file(name: str) -> SpinModel:
    """:func:`cached_model` of lexicon ``name`` (a second model a document can be routed to)."""
    return cached_model(name)


@contextmanager
def routed(model: SpinModel | None) -> Iterator[None]:
    """:func:`get_model` returns ``model`` inside the block (None: the file's model), in
    this thread and context only."""
    token = _ROUTED.set(model)
    try:
        yield
    finally:
        _ROUTED.reset(token)


def cached_model(name: str | None = None) -> SpinModel:
    """:func:`parse_model` of :data:`MODEL_FILE` (or lexicon ``name``), read back from the
    per-user cache (:func:`repair.resources.cache.disk_cached`, keyed by the file and the
    modules that parse it) when a current copy is there: parsing and checking the ~60 KB of JSON
    costs ~5 % of a small ``repair fix`` (issue 14, cold start); the same model
    (:func:`model_plain` and :func:`model_from_plain` are exact: marshal keeps floats,
    ints, strings and the order of dicts)."""
    from repair.resources.cache import disk_cached
    from repair.score import linear, trees

    name = name or MODEL_FILE
    sources = (lexicon_path(name), __file__, trees.__file__, linear.__file__)
    plain = disk_cached(
        "spin-model",
        sources,
        lambda: model_plain(parse_model(read_text(name))),
        kind=tuple,
        check=lambda v: len(v) == _PLAIN_LEN,
    )
    return model_from_plain(plain)


_PARTS: dict[str, type[Trees] | type[Linear]] = {"Trees": Trees, "Linear": Linear}
#: Fields of a plain model (:func:`model_plain`).
_PLAIN_LEN = len(fields(SpinModel))


def _part_plain(m: Trees | Linear) -> tuple[str, tuple]:
    return type(m).__name__, tuple(getattr(m, f.name) for f in fields(m))


def _part(p: tuple[str, tuple]) -> Trees | Linear:
    return _PARTS[p[0]](*p[1])


def model_plain(m: SpinModel) -> tuple:
    """``m`` as nested tuples, dicts, numbers and strings (what :mod:`marshal` stores)."""
    c = m.common
    common = None if c is None else (_part_plain(c.word), c.calib, c.threshold, c.gate, c.training)
    return (
        _part_plain(m.word), m.calib, m.word_threshold, _part_plain(m.doc), m.training,
        m.doc_gate, common, m.policy,
    )  # fmt: skip


def model_from_plain(p: tuple) -> SpinModel:
    """The :class:`SpinModel` of :func:`model_plain`."""
    word, calib, thr, doc, training, gate, common, policy = p
    c = None if common is None else CommonModel(_part(common[0]), *common[1:])
    return SpinModel(_part(word), calib, thr, _part(doc), training, gate, c, policy)


def word_features(
    doc: Document,
    words: Sequence[WordEvidence],
    profile_score: float,
    doc_rows: Sequence[WordEvidence] | None = None,
    only: Sequence[int] | None = None,
) -> list[list[float]]:
    """One feature vector (:data:`FEATURES` order) per evidence row of ``doc``.

    ``doc_rows``: the rows the document statistics (flag density, mean gain) are read
    from, when not ``words`` themselves (the common words' second reading reads them
    off the first reading's rows, as the document model does).  ``only``: the vectors
    of these rows of ``words`` alone, in that order (the statistics still read every row).
    When the model reads the document's policy (:attr:`SpinModel.policy`), its
    :data:`POLICY_FEATURES` (:func:`policy_features` of the same rows as the statistics)
    follow the :data:`FEATURES` of each vector."""
    if not words:
        return []
    counts: Counter[str] = doc.word_counts
    mapping: Counter[tuple[str, str]] = Counter((w.written.lower(), w.original) for w in words)
    base = words if doc_rows is None else doc_rows
    n = max(len(base), MIN_ROWS)
    flagged = sum(1 for w in base if w.gain > FLAG_GAIN and w.context > FLAG_CONTEXT)
    density = flagged / n
    whole_mappings(mapping, counts, density)  # a big text's window: the whole text's counts
    mean_gain = sum(_clip(w.gain, -10.0, 20.0) for w in base) / n
    tail = policy_features([_policy_stats(w) for w in base]) if get_model().policy else []
    out = []
    for w in words if only is None else [words[i] for i in only]:
        lw = w.written.lower()
        out.append(
            [
                _clip(w.gain),
                _clip(w.left),
                _clip(w.gain - w.left),
                _clip(w.unigram),
                _clip(w.context),
                min(w.margin, 10.0),
                zipf(lw),
                zipf(w.original),
                float(w.n_candidates),
                float(w.rank),
                1.0 if w.written[:1].isupper() else 0.0,
                float(counts[lw]),
                float(counts[w.original]),
                float(mapping[(lw, w.original)]),
                density,
                mean_gain,
                profile_score,
                float(w.lm_order),
                _clip(w.rank_score),
                min(w.rank_margin, 10.0),
                math.log1p(fanout(w.original)),
                float(min(wordnet_shared(lw, w.original), 5)),
                *tail,
            ]
        )
    return out


def _policy_stats(w: WordEvidence) -> tuple[float, ...]:
    """The columns of ``w``'s :func:`word_features` vector that :func:`policy_features` reads."""
    lw = w.written.lower()
    return (
        _clip(w.gain),
        _clip(w.context),
        zipf(lw),
        zipf(w.original),
        float(min(wordnet_shared(lw, w.original), 5)),
        math.log1p(fanout(w.original)),
        _clip(w.rank_score),
    )


#: Document-level statistics of how the document was spun (session 40, the "policy"
#: of its spinner; :func:`policy_features`), read off the same evidence rows as the
#: document statistics of :func:`word_features`: the share of rows with a positive LM
#: gain, and over the high-evidence rows (``gain > FLAG_GAIN``, ``context > FLAG_CONTEXT``)
#: the mean Zipf of the written words, the originals' Zipf gain over them, the WordNet
#: synsets they share, the originals' channel fanout (log) and the ranker's score.
POLICY_FEATURES: tuple[str, ...] = (
    "policy_live_share",
    "policy_zipf_written",
    "policy_zipf_gain",
    "policy_shared",
    "policy_fanout",
    "policy_rank_score",
)
#: Prior means of the five flagged-row statistics, and the weight (in rows) they keep:
#: a document with few high-evidence rows reads close to the prior.
POLICY_PRIOR: tuple[float, ...] = (4.0, 0.5, 1.0, 2.0, 0.0)
POLICY_SHRINK = 5.0


def policy_features(stats: Sequence[Sequence[float]]) -> list[float]:
    """The :data:`POLICY_FEATURES` of a document from its rows' ``stats``: per row (gain,
    context gain, Zipf of the written word, Zipf of the original, WordNet synsets shared
    (at most 5), log1p fanout of the original, ranker score), as :func:`word_features`
    computes those columns."""
    n = max(len(stats), MIN_ROWS)
    live = sum(1 for s in stats if s[0] > MIN_GAIN) / n
    flagged = [s for s in stats if s[0] > FLAG_GAIN and s[1] > FLAG_CONTEXT]
    k = len(flagged)
    sums = [0.0] * 5
    for s in flagged:
        sums[0] += s[2]
        sums[1] += s[3] - s[2]
        sums[2] += s[4]
        sums[3] += s[5]
        sums[4] += s[6]
    shrink = POLICY_SHRINK
    means = [(v + shrink * m) / (k + shrink) for v, m in zip(sums, POLICY_PRIOR, strict=True)]
    return [live, *means]


#: Columns of a :func:`word_features` vector that :func:`policy_features` reads.
POLICY_COLUMNS: tuple[int, ...] = tuple(
    FEATURES.index(f)
    for f in (
        "gain", "context", "zipf_written", "zipf_original", "wordnet_shared", "fanout", "rank_score"
    )
)  # fmt: skip


def probabilities(feats: Sequence[Sequence[float]], model: SpinModel | None = None) -> list[float]:
    """The calibrated restoration probability of each row (0 where the LM gain <= 0)."""
    model = model or get_model()
    return [model.probability(x) if x[0] > MIN_GAIN else 0.0 for x in feats]


def doc_features(
    probs: Sequence[float],
    feats: Sequence[Sequence[float]],
    profile_score: float,
    weights: Sequence[float] | None = None,
) -> list[float]:
    """The document model's inputs (:data:`DOC_FEATURES` order).  ``weights``: how many
    times each row counts (a big text's window: :func:`repair.window_counts.row_weights`).

    >>> [round(x, 4) for x in doc_features([0.9, 0.5], [], 0.0, [2.0, 1.0])[:2]]
    [0.0575, 0.46]
    """
    if weights is None:
        n = max(len(probs), MIN_ROWS)
        top = sorted(probs, reverse=True)[:5]
        density = feats[0][FEATURES.index("doc_flag_density")] if feats else 0.0
        return [sum(probs) / n, sum(top) / 5.0, density, profile_score]
    total = max(sum(weights), MIN_ROWS)
    mean = sum(p * w for p, w in zip(probs, weights, strict=True)) / total
    left, best = 5.0, 0.0  # the top five of the rows each counted its weight
    for p, w in sorted(zip(probs, weights, strict=True), reverse=True):
        take = min(w, left)
        best, left = best + p * take, left - take
        if left <= 0.0:
            break
    density = feats[0][FEATURES.index("doc_flag_density")] if feats else 0.0
    return [mean, best / 5.0, density, profile_score]
