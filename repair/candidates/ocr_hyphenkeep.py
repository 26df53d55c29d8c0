"""A hyphen printed inside a line is kept (issue 12, session 33: breaks on newspapers).

Newspaper pages whose OCR keeps the line ends show a word broken at a line end as
"opera-⏎tions"; a hyphen *inside* a line on such a page is the printer's: "co-ordinated",
"pin-pointed", "sub-committee", "re-issued".  Readings that delete it ("coordinated",
"pinpointed", "subcommittee") break two or three correct gold tokens each (SMH dev: 10
of the 75 tokens we break where OverProof leaves them right, from 4 edits of three
builders: the stray-mark, glyph-join and inline-hyphen readers).

The guard drops a candidate that removes such a hyphen when

* the page breaks at least one word at a line end with a hyphen (its line ends are the
  printer's, so an inline hyphen is no reflowed line break),
* the hyphen has letters on both sides and no space next to it, and
* the piece before it is a known lower-case word of at least :data:`MIN_LEFT` letters
  ("co", "pin", "sub", "re"; not a stray mark cutting a short word: "a-nount", "w-as";
  nor a capitalised word cut by a mark: "Com-mittee", "As-sociation"), and the piece
  after it has at least :data:`MIN_RIGHT` lower-case letters ("th-y", "nrc-a" are cut
  words).

>>> from repair.candidates.ocr_rules import cand
>>> import repair.candidates.ocr_hyphenkeep as hk
>>> hk.PRINTED_HYPHEN = True
>>> text = "combined and co-ordinated opera-\\ntions"
>>> c = cand(13, 25, "coordinated", "OCR_INLINE_HYPHEN")
>>> keep_printed_hyphens(text, [c])
[]
>>> keep_printed_hyphens("combined and co-ordinated", [c]) == [c]  # no line-end hyphen
True
>>> hk.PRINTED_HYPHEN = False
"""

from __future__ import annotations

import re
from dataclasses import replace

from repair.candidates.ocr_rules import letter_runs, letters_around
from repair.score.ocr_channel import is_known
from repair.types import Candidate

#: The guard is on (shipped off, session 33: SMH dev 4,699 → 4,688 tokens, test 5,581 → 5,584).
PRINTED_HYPHEN = False
#: Letters the word before the hyphen needs (a one-letter piece is a cut word: "a-nount").
MIN_LEFT = 2
#: Letters the piece after the hyphen needs ("th-y", "nrc-a": a stray mark in a word).
MIN_RIGHT = 3

_LINE_END_HYPHEN = re.compile(r"[^\W\d_]-\n[^\W\d_]")

#: A reading whose only change is deleting a hyphen printed between two letter runs of
#: :data:`PURE_MIN_SIDE` letters or more ("co-ordinated" -> coordinated, "pin-pointed",
#: "an-swered", "Il-lustrations") is dropped on any page (issue 12, session 41): it fixes
#: no misread glyph, and the gold of both newspapers and books keeps the printer's hyphen
#: (SMH dev 2 such edits, ICDAR books 1-80 7, none right; "w-aggon" has a one-letter side).
#: Shipped off: on the hard-wrapped pages it is limited to (:data:`WRAPPED_ONLY`) it adds
#: nothing on SMH dev to :data:`HYPHEN_REINSERT`, which already keeps a hyphen after a
#: known lower-case word; beyond that it would keep "Philo-sophy" run into a wrapped page.
PURE_HYPHEN_KEEP = False
#: Letters each side of such a hyphen needs.
PURE_MIN_SIDE = 2
#: A reading that deletes a printed hyphen but keeps the known word before it letter for
#: letter ("sub-commitlee" -> subcommittee, "re-iisuea" -> reissues) keeps the hyphen
#: ("sub-committee", "re-issues") on any page (issue 12, session 41; the session 33 guard
#: :data:`PRINTED_HYPHEN` dropped the reading and needed a line-end hyphen on the page).
HYPHEN_REINSERT = True
#: Both only on a page set in hard-wrapped lines (a line-end hyphen, or at least
#: :data:`WRAP_MIN_LINES` lines of :data:`WRAP_MAX_MEAN` characters or fewer on average):
#: its line ends are the printer's, so a hyphen inside a line is printed.  A page run
#: into one line may carry its line-end hyphens inside the text ("litera-ture",
#: "pos-sesses": ICDAR file 81, 2,019 of them), and there the join is the repair.
WRAPPED_ONLY = True
WRAP_MIN_LINES = 3
WRAP_MAX_MEAN = 100
_INLINE_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def _wrapped(text: str) -> bool:
    """Whether the page is set in hard-wrapped lines (:data:`WRAPPED_ONLY`)."""
    if not WRAPPED_ONLY or _LINE_END_HYPHEN.search(text):
        return True
    lines = [line for line in text.split("\n") if line.strip()]
    return len(lines) >= WRAP_MIN_LINES and sum(map(len, lines)) <= WRAP_MAX_MEAN * len(lines)


def _side_runs(span: str, h: int) -> tuple[str, str]:
    """The letter runs of ``span`` right before and right after the hyphen at ``h``."""
    i, j = letter_runs(span, h)
    return span[i:h], span[h + 1 : j]


def _pure_deletion(text: str, c: Candidate) -> bool:
    """Whether ``c`` only deletes hyphens printed between letter runs of
    :data:`PURE_MIN_SIDE` letters or more (judged on the page, so a run cut by the
    span's edge counts whole)."""
    span = text[c.start : c.end]
    if c.replacement != span.replace("-", "") or "\n" in span:
        return False
    lo = max(0, c.start - 40)
    window = text[lo : c.end + 40]
    for k, ch in enumerate(span):
        if ch != "-":
            continue
        h = c.start + k - lo
        if not _INLINE_HYPHEN.match(window, h):
            return False
        left, right = _side_runs(window, h)
        if len(left) < PURE_MIN_SIDE or len(right) < PURE_MIN_SIDE:
            return False
    return True


def _reinserted(text: str, c: Candidate) -> Candidate | None:
    """``c`` with the printed hyphen put back after the known word it keeps, or None."""
    span = text[c.start : c.end]
    if span.count("-") != 1 or "-" in c.replacement or "\n" in span:
        return None
    h = span.index("-")
    if h == 0 or not _INLINE_HYPHEN.match(span, h) or not span[:h].isalpha():
        return None
    if c.start > 0 and text[c.start - 1].isalpha():
        return None  # the span starts inside the word before the hyphen
    left, right = span[:h], _side_runs(span, h)[1]
    rest = c.replacement[h:]
    if (
        len(left) < MIN_LEFT
        or not left.islower()
        or not is_known(left)
        or len(right) < MIN_RIGHT
        or not right.islower()
        or not c.replacement.startswith(left)
        or len(rest) < MIN_RIGHT
        or not rest[:MIN_RIGHT].isalpha()
        or not rest[:MIN_RIGHT].islower()
    ):
        return None
    return replace(c, replacement=left + "-" + rest)


def _printed(text: str, h: int) -> bool:
    """Whether the hyphen at ``text[h]`` sits between letters, inside a line, after a
    known lower-case word of :data:`MIN_LEFT` letters or more and before
    :data:`MIN_RIGHT` lower-case letters or more."""
    runs = letters_around(text, h)
    if runs is None:
        return False
    i, j = runs
    left, right = text[i:h], text[h + 1 : j]
    return (
        len(left) >= MIN_LEFT
        and left.islower()
        and is_known(left)
        and len(right) >= MIN_RIGHT
        and right.islower()
    )


def keep_printed_hyphens(text: str, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` without the readings that delete a printed inline hyphen (module doc)."""
    if (PURE_HYPHEN_KEEP or HYPHEN_REINSERT) and "-" in text and _wrapped(text):
        cands = _keep_inline_hyphens(text, cands)
    if not PRINTED_HYPHEN or "-" not in text or not _LINE_END_HYPHEN.search(text):
        return cands
    out = []
    for c in cands:
        span = text[c.start : c.end]
        if "-" in span and c.replacement.count("-") < span.count("-"):
            base = c.start
            if any(_printed(text, base + k) for k, ch in enumerate(span) if ch == "-"):
                continue
        out.append(c)
    return out


def _keep_inline_hyphens(text: str, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` without pure hyphen deletions (:data:`PURE_HYPHEN_KEEP`) and with the
    hyphen put back where a reading keeps the word before it (:data:`HYPHEN_REINSERT`)."""
    out = []
    for c in cands:
        if "-" not in text[c.start : c.end]:
            out.append(c)
            continue
        if PURE_HYPHEN_KEEP and _pure_deletion(text, c):
            continue
        if HYPHEN_REINSERT:
            r = _reinserted(text, c)
            if r is not None:
                c = r
                if c.replacement == text[c.start : c.end]:
                    continue
        out.append(c)
    return out
