"""Find multi-word terms written with synonyms ("profound learning", "data agglomerates").

A paper mill spins a known paper word by word.  Inside a term the damage shows:
the written words no longer form a collocation, while replacing one or more of
them by a word they may have replaced (the reverse synonym table,
:func:`repair.candidates.spin_synonyms.originals_of`) gives a known term
("neural web" → "neural network", "biorhythm exigency" → "blood pressure").

Known terms (``lexicons/collocations.tsv``, built by
``scripts/build_collocations.py``): WordNet 3.0 multi-word lemmas, strong
collocations of symspellpy's bigram counts (PMI ≥ 3 nats) and the expected side
of the tortured-phrase list (a prior, split dev/test by phrase family).

A window of two or three adjacent words (one space or a hyphen between them,
no name capitalised inside a sentence) yields a :class:`Restoration` when
the restored words are a known term and the written words are not.  The
signals for the decision (:mod:`repair.score.collocation`) are computed here:

* ``lm_gain``: trigram ln-prob of the restored words (two words of history, one
  word after) minus that of the written words;
* ``written_pmi``: the written pair's association by the LM (ln P(w2|w1) −
  ln P(w2)); a real collocation has it high;
* ``ordinary``: mean Zipf of the restored words minus the written ones they
  replace (spinners pick rarer words);
* ``strength``: the term's sources (``pps``, ``wordnet``, ``bigram``) and PMI.

Only words at most :data:`MAX_SPUN_ZIPF` common are taken as possibly spun, and the
lexicon (a sorted table of 64-bit keys, viewed in place: ~1 ms) is read when the
first window with such a word appears.

File format (``lexicons/collocations.bin``, written by :func:`encode_table`): a header
line ``repair-collocations 2 N T`` (N keys, T terms; checked on load), a ``#`` note
line (sources and licences), then little-endian tables: 65,537 uint32 bucket offsets
(where the keys whose top 16 bits are b start), N sorted uint64 keys (BLAKE2b-8 of a
term, of a term's first word, and of the first two words of a three-word term), N
flag bytes (:data:`WORDNET`, :data:`BIGRAM`, :data:`PPS`, :data:`PPS_TEST`,
:data:`FIRST`, :data:`PREFIX`, :data:`TERM`) and N PMI bytes (tenths of a nat).

>>> from repair.document import Document
>>> doc = Document("We measured the voltaic conductivity of the films.")
>>> [(r.written, r.restored) for r in find(doc)]
[(('voltaic', 'conductivity'), ('electrical', 'conductivity'))]
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from repair.candidates.spin_synonyms import STOPWORDS
from repair.document import Document
from repair.lexicons import LexiconError, lexicon_path
from repair.resources import key_table
from repair.types import Token

LEXICON = "collocations.bin"
MAGIC = "repair-collocations"
VERSION = 2
#: Keys are bucketed by their top :data:`BUCKET_BITS` bits (an offset table in the file),
#: so a lookup bisects a handful of keys.
BUCKET_BITS = 16
#: Flag bits of a key's value.
WORDNET, BIGRAM, PPS, PPS_TEST, FIRST, PREFIX, TERM = (1 << i for i in range(7))
SOURCE_BITS = {"wordnet": WORDNET, "bigram": BIGRAM, "pps": PPS}
#: Candidate originals tried per written word (the table ranks them).
MAX_ORIGINALS = 12
#: In a document of scientific register, a word's options go on past the reverse synonyms
#: with up to this many reverse-thesaurus originals (the Moby headwords whose list holds it,
#: most common first: :func:`repair.candidates.spin_mobyrev.reverse_originals_deep`), so a
#: term whose original the mill's thesaurus drew from far down its list is reached
#: ("natural intercourse" -> "natural language"; 0: off).  Unguarded (spinmill46) it gave
#: clean text edits (clean suite 0 -> 0.040, short pieces 0.342 -> 0.358 changed tokens per
#: 1,000).  ON at 12 with :data:`WIDE_GUARD` (session 46, spinwide46;
#: ``python benchmarks/spin_eval.py --all --split dev|test``): dev mill 0.011 -> 0.019
#: (P 0.375 -> 0.444), tortured 0.446 -> 0.454; test tortured 0.266 -> 0.271, mill 0.022
#: the same (P 0.625 -> 0.500: two more wrong edits on spun words); every other dev and
#: test row and ``spin_calibrate.py`` identical to main document by document (0.094,
#: short 0.336, clean suite 0); ``tortured_general_eval.py --abstracts --split dev``
#: 0.161 -> 0.158 (one kept word restored: "safe strains" -> "safe houses").
WIDE_OPTIONS = 12
#: A window restored through such a further original (one past the first options) is read
#: only when the restored term is strong (WordNet or the tortured-phrase list: the mill's
#: thesaurus pairs words; a bigram alone is ordinary English, "another prosperous year"
#: -> "another good year") and no word of the window forms a known term as written with
#: its neighbours outside it ("receiver operating characteristic", "narrow frequency
#: band" stay): :func:`_deep_ok`.  ON: without it the calibration's clean ML abstract and
#: a short State of the Union piece get edits, and the tortured suite's clean docstring
#: ("narrow bandwidth" -> "high bandwidth"); dev mill 0.019 either way, tortured dev 0.446
#: without it (0.454 with: "simple comportment" keeps "method", not "way").
WIDE_GUARD = True
#: ``written_pmi`` is read on the written pair that holds the first changed word (the
#: last two words when only a three-word window's last word changed: "wireless sensor
#: webs" reads "sensor webs", not the honest "wireless sensor"; :func:`written_pair`).
#: Windows whose first or second word changed read the first two words as before.
#: Off: always the window's first two words.  ON as a correction with no measured cost
#: (session 48, spincoll48; ``python benchmarks/spin_eval.py --all --split dev|test``):
#: every dev and test row identical (tortured 0.466 / 0.275, mill 0.027 / 0.027, phrase
#: 0.543 / 0.124, spinbot 0.166 / 0.142); on dev 3 distinct windows read another pair,
#: all declined for other reasons; ``spin_calibrate.py`` 0.092 changed tokens per 1,000,
#: ``tortured_general_eval.py --abstracts`` and seeds identical.
PMI_PAIR_OF_CHANGE = True
#: Only words at most this common (wordfreq Zipf) are taken as possibly spun: a paper
#: mill's spinner writes rare words, and :mod:`repair.score.collocation` declines
#: restorations of commoner words anyway (this bound keeps clean text cheap).
MAX_SPUN_ZIPF = 4.5
#: Splits of the ``pps`` source left out (benchmarks set ``frozenset({"test"})`` to
#: hold out the test phrase families; the product uses every term).
HELD_OUT: frozenset[str] = frozenset()
#: :meth:`Terms.first` remembers at most this many words (then starts again).
FIRST_MEMO = 1 << 17
#: :func:`find` remembers the known combinations of at most this many windows' options.
PRODUCT_MEMO = 1 << 15


@lru_cache(maxsize=262144)
def key(text: str) -> int:
    """The 64-bit key of a term or word (BLAKE2b-8, little-endian)."""
    return key_table.key(text)


@dataclass(frozen=True)
class Term:
    """What the lexicon says about one known term."""

    text: str
    sources: frozenset[str]
    pmi: float | None


def encode_table(
    rows: Iterable[tuple[str, tuple[str, ...], float | None, str]], note: str
) -> bytes:
    """The lexicon file for ``(term, sources, pmi, split)`` rows (the build script's output)."""
    values: dict[int, list[int]] = {}
    texts: dict[int, str] = {}

    def put(text: str, flags: int, pmi: float | None = None) -> None:
        k = key(text)
        if texts.setdefault(k, text) != text:
            raise ValueError(f"key collision: {text!r} and {texts[k]!r}")
        v = values.setdefault(k, [0, 0])
        v[0] |= flags
        if pmi is not None:
            v[1] = max(v[1], min(255, round(pmi * 10)))

    n_terms = 0
    for term, sources, pmi, split in rows:
        words = term.split(" ")
        flags = TERM
        for s in sources:
            flags |= SOURCE_BITS[s]
        if "pps" in sources and split == "test":
            flags |= PPS_TEST
        put(term, flags, pmi)
        put(words[0], FIRST)
        if len(words) == 3:
            put(f"{words[0]} {words[1]}", PREFIX)
        n_terms += 1
    keys = sorted(values)
    head = f"{MAGIC} {VERSION} {len(keys)} {n_terms}\n{note}\n".encode()
    offsets = array("I", [0] * ((1 << BUCKET_BITS) + 1))
    for k in keys:
        offsets[(k >> (64 - BUCKET_BITS)) + 1] += 1
    for b in range(1, len(offsets)):
        offsets[b] += offsets[b - 1]
    return (
        head
        + offsets.tobytes()
        + array("Q", keys).tobytes()
        + array("B", [values[k][0] for k in keys]).tobytes()
        + array("B", [values[k][1] for k in keys]).tobytes()
    )


@dataclass(frozen=True)
class Terms:
    """The lexicon, viewed in place: sorted keys, flag and PMI bytes."""

    keys: array
    flags: bytes
    pmi: bytes
    #: start of each key bucket (top :data:`BUCKET_BITS` bits) in ``keys``
    offsets: array
    #: flag bits that do not count (PPS rows of held-out families)
    held_out: frozenset[str] = frozenset()
    #: :meth:`first`'s answers by word (emptied at :data:`FIRST_MEMO` entries): the term
    #: windows ask it of the same options over and over (issue 14)
    _firsts: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)
    #: :func:`find`'s known combinations by a window's options (emptied at
    #: :data:`PRODUCT_MEMO` entries): spun text repeats its windows across documents
    _products: dict[tuple[tuple[str, ...], ...], tuple[tuple[tuple[str, ...], Term], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    #: the look-ups of :attr:`keys` (:func:`repair.resources.key_table.table`)
    _lookup: key_table.KeyTable | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        lookup = key_table.table(self.offsets, self.keys, BUCKET_BITS)
        object.__setattr__(self, "_lookup", lookup)
        object.__setattr__(self, "_index", lookup.index)

    def _index(self, text: str) -> int:
        """Position of ``text``'s key in :attr:`keys`, or -1 (:func:`key`, computed here:
        most texts a window asks for are asked once, and a memo's miss costs more than the
        hash; the instance's own is the table's bound ``index``)."""
        return self._lookup.index(text)  # type: ignore[union-attr]

    def _flags(self, text: str) -> int:
        i = self._index(text)
        return self.flags[i] if i >= 0 else 0

    def first(self, word: str) -> bool:
        known = self._firsts.get(word)
        if known is None:
            if len(self._firsts) >= FIRST_MEMO:
                self._firsts.clear()
            known = self._firsts[word] = bool(self._flags(word) & FIRST)
        return known

    def prefix(self, words: str) -> bool:
        return bool(self._flags(words) & PREFIX)

    def _term(self, text: str) -> Term | None:
        i = self._index(text)
        if i < 0 or not self.flags[i] & TERM:
            return None
        f = self.flags[i]
        sources = {s for s, bit in SOURCE_BITS.items() if f & bit}
        if (
            "test" in self.held_out
            and f & PPS_TEST
            or "dev" in self.held_out
            and f & PPS
            and not f & PPS_TEST
        ):
            sources.discard("pps")
        if not sources:
            return None
        return Term(text, frozenset(sources), self.pmi[i] / 10 if self.pmi[i] else None)

    def get(self, words: tuple[str, ...]) -> Term | None:
        """The term ``words`` form, also with the last word singular ("solar cells")."""
        text = " ".join(words)
        term = self._term(text)
        if term is None and text.endswith("s"):
            for single in _singulars(words[-1]):
                term = self._term(" ".join((*words[:-1], single)))
                if term is not None:
                    break
        return term


def _singulars(word: str) -> tuple[str, ...]:
    if word.endswith("ies"):
        return (word[:-3] + "y",)
    if word.endswith("es"):
        return (word[:-2], word[:-1])
    if word.endswith("s") and not word.endswith("ss"):
        return (word[:-1],)
    return ()


@lru_cache(maxsize=4)
def load_terms(held_out: frozenset[str] = frozenset()) -> Terms:
    """The known terms (:data:`LEXICON`), read once; ``held_out`` PPS splits do not count."""
    path = lexicon_path(LEXICON)
    data = path.read_bytes()
    nl = data.find(b"\n")
    head = data[:nl].decode("ascii", "replace").split()
    if len(head) != 4 or head[0] != MAGIC or head[1] != str(VERSION):
        raise LexiconError(
            f"{path}, line 1: expected '{MAGIC} {VERSION} N T'; "
            "rebuild it with: python scripts/build_collocations.py"
        )
    n = int(head[2])
    body = data.find(b"\n", nl + 1) + 1
    n_off = (1 << BUCKET_BITS) + 1
    if len(data) - body != 4 * n_off + n * 10:
        raise LexiconError(f"{path}: {len(data) - body} bytes of tables, expected {n * 10}")
    offsets = array("I")
    offsets.frombytes(data[body : body + 4 * n_off])
    keys = array("Q")
    body += 4 * n_off
    keys.frombytes(data[body : body + 8 * n])
    if keys.itemsize != 8 or offsets.itemsize != 4 or sys.byteorder != "little":
        raise LexiconError(f"{path}: needs little-endian 4- and 8-byte unsigned array types")
    flags = data[body + 8 * n : body + 9 * n]
    pmi = data[body + 9 * n : body + 10 * n]
    return Terms(keys, flags, pmi, offsets, held_out)


@dataclass(frozen=True)
class Restoration:
    """One window whose restored words form a known term."""

    tokens: tuple[Token, ...]
    written: tuple[str, ...]
    restored: tuple[str, ...]
    term: Term
    lm_gain: float
    written_pmi: float
    ordinary: float
    #: ``lm_gain`` minus the unigram ln-prob gain of the changed words: how much better
    #: the context fits beyond the restored words being more frequent
    context_gain: float
    #: every restored alternative of this window, best first (restored words)
    alternatives: tuple[tuple[str, ...], ...] = ()
    #: found in a document of scientific register (:mod:`repair.detect.science`), where
    #: :mod:`repair.score.science` reads the term's book-register collocation
    science: bool = False
    #: ... and dense with rare words a thesaurus may have written (the rare-word pass's
    #: pre-gate density, :data:`repair.stages.collocation.RARE_PREGATE_PER_1000`)
    dense: bool = False

    @property
    def changed(self) -> tuple[int, ...]:
        return tuple(
            i for i, (w, r) in enumerate(zip(self.written, self.restored, strict=True)) if w != r
        )


def _windows(doc: Document) -> list[tuple[Token, ...]]:
    """Runs of 2-3 adjacent lower-case words (sentence-initial capital allowed)."""
    words = doc.words
    text = doc.text
    runs: list[list[Token]] = []
    cur: list[Token] = []
    for w in words:
        joined = cur and text[cur[-1].end : w.start] in (" ", "-")
        if not joined:
            if len(cur) >= 2:
                runs.append(cur)
            cur = []
        cur.append(w)
    if len(cur) >= 2:
        runs.append(cur)
    out: list[tuple[Token, ...]] = []
    for run in runs:
        for n in (2, 3):
            for i in range(len(run) - n + 1):
                out.append(tuple(run[i : i + n]))
    return out


def _sentence_start(text: str, start: int) -> bool:
    """Whether ``text[start]`` opens a sentence: the last non-space character before it
    is a sentence mark (or there is none). Scans back from ``start``, no slicing."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in ".!?:\n\"'“‘("


def _lower_ok(doc: Document, window: tuple[Token, ...]) -> tuple[str, ...] | None:
    out = []
    for k, t in enumerate(window):
        w = t.text
        if not w.isalpha():
            return None
        if not w.islower():
            if not (k == 0 and w[1:].islower() and _sentence_start(doc.text, t.start)):
                return None  # a name or an acronym
            w = w.lower()
        out.append(w)
    return tuple(out)


@lru_cache(maxsize=65536)
def _options(word: str, max_zipf: float = MAX_SPUN_ZIPF, wide: int = 0) -> tuple[str, ...]:
    """``word`` and its candidate originals: the mills' learned habits, the first
    :data:`MAX_ORIGINALS` reverse synonyms, then up to ``wide`` reverse-thesaurus originals
    (:data:`WIDE_OPTIONS`)."""
    if word in STOPWORDS or len(word) < 3:
        return (word,)
    from repair.candidates.spin_synonyms import originals_of
    from repair.resources.frequency import zipf

    if zipf(word) > max_zipf:
        return (word,)
    from repair.candidates.tortured_words import learned

    habits = learned(word)  # paper-mill habits first ("profound" -> "deep")
    out = (word, *habits, *(o for o in originals_of(word)[:MAX_ORIGINALS] if o not in habits))
    if not wide:
        return out
    from repair.candidates.spin_mobyrev import reverse_originals_deep

    more = [o for o in reverse_originals_deep(word) if o not in out and o not in STOPWORDS]
    return out + tuple(more[:wide])


def _product(
    written: tuple[str, ...], opts: Sequence[tuple[str, ...]], terms: Terms
) -> list[tuple[tuple[str, ...], Term]]:
    """Anchored combinations of the options that are known terms (prefixes pruned first).

    The same list as trying every combination with :func:`_anchored`, in the same order,
    with fewer look-ups: a written function word has no other option (:func:`_options`),
    so a changed word is never one, and a combination is anchored when it changes a word
    and keeps a content word; a first two words that no third option can anchor are not
    looked up as a prefix."""
    out = []
    content = [w not in STOPWORDS for w in written]
    if len(written) == 2:
        w0, w1 = written
        for a in opts[0]:
            if not terms.first(a):
                continue
            if a == w0:  # keeps w0, must change w1
                if not content[0]:
                    continue
                for b in opts[1]:
                    if b != w1:
                        t = terms.get((a, b))
                        if t is not None:
                            out.append(((a, b), t))
                continue
            if not content[1]:  # changes w0, must keep w1
                continue
            for b in opts[1]:
                if b == w1:
                    t = terms.get((a, b))
                    if t is not None:
                        out.append(((a, b), t))
        return out
    w0, w1, w2 = written
    other_c = any(c != w2 for c in opts[2])
    for a in opts[0]:
        if not terms.first(a):
            continue
        kept0 = a == w0
        for b in opts[1]:
            kept1 = b == w1
            # a content word kept before the third word; with the third word kept too
            anchor = (kept0 and content[0]) or (kept1 and content[1])
            keep_c = (anchor or content[2]) and not (kept0 and kept1)
            if not keep_c and not (anchor and other_c):
                continue  # no third option anchors (a, b, c)
            if not terms.prefix(f"{a} {b}"):
                continue
            for c in opts[2]:
                if keep_c if c == w2 else anchor:
                    t = terms.get((a, b, c))
                    if t is not None:
                        out.append(((a, b, c), t))
    return out


def _anchored(written: tuple[str, ...], restored: tuple[str, ...]) -> bool:
    """At least one content word kept, and no function word changed."""
    kept = [w for w, r in zip(written, restored, strict=True) if w == r]
    changed = [w for w, r in zip(written, restored, strict=True) if w != r]
    return (
        bool(changed)
        and any(w not in STOPWORDS for w in kept)
        and not any(w in STOPWORDS for w in changed)
    )


def _unigram_gain(written: tuple[str, ...], restored: tuple[str, ...]) -> float:
    from repair.resources.lm import get_lm

    lm = get_lm()
    return sum(lm.logprob(r) - lm.logprob(w) for w, r in zip(written, restored, strict=True))


def _lm_signals(
    doc: Document, window: tuple[Token, ...], written: tuple[str, ...], restored: tuple[str, ...]
) -> tuple[float, float]:
    from repair.resources.lm import get_lm
    from repair.text_utils import words_around

    lm = get_lm()
    before, after = words_around(doc.words, window[0].start, window[-1].end, left=2, right=1)
    before = [w.lower() for w in before]
    after = [w.lower() for w in after]
    gain = lm.sequence_logprob([*restored, *after], before) - lm.sequence_logprob(
        [*written, *after], before
    )
    a, b = written_pair(written, restored)
    pmi = lm.logprob(b, [a]) - lm.logprob(b)
    return gain, pmi


def written_pair(written: tuple[str, ...], restored: tuple[str, ...]) -> tuple[str, str]:
    """The adjacent written pair whose association ``written_pmi`` reads: the first changed
    word with the word before it (:data:`PMI_PAIR_OF_CHANGE`; the first two words when the
    first word changed), else the first two words.

    >>> written_pair(("wireless", "sensor", "webs"), ("wireless", "sensor", "networks"))
    ('sensor', 'webs')
    >>> written_pair(("neural", "web", "model"), ("neural", "network", "model"))
    ('neural', 'web')
    """
    i = 0
    if PMI_PAIR_OF_CHANGE:
        first = next(
            (k for k, (w, r) in enumerate(zip(written, restored, strict=True)) if w != r), 0
        )
        i = max(0, first - 1)
    return written[i], written[i + 1]


def _ordinary(written: tuple[str, ...], restored: tuple[str, ...]) -> float:
    from repair.resources.frequency import zipf

    diffs = [zipf(r) - zipf(w) for w, r in zip(written, restored, strict=True) if w != r]
    return sum(diffs) / len(diffs)


def _read_windows(
    doc: Document, max_zipf: float = MAX_SPUN_ZIPF, wide: int = 0
) -> Iterator[tuple[tuple[Token, ...], tuple[str, ...], tuple[tuple[str, ...], ...]]]:
    """``(window, written, options)`` of each window of :func:`_windows`, in order, whose
    written words (:func:`_lower_ok`) hold two content words and a word with another
    option (:func:`_options`): the windows :func:`find` reads.  Each word's case and
    kind are read once, not once per window (issue 14); ``wide``: :func:`_options`'."""
    words = doc.words
    text = doc.text
    # inside a window: the word if plain lower case; at a window's start also a
    # capitalised word opening a sentence, lowered (as _lower_ok reads them)
    mid: list[str | None] = []
    head: list[str | None] = []
    for t in words:
        w = t.text
        if not w.isalpha():
            mid.append(None)
            head.append(None)
        elif w.islower():
            mid.append(w)
            head.append(w)
        else:
            mid.append(None)
            head.append(w.lower() if w[1:].islower() and _sentence_start(text, t.start) else None)
    # each word's options and whether it is a content word, read once per word (a word
    # stands in up to five windows; issue 14): (options, content) or None
    mid_read = [None if w is None else _word_read(w, max_zipf, wide) for w in mid]
    head_read = [
        r if h is m else (None if h is None else _word_read(h, max_zipf, wide))
        for h, m, r in zip(head, mid, mid_read, strict=True)
    ]
    n = len(words)
    lo = 0
    while lo < n:
        hi = lo + 1  # the run of joined words from lo
        while hi < n and text[words[hi - 1].end : words[hi].start] in (" ", "-"):
            hi += 1
        for size in (2, 3):
            for i in range(lo, hi - size + 1):
                r0 = head_read[i]
                if r0 is None:
                    continue
                r1 = mid_read[i + 1]
                if r1 is None:
                    continue
                o0, c0 = r0
                o1, c1 = r1
                if size == 2:
                    if not (c0 and c1) or (len(o0) == 1 and len(o1) == 1):
                        continue
                    yield tuple(words[i : i + 2]), (head[i], mid[i + 1]), (o0, o1)  # type: ignore[misc]
                    continue
                r2 = mid_read[i + 2]
                if r2 is None:
                    continue
                o2, c2 = r2
                if c0 + c1 + c2 < 2 or (len(o0) == 1 and len(o1) == 1 and len(o2) == 1):
                    continue
                written = (head[i], mid[i + 1], mid[i + 2])
                yield tuple(words[i : i + 3]), written, (o0, o1, o2)  # type: ignore[misc]
        lo = hi


def _deep_ok(
    doc: Document,
    window: tuple[Token, ...],
    written: tuple[str, ...],
    restored: tuple[str, ...],
    term: Term,
    max_zipf: float,
    terms: Terms,
) -> bool:
    """Whether a restoration may stand that reads a further reverse-thesaurus original
    (:data:`WIDE_GUARD`): true when no changed word is restored past its first options
    (:func:`_options` without ``wide``); else the term must be strong and no word of the
    window may form a known term as written with its neighbours outside it ("narrow
    [frequency band]" is no spun "high frequency")."""
    deep = [
        k
        for k, (w, r) in enumerate(zip(written, restored, strict=True))
        if w != r and r not in _options(w, max_zipf)
    ]
    if not deep:
        return True
    if not term.sources & {"wordnet", "pps"}:
        return False
    return not any(_in_written_term(doc, t, window, terms) for t in window)


def _in_written_term(doc: Document, token: Token, window: tuple[Token, ...], terms: Terms) -> bool:
    """Whether ``token`` with neighbours joined to it (a space or a hyphen; 2-3 words in
    all, other than ``window``) forms a known term as written."""
    words = doc.words
    text = doc.text
    at = bisect_left(words, token.start, key=lambda t: t.start)  # words are in text order
    for n in (2, 3):
        for i in range(max(at - n + 1, 0), min(at, len(words) - n) + 1):
            run = words[i : i + n]
            if run[0].start == window[0].start and len(run) == len(window):
                continue
            if not all(
                text[a.end : b.start] in (" ", "-") for a, b in zip(run, run[1:], strict=False)
            ):
                continue
            if all(t.text.isalpha() for t in run) and terms.get(tuple(t.text.lower() for t in run)):
                return True
    return False


def _word_read(word: str, max_zipf: float, wide: int = 0) -> tuple[tuple[str, ...], bool]:
    """(:func:`_options` of ``word``, whether it is a content word) for
    :func:`_read_windows`."""
    return _options(word, max_zipf, wide), word not in STOPWORDS


def find(
    doc: Document,
    held_out: frozenset[str] | None = None,
    science: bool = False,
    max_zipf: float = MAX_SPUN_ZIPF,
    dense: bool = False,
) -> list[Restoration]:
    """Windows of ``doc`` that a reverse synonym turns into a known term (best per window).

    Only windows with a kept content word (the anchor) and a changed one are
    considered; the lexicon is read when the first such window appears.  ``science``:
    the document is of scientific register (marked on each restoration, with ``dense``:
    it is dense with rare words), where words up to ``max_zipf`` are read.
    """
    out: list[Restoration] = []
    terms: Terms | None = None
    known: dict[tuple[tuple[str, ...], ...], tuple[tuple[tuple[str, ...], Term], ...]] = {}
    for window, written, opts in _read_windows(doc, max_zipf, WIDE_OPTIONS if science else 0):
        if terms is None:
            terms = load_terms(HELD_OUT if held_out is None else held_out)
            known = terms._products
        cands = known.get(opts)
        if cands is None:  # once per distinct window options (the written words first)
            if len(known) >= PRODUCT_MEMO:
                known.clear()
            if terms.get(written) is not None:
                cands = known[opts] = ()  # the written words are a term themselves
            else:
                cands = known[opts] = tuple(_product(written, opts, terms))
        if cands and WIDE_OPTIONS and science and WIDE_GUARD:
            cands = tuple(c for c in cands if _deep_ok(doc, window, written, *c, max_zipf, terms))
        if not cands:
            continue
        scored = []
        for restored, term in cands:
            gain, pmi = _lm_signals(doc, window, written, restored)
            scored.append((gain, restored, pmi, term))
        scored.sort(key=lambda s: -s[0])
        gain, restored, pmi, term = scored[0]
        out.append(
            Restoration(
                window,
                written,
                restored,
                term,
                gain,
                pmi,
                _ordinary(written, restored),
                gain - _unigram_gain(written, restored),
                tuple(s[1] for s in scored[1:]),
                science,
                dense,
            )
        )
    return out
