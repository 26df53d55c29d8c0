"""All-capitals words read with capital glyph confusions: "NKVV" (NEW), "FLANS", "JUEY".

Headlines and names set in capitals are misread by the shapes of capital letters, which
differ from the lower-case ones the confusion table mostly saw (b/h in lower case,
B/E and U/H in capitals).  The table's capital rows (learned from aligned OCR/gold:
``B -> R``, ``E -> K``, ``VV -> W``) are sparse, so this module reads an all-capitals
token with a **capital table**: the learned capital rows, each also reversed (a shape
confusion goes both ways: "E" read for "K" means "K" may be read for "E", at a
learned-rate cost plus :data:`REVERSE_PENALTY`), and the lower-case rows between letters
whose capital has the same shape (``vv -> w`` gives ``VV -> W``).  Up to two
substitutions; the result must be a known word, and the language model decides.

Acronyms stay: a short capitals token is only re-read in a capitals line (next to
another capitals word), never in running text, and only in garbled documents.

>>> list(caps_readings("FLANS")), list(caps_readings("NKVV")), list(caps_readings("AND"))
(['PLANS'], ['NEW'], [])

A known word's readings ("THE" -> "TEE" through the class-priced H -> E row, session 31)
are real-word candidates the language model decides, with the printed word's prior.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from repair.candidates.ocr_rules import cand
from repair.resources.frequency import zipf
from repair.score.ocr_channel import confusions, is_known, is_target
from repair.types import Candidate, Token

#: Cost (nats) added to a learned capital confusion read backwards.
REVERSE_PENALTY = 1.0
#: Letters whose capital has the shape of the lower-case letter (their lower-case rows
#: carry over to capitals).
SAME_SHAPE = frozenset("cosuvwxz")
#: Substitutions per token and their summed cost (nats).
MAX_SUBS = 2
MAX_COST = 5.0
#: A reading must be at least this common (Zipf).
MIN_ZIPF = 3.5
#: Margin a reading needs over a printed non-word, and the trust in a printed real word
#: per Zipf unit (as for real-word confusions).
NONWORD_THRESHOLD = 1.0
PRIOR_PER_ZIPF = 0.3
#: Tokens shorter or longer than these are left to the other candidates ("MB": "MR" or
#: "ME"? two letters are too little to read).
MIN_LEN = 3
MAX_LEN = 14


@lru_cache(maxsize=1)
def capital_table() -> dict[str, tuple[tuple[str, float], ...]]:
    """``{printed capitals: ((true capitals, cost), ...)}`` (see the module doc)."""
    table: dict[str, dict[str, float]] = {}

    def add(src: str, dst: str, cost: float) -> None:
        old = table.setdefault(src, {}).get(dst)
        if old is None or cost < old:
            table[src][dst] = cost

    for src, rows in confusions().items():
        for dst, cost in rows:
            if src.isalpha() and dst.isalpha() and src.isupper() and dst.isupper():
                add(src, dst, cost)
                add(dst, src, cost + REVERSE_PENALTY)
            elif (
                src.isalpha()
                and dst.isalpha()
                and set(src + dst) <= SAME_SHAPE
                and src.islower()
                and dst.islower()
            ):
                add(src.upper(), dst.upper(), cost)
    return {s: tuple(sorted(d.items(), key=lambda x: x[1])) for s, d in table.items()}


@lru_cache(maxsize=20_000)
def caps_readings(token: str) -> dict[str, float]:
    """Known words (capitals) ``token`` may be a misreading of, with their cost."""
    table = capital_table()
    longest = max(len(s) for s in table) if table else 1
    out: dict[str, float] = {}

    def walk(i: int, built: str, cost: float, subs: int) -> None:
        if i >= len(token):
            if subs and built != token:
                low = built.lower()
                if is_target(low) and zipf(low) >= MIN_ZIPF and cost < out.get(built, 99.0):
                    out[built] = cost
            return
        walk(i + 1, built + token[i], cost, subs)
        if subs >= MAX_SUBS:
            return
        for n in range(1, min(longest, len(token) - i) + 1):
            for dst, c in table.get(token[i : i + n], ()):
                if cost + c <= MAX_COST:
                    walk(i + n, built + dst, cost + c, subs + 1)

    walk(0, "", 0.0, 0)
    return out


def caps_candidates(
    toks: list[Token], i: int, capitals_line: bool, counts: Mapping[str, int] | None = None
) -> list[Candidate]:
    """Readings of the all-capitals word token ``i`` (garbled documents only);
    ``capitals_line``: a capitals word stands next to it on the same line; ``counts``:
    the document's word counts (a capitals word it repeats is a name and stays)."""
    tok = toks[i]
    text = tok.text
    if not (MIN_LEN <= len(text) <= MAX_LEN and text.isalpha() and text.isupper()):
        return []
    if counts is not None and counts.get(text, 0) >= 2:
        return []  # "OATLEY" twice: the document's own name
    known = is_known(text.lower())
    if not capitals_line and (known or len(text) <= 5):
        return []  # an acronym or a word set in capitals in running text
    out = []
    for reading, cost in caps_readings(text).items():
        out.append(
            cand(
                tok.start,
                tok.end,
                reading,
                "OCR_REALWORD" if known else "OCR_CONFUSION",
                finding="caps_word",
                orig=[text],
                alt=[reading],
                cost=cost,
                orig_known=known,
                prior_per_zipf=PRIOR_PER_ZIPF if known else None,
                threshold=None if known else NONWORD_THRESHOLD,
            )
        )
    return out
