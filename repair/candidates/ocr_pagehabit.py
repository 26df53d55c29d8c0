"""Page habits found without a table: an archive's own glyph confusions, learned on the page.

The confusion table (``lexicons/ocr_confusions.tsv``) is learned from two archives; a
third one's engine and type have habits it never counted (ICDAR's books print "d" for
"il" and "U" for "ll": "Mdes", "wdls", "stdl"; SMH's print "v" for "y").  On such a page
the table reads nothing, but the page itself shows the habit: many *different* non-words
become common words by the *same* substitution of glyphs that look alike.

For each non-word finding of the page (lower-case, capitalised or with an inner capital,
4+ letters, printed as letters only), every substitution of the glyph-shape table
(``lexicons/ocr_glyph_shapes.tsv``: rendered type, no archive) is tried; a substitution
that turns at least :data:`MIN_TYPES` distinct non-words of the page into words of Zipf
>= :data:`TARGET_ZIPF` is a *page habit*.  Non-words no other candidate reads get their
habit readings at :data:`COST` nats; the language model decides as for any reading
(margin :data:`THRESHOLD`).  A clean page has too few non-words sharing one substitution.

Off: on ICDAR books it gains 0.9 points (tables as shipped) and 1.7 (the SMH table alone),
nothing on SMH, and its dictionary look-ups (~100 per non-word type) cost ~6-25 % of the
ocr stage on newspaper OCR (benchmarks/RESULTS.md, "OCR: across sources").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from repair.candidates.ocr_rules import cand
from repair.resources.frequency import zipf
from repair.types import Candidate, Token

#: Off by default (see benchmarks/RESULTS.md, "OCR: across sources").
PAGE_HABITS = False
#: Glyphs at least this alike in shape (``ocr_glyph_shapes.tsv``).
MIN_SIM = 0.75
#: A substitution is the page's habit when it reads this many distinct non-words.
MIN_TYPES = 3
#: A habit reading is a word at least this common (Zipf).
TARGET_ZIPF = 3.0
#: Channel cost of a habit reading (nats) and the margin it needs in context.
COST = 2.5
THRESHOLD = 2.0
#: Shortest token read.
MIN_LEN = 4
REASONS = frozenset({"nonword", "capitalized_unknown", "inner_capital"})


@lru_cache(maxsize=4)
def shape_pairs(min_sim: float = MIN_SIM) -> dict[str, tuple[tuple[str, str], ...]]:
    """(printed, meant) glyph pairs alike in shape, from the shipped shape table, by the
    printed side's first glyph."""
    from repair.lexicons import read_tsv

    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for o, g, sim in read_tsv("ocr_glyph_shapes.tsv"):
        if float(sim) >= min_sim and (o + g).isalpha():
            out[o[0]].append((o, g))
    return {k: tuple(v) for k, v in out.items()}


def _reading(text: str, at: int, src: str, dst: str) -> str | None:
    """``text`` with ``src`` at ``at`` read as ``dst``, cased as a word; None if odd."""
    out = text[:at] + dst + text[at + len(src) :]
    if out[1:].islower() or out.islower():
        return out
    if at == 0 and out[len(dst) :].islower():
        return out.lower() if dst.islower() else out  # "Hkewise" -> "likewise"
    return None


@lru_cache(maxsize=8_192)
def readings(text: str, min_sim: float = MIN_SIM) -> tuple[tuple[tuple[str, str], str], ...]:
    """``((src, dst), word), ...``: the common words one shape substitution makes of
    ``text`` (the first per substitution)."""
    from repair.score.ocr_channel import is_known

    pairs = shape_pairs(min_sim)
    out: dict[tuple[str, str], str] = {}
    for at, ch in enumerate(text):
        for src, dst in pairs.get(ch, ()):
            if (src, dst) in out or not text.startswith(src, at):
                continue
            word = _reading(text, at, src, dst)
            if word and zipf(word.lower()) >= TARGET_ZIPF and is_known(word.lower()):
                out[(src, dst)] = word
    return tuple(out.items())


def page_habit_candidates(
    toks: list[Token], findings: Iterable[tuple[int, str]], covered: set[tuple[int, int]]
) -> list[Candidate]:
    """Habit readings of the page's non-word findings (``findings``: (token index,
    reason)) that no candidate reads (``covered``: spans already read)."""
    if not PAGE_HABITS:
        return []
    by_type: dict[str, dict[tuple[str, str], str]] = {}
    where: dict[str, list[int]] = defaultdict(list)
    for i, reason in findings:
        text = toks[i].text
        if reason not in REASONS or len(text) < MIN_LEN or not text.isalpha():
            continue
        if text not in by_type:
            by_type[text] = dict(readings(text, MIN_SIM))
        where[text].append(i)
    support: dict[tuple[str, str], int] = defaultdict(int)
    for found in by_type.values():
        for sub in found:
            support[sub] += 1
    habits = {sub for sub, n in support.items() if n >= MIN_TYPES}
    if not habits:
        return []
    out = []
    for text, found in by_type.items():
        for sub, word in found.items():
            if sub not in habits:
                continue
            for i in where[text]:
                t = toks[i]
                if (t.start, t.end) in covered:
                    continue
                out.append(
                    cand(
                        t.start,
                        t.end,
                        word,
                        "OCR_CONFUSION",
                        finding="page_habit",
                        orig=[text],
                        alt=[word],
                        cost=COST,
                        threshold=THRESHOLD,
                        subs=[list(sub)],
                    )
                )
    return out
