"""Two printed pieces of a word the page prints whole elsewhere: "dol ars" on a page of
"dollars" x30, "steel age" beside "steerage" x2 (issue 12, session 41).

The stray-space join (:mod:`repair.candidates.ocr_spacejoin`) asks a non-word piece and
a common reading; the line join (:mod:`repair.candidates.ocr_line_join`) a line break.
Two real words a stray space cut from one ("steel age", "dol ars") pass neither: each is
a word, and the LM alone often likes the two words.  The page is the evidence here: it
prints the whole word elsewhere, on its own, at least :data:`MIN_COUNT` times.

For each two words of a garbled page separated by one space or one line break, the
joined string (:data:`MIN_LEN` letters or more) is compared with the page's own words
of about its length (the same first letter, at most :data:`MAX_EDITS` plain edits) and
priced by the learned channel (:func:`repair.score.ocr_price.channel_cost`, at most
:data:`MAX_COST` nats).  The cheapest goes to the context model at that price plus the
spacing cost, less the page's support (``log`` of its count, at most :data:`MAX_BONUS`).
Two pieces that are both very common words (:data:`COMMON_PIECES_ZIPF`: "in to", "any
thing") are no split word.  No pairs are listed: the evidence is the page's counts and
the learned table's costs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from functools import partial

from repair.candidates.ocr_rules import join_cand
from repair.candidates.ocr_spacejoin import _capitalised, _glued
from repair.candidates.ocr_spacing import SPACING_COST
from repair.resources.frequency import zipf
from repair.score import ocr_nearpool
from repair.score.ocr_channel import is_known, is_target
from repair.types import Candidate, Token

#: Switch (module doc).
PAGE_JOIN = True
#: Only on heavily garbled pages (the caller's gate).
HEAVY_ONLY = True
#: The page prints the whole word at least this many times.
MIN_COUNT = 2
#: Fewest letters of the joined string.
MIN_LEN = 6
#: Most plain edits between the joined string and the page's word (case-blind).
MAX_EDITS = 2
#: Most channel cost (nats) of reading the joined string as the page's word.
MAX_COST = 5.0
#: Most page support (nats) taken off the price.
MAX_BONUS = 2.0
#: Two pieces both this common (Zipf) are two words.
COMMON_PIECES_ZIPF = 5.5
#: A one-letter word ("a", "A", "I") is never a piece (as :data:`repair.candidates.
#: ocr_spacejoin.LETTER_WORDS`): "carbou a group" is no "carbons group", "escape a
#: round-up" no "around-up" (OCR'd modern text audit, session 50: 3 of 30 dev breaks).
LETTER_PIECES = True
_LETTER_PIECES = frozenset("aAI")
#: A dear reading (channel cost at least :data:`DEAR_COST` nats) of two pieces, one a
#: common word of its own (Zipf at least :data:`DEAR_PIECE_ZIPF`) and the other no common
#: word (below :data:`PAIR_MIN_ZIPF`), is that word beside garble, no split word: "to burn
#: ina finger formation" is no "burning finger" (a -> g), "it beli-" no "itself".  Two
#: words ("steel age" on a page of "steerage", l -> r) are what the join is for: a first
#: version without the second test lost that SMH dev fix (session 50, ocraudit50).
#: ``None``: off.
DEAR_COST: float | None = 4.0
DEAR_PIECE_ZIPF = 4.0
#: Margin (nats) the join asks in context.
THRESHOLD = 0.0
#: The page's word is a word (known, or a listed name), not a run-together garble the
#: page repeats ("thcentury", "Berlinis" on the 1 M-word OCR text: session 41).
KNOWN_WORDS = True
#: Each piece is a whole printed word: no letter or digit glued to its outer side
#: ("17th century" is no "th" + "century").
WHOLE_PIECES = True
#: The page's word keeps at least the pieces' letters ("River as" is no "Rivers").
KEEP_LETTERS = True
#: A joined string that is itself a word ("st atus": status) is read as itself only.
JOINED_WORD = True
#: The join is in lower case after a lower-case piece unless the corpus writes the word
#: with a capital ("du ring" is "during" though the page prints "During").
LOWER_CASE = True
#: Two known words the page prints as the same two words at least this many times are the
#: page's spelling, not a split word ("per cent" x4 beside "percent" x3 in a page of mixed
#: sources; "every day", "any one"): no join (``0``: off).  A stray space is the engine's
#: accident and seldom cuts the same word at the same place twice.  OCR'd modern text,
#: 300 k words (``/work/wt/reports44/audit.py 300000``, session 44): off 571 broken /
#: 28,172 fixed; 2: see benchmarks/RESULTS.md, "Session 44, lead".
PAIR_REPEATS = 2
#: ... and each of the two is a common word (Zipf): "per" 5.5, "cent" 4.8; a page that
#: repeats an engine's cut of a word ("dol ars": "dol" 2.9) is still read.
PAIR_MIN_ZIPF = 3.5
#: Two pieces cut where the page's own two-word spelling of the joined word puts its
#: space ("pcr cent", "per ceut" on a page that prints "per cent" again and again beside
#: "percent") are that spelling with a garbled piece, not a word a stray space cut: no
#: join (the pieces are left to the word readers).  The page prints the pair at least
#: :data:`PAIR_REPEATS` times.  Session 46 (ocrprec46), on against off (with
#: ocr_stops.MIN_SENTENCE_WORDS): OCR'd modern text (``/work/wt/reports46/audit.py
#: 300000``) 183 -> 159 broken, 28,166 -> 28,190 fixed; SMH dev 4,329 / 7,040 both, test
#: 5,356 / 8,690 (main 5,357 / 8,691); light suite, ICDAR, clean gate unchanged
#: (benchmarks/RESULTS.md, "Session 46, ocrprec46").
PAIR_CUT = True


def _separator(tok: Token) -> bool:
    """One space, or one line break with nothing else but spaces."""
    if tok.kind != "space":
        return False
    return tok.text == " " or (tok.text.count("\n") == 1 and not tok.text.strip())


def _word(w: str) -> bool:
    """Whether the page's ``w`` is a word (:data:`KNOWN_WORDS`)."""
    if not KNOWN_WORDS or is_known(w):
        return True
    from repair.score.ngrams import get_ngrams

    return w[:1].isupper() and get_ngrams().is_name(w)


def _common_beside_garble(left: str, right: str) -> bool:
    """Whether one piece is a common word (:data:`DEAR_PIECE_ZIPF`) and the other no common
    word (below :data:`PAIR_MIN_ZIPF`): "burn ina" ("ina" 3.2); "steel age" is not."""
    a, b = zipf(left.lower()), zipf(right.lower())
    return (a >= DEAR_PIECE_ZIPF and b < PAIR_MIN_ZIPF) or (
        b >= DEAR_PIECE_ZIPF and a < PAIR_MIN_ZIPF
    )


def _page_words(counts: Mapping[str, int]) -> dict[str, list[tuple[str, int]]]:
    """The page's words printed :data:`MIN_COUNT` times or more (alphabetic, of
    :data:`MIN_LEN` - 1 letters or more; :func:`_word`), by their first letter (lower
    case); a word printed in several cases counts once for all (its commonest form)."""
    forms: dict[str, list[tuple[str, int]]] = {}
    for w, n in counts.items():
        if len(w) >= MIN_LEN - 1 and w.isalpha():
            forms.setdefault(w.lower(), []).append((w, n))
    out: dict[str, list[tuple[str, int]]] = {}
    for low, got in forms.items():
        n = sum(k for _w, k in got)
        w = max(got, key=lambda x: x[1])[0]
        if n >= MIN_COUNT and _word(w):
            out.setdefault(low[0], []).append((w, n))
    return out


def _cased(w: str, left: str) -> str:
    """The page's word ``w`` in the case of the printed pieces (``left`` the first): as
    the page prints it, capitalised after a capital ("Steel age" -> "Steerage"), in
    capitals after capitals; under :data:`LOWER_CASE` a page's capitals are no evidence
    of their own ("du ring" is "during" beside the page's "During", "Mothei s" is
    "Mothers" beside its "MOTHERS'"), only the corpus's habit ("bj dnoy": "Sydney")."""
    if not LOWER_CASE:
        return w[:1].upper() + w[1:] if left[:1].isupper() and w.islower() else w
    if len(left) > 1 and left.isupper():
        return w.upper()
    low = w.lower()
    form = w[:1] + w[1:].lower() if w.isupper() else w  # "MOTHERS" -> "Mothers"
    if left[:1].isupper() or _capitalised(low):
        return form[:1].upper() + form[1:]  # "McDonald" keeps its inner capital
    return low


def _by_length(got: list[tuple[str, int]]) -> dict[int, list[tuple[int, str]]]:
    """A letter's page words (:func:`_page_words`) in lower case by length: (index in
    ``got``, word) of each word of that length, in list order."""
    out: dict[int, list[tuple[int, str]]] = {}
    for k, (w, _n) in enumerate(got):
        wl = w.lower()
        out.setdefault(len(wl), []).append((k, wl))
    return out


def _pool(by_len: Mapping[int, list[tuple[int, str]]], size: int) -> tuple[list[str], list[int]]:
    """The page words (lower case) a joined string of ``size`` letters can read as, in list
    order, and their indices: a word more than :data:`MAX_EDITS` letters longer or shorter
    is never within MAX_EDITS plain edits, and under :data:`KEEP_LETTERS` a shorter one
    never passes."""
    low_size = size if KEEP_LETTERS else size - MAX_EDITS
    got = sorted(x for n in range(low_size, size + MAX_EDITS + 1) for x in by_len.get(n, ()))
    return [w for _k, w in got], [k for k, _w in got]


def _best(
    left: str,
    right: str,
    joined: str,
    words: Mapping[str, list[tuple[str, int]]],
    pools: Callable[[str, int], tuple[list[str], list[int]]],
    channel_cost: Callable[[str, str], float],
    near_words: Callable[[str, list[str]], list[tuple[str, float, int]]],
) -> tuple[float, str, int] | None:
    """(cost, page word, its count) of the cheapest page word ``left`` + ``right`` reads
    as (module doc), None when none does; ``pools(letter, size)``: :func:`_pool`;
    ``near_words(string, pool)``: the pool's words within :data:`MAX_EDITS` plain edits
    (rapidfuzz's ``extract``: word, distance, index in the pool)."""
    if min(zipf(left.lower()), zipf(right.lower())) >= COMMON_PIECES_ZIPF:
        return None  # "in to", "any thing": two words
    low = joined.lower()
    itself = JOINED_WORD and is_target(low)
    best: tuple[float, str, int] | None = None
    got = words.get(low[0], [])
    pool, where = pools(low[0], len(low))
    for k in sorted(where[j] for _wl, _d, j in near_words(low, pool)):
        w, n = got[k]
        wl = w.lower()
        if abs(len(wl) - len(low)) > MAX_EDITS or wl in (left.lower(), right.lower()):
            continue
        if (itself and wl != low) or (KEEP_LETTERS and len(wl) < len(low)):
            continue  # "st atus" is status; "River as" no "Rivers"
        c = 0.0 if wl == low else channel_cost(low, wl)
        if c <= MAX_COST and (best is None or c < best[0]):
            best = (c, w, n)
    return best


def _printed_pairs(toks: list[Token]) -> dict[tuple[str, str], int]:
    """How often the page prints each two common words (the first in lower case) as two
    words, one space or line break apart (:data:`PAIR_REPEATS`)."""
    from collections import Counter

    got: Counter[tuple[str, str]] = Counter()
    for i in range(len(toks) - 2):
        a, sep, b = toks[i], toks[i + 1], toks[i + 2]
        if a.kind == "word" and b.kind == "word" and _separator(sep) and b.text.islower():
            got[(a.text.lower(), b.text)] += 1
    return {
        k: n
        for k, n in got.items()
        if n >= PAIR_REPEATS and min(zipf(k[0]), zipf(k[1].lower())) >= PAIR_MIN_ZIPF
    }


def _page_pair(word: str, cut: int, printed: Mapping[tuple[str, str], int]) -> bool:
    """Whether the page prints ``word`` cut after ``cut`` letters as two words
    :data:`PAIR_REPEATS` times or more (``printed``: :func:`_printed_pairs`).

    >>> pairs = {("per", "cent"): 4}
    >>> _page_pair("percent", 3, pairs), _page_pair("percent", 4, pairs)
    (True, False)
    """
    low = word.lower()
    return bool(PAIR_REPEATS) and printed.get((low[:cut], low[cut:]), 0) >= PAIR_REPEATS


def page_join_candidates(toks: list[Token], counts: Mapping[str, int]) -> list[Candidate]:
    """Joins of two printed words into a word the page prints whole (module doc);
    ``counts``: the page's word counts (``Counter(t.text for t in words)``)."""
    if not PAGE_JOIN:
        return []
    from repair.score.ocr_price import channel_cost

    near_words = partial(ocr_nearpool.extract, cutoff=MAX_EDITS, limit=None)
    words = _page_words(counts)
    if not words:
        return []
    # each letter's words in lower case, by length: a pair asks rapidfuzz for the ones
    # within MAX_EDITS among the lengths it can reach, in one call, in list order
    # (issue 14: a long page prints thousands of words a letter, too many for a Python
    # loop per pair; a word more than MAX_EDITS letters longer or shorter is never
    # within MAX_EDITS plain edits)
    lows = {first: _by_length(got) for first, got in words.items()}
    pooled: dict[tuple[str, int], tuple[list[str], list[int]]] = {}

    def pools(first: str, size: int) -> tuple[list[str], list[int]]:
        key = (first, size)
        if key not in pooled:
            pooled[key] = _pool(lows.get(first, {}), size)
        return pooled[key]

    # each (left, right) pair's page word, read once a page (issue 14: the same two
    # pieces recur; the reading depends on the pieces and the page only)
    read: dict[tuple[str, str], tuple[float, str, int] | None] = {}
    printed = _printed_pairs(toks) if PAIR_REPEATS else {}
    out: list[Candidate] = []
    for i in range(len(toks) - 2):
        a, sep, b = toks[i], toks[i + 1], toks[i + 2]
        if a.kind != "word" or b.kind != "word" or not _separator(sep):
            continue
        left, right = a.text, b.text
        joined = left + right
        if len(joined) < MIN_LEN or not joined.isalpha() or not right.islower():
            continue
        if LETTER_PIECES and (left in _LETTER_PIECES or right in _LETTER_PIECES):
            continue  # "carbou a", "a round": "a" is a word
        key = (left, right)
        if PAIR_REPEATS and printed.get((left.lower(), right), 0) >= PAIR_REPEATS:
            continue  # the page's spelling: "per cent" printed again and again
        if key in read:
            best = read[key]
        else:
            best = read[key] = _best(left, right, joined, words, pools, channel_cost, near_words)
        if best is None:
            continue
        if WHOLE_PIECES and (_glued(toks, i - 1, a.start) or _glued(toks, i + 3, b.end)):
            continue  # "17th century": a piece cut from a longer printed string
        c, w, n = best
        if DEAR_COST is not None and c >= DEAR_COST and _common_beside_garble(left, right):
            continue  # "burn ina": a common word beside garble, read dear as one
        if PAIR_CUT and _page_pair(w, len(left), printed):
            continue  # "pcr cent" on a page of "per cent": the page's two words
        text = _cased(w, left)
        bonus = min(MAX_BONUS, math.log(n))
        out.append(
            join_cand(
                a,
                b,
                text,
                finding="page_join",
                cost=SPACING_COST + c - bonus,
                threshold=THRESHOLD,
                page_join=True,
            )
        )
    return out
