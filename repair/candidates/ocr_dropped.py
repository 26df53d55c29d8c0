"""Readings of a non-word that put back a letter the OCR dropped ("Distict" -> "District").

The learned confusion table (:mod:`repair.score.ocr_channel`) keeps no insertions, and its
walk cannot insert: a letter the page printed and the OCR lost ("Lawence", "oad" for
"road", "hird" for "third") is never read back unless no listed reading exists at all
(the generic back-off of :mod:`repair.candidates.ocr_backoff`).  This source proposes,
for a non-word of a garbled page, the dictionary words one inserted letter away
(optionally after one cheap listed confusion: "wnl" -> "wil" -> "will"), priced by a
*learned drop rate* per letter and position in the word (``lexicons/ocr_drops.tsv``,
``scripts/build_ocr_drops.py``), not by a list of pairs.  Whether a reading is taken is
left to the ocr scorer (two-sided language model, frequency, page evidence), like every
other candidate, with its own margin (:data:`THRESHOLD`).

Only:

* on pages whose garble gate is open and that are not early modern print (the caller
  checks);
* for a purely alphabetic lower-case or capitalised non-word finding of at least
  :data:`MIN_LEN` letters that the page prints once, that neither the period vocabulary
  nor the old-spelling rules know and that the web does not use (Zipf below
  :data:`RARE_ZIPF`);
* towards words at least :data:`TARGET_ZIPF` common that no other candidate of the
  token already proposes and (:data:`PAGE_ONLY`) that the page itself prints elsewhere.

It also backs off, for the same tokens, to lower-case glyph pairs the table never saw
("u" -> "r", "l" -> "d") at :data:`UNSEEN_SUB_COST`, above every learned row.

Shipped **off** (``repair.candidates.ocr.DROPPED``): on held-out folds of SMH dev
(``benchmarks/ocr_drops_cv.py``) no setting moved the error counts by more than three
tokens of ~5,600; the right readings are there, but the context model cannot tell them
from the wrong ones ("Buit" -> "Built" for "suit").  See benchmarks/RESULTS.md
"OCR: dropped letters (session 8)".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

from repair.candidates.ocr_rules import word_cand
from repair.lexicons import read_tsv
from repair.resources.frequency import zipf
from repair.score.ocr_channel import (
    archaic_form,
    confusions,
    in_vocabulary,
    is_target,
    single_confusions,
    transfer_case,
)
from repair.types import Candidate, Token

DROPS_FILE = "ocr_drops.tsv"
#: Shortest token read.
MIN_LEN = 3
#: Readings are words at least this common (Zipf).
TARGET_ZIPF = 3.0
#: Tokens the web uses this often are rare words, not garble.
RARE_ZIPF = 2.5
#: Margin (nats) a reading needs in context.
THRESHOLD = 0.0
#: A dropped letter may follow one listed confusion this cheap (nats); 0 turns it off.
COMBINED_MAX_COST = 2.5
#: Cost (nats) of one lower-case letter read as another the confusion table has no row
#: for ("u" -> "r", "l" -> "d"): a back-off above every learned row; 0 turns it off.
UNSEEN_SUB_COST = 6.0
#: Nats taken off every drop cost (a knob for the cross-validation; 0: as learned).
DROP_DISCOUNT = 0.0
#: A reading the page itself prints costs this much less (nats; page consistency) ...
PAGE_BONUS = 2.0
#: ... and with PAGE_ONLY only such readings are proposed (out of fold: the only setting
#: that did not lose a token in either fold).
PAGE_ONLY = True
_LOWER = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=1)
def drop_costs() -> dict[tuple[str, str], float]:
    """(letter, position) -> cost in nats of the OCR losing that letter there."""
    rows = read_tsv(DROPS_FILE, ("letter", "position", "cost", "drops"))
    return {(r[0], r[1]): float(r[2]) for r in rows}


def dropped_applies(text: str, reason: str, counts: Mapping[str, int], period_word: bool) -> bool:
    """Whether non-word finding ``text`` may get readings with a letter put back."""
    if reason not in ("nonword", "capitalized_unknown") or len(text) < MIN_LEN:
        return False
    if not (text.isascii() and text.isalpha()) or not (text.islower() or text[1:].islower()):
        return False  # numbers, acronyms, mixed or accented forms
    if counts.get(text, 0) >= 2 or period_word or archaic_form(text):
        return False  # the page repeats it (a name), or it is a (period) word
    if text.islower() and (counts.get(text.capitalize(), 0) or counts.get(text.upper(), 0)):
        return False  # printed capitalised elsewhere: a name
    return zipf(text.lower()) < RARE_ZIPF


def _position(i: int, n: int) -> str:
    return "initial" if i == 0 else "final" if i == n else "inner"


def insertions(low: str, first: bool = True) -> dict[str, tuple[float, tuple[str, str]]]:
    """Dictionary targets one inserted lower-case letter from ``low`` -> (cost, (gold, ...)).

    ``first=False``: no letter before the first one (a capitalised token keeps its
    capital)."""
    costs = drop_costs()
    out: dict[str, tuple[float, tuple[str, str]]] = {}
    n = len(low)
    for i in range(0 if first else 1, n + 1):
        pos = _position(i, n)
        for ch in _LOWER:
            word = low[:i] + ch + low[i:]
            if word in out or not in_vocabulary(word):
                continue
            cost = costs.get((ch, pos))
            if cost is not None:
                out[word] = (cost - DROP_DISCOUNT, ("", ch))
    return out


def unseen_substitutions(low: str, first: bool = True) -> dict[str, tuple[float, tuple[str, str]]]:
    """Dictionary targets one lower-case letter substitution from ``low`` that the
    confusion table has no row for -> (:data:`UNSEEN_SUB_COST`, (printed, gold))."""
    table = confusions()
    out: dict[str, tuple[float, tuple[str, str]]] = {}
    for i in range(0 if first else 1, len(low)):
        listed = {d for d, _c in table.get(low[i], ())}
        for ch in _LOWER:
            if ch == low[i] or ch in listed:
                continue
            word = low[:i] + ch + low[i + 1 :]
            if word not in out and in_vocabulary(word):
                out[word] = (UNSEEN_SUB_COST, (low[i], ch))
    return out


def dropped_readings(text: str) -> list[tuple[str, float, tuple[tuple[str, str], ...]]]:
    """(word, cost, substitutions) readings of ``text`` with one dropped letter put back,
    cheapest first."""
    low = text.lower()
    first = text[:1].islower()
    found: dict[str, tuple[float, tuple[tuple[str, str], ...]]] = {}
    for word, (cost, sub) in insertions(low, first).items():
        found[word] = (cost, (sub,))
    if UNSEEN_SUB_COST > 0:
        for word, (cost, sub) in unseen_substitutions(low, first).items():
            if word not in found or cost < found[word][0]:
                found[word] = (cost, (sub,))
    if COMBINED_MAX_COST > 0:
        for c in single_confusions(low, targets=False):
            if c.cost > COMBINED_MAX_COST:
                break
            for word, (cost, sub) in insertions(c.text.lower(), first).items():
                total = cost + c.cost
                if word != low and (word not in found or total < found[word][0]):
                    found[word] = (total, (*c.subs, sub))
    out = []
    for word, (cost, subs) in found.items():
        if zipf(word) < TARGET_ZIPF or not is_target(word):
            continue
        out.append((transfer_case(text, word), cost, subs))
    out.sort(key=lambda r: (r[1], -zipf(r[0].lower())))
    return out


def dropped_candidates(
    tok: Token, reason: str, seen: Iterable[str], counts: Mapping[str, int]
) -> list[Candidate]:
    """Candidates of token ``tok`` (the caller checked :func:`dropped_applies` and the
    page), leaving out readings another source already proposes (``seen``); a reading
    the page prints elsewhere (``counts``) is cheaper by :data:`PAGE_BONUS`."""
    taken = {s.lower() for s in seen}
    out = []
    for word, cost, subs in dropped_readings(tok.text):
        if word.lower() in taken:
            continue
        on_page = counts.get(word, 0) + counts.get(word.capitalize(), 0) >= 1
        if PAGE_ONLY and not on_page:
            continue
        cost -= PAGE_BONUS if on_page else 0.0
        out.append(
            word_cand(
                tok,
                word,
                "OCR_SPELLING",
                finding=reason,
                cost=cost,
                threshold=THRESHOLD,
                subs=[list(s) for s in subs],
                dropped=True,
            )
        )
    return out
