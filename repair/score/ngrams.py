"""Period English n-grams: vocabulary and bigram context for 1840-1950 text.

The pocketsphinx trigram model (:mod:`repair.resources.lm`) is modern news; wordfreq
(:mod:`repair.resources.frequency`) gives unigram frequencies only.  This table adds
what they lack for old newspapers and books: the vocabulary of the period
(Webster's Second International word list of 1934, the CMU pronouncing dictionary's
names) and bigram context counted on public-domain English of 1611-2006 (Project
Gutenberg books, the inaugural and State of the Union addresses).  Sources,
licences and figures: ``lexicons/LEXICONS.md``; built by ``scripts/build_ngrams.py``.

Words are normalised by :func:`norm` (lower case, curly apostrophe straightened,
any token with a digit becomes ``<num>``).  Sentence starts and ends are ``<s>``
and ``</s>``, so ``bigram_logprob("<s>", "the")`` is the chance a sentence opens
with "the".  Probabilities are natural logs, interpolated absolute discounting
(bigram -> unigram -> a floor for listed words -> :data:`OOV_LOGPROB`).

>>> t = get_ngrams()
>>> t.known("omnibus"), t.known("Hobart"), t.known("xqzv")
(True, True, False)
>>> t.bigram_logprob("came", "from") > t.bigram_logprob("came", "horn")
True
>>> t.context_score("of", "June", "last") > t.context_score("of", "Tune", "last")
True

The table is one file, loaded on first use (about 0.03 s, a few MB), shared by all
threads (:func:`get_ngrams`), read-only after loading.
"""

from __future__ import annotations

import gzip
import math
import re
import sys
import threading
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache, partial
from pathlib import Path

#: The data file shipped in ``lexicons/``.
DATA_FILE = "ngrams_period.bin.gz"
#: First line of the decompressed file; the version is checked on load.
MAGIC = "repair-ngrams"
VERSION = 1
#: Natural-log probability of a word the table does not know at all.
OOV_LOGPROB = -18.0
#: Sentence boundary tokens.
BOS, EOS = "<s>", "</s>"
#: The list of known words without counts, shipped beside it.
WORDS_FILE = "words_period.txt.gz"
WORDS_MAGIC = "repair-words"
#: Personal and place names (``is_name``), shipped beside it.
NAMES_FILE = "names_period.txt.gz"
#: Words this short need SHORT_MIN_COUNT corpus occurrences to be ``known``.
SHORT = 3
SHORT_MIN_COUNT = 5
#: Absolute discount of the bigram estimate.
DISCOUNT = 0.75

_SECTIONS = (
    "starts", "unigram", "history", "followers", "preceders", "offsets", "next", "count", "capital"
)  # fmt: skip


class NgramFormatError(RuntimeError):
    """The n-gram file is missing, truncated or of another format/version."""


def norm(word: str) -> str:
    """The table's form of a word: lower case, ``’`` -> ``'``, digits -> ``<num>``.

    >>> norm("Sydney’s"), norm("14th"), norm("<s>")
    ("sydney's", '<num>', '<s>')
    """
    if word.isalpha():  # no digit, no "’", no marker: the common case (issue 14)
        return word.lower()
    if word in (BOS, EOS):
        return word
    if any(c.isdigit() for c in word):
        return "<num>"
    return word.replace("\u2019", "'").lower()


def _le(arr: array) -> array:
    if sys.byteorder == "big":
        arr.byteswap()
    return arr


def _pad(n: int) -> bytes:
    return b"\0" * (-n % 4)


def encode(
    words: list[str],
    unigram: list[int],
    history: list[int],
    followers: list[int],
    preceders: list[int],
    capital: list[int],
    bigrams: dict[tuple[int, int], int],
    note: str = "",
) -> bytes:
    """Serialise a table (used by ``scripts/build_ngrams.py``); ``words`` sorted by UTF-8.

    Layout after gzip: a header line ``repair-ngrams 1 V B TOKENS BLOBLEN``, a
    comment line (``# ...``: sources), zero padding to a multiple of 4, the
    vocabulary (UTF-8, ``\\n``-separated, padded to 4), then little-endian uint32
    arrays: each word's start in the vocabulary, its unigram and history counts, its
    numbers of distinct followers and preceders (before pruning), the CSR offsets
    (V+1) of the bigrams by first word, their next-word ids
    and counts; last, one byte per word: its capitalised share (0-255).
    """
    if words != sorted(words, key=lambda w: w.encode("utf-8")):
        raise ValueError("words must be sorted by their UTF-8 bytes")
    offsets = array("I", [0] * (len(words) + 1))
    nxt, cnt = array("I"), array("I")
    for (a, b), c in sorted(bigrams.items()):
        offsets[a + 1] += 1
        nxt.append(b)
        cnt.append(c)
    for i in range(len(words)):
        offsets[i + 1] += offsets[i]
    blob = "\n".join(words).encode("utf-8")
    starts = array("I")
    pos = 0
    for w in words:
        starts.append(pos)
        pos += len(w.encode("utf-8")) + 1
    head = f"{MAGIC} {VERSION} {len(words)} {len(nxt)} {sum(unigram)} {len(blob)}\n".encode()
    head += ("# " + note.replace("\n", " ") + "\n").encode("utf-8")
    parts = [head, _pad(len(head)), blob, _pad(len(blob))]
    for arr in (
        starts, array("I", unigram), array("I", history), array("I", followers),
        array("I", preceders), offsets, nxt, cnt, array("B", capital),
    ):  # fmt: skip
        parts.append(_le(arr).tobytes())
    return gzip.compress(b"".join(parts), compresslevel=9, mtime=0)


def encode_words(words: list[str], note: str = "") -> bytes:
    """Serialise a word list: ``# repair-words 1 N``, ``# note``, then the words, sorted."""
    words = sorted(set(words), key=lambda w: w.encode("utf-8"))
    if any(not w or any(c.isspace() for c in w) for w in words):
        raise ValueError("words must be non-empty and without white space")
    head = f"# {WORDS_MAGIC} {VERSION} {len(words)}\n# {note}\n"
    return gzip.compress((head + "\n".join(words)).encode("utf-8"), compresslevel=9, mtime=0)


def _gunzip(path: Path) -> bytes:
    try:
        return gzip.decompress(path.read_bytes())
    except (OSError, EOFError, zlib.error) as exc:
        raise NgramFormatError(f"{path}: line 1: not a gzip file ({exc})") from exc


class WordList:
    """A sorted word list searched in place (no Python object per word)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        raw = _gunzip(self.path)
        nl = raw.find(b"\n")
        head = raw[:nl].decode("utf-8", "replace").split()
        if len(head) != 4 or head[:2] != ["#", WORDS_MAGIC]:
            raise NgramFormatError(
                f"{self.path}: line 1: expected '# {WORDS_MAGIC} {VERSION} N', "
                f"got {' '.join(head)[:60]!r}"
            )
        if head[2] != str(VERSION):
            raise NgramFormatError(
                f"{self.path}: line 1: format version {head[2]}, this code reads {VERSION}"
            )
        nl2 = raw.find(b"\n", nl + 1)
        if nl2 < 0 or raw[nl + 1 : nl + 2] != b"#":
            raise NgramFormatError(f"{self.path}: line 2: expected a '# source' comment line")
        self.note = raw[nl + 2 : nl2].decode("utf-8").strip()
        self._blob = raw[nl2 + 1 :]
        n = self._blob.count(b"\n") + 1 if self._blob else 0
        if str(n) != head[3]:
            raise NgramFormatError(f"{self.path}: line 1: header says {head[3]} words, found {n}")
        hits = [i for i in map(self._blob.find, (b" ", b"\t", b"\r", b"\n\n")) if i >= 0]
        if hits or self._blob.endswith(b"\n"):  # (find is a fast scan; a regex is not)
            bad = min(hits) if hits else len(self._blob) - 1
            line = self._blob.count(b"\n", 0, bad) + 3
            raise NgramFormatError(f"{self.path}: line {line}: empty line or white space in a word")
        self.size = n
        self._samples: tuple[list[bytes], list[int]] | None = None

    def __iter__(self) -> Iterator[str]:
        """The words, in sorted order (decoded one by one)."""
        if self._blob:
            yield from self._blob.decode("utf-8").split("\n")

    def __contains__(self, word: str) -> bool:
        key = word.encode("utf-8")
        if not key or b"\n" in key:
            return False  # no line is empty or holds a line break
        samples = self._samples
        if samples is None:
            samples = self._sample()
        keys, offsets = samples
        k = bisect_right(keys, key) - 1  # the block whose first word is the last <= key
        if k < 0:
            return False
        if keys[k] == key:
            return True
        start = offsets[k]
        # the key's line, if any, lies inside the block (the lines are sorted): one scan
        # in C for the key between two line breaks instead of a bisection in Python
        blob = self._blob
        end = offsets[k + 1] if k + 1 < len(offsets) else len(blob)
        if blob.find(b"\n" + key + b"\n", start, end) >= 0:
            return True
        return end == len(blob) and blob.endswith(b"\n" + key)  # the last line

    #: Bytes between two sampled lines of :meth:`_sample`.
    SAMPLE_BYTES = 1024

    def _sample(self) -> tuple[list[bytes], list[int]]:
        """The first word of each block of about :data:`SAMPLE_BYTES` bytes and the
        block's offset (a line start), built on the first look-up (~4 k words for the
        360 k-word list).  Exact: the same answers as :meth:`_bisect` (tested)."""
        blob = self._blob
        keys: list[bytes] = []
        offsets: list[int] = []
        pos = 0
        size = len(blob)
        step = self.SAMPLE_BYTES
        while pos < size:
            end = blob.find(b"\n", pos)
            end = size if end < 0 else end
            keys.append(blob[pos:end])
            offsets.append(pos)
            nxt = blob.find(b"\n", pos + step)  # the line start after the next block
            if nxt < 0:
                break
            pos = nxt + 1
        self._samples = (keys, offsets)
        return self._samples

    def with_prefix(self, prefix: str) -> list[str]:
        """The listed words that start with ``prefix`` (non-empty), in sorted order: one
        bisection of the samples, then a scan of the one sorted run that holds them
        (with :data:`RUN_SLICE`, the run found by byte searches and cut out whole)."""
        key = prefix.encode("utf-8")
        if not key or b"\n" in key or not self._blob:
            return []
        keys, offsets = self._samples if self._samples is not None else self._sample()
        k = max(0, bisect_right(keys, key) - 1)  # the block of the last word <= prefix
        if RUN_SLICE:
            return self._run(key, k, keys, offsets)
        blob = self._blob
        pos = offsets[k]
        out: list[str] = []
        size = len(blob)
        while pos < size:
            end = blob.find(b"\n", pos)
            end = size if end < 0 else end
            word = blob[pos:end]
            if word.startswith(key):
                out.append(word.decode("utf-8"))
            elif word > key:
                break  # sorted: past the run of words with the prefix
            pos = end + 1
        return out

    def _run(self, key: bytes, k: int, keys: list[bytes], offsets: list[int]) -> list[str]:
        """:meth:`with_prefix`'s sorted run of the lines that start with ``key`` (block
        ``k`` holds the last sampled line <= ``key``), cut out of the blob whole.  The
        lines are sorted, so the run is every line in ``[key, succ)``, ``succ`` the key
        with its last byte raised (UTF-8 has no 0xff byte): its first line is block
        ``k``'s first line or the first line after a line break that starts with ``key``
        up to block ``k + 1``'s start; its last line is the last such line before the start
        of the block after the one ``succ`` falls in."""
        blob = self._blob
        size = len(blob)
        nk = len(offsets)
        if keys[k].startswith(key):
            start = offsets[k]
        else:
            limit = offsets[k + 1] + len(key) if k + 1 < nk else size  # whole matches
            hit = blob.find(b"\n" + key, offsets[k], limit)
            if hit < 0:
                return []
            start = hit + 1
        succ = key[:-1] + bytes((key[-1] + 1,))
        k2 = bisect_right(keys, succ)  # the first block whose first line is > succ
        limit = offsets[k2] if k2 < nk else size
        last = blob.rfind(b"\n" + key, start, limit)
        last = start if last < 0 else last + 1
        end = blob.find(b"\n", last)
        end = size if end < 0 else end
        return blob[start:end].decode("utf-8").split("\n")

    def _bisect(self, word: str) -> bool:
        """Membership by a bisection on byte offsets (the plain form of
        :meth:`__contains__`, kept for the tests)."""
        key = word.encode("utf-8")
        blob = self._blob
        lo, hi = 0, len(blob)
        while lo < hi:  # look(1): bisect on byte offsets, each probe snapped to a line start
            mid = (lo + hi) // 2
            start = blob.rfind(b"\n", 0, mid) + 1
            end = blob.find(b"\n", start)
            end = len(blob) if end < 0 else end
            probe = blob[start:end]
            if probe == key:
                return True
            if probe < key:
                lo = end + 1
            else:
                hi = start
        return False


#: :meth:`WordList.with_prefix` cuts the sorted run of a prefix's words out of the list
#: whole, found by byte searches from the sampled blocks (:meth:`WordList._run`), instead
#: of a line-by-line scan in Python (issue 14, session 55, speedocr: the period reach's
#: pools, ~220 prefixes of one or two letters on 100 k OCR words).  Exact: the same words
#: in the same order (tested on every one- and two-letter prefix of the shipped lists).
RUN_SLICE = True

_ISE = re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$")
_VOWELS = set("aeiou")


def _strip_possessive(w: str) -> str:
    if w.endswith("'s") and len(w) > 3:
        return w[:-2]
    if w.endswith("s'") and len(w) > 3:
        return w[:-1]
    return w


def _variants(w: str) -> list[str]:
    """Candidate listed forms of ``w``: -'d -> -ed, -ise -> -ize, regular inflections stripped.

    >>> _variants("organising")[:2]
    ['organizing', 'organis']
    """
    out: list[str] = []
    if w.endswith("'d") and len(w) > 4:  # the period's elided past: "crush'd", "lov'd"
        out += [w[:-2] + "ed", w[:-2] + "d"]
    if _ISE.search(w):
        out.append(_ISE.sub(lambda m: "iz" + m.group(1), w))
    n = len(w)
    if n > 4 and w.endswith("ing"):
        stem = w[:-3]
        out += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            out.append(stem[:-1])
    elif n > 3 and w.endswith("ed"):
        stem = w[:-2]
        out += [stem, w[:-1]]
        if stem.endswith("i"):
            out.append(stem[:-1] + "y")
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            out.append(stem[:-1])
    elif n > 3 and w.endswith("ies"):
        out += [w[:-3] + "y", w[:-1]]
    elif n > 3 and w.endswith("es"):
        out.append(w[:-1])
        if w[:-2].endswith(("s", "x", "z", "ch", "sh", "o")):
            out.append(w[:-2])
    elif n > 3 and w.endswith("s") and not w.endswith("ss"):
        out.append(w[:-1])
    out += [_ISE.sub(lambda m: "iz" + m.group(1), v) for v in out[1:] if _ISE.search(v)]
    return [v for v in out if v and v != w]


#: Ids kept by ``NgramTable.word_id`` (~150 bytes an entry; a miss is a binary search of
#: the word blob, ~40 us).  5 MB of OCR text asks 333 k ids of 33 k words: an LRU of
#: 16,384 loses 2.6 % of the hits (+0.3 s of 135 s CPU) and holds ~12 MB less than one of
#: 100,000 once full (``benchmarks/cache_replay.py``; issue 14, session 17).
WORD_ID_CACHE = 16_384
#: :meth:`NgramTable.known` remembers its answers (an LRU of :data:`KNOWN_CACHE` a table):
#: the OCR builders ask ~27 k times about ~9 k distinct words a 100 k-word page (~2.5 % of
#: its CPU; issue 14, session 39).  Exact: the answer depends on the table only.
KNOWN_MEMO = True
KNOWN_CACHE = 16_384
#: Switch: :meth:`NgramTable._word_id` finds a word's line as :meth:`WordList.__contains__`
#: does (a bisection of every :data:`ID_BLOCK`-th word in C, then one ``bytes.find`` of
#: the line inside that block) and its id by a bisection of the starts in C, instead of
#: a bisection in Python slicing ~16 words.  Exact: the same id (the words are sorted and
#: unique; ``tests/test_ngram_word_id49.py`` compares every counted word and ~18 k others
#: with :meth:`NgramTable._word_id_bisect`).  Issue 14, session 49: a counted word 21 ->
#: 8 us (unknown 34 -> 14 us, the listed-word check stays); the 15.6 k distinct ids of 100 k
#: OCR words replayed: 0.15 -> 0.06 s.  Outputs identical (OCR 100 k, SMH dev, the audit).
BLOCK_WORD_ID = True
#: Words a block of :data:`BLOCK_WORD_ID`'s sample (46 k counted words: ~1.4 k first words).
ID_BLOCK = 32


#: Switch: a loaded table's :meth:`NgramTable._bi_lp` is the compiled one
#: (``repair.score._ocrwalk.bigrams``: the same arrays read in place, the same float
#: operations in the same order) when the extension is built (issue 14, session 37).
C_BIGRAMS = True


def _compiled_bigrams(table: NgramTable) -> Callable[[int, int], float] | None:
    """``table``'s ``_bi_lp`` compiled, or ``None`` (no extension, or arrays that are not
    native unsigned 32-bit buffers: the Python method then runs)."""
    try:
        from repair.score import _ocrwalk  # type: ignore[attr-defined]
    except ImportError:
        return None
    try:
        return _ocrwalk.bigrams(  # type: ignore[no-any-return]
            table._hist, table._foll, table._prec, table._off, table._next, table._count,
            table._uni, table._cont_denominator, table._cont_floor, table._uni_denominator,
            table._listed_lp, OOV_LOGPROB, DISCOUNT, partial(NgramTable._bi_lp, table),
        )  # fmt: skip
    except (AttributeError, TypeError, ValueError, BufferError):  # AttributeError: an older build
        return None


class NgramTable:
    """A loaded table; use :func:`get_ngrams` for the shared instance.

    ``words`` is the optional list of known words without counts (read on the first
    :meth:`known` miss, not at start-up); ``names`` the optional list of personal and
    place names (read on the first :meth:`is_name`).
    """

    def __init__(
        self, path: str | Path, words: str | Path | None = None, names: str | Path | None = None
    ) -> None:
        self.path = Path(path)
        self._list_paths = {"words": words, "names": names}
        self._lists: dict[str, WordList] = {}
        self._lists_lock = threading.Lock()
        raw = _gunzip(self.path)
        nl = raw.find(b"\n")
        head = raw[: nl if nl >= 0 else 80].decode("utf-8", "replace").split()
        if len(head) != 6 or head[0] != MAGIC:
            raise NgramFormatError(
                f"{self.path}: line 1: expected '{MAGIC} {VERSION} V B TOKENS BLOBLEN', "
                f"got {' '.join(head)[:60]!r}"
            )
        if head[1] != str(VERSION):
            raise NgramFormatError(
                f"{self.path}: line 1: format version {head[1]}, this code reads {VERSION}"
            )
        try:
            nv, nb, self.tokens, blob_len = (int(x) for x in head[2:])
        except ValueError as exc:
            raise NgramFormatError(f"{self.path}: line 1: bad number in header") from exc
        nl2 = raw.find(b"\n", nl + 1)
        if nl2 < 0 or raw[nl + 1 : nl + 2] != b"#":
            raise NgramFormatError(f"{self.path}: line 2: expected a '# sources' comment line")
        self.note = raw[nl + 2 : nl2].decode("utf-8").strip()
        pos = nl2 + 1
        pos += -pos % 4
        self._blob = raw[pos : pos + blob_len]
        pos += blob_len + (-blob_len % 4)
        sizes = {"starts": nv, "unigram": nv, "history": nv, "followers": nv, "preceders": nv,
                 "offsets": nv + 1, "next": nb, "count": nb, "capital": nv}  # fmt: skip
        view = memoryview(raw)
        arrays: dict[str, Sequence[int]] = {}
        for name in _SECTIONS:
            width = 1 if name == "capital" else 4
            end = pos + sizes[name] * width
            if end > len(raw):
                raise NgramFormatError(f"{self.path}: section {name!r}: file truncated")
            if width == 1:
                arrays[name] = view[pos:end]
            elif sys.byteorder == "little":  # zero copy: a typed view of the bytes
                arrays[name] = view[pos:end].cast("I")
            else:
                arr = array("I")
                arr.frombytes(raw[pos:end])
                arrays[name] = _le(arr)
            pos = end
        if pos != len(raw) or len(self._blob) != blob_len:
            raise NgramFormatError(f"{self.path}: {len(raw) - pos} trailing bytes after the arrays")
        self._starts = arrays["starts"]
        if nv and (self._starts[0] != 0 or self._starts[nv - 1] > blob_len):
            raise NgramFormatError(f"{self.path}: section 'starts': offsets out of range")
        self._raw = raw  # keeps the viewed bytes alive
        self.size = nv
        self._uni = arrays["unigram"]
        self._hist = arrays["history"]
        self._foll = arrays["followers"]
        self._prec = arrays["preceders"]
        self.bigram_types = sum(self._foll)  # before pruning
        self._cont_denominator = self.bigram_types + 0.5 * self.size
        self._cont_floor = math.log(0.5 / self._cont_denominator)
        self._cap = arrays["capital"]
        self._off = arrays["offsets"]
        self._next = arrays["next"]
        self._count = arrays["count"]
        self.bigrams = nb
        self._uni_denominator = self.tokens + 0.5 * self.size
        self._listed_lp = math.log(0.5 / self._uni_denominator)
        self._heads: list[bytes] | None = None  # :meth:`_id_heads`, on the first miss
        self.word_id = lru_cache(maxsize=WORD_ID_CACHE)(self._word_id)
        if KNOWN_MEMO:  # the same answers, each distinct word worked out once (issue 14)
            self.known = lru_cache(maxsize=KNOWN_CACHE)(self._known)  # type: ignore[method-assign]
        if C_BIGRAMS:
            fast = _compiled_bigrams(self)
            if fast is not None:
                self._bi_lp = fast  # type: ignore[method-assign]

    # -- vocabulary -----------------------------------------------------------
    def _word(self, i: int) -> bytes:
        end = self._starts[i + 1] - 1 if i + 1 < self.size else len(self._blob)
        return self._blob[self._starts[i] : end]

    def _word_id(self, word: str) -> int:
        """Id of a normalised counted word; -2 for a listed-only word, -1 if unknown."""
        key = word.encode("utf-8")
        if BLOCK_WORD_ID and key and b"\n" not in key and self.size:
            i = self._find_id(key)
            if i >= 0:
                return i
            return -2 if word in self.word_list() else -1
        return self._word_id_bisect(word)

    def _find_id(self, key: bytes) -> int:
        """The id of the counted word ``key`` (bytes, no newline), or -1: the block of
        :data:`ID_BLOCK` words whose first word is the last <= ``key`` (a bisection in C),
        the key's line found inside it (``bytes.find``), its id by its start."""
        heads = self._heads if self._heads is not None else self._id_heads()
        b = bisect_right(heads, key) - 1
        if b < 0:
            return -1
        first = b * ID_BLOCK
        if heads[b] == key:
            return first
        blob, starts = self._blob, self._starts
        lo = starts[first]
        nxt = first + ID_BLOCK
        hi = starts[nxt] if nxt < self.size else len(blob)
        # the key's line lies inside the block (sorted lines): between two newlines, or the
        # blob's last line
        pos = blob.find(b"\n" + key + b"\n", lo, hi)
        if pos < 0:
            if hi != len(blob) or not blob.endswith(b"\n" + key):
                return -1
            pos = len(blob) - len(key) - 1
        return bisect_left(starts, pos + 1, first, min(nxt, self.size))

    def _id_heads(self) -> list[bytes]:
        """The first word of each block of :data:`ID_BLOCK` counted words (built once)."""
        self._heads = [self._word(i) for i in range(0, self.size, ID_BLOCK)]
        return self._heads

    def _word_id_bisect(self, word: str) -> int:
        """:meth:`_word_id` by a bisection of the word blob in Python (the plain form, kept
        for the tests and for keys the block search does not take)."""
        key = word.encode("utf-8")
        lo, hi = 0, self.size
        while lo < hi:
            mid = (lo + hi) // 2
            if self._word(mid) < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < self.size and self._word(lo) == key:
            return lo
        return -2 if word in self.word_list() else -1

    def _list(self, kind: str) -> WordList | frozenset[str]:
        wl = self._lists.get(kind)
        if wl is None:
            path = self._list_paths[kind]
            if path is None:
                return frozenset()
            with self._lists_lock:
                wl = self._lists.get(kind)
                if wl is None:
                    wl = self._lists[kind] = WordList(path)
        return wl

    def word_list(self) -> WordList | frozenset[str]:
        """The listed words (loaded on first use; empty if the table has none)."""
        return self._list("words")

    def name_list(self) -> WordList | frozenset[str]:
        """The listed personal and place names, lower case (loaded on first use; empty if
        the table has none)."""
        return self._list("names")

    def names(self) -> Iterator[str]:
        """The listed personal and place names (lower case; empty if the table has none)."""
        return iter(self._list("names"))

    def is_name(self, word: str) -> bool:
        """Whether ``word`` is a listed personal or place name (any case).

        Possessives count ("Parramatta's"), and the period's ``M'`` for ``Mc``/``Mac``
        ("M'Donald").  Names are kept apart from :meth:`known`: the surname list holds
        "From" and "Horn", so a name is weak evidence on its own.

        >>> n = get_ngrams().is_name
        >>> n("Parramatta"), n("Parramatta's"), n("M'Kenzie"), n("Tbe")
        (True, True, True, False)
        """
        names = self._list("names")
        w = _strip_possessive(norm(word))
        if w in names:
            return True
        if w.startswith("m'") and len(w) > 3:
            return "mc" + w[2:] in names or "mac" + w[2:] in names
        return False

    def known(self, word: str) -> bool:
        """Whether the table knows ``word`` (any case).

        Beyond the exact form: hyphenated words whose parts are known, possessives,
        the British ``-ise`` spellings of listed ``-ize`` words, and regular
        inflections (-s, -es, -ies, -ed, -ing) of a known stem, since the 1934 word
        list has few inflected forms.  Words of up to :data:`SHORT` letters, where
        OCR garble collides with rare words ("tho", "bo", "aud"), must occur at least
        :data:`SHORT_MIN_COUNT` times in the counted text.  This gate is deliberately
        strict: "via" and "nil" are not known; adding SCOWL's short words would also
        admit "tho", the commonest OCR error for "the" in the SMH set (42 % instead of
        27 % of damaged tokens accepted, ``benchmarks/ngram_eval.py``).

        >>> k = get_ngrams().known
        >>> k("to-morrow"), k("Tune"), k("macadamising"), k("tapsters"), k("tbe")
        (True, True, True, True, False)
        """
        return self._known(word)

    def _known(self, word: str) -> bool:
        """:meth:`known`, worked out (the table's answers never change once it is read)."""
        w = _strip_possessive(norm(word))
        if self._known_form(w):
            return True
        parts = w.split("-")
        return len(parts) > 1 and all(p and self._known_form(p) for p in parts)

    def _known_form(self, w: str) -> bool:
        i = self.word_id(w)
        if i >= 0:  # counted; a short word needs more than a stray occurrence
            return len(w) > SHORT or self._uni[i] >= SHORT_MIN_COUNT or w in (BOS, EOS)
        if i == -2:
            return len(w) > SHORT
        for v in _variants(w):
            j = self.word_id(v)
            if (j >= 0 and self._uni[j] >= 2 and len(v) > SHORT) or (j == -2 and len(v) > SHORT):
                return True
        return False

    def count(self, word: str) -> int:
        """How often ``word`` occurs in the counted corpus (0 for list-only words)."""
        i = self.word_id(norm(word))
        return self._uni[i] if i >= 0 else 0

    def capital_share(self, word: str) -> float | None:
        """Share of its mid-sentence occurrences written with a capital, or None if unseen.

        >>> get_ngrams().capital_share("june") > 0.9 > 0.1 > get_ngrams().capital_share("tune")
        True
        """
        i = self.word_id(norm(word))
        if i < 0 or not self._uni[i]:  # unknown, listed only, or <s>
            return None
        return self._cap[i] / 255.0

    # -- probabilities ----------------------------------------------------------
    def _uni_lp(self, i: int) -> float:
        if i < 0:
            return OOV_LOGPROB if i == -1 else self._listed_lp
        return math.log((self._uni[i] + 0.5) / self._uni_denominator)

    def unigram_logprob(self, word: str) -> float:
        """ln P(word): add-half smoothed corpus frequency; listed-only words get count 0.5.

        >>> get_ngrams().unigram_logprob("the") > get_ngrams().unigram_logprob("omnibus")
        True
        """
        return self._uni_lp(self.word_id(norm(word)))

    def _pair_count(self, a: int, b: int) -> int:
        lo, hi = self._off[a], self._off[a + 1]
        if lo == hi:
            return 0
        j = bisect_left(self._next, b, lo, hi)
        return self._count[j] if j < hi and self._next[j] == b else 0

    def _cont_p(self, i: int) -> float:
        """Kneser-Ney continuation probability: in how many contexts ``i`` was seen."""
        if i < 0:
            return math.exp(OOV_LOGPROB if i == -1 else self._cont_floor)
        return (self._prec[i] + 0.5) / self._cont_denominator

    def _bi_lp(self, a: int, b: int) -> float:
        if a < 0 or not self._hist[a]:
            return self._uni_lp(b)
        h = self._hist[a]
        c = self._pair_count(a, b) if b >= 0 else 0
        p = max(c - DISCOUNT, 0.0) / h + DISCOUNT * self._foll[a] / h * self._cont_p(b)
        return math.log(p)

    def bigram_logprob(self, prev: str, word: str) -> float:
        """ln P(word | prev), interpolated with the unigram (so never -inf).

        >>> get_ngrams().bigram_logprob("per", "cent") > get_ngrams().bigram_logprob("per", "rent")
        True
        """
        return self._bi_lp(self.word_id(norm(prev)), self.word_id(norm(word)))

    def context_score(self, left: str | None, word: str, right: str | None) -> float:
        """ln P(word | left) + ln P(right | word): how well ``word`` fits between its neighbours.

        ``left``/``right`` may be None (no neighbour: that side is skipped) or
        ``<s>``/``</s>``.  Compare candidates for one slot by this score; both
        sides count, so "horn" loses to "from" in "came ___ the".

        >>> s = get_ngrams().context_score
        >>> s("came", "from", "the") > s("came", "horn", "the")
        True
        """
        b = self.word_id(norm(word))
        score = self._bi_lp(self.word_id(norm(left)), b) if left is not None else self._uni_lp(b)
        if right is not None:
            score += self._bi_lp(b, self.word_id(norm(right)))
        return score

    def case_logprob(self, word: str, capitalised: bool) -> float:
        """ln P(a mid-sentence ``word`` is written with / without a capital).

        Evidence for broken capitals: "Tune" mid-sentence is likelier "June" (always
        capitalised) than "tune" (4 %).  Unseen words get 0.5; shares are kept within
        [0.02, 0.98].

        >>> c = get_ngrams().case_logprob
        >>> c("June", True) > c("tune", True)
        True
        """
        share = self.capital_share(word)
        share = 0.5 if share is None else min(max(share, 0.02), 0.98)
        return math.log(share if capitalised else 1.0 - share)

    def sequence_logprob(self, words: list[str]) -> float:
        """Sum of bigram log probabilities along ``words`` (the first by its unigram)."""
        ids = [self.word_id(norm(w)) for w in words]
        if not ids:
            return 0.0
        total = self._uni_lp(ids[0])
        for a, b in zip(ids, ids[1:], strict=False):
            total += self._bi_lp(a, b)
        return total


#: Weight of the pocketsphinx trigram in :func:`mixed_context_score` (tuned on SMH dev).
LM_WEIGHT = 0.8


def mixed_context_score(
    left: Sequence[str], word: str, right: str | None, lam: float = LM_WEIGHT
) -> float:
    """Both sides of ``word`` scored by the pocketsphinx trigram and this table, mixed.

    Each factor, P(word | two left words) and P(right | left word, word), is the
    linear interpolation ``lam * P_pocketsphinx + (1 - lam) * P_period``, so a word
    the modern model lacks ("picul", "Parramatta") still gets period evidence.
    ``left`` holds up to two words before ``word`` in reading order (may be empty).

    >>> mixed_context_score(["it", "came"], "from", "the") > mixed_context_score(
    ...     ["it", "came"], "horn", "the")
    True
    """
    from repair.resources.lm import get_lm

    lm, t = get_lm(), get_ngrams()
    left = list(left)[-2:]
    p_lm = lm.logprob(word, left)
    p_ng = t.bigram_logprob(left[-1], word) if left else t.unigram_logprob(word)
    score = math.log(lam * math.exp(p_lm) + (1 - lam) * math.exp(p_ng))
    if right is not None:
        p_lm = lm.logprob(right, [*left[-1:], word])
        p_ng = t.bigram_logprob(word, right)
        score += math.log(lam * math.exp(p_lm) + (1 - lam) * math.exp(p_ng))
    return score


_lock = threading.Lock()
_table: NgramTable | None = None


def default_path(name: str = DATA_FILE) -> Path:
    """Where a shipped file is (raises :class:`NgramFormatError` if absent)."""
    from repair.lexicons import LexiconError, lexicon_path

    try:
        return lexicon_path(name)
    except LexiconError as exc:
        raise NgramFormatError(str(exc)) from exc


def get_ngrams() -> NgramTable:
    """The shared table, loaded once per process on first call (thread-safe)."""
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                _table = NgramTable(
                    default_path(), default_path(WORDS_FILE), default_path(NAMES_FILE)
                )
    return _table
