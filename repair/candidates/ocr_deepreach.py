"""Deep reach: words two to four glyph errors away, weighed as a noisy channel (issue 12).

Every OCR reader reaches a word through the learned confusions within a bound: the cheap
walk (7.5 nats, 3 confusions), the wide search (up to 10 nats), the far retrieval
(:mod:`repair.candidates.ocr_far`: common words, lower case, 6 + 0.6 nats a letter), the
period lists (:mod:`repair.candidates.ocr_periodreach`: one learned path over a prefix),
a lost or accented letter (:mod:`repair.candidates.ocr_letter`).  On SMH dev, session 40,
the gap tokens with no candidate whose gold is listed include two-glyph garbles priced
beyond every bound or with a glyph pair no row lists ("Houison" Houston, "Llsmorr"
Lismore, "Parranvitta" Parramatta, "iltmarsli" Saltmarsh, "llrlndlev" Brindley).

For a flagged token of a heavily garbled page that no builder read (the caller checks: the
tokens :mod:`~repair.candidates.ocr_periodreach` and :mod:`~repair.candidates.ocr_letter`
read first, then found nothing for), of :data:`MIN_LEN` to :data:`MAX_LEN` letters,
lower case or a name's shape, known to no list:

* **retrieval**: the common words (Zipf >= 3, :mod:`~repair.candidates.ocr_far`'s list)
  and, for a capitalised token, the period names, of the token's length +-
  :data:`LEN_SLACK`, within :data:`NEAR_SHARE` of its length in plain edits (the
  :data:`NEAR_LIMIT` nearest);
* **channel**: each priced by the learned table with generic edits where it has no row
  (:func:`repair.score.ocr_price.channel_cost_upto`), up to :func:`bound`;
* **prior**: a word's commonness (:data:`PRIOR_PER_ZIPF` nats a Zipf below
  :data:`PRIOR_TOP`);
* **keep**: the print as a real word no list knows is priced by how English it spells, a
  character 4-gram model of the period lists (:func:`repair.score.char_ngrams.spelling_cost`).
  The reading (channel + prior) must cost :data:`KEEP_MARGIN` nats less than the print's
  spelling and lead the next reading by :data:`AMBIGUOUS`.

The reading goes to the two-sided scorer at :data:`THRESHOLD` (the page's context
decides).  Switch :data:`DEEP_REACH` (on): see ``benchmarks/RESULTS.md``, session 40,
ocrreach40.

>>> [c.replacement for c in deep_candidates("Llsmorr")]
['Lismore']
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates.ocr_periodreach import word_shaped
from repair.candidates.ocr_rules import confusion_reading
from repair.resources.frequency import zipf
from repair.score import ocr_nearpool
from repair.types import Candidate

#: Switch (see the module doc).
DEEP_REACH = True
#: Shortest and longest token read (letters).
MIN_LEN = 5
MAX_LEN = 20
#: Retrieval: lengths within this many letters of the token's ...
LEN_SLACK = 1
#: ... within this share of its length in plain edits (at least 2) ...
NEAR_SHARE = 0.5
#: ... the nearest this many ...
NEAR_LIMIT = 12
#: ... among the words whose first letter is the print's, or one the learned table reads
#: the print's first glyph or two as at most HEAD_COST nats ("Cvideuco": C -> E).
ANCHORED = True
HEAD_COST = 4.0
#: Most a reading may cost (nats): a fixed part and a part a letter, capped.
BOUND_BASE = 6.0
BOUND_PER_CHAR = 1.0
BOUND_CAP = 14.0
#: Prior: nats a Zipf below PRIOR_TOP (a name wordfreq does not count: NAME_ZIPF).
PRIOR_PER_ZIPF = 1.5
PRIOR_TOP = 6.0
NAME_ZIPF = 1.5
#: The reading (channel + prior) must cost this much less than the print's spelling ...
KEEP_MARGIN = 10.0
#: ... and this much less than the next reading.
AMBIGUOUS = 1.0
#: Margin the reading needs in context.
THRESHOLD = -1.0
#: Capitalised tokens are read (as names or capitalised words).
CAPITALS = True
#: Tokens in capitals ("TOAVN") are read too (as capitals).
UPPER = False


def deep_candidates(text: str, start: int = 0, reason: str = "nonword") -> list[Candidate]:
    """The deep reading of the flagged token ``text`` at ``start`` (module doc)."""
    if not DEEP_REACH:
        return []
    caps = UPPER and MIN_LEN <= len(text) <= MAX_LEN and text.isalpha() and text.isupper()
    if not (caps or word_shaped(text, MIN_LEN, MAX_LEN)):
        return []
    capital = text[:1].isupper()
    if capital and not CAPITALS:
        return []
    best = deep_reading(text)
    if best is None:
        return []
    word, cost = best
    form = word.upper() if caps else word[:1].upper() + word[1:] if capital else word
    return confusion_reading(
        text, start, form, word, cost, ((text, word),), reason, THRESHOLD, deep=True
    )


@lru_cache(maxsize=2048)
def deep_reading(text: str) -> tuple[str, float] | None:
    """(word, channel cost) of ``text``'s deep reading, or ``None`` (module doc)."""
    from repair.score.char_ngrams import spelling_cost
    from repair.score.ocr_price import channel_cost_upto

    low = text.lower()
    if zipf(low) > 0.0 or _listed(low) or merged(low):
        return None
    capital = text[:1].isupper()
    limit = bound(text)
    scored = []
    for word in _near(text, capital):
        if low.startswith(word) or low.endswith(word):
            continue  # the print is the word and a glued piece ("securinga")
        cost = channel_cost_upto(text, word, limit)
        if cost > limit:
            continue
        z = zipf(word)
        if capital and z < NAME_ZIPF:
            z = NAME_ZIPF  # a period name wordfreq does not count
        scored.append((cost + PRIOR_PER_ZIPF * max(0.0, PRIOR_TOP - z), cost, word))
    if not scored:
        return None
    scored.sort()
    total, cost, word = scored[0]
    if len(scored) > 1 and scored[1][0] - total < AMBIGUOUS:
        return None
    if spelling_cost(low) - total < KEEP_MARGIN:
        return None  # the print spells like a word: a real word no list knows
    return word, cost


def merged(low: str) -> bool:
    """Whether ``low`` reads as two words glued ("expecteda" is "expected a"), as
    :func:`repair.candidates.ocr_far.far_applies` asks: no one misreading."""
    from repair.score.ocr_channel import is_target, split_candidates

    return bool(split_candidates(low)) or (low[-1] == "a" and is_target(low[:-1]))


def bound(text: str) -> float:
    """Most a deep reading of ``text`` may cost (nats)."""
    return min(BOUND_CAP, BOUND_BASE + BOUND_PER_CHAR * len(text))


def _listed(low: str) -> bool:
    from repair.score.ngrams import get_ngrams

    table = get_ngrams()
    return low in table.word_list() or low in table.name_list() or table.known(low)


def _near(text: str, capital: bool) -> list[str]:

    low = text.lower()
    n = len(low)
    pool = [w for head in _heads(text) for w in _pool(n, capital, head)] if ANCHORED else None
    if pool is None:
        pool = [w for head in _LETTERS for w in _pool(n, capital, head)]
    if not pool:
        return []
    cut = max(2, int(n * NEAR_SHARE + 0.5))
    hits = ocr_nearpool.extract(low, pool, cut, NEAR_LIMIT)
    return sorted({w for w, _d, _k in hits if w != low})


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _heads(text: str) -> list[str]:
    """The first letters ``text`` may stand for: its own (lower case) and those the
    learned table reads its first glyph or two as, at most :data:`HEAD_COST` nats."""
    from repair.score.ocr_channel import confusions

    rows = confusions()
    out = {text[0].lower()}
    for src in (text[:1], text[:2]):
        for dst, cost in rows.get(src, ()):
            if cost <= HEAD_COST and dst[:1].isalpha():
                out.add(dst[0].lower())
    return sorted(h for h in out if h in _LETTERS)


def _pool(n: int, capital: bool, head: str) -> tuple[str, ...]:
    """The words (and, ``capital``, the names) of length ``n`` +- :data:`LEN_SLACK` that
    start with ``head``."""
    out: tuple[str, ...] = ()
    for k in range(n - LEN_SLACK, n + LEN_SLACK + 1):
        out += _by_head(k, False).get(head, ())
        if capital:
            out += _by_head(k, True).get(head, ())
    return out


@lru_cache(maxsize=64)
def _by_head(n: int, names: bool) -> dict[str, tuple[str, ...]]:
    """The words (or the names) of length ``n`` by first letter."""
    out: dict[str, list[str]] = {}
    for w in _names_of(n) if names else _words_of(n):
        out.setdefault(w[0], []).append(w)
    return {h: tuple(v) for h, v in out.items()}


@lru_cache(maxsize=64)
def _words_of(n: int) -> tuple[str, ...]:
    from repair.candidates.ocr_far import _by_length

    return tuple(_by_length().get(n, ()))  # Zipf >= ocr_far.TARGET_ZIPF (3) already


@lru_cache(maxsize=1)
def _names_by_length() -> dict[int, tuple[str, ...]]:
    from repair.score.ngrams import get_ngrams

    out: dict[int, list[str]] = {}
    for w in get_ngrams().names():
        if w.isalpha() and len(w) >= 4:
            out.setdefault(len(w), []).append(w)
    return {k: tuple(v) for k, v in out.items()}


def _names_of(n: int) -> tuple[str, ...]:
    return _names_by_length().get(n, ())
