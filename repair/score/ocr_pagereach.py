"""Reach for a garbled page's unread words: one confusion no table counted, priced by a
smoothed prior and the page's own repairs.

The confusion table (:mod:`repair.score.ocr_channel`) proposes readings only through the
glyph confusions its sources counted; an archive whose engine and type it never saw
prints others ("Tohn" for "John", "Manlj" for "Manly", "Erskinc" for "Erskine"), and
those words get no candidate at all: the accept threshold never sees them (benchmarks/
RESULTS.md, "ocrcalib25": with the ICDAR-only table, 1,190 SMH dev errors have no
candidate against 521 with the shipped one).

After the first reading of a garbled page, :func:`reach_candidates` takes the page's
unknown words that still have no candidate (lower-case or capitalised, letters only, at
least :data:`MIN_LEN` glyphs, rare on the web) and reads each by **one** edit -- a
substitution, insertion, deletion or transposition of a letter, or one of the
glyph-shape table's look-alike runs ("li" / "h") -- towards a common word.  The edit's
price is a smoothed prior: the learned table's cost when it lists the pair, else the
look-alike cost from rendered type (``lexicons/ocr_glyph_shapes.tsv``) when the glyphs
are alike, else :data:`UNSEEN_COST` (any unseen confusion gets a cost instead of none).
The page then self-trains: an edit that reads several of the page's unread words, or that
its accepted readings of the first pass already used, is a habit of this page and costs
:data:`PAGE_BONUS` nats less for each further word (at most :data:`MAX_BONUS`).  The
language-model scorer decides as for every reading, at margin :data:`THRESHOLD`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from repair.types import Candidate

#: On: the page's unread words get one-edit readings in the second reading.  Shipped
#: off (benchmarks/RESULTS.md, "Session 26, ocrreach26"): with ICDAR's tables on SMH dev
#: every setting moved 0-21 of 5,930 token errors, and the settings that moved any broke
#: 6-122 more right tokens of ICDAR 1-80 with SMH's tables (the language model gains
#: little on the names and garbled neighbours these words sit among).
PAGE_REACH = False
#: Shortest printed word read.
MIN_LEN = 4
#: Printed words the web uses at least this often are rare words, not garble (Zipf).
RARE_ZIPF = 1.5
#: Readings are words at least this common (Zipf).
TARGET_ZIPF = 3.5
#: Cost (nats) of one edit neither the table nor the shape prior knows.
UNSEEN_COST = 6.0
#: Cost of a look-alike edit: SHAPE_BASE + SHAPE_SLOPE * 10 * (1 - similarity) nats.
SHAPE_BASE = 4.0
SHAPE_SLOPE = 1.0
#: Least shape similarity of a look-alike pair.
SHAPE_MIN_SIM = 0.75
#: Nats off an edit for each further unread word of the page it reads, and for its use
#: by the page's accepted first-pass readings ...
PAGE_BONUS = 1.0
#: ... at most this much in all.
MAX_BONUS = 2.0
#: Margin (nats) a reading needs in context.
THRESHOLD = 1.5
#: Most readings kept per word (cheapest first, then commonest).
MAX_READINGS = 4
#: Also the words whose candidates were all turned down by the first reading.
UNREAD = False
#: Only edits with some evidence: listed by the table, alike in shape, or a habit of the
#: page (read by another unread word or used by an accepted reading); off: any edit, at
#: :data:`UNSEEN_COST`.
EVIDENCE_ONLY = False

Sub = tuple[str, str]


@lru_cache(maxsize=1)
def shape_costs() -> dict[Sub, float]:
    """Look-alike glyph pairs (printed, meant), lower case, with their prior cost."""
    from repair.lexicons import read_tsv

    out: dict[Sub, float] = {}
    for o, g, sim in read_tsv("ocr_glyph_shapes.tsv"):
        s = float(sim)
        if s >= SHAPE_MIN_SIM and (o + g).isalpha() and (o + g).islower():
            out[(o, g)] = SHAPE_BASE + SHAPE_SLOPE * 10.0 * (1.0 - s)
    return out


@lru_cache(maxsize=1)
def _shape_runs() -> dict[str, tuple[Sub, ...]]:
    """The look-alike pairs that are not one glyph for one (those are edits anyway), by
    the printed side's first glyph."""
    out: dict[str, list[Sub]] = defaultdict(list)
    for o, g in shape_costs():
        if len(o) != 1 or len(g) != 1:
            out[o[0]].append((o, g))
    return {k: tuple(v) for k, v in out.items()}


def prior_cost(sub: Sub) -> float:
    """The smoothed prior cost (nats) of reading printed ``sub[0]`` as ``sub[1]``."""
    from repair.score.ocr_channel import confusions

    best = UNSEEN_COST
    for dst, c in confusions().get(sub[0], ()):
        if dst == sub[1]:
            best = min(best, c)
            break
    return min(best, shape_costs().get(sub, UNSEEN_COST))


@lru_cache(maxsize=8_192)
def one_edit_readings(low: str) -> tuple[tuple[str, Sub], ...]:
    """(common word, edit) of the lower-case ``low`` by one edit or look-alike run."""
    from repair.candidates.ocr_backoff import one_edits_in
    from repair.resources.frequency import zipf
    from repair.score.ocr_channel import is_target, vocabulary

    found = dict(one_edits_in(low, vocabulary()))
    runs = _shape_runs()
    for at, ch in enumerate(low):
        for src, dst in runs.get(ch, ()):
            if low.startswith(src, at):
                found.setdefault(low[:at] + dst + low[at + len(src) :], (src, dst))
    found.pop(low, None)
    out = [(w, sub) for w, sub in found.items() if zipf(w) >= TARGET_ZIPF and is_target(w)]
    return tuple(sorted(out))


#: How a word is read: ``"walk"`` (:func:`smoothed_readings`: the table's confusions with
#: at most one unseen edit among them) or ``"edit"`` (:func:`one_edit_readings`: one edit).
MODE = "walk"
#: Most cost (nats) of a walk's reading, and most confusions in it.
WALK_MAX_COST = 8.0
WALK_MAX_SUBS = 3
#: Shortest word the walk reads (a three-glyph "lho" is "the").
WALK_MIN_LEN = 3
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=1)
def _table_rows() -> tuple[dict[str, tuple[tuple[str, float], ...]], int]:
    """The learned table's rows by lower-case printed form (true form lowered, cheapest
    kept), and the longest printed form."""
    from repair.score.ocr_channel import confusions

    rows: dict[str, dict[str, float]] = defaultdict(dict)
    for src, dsts in confusions().items():
        if not src.isalpha() or src != src.lower():
            continue
        for dst, c in dsts:
            d = dst.lower()
            if d.isalpha() and c < rows[src].get(d, 99.0):
                rows[src][d] = c
    out = {k: tuple(sorted(v.items(), key=lambda x: x[1])) for k, v in rows.items()}
    return out, max((len(k) for k in out), default=1)


@lru_cache(maxsize=8_192)
def smoothed_readings(low: str) -> tuple[tuple[str, float, tuple[Sub, ...]], ...]:
    """(common word, cost, substitutions) of the lower-case ``low`` read by the learned
    table's confusions with **one** edit it does not list among them (a substitution,
    a dropped or an added glyph, priced by :func:`prior_cost`), over the target words'
    prefixes; the cheapest reading of each word."""
    from repair.resources.frequency import zipf
    from repair.score.ocr_channel import is_target, target_prefixes

    alive = target_prefixes().prefix_set()
    table, longest = _table_rows()
    size = len(low)
    best: dict[str, tuple[float, tuple[Sub, ...]]] = {}
    stack: list[tuple[int, str, float, tuple[Sub, ...], bool]] = [(0, "", 0.0, (), False)]
    while stack:
        i, built, cost, subs, unseen = stack.pop()
        if i == size:
            old = best.get(built)
            if unseen and built and (old is None or cost < old[0]):
                best[built] = (cost, subs)
            continue
        ch = low[i]
        nb = built + ch
        if nb in alive:
            stack.append((i + 1, nb, cost, subs, unseen))
        if len(subs) >= WALK_MAX_SUBS:
            continue
        listed: set[str] = set()
        for n in range(1, min(longest, size - i) + 1):
            src = low[i : i + n]
            for dst, c in table.get(src, ()):
                if n == 1:
                    listed.add(dst)
                if cost + c > WALK_MAX_COST:
                    break
                nb = built + dst
                if nb and nb in alive:
                    stack.append((i + n, nb, cost + c, (*subs, (src, dst)), unseen))
        if unseen:
            continue
        c = prior_cost((ch, ""))
        if cost + c <= WALK_MAX_COST:  # a speck read as a glyph
            stack.append((i + 1, built, cost + c, (*subs, (ch, "")), True))
        for b in _LETTERS:
            if b == ch or b in listed:
                continue
            c = prior_cost((ch, b))
            nb = built + b
            if cost + c <= WALK_MAX_COST and nb in alive:
                stack.append((i + 1, nb, cost + c, (*subs, (ch, b)), True))
            c = prior_cost(("", b))
            if cost + c <= WALK_MAX_COST and nb in alive:  # a glyph the page lost
                stack.append((i, nb, cost + c, (*subs, ("", b)), True))
    out = [
        (w, c, subs)
        for w, (c, subs) in best.items()
        if w != low and zipf(w) >= TARGET_ZIPF and is_target(w)
    ]
    return tuple(sorted(out, key=lambda x: (x[1], -zipf(x[0]))))


def _word_shape(text: str) -> str | None:
    """``text`` lowered when it is a lower-case or capitalised word (else None)."""
    if len(text) < (WALK_MIN_LEN if MODE == "walk" else MIN_LEN) or not text.isalpha():
        return None
    if text.islower() or (text[:1].isupper() and text[1:].islower()):
        return text.lower()
    return None


def unread_words(words: Sequence[Any], covered: set[tuple[int, int]]) -> list[tuple[Any, str]]:
    """(token, lowered) of the page's unknown words without a candidate."""
    from repair.resources.frequency import zipf
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_channel import archaic_form, is_known

    table = get_ngrams()
    out = []
    for w in words:
        if (w.start, w.end) in covered:
            continue
        low = _word_shape(w.text)
        if low is None or is_known(low) or table.known(w.text):
            continue
        if zipf(low) >= RARE_ZIPF or archaic_form(low):
            continue
        out.append((w, low))
    return out


def _unseen_sub(subs: Sequence[Sub]) -> Sub:
    """The edit of a reading the learned table does not list (its last, else its first)."""
    from repair.score.ocr_channel import confusions

    for sub in subs:
        if all(d.lower() != sub[1] for d, _c in confusions().get(sub[0], ())):
            return sub
    return subs[0]


def covered(
    groups: Iterable[tuple[int, int]], candidates: Iterable[Candidate]
) -> set[tuple[int, int]]:
    """The spans :func:`reach_candidates` leaves alone: those with a candidate, or with
    :data:`UNREAD` those the first reading accepted a reading of."""
    if UNREAD:
        return set(groups)
    return {(c.start, c.end) for c in candidates}


def page_support(readings: Mapping[str, Iterable[Sub]]) -> Counter[Sub]:
    """How many of the page's unread word types each edit reads."""
    support: Counter[Sub] = Counter()
    for subs in readings.values():
        support.update(set(subs))
    return support


def reach_candidates(
    words: Sequence[Any],
    covered: set[tuple[int, int]],
    used: Mapping[tuple[str, str], int],
) -> list[Candidate]:
    """One-edit readings of the page's unread words (``covered``: spans that have a
    candidate; ``used``: the substitutions of the first pass's accepted readings)."""
    from repair.candidates.ocr_rules import word_cand
    from repair.resources.frequency import zipf
    from repair.score.ocr_channel import transfer_case

    todo = unread_words(words, covered)
    if not todo:
        return []
    if MODE == "walk":
        walked = {low: smoothed_readings(low) for _w, low in todo}
    else:
        walked = {
            low: tuple((w, prior_cost(sub), (sub,)) for w, sub in one_edit_readings(low))
            for _w, low in todo
        }
    support = page_support(
        {low: [_unseen_sub(subs) for _w, _c, subs in r] for low, r in walked.items()}
    )
    used_low: Counter[Sub] = Counter()
    for (o, g), n in used.items():
        used_low[(o.lower(), g.lower())] += n
    out: list[Candidate] = []
    for w, low in todo:
        priced = []
        for word, walk_cost, subs in walked[low]:
            sub = _unseen_sub(subs)
            bonus = PAGE_BONUS * (support[sub] - 1) + (PAGE_BONUS if used_low[sub] else 0.0)
            prior = prior_cost(sub)
            if EVIDENCE_ONLY and prior >= UNSEEN_COST and not bonus:
                continue
            cost = max(0.3, walk_cost - min(MAX_BONUS, bonus))
            priced.append((cost, -zipf(word), word, subs))
        priced.sort()
        for cost, _z, word, subs in priced[:MAX_READINGS]:
            text = transfer_case(w.text, word)
            out.append(
                word_cand(
                    w,
                    text,
                    "OCR_CONFUSION",
                    finding="page_reach",
                    cost=cost,
                    threshold=THRESHOLD,
                    subs=[list(x) for x in subs],
                )
            )
    return out
