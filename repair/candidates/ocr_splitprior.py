"""The learned prior of a same-line split on a heavily garbled page: how often a plain
space between two letter words of one line is a space the OCR put inside one word
(issue 12, session 61).

On SMH's heavy dev pages 74 of 11,463 such spaces are inside a word of the gold
(0.65 %): "B inking" (Banking), "intro luce" (introduce), "Cn airman" (Chairman).  The
rate depends on the two pieces: two pieces that are no dictionary words, one of them one
or two letters long, are a split one time in eight; two dictionary words of three letters
or more hardly ever (4 of 4,712).  The counts, by (pieces that are no dictionary word,
shortest piece's length capped at 4, first piece capitalised), are learned from the
aligned SMH dev lines and kept in ``lexicons/ocr_split_prior.tsv``
(``python benchmarks/smh_samesplit_account.py --split dev --prior-out FILE``); a space's
price is minus the log odds of its class's rate, shrunk (``(splits + 0.5) / (pairs + 1)``).
Read by :mod:`repair.candidates.ocr_heavyjoin` (its ``SAME_LINE_PRIOR``).

>>> round(split_cost(["B", "inking"]), 1) < round(split_cost(["per", "peel"]), 1)
True
"""

from __future__ import annotations

import math

from repair.score.ocr_channel import is_target

#: The table's file in ``lexicons/`` and its columns.
TABLE = "ocr_split_prior.tsv"
COLUMNS = ("nonwords", "shortest", "capital", "pairs", "splits")
#: Shortest-piece lengths at or above this share one class.
LONG = 4


def pair_class(left: str, right: str) -> tuple[int, int, bool]:
    """The class of the space between ``left`` and ``right``: how many of the two are no
    dictionary word, the shorter one's length (capped at :data:`LONG`), whether ``left``
    is capitalised."""
    nonwords = (not is_target(left.lower())) + (not is_target(right.lower()))
    return nonwords, min(len(left), len(right), LONG), left[:1].isupper()


_LOADED: list[dict[tuple[int, int, bool], tuple[int, int]]] = []  # the table once read


def table() -> dict[tuple[int, int, bool], tuple[int, int]]:
    """``{class: (pairs, splits)}`` of the shipped table, read once."""
    if not _LOADED:
        from repair.lexicons import read_tsv

        rows = read_tsv(TABLE, COLUMNS)
        _LOADED.append({(int(a), int(b), c == "1"): (int(n), int(s)) for a, b, c, n, s in rows})
    return _LOADED[0]


def space_cost(left: str, right: str) -> float:
    """Minus the log odds (nats) that the plain space between ``left`` and ``right`` lies
    inside one word; a class the table never saw takes the table's overall rate."""
    got = table()
    pairs, splits = got.get(pair_class(left, right)) or (
        sum(p for p, _s in got.values()),
        sum(s for _p, s in got.values()),
    )
    rate = (splits + 0.5) / (pairs + 1)
    return -math.log(rate / (1 - rate))


def split_cost(pieces: list[str]) -> float:
    """The price (nats) of reading the plain spaces between ``pieces`` as inside one word."""
    return sum(space_cost(a, b) for a, b in zip(pieces, pieces[1:], strict=False))
