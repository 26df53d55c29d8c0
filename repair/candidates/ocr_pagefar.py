"""Heavily garbled words read as a word their own page prints: "Rognnont" beside "Regiment".

A heavy page garbles a word glyph by glyph, three or more letters wrong ("Parranvitta",
"Parmnatta" for "Parramatta"; "Vustrulluiis" for "Australians"; "plimitiff" for
"plaintiff"), beyond the learned-confusion walks, the far search's three plain edits and
the page-vocabulary readings (:mod:`repair.candidates.ocr_docvocab`: confusions;
:mod:`repair.candidates.ocr_pageedit`: one plain edit).  The long-word search
(:mod:`repair.candidates.ocr_farlong`) reads lower-case words only, against the common
words, and asks the cheapest to win by a clear margin; capitalised tokens are left
because a name no list knows is near some common word ("Woolcott", "Walcott").

The page is the evidence those searches lack.  A non-word of a heavy page (a detector
finding that no other reading reached: no candidate of its own span) is compared with
the words the page prints (known words and listed names, or capitalised forms it prints
:data:`NAME_COUNT` times) of about its length (:data:`SHORTER` letters shorter to
:data:`LONGER` longer), within :data:`DISTANCE_SHARE` of its length in plain edits and
sharing its first or last letter (case aside).  Every hit is priced by the learned
channel (:func:`repair.score.ocr_price.channel_cost`), and so are the common words the
long-word search retrieves for it; the cheapest must be a page word, cost at most
:data:`COST_PER_CHAR` nats a printed letter, and every other reading (page or common word)
must cost :data:`MARGIN` nats more.  The reading goes to the language-model scorer at
a cost capped at :data:`COST_CAP` (the margin, not the cost, says it is the only word),
on the far search's threshold.  No list of words or pairs: the page, the learned channel
and the two-sided context decide.  Heavy pages only (the caller's gate).

>>> from repair.tokenize import tokenize
>>> toks = tokenize("The Regiment marched. Then the Rognnont halted at the camp.")
>>> [(c.features["orig"][0], c.replacement) for c in page_far_candidates(toks, [11])]
[('Rognnont', 'Regiment')]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from repair.candidates import ocr_garbletarget
from repair.candidates.ocr_docvocab import _clean, _next_to_hyphen
from repair.candidates.ocr_pagewide import wide_reading
from repair.candidates.ocr_realword import line_broken_piece
from repair.candidates.ocr_rules import page_word_counts, word_cand
from repair.score import ocr_nearpool
from repair.score.ocr_channel import is_known, is_target, split_candidates, strip_accents
from repair.score.ocr_price import SLACK, channel_cost_upto, cheapest_priced  # module level: hot
from repair.types import Candidate, Token

#: The readings are built (hook in the garbled-page block of
#: :meth:`repair.candidates.ocr._Generator.candidates`).
PAGE_FAR = True
#: Letters a token has at least ...
MIN_LEN = 6
#: ... and at most (garbage runs, glued lines).
MAX_LEN = 20
#: A page word this many letters shorter than the token ...
SHORTER = 3
#: ... or longer is retrieved.
LONGER = 2
#: Plain edit distance of the retrieval: this share of the token's letters.
DISTANCE_SHARE = 0.5
#: The cheapest reading costs at most this many nats a printed letter ...
COST_PER_CHAR = 2.0
#: ... and every other page word at least this many nats more ...
MARGIN = 3.0
#: ... and every common word the page does not print at least ``MARGIN - PAGE_BONUS``
#: nats more: the page printing a word is evidence for it the common list lacks.
PAGE_BONUS = 3.0
#: The cost the scorer sees is capped at this (nats).
COST_CAP = 5.0
#: Switch (session 41, ocrpage41): the page bonus grows with how often the page prints
#: the reading (:func:`count_bonus`): a word the page prints nine times ("Council" x9)
#: beats a common word the page never prints ("clinch", half a nat cheaper for "Cmincil").
#: The token itself is still a non-word no list knows (:func:`_eligible`): a printed word
#: ("Mayor" beside "Major" x3) is never read here.  Off: SMH dev-a 2,001 / 3,245 ->
#: 2,001 / 3,243, dev-b 2,497 / 4,039 -> 2,496 / 4,037 ("Cmincil" -> Council), but test
#: 5,468 / 8,891 -> 5,468 / 8,893 chars (two edits more); ICDAR 1-80 no edit differs,
#: the 300 k-word OCR'd modern text 128 broken / 25,896 fixed both ways (session 41).
COUNT_BONUS = False
#: Nats of bonus per natural log of the page count ...
COUNT_BONUS_PER_LOG = 2.0
#: ... for a word the page prints at least this often (twice is weak evidence: a page
#: may print a garble or a rare name twice; SMH dev: "Ciotat" read as the page's
#: "Croft" x2).
COUNT_BONUS_MIN = 3
#: The count bonus is at most this (nats).
COUNT_BONUS_CAP = 4.0
#: A capitalised form no list knows is a target when the page prints it this often.
NAME_COUNT = 2
#: Shortest page word read to.
MIN_TARGET_LEN = 4
#: Unflagged capitalised forms with a capital or an accent inside are read too.
CASE_GARBLED = True
#: ... when their reading costs at most this many nats a printed glyph.
CASE_COST_PER_CHAR = 1.0
#: Only tokens no other reading reached (else every finding).
ONLY_BARE = False
#: A reading this many plain edits away at least (nearer ones: ``ocr_docvocab``,
#: ``ocr_pageedit`` and ``ocr_dropped``, with their own guards).
MIN_EDITS = 2
#: The scorer's threshold (the far search's).
THRESHOLD = -3.0


def count_bonus(n: int, on: bool | None = None) -> float:
    """The extra page bonus (nats) of a reading the page prints ``n`` times (any case):
    :data:`COUNT_BONUS_PER_LOG` a natural log of ``n``, at most :data:`COUNT_BONUS_CAP`;
    0 when off (``on``: instead of :data:`COUNT_BONUS`) or printed fewer than
    :data:`COUNT_BONUS_MIN` times.

    >>> count_bonus(2, on=True), round(count_bonus(3, on=True), 2), count_bonus(9, on=True)
    (0.0, 2.2, 4.0)
    """
    if not (COUNT_BONUS if on is None else on) or n < max(2, COUNT_BONUS_MIN):
        return 0.0
    return min(COUNT_BONUS_CAP, COUNT_BONUS_PER_LOG * math.log(n))


def lower_counts(counts: Mapping[str, int]) -> dict[str, int]:
    """The page's word counts by lower case (every casing of a word summed)."""
    out: dict[str, int] = {}
    for w, n in counts.items():
        low = w.lower()
        out[low] = out.get(low, 0) + n
    return out


def _letters(text: str) -> str:
    """``text`` without inner apostrophes ("YY'ltness": a mark the print added)."""
    return text.replace("'", "").replace("\u2019", "")


def _targets(counts: Mapping[str, int]) -> dict[str, str]:
    """The page's words a token may be read as: ``{lower case: the form printed most}``."""
    best: dict[str, tuple[int, str]] = {}
    for w, n in counts.items():
        if len(w) < MIN_TARGET_LEN or not w.isalpha():
            continue
        if not (_clean(w) or (n >= NAME_COUNT and w[:1].isupper() and w[1:].islower())):
            continue
        if not _clean(w) and ocr_garbletarget.garble_of(w, counts) is not None:
            continue  # "Fdward" x2 beside "Edward": a garble the page repeats
        low = w.lower()
        seen = best.get(low)
        if seen is None or n > seen[0]:
            best[low] = (n, w)
    return {low: w for low, (_n, w) in best.items()}


def _eligible(text: str, counts: Mapping[str, int]) -> bool:
    letters = _letters(text)
    if not (MIN_LEN <= len(letters) <= MAX_LEN) or not letters.isalpha():
        return False
    if letters != text:  # a mark inside: each piece a garble, not a word or a name
        pieces = text.replace("\u2019", "'").split("'")
        if any(not p or is_known(p.lower()) or _clean(p) for p in pieces):
            return False  # "M'Donald", "mot'prisoner", a possessive "'s"
    low = letters.lower()
    if counts.get(text, 0) >= 2 or is_known(letters) or is_known(low):
        return False
    if is_known(strip_accents(low)):
        return False  # an accented spelling of a word ("détente")
    if any(len(w) >= 3 and is_known(w) for w in (low[1:], low[:-1])):
        return False  # a glyph glued to a word ("Ithink", "Btable"): not one misreading
    glued = split_candidates(low) or (low[-1] == "a" and is_target(low[:-1]))
    if glued and letters[1:].islower():
        return False  # words run together ("tariffwas", "expecteda"): a split's job
    return not _clean(letters)


def _case_garbled(text: str) -> bool:
    """A capitalised form with a capital or an accented letter inside ("MeBsrs", "WalPS",
    "Föderal"): garble on a heavy page unless a word or a name (checked after)."""
    if not text[:1].isupper() or text.isupper() or len(text) < MIN_LEN:
        return False
    return any(c.isupper() or not c.isascii() for c in text[1:])


def _cased(text: str, form: str) -> str:
    """The page's ``form`` cased as the print means it."""
    letters = _letters(text)
    if form.isupper():
        form = form.lower() if is_known(form.lower()) else form.capitalize()  # a heading
    if sum(c.isupper() for c in letters) > len(letters) / 2:
        return form.upper()
    if letters[:1].isupper():
        return form[:1].upper() + form[1:]
    if form[:1].isupper() and form[1:].islower() and is_known(form.lower()):
        return form.lower()  # a word the page also prints in a title
    return form


#: ``{(length, letter): [page words of that length starting with it]}`` and the same by
#: last letter: the retrieval's pool without a pass over the whole page per token; then
#: ``{(length, last letter, first letter): [the last-letter list's words not starting
#: with that first letter]}``, filled as tokens ask (:func:`_pool`).
ShapeIndex = tuple[
    dict[tuple[int, str], list[str]],
    dict[tuple[int, str], list[str]],
    dict[tuple[int, str, str], list[str]],
]

#: Switch: :func:`_pool` remembers, per page, the filtered last-letter lists (issue 14,
#: session 40: the filter was ~0.6 % of 100 k OCR words); off, filtered at every token.
POOL_MEMO = True


def shape_index(targets: Iterable[str]) -> ShapeIndex:
    """The page words by (length, first letter) and by (length, last letter)."""
    first: dict[tuple[int, str], list[str]] = {}
    last: dict[tuple[int, str], list[str]] = {}
    for w in targets:
        first.setdefault((len(w), w[0]), []).append(w)
        last.setdefault((len(w), w[-1]), []).append(w)
    return first, last, {}


def _pool(low: str, shapes: ShapeIndex) -> list[str]:
    """The page words of about ``low``'s length sharing its first or last letter (each
    once; the order is immaterial: the hits are priced and sorted by cost and word)."""
    first, last, others = shapes
    n, a, z = len(low), low[0], low[-1]
    out: list[str] = []
    for size in range(n - SHORTER, n + LONGER + 1):
        out.extend(first.get((size, a), ()))
        if not POOL_MEMO:
            out.extend(w for w in last.get((size, z), ()) if w[0] != a)
            continue
        rest = others.get((size, z, a))
        if rest is None:
            rest = others[(size, z, a)] = [w for w in last.get((size, z), ()) if w[0] != a]
        out += rest
    return out


#: Switch: a token whose cheapest page word is sure to be a near misprint (fewer than
#: :data:`MIN_EDITS` plain edits away) is refused before every page word is priced to
#: the margin (:func:`_near_misprint_cheapest`; issue 14, session 40: 666 of the 1,526
#: tokens of 100 k OCR words end there).  The same refusals: off, every word is priced.
NEAR_FIRST = True


def _near_misprint_cheapest(letters: str, near: list[tuple[int, str]], cap: float) -> bool:
    """Whether the cheapest of ``near`` (``(plain distance, page word)``) as a reading of
    ``letters`` -- the first of :func:`repair.score.ocr_price.cheapest_priced`'s list,
    by (cost, word) -- is sure to be fewer than :data:`MIN_EDITS` plain edits away: the
    cheapest such near word costs at most ``cap`` (+ ``SLACK``, as there) and every
    further word is dearer, or as dear and after it by word (each priced only up to that
    cost).  ``False`` when it cannot tell (the caller then prices every word)."""
    best: tuple[float, str] | None = None
    limit = cap + SLACK
    for d, w in near:
        if d < MIN_EDITS:
            c = channel_cost_upto(letters, w, limit)
            if c <= limit and (best is None or (c, w) < best):
                best = (c, w)
    if best is None:
        return False
    for d, w in near:
        if d >= MIN_EDITS and (channel_cost_upto(letters, w, best[0]), w) < best:
            return False  # as cheap or cheaper: a word further away may come first
    return True


def page_far_reading(
    text: str,
    targets: Mapping[str, str],
    shapes: ShapeIndex | None = None,
    tier: tuple[float, float, float] | None = None,
    page_counts: Mapping[str, int] | None = None,
) -> tuple[str, float] | None:
    """The page word (lower case) ``text`` is a heavy misreading of, and its channel
    cost, or ``None`` (module doc).  ``shapes``: :func:`shape_index` of ``targets``
    (built here if ``None``).  ``tier``: (distance share, cost per letter, page
    bonus) instead of this module's (:mod:`ocr_pagewide`'s wider tier).  ``page_counts``:
    the page's counts by lower case (:func:`lower_counts`), for :func:`count_bonus`."""
    from rapidfuzz.distance import Levenshtein

    from repair.candidates.ocr_farlong import _drops_a_piece, anchored_words

    share, per_char, bonus = tier or (DISTANCE_SHARE, COST_PER_CHAR, PAGE_BONUS)
    letters = _letters(text)
    low = letters.lower()
    n = len(low)
    cutoff = int(n * share)
    pool = _pool(low, shape_index(targets) if shapes is None else shapes)
    if not pool:
        return None
    hits = ocr_nearpool.extract(low, pool, cutoff, None)
    if not hits:
        return None
    near = [(d, w) for w, d, _k in hits if w != low]
    if NEAR_FIRST and _near_misprint_cheapest(letters, near, per_char * n):
        return None  # as below, without pricing every page word to the margin
    page = cheapest_priced(letters, near, per_char * n, MARGIN)
    if page and Levenshtein.distance(low, page[0][1]) < MIN_EDITS:
        return None  # a near misprint: the page-vocabulary readings' own guards decide
    if not page or page[0][0] > per_char * n:
        return None
    best_cost, best = page[0]
    if _drops_a_piece(low, best):
        return None  # a glued word or a piece dropped ("forNowcastle" is no "Newcastle")
    if len(page) > 1 and page[1][0] - best_cost < MARGIN:
        return None
    if page_counts is not None:
        bonus += count_bonus(page_counts.get(best, 0))
    words = anchored_words(range(n - SHORTER, n + LONGER + 1), low[0], low[-1])
    common = ocr_nearpool.extract(low, words, cutoff, None)
    for w, _d, _k in common:
        if w in targets or w == low:
            continue
        bound = best_cost + (MARGIN - bonus) + SLACK  # dearer: no rival (``SLACK``)
        if channel_cost_upto(letters, w, bound) - best_cost < MARGIN - bonus:
            return None
    return best, best_cost


def page_far_candidates(
    toks: list[Token],
    indices: Iterable[int],
    counts: Mapping[str, int] | None = None,
    covered: frozenset[tuple[int, int]] = frozenset(),
) -> list[Candidate]:
    """Readings of the tokens at ``indices`` (the detector's findings) whose span is not
    in ``covered`` (spans other readings reached) as words their page prints (module
    doc).  ``counts``: the page's word counts (counted if ``None``)."""
    if not PAGE_FAR:
        return []
    if counts is None:
        counts = page_word_counts(toks)
    targets: dict[str, str] | None = None
    shapes: ShapeIndex | None = None
    lows: dict[str, int] | None = None
    memo: dict[str, tuple[str, float] | None] = {}
    out: list[Candidate] = []
    flagged = set(indices)
    if CASE_GARBLED:  # the detector leaves mixed-case and accented capitalised forms
        indices = sorted(
            flagged
            | {
                i
                for i, t in enumerate(toks)
                # the first test of ``_case_garbled`` before the call (issue 14, session 38)
                if t.kind == "word" and t.text[:1].isupper() and _case_garbled(t.text)
            }
        )
    else:
        indices = sorted(flagged)
    eligible: dict[str, bool] = {}  # by type: the test reads the text and its count only
    for i in indices:
        t = toks[i]
        if t.kind != "word" or (ONLY_BARE and (t.start, t.end) in covered):
            continue
        ok = eligible.get(t.text)
        if ok is None:
            ok = eligible[t.text] = _eligible(t.text, counts)
        if not ok:
            continue
        if _next_to_hyphen(toks, i) or line_broken_piece(toks, i):
            continue
        if targets is None:
            targets = _targets(counts)
            shapes = shape_index(targets)
            lows = lower_counts(counts) if COUNT_BONUS else None
        if t.text not in memo:
            memo[t.text] = page_far_reading(t.text, targets, shapes, None, lows) or wide_reading(
                t.text, targets, shapes, lows
            )
        found = memo[t.text]
        if found is None:
            continue
        word, cost = found
        if i not in flagged and cost > CASE_COST_PER_CHAR * len(t.text):
            continue  # an unflagged form only a few cheap glyphs away ("TikTok" is no "Tokyo")
        form = _cased(t.text, targets[word])
        out.append(
            word_cand(
                t,
                form,
                "OCR_DOC_WORD",
                finding="page_far",
                cost=min(cost, COST_CAP),
                threshold=THRESHOLD,
            )
        )
    return out
