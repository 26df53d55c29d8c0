"""A lost or added letter, or an accented glyph, where no learned confusion reaches (issue 12).

The learned confusion table (``lexicons/ocr_confusions.tsv``) has no row for a letter the
OCR lost or added (its only deletion rows are marks: "-", ".", "'"), so a print one letter
short or long of a word ("Sydey", "goverment", "consideration" printed "considerration")
got no reading from any builder (SMH dev, session 38: bucket D of
``benchmarks/smh_reach_why.py``, 51 gap tokens whose gold is listed but unreached).

For a flagged non-word token of a garbled page that no builder read (the caller checks:
the same tokens and guards as :mod:`repair.candidates.ocr_periodreach`, printed once,
a whole printed word, and not half of a word broken at a line end without its hyphen:
:func:`broken_word`), of :data:`MIN_LEN` letters or more, lower case or a name's shape,
that no list knows, the readings are: its accented glyphs read plain (the table's cost,
else :data:`ACCENT_COST`), or its one accented glyph read as another letter
(:data:`ACCENT_OTHER_COST`; not the first glyph), each of these or the print with one
letter lost (:data:`LETTER_COST`, a fixed cost fitted on SMH dev: the table has no such
row), and one letter added only beside an accented glyph (:data:`ADDED_LETTER`); no letter
lost or added at the word's first or last glyph (:data:`EDGE_LETTERS`), and a lost letter
alone only on a heavily garbled page (:data:`LOST_HEAVY`).  A reading must be a listed
word (the correction vocabulary, the period word list, or a word the page prints at least
:data:`PAGE_MIN_COUNT` times, never flagged); a capitalised token reads only as a name the
period name list holds or the page prints.  The cheapest tier's :data:`MAX_READINGS`
commonest readings are proposed; the two-sided scorer decides in context
(:data:`THRESHOLD`, :data:`LETTER_THRESHOLD` for a lost/added letter).

SMH dev, session 38: 2 tokens read, both right ("Lawence" -> "Lawrence", "beçin" ->
"begin"); ~0.3 ms a call (400 calls on SMH dev, 1.5 % of its CPU).

>>> [c.replacement for c in letter_candidates("Sydey")]
['Sydney']
>>> [c.replacement for c in letter_candidates("coinsidéred")]
['considered']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from repair.candidates.ocr_periodreach import word_shaped
from repair.candidates.ocr_rules import confusion_reading
from repair.resources.frequency import zipf
from repair.score.ocr_channel import confusions, is_known, strip_accents
from repair.types import Candidate, Token

#: Switch (see the module doc).
LETTER_REACH = True
#: Shortest token read (letters).
MIN_LEN = 5
#: Longest token read.
MAX_LEN = 20
#: Cost (nats) of a letter lost or added (the learned table has no such row).
LETTER_COST = 4.0
#: Cost of an accented glyph read as its plain letter when the table has no row for it.
ACCENT_COST = 2.0
#: Cost of the one accented glyph of a token read as another plain letter ("aíso").
ACCENT_OTHER_COST = 3.0
#: The commonest this many readings of the cheapest tier are proposed (none when one left
#: out is as common as the first).
MAX_READINGS = 3
#: Margin the reading needs in context: an accent read plain, or another letter ...
THRESHOLD = 0.0
#: ... a lost or added letter (weaker evidence: "fiste" is "fists", "bired" "hired").
LETTER_THRESHOLD = 2.0
#: A letter added with no accented glyph read ("considerration"): off, it read no token
#: right on SMH dev and ICDAR, and broke old spellings ("foorth", "meete"); a letter
#: added beside an accented glyph is read ("coinsidéred").
ADDED_LETTER = False
#: A lost letter alone (no accented glyph read) only on a heavily garbled page: on a
#: lightly garbled one it may be the author's slip ("cockroch", light suite).
LOST_HEAVY = True
#: A letter lost or added at a word's first or last glyph too, or an accented first glyph
#: read as another letter ("etools" is "stools", "winninge" "winnings", "ûames" "lames":
#: a substitution there, which the learned table reads).
EDGE_LETTERS = False
#: A page word printed this often (and never flagged) is a listed word of the page.
PAGE_MIN_COUNT = 2

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def letter_candidates(
    text: str,
    start: int = 0,
    reason: str = "nonword",
    page: Mapping[str, int] | None = None,
    heavy: bool = True,
) -> list[Candidate]:
    """The one-letter and accent readings of the flagged token ``text`` at ``start``
    (module doc); ``page``: the page's well-printed words and their counts; ``heavy``:
    the page is heavily garbled (a lost letter alone is read only there)."""
    if not LETTER_REACH or not word_shaped(text, MIN_LEN, MAX_LEN):
        return []
    capital = text[:1].isupper()
    page = page or {}
    low = text.lower()
    if zipf(low) > 0.0 or _in_lists(low, capital):
        return []
    out: list[Candidate] = []
    readings = _readings(low)
    if not heavy and LOST_HEAVY:  # an author's slip ("cockroch") on a lightly garbled page
        readings = tuple(r for r in readings if not all(len(a) != len(b) for a, b in r[2]))
    found = []
    for word, cost, subs in readings:
        if capital:
            form = word[:1].upper() + word[1:]
            if not (_in_names(word) or page.get(form, 0) >= 1):
                continue
        else:
            form = word
            if not (_in_words(word) or page.get(word, 0) >= PAGE_MIN_COUNT):
                continue
        found.append((form, cost, subs))
    if not found:
        return []
    cheapest = min(cost for _f, cost, _s in found)
    found = [x for x in found if x[1] <= cheapest]  # the cheapest tier only ...
    found.sort(key=lambda x: -zipf(x[0].lower()))  # ... its commonest words
    if len(found) > MAX_READINGS and zipf(found[MAX_READINGS][0].lower()) >= zipf(
        found[0][0].lower()
    ):
        return []  # no word stands out
    found = found[:MAX_READINGS]
    for form, cost, subs in found:
        lost = any(len(a) != len(b) for a, b in subs)
        threshold = LETTER_THRESHOLD if lost else THRESHOLD
        out.extend(
            confusion_reading(text, start, form, form, cost, subs, reason, threshold, letter=True)
        )
    return out


@lru_cache(maxsize=2048)
def _readings(low: str) -> tuple[tuple[str, float, tuple[tuple[str, str], ...]], ...]:
    """Each form of ``low`` with its accents read plain, then one letter lost or added
    (or neither, when an accent was read): ``(form, cost, subs)``, cheapest first."""
    base, cost, subs = low, 0.0, []
    plain = strip_accents(low)
    if plain != low:
        if not plain.isalpha() or not plain.isascii() or len(plain) != len(low):
            return ()  # ("İmove".lower() is "i" + a combining dot: no glyph-for-glyph reading)
        for a, b in zip(low, plain, strict=True):
            if a != b:
                cost += _accent_cost(a, b)
                subs.append((a, b))
        base = plain
    elif not low.isascii():
        return ()
    out: dict[str, tuple[float, tuple[tuple[str, str], ...]]] = {}
    if base != low:
        out[base] = (cost, tuple(subs))
        marked = [k for k, (a, b) in enumerate(zip(low, plain, strict=True)) if a != b]
        k = marked[0]
        if len(marked) == 1 and (EDGE_LETTERS or k > 0):
            # "aíso", "Wherà": the one accented glyph, after the first, as another letter
            for ch in _LETTERS:
                word = base[:k] + ch + base[k + 1 :]
                out.setdefault(word, (ACCENT_OTHER_COST, ((low[k], ch),)))
    inner = range(1, len(base) - 1) if not EDGE_LETTERS else range(len(base))
    if not ADDED_LETTER and base == low:
        inner = range(0)  # an added letter alone is no evidence ("foorth")
    for k in inner:  # an added letter: drop it
        word = base[:k] + base[k + 1 :]
        sub = (base[max(0, k - 1) : k + 1], base[max(0, k - 1) : k])
        out.setdefault(word, (cost + LETTER_COST, (*subs, sub)))
    for k in range(1, len(base)) if not EDGE_LETTERS else range(len(base) + 1):  # a lost one
        for ch in _LETTERS:
            word = base[:k] + ch + base[k:]
            prev = base[max(0, k - 1) : k]
            out.setdefault(word, (cost + LETTER_COST, (*subs, (prev, prev + ch))))
    out.pop(low, None)
    return tuple(sorted(((w, c, s) for w, (c, s) in out.items()), key=lambda x: (x[1], x[0])))


def broken_word(toks: Sequence[Token], i: int) -> bool:
    """Whether word ``i`` is half of a word broken at a line end without its hyphen
    ("Commän⏎der"): it and the word across the line break, joined, read as a known word
    (as printed, accents read plain, or one letter lost or added)."""
    pairs = []
    if i + 2 < len(toks) and toks[i + 1].kind == "space" and "\n" in toks[i + 1].text:
        pairs.append(toks[i].text + toks[i + 2].text)
    if i >= 2 and toks[i - 1].kind == "space" and "\n" in toks[i - 1].text:
        pairs.append(toks[i - 2].text + toks[i].text)
    for joined in pairs:
        low = joined.lower()
        if not low.isalpha():
            continue
        if is_known(strip_accents(low)) or any(is_known(w) for w, _c, _s in _readings(low)):
            return True
    return False


def _accent_cost(glyph: str, plain: str) -> float:
    for dst, cost in confusions().get(glyph, ()):
        if dst == plain:
            return cost
    return ACCENT_COST


def _in_words(low: str) -> bool:
    from repair.score.ngrams import get_ngrams

    return is_known(low) or low in get_ngrams().word_list()


def _in_names(low: str) -> bool:
    from repair.score.ngrams import get_ngrams

    return low in get_ngrams().name_list()


def _in_lists(low: str, capital: bool) -> bool:
    return _in_words(low) or (capital and _in_names(low))
