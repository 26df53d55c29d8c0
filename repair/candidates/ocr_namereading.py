"""A reading of a lower-case print that is a name inside a name run (issue 12, session 53).

Newspaper OCR reads a broken capital as a lower-case glyph ("Forbes" printed "lorbe",
"Colonel" printed "colanel"); the OCR stage then reads the garbled word right and writes
the reading in the print's (lower) case: "Allesor forbes (14349", "Lieutenant colonel
Hoskin".  :mod:`repair.candidates.ocr_capcase` restores a capital only when the learned
table read the first glyph as a capital or a mark stands there; :mod:`repair.candidates.
ocr_namecase` only reads words printed right.

:func:`recase_names` gives such a reading its initial capital when (evidence, no word
list):

* the print starts with a lower-case letter and the reading is one plain lower-case word
  of at least :data:`MIN_LEN` letters;
* the word stands in a name run (:func:`repair.candidates.ocr_capcase.in_capital_run`:
  a capitalised word after it, or a capitalised word before it that opens no sentence)
  and that neighbour is itself name-like (a listed name, or capitalised in the period
  text at least :data:`NEIGHBOUR_MIN_SHARE` of the time);
* the name lists know the reading, and the period text writes it with a capital in at
  least :data:`MIN_SHARE` of its mid-sentence uses and in lower case fewer than
  :data:`MAX_LOWER` times ("colonel": 98 %, 5 lower-case uses; not "miss": 31, nor
  "street", "court", "king": mostly lower case); a listed name the period text never saw
  only with :data:`UNSEEN_NAMES` (off).

Garbled pages only (the stage calls it after :func:`repair.candidates.ocr_capcase.recase`).

>>> [_name_reading(w) for w in ("colonel", "forbes", "miss", "street", "revolving")]
[True, False, False, False, False]
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from repair.types import Edit, Token

#: Capitalise a reading of a lower-case print that is a listed name in a name run (session
#: 53, ocrname; measured in ``benchmarks/RESULTS.md``, "Session 53, ocrname").
NAME_READING_CAPITAL = True
#: The period text's capital share of the reading (mid-sentence uses) at least ...
MIN_SHARE = 0.9
#: ... and its lower-case uses fewer than this ("colonel" 4.8, "president" 4.7, "miss" 31).
MAX_LOWER = 10.0
#: Readings shorter than this are left (short words are function words or initials).
MIN_LEN = 4
#: Also a listed name the period text never saw (no share).  Off: SMH dev, 5 readings
#: capitalised, all of them wrong readings ("Kil⏎mlnstor" -> "Minster", "lpaij" -> "Leary",
#: "ivaln" -> "Ayala"), none right ("lorbe*" -> "forbes" stands in a comma list, no run).
UNSEEN_NAMES = False
#: The capitalised neighbour that makes the run must itself be name-like: a listed name or
#: a word the period text capitalises at least this often ("a pana Jacte caso" has none).
NEIGHBOUR_MIN_SHARE = 0.5


def _start(tok: Token) -> int:
    return tok.start


def _name_reading(word: str) -> bool:
    from repair.score.ngrams import get_ngrams

    table = get_ngrams()
    if not table.is_name(word):
        return False
    share = table.capital_share(word)
    if share is None:
        return UNSEEN_NAMES
    return share >= MIN_SHARE and table.count(word) * (1.0 - share) < MAX_LOWER


def _name_like(tok: Token | None) -> bool:
    if tok is None or not tok.text[:1].isupper() or len(tok.text) < 2:
        return False
    from repair.score.ngrams import get_ngrams

    table = get_ngrams()
    word = tok.text.lower()
    share = table.capital_share(word)
    return table.is_name(word) or (share is not None and share >= NEIGHBOUR_MIN_SHARE)


def _name_run(toks: list[Token], i: int) -> bool:
    """A name run (:func:`repair.candidates.ocr_capcase.in_capital_run`) whose capitalised
    neighbour is name-like (:data:`NEIGHBOUR_MIN_SHARE`)."""
    from repair.candidates.ocr_capcase import _neighbour, in_capital_run

    if not in_capital_run(toks, i):
        return False
    return _name_like(_neighbour(toks, i, 1)) or _name_like(_neighbour(toks, i, -1))


def recase_names(toks: list[Token], edits: list[Edit]) -> list[Edit]:
    """``edits`` with the initial capital a name reading of a lower-case print lost (see
    the module's doc)."""
    if not NAME_READING_CAPITAL or not edits:
        return edits
    out: list[Edit] = []
    for e in edits:
        r = e.replacement
        orig = e.original
        if not (
            len(r) >= MIN_LEN
            and r.isalpha()
            and r.islower()
            and orig[:1].isalpha()
            and orig[:1].islower()
        ):
            out.append(e)
            continue
        i = bisect_left(toks, e.offset, key=_start)
        if (
            i >= len(toks)
            or toks[i].kind != "word"
            or toks[i].start != e.offset
            or toks[i].end != e.offset + e.length
            or not _name_run(toks, i)
            or not _name_reading(r)
        ):
            out.append(e)
            continue
        out.append(replace(e, replacement=r[:1].upper() + r[1:]))
    return out
