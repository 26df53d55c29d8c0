"""Learn a spinner's dictionary from spun texts (``repair learn``).

For every candidate substitution pair (spun → original) the evidence is summed
over the whole corpus before anything is decided:

* candidates come from the spinner lexicon, from near-matches with clean
  references (:func:`repair.candidates.reference.harvest_pairs`), from the Moby
  thesaurus read backwards (a word the spinner put in is a synonym *listed
  under* the word it replaced, and usually rarer: lower wordfreq zipf) and, for a
  spinner with a thesaurus of its own, from distributional neighbours
  (:func:`neighbour_pairs`, :data:`CORPUS_NEIGHBOURS`);
* each occurrence is scored with the trigram LM in its context (two words
  either side) and against the reference n-grams;
* only documents whose spin score reaches the threshold contribute.

A pair is kept when its occurrences, taken together, clearly prefer the
original (mean LM gain ≥ ``min_gain`` over ≥ ``min_count`` occurrences, or
reference support).  The TSV written by :func:`write_pairs` is read back by
:func:`load_pairs` (``--lexicon``); its columns (the profile schema) are
:data:`TSV_COLUMNS`, checked on load.  Since session 38 each row also stores how often
the written form and the original occur in the learning corpus (:func:`pair_rates`), so
a document can be judged against that corpus's own baseline
(``repair.stages.spin.LEARNED_OPEN_RATES``).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from repair import learn_edits
from repair.config import RepairConfig
from repair.document import Document
from repair.lexicons import LexiconError, read_tsv_file
from repair.resources.frequency import word_rate, zipf

#: The columns :func:`write_pairs` writes (the profile schema; :func:`load_pairs` checks it):
#: ``spun`` the written form (lower case, words split by one space), ``original`` what the
#: spinner replaced, ``weight`` the confidence in [0, 1] (below
#: ``repair.stages.spin.LEARNED_CONFIDENT``: learned from corpus statistics alone),
#: ``count`` / ``docs`` its occurrences / documents in the learning corpus, ``mean_lm_gain``
#: (nats), ``ref_hits`` (reference n-gram support), ``source`` (the learners that proposed it,
#: joined by "+"), and (since session 38, :data:`CORPUS_RATES`) ``form_rate`` /
#: ``original_rate``: how often the written form and the original occur in the learning
#: corpus, per :data:`RATE_SCALE` words (empty: not measured).  Only the first two columns
#: are required; a file of an older schema (8 columns, or just ``spun original [weight]``)
#: loads as before, without rates.
TSV_COLUMNS = (
    "spun",
    "original",
    "weight",
    "count",
    "docs",
    "mean_lm_gain",
    "ref_hits",
    "source",
    "form_rate",
    "original_rate",
)
#: The rates of ``form_rate`` / ``original_rate`` are per this many words.
RATE_SCALE = 1_000_000
#: Session 38 (spinrate38): ``learn_pairs`` measures each pair's ``form_rate`` /
#: ``original_rate`` in the learning corpus (:func:`pair_rates`), so that a document can
#: be judged against the corpus's own baseline (``repair.stages.spin.LEARNED_OPEN_RATES``).
CORPUS_RATES = True


class LearnedEntry(tuple):
    """``(original, weight)`` of one learned pair (it unpacks and compares as that pair),
    with the learning corpus's rates per word of its written form (:attr:`form_rate`) and
    of its original (:attr:`original_rate`); None: not stored (an older profile or a
    hand-made lexicon)."""

    form_rate: float | None
    original_rate: float | None

    def __new__(
        cls,
        original: str,
        weight: float = 1.0,
        form_rate: float | None = None,
        original_rate: float | None = None,
    ) -> LearnedEntry:
        self = super().__new__(cls, (original, weight))
        self.form_rate = form_rate
        self.original_rate = original_rate
        return self

    def __getnewargs__(self) -> tuple:  # type: ignore[override]
        return (self[0], self[1], self.form_rate, self.original_rate)


@dataclass
class LearnedPair:
    spun: str
    original: str
    count: int = 0
    docs: int = 0
    gains: list[float] = field(default_factory=list)
    ref_hits: int = 0
    ctx_gains: list[float] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    #: Upper bound of :attr:`weight`; corpus-statistics pairs get CORPUS_WEIGHT_CAP.
    max_weight: float = 1.0
    #: Occurrences of the written form / the original per word of the learning corpus
    #: (:func:`pair_rates`); None: not measured.
    form_rate: float | None = None
    original_rate: float | None = None

    @property
    def mean_gain(self) -> float:
        return sum(self.gains) / len(self.gains) if self.gains else 0.0

    @property
    def mean_ctx_gain(self) -> float:
        """Mean LM gain beyond what the words' unigram frequencies explain."""
        return sum(self.ctx_gains) / len(self.ctx_gains) if self.ctx_gains else 0.0

    @property
    def weight(self) -> float:
        """Confidence in [0, 1): grows with the summed LM gain and reference hits."""
        total = sum(self.gains) + 3.0 * self.ref_hits
        return round(min(self.max_weight, 1.0 - math.exp(-max(total, 0.0) / 10.0)), 4)


def _rate(path: str | Path, n: int, name: str, cell: str) -> float | None:
    """A ``form_rate`` / ``original_rate`` cell: per :data:`RATE_SCALE` words -> per word."""
    if not cell.strip():
        return None
    try:
        value = float(cell)
    except ValueError:
        raise LexiconError(f"{path}: row {n}: {name} {cell!r} is not a number") from None
    if not (0.0 <= value <= RATE_SCALE):
        raise LexiconError(
            f"{path}: row {n}: {name} {cell!r} must be a rate in [0, {RATE_SCALE}] per "
            f"{RATE_SCALE:,} words"
        )
    return value / RATE_SCALE


def load_pairs(path: str | Path) -> dict[str, LearnedEntry]:
    """Read a pairs TSV (``repair learn`` output, :data:`TSV_COLUMNS`):
    ``{spun: LearnedEntry(original, weight, form_rate, original_rate)}``.

    Needs at least the two first columns; the weight defaults to 1.0, the rates to None
    (an older profile).  The rates are read from the columns the header line names
    ``form_rate`` / ``original_rate`` (none without a header line); a rate must
    be a number >= 0 (per :data:`RATE_SCALE` words), and a row with one rate needs both.
    """
    out: dict[str, LearnedEntry] = {}
    cols = {"form_rate": -1, "original_rate": -1}
    for n, row in enumerate(read_tsv_file(Path(path)), 1):
        if row and row[0] == "spun":
            named = [c.strip() for c in row]
            cols = {k: named.index(k) if k in named else -1 for k in cols}
            continue  # header line
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise LexiconError(f"{path}: row {n} needs 'spun<TAB>original[<TAB>weight]': {row!r}")
        weight = 1.0
        if len(row) > 2 and row[2].strip():
            try:
                weight = float(row[2])
            except ValueError:
                raise LexiconError(f"{path}: row {n}: weight {row[2]!r} is not a number") from None
        rates = [_rate(path, n, k, row[i]) if 0 <= i < len(row) else None for k, i in cols.items()]
        if (rates[0] is None) != (rates[1] is None):
            raise LexiconError(f"{path}: row {n}: form_rate and original_rate go together")
        key = " ".join(row[0].lower().split())
        out.setdefault(key, LearnedEntry(row[1].strip(), weight, rates[0], rates[1]))
    return out


@lru_cache(maxsize=1)
def _moby_reverse() -> dict[str, tuple[str, ...]]:
    """Moby thesaurus read backwards: word → headwords listing it (single words only)."""
    from repair.candidates.spin import moby_lines

    rev: dict[str, list[str]] = defaultdict(list)
    for head, line in moby_lines().items():
        if " " in head or not head.isalpha():
            continue
        for syn in line.strip(",").split(","):
            if syn and " " not in syn and syn.isalpha():
                rev[syn].append(head)
    return {k: tuple(v) for k, v in rev.items()}


_WORD = re.compile(r"(?<![\w'’\-])[a-z]{3,}(?![\w'’\-])")


def _thesaurus_candidates(text: str, max_per_word: int = 25) -> list[tuple[int, int, str, str]]:
    """(start, end, spun, original): lower-case words and commoner reverse-Moby headwords."""
    rev = _moby_reverse()
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        heads = rev.get(w)
        if not heads:
            continue
        zw = zipf(w)
        if zw >= 5.5:  # function and very common words: too ambiguous to learn blind
            continue
        better = sorted((h for h in heads if zipf(h) >= zw + 0.3), key=zipf, reverse=True)
        for h in better[:max_per_word]:
            out.append((m.start(), m.end(), w, h))
    return out


@dataclass
class _Rows:
    """The synonym evidence of the texts that look spun (:func:`_synonym_rows`)."""

    #: (text index, :class:`~repair.score.spin_evidence.WordEvidence`) of the first reading.
    words: list = field(default_factory=list)
    #: ... of the second reading of common words (``detection.common``).
    common: list = field(default_factory=list)
    #: (text index, :class:`~repair.candidates.spin_phrase.PhraseEvidence`): written
    #: multi-word spans with a one-word original.
    phrases: list = field(default_factory=list)
    #: Lower-case word counts of every text, and their total.
    counts: Counter[str] = field(default_factory=Counter)
    n_words: int = 0


def _synonym_rows(
    texts: Iterable[str],
    config: RepairConfig | None = None,
    detections: Sequence | None = None,
) -> _Rows:
    """Spinner-agnostic evidence rows of the texts that look spun, corpus word counts, words.

    Only documents whose spin score (profile or synonym evidence) reaches the
    threshold contribute rows: clean documents of a mixed corpus teach nothing.
    ``detections``: the spin stage's detection of each text, when the caller has it.
    """
    from repair.detect.spin import THRESHOLD
    from repair.stages.spin import STAGE

    out = _Rows()
    config = config or RepairConfig()
    for i, text in enumerate(texts):
        doc = Document(text, config=config)
        words = [t.text.lower() for t in doc.words]
        out.counts.update(words)
        out.n_words += len(words)
        det = detections[i] if detections is not None else STAGE.detect(doc)
        if det.score >= THRESHOLD:
            out.words += [(i, w) for w in getattr(det, "words", ())]
            out.common += [(i, w) for w in getattr(det, "common", ())]
            out.phrases += [(i, p) for p in getattr(det, "phrases", ())]
    return out


def _gather(
    rows: Iterable[tuple[int, object]],
) -> tuple[dict[tuple[str, str], LearnedPair], Counter[str]]:
    """Rows summed per (spun form, original): the pairs and each form's examined count."""
    per_form: Counter[str] = Counter()
    pairs: dict[tuple[str, str], LearnedPair] = {}
    docs: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, w in rows:
        s = " ".join(w.written.lower().split())
        per_form[s] += 1
        key = (s, w.original)
        p = pairs.setdefault(key, LearnedPair(s, w.original, max_weight=CORPUS_WEIGHT_CAP))
        p.count += 1
        p.gains.append(w.gain)
        p.ctx_gains.append(w.context)
        p.sources.add("corpus")
        docs[key].add(i)
    for key, p in pairs.items():
        p.docs = len(docs[key])
    return pairs, per_form


def _agreed(
    pairs: dict[tuple[str, str], LearnedPair],
    per_form: Counter[str],
    min_count: int,
    min_docs: int,
    min_gain: float,
    min_context: float,
) -> list[LearnedPair]:
    """Pairs seen ``min_count`` times in ``min_docs`` documents, the best restoration of
    their form in at least :data:`CORPUS_MIN_AGREE` of its examined occurrences, with these
    mean gains (LM, and beyond unigram frequency), and not spelling variants."""
    out = []
    for p in pairs.values():
        if p.count < min_count or p.docs < min_docs:
            continue
        if p.count < CORPUS_MIN_AGREE * per_form[p.spun] or _variant(p.spun, p.original):
            continue
        if p.mean_gain < min_gain or p.mean_ctx_gain < min_context:
            continue
        out.append(p)
    return out


def corpus_pairs(
    texts: Sequence[str],
    *,
    min_count: int = 2,
    min_docs: int = 2,
    config: RepairConfig | None = None,
    detections: Sequence | None = None,
) -> list[LearnedPair]:
    """Pairs learned from corpus statistics alone, with no prior profile.

    A spinner maps a word the same way in every document, so across a corpus
    a spun form ``s`` keeps choosing the same original ``o`` as its best-fitting
    synonym (:mod:`repair.score.spin_evidence`), and ``o`` itself goes missing
    (the spinner crowded it out).  A pair is kept when

    * it is the best restoration of ``s`` in at least :data:`CORPUS_MIN_AGREE` of
      ``s``'s examined occurrences, over ``min_count`` occurrences and ``min_docs`` documents;
    * its mean LM gain is >= :data:`CORPUS_MIN_GAIN` and its mean gain beyond unigram
      frequency >= :data:`CORPUS_MIN_CONTEXT`;
    * ``s`` is not a common word (zipf < :data:`CORPUS_MAX_SPUN_ZIPF`) and is over-used:
      at least :data:`CORPUS_MIN_SPUN_EXCESS` times what wordfreq expects in a corpus this size;
    * ``o`` is, among ``s``'s candidate originals, the one whose corpus contexts are most
      like those of ``s`` (:class:`_ContextSpace`; :data:`CORPUS_DISTRIBUTIONAL`).

    Common spun forms (:data:`CORPUS_COMMON`, :func:`_common_pairs`) and written
    multi-word spans (:data:`CORPUS_PHRASES`, :func:`_phrase_pairs`) are learned by the
    same consistency, with their own over-use tests.

    ``detections``: the spin stage's detection of each text (read once by
    :func:`learn_pairs`, which has them).
    """
    rows = _synonym_rows(texts, config, detections)
    min_docs = min(min_docs, len(texts))
    pairs, per_form = _gather(rows.words)
    kept = []
    for p in _agreed(pairs, per_form, min_count, min_docs, CORPUS_MIN_GAIN, CORPUS_MIN_CONTEXT):
        if zipf(p.spun) >= CORPUS_MAX_SPUN_ZIPF:
            continue  # common words are honest too often to learn blind
        expected_s = rows.n_words * word_rate(p.spun)
        if rows.counts.get(p.spun, 0) < CORPUS_MIN_SPUN_EXCESS * expected_s:
            continue  # the spun form is not over-used
        kept.append(p)
    space = _ContextSpace(texts) if CORPUS_DISTRIBUTIONAL else None
    if kept and space is not None:
        kept = [p for p in kept if space.nearest(p.spun, _originals(p.spun)) == p.original]
    if CORPUS_COMMON:
        kept += _common_pairs(rows, min_count, min_docs, space or _ContextSpace(texts))
    if CORPUS_PHRASES:
        kept += _phrase_pairs(rows, min_count, min_docs, space or _ContextSpace(texts))
    return sorted(kept, key=lambda p: (-p.weight, -p.count, p.spun))


def _common_pairs(
    rows: _Rows, min_count: int, min_docs: int, space: _ContextSpace
) -> list[LearnedPair]:
    """Pairs of common spun forms (Zipf >= :data:`CORPUS_MAX_SPUN_ZIPF`), which an author
    writes all the time: the first reading's rows of them and the second reading's
    (``detection.common``).  Beyond the word pairs' tests (agreement, gains at
    :data:`COMMON_MIN_GAIN` / :data:`COMMON_MIN_CONTEXT`, the context space), the corpus
    must show the spinner's hand in the two words' counts: the form over-used and its
    original under-used, against wordfreq, by a factor of :data:`COMMON_MIN_RATIO`
    together (``(count(s) / count(o)) / (freq(s) / freq(o))``): a spinner that writes
    ``s`` for ``o`` adds to the one and takes from the other."""
    first = [(i, w) for i, w in rows.words if zipf(w.written.lower()) >= CORPUS_MAX_SPUN_ZIPF]
    pairs, per_form = _gather(first + rows.common)
    out = []
    for p in _agreed(pairs, per_form, min_count, min_docs, COMMON_MIN_GAIN, COMMON_MIN_CONTEXT):
        zs, zo = zipf(p.spun), zipf(p.original)
        if zs > COMMON_MAX_ZIPF:
            continue
        cs, co = rows.counts.get(p.spun, 0), rows.counts.get(p.original, 0)
        if cs < COMMON_MIN_RATIO * (co + 1) * 10 ** (zs - zo):
            continue
        if space.nearest(p.spun, _originals(p.spun)) != p.original:
            continue
        out.append(p)
    return out


def _phrase_pairs(
    rows: _Rows, min_count: int, min_docs: int, space: _ContextSpace
) -> list[LearnedPair]:
    """Pairs of written multi-word spans and their one-word original ("research
    workers" -> "researchers"; :mod:`repair.candidates.spin_phrase`'s rows).  Beyond
    agreement (in :data:`PHRASE_MIN_DOCS` documents) and mean gains
    (:data:`PHRASE_MIN_GAIN`, :data:`PHRASE_MIN_CONTEXT`), a mean
    lead over the runner-up original of :data:`PHRASE_MIN_MARGIN` nats: the
    span is over-used, written at least :data:`PHRASE_MIN_EXCESS` times as often as the
    LM expects of it in a corpus this size, and its original is, among the span's
    originals, the one whose corpus contexts are most like the span's."""
    from repair.candidates.spin_phrase import span_originals
    from repair.resources.lm import get_lm

    pairs, per_form = _gather(rows.phrases)
    docs = max(min_docs, min(PHRASE_MIN_DOCS, len({i for i, _ph in rows.phrases})))
    agreed = _agreed(pairs, per_form, min_count, docs, PHRASE_MIN_GAIN, PHRASE_MIN_CONTEXT)
    margins: dict[tuple[str, str], list[float]] = defaultdict(list)
    for _i, ph in rows.phrases:
        key = (" ".join(ph.written.lower().split()), ph.original)
        margins[key].append(min(ph.margin, 10.0))
    lm = get_lm()
    out = []
    for p in agreed:
        m = margins[(p.spun, p.original)]
        if sum(m) / len(m) < PHRASE_MIN_MARGIN:
            continue  # the span's original wins by little over its runner-up
        ws = p.spun.split()
        expected = rows.n_words * math.exp(lm.sequence_logprob(ws))
        if space.phrase_count(p.spun) < PHRASE_MIN_EXCESS * expected:
            continue
        origs = set(span_originals(tuple(ws))[0]) | {p.original}
        if space.nearest(p.spun, origs) != p.original:
            continue
        out.append(p)
    return out


def _originals(spun: str) -> set[str]:
    """Candidate originals of a spun form: the synonym evidence's candidates and the
    reverse-Moby headwords at least as common (spinners pick rarer synonyms)."""
    from repair.score.spin_evidence import candidates_for

    z = zipf(spun)
    heads = {h for h in _moby_reverse().get(spun, ()) if zipf(h) >= z}
    return (set(candidates_for(spun)) | heads) - {spun}


_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?")


class _ContextSpace:
    """Corpus word contexts (the words one and two to either side), weighted by positive
    PMI.  The spinner put ``s`` where ``o`` stood, and left ``o`` itself in the other
    places it occurs (a spinner changes only some words), so ``s`` and its true original
    share their neighbours in this corpus: independent evidence from the LM's choice."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.nb: dict[str, Counter[tuple[int, str]]] = defaultdict(Counter)
        self.total: Counter[tuple[int, str]] = Counter()
        self.docs: list[list[str]] = []
        for text in texts:
            ws = _TOKEN.findall(text.lower())
            self.docs.append(ws)
            for i, w in enumerate(ws):
                for off in (-2, -1, 1, 2):
                    if 0 <= i + off < len(ws):
                        self.nb[w][(off, ws[i + off])] += 1
        for c in self.nb.values():
            self.total.update(c)
        self.n = sum(self.total.values()) or 1
        self._starts: dict[str, list[tuple[int, int]]] | None = None

    def _occurrences(self, phrase: str) -> list[tuple[list[str], int, int]]:
        """(document tokens, start, end) of each occurrence of a multi-word ``phrase``."""
        if self._starts is None:
            self._starts = defaultdict(list)
            for d, ws in enumerate(self.docs):
                for i, w in enumerate(ws):
                    self._starts[w].append((d, i))
        parts = phrase.split()
        n = len(parts)
        out = []
        for d, i in self._starts.get(parts[0], ()):
            ws = self.docs[d]
            if ws[i : i + n] == parts:
                out.append((ws, i, i + n))
        return out

    def phrase_count(self, phrase: str) -> int:
        """How often the lower-case multi-word ``phrase`` is written in the corpus."""
        return len(self._occurrences(phrase))

    def _neighbours(self, w: str) -> Counter[tuple[int, str]] | None:
        if " " not in w:
            return self.nb.get(w)
        c: Counter[tuple[int, str]] = Counter()
        for ws, a, b in self._occurrences(w):
            for off in (-2, -1):
                if a + off >= 0:
                    c[(off, ws[a + off])] += 1
            for off in (1, 2):
                if b + off - 1 < len(ws):
                    c[(off, ws[b + off - 1])] += 1
        return c

    @lru_cache(maxsize=50_000)  # noqa: B019  (one space per learning run)
    def vector(self, w: str) -> dict[tuple[int, str], float]:
        """Positive-PMI context vector of a word, or of a multi-word span (its words two
        to the left of its first word and two to the right of its last)."""
        c = self._neighbours(w)
        if not c:
            return {}
        s = sum(c.values())
        out = {}
        for f, v in c.items():
            pmi = math.log((v / s) / (self.total[f] / self.n))
            if pmi > 0:
                out[f] = pmi
        return out

    def similarity(self, a: str, b: str) -> float:
        va, vb = self.vector(a), self.vector(b)
        num = sum(v * vb.get(f, 0.0) for f, v in va.items())
        da = math.sqrt(sum(v * v for v in va.values()))
        db = math.sqrt(sum(v * v for v in vb.values()))
        return num / (da * db) if da and db else 0.0

    def nearest(self, spun: str, originals: Iterable[str]) -> str:
        """The original whose corpus contexts are most like ``spun``'s ('' if none)."""
        scored = [(self.similarity(spun, o), o) for o in sorted(originals)]
        return max(scored)[1] if scored else ""


def _variant(a: str, b: str) -> bool:
    """Spelling variants ("kilometres"/"kilometers"), not synonyms: never a spinner's pair.
    A written span is a variant only of its own words closed up ("every day"/"everyday"):
    "research workers" for "researchers" is a spinner's."""
    from difflib import SequenceMatcher

    if " " in a:
        return a.replace(" ", "") == b.lower()
    return SequenceMatcher(None, a, b).ratio() >= 0.8


#: :func:`corpus_pairs` thresholds (tuned on the dev half of benchmarks/spin_method_dev.py;
#: CORPUS_MIN_GAIN 4 -> 6 on the learning (dev-half) documents of
#: benchmarks/spin_learning.py: rare spinner, 100 documents, share of learned pairs that
#: are the spinner's true pairs 0.625 -> 0.676 with the same 115 true pairs.  Choosing
#: each form's original by its summed LM gain over the corpus, instead of the
#: per-occurrence majority, was measured and rejected: 0.609 (gains clipped at 10), 0.37 at 3).
CORPUS_MIN_AGREE = 0.5
#: Session 28 (learn28): CORPUS_MIN_GAIN 6 -> 3 and CORPUS_MAX_SPUN_ZIPF 4.0 -> 4.5, measured
#: on dev-half documents held out from learning (``spin_learning.py --split dev``), WordNet
#: spinner, 1,000 learned documents: pairs 374 -> 554, share true 0.896 -> 0.894, held-out
#: substitutions covered with the right original 0.131 -> 0.177, error reduction on the
#: held-out documents 0.373 -> 0.380 (clean text unchanged).  The context filter
#: (CORPUS_DISTRIBUTIONAL) keeps the precision: the gain bar alone was not what made it.
CORPUS_MIN_GAIN = 3.0
CORPUS_MIN_CONTEXT = 1.0
CORPUS_MAX_SPUN_ZIPF = 4.5
#: Corpus-statistics pairs are written with at most this weight: below
#: repair.score.spin.LEARNED_CONFIDENT, so the stage applies them only where the LM
#: prefers the original (learning 100 rare-spinner documents: precision 0.47 at the
#: lenient learned-pair bar).
CORPUS_WEIGHT_CAP = 0.49
CORPUS_MIN_SPUN_EXCESS = 3.0
#: Keep a corpus pair only when its original is also the candidate whose corpus contexts
#: are most like the spun form's (:class:`_ContextSpace`).  Learning documents of
#: benchmarks/spin_learning.py (dev half), rare spinner: true pairs among the learned
#: 289 / 412 -> 145 / 162 (100 documents), 808 / 1,399 -> 570 / 654 (1,000 documents).
#: The old filter "the original is crowded out" (corpus count <= 0.5 x expected) was
#: dropped: a spinner that changes a quarter of the words leaves most originals in place;
#: it removed 174 true of 242 pairs it alone rejected (100 rare-spun documents).
CORPUS_DISTRIBUTIONAL = True
#: Session 29 (spinlearn29): learn common spun forms (:func:`_common_pairs`) ...
#: Shipped OFF.  WordNet spinner, 1,000 learned documents: 53 pairs, 0.96 of them the
#: spinner's; dev (40 held-out dev-half documents) error reduction 0.381 -> 0.389 alone,
#: 0.407 with CORPUS_PHRASES; but on the test read (both on) one clean test text
#: (inaugural/1797-Adams#001) took 8 new edits: the learned common forms it contains
#: (idea, sight, certain, existence) raise its profile score, which the word model reads,
#: and its synonym gate opens (model score 0.7995 -> 0.8047).  Clean text first.
#: Session 30: **on**, with ``repair.stages.spin.LEARNED_COMMON_PROFILE = False`` (the
#: common forms restored but kept out of the profile score): WordNet dev 0.395 (spans
#: only) -> 0.407, precision 0.812 -> 0.814, 100 clean dev documents 0.339 both; test
#: (read once for this pair of settings) 0.326 -> 0.334, precision 0.781 -> 0.783, 100
#: clean test documents 0.079 both (the 1797 address unchanged; 0.185 with the forms
#: counted); double dev 0.366 -> 0.370, precision 0.673 -> 0.671, broken 0.0051 ->
#: 0.0055, clean 0.398 both (benchmarks/RESULTS.md, "Session 30, lead").
CORPUS_COMMON = True
#: ... with these mean gains (LM, beyond unigram frequency), a common written form no
#: commoner than COMMON_MAX_ZIPF, and the form over-used with its original under-used by
#: COMMON_MIN_RATIO together (against wordfreq's ratio of the two words).
COMMON_MIN_GAIN = 2.0
COMMON_MIN_CONTEXT = 0.5
COMMON_MAX_ZIPF = 5.75
COMMON_MIN_RATIO = 1.2
#: ... and written multi-word spans (:func:`_phrase_pairs`), with these mean gains and the
#: span written PHRASE_MIN_EXCESS times as often as the LM expects.  WordNet spinner, 1,000
#: learned dev-half documents: 142 pairs, 0.944 the spinner's; 40 held-out dev documents
#: error reduction 0.381 -> 0.395 (precision 0.803 -> 0.812, clean text unchanged);
#: benchmarks/RESULTS.md, "Session 29, spinlearn29".
CORPUS_PHRASES = True
PHRASE_MIN_GAIN = 3.0
PHRASE_MIN_CONTEXT = 1.0
PHRASE_MIN_MARGIN = 1.0
PHRASE_MIN_EXCESS = 10.0
#: A written span is learned from at least this many documents (fewer when the corpus has
#: fewer spun ones).  Learning rows of 1,000 dev-half documents (pairs that are the
#: spinner's / held-out dev substitutions covered with the right original): 2 documents
#: WordNet 191 at 0.869 / 0.0452, rare 160 at 0.844 / 0.0394; 3 documents WordNet 142 at
#: 0.944 / 0.0442, rare 126 at 0.929 / 0.0389.
PHRASE_MIN_DOCS = 3


#: Session 37 (spinlearn37): also propose pairs from the shipped distributional neighbour
#: table (:mod:`repair.resources.neighbours`, symspellpy's Google Books bigram list), for
#: a spinner whose synonyms no thesaurus the restorer reads holds (:func:`neighbour_pairs`).
#: With ``repair.stages.spin.LEARNED_OPEN``, learned on 1,000 ``distrib`` documents, no
#: profile (``spin_learning.py``): dev 0.004 -> 0.010 (0.000 with neither), test -0.006 ->
#: -0.001 (-0.005 with neither); 10-12 pairs, 0.6-0.9 of them the spinner's; 1,000 clean
#: documents teach it 2 pairs (benchmarks/RESULTS.md, "Session 37, spinlearn37").
CORPUS_NEIGHBOURS = True
#: Neighbours of a written form read as its candidate originals.
NB_TOP = 30
#: The written form: lower case, at least NB_MIN_COUNT times in NB_MIN_DOCS documents, no
#: commoner than NB_MAX_ZIPF, written NB_MIN_EXCESS times what wordfreq expects of it in
#: a corpus this size.
NB_MIN_COUNT = 5
NB_MIN_DOCS = 2
NB_MAX_ZIPF = 5.0
NB_MIN_EXCESS = 2.0
#: The original under-used beside it: (count(s) / (count(o) + 1)) / (freq(s) / freq(o)).
NB_MIN_RATIO = 2.0
#: The original fits the written form's contexts: mean two-sided LM gain (each occurrence
#: clipped at +-NB_CLIP nats) over at most NB_MAX_OCC occurrences, and the share of them
#: it fits better.
NB_MIN_GAIN = 1.0
NB_MIN_SHARE = 0.5
NB_CLIP = 8.0
#: ... and the mean gain beyond what the two words' unigram frequencies explain.
NB_MIN_CONTEXT = 0.0
NB_MAX_OCC = 40
#: The best original must lead the runner-up by this mean gain (nats).
NB_MIN_MARGIN = 2.0
#: The original written in at least as large a share of the written form's documents as
#: of all documents, plus this (a spinner swaps only some of a word's occurrences).
NB_MIN_COOC_LIFT = 0.0

#: Session 38 (spinrate38): with True, a written form's candidate originals also hold the
#: neighbours of its lemmas, inflected as the form is (lemminflect; "endeavors": the
#: neighbours of "endeavor" in the plural), after its own NB_TOP neighbours: the table's
#: row of an inflected form is thinner than its lemma's.  Reach (single-word ``distrib``
#: substitutions written >= 3 times in 300 dev documents, original among the candidates):
#: 0.239 -> 0.300; ``distrib1`` 0.292 -> 0.360 (``spin_neighbour_learn.py --reach 300``).
#: Dev, 1,000 learned (``spin_learning.py --split dev``): distrib 27 -> 44 pairs, error
#: reduction 0.007 -> 0.011 (clean versions 0.028 -> 0.056 per 1,000), distrib1 0.003 both;
#: learning 5x slower (lemminflect look-ups); not measured on test: off
#: (benchmarks/RESULTS.md, "Session 38, spinrate38").
NB_LEMMAS = False


@lru_cache(maxsize=20_000)
def _lemma_neighbours(word: str) -> tuple[str, ...]:
    """The NB_TOP neighbours of ``word``'s lemmas (lemminflect), each inflected with the tag
    ``word`` has as a form of that lemma (:data:`NB_LEMMAS`), in table order."""
    from repair.resources.lemmas import getAllInflections, getAllLemmas, getInflection
    from repair.resources.neighbours import neighbours

    out: list[str] = []
    for upos, lemmas in getAllLemmas(word).items():
        for lemma in lemmas:
            if lemma == word:
                continue  # the word's own row holds these
            tags = [t for t, forms in getAllInflections(lemma, upos).items() if word in forms]
            for n in neighbours(lemma)[:NB_TOP]:
                for t in tags:
                    for base in {n, *[x for ls in getAllLemmas(n).values() for x in ls]}:
                        form = (getInflection(base, t) or ("",))[0]
                        if form and form != word and form not in out:
                            out.append(form)
    return tuple(out)


def _nb_candidates(word: str) -> list[str]:
    """A written form's candidate originals: its NB_TOP neighbours, then (with
    :data:`NB_LEMMAS`) its lemmas' neighbours inflected like it."""
    from repair.resources.neighbours import neighbours

    own = list(neighbours(word)[:NB_TOP])
    if NB_LEMMAS:
        seen = set(own)
        own += [w for w in _lemma_neighbours(word) if w not in seen]
    return own


_NB_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|[.!?;:()\[\]\"“”—]|\n\s*\n")


_APOSTROPHE = re.compile(r"['’]")


def _nb_tokens(text: str) -> list[str]:
    """Words of ``text`` as written ("" for a sentence break)."""
    return [t if t[0].isalpha() else "" for t in _NB_TOKEN.findall(text)]


def neighbour_pairs(
    texts: Sequence[str],
    *,
    min_count: int = NB_MIN_COUNT,
    min_docs: int = NB_MIN_DOCS,
    known: Iterable[str] = (),
    features: list[dict] | None = None,
) -> list[LearnedPair]:
    """Pairs whose original is a distributional neighbour of the written form
    (:mod:`repair.resources.neighbours`), learned from corpus counts and the LM alone.

    A spinner maps a word the same way in every document, so over a corpus of its
    output the written form ``s`` is over-used against its clean-English frequency
    (wordfreq), its original ``o`` (one of ``s``'s neighbours) is under-used beside it,
    and ``o`` fits ``s``'s contexts: the two-sided LM gain of writing ``o`` in ``s``'s
    place, read over ``s``'s occurrences in the corpus (thresholds ``NB_*``).  Every
    text counts (no spin score gates it: an unknown spinner's documents need not look
    spun one by one); ``known``: written forms already learned, skipped; ``features``:
    a list that receives each examined form's best original and its figures (benchmarks).
    """
    from repair.candidates.spin_synonyms import STOPWORDS
    from repair.score.spin_context import lm_gain

    docs = [_nb_tokens(t) for t in texts]
    counts: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    in_docs: Counter[str] = Counter()
    vocab: list[set[str]] = []
    stems: set[str] = set()  # "don" of "don't": the restorer's matcher reads it there too
    n_words = 0
    for ws in docs:
        seen = set()
        vocab.append({w.lower() for w in ws if w})
        stems.update(
            w[: m.start()].lower()
            for w in ws
            if (m := _APOSTROPHE.search(w)) and w[m.end() :].lower() != "s"
        )
        for w in ws:
            if not w:
                continue
            n_words += 1
            lw = w.lower()
            counts[lw] += 1
            if w.islower():
                lower[w] += 1
                seen.add(w)
        in_docs.update(seen)
    skip = set(known)
    min_docs = min(min_docs, len(docs))
    forms = {}
    for s, c in lower.items():
        if c < min_count or in_docs[s] < min_docs or s in skip or s in STOPWORDS or len(s) < 3:
            continue
        if s in stems:
            continue
        zs = zipf(s)
        if zs <= 0 or zs > NB_MAX_ZIPF or counts[s] < NB_MIN_EXCESS * n_words * 10 ** (zs - 9):
            continue
        cands = []
        for o in _nb_candidates(s):
            zo = zipf(o)
            if zo <= 0 or _variant(s, o):
                continue
            if (counts[s] / (counts[o] + 1)) < NB_MIN_RATIO * 10 ** (zs - zo):
                continue
            cands.append(o)
        if cands:
            forms[s] = cands
    if not forms:
        return []
    occ: dict[str, list[tuple[int, list[str], list[str]]]] = defaultdict(list)
    for d, ws in enumerate(docs):
        for k, w in enumerate(ws):
            if w in forms and len(occ[w]) < NB_MAX_OCC:
                left: list[str] = []
                for j in (k - 1, k - 2):
                    if j < 0 or not ws[j]:
                        break
                    left.insert(0, ws[j].lower())
                right: list[str] = []
                for j in (k + 1, k + 2):
                    if j >= len(ws) or not ws[j]:
                        break
                    right.append(ws[j].lower())
                occ[w].append((d, left, right))
    from repair.resources.lm import get_lm

    lm = get_lm()
    out = []
    for s, cands in forms.items():
        scored = []
        for o in cands:
            gains = [
                max(-NB_CLIP, min(NB_CLIP, lm_gain(left, [s], [o], right)))
                for _d, left, right in occ[s]
            ]
            scored.append((sum(gains) / len(gains), o, gains))
        scored.sort(key=lambda t: (-t[0], t[1]))
        mean, o, gains = scored[0]
        runner = scored[1][0] if len(scored) > 1 else -NB_CLIP
        share = sum(1 for g in gains if g > 0) / len(gains)
        s_docs = {d for d, _l, _r in occ[s]}
        cooc = sum(1 for d in s_docs if o in vocab[d]) / len(s_docs)
        uni = lm.logprob(o) - lm.logprob(s)
        p = LearnedPair(s, o, count=len(gains), max_weight=CORPUS_WEIGHT_CAP)
        p.docs = len({d for d, _l, _r in occ[s]})
        p.gains = gains
        p.ctx_gains = [g - uni for g in gains]
        p.sources.add("neighbour")
        o_docs = sum(1 for v in vocab if o in v) / len(vocab)
        if features is not None:
            zs, zo = zipf(s), zipf(o)
            features.append({
                "spun": s, "original": o, "count": counts[s], "docs": p.docs,
                "excess": counts[s] / (n_words * 10 ** (zs - 9)),
                "ratio": (counts[s] / (counts[o] + 1)) / 10 ** (zs - zo),
                "gain": mean, "ctx": p.mean_ctx_gain, "share": share, "margin": mean - runner,
                "rank": _nb_candidates(s).index(o), "cooc": cooc, "o_docs": o_docs,
                "zs": zs, "zo": zo, "n_cands": len(cands),
            })  # fmt: skip
        if mean < NB_MIN_GAIN or share < NB_MIN_SHARE or mean - runner < NB_MIN_MARGIN:
            continue
        if p.mean_ctx_gain < NB_MIN_CONTEXT:
            continue
        if cooc - o_docs < NB_MIN_COOC_LIFT:
            continue
        out.append(p)
    return sorted(out, key=lambda p: (-p.weight, -p.count, p.spun))


def learn_pairs(
    texts: Iterable[str],
    references: Sequence[str] = (),
    *,
    min_count: int = 2,
    min_gain: float = 1.0,
    thesaurus: bool = True,
    corpus: bool = True,
    config: RepairConfig | None = None,
) -> list[LearnedPair]:
    """Substitution pairs the corpus supports, best first (see the module docstring).

    ``corpus``: also learn from corpus statistics alone (:func:`corpus_pairs`), which
    needs no profile and no reference; its pairs fill in spun forms the others miss.
    ``config``: the repair configuration (``spin_profile=None``: learn with no prior profile).
    """
    from repair.detect.spin import THRESHOLD
    from repair.resources.lm import get_lm
    from repair.score.reference import ngram_support, reference_ngrams
    from repair.score.spin_context import WordContext, context, lm_gain
    from repair.stages.spin import STAGE

    config = config or RepairConfig()
    texts = list(texts)
    references = tuple(references)
    grams = reference_ngrams(references) if references else frozenset()
    pairs: dict[tuple[str, str], LearnedPair] = {}
    dets = []
    for text in texts:
        doc = Document(text, references, config=config)
        det = STAGE.detect(doc)
        dets.append(det)
        if det.details.get("profile_score", det.score) < THRESHOLD:
            continue  # profile, reference and thesaurus pairs: only where a profile fits
        found: list[tuple[int, int, str, str, str]] = []
        for c in STAGE.candidates(doc, det):
            src = "reference" if c.source == "SPIN_REFERENCE" else "lexicon"
            if c.source in ("SPIN_NUMBER", "SPIN_SYNONYM"):
                continue  # synonyms are learned from corpus statistics (corpus_pairs)
            found.append((c.start, c.end, doc.text[c.start : c.end].lower(), c.replacement, src))
        if thesaurus:
            taken = {(a, b) for a, b, *_ in found}
            for a, b, w, h in _thesaurus_candidates(doc.text):
                if (a, b) not in taken:
                    found.append((a, b, w, h, "thesaurus"))
        ctx = WordContext.of(doc)
        seen_doc: set[tuple[str, str]] = set()
        for a, b, spun, orig, src in found:
            left, right, _initial = context(doc, ctx, a, b)
            spun_w, orig_w = spun.split(), orig.lower().split()
            gain = lm_gain(left, spun_w, orig_w, right)
            key = (" ".join(spun_w), orig)
            p = pairs.setdefault(key, LearnedPair(key[0], orig))
            p.count += 1
            p.gains.append(gain)
            if src == "thesaurus":
                lm = get_lm()
                uni = lm.logprob(orig_w[0]) - lm.logprob(spun_w[0])
                p.ctx_gains.append(gain - uni)
            p.sources.add(src)
            if grams:
                p.ref_hits += max(
                    0,
                    ngram_support(left, orig_w, right, grams)
                    - ngram_support(left, spun_w, right, grams),
                )
            if key not in seen_doc:
                seen_doc.add(key)
                p.docs += 1
    kept = []
    for p in pairs.values():
        if p.sources == {"thesaurus"}:
            # blind thesaurus pairs: the context, not mere frequency, must prefer the original,
            # in more than one document or with reference support
            ok = p.count >= max(min_count, 3) and p.mean_ctx_gain >= 2 * min_gain
            ok = ok and (p.docs >= 2 or p.ref_hits >= 2)
        else:
            ok = (p.count >= min_count and p.mean_gain >= min_gain) or (
                p.ref_hits > 0 and p.mean_gain > 0
            )
        if ok:
            kept.append(p)
    # one original per spun form: the best supported
    best: dict[str, LearnedPair] = {}
    for p in sorted(kept, key=lambda p: (-p.weight, -p.count, p.spun)):
        best.setdefault(p.spun, p)
    if learn_edits.EDIT_PAIRS:  # the repair's own first-pass restorations (learn_edits.py),
        # before the corpus statistics' pairs of the same written forms
        from repair.pipeline import repair_text

        first = [repair_text(t, references, config).edits for t in texts]
        for p in learn_edits.edit_pairs(texts, first):
            best.setdefault(p.spun, p)
    if corpus:
        # the corpus statistics read the texts alone: their detections are these ones
        # only when there is no reference
        shared = None if references else dets
        for p in corpus_pairs(texts, min_count=min_count, config=config, detections=shared):
            best.setdefault(p.spun, p)
        if CORPUS_NEIGHBOURS:
            for p in neighbour_pairs(texts, known=best):
                best.setdefault(p.spun, p)
    out = sorted(best.values(), key=lambda p: (-p.weight, -p.count, p.spun))
    if CORPUS_RATES or LEARN_MOVED:
        pair_rates(texts, out)
    if LEARN_MOVED:
        n_words = sum(len(t.split()) for t in texts)
        out = [p for p in out if moved_enough(p, n_words)]
    return out


#: Session 66 (learnclean66): a learned pair is kept only where the learning corpus's
#: counts have moved from its original to its written form: :func:`pair_moved`
#: (``ln((c_s + 1/2) / (c_o + 1/2)) - ln(f_s / f_o)``, the corpus's counts of the form and
#: the original against clean English's ratio of the two words, wordfreq) at least
#: :data:`LEARN_MOVED_MIN` nats.  A spinner that writes one synonym per lemma (a paper
#: mill) makes its form common and its original rare; an honest formal word the corpus
#: also writes ("permit", "upon", "nation") or a consistent first-pass misreading of the
#: corpus ("sheep" -> people in rural news) shows no such move, and those pairs are what
#: changes clean text.  Unlike ``learn_edits.EDIT_SHIFT`` (session 60: weak first-pass
#: pairs, a bar from the corpus's median) it tests every pair of one-word form and
#: original that wordfreq knows, at a fixed bar.  Mill, 1,000 dev-half learning
#: documents (``benchmarks/spin_learning.py --spinner mill``): 633 -> 371 pairs, dev mill
#: error reduction 0.157 -> 0.157 (main without pairs 0.069), test 0.135 -> 0.135; the
#: learned profile's clean cost (the calibration's clean items with the pairs, changed tokens
#: per 1,000) dev 0.496 -> 0.109, test 0.320 -> 0.110 (main 0.033 / 0.044); tortured dev row
#: 0.466 -> 0.474 (= main).  But SpinBot, 300 dev learning documents: 2,455 -> 1,997 pairs,
#: error reduction 0.391 -> 0.374 (precision 0.685 -> 0.701; clean twins 0.697 -> 0.558
#: per 1,000, 40 other clean documents 0.000 -> 0.468: a 1929 address opens), so the
#: second spinner's learning falls.  Bar 3.0: mill dev 0.134.  benchmarks/RESULTS.md,
#: "Session 66, learnclean".  Off.
LEARN_MOVED = False
LEARN_MOVED_MIN = 2.0


def pair_moved(p: LearnedPair, n_words: int) -> float | None:
    """:data:`LEARN_MOVED`'s log ratio of one pair with its corpus rates (:func:`pair_rates`)
    over ``n_words`` words; None for a multi-word form or original, a word wordfreq does
    not know, or no rates.

    >>> p = LearnedPair("utilize", "use", form_rate=0.002, original_rate=0.0005)
    >>> pair_moved(p, 10_000) > 5
    True
    >>> pair_moved(LearnedPair("use", "utilize", form_rate=0.005, original_rate=0.0001), 10) < 0
    True
    >>> pair_moved(LearnedPair("make use", "use", form_rate=0.01, original_rate=0.01), 10) is None
    True
    """
    if p.form_rate is None or p.original_rate is None:
        return None
    if " " in p.spun or " " in p.original:
        return None
    if zipf(p.spun) <= 0 or zipf(p.original) <= 0:
        return None
    c_s = p.form_rate * n_words + 0.5
    c_o = p.original_rate * n_words + 0.5
    return math.log(c_s / c_o) - math.log(word_rate(p.spun) / word_rate(p.original))


def moved_enough(p: LearnedPair, n_words: int) -> bool:
    """True unless :func:`pair_moved` measures less than :data:`LEARN_MOVED_MIN` nats."""
    moved = pair_moved(p, n_words)
    return moved is None or moved >= LEARN_MOVED_MIN


def _sources_line(sources: Sequence[str], limit: int = 5) -> str:
    """The input texts, named up to ``limit``, then counted."""
    names = [str(s) for s in sources]
    if not names:
        return "(unnamed texts)"
    if len(names) <= limit:
        return ", ".join(names)
    return ", ".join(names[:limit]) + f" and {len(names) - limit:,} more texts"


def _rate_tokens(text: str) -> list[str]:
    """Lower-case words of ``text`` ("" for a sentence break): :func:`pair_rates`."""
    return [t.lower() for t in _nb_tokens(text)]


def pair_rates(texts: Iterable[str], pairs: Sequence[LearnedPair]) -> None:
    """Set each pair's :attr:`~LearnedPair.form_rate` and :attr:`~LearnedPair.original_rate`:
    occurrences per word (white-space separated, as ``repair.stages.spin`` counts a
    document's length) of the written form and of the original in ``texts``, case
    folded, a multi-word form or original as consecutive words of one sentence."""
    if not pairs:
        return
    wanted: set[tuple[str, ...]] = set()
    for p in pairs:
        wanted.add(tuple(p.spun.lower().split()))
        wanted.add(tuple(p.original.lower().split()))
    wanted.discard(())
    lengths = sorted({len(k) for k in wanted})
    counts: Counter[tuple[str, ...]] = Counter()
    n_words = 0
    for text in texts:
        n_words += len(text.split())
        toks = _rate_tokens(text)
        for n in lengths:
            for k in range(len(toks) - n + 1):
                gram = tuple(toks[k : k + n])
                if gram in wanted and all(gram):
                    counts[gram] += 1
    n_words = max(n_words, 1)
    for p in pairs:
        p.form_rate = counts[tuple(p.spun.lower().split())] / n_words
        p.original_rate = counts[tuple(p.original.lower().split())] / n_words


def _rate_cell(rate: float | None) -> str:
    return "" if rate is None else f"{rate * RATE_SCALE:.4g}"


def write_pairs(
    pairs: Sequence[LearnedPair], path: str | Path, *, sources: Sequence[str] = ()
) -> None:
    """Write ``pairs`` as a TSV lexicon that ``--lexicon`` accepts (atomic)."""
    from repair.io import atomic_write

    lines = [
        "# pairs learned by `repair learn` (spun -> original), with their evidence",
        "# source: " + _sources_line(sources),
        "# licence: derived data; same terms as the input texts",
        "\t".join(TSV_COLUMNS),
    ]
    for p in pairs:
        lines.append(
            "\t".join(
                [
                    p.spun,
                    p.original,
                    f"{p.weight:.4f}",
                    str(p.count),
                    str(p.docs),
                    f"{p.mean_gain:.3f}",
                    str(p.ref_hits),
                    "+".join(sorted(p.sources)),
                    _rate_cell(p.form_rate),
                    _rate_cell(p.original_rate if p.form_rate is not None else None),
                ]
            )
        )
    atomic_write(Path(path), "\n".join(lines) + "\n")
