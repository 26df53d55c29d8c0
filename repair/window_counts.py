"""Whole-document counts for a big text repaired by windows (issues 11, 14).

A text over ``config.whole_document_chars`` is repaired by paragraph windows
(:func:`repair.pipeline.repair_windows`), each as a document of its own.  The spin stage
reads raw per-document counts (how often a word is written: ``Document.word_counts``;
how many of the first reading's rows map a written word to the same original: the word
model's ``same_mapping`` input, :func:`repair.score.spin_model.word_features`), so a
window read alone saw fewer of them than the whole text does, and its decisions differed
(benchmarks/RESULTS.md, "Session 56, spinwindows").

With :data:`WINDOW_COUNTS`, a *first pass* over every window (:func:`first_pass`)
counts the words of the whole text, kept as counts and never as tokens (bounded by the
vocabulary); the repair pass then repairs each window with the other windows' counts
added to its own (:func:`in_window`): ``Document.word_counts`` is the whole text's, the
word model's ``same_mapping`` is the window's rows' count scaled by the written word's
whole-text / window count (:data:`MAPPINGS`), and the spin profile's form and original
counts likewise (:data:`PROFILE`).  :data:`MAPPINGS` ``"rows"`` instead reads the spin
stage's rows of every window in the first pass (measured, not shipped: more CPU and
fewer differences removed).  A text repaired whole never runs the first pass: its
output is unchanged, byte for byte.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from repair.config import RepairConfig

#: A big text's windows read the whole text's counts (the module docstring), from a
#: first pass over every window.  Measured (benchmarks/spin_window_diff.py, spinbot dev;
#: benchmarks/RESULTS.md, "Session 57, spinwin"): edits differing whole vs windowed,
#: 2 copies of 12 documents 327 -> 99, 3,981 words in 3,000-code-point windows 133 -> 83,
#: 30,620 words in 50,000 1,190 -> 1,026; ``repair fix`` CPU on a 1.2 M-code-point spun
#: file 62.7 -> 62.6 s, peak RSS 368 -> 369 MB.  Texts under one window: unchanged (no
#: first pass).  False: each window reads its own counts only (the previous behaviour).
WINDOW_COUNTS = True
#: The first pass reads a window's spin rows only when its spin stage would run on it:
#: its share of common English words at least ``config.min_english_share`` (or English
#: function words at least :data:`repair.pipeline.ENGLISH_FUNCTION_SHARE`), as the
#: pipeline's English gate.
FIRST_PASS_ENGLISH = True
#: The first pass reads each window's spin rows under the whole text's word counts (the
#: words of every window counted in a reading of its own before), as the repair pass
#: reads them.  False: under the window's own word counts.
ROWS_WHOLE_WORDS = True

#: How a window's word model reads the whole text's ``same_mapping`` counts (how many
#: rows map a written word to the same original): "scaled", the window's own rows' count
#: times the written word's count in the whole text over its count in the window (the
#: other windows read as mapping the word as this one does; the first pass then counts
#: words only); "rows", the window's own count plus the other windows' counts of the
#: rows of the spin stage's first reading (the first pass then reads every window's spin
#: rows: :func:`spin_rows`); None: the window's own count.
MAPPINGS: str | None = "scaled"

#: "scaled" mappings only in a window whose rows' high-evidence share (the word model's
#: ``doc_flag_density``) is at least this: under it the whole text's reading stops early
#: (the spin stage's sequential test, :data:`repair.stages.spin.EARLY_DENSITY` 0.08 of
#: the rows examined), so its rows are a prefix of the text, not every window's (seed 000
#: four times in 3,000-code-point windows: 2 edits more than the whole repair without it).
SCALE_MIN_DENSITY = 0.08

#: A window's spin profile evidence (:func:`repair.detect.spin.spin_evidence`: a known
#: spinner's forms and their originals, counted in the document) reads the whole text's
#: counts: each form's and original's count in the window times its first word's count
#: in the whole text over its count in the window (:func:`scale`).  False: the window's.
PROFILE = True

#: A window's recurrence readers count a mapping's rows as the whole text would (session 58,
#: spinwin2): the phrase reader's recurrence (:func:`repair.stages.spin._recurring`,
#: ``PHRASE_RECUR`` rows of one written span and original), the hypernym and form readings'
#: habits (:func:`repair.stages.spin._habits`, the re-read rows' ``min_recur``) and the
#: route's every-place forms (:func:`repair.score.spin_route.every_place_forms`) read a
#: mapping's row count times its written form's whole/window count (:func:`recurrence`;
#: the other windows read as this one, as :data:`MAPPINGS` "scaled"), and "the original is
#: written nowhere" reads the whole text's words.  The word-row habits scale only where the
#: window's rows are dense enough (:data:`SCALE_MIN_DENSITY`, as :data:`MAPPINGS`; seed 000
#: x4 in 3,000-code-point windows gained 2 edits without it).  Measured
#: (benchmarks/spin_window_diff.py, spinbot dev, edits differing whole vs windowed; RESULTS.md
#: "Session 58, spinwin2"): all of this session's flags 2 copies x 12 documents 23, this one
#: off 61; the mixed 3,981-word text in 3,000-code-point windows 69, off 65 (windowed
#: token errors 621, off 612: the other windows there are not copies).  False: the
#: window's own rows.
RECURRENCE = True

#: A window's overuse reader (:func:`repair.candidates.spin_overuse.overuse_candidates`, a
#: Poisson ratio of raw counts read only in documents of at most ``MAX_WORDS`` words) reads
#: the whole text's length (a window of a text over ``MAX_WORDS`` words is then not read,
#: as the whole text is not) and each written word's and original's count scaled to the
#: whole text (:func:`scale`).  Measured (as :data:`RECURRENCE`): 2 copies 23, off 35; the
#: mixed text 69, off 83 (windowed token errors 621, off 607: the whole 3,981-word text is
#: not read, so its windows lose the overuse edits they made alone).  False: the window's
#: own counts and length.  Lead, session 58: shipped **False** — the mixed text is the case a
#: corpus file of many documents makes, and there this flag costs 14 of the 26 windowed token
#: errors the session's flags add (607 → 621); with it off, 2 copies differ in 35 edits (main 99).
OVERUSE = False

#: A window's spin profile reads each known form's context fit summed over the whole text's
#: occurrences (the window's sum times :func:`scale`, as its count) and the whole text's
#: length, so a form's evidence (nats) and the forms past the evidence bars are the whole
#: text's (session 58, spinwin2).  Measured: 2 and 4 copies unchanged (23, 49); the mixed
#: text 69, off 76 (token errors 621, off 618).  False: the window's sums (with
#: :data:`PROFILE`'s counts).
PROFILE_FIT = True

#: A window's document score (:func:`repair.score.spin_model.doc_features`: the rows' mean
#: probability and their top five) reads each row as many times as its written word is
#: written in the whole text over the window (:func:`row_weights`; the other windows read
#: as this one): the top five of the whole text's rows, not the window's (session 58,
#: spinwin2).  Measured: 2 copies 23, off 49; the mixed text unchanged (69).  False: the
#: window's rows once each.
DOC_TOP = True

#: A window's family marks (:class:`repair.detect.spin_family.FamilyEvidence`: distinct
#: marked written spans and count figures per 1,000 words) read the whole text's length
#: and its figures scaled by it (the other windows read as this one: the same spans, so
#: no more distinct ones, and as many figures a word), not the window's (session 58,
#: spinwin2).  Measured, shipped off: 2 and 4 copies unchanged (23, 49), the mixed text 69
#: -> 87 differing edits and windowed token errors 621 -> 648 (its windows' distinct spans
#: are not the whole text's: the window's family gate shuts where the whole's is open).
#: False: the window's.
FAMILY = False

#: :func:`scale` reads a form whose first word the word counts do not hold ("p.c.", a
#: form with punctuation) by its first run of letters ("p"), a word they count (session
#: 58, spinwin2).  Measured: 2 copies 23, off 29.  False: such a form reads as written
#: once in the whole text per window (scale 1).
SCALE_LETTERS = True
_LETTERS = re.compile(r"[^\W\d_]+")

#: The active window's counts from the other windows (:func:`in_window`); None outside.
_other_words: Counter[str] | None = None
_other_mappings: dict[tuple[str, str], int] | None = None
#: How many words the other windows hold (the sum of :data:`_other_words`), 0 outside.
_other_length = 0


@dataclass
class WholeCounts:
    """A first pass's counts over a text's windows (:func:`first_pass`)."""

    #: every window's lower-case word counts, summed
    words: Counter[str] = field(default_factory=Counter)
    #: mapping (written word lower-cased, original) -> its index in :attr:`totals`
    ids: dict[tuple[str, str], int] = field(default_factory=dict)
    #: the whole text's count of each mapping
    totals: array = field(default_factory=lambda: array("q"))
    #: each window's mappings: (indices, counts)
    own: list[tuple[array, array]] = field(default_factory=list)

    def add_window(self, words: Counter[str], mappings: Counter[tuple[str, str]]) -> None:
        """Count one more window (its word and mapping counts)."""
        self.words.update(words)
        idx, cnt = array("q"), array("q")
        for key, n in mappings.items():
            i = self.ids.get(key)
            if i is None:
                i = self.ids[key] = len(self.totals)
                self.totals.append(0)
            self.totals[i] += n
            idx.append(i)
            cnt.append(n)
        self.own.append((idx, cnt))

    def other_mappings(self, k: int) -> dict[tuple[str, str], int]:
        """The mappings' counts in every window but window ``k`` (those over 0)."""
        own = dict(zip(*self.own[k], strict=True)) if k < len(self.own) else {}
        return {
            key: left for key, i in self.ids.items() if (left := self.totals[i] - own.get(i, 0)) > 0
        }


def word_counts(text: str) -> Counter[str]:
    """How often each lower-case word is written in ``text`` (as ``Document.word_counts``)."""
    from repair.tokenize import tokenize

    return Counter(t.text.lower() for t in tokenize(text) if t.kind == "word")


def spin_rows(
    text: str,
    references: tuple[str, ...],
    config: RepairConfig,
    pairs: Mapping[str, tuple[str, float]],
) -> Counter[tuple[str, str]]:
    """The ``(written word lower-cased, original)`` mappings of the spin stage's first
    reading of ``text`` (its detection's rows), none when the stage would not read it."""
    if not config.spin:
        return Counter()
    from repair.document import Document
    from repair.pipeline import ENGLISH_FUNCTION_SHARE, english_function_share, english_share
    from repair.stages import load_stage

    doc = Document(text, references, config, pairs)
    if (
        FIRST_PASS_ENGLISH
        and english_share(doc) < config.min_english_share
        and english_function_share(doc) < ENGLISH_FUNCTION_SHARE
    ):
        return Counter()
    detection = load_stage("spin").detect(doc)
    rows = getattr(detection, "words", ())
    return Counter((w.written.lower(), w.original) for w in rows)


def first_pass(
    windows: Callable[[], Iterable[str]],
    references: tuple[str, ...],
    config: RepairConfig,
    pairs: Mapping[str, tuple[str, float]],
) -> WholeCounts:
    """The counts of every window of a text (``windows()`` yields their texts in order;
    called twice with :data:`ROWS_WHOLE_WORDS`: the words of every window are counted
    first, then each window's spin rows are read under the whole text's word counts)."""
    counts = WholeCounts()
    if ROWS_WHOLE_WORDS and MAPPINGS == "rows":
        for text in windows():
            counts.words.update(word_counts(text))
    for text in windows():
        words = word_counts(text)
        if MAPPINGS != "rows":
            counts.add_window(words, Counter())
        elif ROWS_WHOLE_WORDS:
            with _reading(counts.words - words):
                rows = spin_rows(text, references, config, pairs)
            counts.add_window(Counter(), rows)
        else:
            counts.add_window(words, spin_rows(text, references, config, pairs))
    return counts


@contextmanager
def _reading(other_words: Counter[str]) -> Iterator[None]:
    """Within: documents read ``other_words`` with their own word counts."""
    global _other_words, _other_length
    prev = _other_words, _other_length
    _other_words, _other_length = other_words, sum(other_words.values())
    try:
        yield
    finally:
        _other_words, _other_length = prev


@contextmanager
def in_window(counts: WholeCounts | None, k: int, text: str) -> Iterator[None]:
    """Within: window ``k`` (text ``text``) of the text ``counts`` counted reads the other
    windows' counts too (:func:`whole_word_counts`, :func:`other_mappings`)."""
    global _other_words, _other_mappings, _other_length
    if counts is None or len(counts.own) < 2:
        yield
        return
    prev = _other_words, _other_mappings, _other_length
    _other_words = counts.words - word_counts(text)
    _other_mappings = counts.other_mappings(k)
    _other_length = sum(_other_words.values())
    try:
        yield
    finally:
        _other_words, _other_mappings, _other_length = prev


def whole_word_counts(local: Counter[str]) -> Counter[str]:
    """``local`` (a document's own word counts) plus the other windows' counts inside
    :func:`in_window`, else ``local`` itself."""
    if not _other_words:
        return local
    out = Counter(local)
    out.update(_other_words)
    return out


def other_mappings() -> Mapping[tuple[str, str], int]:
    """The other windows' mapping counts inside :func:`in_window` (empty outside)."""
    return _other_mappings or {}


def whole_mappings(
    mapping: Counter[tuple[str, str]], counts: Mapping[str, int], density: float
) -> None:
    """``mapping`` (a window's rows' ``(written word, original)`` counts) made the whole
    text's, in place (:data:`MAPPINGS`); ``counts``: the window's ``Document.word_counts``
    (the whole text's inside :func:`in_window`); ``density``: the share of its rows with
    high evidence (:data:`SCALE_MIN_DENSITY`).  Outside :func:`in_window`: unchanged."""
    if MAPPINGS == "rows" and _other_mappings:
        for key in mapping:
            mapping[key] += _other_mappings.get(key, 0)
    elif MAPPINGS == "scaled" and _other_words and density >= SCALE_MIN_DENSITY:
        for key, n in mapping.items():
            other = _other_words.get(key[0], 0)
            whole = counts.get(key[0], 0)
            if other and whole > other:
                mapping[key] = n * whole / (whole - other)


def scale(phrase: str, counts: Mapping[str, int]) -> float:
    """How many times more often ``phrase`` is written in the whole text than in the active
    window, read off its first word (1.0 outside :func:`in_window`); ``counts``: the
    window's ``Document.word_counts`` (the whole text's inside :func:`in_window`)."""
    if not _other_words:
        return 1.0
    word = phrase.split(None, 1)[0].lower() if phrase.strip() else ""
    if SCALE_LETTERS and word not in counts and (run := _LETTERS.search(word)):
        word = run.group(0)  # "p.c.": its first run of letters, as the tokenizer counts it
    other = _other_words.get(word, 0)
    whole = counts.get(word, 0)
    return whole / (whole - other) if other and whole > other else 1.0


def recurrence(n: int, form: str, counts: Mapping[str, int]) -> float:
    """``n`` rows of the written ``form`` (a word or span) in the active window read as the
    whole text's count (:data:`RECURRENCE`: ``n`` times :func:`scale`; ``n`` outside
    :func:`in_window`); ``counts``: the window's ``Document.word_counts``.

    >>> recurrence(1, "folks", {"folks": 2})
    1
    """
    if not (RECURRENCE and _other_words):
        return n
    return n * scale(form, counts)


def row_weights(written: Iterable[str], counts: Mapping[str, int]) -> list[float] | None:
    """How many times each row (its ``written`` form) counts in the whole text under
    :data:`DOC_TOP` inside :func:`in_window` (:func:`scale`), else None (once each);
    ``counts``: the window's ``Document.word_counts``."""
    if not (DOC_TOP and _other_words):
        return None
    return [scale(w, counts) for w in written]


def family_counts(figures: int, words: int) -> tuple[int, int]:
    """A window's ``figures`` and ``words`` (its length) read as the whole text's under
    :data:`FAMILY` inside :func:`in_window`; else themselves."""
    if not (FAMILY and _other_words) or words <= 0:
        return figures, words
    whole = words + _other_length
    return round(figures * whole / words), whole


def other_words() -> Mapping[str, int]:
    """The other windows' word counts inside :func:`in_window` (empty outside)."""
    return _other_words or {}


def written_elsewhere(words: set[str]) -> set[str]:
    """``words`` (a window's lower-case written words) with the other windows' words added
    where :data:`RECURRENCE` is on inside :func:`in_window` ("the original is written
    nowhere" read over the whole text); else ``words`` itself."""
    if not (RECURRENCE and _other_words):
        return words
    return words | {w for w, n in _other_words.items() if n > 0}


def other_length() -> int:
    """How many words the other windows hold inside :func:`in_window` (0 outside)."""
    return _other_length if _other_words else 0


def windowed() -> bool:
    """Whether a window of a big text is being repaired with the other windows' counts."""
    return bool(_other_words)
