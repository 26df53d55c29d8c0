"""Split words of a page the garble gate keeps shut, joined into a word the page prints
(issue 12, session 50): "tho se", "mo re", "shou ld", "bil lion", "imp act".

A lightly garbled page (0.3-1 % damage) keeps the gate shut, and the light path
(:func:`repair.candidates.ocr_light.light_boundary_candidates`) joins a split word only
when one piece is a rare non-word finding: most split words of the light suite have
pieces the detector does not flag ("wa nt", "su ch", "imp act": web tokens) or flags as a
real word ("tho", "mo").  The page's own vocabulary is the evidence here: two word tokens
one space apart on one line whose join is a word the page itself prints at least
:data:`PAGE_MIN` times, one piece no common word (Zipf below :data:`PIECE_ZIPF`), the join
a common word, and the language model wanting the join by :data:`THRESHOLD` nats.  Clean
text rarely prints a piece of one of its own words beside the rest of it.

>>> from repair.tokenize import tokenize
>>> from collections import Counter
>>> toks = tokenize("those who came and tho se who went, those")
>>> counts = Counter(t.text for t in toks if t.kind == "word")
>>> [c.replacement for c in page_join_candidates(toks, counts)]
['those']
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from repair.candidates.ocr_rules import cand, page_count
from repair.candidates.ocr_spacing import SPACING_COST
from repair.resources.frequency import zipf
from repair.types import Candidate, Token

#: Switch (see the module doc; benchmarks/RESULTS.md, session 50, ocrlight).  On: light suite
#: dev recall 0.3 % 239 -> 254 fixed, 1 % 746 -> 810; the edits on "undamaged" text (3 -> 21,
#: 11 -> 30) and the census's 18 -> 27 OCR edits are all the sources' own split words
#: ("syst em", "econom ic" in a 1948 State of the Union, "seek ing" in personal ads); SMH dev,
#: audit dev and the clean gate with wraps unchanged.
PAGE_JOIN = True
#: The page prints the joined word (any case) at least this often elsewhere.
PAGE_MIN = 2
#: One piece is no common word: below this Zipf ("tho" 4.4, "se", "ld", "mo", "imp"; 3.5 fixed
#: 8 / 31 of the 15 / 64 on light dev, 5.5 one / six more).
PIECE_ZIPF = 4.5
#: The joined word is at least this common (Zipf).
JOIN_ZIPF = 3.0
#: Margin (nats) the join needs in context.
THRESHOLD = 2.0
#: Shortest join (letters).
MIN_LEN = 4


#: Switch (issue 14, session 60, speedocr; exact): a shut page's two pair joins (this one and
#: :func:`repair.candidates.ocr_fragjoin.frag_join_candidates`) read one list of the page's
#: pairs (:func:`pair_list`, made once by the caller) instead of scanning the page twice,
#: and this one asks the page's count of a join from one folded count of the page
#: (:func:`folded_counts`) instead of three look-ups and a set a pair.  Light suite dev: the
#: two joins 0.78 -> 0.47 s CPU of a 16 s run, the list included; ``repair fix`` of the light
#: dev documents at 1 % joined (143 k words) 6.55 -> 6.46 s (benchmarks/RESULTS.md, "Session
#: 60, speedocr"); every output byte-identical.
SHARED_PAIRS = True


def pair_list(toks: list[Token]) -> list[tuple[int, Token, Token, str]]:
    """``list(split_pairs(toks, MIN_LEN))`` (:data:`SHARED_PAIRS`), read from the page's
    one-space tokens (the same tests, in order of the pair's first token)."""
    out: list[tuple[int, Token, Token, str]] = []
    last = len(toks) - 1
    for k in [k for k, t in enumerate(toks) if t.text == " "]:
        if k == 0 or k == last:
            continue
        a, b = toks[k - 1], toks[k + 1]
        if a.kind != "word" or b.kind != "word":
            continue
        left, right = a.text, b.text
        if not (left.isalpha() and right.isalpha() and right.islower()):
            continue
        joined = left + right
        if len(joined) < MIN_LEN or not (joined.islower() or joined[1:].islower()):
            continue
        out.append((k - 1, a, b, joined))
    return out


def folded_counts(counts: Mapping[str, int]) -> dict[str, int]:
    """For each ASCII word of ``counts`` printed in lower case, capitalised or in capitals,
    the page's count of those three forms, keyed by the lower-case form: for an ASCII
    ``word`` of letters, ``folded_counts(counts).get(word.lower(), 0) ==
    page_count(word, counts)`` (tested).

    >>> folded_counts({"those": 2, "THOSE": 1, "tHose": 5, "Those": 1, "9": 3})
    {'those': 4, '9': 3}
    """
    out: dict[str, int] = {}
    for w, n in counts.items():
        if w.isascii():
            low = w.lower()
            if w == low or w == low.upper() or w == low.capitalize():
                out[low] = out.get(low, 0) + n
    return out


def page_join_candidates(
    toks: list[Token],
    counts: Mapping[str, int],
    pairs: list[tuple[int, Token, Token, str]] | None = None,
) -> list[Candidate]:
    """The joins of :data:`PAGE_JOIN` on a page whose gate is shut (the caller checks);
    ``pairs``: :func:`pair_list` of ``toks`` when made already."""
    if not PAGE_JOIN:
        return []
    out: list[Candidate] = []
    folded = folded_counts(counts) if SHARED_PAIRS else None
    for _, a, b, joined in split_pairs(toks, MIN_LEN) if pairs is None else pairs:
        left, right = a.text, b.text
        if folded is not None and joined.isascii():  # the same count (folded_counts)
            if folded.get(joined.lower(), 0) < PAGE_MIN:
                continue
        elif page_count(joined, counts) < PAGE_MIN:
            continue
        if min(zipf(left.lower()), zipf(right)) >= PIECE_ZIPF:
            continue
        if zipf(joined.lower()) < JOIN_ZIPF:
            continue
        out.append(join_candidate(a, b, joined, "page_join", THRESHOLD))
    return out


def split_pairs(toks: list[Token], min_len: int) -> Iterator[tuple[int, Token, Token, str]]:
    """Two word tokens one space apart, letters only, the second in lower case, whose join
    of at least ``min_len`` letters is lower case or capitalised: ``(j, a, b, joined)``
    with ``a = toks[j]`` (the page joins' shared first test)."""
    for j in range(len(toks) - 2):
        a, sep, b = toks[j], toks[j + 1], toks[j + 2]
        if a.kind != "word" or b.kind != "word" or sep.text != " ":
            continue
        left, right = a.text, b.text
        if not (left.isalpha() and right.isalpha() and right.islower()):
            continue
        joined = left + right
        if len(joined) < min_len or not (joined.islower() or joined[1:].islower()):
            continue
        yield j, a, b, joined


def join_candidate(a: Token, b: Token, joined: str, finding: str, threshold: float) -> Candidate:
    """The candidate that joins ``a`` and ``b`` (one space apart) into ``joined``."""
    return cand(
        a.start,
        b.end,
        joined,
        "OCR_JOIN_SPLIT",
        finding=finding,
        orig=[a.text, b.text],
        alt=[joined],
        cost=SPACING_COST,
        threshold=threshold,
    )
