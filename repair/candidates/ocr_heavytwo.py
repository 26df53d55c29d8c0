"""A heavy page's garbled lower-case non-word read two or three glyph errors away, the
language model choosing among the channel's few cheapest readings (issue 12, session 66,
ocrheavy).

Session 65's account of the ICDAR-only proxy's lower-case non-words that OverProof reads
and we leave (``benchmarks/ocr_lower_account.py``) finds 81 of 116 whose gold is never
built, most on heavy pages and two or more edits or a multi-glyph confusion from it
("juiuor" -> junior, "iisuea" -> issued, "sanitan" -> sanitary, "analvsu" -> analysis).
A foreign table prices such a page's habits dear or not at all ("u" -> n, "n" -> ry, "v"
-> y), so the gold's channel price (8-12 nats) is above the far search's bound
(:mod:`repair.candidates.ocr_far`: two readings at most, under 6 + 0.6 a glyph) or
behind another word's, and a cheap one-edit reading of another word wins ("countn" ->
county; "sanitan" -> samoan).  Neither the rendered glyph shapes nor the table's rows
rank the gold first (session 66: a shape-class back-off moves none of them to the top);
what tells it is the context.

So here the channel only proposes and the language model disposes: a lower-case non-word
of a heavy page that the far search may read (:func:`repair.candidates.ocr_far.far_applies`:
letters only, printed once, no period word, no name, not printed capitalised) and of at
least :data:`MIN_LEN` letters gets the :data:`READINGS` common words (the far list, Zipf
>= 3) within :data:`MAX_DISTANCE` plain edits (sharing its first or last letter, at most
:data:`SHORTER` letters shorter or :data:`LONGER` longer) that the learned channel prices
cheapest, each under :data:`COST_PER_CHAR` nats a printed glyph
(:func:`repair.score.ocr_price.channel_cost_upto`).  The reader runs after every other
page builder (its readings must not make a span "reached" for the late readers: a first
version lost "louruniy" -> journey of :mod:`repair.candidates.ocr_deepreach` that way), and
skips a piece of a broken word or letters glued to a digit ("n0twell").  A reading another
reader built is left to it.  Each goes to the two-sided scorer at one flat price,
:data:`COST_CAP` (the channel said only that it is among the few reachable words; the
dear foreign rows are not evidence against it), but never below the cheapest reading
another builder made of the span (:data:`RIVAL_FLOOR`), and not at all when the channel
prices it more than :data:`RIVAL_GAP` nats above that one; it must clear
:data:`THRESHOLD`.  Without the two rival rules the language model picks a wrong word as
often as the gold ("liavel" -> level over travel, "oileuces" -> pieces over offences):
benchmarks/RESULTS.md, session 66, ocrheavy.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from repair.types import Candidate, Finding, Token

#: Read a heavy page's lower-case non-word as one of its channel's few cheapest far words,
#: the language model choosing (module doc).  Off (session 66, ocrheavy): ICDAR-only proxy
#: dev 4,691 / 7,785 -> 4,691 / 7,783 (three wrong readings for wrong prints, none right),
#: shipped SMH dev 4,206 / 6,869 -> 4,205 / 6,868 (one right reading, "suffered", against
#: one right word broken, "advent" -> event); test (read once) proxy 5,619 / 9,158 ->
#: 5,619 / 9,164, SMH 5,297 / 8,607 -> 5,296 / 8,605; audit, light suite, clean English,
#: census and the OCR 100 k speed text identical with it on.
HEAVY_TWO = False
#: Shortest print read (letters) ...
MIN_LEN = 5
#: ... and longest.
MAX_LEN = 14
#: Plain edit distance of the retrieval: prints up to SHORT_LEN letters ...
SHORT_LEN = 6
SHORT_DISTANCE = 2
#: ... and longer ones.
MAX_DISTANCE = 3
#: Readings at most this many letters shorter than the print ...
SHORTER = 1
#: ... or longer.
LONGER = 1
#: Readings kept (the channel's cheapest) ...
READINGS = 4
#: ... each at most this many nats a printed glyph.
COST_PER_CHAR = 2.0
#: The price the scorer sees for a reading is capped at this (nats; None: its channel cost).
COST_CAP: float | None = 5.0
#: Margin (nats) the scorer needs.
THRESHOLD = 0.0
#: A reading is never priced below the cheapest reading another builder made of the span
#: (a cheap learned reading keeps its lead; the flat price only lifts dear ones).
RIVAL_FLOOR = True
#: A reading whose channel cost is more than this many nats above the cheapest reading
#: another builder made of the span is not offered: the channel prefers that one clearly
#: (None: always offered).
RIVAL_GAP: float | None = 4.0


def page_candidates(
    toks: list[Token],
    found: list[int],
    findings: Sequence[Finding],
    counts: Mapping[str, int],
    out: list[Candidate],
) -> list[Candidate]:
    """The readings of a heavy page's flagged tokens ``found`` (indices into ``toks``; the
    caller checks the page), after every other page builder (``out``: their candidates;
    a reading one of them built is left to it)."""
    if not HEAVY_TWO:
        return []
    reasons = {f.start: f.reason for f in findings}
    built: dict[tuple[int, int], dict[str, float]] | None = None
    got: list[Candidate] = []
    for i in found:
        tok = toks[i]
        if reasons.get(tok.start) != "nonword" or not applies(tok.text, counts):
            continue
        if not whole_chunk(toks, i):
            continue  # "n0twell": letters glued to a digit are a piece of a chunk
        if built is None:
            built = {}
            for c in out:
                span = built.setdefault((c.start, c.end), {})
                w, cost = c.replacement.lower(), float(c.features.get("cost", 99.0))
                span[w] = min(cost, span.get(w, cost))
        got += heavy_two_candidates(tok, built.get((tok.start, tok.end), {}))
    return got


def whole_chunk(toks: list[Token], i: int) -> bool:
    """Whether no digit or other letters are glued to ``toks[i]`` (a stop or a comma may
    be: "the junior, members")."""
    before = toks[i - 1] if i > 0 else None
    after = toks[i + 1] if i + 1 < len(toks) else None
    return not any(
        t is not None
        and t.kind in ("word", "number")
        and (t.end == toks[i].start or t.start == toks[i].end)
        for t in (before, after)
    )


def applies(word: str, counts: Mapping[str, int]) -> bool:
    """Whether ``word`` (a non-word finding of a heavy page) is read: lower-case letters
    of :data:`MIN_LEN` to :data:`MAX_LEN`, and a print the far search may read
    (:func:`repair.candidates.ocr_far.far_applies`; no period word)."""
    if not (MIN_LEN <= len(word) <= MAX_LEN) or not word.isalpha() or not word.islower():
        return False
    from repair.candidates.ocr_far import far_applies
    from repair.score.ngrams import get_ngrams

    return far_applies(word, counts, get_ngrams().known(word))


def heavy_two_candidates(tok: Token, built: Mapping[str, float]) -> list[Candidate]:
    """The readings of ``tok`` that are not in ``built`` (``{lower-case reading: its
    price}``: the span's readings of the other builders), each priced for the scorer at
    :data:`COST_CAP` but never below the cheapest of ``built`` (module doc)."""
    from repair.candidates.ocr_rules import word_cand

    cheapest = min(built.values(), default=None)
    floor = cheapest if RIVAL_FLOOR and cheapest is not None else 0.0
    # no rival: every reading is offered; else only those the channel does not clearly lose
    top = cheapest + RIVAL_GAP if cheapest is not None and RIVAL_GAP is not None else None
    return [
        word_cand(
            tok,
            reading,
            "OCR_SPELLING",
            finding="heavy_two",
            cost=round(max(floor, cost if COST_CAP is None else min(cost, COST_CAP)), 3),
            threshold=THRESHOLD,
            far=True,
        )
        for cost, reading in cheapest_readings(tok.text)
        if reading not in built and (top is None or cost <= top)
    ]


@lru_cache(maxsize=4_096)
def cheapest_readings(word: str) -> tuple[tuple[float, str], ...]:
    """The :data:`READINGS` cheapest ``(channel cost, word)`` readings of lower-case
    ``word`` among the far list's words near it (module doc), cheapest first."""
    from repair.candidates.ocr_farlong import anchored_words
    from repair.score import ocr_nearpool
    from repair.score.ocr_price import channel_cost_upto

    n = len(word)
    cutoff = SHORT_DISTANCE if n <= SHORT_LEN else MAX_DISTANCE
    words = anchored_words(range(n - SHORTER, n + LONGER + 1), word[0], word[-1])
    hits = ocr_nearpool.extract(word, words, cutoff, None)
    bound = COST_PER_CHAR * n
    priced = []
    for w, _d, _k in hits:
        if w == word:
            continue
        c = channel_cost_upto(word, w, bound)
        if c <= bound:
            priced.append((round(c, 3), w))
    priced.sort()
    return tuple(priced[:READINGS])
