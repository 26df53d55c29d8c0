"""A garbled word one plain edit from a word the page prints more often.

The page's own vocabulary (:mod:`repair.candidates.ocr_docvocab`) reads a garbled token
as a word the page prints more often when the learned glyph confusions lead there.  Some
misprints are no confusion the table lists: a dropped inner letter ("Lawence" beside
"Lawrence" x10), a broken capital ("Frnest" beside "Ernest" x2), a letter read as
another the table does not pair ("Colline" beside "Collins" x3).  When the confusion
search finds no page word, a page word at one plain edit (one letter inserted, deleted
or replaced, case aside) is the reading, if it is a known word or listed name, printed
at least :data:`MIN_COUNT` times and at least as often as the token ("Frnest" x2 beside
"Ernest" x2 in a list of names), and the only such word (else the most printed one, if
it leads).  Its cost is a generic edit's
(:data:`EDIT_COST`) less the page's odds, ``ln(n(target) / n(token))``; the scorer
decides in context as for every reading.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping

#: Switch (``ocr_docvocab`` reads it).  Off (session 36, ``benchmarks/ocr_ablation.py``):
#: its gain is one token of SMH dev-b ("Lawence" -> "Lawrence"), none on dev-a, test or
#: ICDAR files 1-80, and on the held-out part of ICDAR file 81 it read real foreign words
#: as the page's words ("morte" -> "more", "ferar" -> "fear"): 4 chars, 2 broken tokens.
PLAIN = False
#: Shortest token read this way.
MIN_LEN = 5
#: A target is printed at least this often.
MIN_COUNT = 2
#: ... and this many times more often than the token (0: as often will do).
LEAD = 0
#: A replaced letter is an edit too (else only a letter lost or added inside a word: the
#: learned confusions price replaced letters, and what they do not reach is mostly no
#: misprint, "Peard" beside "Heard", "Brieg" beside "Bring").
SUBSTITUTIONS = False
#: A token the page prints more often than this is read so by nobody.
MAX_REPEATS = 2
#: Cost (nats) of the one plain edit, before the page's odds.
EDIT_COST = 5.0


def _inner(printed: str, word: str) -> bool:
    """Whether the one edit from ``printed`` to ``word`` is a replaced letter, or a letter
    lost or added inside the word: a letter more or less at either end is a glued word
    ("Ichallenge", "froma") or a piece of a broken one ("ation", "invit"), and a doubled
    letter more or less is a spelling ("Gallahad" beside "Galahad"), not a misprint."""
    if len(printed) == len(word):
        return SUBSTITUTIONS
    if printed[0] != word[0] or printed[-1] != word[-1]:
        return False
    longer, shorter = (printed, word) if len(printed) > len(word) else (word, printed)
    for i in range(1, len(longer) - 1):
        if longer[:i] + longer[i + 1 :] == shorter:
            return longer[i] not in (longer[i - 1], longer[i + 1])  # "Gallahad", "Philip"
    return False


class PageIndex:
    """The page's targets grouped for :func:`plain_edit_target` (issue 14): a scan of every
    target per token was ~20 % of an OCR run at 100 k words.  Built lazily, once per page
    (``targets`` and ``counts`` must not change after).  A target one letter longer or
    shorter shares the token's first and last letter (:func:`_inner`), so only the
    targets of the token's length +-1 with its first and last letter are tried; forms
    whose lower case changes their length are tried for every token, and a token whose
    lower case changes its length scans all targets: the same answer as the plain scan."""

    __slots__ = ("_counts", "_groups", "_lower_counts", "_odd", "_targets")

    def __init__(self, targets: Mapping[str, int], counts: Mapping[str, int]) -> None:
        self._targets, self._counts = targets, counts
        self._groups: dict[tuple[int, bool, str, str], list[tuple[str, int]]] | None = None
        self._odd: list[tuple[str, int]] = []
        self._lower_counts: dict[str, int] | None = None

    def candidates(self, text: str, low: str, caps: bool) -> Iterable[tuple[str, int]]:
        """The targets the plain scan could accept for ``text`` (a superset, in no
        particular order; each is checked as in the scan)."""
        if self._groups is None:
            groups: dict[tuple[int, bool, str, str], list[tuple[str, int]]] = {}
            for w, n in self._targets.items():
                if n < MIN_COUNT:
                    continue
                wl = w.lower()
                if len(wl) != len(w) or not w:
                    self._odd.append((w, n))
                    continue
                groups.setdefault((len(w), w.isupper(), wl[0], wl[-1]), []).append((w, n))
            self._groups = groups
        if SUBSTITUTIONS or len(low) != len(text) or not text:
            return self._targets.items()  # the plain scan (same checks follow)
        out = list(self._odd)
        for size in (len(text) - 1, len(text) + 1):
            out += self._groups.get((size, caps, low[0], low[-1]), ())
        return out

    def mine(self, low: str) -> int:
        """How often the page prints ``low`` in any case (the scan's sum)."""
        if self._lower_counts is None:
            lower: dict[str, int] = {}
            for w, n in self._counts.items():
                wl = w.lower()
                lower[wl] = lower.get(wl, 0) + n
            self._lower_counts = lower
        return self._lower_counts.get(low, 0)


def plain_edit_target(
    text: str,
    counts: Mapping[str, int],
    targets: Mapping[str, int],
    clean: Callable[[str], bool],
    index: PageIndex | None = None,
) -> tuple[str, float] | None:
    """The page word (a key of ``targets``) one plain edit from ``text`` and its cost, or
    ``None``; ``counts``: the page's counts; ``clean``: whether a form is a word or name.
    ``index``: a :class:`PageIndex` of the same ``targets`` and ``counts`` (same answer,
    fewer targets tried)."""
    if len(text) < MIN_LEN or not text.isalpha():
        return None
    from rapidfuzz.distance import Levenshtein  # not loaded for clean text (cold start)

    low = text.lower()
    caps = text.isupper()
    found: list[tuple[int, str]] = []
    pool = targets.items() if index is None else index.candidates(text, low, caps)
    for w, n in pool:
        if n < MIN_COUNT or abs(len(w) - len(text)) > 1 or w.isupper() != caps:
            continue  # capitals (a heading) are no reading of a word in text, nor back
        if Levenshtein.distance(low, w.lower(), score_cutoff=1) != 1 or not _inner(low, w.lower()):
            continue
        found.append((n, w))
    if not found:
        return None
    if index is None:
        mine = max(1, sum(n for w, n in counts.items() if w.lower() == low))  # any case
    else:
        mine = max(1, index.mine(low))
    if mine > MAX_REPEATS:
        return None  # a form printed this often is the writer's ("dappy" x3 beside "happy")
    hits = [(n, w) for n, w in found if n >= mine + LEAD and clean(w)]
    if not hits:
        return None
    hits.sort(reverse=True)
    if len(hits) > 1 and hits[1][0] == hits[0][0]:
        return None  # two page words as near: no evidence for either
    n, w = hits[0]
    if text[:1].isupper() and w[:1].islower():
        w = w[:1].upper() + w[1:]  # a sentence's first word ("Spendimg" beside "spending")
    elif text.islower() and w[:1].isupper() and clean(w.lower()):
        w = w.lower()  # a word the page also prints in a title ("bareau", "Bureau")
    return w, EDIT_COST - math.log(n / mine)
