"""Spinner-agnostic candidates for written multi-word spans ("by way of" for "through").

Spinners often write a multi-word form for one original word.  For every two or three
adjacent lower-case words (one space apart, outside profile spans, not a name) we look
the span up in two reverse sources of one-word originals:

* ``lexicons/spin_phrases.tsv`` (``scripts/build_spin_phrases.py``): WordNet's two- and
  three-word lemmas (the multiword rows of the reverse synonym table) and multi-word
  entries of the Moby thesaurus under one-word headwords, inflected at build time ("turned
  into" -> "became", "adult females" -> "women"; no lemminflect at run time);
  A modifier with its link word ("earlier than", "ahead of") also has the function-word
  originals that WordNet gives the modifier (adverb and adjective senses: "earlier" ->
  "before"): the span stands for one preposition or conjunction.

and keep the original with the best LM gain over the whole span (a WordNet original
within :data:`WORDNET_PRIOR` nats of the best is preferred when it is clearly more common
than the span: :func:`_ranked`), read with two words of context on each side, with
the gain split into its two sides: how much better the original follows the left
context (``left_gain``), and how much better the right context follows it
(``right_gain``).  A spinner's span fits neither side; an author's
own phrase usually fits at least one.  ``context`` is the gain beyond what the
unconditioned LM explains (a rare span loses to a common word everywhere).  The
decision is :mod:`repair.stages.spin`'s (a conservative rule behind the document gate).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from repair.candidates.spin_phrase_inflected import merged_row
from repair.candidates.spin_span_sources import opens, source_originals
from repair.candidates.spin_synonyms import STOPWORDS
from repair.document import Document
from repair.lexicons import LexiconError, format_header, lexicon_path, read_text
from repair.resources.frequency import zipf
from repair.resources.lm import get_lm
from repair.resources.sorted_lines import SortedLines, indexed
from repair.score.spin_context import WordContext, context
from repair.types import Token

TABLE = "spin_phrases.tsv"
COLUMNS = ("written", "originals", "wordnet")
#: Longest written span looked up (words).
MAX_WORDS = 3
#: Nats added to a WordNet original's LM gain when the originals of a span are ranked (a
#: loose source offers many words that fit the context; the tight one names the sense).
WORDNET_PRIOR = 3.0
#: ... when the original it promotes is this much more common than the span's words (Zipf
#: of the original minus their mean): an author's idiom of common words ("set forth", "at
#: peace") has WordNet senses too, a spinner's rare lemma ("olfactory organ") stands out.
PRIOR_MIN_ZIPF_GAIN = 0.5
#: Originals whose gain comes within this many nats of the chosen one's are its rivals
#: (:func:`rivals`; the stage's lead floor, ``PHRASE_MIN_MARGIN``).
RIVAL_WINDOW = 2.0
#: The table's search blocks (characters): every two-word span of a document is looked up,
#: and a smaller block halves a look-up's scan (4,096: ~2 us; 1,024: ~1 us) for ~2 ms
#: more to cut the 4 MB table once (issue 14).
PHRASE_BLOCK = 1024
#: :func:`span_rows` (each span candidate the printed-span cue, the tie-break of near-tied
#: originals and the self-gated phrase reading read again) reads the context of the
#: document's own words from one shared, read-only :class:`WordContext`
#: (:meth:`WordContext.own`) instead of a fresh copy of the document's word list per span:
#: O(1) instead of O(words) a call, which made the reads quadratic in a long document (the
#: copy and its freeing were 12.6 % of ``repair fix``'s CPU on 100 k spinbot-spun words read
#: as one document, 2 % on 30 k).  Exact: the same lists, read only (the same contexts and
#: rows).  Session 59, speedspin (benchmarks/RESULTS.md).  Off: a copy per span, as before.
SHARED_CONTEXT = True
#: Spans made of stopwords only ("have to", "after that", "once more") are read too (an
#: experiment for the document score, off: benchmarks/RESULTS.md, "Session 34, spinphrase34").
FUNCTION_SPANS = False
#: Session 62 (spinspan): a span whose inflected form Moby or WordNet list on their own
#: ("brought about", under "made" and "done") also gets its base span's originals
#: re-inflected ("bring about" -> cause: "caused"), read from
#: ``lexicons/spin_phrases_inflected.tsv`` (:mod:`repair.candidates.spin_phrase_inflected`)
#: in place of its main row.  See benchmarks/RESULTS.md, "Session 62, spinspan".
INFLECTED_ROWS = False
#: Session 63 (spinlack): the written spans WordNet relates to one word by a hypernym's
#: multi-word lemma or the genus phrase of its gloss ("financial institution" -> bank), from
#: ``lexicons/spin_span_sources.tsv`` (:mod:`repair.candidates.spin_span_sources`), are
#: read as extra (loose) originals of :func:`span_originals`.  OFF: on seedprof
#: ``--unprofiled`` dev they reach two held-out spans, both under the floors (LM gain 2.0 and
#: 5.3 nats), and the added rows cost dev WordNet 0.362 -> 0.356, double 0.359 -> 0.357,
#: spinbot 0.234 -> 0.232 and the tortured / mill AUC.  See benchmarks/RESULTS.md,
#: "Session 63, spinlack".
SOURCE_ROWS = False


@dataclass(frozen=True, slots=True)
class PhraseEvidence:
    """The best one-word restoration of the written span ``text[start:end]``."""

    start: int
    end: int
    written: str
    original: str
    #: LM gain of the restoration over the span with two words of context each side.
    gain: float
    #: Its runner-up's gain lead (10 when alone).
    margin: float
    #: Zipf of the original minus the mean Zipf of the written words.
    zipf_gain: float
    #: The gain's left part: ln P(original | left) - ln P(span | left).
    left_gain: float = 0.0
    #: The gain's right part: the right context after the original minus after the span.
    right_gain: float = 0.0
    #: The gain minus the unconditioned gain (ln P(original) - ln P(span)).
    context: float = 0.0
    #: Whether the span had right context (words before a sentence break).
    has_right: bool = True
    #: Number of written words.
    words: int = 2
    #: Whether WordNet relates the original to the span (a tight source); else only Moby.
    wordnet: bool = True
    #: The best WordNet original of the span, read as :class:`TightReading` (None when
    #: WordNet relates no original to it): the tight source's own reading, kept beside the
    #: chosen one for :mod:`repair.score.spin_span_tight`.
    tight: TightReading | None = None
    #: Length-fair commonness: ln P(original) minus ln P(span) per written word, both
    #: unconditioned.  A genuine compound ("wage freeze") is about as likely per word as a
    #: common word; a spinner's rarer multiword form is much less likely.
    fair: float = 0.0


@dataclass(frozen=True, slots=True)
class Rival:
    """A near-tied original of a written span, with the features of
    :class:`PhraseEvidence` it would have had if chosen."""

    original: str
    gain: float
    left_gain: float
    right_gain: float
    zipf_gain: float
    context: float
    fair: float
    wordnet: bool

    def fields(self) -> dict[str, object]:
        """The candidate features this reading gives a span when it is chosen as the
        original (``gain0`` and its sides, Zipf gain, context, fairness, WordNet)."""
        return {
            "gain0": self.gain,
            "left_gain": self.left_gain,
            "right_gain": self.right_gain,
            "zipf_gain": self.zipf_gain,
            "context": self.context,
            "fair": self.fair,
            "wordnet": self.wordnet,
        }


@dataclass(frozen=True, slots=True)
class TightReading:
    """The best-fitting WordNet original of a written span, with its own LM gain and
    sides, and its Zipf against the span's content words (function words left out: "at"
    in "arrived at" is not what a spinner chose)."""

    original: str
    gain: float
    left_gain: float
    right_gain: float
    #: Zipf of the original minus the mean Zipf of the span's words that are not stopwords
    #: (all of them when every word is one).
    content_zipf_gain: float


@lru_cache(maxsize=1)
def phrase_lines() -> SortedLines[str]:
    """:data:`TABLE` looked up in place (sorted ``span<TAB>originals<TAB>wordnet`` lines;
    header checked): no dict is built in every process."""
    text = read_text(TABLE)
    # positions, not partitions: each partition of the rest would copy ~4 MB
    cut = text.find("\n")
    header = text if cut < 0 else text[:cut]
    if header.strip() != format_header(COLUMNS):
        raise LexiconError(f"{TABLE}, line 1: expected {format_header(COLUMNS)!r}")
    pos = len(text) if cut < 0 else cut + 1
    while text.startswith("#", pos):
        cut = text.find("\n", pos)
        pos = len(text) if cut < 0 else cut + 1
    return indexed(TABLE, lexicon_path(TABLE), text, pos, PHRASE_BLOCK)


def phrase_table() -> dict[str, tuple[tuple[str, ...], frozenset[str]]]:
    """The whole table as a dict (tests and tools; the stage looks spans up in place)."""
    return {span: _row(span) for span in phrase_lines()}


# not cached: span_originals (its only caller on the stage's path) caches the spans it reads;
# a cache here was never hit and held ~41 k keys (~10 MB) on 100 k rare-spun words
def _row(span: str) -> tuple[tuple[str, ...], frozenset[str]]:
    value = phrase_lines().get(span)
    if INFLECTED_ROWS and value is not None:
        value = merged_row(span) or value
    if value is None:
        return (), frozenset()
    origs, _, wn = value.partition("\t")
    return tuple(origs.split(",")), frozenset(wn.split(",")) - {"-"}


_NO_WORDNET: frozenset[str] = frozenset()
_NO_ROW: tuple[tuple[str, ...], frozenset[str]] = ((), _NO_WORDNET)


@lru_cache(maxsize=100_000)
def span_originals(words: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    """One-word candidate originals of the lower-case written span ``words`` (2-3 words),
    and those of them that WordNet relates to it."""
    out: list[str] = []
    wordnet: set[str] = set()
    origs, wn = _row(" ".join(words))
    wordnet.update(wn)
    if SOURCE_ROWS:
        origs = origs + source_originals(" ".join(words))
    for o in origs:
        if o not in out and o not in words:
            out.append(o)
    lm = get_lm()
    kept = tuple(o for o in out if lm.known(o))
    if not kept and not wordnet:
        return _NO_ROW  # one shared value for the many cached spans without one
    return kept, frozenset(wordnet) if wordnet else _NO_WORDNET


def phrase_evidence(
    doc: Document, covered: set[int], function_only: bool = False
) -> list[PhraseEvidence]:
    """:class:`PhraseEvidence` for each two- or three-word span with a candidate original.

    Skipped: spans touching ``covered``, spans with a capital letter (names; a
    sentence-initial capital is allowed), spans made of stopwords only.  With
    ``function_only``, only the spans made of stopwords only ("have to", "after that",
    "by this time"): the rows :data:`FUNCTION_SPANS` would add, read for the document
    score alone (:func:`repair.detect.spin_document.phrase_density`).
    """
    if function_only:
        return _function_span_evidence(doc, covered)
    if MAX_WORDS != 3:
        return _phrase_evidence_any(doc, covered)
    # :func:`_phrase_evidence_any` unrolled for two and three words (the same spans in
    # the same order): this loop visits every word of every document
    toks = [t for t in doc.tokens if t.kind in ("word", "number")]
    text = doc.text
    ctx = WordContext.of(doc)
    get = phrase_lines().get
    stop = STOPWORDS
    out: list[PhraseEvidence] = []
    last = len(toks) - 1
    for i in range(last):
        a = toks[i]
        if a.kind != "word" or not a.text.isalpha() or a.start in covered:
            continue
        b = toks[i + 1]
        wa = a.text.lower()
        if not _opens_span(wa):
            continue  # no span of the table starts with this word
        wb = _next_word(text, a, b, covered)
        if wb is None:
            continue
        both_stop = wa in stop and wb in stop and not FUNCTION_SPANS
        if not both_stop and span_originals((wa, wb))[0]:
            ev = _evidence(doc, ctx, a.start, b.end, (wa, wb))
            if ev is not None:
                out.append(ev)
        if i + 2 > last:
            continue
        c = toks[i + 2]
        wc = _next_word(text, b, c, covered)
        if wc is None:
            continue
        if both_stop and wc in stop:
            continue
        if not _continues(wa, wb) or get(f"{wa} {wb} {wc}") is None:
            if not (SOURCE_ROWS and source_originals(f"{wa} {wb} {wc}")):
                continue
        ev = _evidence(doc, ctx, a.start, c.end, (wa, wb, wc))
        if ev is not None:
            out.append(ev)
    return out


def _function_span_evidence(doc: Document, covered: set[int]) -> list[PhraseEvidence]:
    """:class:`PhraseEvidence` for the two- and three-word spans of stopwords only that
    :func:`phrase_evidence` skips (in the same order); the same look-ups and context."""
    toks = [t for t in doc.tokens if t.kind in ("word", "number")]
    text = doc.text
    ctx = WordContext.of(doc)
    get = phrase_lines().get
    stop = STOPWORDS
    out: list[PhraseEvidence] = []
    last = len(toks) - 1
    for i in range(last):
        a = toks[i]
        if a.kind != "word" or not a.text.isalpha() or a.start in covered:
            continue
        wa = a.text.lower()
        if wa not in stop or not _opens_span(wa):
            continue
        wb = _next_word(text, a, toks[i + 1], covered)
        if wb is None or wb not in stop:
            continue
        if span_originals((wa, wb))[0]:
            ev = _evidence(doc, ctx, a.start, toks[i + 1].end, (wa, wb))
            if ev is not None:
                out.append(ev)
        if i + 2 > last:
            continue
        c = toks[i + 2]
        wc = _next_word(text, toks[i + 1], c, covered)
        if wc is None or wc not in stop:
            continue
        if not _continues(wa, wb) or get(f"{wa} {wb} {wc}") is None:
            continue
        ev = _evidence(doc, ctx, a.start, c.end, (wa, wb, wc))
        if ev is not None:
            out.append(ev)
    return out


@lru_cache(maxsize=65536)
def _opens_span(word: str) -> bool:
    """Whether a written span of the table starts with ``word`` (lower case): a word that
    opens none has no two- or three-word span to look up (a quarter of clean text's words;
    issue 14)."""
    return phrase_lines().has_prefix(word + " ") or (SOURCE_ROWS and opens(word))


@lru_cache(maxsize=32768)
def _continues(first: str, second: str) -> bool:
    """Whether a three-word span of the table starts with ``first second`` (one in thirty
    word pairs of clean text does): else no three-word span is looked up."""
    return phrase_lines().has_prefix(f"{first} {second} ") or (
        SOURCE_ROWS and opens(f"{first} {second}")
    )


def _next_word(text: str, prev: Token, tok: Token, covered: set[int]) -> str | None:
    """``tok``'s text if it is a lower-case alphabetic word one space after ``prev``, not in
    ``covered``; else None (the test each later word of a span passes)."""
    end = prev.end
    if tok.start != end + 1 or text[end] != " " or tok.kind != "word":
        return None
    w = tok.text
    if not w.isalpha() or not w.islower() or tok.start in covered:
        return None
    return w


def _phrase_evidence_any(doc: Document, covered: set[int]) -> list[PhraseEvidence]:
    """:func:`phrase_evidence` for any :data:`MAX_WORDS` (the plain loop)."""
    toks = [t for t in doc.tokens if t.kind in ("word", "number")]
    text = doc.text
    ctx = WordContext.of(doc)
    table = phrase_lines()
    out: list[PhraseEvidence] = []
    for i in range(len(toks) - 1):
        a = toks[i]
        if a.kind != "word" or not a.text.isalpha() or a.start in covered:
            continue
        low = [a.text.lower()]
        for n in range(2, MAX_WORDS + 1):
            if i + n > len(toks):
                break
            prev, b = toks[i + n - 2], toks[i + n - 1]
            if b.start != prev.end + 1 or text[prev.end] != " " or b.kind != "word":
                break
            if not b.text.isalpha() or not b.text.islower() or b.start in covered:
                break
            low.append(b.text)
            if all(w in STOPWORDS for w in low) and not FUNCTION_SPANS:
                continue
            if n == 3 and table.get(" ".join(low)) is None:
                continue
            ev = _evidence(doc, ctx, a.start, b.end, tuple(low))
            if ev is not None:
                out.append(ev)
    return out


def _ranked(
    rows: list[tuple[float, float, float, str]], wordnet: frozenset[str], low: tuple[str, ...]
) -> tuple[float, float, float, str]:
    """The chosen ``(gain, left_gain, right_gain, original)`` of ``rows`` (sorted by gain,
    best first): the best WordNet original when it comes within :data:`WORDNET_PRIOR` nats
    of the best and is clearly more common than the span (:data:`PRIOR_MIN_ZIPF_GAIN`),
    else the best."""
    best = rows[0]
    if best[3] in wordnet:
        return best
    mean = sum(zipf(w) for w in low) / len(low)
    for row in rows[1:]:
        if best[0] - row[0] > WORDNET_PRIOR:
            break
        if row[3] in wordnet and zipf(row[3]) - mean >= PRIOR_MIN_ZIPF_GAIN:
            return row
    return best


def _evidence(
    doc: Document, ctx: WordContext, start: int, end: int, low: tuple[str, ...]
) -> PhraseEvidence | None:
    origs, wordnet = span_originals(low)
    if not origs:
        return None
    left, right, initial = context(doc, ctx, start, end)
    if not doc.text[start:end].split()[0].islower() and not initial:
        return None
    lm = get_lm()
    spun = list(low)
    rows = _gain_rows(origs, spun, left, right)
    g, lg, rg, o = _ranked(rows, wordnet, low)
    margin = g - max((r[0] for r in rows if r[3] != o), default=g - 10.0)
    lp_o = lm.sequence_logprob([o])
    lp_span = lm.sequence_logprob(spun)
    uni = lp_o - lp_span
    zg = zipf(o) - sum(zipf(w) for w in low) / len(low)
    tight = _tight(rows, wordnet, low) if wordnet else None
    return PhraseEvidence(
        start,
        end,
        doc.text[start:end],
        o,
        g,
        margin,
        zg,
        lg,
        rg,
        g - uni,
        bool(right),
        len(low),
        o in wordnet,
        tight,
        lp_o - lp_span / len(low),
    )


def _gain_rows(
    origs: tuple[str, ...], spun: list[str], left: list[str], right: list[str]
) -> list[tuple[float, float, float, str]]:
    """``(gain, left_gain, right_gain, original)`` of each candidate original of the
    written words ``spun`` between ``left`` and ``right``, best gain first."""
    lm = get_lm()
    base_left = lm.sequence_logprob(spun, left)
    base_right = lm.sequence_logprob(right, [*left, *spun])
    rows = []
    for o in origs:
        lg = lm.sequence_logprob([o], left) - base_left
        rg = lm.sequence_logprob(right, [*left, o]) - base_right
        rows.append((lg + rg, lg, rg, o))
    rows.sort(reverse=True)
    return rows


def span_rows(doc: Document, start: int, end: int) -> list[tuple[float, float, float, str]]:
    """The gain rows (:func:`_gain_rows`) of every candidate original of the written span
    ``doc.text[start:end]`` (tools, and the tie-break of near-tied originals)."""
    low = tuple(doc.text[start:end].lower().split())
    origs, _wordnet = span_originals(low)
    if not origs:
        return []
    ctx = WordContext.own(doc) if SHARED_CONTEXT else WordContext.of(doc)
    left, right, _initial = context(doc, ctx, start, end)
    return _gain_rows(origs, list(low), left, right)


def rivals(doc: Document, start: int, end: int, chosen: str, gain: float) -> tuple[Rival, ...]:
    """The other originals of the written span ``doc.text[start:end]`` whose LM gain comes
    within :data:`RIVAL_WINDOW` of ``gain`` (that of the ``chosen`` original), best first,
    each with the features of :class:`PhraseEvidence` it would have had if chosen (read
    again only for the few spans the stage's tie-break asks for,
    ``repair.stages.spin.PHRASE_TIE_PICK``)."""
    return tuple(
        r for r in span_readings(doc, start, end, (gain, RIVAL_WINDOW)) if r.original != chosen
    )


def span_readings(
    doc: Document, start: int, end: int, near: tuple[float, float] | None = None
) -> list[Rival]:
    """Every candidate original of the written span ``doc.text[start:end]`` as a
    :class:`Rival` (the features of :class:`PhraseEvidence` it would have had if chosen),
    best gain first; with ``near`` (a gain and a window), only those whose gain comes
    within the window of that gain (the others' unconditioned reads are skipped)."""
    low = tuple(doc.text[start:end].lower().split())
    _origs, wordnet = span_originals(low)
    lm = get_lm()
    lp_span = lm.sequence_logprob(list(low))
    mean = sum(zipf(w) for w in low) / len(low)
    out = []
    for g, lg, rg, o in span_rows(doc, start, end):
        if near is not None and not near[0] - g < near[1]:
            continue
        lp_o = lm.sequence_logprob([o])
        uni = lp_o - lp_span
        out.append(
            Rival(o, g, lg, rg, zipf(o) - mean, g - uni, lp_o - lp_span / len(low), o in wordnet)
        )
    return out


def _tight(
    rows: list[tuple[float, float, float, str]], wordnet: frozenset[str], low: tuple[str, ...]
) -> TightReading | None:
    """The best WordNet original among ``rows`` (sorted by gain, best first) as a
    :class:`TightReading`, or None when no row's original is a WordNet one."""
    for g, lg, rg, o in rows:
        if o in wordnet:
            content = [w for w in low if w not in STOPWORDS] or list(low)
            zc = zipf(o) - sum(zipf(w) for w in content) / len(content)
            return TightReading(o, g, lg, rg, zc)
    return None
