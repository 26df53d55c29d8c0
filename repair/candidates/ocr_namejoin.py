"""A name or word cut in two by a stray space that the page never prints whole: "Prank
fort" (Frankfort), "Hem mlngway" (Hemmingway), "Kev In" (Kevin) (issue 12, session 55).

The page join (:mod:`repair.candidates.ocr_pagejoin`) and the cut join
(:mod:`repair.candidates.ocr_cutjoin`) read two pieces as a word the page prints elsewhere;
the stray-space join (:mod:`repair.candidates.ocr_spacejoin`) reads common words only, and
never beside a common piece.  A name printed once, in two pieces, falls between them: the
page has no other copy and the name is rare.

Here two whole printed pieces one space or one line break apart (no hyphen: "Prank⏎fort")
-- a capitalised head (not all
capitals) and a tail in lower case or capitalised ("In", "Iey": a misread "l") -- are read
as one string, and the heavy page's learned-confusion search
(:func:`repair.score.ocr_search.wide_candidates` with the period name list) reads that
string as a listed name or known word within :data:`MAX_COST` nats (the string itself, at
no cost, when it is one).  Precision guards:

* two pieces both this common (:data:`COMMON_PIECES_ZIPF`) are two words ("What more");
* when both pieces are words a correction may produce, the corpus must never have seen
  them together (:data:`PAIR_SEEN`: "Police station" stays) and must count the reading
  ("Prank fort": Frankfort); a capitalised tail only after a head that
  is no such word ("Kev In"; "Mary Alice", "West Head" are two words);
* a head of :data:`MIN_HEAD` letters or more; a short tail (:data:`SHORT_TAIL`) only after
  a head that is no common word, and no one-letter word as a tail ("Commemorate a");
* the page printing the same two pieces twice is the page's spelling, and a reading the
  page prints :data:`ocr_pagejoin.MIN_COUNT` times is the page join's;
* the reading keeps the pieces' letters but one, and is neither piece.

Clean modern text is full of two-word names, so session 56 added guards for them (each
behind its own flag): a capitalised tail that is a name of its own ("Mal Brough") or any
word written as a surname ("Hol Wick"), a listed given name before a capitalised tail, a
tail heading a hyphened compound name ("Saud al-Rasheed") or a name particle before a
capital ("Luan da Cunha"), a function-word tail after a name ("Kar in"), and a common
tail word the reading would change ("Seven told") all keep the pieces apart.

The reading goes to the context model at the channel's price plus the lost space, and
must clear :data:`THRESHOLD` nats.  No pairs are listed: the name list, the learned
table and the corpus counts decide.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from repair.candidates import ocr_pagejoin
from repair.candidates.ocr_rules import join_cand
from repair.candidates.ocr_spacejoin import _glued
from repair.candidates.ocr_spacing import SPACING_COST
from repair.resources.frequency import zipf
from repair.score.ngrams import get_ngrams
from repair.score.ocr_channel import is_target
from repair.types import Candidate, Token

#: Switch (module doc; hook in :mod:`repair.candidates.ocr` beside the cut join, garbled
#: pages that are not old print).  Session 55 (ocrnamejoin) shipped it OFF: SMH dev -6
#: tokens, but the OCR audit's test half 63 -> 79 broken ("Mal Brough" -> Malbrough, "Saud
#: al-Rasheed" -> Sandal-Rasheed).  Session 56 (namejoin) added the guards below for clean
#: modern names, built on a dev-side name stress set (~50 k words of faker names and listed
#: names split at a given name; candidate level 387 -> 1 proposals, pipeline 0 breaks) and
#: turned it ON: SMH dev 4,248 / 6,929 -> 4,242 / 6,920, proxy dev 4,783 / 7,919 -> 4,779 /
#: 7,912, audit dev 1 broken as main (fixed +7), census dev and clean English identical
#: (benchmarks/RESULTS.md, "Session 56, namejoin").
NAME_JOIN = True
#: Fewest letters of the joined pieces.
MIN_LEN = 5
#: Most channel cost (nats) of reading the joined pieces as the name or word.
MAX_COST = 3.0
#: Two pieces both this common (Zipf) are two words.
COMMON_PIECES_ZIPF = 5.5
#: Two pieces that are both words: the corpus sees them together at most this often (and
#: counts the reading itself); a pair it has seen is two words ("Police station").
PAIR_SEEN = 0
#: The page prints the same two pieces this many times: its spelling.
PAGE_PAIRS = 2
#: Margin (nats) the join asks in context.
THRESHOLD = 1.0
#: Fewest letters of the head: a two-letter head is a word or a title ("Ho won" is no
#: "Rowen", "Ho died" no "Bodied"; SMH dev, first version).
MIN_HEAD = 3
#: A tail of :data:`SHORT_TAIL` letters or fewer follows only a head less common than this
#: (Zipf): after a common word it is a garbled short word ("Beach oa" is no "Beaches").
SHORT_TAIL = 2
SHORT_TAIL_HEAD_ZIPF = 4.0
#: Guard (session 56, namejoin; the idea came from session 55's audit test-half failure
#: "Mal Brough" -> Malbrough): a capitalised tail that is a listed name the period text does
#: not mostly write in lower case, or any word it mostly writes capitalised
#: (:data:`PROPER_SHARE`), is a second name, not a piece ("Kev In" still joins: "in" is
#: listed but capitalised in 2 % of its mid-sentence uses).  Measured on the dev-side name
#: stress set and SMH dev (benchmarks/RESULTS.md, "Session 56, namejoin").
TAIL_NAME = True
#: Mid-sentence capital share at or above which a word is a name of its own.
PROPER_SHARE = 0.5
#: Guard (session 56, namejoin; the idea came from session 55's audit test-half failure
#: "Saud al-Rasheed" -> Sandal-Rasheed): a tail glued to a following hyphen, or a head
#: glued to a preceding one, is part of a compound ("al-Rasheed", "Abu-Bakr"), never a piece.
HYPHEN_COMPOUND = True
#: Guard (session 56, namejoin): a head that is a listed name the period text does not
#: mostly write in lower case, followed by a capitalised tail, is two names ("Anna Marsh").
NAME_HEAD = True
#: Guard (session 56, namejoin; from the dev-side name stress set: "Kar in" -> Karin, "Nori
#: and" -> Norland, "Hit her" -> Hither): a lower-case tail this common (Zipf,
#: :data:`COMMON_TAIL_ZIPF`) is a word of its own after a name; SMH dev's right joins have
#: tails below it ("Bnl four", "New town").
COMMON_TAIL = True
COMMON_TAIL_ZIPF = 6.0
#: Guard (session 56, namejoin; from the dev-side name stress set: "Hol Wick", "Kil Worth",
#: "Ast Wood" -> Holwick, Kilworth, Astwood, listed names): a capitalised tail that is a word
#: or name of any kind (listed, a target word, or Zipf >= :data:`CAP_TAIL_MIN_ZIPF`) is a
#: surname; a capitalised tail joins only when it is no word at all ("Chom Iey") or a
#: function word (Zipf >= :data:`COMMON_TAIL_ZIPF`: "Kev In"), which no name is.
CAP_TAIL_WORD = True
CAP_TAIL_MIN_ZIPF = 1.0
#: Guard (session 56, namejoin; from the dev-side name stress set: "Luan da Cunha",
#: "Michel le Blanc", "Har bin Laden"): a lower-case tail of :data:`PARTICLE_LEN` letters or
#: fewer followed by a capitalised word (after a space, a line break or a hyphen) is a name
#: particle, not a piece (SMH dev's right joins have longer tails: "Vin⏎cent Fljnii").
PARTICLE_TAIL = True
PARTICLE_LEN = 3
#: Session 56, namejoin (session 55's "cheap cases with no listed reading": "Chom⏎Iey" ->
#: Chomley): a pair with no listed reading is read by
#: :mod:`repair.candidates.ocr_nameshape`'s character model of names over the joined
#: string (the tail lower-cased), priced at :data:`SHAPE_COST` nats, only when neither
#: piece is a word or name of any kind.  OFF (results only, RESULTS.md "Session 56,
#: namejoin"): candidate level, SMH dev 12 -> 46 proposals, no new reading in the gold;
#: the dev-side name stress set 1 -> 9 joins ("Bepp Cantimori" -> Beepcantimori).
NAME_SHAPE_JOIN = False
#: Channel price (nats) of a name-shape reading of the joined pieces.
SHAPE_COST = 3.0
#: Guard (session 56, namejoin; from the dev-side name stress set: "Seven told" ->
#: Sevenfold, "Toro told" -> Foretold): a lower-case tail that is a common target word (Zipf
#: >= :data:`WORD_TAIL_ZIPF`) is kept as printed: the reading must end in it ("Bnl four" ->
#: Balfour, "New town" -> Newtown still join; a reading that also changes such a word is
#: a name followed by a word).
WORD_TAIL_KEPT = True
WORD_TAIL_ZIPF = 5.0


def _tail_ok(left: str, right: str) -> bool:
    """A tail piece: lower case, or capitalised with the rest lower after a head that is no
    word a correction may produce ("Kev In", "Chom Iey"; "Mary Alice", "West Head" are two
    words); a short tail only after a head no common word (:data:`SHORT_TAIL`), and never a
    one-letter word ("a", "I", "o": ICDAR's "Commemorate a" is no "Commemorates")."""
    if len(right) <= SHORT_TAIL and zipf(left.lower()) >= SHORT_TAIL_HEAD_ZIPF:
        return False
    if len(right) == 1 and is_target(right.lower()):
        return False  # "Commemorate a", "Meot a": a one-letter word is no piece
    if right.islower():
        return True
    return (
        len(right) > 1
        and right[0].isupper()
        and right[1:].islower()
        and not is_target(left.lower())
    )


def _proper(word: str) -> bool:
    """Whether ``word`` is a name of its own: a listed name the period text does not mostly
    write in lower case (never counted: "Brough"), or a word it mostly writes capitalised
    (:data:`PROPER_SHARE`)."""
    low = word.lower()
    table = get_ngrams()
    share = table.capital_share(low)
    if share is not None and share >= PROPER_SHARE:
        return True
    return table.is_name(low) and share is None


def _surname_word(word: str) -> bool:
    """Whether capitalised ``word`` reads as a surname: a listed name, a target word or a
    counted word (:data:`CAP_TAIL_MIN_ZIPF`) that is no function word
    (:data:`COMMON_TAIL_ZIPF`: "In" is a misread piece, "Wick" a surname)."""
    low = word.lower()
    z = zipf(low)
    if z >= COMMON_TAIL_ZIPF:
        return False
    return z >= CAP_TAIL_MIN_ZIPF or is_target(low) or get_ngrams().is_name(low)


def _word_tail_changed(tail: str, reading: str) -> bool:
    """Whether a lower-case common target word ``tail`` (:data:`WORD_TAIL_ZIPF`) is not
    kept at the end of ``reading``."""
    low = tail.lower()
    if not tail.islower() or zipf(low) < WORD_TAIL_ZIPF or not is_target(low):
        return False
    return not reading.endswith(low)


def _particle(toks: list[Token], i: int) -> bool:
    """Whether the tail ``toks[i + 2]`` is a short lower-case word before a capitalised one
    (a space, a line break or a hyphen apart): a name particle ("da Cunha", "bin Laden")."""
    tail = toks[i + 2].text
    if not (tail.islower() and len(tail) <= PARTICLE_LEN) or i + 4 >= len(toks):
        return False
    sep, nxt = toks[i + 3], toks[i + 4]
    if sep.start != toks[i + 2].end or nxt.start != sep.end or nxt.kind != "word":
        return False
    return (_gap(sep) or sep.text in _HYPHENS) and nxt.text[:1].isupper()


def _two_names(left: str, right: str) -> bool:
    """Whether ``left right`` reads as two names or a name and a word of its own (the
    session 56 guards :data:`TAIL_NAME`, :data:`NAME_HEAD`, :data:`COMMON_TAIL`)."""
    capital_tail = right[:1].isupper()
    if capital_tail and TAIL_NAME and _proper(right):
        return True  # "Mal Brough": a second name
    if capital_tail and CAP_TAIL_WORD and _surname_word(right):
        return True  # "Hol Wick": a word written as a surname
    if capital_tail and NAME_HEAD and _proper(left):
        return True  # "Anna Marsh": a given name and a surname
    return COMMON_TAIL and right.islower() and zipf(right) >= COMMON_TAIL_ZIPF


def _hyphened(toks: list[Token], i: int) -> bool:
    """Whether the pair at ``toks[i]``, ``toks[i + 2]`` touches a hyphen: the tail glued to
    a following one before a capitalised word, or the head glued to a preceding one (a
    compound name: "al-Rasheed", "Jean-Paul"; "Prank⏎fort-on-the-Maine" still joins)."""
    after = toks[i + 3] if i + 3 < len(toks) else None
    name = toks[i + 4] if i + 4 < len(toks) else None
    before = toks[i - 1] if i >= 1 else None
    if (
        after is not None
        and name is not None
        and after.start == toks[i + 2].end
        and after.text in _HYPHENS
        and name.start == after.end
        and name.text[:1].isupper()
    ):
        return True
    return before is not None and before.end == toks[i].start and before.text[-1:] in _HYPHENS


_HYPHENS = frozenset("-\u2010\u2011\u2012\u2013\u2014")


def _cased(word: str) -> str:
    """``word`` capitalised (the head is), an inner capital kept ("McDonald")."""
    form = word if not word.isupper() else word.lower()
    return form[:1].upper() + form[1:]


def _gap(sep: Token) -> bool:
    """Whether ``sep`` is one space or one line break (a line-end cut with no hyphen:
    "Prank⏎fort", "Hem⏎mlngway")."""
    return sep.text in _GAPS


_GAPS = frozenset((" ", "\n", " \n", "\n "))


def _pairs(toks: list[Token]) -> Counter[tuple[str, str]]:
    """How often the page prints each two words one space or line break apart."""
    got: Counter[tuple[str, str]] = Counter()
    for i in range(len(toks) - 2):
        a, sep, b = toks[i], toks[i + 1], toks[i + 2]
        if a.kind == "word" and b.kind == "word" and _gap(sep):
            got[(a.text, b.text)] += 1
    return got


def _corpus_pair(left: str, right: str) -> int | None:
    """How often the corpus sees the pieces together, when both are words a correction may
    produce; ``None`` when either is no such word."""
    low_l, low_r = left.lower(), right.lower()
    if not (is_target(low_l) and is_target(low_r)):
        return None
    table = get_ngrams()
    a, b = table.word_id(low_l), table.word_id(low_r)
    return table._pair_count(a, b) if a >= 0 and b >= 0 else 0


def _reading(joined: str, left: str, right: str) -> tuple[str, float] | None:
    """(reading, channel cost) of the joined pieces (module doc), or ``None``."""
    from repair.score.ocr_search import wide_candidates

    low = joined.lower()
    pieces = (left.lower(), right.lower())
    if get_ngrams().is_name(low) or is_target(low):
        return (low, 0.0) if low not in pieces else None
    for c in wide_candidates(joined, names=True):
        if c.cost > MAX_COST:
            break
        w = c.text.lower()
        if w in pieces or len(w) < len(low) - 1 or not w.isalpha():
            continue
        return w, c.cost
    return None


def _is_word(piece: str) -> bool:
    """Whether ``piece`` is a word or name of any kind (listed, a target word, or Zipf >=
    :data:`CAP_TAIL_MIN_ZIPF`)."""
    low = piece.lower()
    return zipf(low) >= CAP_TAIL_MIN_ZIPF or is_target(low) or get_ngrams().is_name(low)


def _shape_reading(left: str, right: str) -> tuple[str, float] | None:
    """(reading, :data:`SHAPE_COST`) of the joined pieces by the name-shape model
    (:data:`NAME_SHAPE_JOIN`), or ``None``."""
    from repair.candidates.ocr_nameshape import name_shape_reading

    if _is_word(left) or _is_word(right) or not left.isascii() or not right.isascii():
        return None  # a piece that is a word or a name: two words ("Trub won")
    found = name_shape_reading(left + right.lower())
    if found is None:
        return None
    w = found[0].lower()
    if len(w) < len(left) + len(right) - 1 or not w.isalpha():
        return None
    return w, SHAPE_COST


def name_join_candidates(toks: list[Token], counts: Mapping[str, int]) -> list[Candidate]:
    """Joins of two pieces one space apart into a listed name or known word the page does
    not print (module doc); ``counts``: the page's word counts."""
    if not NAME_JOIN:
        return []
    out: list[Candidate] = []
    page_pairs: Counter[tuple[str, str]] | None = None
    lowered: dict[str, int] | None = None
    for i in range(len(toks) - 2):
        a, sep, b = toks[i], toks[i + 1], toks[i + 2]
        if a.kind != "word" or b.kind != "word" or not _gap(sep):
            continue
        left, right = a.text, b.text
        if not (left.isalpha() and right.isalpha() and len(left) >= MIN_HEAD):
            continue
        if not left[0].isupper() or left.isupper() or not _tail_ok(left, right):
            continue
        joined = left + right
        if len(joined) < MIN_LEN:
            continue
        if min(zipf(left.lower()), zipf(right.lower())) >= COMMON_PIECES_ZIPF:
            continue  # "What more": two words
        if _glued(toks, i - 1, a.start) or _glued(toks, i + 3, b.end):
            continue  # a piece cut from a longer printed string
        if HYPHEN_COMPOUND and _hyphened(toks, i):
            continue  # "Saud al-Rasheed": a compound's head
        if PARTICLE_TAIL and _particle(toks, i):
            continue  # "Luan da Cunha": a name particle
        if _two_names(left, right):
            continue  # "Mal Brough", "Anna Marsh", "Kar in": two names or a name and a word
        if page_pairs is None:
            page_pairs = _pairs(toks)
        if page_pairs[(left, right)] >= PAGE_PAIRS:
            continue  # the page's own spelling
        pair = _corpus_pair(left, right)
        if pair is not None and pair > PAIR_SEEN:
            continue  # "Police station": the corpus writes the two words
        found = _reading(joined, left, right)
        if found is None and NAME_SHAPE_JOIN:
            found = _shape_reading(left, right)
        if found is None:
            continue
        w, cost = found
        if WORD_TAIL_KEPT and _word_tail_changed(right, w):
            continue  # "Seven told" is no "Sevenfold"
        if lowered is None:
            lowered = {}
            for k, n in counts.items():
                lowered[k.lower()] = lowered.get(k.lower(), 0) + n
        if lowered.get(w, 0) >= ocr_pagejoin.MIN_COUNT:
            continue  # the page prints it: the page join's
        if pair is not None and not get_ngrams().count(w):
            continue  # two words, and a reading the corpus never prints
        text = _cased(w)
        out.append(
            join_cand(
                a, b, text, finding="name_join", cost=SPACING_COST + cost,
                threshold=THRESHOLD, name_join=True,
            )
        )  # fmt: skip
    return out
