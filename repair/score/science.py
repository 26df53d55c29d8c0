"""Synonym restorations read as scientific collocations, in scientific register only.

The spin stage's word model (:mod:`repair.score.spin_model`) ranks a right original first
for many words a thesaurus spun in an abstract ("immune strains" → "resistant strains"),
but below its bar (0.5), and its document gate stays shut: clean news and speeches have as
many such words.  In a document of scientific register (:mod:`repair.detect.science`):

* **words** (:func:`extra_words`, called by the spin stage): a row at probability
  :data:`BAR` or more is restored when its original is read as a collocation: with a content
  word next to it, the original's pair is at least :data:`MIN_SUPPORT` nats more associated
  (PMI in book-register pair counts, :mod:`repair.resources.bigrams`, the Google Books counts
  symspellpy ships; an unseen pair counts :data:`UNSEEN_PMI`) than the written pair, and the
  news LM does not associate the written pair (the book table keeps only pairs seen 6.4 M
  times, so "widely applied" is unseen there).  Never a word the news LM does not know (the
  rare-word pass reads those) nor one a paper mill's learned habit writes for another
  original (the mill-word pass reads those); the document needs :data:`MIN_DOC_WORDS`
  distinct rows at the bar (one since session 47: a mill's short abstract holds few).  The
  words carry their own bar (feature ``word_bar``, read by
  :func:`repair.score.spin._decline`) and the support (``science_collocation_gain``) as
  evidence.
* **terms** (:func:`relax_decisions`, called by :func:`repair.score.collocation.decide`):
  a term window whose changed pair the book counts know (:func:`supported`) drops the
  bars made for rare written words (``common_written`` up to :data:`MAX_ZIPF`,
  ``not_more_ordinary`` down to :data:`MIN_ORDINARY`, ``weak_term``): "neural web" →
  "neural network".
* **rare words** (:func:`register_prior`, :func:`register_decisions`, called by the rare-word
  pass of :mod:`repair.stages.collocation`): a rare written word's candidate originals are
  ranked with their register weight (``lexicons/science_register.tsv``: how much more often
  scientific text uses the word) as a prior, and a restoration the pass's news-fitted model
  declines for weak evidence is applied when its original is a scientific term and the
  written word is not ("latticework" → "network", "mescal" → "acid").

Thresholds were set on the dev abstracts (``benchmarks/spin_eval.py --spinner tortured
--split dev``) and held to the clean scientific texts of the suites and the clean
registers of ``benchmarks/spin_calibrate.py`` (benchmarks/RESULTS.md, "Spin: scientific
register and scientific collocations").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Any, TypeVar

from repair.candidates.spin_synonyms import STOPWORDS
from repair.detect.collocation import Restoration
from repair.detect.science import is_scientific
from repair.document import Document
from repair.types import Candidate, Token

#: A decision of :mod:`repair.score.collocation` (its ``Decision``; not imported: that
#: module imports this one).
D = TypeVar("D", bound=Any)
#: A word of the rare-word pass (:class:`repair.detect.rareword.RareWord`).
R = TypeVar("R", bound=Any)

#: The word model's probability bar in scientific register (the stage's is 0.5, and only
#: where its document gate opens).
BAR = 0.2
#: Least PMI gain (nats) of the original's pair over the written pair.
MIN_SUPPORT = 3.0
#: Most news-LM association (nats) of the written pair on the supporting side.
MAX_WRITTEN_LM_PMI = 1.0
#: The LM's ln-probability floor: a word at or under it is unknown to the LM.
UNKNOWN_LOGPROB = -15.99
#: Fewest distinct written words of the document at probability :data:`BAR` or more
#: (supported or not; with the strongly supported rows of :func:`strong_rows`) for any to
#: be restored this way.  1 since session 47 (spinmill47; 2 before): a paper mill's
#: abstract of 60-80 words at its 25 % rate holds one or two words the word model rows, and
#: each restored word still needs its own collocation support (:data:`MIN_SUPPORT`, or
#: :data:`STRONG_SUPPORT` with a technical term).  ``python benchmarks/spin_eval.py --all
#: --split dev|test``: dev mill 0.019 -> 0.027 (precision 0.444 -> 0.500: "sensor webs" ->
#: "sensor networks", "nervous networks" -> "neural networks"), every other dev row
#: identical; test mill 0.022 -> 0.027 (precision 0.500 -> 0.545), tortured 0.271 -> 0.275,
#: every other test row identical;
#: ``spin_calibrate.py``: identical to main document by document (all 0.094 changed tokens
#: per 1,000, short 0.336, clean suite 0, abstracts 0).
MIN_DOC_WORDS = 1
#: Fewest distinct written words of the document in terms :func:`relax` clears.
MIN_DOC_TERMS = 2
#: Term sources that make a technical term (one such term needs no second one).
STRONG = frozenset({"pps", "wordnet"})
#: Term sources that outrank a mill's learned habit for another original: the paper
#: mills' own expected phrases ("neural network"); a WordNet-only collocation does not
#: ("staying vitality" is a mill's "remaining energy", not "staying power").
OVER_HABIT = frozenset({"pps"})
#: PMI of a pair the book counts never saw.
UNSEEN_PMI = -1.0
#: Text between two words of one collocation.
_JOINS = frozenset({" ", "-"})


@lru_cache(maxsize=100_000)
def pair_pmi(a: str, b: str) -> float:
    """PMI (nats) of the pair ``a b`` in the book counts (:data:`UNSEEN_PMI` if unseen)."""
    from repair.resources.bigrams import get_bigrams

    book = get_bigrams()
    pair = book.log_count(f"{a} {b}")
    la, lb = book.log_count(a), book.log_count(b)
    if pair is None or la is None or lb is None:
        return UNSEEN_PMI
    return pair + book._log_total - la - lb


def _neighbours(doc: Document, start: int, end: int) -> tuple[str | None, str | None]:
    """The content words joined to ``text[start:end]`` on each side (None: a stopword,
    punctuation or the edge)."""
    words = doc.words
    text = doc.text
    i = next((k for k, t in enumerate(words) if t.start == start), None)
    if i is None:
        return None, None

    def ok(t: Token, a: int, b: int) -> str | None:
        low = t.text.lower()
        if text[a:b] not in _JOINS or low in STOPWORDS or not t.text.isalpha():
            return None
        return low

    left = ok(words[i - 1], words[i - 1].end, start) if i > 0 else None
    right = ok(words[i + 1], end, words[i + 1].start) if i + 1 < len(words) else None
    return left, right


@lru_cache(maxsize=100_000)
def _lm_pmi(a: str, b: str) -> float:
    """The news LM's association of the pair ``a b`` (ln P(b|a) − ln P(b))."""
    from repair.resources.lm import get_lm

    lm = get_lm()
    return lm.logprob(b, [a]) - lm.logprob(b)


@lru_cache(maxsize=100_000)
def _lm_knows(word: str) -> bool:
    from repair.resources.lm import get_lm

    return get_lm().logprob(word) > UNKNOWN_LOGPROB


def support(doc: Document, start: int, end: int, original: str) -> float:
    """How much more the original collocates with a neighbour than the written word does
    (the best side whose written pair the news LM does not associate either; ``-inf``
    without such a content neighbour).

    The book pair table holds only frequent pairs (6.4 M occurrences and more), so an
    unseen written pair is no evidence by itself ("widely applied" is not in it): the
    news LM must not associate the written pair (at most :data:`MAX_WRITTEN_LM_PMI`)."""
    written = doc.text[start:end].lower()
    original = original.lower()
    left, right = _neighbours(doc, start, end)
    best = float("-inf")
    if left is not None and _lm_pmi(left, written) <= MAX_WRITTEN_LM_PMI:
        best = max(best, pair_pmi(left, original) - pair_pmi(left, written))
    if right is not None and _lm_pmi(written, right) <= MAX_WRITTEN_LM_PMI:
        best = max(best, pair_pmi(original, right) - pair_pmi(written, right))
    return best


def habit_conflict(written: str, original: str) -> bool:
    """Whether a paper mill's learned habit (:mod:`repair.candidates.tortured_words`) writes
    ``written`` for another original: the mill-word pass of the collocation stage reads
    that word from the habit, which is stronger evidence than a synonym table."""
    from repair.candidates.tortured_words import learned

    habits = learned(written.lower())
    return bool(habits) and original.lower() not in habits


#: A word-model row under :data:`BAR` (at :data:`STRONG_BAR` or more) whose original
#: collocates with a content neighbour at least this many nats more than the written word
#: does (:func:`support`) is read as the rows at the bar are (None: off): a paper mill's
#: synonym is as common as its original, so the word model scores it low ("nervous" for
#: "neural", 0.10), while "neural networks" gains 12 nats of book PMI.  ON (session 46,
#: spinmill46; ``python benchmarks/spin_eval.py --all --split dev|test``): dev mill
#: 0.008 -> 0.011 (precision 0.333 -> 0.375), every other dev row identical; test every
#: row identical (mill 0.022, tortured 0.266); ``spin_calibrate.py`` identical document by
#: document (all 0.094 changed tokens per 1,000); 5 and 8 nats: the same dev figures.
STRONG_SUPPORT: float | None = 6.0
#: The least word-model probability of such a strongly supported row.
STRONG_BAR = 0.03


#: ... and the original makes a WordNet or tortured-list term (:data:`STRONG`) with that
#: neighbour: a pair only the book counts know is no technical term.  Without it the
#: calibration's clean short pieces got 2 edits ("generous role" -> "big role",
#: "pension expenditure" -> "public expenditure"; short 0.342 -> 0.358 changed tokens per
#: 1,000 with :mod:`repair.detect.collocation`'s ``WIDE_OPTIONS`` on too), test tortured
#: 0.266 -> 0.271, mill dev the same.
STRONG_TERM = True


def _strong_term(doc: Document, span: tuple[int, int], original: str) -> bool:
    """Whether ``original`` at ``span`` makes a :data:`STRONG` term with a content neighbour."""
    from repair.detect.collocation import HELD_OUT, load_terms

    terms = load_terms(HELD_OUT)
    left, right = _neighbours(doc, *span)
    o = original.lower()
    pairs = [p for p in ((left, o), (o, right)) if None not in p]
    return any((t := terms.get(p)) is not None and t.sources & STRONG for p in pairs)  # type: ignore[arg-type]


def _prob(c: Candidate) -> float:
    return float(c.features.get("model_probability", 0.0))


def strong_rows(
    doc: Document, candidates: Iterable[Candidate], taken: set[tuple[int, int]]
) -> list[Candidate]:
    """``SPIN_SYNONYM`` rows not in ``taken``, under :data:`BAR` and at :data:`STRONG_BAR`
    or more, whose original's support is at least :data:`STRONG_SUPPORT` (the best row of
    each span only)."""
    best: dict[tuple[int, int], Candidate] = {}
    for c in candidates:
        span = (c.start, c.end)
        p = c.features.get("model_probability", 0.0)
        if c.source != "SPIN_SYNONYM" or span in taken or " " in c.replacement:
            continue
        if STRONG_BAR <= p < BAR and (span not in best or p > _prob(best[span])):
            best[span] = c
    bar = STRONG_SUPPORT if STRONG_SUPPORT is not None else float("inf")
    gains = {span: support(doc, *span, c.replacement) for span, c in best.items()}
    strong = {
        span: g
        for span, g in gains.items()
        if g >= bar and (not STRONG_TERM or _strong_term(doc, span, best[span].replacement))
    }
    # two neighbours each supported by the other as written ("nervous networks": "neural"
    # 12.1 nats, "systems" 8.6): only the stronger reading stands
    ends = {t.end: (t.start, t.end) for t in doc.words}
    starts = {t.start: (t.start, t.end) for t in doc.words}
    out = []
    for span, g in strong.items():
        near = (ends.get(span[0] - 1), starts.get(span[1] + 1))
        if any(n in strong and strong[n] > g for n in near):
            continue
        out.append(best[span])
    return out


def extra_words(
    doc: Document, candidates: Iterable[Candidate], kept: Iterable[Candidate]
) -> list[Candidate]:
    """``SPIN_SYNONYM`` candidates not in ``kept`` that scientific register lets through:
    probability at least :data:`BAR` and collocation support at least :data:`MIN_SUPPORT`,
    or an original that is a scientific term where the written word is not
    (:func:`_register_term`), and the strongly supported rows under the bar
    (:func:`strong_rows`); none unless ``doc`` is scientific."""
    taken = {(c.start, c.end) for c in kept}
    candidates = list(candidates)
    pending = [
        c
        for c in candidates
        if c.source == "SPIN_SYNONYM"
        and (c.start, c.end) not in taken
        and c.features.get("model_probability", 0.0) >= BAR
        and " " not in c.replacement
    ]
    if (
        STRONG_SUPPORT is not None  # strongly supported rows under the bar
        and any(c.source == "SPIN_SYNONYM" and STRONG_BAR <= _prob(c) < BAR for c in candidates)
        and is_scientific(doc)  # (remembered for the text: no second reading below)
    ):
        pending += strong_rows(doc, candidates, taken | {(c.start, c.end) for c in pending})
    if not pending or not is_scientific(doc):
        return []
    out = []
    rare_read = None
    for c in pending:
        written = doc.text[c.start : c.end].lower()
        if habit_conflict(written, c.replacement):
            continue  # the mill-word pass reads it
        if not _lm_knows(written):
            if rare_read is None:
                rare_read = not UNKNOWN_WORDS or rare_pass_reads(doc)
            if rare_read:
                continue  # the rare-word pass reads it
        gain = support(doc, c.start, c.end, c.replacement)
        bar = BAR if _prob(c) >= BAR else STRONG_BAR  # a strong row (strong_rows) under BAR
        if gain >= MIN_SUPPORT:
            feats = {**c.features, "word_bar": bar, "science_collocation_gain": round(gain, 3)}
        elif REGISTER_WORDS and _register_term(written, c.replacement):
            feats = {**c.features, "word_bar": BAR, "science_register_term": True}
        else:
            continue
        out.append(Candidate(c.start, c.end, c.replacement, c.kind, c.source, feats))
        taken.add((c.start, c.end))
    if len({doc.text[c.start : c.end].lower() for c in pending}) < MIN_DOC_WORDS:
        return []  # fewer distinct rows than the document needs (MIN_DOC_WORDS)
    return out


#: A written word the news LM does not know is read here when the rare-word pass does not
#: read the document (it is not dense with rare words: "betwixt" in an abstract a WordNet
#: spinner wrote); where the pass runs it reads such words (:func:`rare_pass_reads`).
#: Off: no dev tortured abstract changed (the abstracts with "betwixt" are not of
#: scientific register), and one habit-spun dev abstract got a wrong edit
#: ("apparatuses" -> "plants"; tortured20).
UNKNOWN_WORDS = False

#: A word-model row at the bar whose original is a scientific term and whose written word
#: is not needs no collocation support (:func:`_register_term`).  Off: one dev word for it
#: (tortured19), and with it the held-out habit-spun abstracts
#: (``tortured_general_eval.py --abstracts``, test half) fell 0.143 -> 0.130
#: (precision 0.815 -> 0.769).
REGISTER_WORDS = False


def _register_term(written: str, original: str) -> bool:
    """Whether ``original`` is a term of scientific text (register weight at least
    :data:`MIN_TERM_WEIGHT`) and the written word (or its lemma) is not: "a turning threat"
    → "a growing threat", which no book pair decides."""
    from repair.detect.science import weights

    return (
        weights().get(original.lower(), 0.0) >= MIN_TERM_WEIGHT
        and _term_weight(written.lower()) <= 0.0
    )


#: Written multi-word spans read as one-word originals in scientific register
#: (:func:`phrases_open`).
PHRASES = True


def phrases_open(doc: Document) -> bool:
    """Whether the spin stage reads written multi-word spans as one-word originals
    (``SPIN_SYNONYM_PHRASE``, its own bars in :func:`repair.stages.spin._phrase_kept`)
    although no spin gate is open: in scientific register a WordNet multi-word lemma
    ("linguistic communication" for "language") is a thesaurus's, not the author's; the
    spin stage keeps only spans the book counts do not know (:func:`unseen_span`)."""
    return PHRASES and is_scientific(doc)


def unseen_span(written: str) -> bool:
    """Whether no two neighbouring words of the written span ``written`` are a pair of the
    book counts: a span they know is an established term of its own ("false alarm" rate,
    "end product"), a thesaurus's multi-word lemma is not ("linguistic communication")."""
    words = written.lower().split()
    return len(words) > 1 and all(
        pair_pmi(a, b) == UNSEEN_PMI for a, b in zip(words, words[1:], strict=False)
    )


#: Rare written words of a dense scientific document are left to the rare-word pass
#: (:func:`defer_rare`).
DEFER_RARE = True
#: The rare-word pass's pre-gate (:data:`repair.stages.collocation.RARE_PREGATE`,
#: :data:`~repair.stages.collocation.RARE_PREGATE_PER_1000`; a test keeps them equal).
RARE_PREGATE = 4
RARE_PREGATE_PER_1000 = 60.0


def defer_rare(doc: Document, kept: list[Candidate]) -> list[Candidate]:
    """``kept`` without the ``SPIN_SYNONYM`` words the rare-word pass reads (wordfreq Zipf
    at most :data:`repair.detect.rareword.MAX_ZIPF`) where that pass will run (the document
    passes its pre-gate) and the document is scientific: the pass pools every source and
    reads the book-register pairs, and the spin stage's earlier choice took its word first
    ("comportment" → "procedure" where the pass reads "method"; dev abstracts: precision
    0.703 → 0.754)."""
    if not DEFER_RARE or not any(c.source == "SPIN_SYNONYM" for c in kept):
        return kept
    from repair.detect import rareword
    from repair.resources.frequency import zipf

    def rare(c: Candidate) -> bool:
        return c.source == "SPIN_SYNONYM" and zipf(doc.text[c.start : c.end].lower()) <= (
            rareword.MAX_ZIPF
        )

    if not any(rare(c) for c in kept):
        return kept
    if not rare_pass_reads(doc) or not is_scientific(doc):
        return kept
    return [c for c in kept if not rare(c)]


def rare_pass_reads(doc: Document) -> bool:
    """Whether the collocation stage's rare-word pass reads ``doc`` (its pre-gate:
    :data:`RARE_PREGATE` distinct rare words with candidates, :data:`RARE_PREGATE_PER_1000`
    per 1,000 words)."""
    from repair.detect import rareword

    n_types, density = rareword.type_density(doc, rareword.scan(doc))
    return n_types >= RARE_PREGATE and density >= RARE_PREGATE_PER_1000


# ---- collocation terms in scientific register (repair.score.collocation)

#: Commonest written word read in a term window of a scientific document (wordfreq Zipf;
#: elsewhere :data:`repair.detect.collocation.MAX_SPUN_ZIPF`, 4.5): "neural web".
MAX_ZIPF = 5.0
#: Least PMI gain (nats) of the term's changed pair over the written pair in the book counts.
MIN_TERM_SUPPORT = 5.0
#: Least mean Zipf gain of the changed words ("immune" → "resistant" is a little rarer).
MIN_ORDINARY = -0.5


def supported(r: Restoration) -> bool:
    """Whether restoration ``r`` (found in scientific register) is a collocation of the
    book counts where the written words are not: every changed word's pair with the kept
    neighbour gains at least :data:`MIN_TERM_SUPPORT` nats of PMI."""
    if not r.science or len(r.written) != 2 or len(r.changed) != 1:
        return False
    w, o = r.written, r.restored
    return pair_pmi(*o) - pair_pmi(*w) >= MIN_TERM_SUPPORT and pair_pmi(*w) == UNSEEN_PMI


def dense_supported(r: Restoration) -> bool:
    """A supported term (:func:`supported`) in a scientific document dense with rare
    words: it needs no second restoration in the document (the ``isolated`` rule of
    :mod:`repair.score.collocation`; the rare-word density is that document evidence)."""
    return r.dense and supported(r)


def relax(r: Restoration, reasons: tuple[str, ...]) -> tuple[str, ...]:
    """``reasons`` without the bars a supported term in scientific register does not need
    (a written word up to :data:`MAX_ZIPF`, a slightly rarer original); a written word the
    news LM does not know keeps them (the rare-word pass reads it), and so does one a
    mill's habit writes for another original, unless the term is a paper mill's own phrase."""
    if (
        not reasons
        or not supported(r)
        or not all(_lm_knows(r.written[i]) for i in r.changed)
        or not r.term.sources & OVER_HABIT
        and any(habit_conflict(r.written[i], r.restored[i]) for i in r.changed)
    ):
        return reasons
    from repair.resources.frequency import zipf

    out = []
    for reason in reasons:
        if reason == "common_written" and max(zipf(r.written[i]) for i in r.changed) <= MAX_ZIPF:
            continue
        if reason == "not_more_ordinary" and r.ordinary >= MIN_ORDINARY:
            continue
        if reason == "weak_term":
            continue
        out.append(reason)
    return tuple(out)


def relax_decisions(decisions: list[D]) -> list[D]:
    """Decisions of :func:`repair.score.collocation.decide` with the declined terms that
    :func:`relax` clears applied, when they are at least :data:`MIN_DOC_TERMS` distinct
    written words of the document (a paper mill spins the whole text), or one of them is a
    technical term or the document is dense with rare words."""
    cleared = [
        i
        for i, d in enumerate(decisions)
        if not d.applied and d.restoration.science and not relax(d.restoration, d.reasons)
    ]
    words = {
        decisions[i].restoration.written[k]
        for i in cleared
        for k in decisions[i].restoration.changed
    }
    # one is enough in a document dense with rare words, or for a technical term (the
    # tortured-phrase list's expected side, WordNet: "neural network")
    alone = any(
        decisions[i].restoration.dense or decisions[i].restoration.term.sources & STRONG
        for i in cleared
    )
    if len(words) < (1 if alone else MIN_DOC_TERMS):
        return decisions
    out = list(decisions)
    for i in cleared:
        out[i] = replace(out[i], applied=True, reasons=())
    return out


# ---- the rare-word pass's prior in scientific register (repair.stages.collocation)

#: Candidate originals of a rare written word read with their register weight in
#: scientific documents (:func:`register_prior`).
REGISTER_PRIOR = True
#: Nats of rare-word score per nat of register weight (set on the dev abstracts).
PRIOR_WEIGHT = 1.0
#: Most register weight (nats) one candidate gets; words scientific text avoids get none
#: ("paper" and "study" are not technical terms, yet abstracts are full of them).
PRIOR_CAP = 3.0


def prior_bonus(word: str) -> float:
    """The register prior of ``word`` as a candidate original (nats, 0 to
    ``PRIOR_WEIGHT * PRIOR_CAP``): its weight in ``lexicons/science_register.tsv``, how much
    more often scientific text uses it than English at large, negative weights read as 0."""
    from repair.detect.science import weights

    return PRIOR_WEIGHT * min(max(weights().get(word, 0.0), 0.0), PRIOR_CAP)


def register_prior(doc: Document, found: list[R], done: Iterable[R] = ()) -> list[R]:
    """The rare-word pass's words (:class:`repair.detect.rareword.RareWord`) with each
    candidate's noisy-channel score raised by its :func:`prior_bonus` in a document of
    scientific register (unchanged elsewhere), options re-sorted best first.

    The pass ranks a rare word's candidates by context (news LM and book pairs) less the
    channel's ``ln(1 + degree)``; neither knows which sense a scientific text uses:
    "latticework" reads as "case" rather than "network", "jilt" (heavy metals) as
    "leave" rather than "remove", "mescal" as "tea" rather than "acid".  The prior is
    carried in :attr:`~repair.detect.rareword.Option.log_degree` (the score's channel
    term, now ``ln(1 + degree)`` less the bonus): the context gains and the decision
    model's gain features are unchanged, its margin reads the new scores.  Words of
    ``done`` (the same objects: a reread passes the words it did not read again) already
    carry the prior."""
    if not REGISTER_PRIOR or not found or not is_scientific(doc):
        return found
    seen = {id(r) for r in done}
    out = []
    for r in found:
        if id(r) in seen:
            out.append(r)
            continue
        opts = [replace(o, log_degree=o.log_degree - prior_bonus(o.word)) for o in r.options]
        opts.sort(key=lambda o: -o.score)
        out.append(replace(r, options=tuple(opts)))
    return out


#: Declined rare-word decisions whose best candidate is a scientific term restored in a
#: scientific document (:func:`register_decisions`).
REGISTER_RELAX = True
#: Least register weight (nats) of that candidate ("network" 3.3, "features" 1.8;
#: "study" 0, "paper" below 0).
MIN_TERM_WEIGHT = 1.8
#: Confidence of such a restoration when the model's probability is lower: the share of
#: them that were right on the dev abstracts (7 of 10).
TERM_CONFIDENCE = 0.6


@lru_cache(maxsize=10_000)
def _term_weight(word: str) -> float:
    """The register weight of ``word`` or of its noun/verb lemma, the larger ("phyla" is
    not in the table, "phylum" is)."""
    from repair.detect.science import weights
    from repair.resources.lemmas import getAllLemmas

    table = weights()
    forms = {word} | {x for ls in getAllLemmas(word).values() for x in ls}
    return max(table.get(f, 0.0) for f in forms)


def register_decisions(
    doc: Document, decisions: list[R], by_terms: dict[str, str] | None = None
) -> list[R]:
    """The rare-word pass's decisions (:class:`repair.score.rareword.Decision`) with those
    declined as ``weak_evidence`` applied where the word's best candidate (pooled over its
    places, after :func:`register_prior`) is a term of scientific text (register weight at
    least :data:`MIN_TERM_WEIGHT`) and the written word is not (weight 0 or less, its lemma's
    too: :func:`_term_weight`), in a
    document of scientific register where the pass applied other words (it is dense with
    rare words: the pass's ``sparse`` rule stands).

    The pass's decision model was fitted on spun *news*; in an abstract, "latticework" →
    "network", "familiarization" → "training", "mescal" → "acid" are declined for weak
    context evidence although the candidate is what scientific text says.  Never a word
    declined as ``ambiguous`` (two candidates fit), ``lm_against`` or a phrasal verb.  The
    confidence is the model's probability (below its bar), at least
    :data:`TERM_CONFIDENCE`.

    ``by_terms`` (lower-case written word → the original the term windows restored it to
    elsewhere in the document): a declined place of such a word (``ambiguous`` or
    ``weak_evidence``) takes that original when it is among its candidates (one written
    form, one restoration: "a simple comportment" → "method" by a term window, then
    "evaluate the comportment", where "procedure" and "air" tie)."""
    if not REGISTER_RELAX or not any(d.applied for d in decisions):
        return decisions
    terms = by_terms or {}
    weak = [
        d
        for d in decisions
        if not d.applied
        and (d.reason == "weak_evidence" or d.reason == "ambiguous" and d.word.token.text in terms)
    ]
    if not weak or not is_scientific(doc):
        return decisions
    from repair.detect.science import weights
    from repair.score.rareword import pooled, probability

    table = weights()
    pool = pooled([d.word for d in decisions])
    out = []
    for d in decisions:
        word = d.word.token.text
        best, gain, margin = pool[word]
        term = terms.get(word.lower())
        if (
            not d.applied
            and d.reason in ("weak_evidence", "ambiguous")
            and term is not None
            and any(o.word == term for o in d.word.options)
        ):
            conf = round(max(probability(d.word, term, gain, margin), TERM_CONFIDENCE), 4)
            out.append(replace(d, applied=True, reason="applied", confidence=conf, original=term))
            continue
        if (
            d.applied
            or d.reason != "weak_evidence"
            or table.get(best, 0.0) < MIN_TERM_WEIGHT
            or _term_weight(word.lower()) > 0.0
        ):
            out.append(d)
            continue
        conf = round(max(probability(d.word, best, gain, margin), TERM_CONFIDENCE), 4)
        out.append(replace(d, applied=True, reason="applied", confidence=conf, original=best))
    return out


# ---- the abstract's own topic against a rare-word restoration (repair.stages.collocation)

#: Rare-word restorations whose written word fits the document's topic better than the
#: original are declined (:func:`topic_decisions`).
TOPIC_REFUSAL = True
#: Least topic advantage (mean PMI, nats, :func:`repair.score.spin_topic.topic_gain`
#: negated) of the written word over its original for the restoration to be declined.
MIN_TOPIC_LOSS = 0.1
#: The reason given to a declined decision.
TOPIC_REASON = "topic_against"


def topic_decisions(doc: Document, decisions: list[R]) -> list[R]:
    """The rare-word pass's decisions with the applied ones declined (reason
    :data:`TOPIC_REASON`) where the written word fits the document's other content words
    better than its original by at least :data:`MIN_TOPIC_LOSS` (mean PMI of
    ``lexicons/spin_topic.bin``, :func:`repair.score.spin_topic.topic_gain`).  Read in every
    document the pass restores words in (dense with rare words): on the rare-spun dev news
    documents it declines nothing, in the short abstracts the table reads the whole text.

    A spinner swaps words without reading the text, so its word fits the topic no better
    than the author's; a rare word the topic table ties to the abstract's other words
    ("rice husks" in an abstract on rice-husk ash and waste water) is the author's own.
    One reading per written word (the table reads the whole abstract, so its places
    agree); every place of a declined word is declined."""
    if not TOPIC_REFUSAL or not any(d.applied for d in decisions):
        return decisions
    from repair.score.spin_topic import topic_gain

    against: dict[tuple[str, str], bool] = {}
    for d in decisions:
        if d.applied:
            k = (d.word.token.text.lower(), d.original.lower())
            if k not in against:
                t = d.word.token
                against[k] = topic_gain(doc, t.text, d.original, t.start) <= -MIN_TOPIC_LOSS
    if not any(against.values()):
        return decisions
    return [
        replace(d, applied=False, reason=TOPIC_REASON, confidence=0.0, original="")
        if d.applied and against[(d.word.token.text.lower(), d.original.lower())]
        else d
        for d in decisions
    ]


# ---- the written word is the scientific term (repair.stages.spin)

#: Synonym restorations of a written scientific term to a word scientific text uses less
#: are dropped in scientific register (:func:`keep_terms`).
KEEP_TERMS = True
#: Least register weight (nats, the word's or its lemma's) of such a written word.
MIN_WRITTEN_TERM = 1.0


def keep_terms(doc: Document, kept: list[Candidate]) -> list[Candidate]:
    """``kept`` without the one-word ``SPIN_SYNONYM`` restorations of a scientific document
    whose written word is a term of scientific text (register weight, its lemma's too, at
    least :data:`MIN_WRITTEN_TERM`) that scientific text uses more than the original, unless
    the original is read as a collocation (:func:`support` at least :data:`MIN_SUPPORT`:
    "immune strains" → "resistant strains").

    The word model reads news-fitted evidence; in an abstract on sensor networks "nodes" is
    the author's term, not a thesaurus's word for "clients".  The register table is the
    prior the rare-word pass reads (:func:`register_prior`), here read for the written word."""
    if not KEEP_TERMS or not any(c.source == "SPIN_SYNONYM" for c in kept):
        return kept
    if not is_scientific(doc):
        return kept
    from repair.detect.science import weights

    table = weights()
    out = []
    for c in kept:
        if c.source == "SPIN_SYNONYM" and " " not in c.replacement:
            written = doc.text[c.start : c.end].lower()
            w = _term_weight(written)
            if (
                w >= MIN_WRITTEN_TERM
                and w > table.get(c.replacement.lower(), 0.0)
                and support(doc, c.start, c.end, c.replacement) < MIN_SUPPORT
            ):
                continue
        out.append(c)
    return out
