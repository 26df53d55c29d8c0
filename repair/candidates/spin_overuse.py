"""Common and closed-class written words a spinner over-uses: a document-level reading.

The first reading (:func:`repair.stages.spin.synonym_evidence`) never reads stopwords or
words of Zipf >= 5, and the common-word reading (:mod:`repair.score.spin_common`) only
Zipf 5-5.75 content words, with the first reading's forward candidates.  A spinner that
maps a common word to another common or closed-class word ("but" -> "however", "also" ->
"additionally", "said" -> "mentioned", "meeting" -> "assembly") leaves words no reading
proposes anything for.  What it does leave is a count no author writes: every "said" of a
news story becomes "mentioned", so the document shows 0 "said" and 8 "mentioned".

This module reads that count.  For each written word type of the document, the candidate
originals are the reverse synonym sources already in the tree (the WordNet/Moby reverse
forms :func:`repair.candidates.spin_synonyms.originals_of` and the Moby reverse index
:func:`repair.candidates.spin_mobyrev.ranked_index`, the latter also read without the
stopword filter; the full reverse table is not loaded: +75 MB),
limited to common words (:data:`MIN_ORIGINAL_ZIPF`) more common than the written word by
:data:`MIN_ZIPF_LEAD`.  Each (written, original) mapping gets a Poisson log-likelihood
ratio (:func:`mapping_llr`): the document's counts of the two words under "a share ``r``
of the original's occurrences were written as the other word" against "clean English
rates" (the Zipf table).  The spin stage (:func:`repair.stages.spin.overuse_reading`)
restores the mappings whose ratio, recurrence and LM gain at every occurrence are strong
enough, with a clean budget of their own.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from collections.abc import Mapping as CountMap
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from repair import window_counts
from repair.resources.frequency import word_rate, zipf
from repair.types import Candidate

if TYPE_CHECKING:
    from repair.document import Document

RULE = "SPIN_OVERUSE"

#: Candidate originals at least this common (Zipf): short, common words.
MIN_ORIGINAL_ZIPF = 5.0
#: ... and at most this many letters.
MAX_ORIGINAL_LEN = 8
#: The original must be more common than the written word by this much (Zipf).
MIN_ZIPF_LEAD = 0.3
#: Written words are read from this Zipf up (rarer words are the first reading's).
MIN_WRITTEN_ZIPF = 3.5
#: The share of an original's occurrences a spinner writes as its mapped word (the
#: spun hypothesis of :func:`mapping_llr`).
SPIN_SHARE = 0.8
#: The decision (chosen on dev, every spinner's dev half and the clean calibration corpus:
#: benchmarks/spin_overuse_rows.py, benchmarks/RESULTS.md "Session 32, spincommon32"):
#: a mapping needs its written word this often in the document ...
MIN_COUNT = 2
#: ... a count ratio (:func:`mapping_llr`) of at least this ...
MIN_LLR = 12.0
#: ... an original expected at least this often in a clean text of the document's length
#: (its absence is then evidence) ...
MIN_EXPECTED = 0.7
#: ... a mean LM gain (ln-prob, both sides) over the written word's occurrences of at
#: least this ...
MIN_MEAN_GAIN = 2.0
#: ... and at least this beyond what the two words' clean rates explain (the LM favours
#: any more common word; a spinner's context wants this one) ...
MIN_CONTEXT_GAIN = 2.0
#: ... with the original favoured (gain > 0) at this share of the occurrences at least.
MIN_FAVOURED = 0.9
#: A document is read only where at least this many written words pass (a spinner maps
#: many common words at once; one over-used word is an author's habit) ...
MIN_MAPPINGS = 2
#: ... or this many where the spin stage's word gate is open (the document is read as spun).
MIN_MAPPINGS_OPEN = 1
#: Documents longer than this (words) are read by sections no longer than it (:data:`WINDOWS`),
#: or not at all: the clean rates are those of one author's document (the calibration
#: corpus: 300-1,000-word documents; seed 000: 1,294 words); a long window of many texts
#: over-uses its topics' words (issue 14's 100 k-word clean text: 62 words changed at 40 k
#: words per window).
MAX_WORDS = 3_000
#: Longer documents are read by sections of at most :data:`MAX_WORDS` words (:func:`windows`;
#: session 33, spinlong33): a long spun article or a corpus of documents joined. Off (the
#: lead, session 33): dev gains (unprofiled seed joined by 6: 0.020 -> 0.108) did not carry to
#: the test halves (seed -0.0007 both ways, spinbot +0.001 at -0.005 precision), and the clean
#: corpus joined by 12 got 5 wrong edits (Monroe: "preceding" -> "first") and long clean text
#: +3 % CPU and +14 MB for the tables: precision first.
WINDOWS = False
#: A section of a longer document needs :data:`MIN_MAPPINGS` written words of its own even
#: where the stage's word gate is open: the gate reads the whole text, and one over-used
#: word in one section of a long open-gate text is an author's (the joined clean corpus:
#: "preceding" -> "first" in Monroe's inaugurals).
SECTION_GATE = True
#: Written phrases of two or three words with a one-word original (:func:`phrase_originals`:
#: "earlier than" for "before", "by no means" for "never") are counted too, with the same
#: evidence (session 33, spinlong33); their clean rate is the LM's, unconditioned.
PHRASES = True
#: Longest written phrase read (words; the phrase table's own span).
MAX_PHRASE_WORDS = 3
#: Words that are never read, written or original: forms an author writes for grammar, not
#: choice, and number words (an original "one" changes the text's value: dev seeddense,
#: "atomic" -> "one", "a joined" -> "an one").
NEVER = frozenset(
    """a an the and or of at by for from in into on onto to with is are was were be been
    being have has had do does did i me my we our you your he him his she her it its they
    them their this that these those what which who whom not no one two three four five six
    seven eight nine ten""".split()
)


#: No candidate original is more common than this (Zipf): the commonest allowed word is
#: "as" at 6.77 (tests/test_spin_overuse_bound.py checks it against the frequency table).
#: It bounds a written word's best ratio before any synonym source is read, so a clean
#: document with no over-used word never loads the Moby index (issue 14, start-up).
ORIGINAL_ZIPF_CEILING = 7.0


@dataclass(frozen=True, slots=True)
class Mapping:
    """One (written, original) mapping of a document and its count evidence."""

    written: str
    original: str
    written_count: float
    original_count: float
    llr: float


def _rate(word: str) -> float:
    """The clean-English rate of ``word`` per word (Zipf is log10 per billion); of a phrase
    (words one space apart), the LM's unconditioned probability of its words in turn."""
    if " " in word:
        return _phrase_rate(word)
    return word_rate(word)


@lru_cache(maxsize=20_000)
def _phrase_rate(phrase: str) -> float:
    from repair.resources.lm import get_lm

    return math.exp(get_lm().sequence_logprob(phrase.split(), ()))


def _zipf(word: str) -> float:
    """Zipf of a word, or of a phrase by its :func:`_rate`."""
    if " " in word:
        r = _rate(word)
        return math.log10(r) + 9.0 if r > 0.0 else 0.0
    return zipf(word)


def mapping_llr(k_written: float, k_original: float, written: str, original: str) -> float:
    """ln P(counts | spun) - ln P(counts | clean), both words Poisson: clean at their
    Zipf rates, spun with :data:`SPIN_SHARE` of the original's rate moved to the written
    word (the document length cancels)."""
    fw, fo = _rate(written), _rate(original)
    if fw <= 0.0:
        fw = 1e-9
    gain = k_written * math.log1p(SPIN_SHARE * fo / fw)
    return gain + k_original * math.log1p(-SPIN_SHARE)


def llr_bound(k_written: float, written: str) -> float:
    """An upper bound of :func:`mapping_llr` over every original ``written`` may have
    (none is commoner than :data:`ORIGINAL_ZIPF_CEILING`; an original's own count only
    lowers the ratio): a word below it needs no synonym source read."""
    fw = _rate(written)
    if fw <= 0.0:
        fw = 1e-9
    return k_written * math.log1p(SPIN_SHARE * 10.0 ** (ORIGINAL_ZIPF_CEILING - 9.0) / fw)


@lru_cache(maxsize=1)
def _moby_rows() -> dict[str, str]:
    from repair.candidates.spin_mobyrev import ranked_index

    return ranked_index()


def _lemmas(word: str) -> set[str]:
    from repair.resources.lemmas import getAllLemmas

    out = {word}
    for found in (getAllLemmas(word) or {}).values():
        out.update(found[:1])
    return out


@lru_cache(maxsize=20_000)
def originals(word: str) -> tuple[str, ...]:
    """The candidate originals of the lower-case written ``word``: the Moby reverse-index
    originals of its own form (closed-class words are not inflected, and stopwords have no
    row in the inflected tables) plus the inflected ones of
    :func:`~repair.candidates.spin_synonyms.originals_of` and
    :func:`~repair.candidates.spin_mobyrev.reverse_originals`, filtered to common short
    words more common than ``word``."""
    if word in NEVER or not word.isalpha() or len(word) < 3:
        return ()
    zw = zipf(word)
    if zw < MIN_WRITTEN_ZIPF:
        return ()
    from repair.candidates.spin_mobyrev import reverse_originals
    from repair.candidates.spin_synonyms import originals_of

    found: list[str] = []
    row = _moby_rows().get(word)  # the word's own form: closed-class words are not inflected
    if row:
        found.extend(row.split(","))
    found.extend(originals_of(word))
    found.extend(reverse_originals(word))
    lemmas = _lemmas(word)
    out: list[str] = []
    for o in found:
        if (
            o in out
            or not o.isalpha()
            or not o.islower()
            or len(o) > MAX_ORIGINAL_LEN
            or o in lemmas
            or o in NEVER
        ):
            continue
        zo = zipf(o)
        if zo >= MIN_ORIGINAL_ZIPF and zo >= zw + MIN_ZIPF_LEAD:
            out.append(o)
    return tuple(out)


@lru_cache(maxsize=20_000)
def phrase_originals(phrase: str) -> tuple[str, ...]:
    """The candidate originals of the lower-case written ``phrase`` (2-3 words one space
    apart): the one-word originals of the phrase table
    (:func:`repair.candidates.spin_phrase.span_originals`: WordNet and Moby multi-word
    entries, "earlier than" -> "before"), filtered as :func:`originals` (common short words
    more common than the phrase, never grammar or number words, no noun)."""
    from repair.candidates.spin_phrase import span_originals

    words = tuple(phrase.split())
    if not all(w.isalpha() for w in words):
        return ()
    found, wordnet = span_originals(words)
    zp = _zipf(phrase)
    out: list[str] = []
    for o in (*found, *sorted(wordnet - set(found))):
        if (
            o in out
            or not o.isalpha()
            or not o.islower()
            or len(o) > MAX_ORIGINAL_LEN
            or o in NEVER
            or o in words
            or _noun(o)
        ):
            continue
        zo = zipf(o)
        if zo >= MIN_ORIGINAL_ZIPF and zo >= zp + MIN_ZIPF_LEAD:
            out.append(o)
    return tuple(out)


def _originals(written: str) -> tuple[str, ...]:
    return phrase_originals(written) if " " in written else originals(written)


def mappings(
    words: Iterable[str],
    min_count: int,
    min_llr: float,
    phrases: Counter[str] | None = None,
    whole: CountMap | None = None,
) -> list[Mapping]:
    """Every (written, original) mapping of a document of lower-case ``words`` whose
    written word occurs at least ``min_count`` times and whose ratio is at least
    ``min_llr``, best ratio first; also of the written ``phrases`` (counted by the caller).
    ``whole``: a big text's window's ``Document.word_counts`` (the whole text's); each
    count is then read scaled to the whole text (:func:`repair.window_counts.scale`)."""
    counts: CountMap = Counter(words)
    items: list[tuple[str, float]] = [*counts.items(), *(phrases or {}).items()]
    if whole is not None:
        items = [(w, k * window_counts.scale(w, whole)) for w, k in items]
        counts = {w: k * window_counts.scale(w, whole) for w, k in counts.items()}
    out: list[Mapping] = []
    for w, k in items:
        if k < min_count:
            continue
        if " " in w:  # a phrase: its table row first (a look-up), the LM's rate after
            if not phrase_originals(w) or llr_bound(k, w) < min_llr:
                continue
        elif llr_bound(k, w) < min_llr:
            continue
        for o in _originals(w):
            llr = mapping_llr(k, counts.get(o, 0), w, o)
            if llr >= min_llr:
                out.append(Mapping(w, o, k, counts.get(o, 0), llr))
    return sorted(out, key=lambda m: -m.llr)


@lru_cache(maxsize=20_000)
def _noun(word: str) -> bool:
    """Whether ``word`` has a noun reading (topic words: over-used by their subject)."""
    from repair.resources.lemmas import getAllLemmas

    return "NOUN" in (getAllLemmas(word) or {})


def _gains(doc: Document, spans: list[tuple[int, int]], written: str, original: str) -> list[float]:
    """The LM gain (ln-prob, left and right context) of ``original`` at each span."""
    from repair.score.spin_context import WordContext, context, lm_gain

    ctx = WordContext.of(doc)
    out = []
    for a, b in spans:
        left, right, _initial = context(doc, ctx, a, b)
        out.append(lm_gain(left, written.split(), [original], right))
    return out


def _phrase_spans(
    text: str,
    words: list,
    lower: list[str],
    spans: dict[str, list[tuple[int, int]]],
    whole: CountMap | None = None,
) -> Counter[str]:
    """The written phrases (2 to :data:`MAX_PHRASE_WORDS` words one space apart) of a
    section: their spans are added to ``spans`` (keyed by the lower-case phrase), and the
    counts of those written at least :data:`MIN_COUNT` times are returned (``whole``: a big
    text's window's word counts; a count is then read scaled to the whole text, as
    :func:`mappings` reads it)."""
    n = len(words)
    found: list[tuple[str, int, int]] = []
    for i in range(n):
        j = i + 1
        while j < min(n, i + MAX_PHRASE_WORDS) and text[words[j - 1].end : words[j].start] == " ":
            found.append((" ".join(lower[i : j + 1]), words[i].start, words[j].end))
            j += 1
    counts = Counter(key for key, _a, _b in found)
    out: Counter[str] = Counter(
        {
            key: k
            for key, k in counts.items()
            if (k if whole is None else k * window_counts.scale(key, whole)) >= MIN_COUNT
        }
    )
    for key, a, b in found:
        if key in out:
            spans.setdefault(key, []).append((a, b))
    return out


def windows(n: int, size: int | None = None) -> list[tuple[int, int]]:
    """Word-index ranges ``[a, b)`` of a document of ``n`` words: the whole document up to
    ``size`` (:data:`MAX_WORDS`) words, else ``ceil(n / size)`` sections of equal length
    (each at least half of ``size`` and at most ``size`` words), each read like a document."""
    size = size or MAX_WORDS
    if n <= size:
        return [(0, n)]
    k = -(-n // size)
    return [(i * n // k, (i + 1) * n // k) for i in range(k)]


def overuse_candidates(
    doc: Document, taken: set[int] | frozenset[int] = frozenset(), gate_open: bool = False
) -> list[Candidate]:
    """One candidate per occurrence (outside ``taken``, offsets under earlier edits) of each
    written word the document over-uses for a common original (module doc; the settings
    above), or none where fewer than :data:`MIN_MAPPINGS` written words pass
    (:data:`MIN_MAPPINGS_OPEN` where ``gate_open``: the spin stage reads the document as spun).
    A document over :data:`MAX_WORDS` words is read by sections (:func:`windows`) where
    :data:`WINDOWS` is on, else not at all."""
    n = len(doc.words)
    need = MIN_MAPPINGS_OPEN if gate_open else MIN_MAPPINGS
    if window_counts.OVERUSE and window_counts.windowed():
        # a big text's window: read as the whole text (repair.window_counts.OVERUSE)
        total = n + window_counts.other_length()
        if total > MAX_WORDS and not WINDOWS:
            return []  # the whole text is not read
        if total <= MAX_WORDS:
            return _section_candidates(doc, 0, n, taken, need, total)
    if n > MAX_WORDS and not WINDOWS:
        return []
    parts = windows(n)
    if len(parts) > 1 and SECTION_GATE:
        need = MIN_MAPPINGS  # the stage's gate reads the whole text, not this section
    out: list[Candidate] = []
    for a, b in parts:
        out += _section_candidates(doc, a, b, taken, need)
    return out


def _section_candidates(
    doc: Document,
    lo: int,
    hi: int,
    taken: set[int] | frozenset[int],
    need: int,
    whole: int | None = None,
) -> list[Candidate]:
    """:func:`overuse_candidates` of the words ``lo:hi`` of ``doc``, read as a document;
    ``whole``: the length (words) of the big text ``doc`` is a window of, whose counts it
    then reads (:data:`repair.window_counts.OVERUSE`)."""
    words = doc.words[lo:hi]
    n = len(words) if whole is None else whole
    if n * 10.0 ** (ORIGINAL_ZIPF_CEILING - 9.0) < MIN_EXPECTED:
        return []
    lower = [t.text.lower() for t in words]
    spans: dict[str, list[tuple[int, int]]] = {}
    for t, lw in zip(words, lower, strict=True):
        spans.setdefault(lw, []).append((t.start, t.end))
    scaled = None if whole is None else doc.word_counts
    phrases = _phrase_spans(doc.text, words, lower, spans, scaled) if PHRASES else None
    chosen: dict[str, tuple[Mapping, float]] = {}
    for m in mappings(lower, MIN_COUNT, MIN_LLR, phrases, scaled):
        if n * _rate(m.original) < MIN_EXPECTED or _noun(m.written):
            continue
        gains = _gains(doc, spans[m.written], m.written, m.original)
        mean = sum(gains) / len(gains)
        prior = math.log(10.0) * (zipf(m.original) - _zipf(m.written))
        if mean < max(MIN_MEAN_GAIN, prior + MIN_CONTEXT_GAIN):
            continue
        if sum(g > 0.0 for g in gains) < MIN_FAVOURED * len(gains):
            continue
        if m.written not in chosen or mean > chosen[m.written][1]:
            chosen[m.written] = (m, mean)
    if len(chosen) < need:
        return []
    out = []
    used: set[int] = set()
    words_first = [kv for kv in chosen.items() if " " not in kv[0]]
    phrases_by_ratio = sorted(
        (kv for kv in chosen.items() if " " in kv[0]), key=lambda kv: -kv[1][0].llr
    )
    for w, (m, mean) in words_first + phrases_by_ratio:
        for a, b in spans[w]:
            if a in taken or (" " in w and any(x in taken or x in used for x in range(a, b))):
                continue
            used.update(range(a, b))
            feats = {
                "overuse_llr": round(m.llr, 3),
                "written_count": m.written_count,
                "original_count": m.original_count,
                "mean_gain": round(mean, 3),
                "mappings_in_doc": len(chosen),
            }
            out.append(Candidate(a, b, m.original, "spin", RULE, feats))
    return out
