"""A name printed in lower case inside a name run: "Horace leslie Appleton" (issue 12).

Newspaper OCR sometimes loses a name's capital glyph (a broken or faint capital read as
its lower-case letter): "Dvr luther Williams", "Gnr Bernard leigh Besly", "and thomas
Hanley for", "at thursday Island".  The printed word is a known word, so nothing flags
it, and :mod:`repair.candidates.ocr_case` only ever lowers a capital.

On a garbled page a lower-case printed word is given its capital when the word after it,
on the same line, is a capitalised word (the name goes on), the name lists know the
word, and the period text (:meth:`repair.score.ngrams.NgramTable.capital_share`) makes it
a name by one of two pieces of evidence, strongest first:

* the period text writes it with a capital in at least :data:`PERIOD_MIN_SHARE` of its
  mid-sentence occurrences, seen at least :data:`PERIOD_MIN_COUNT` times and hardly ever
  in lower case (:data:`PERIOD_MAX_LOWER`): "thomas", "thursday", "english"; not "miss"
  (97 % "Miss", but 30 lower-case verbs: "would miss Sydney");
* the period text writes it with a capital that often but has seen it fewer times, or
  has never seen it: then the word before must be a
  capitalised word too ("Horace leslie Appleton", "Jane jamison Lucas"), the word must
  have at least :data:`WEAK_MIN_LEN` letters, and the page must not print it in lower
  case elsewhere (name particles "della", "van" repeat in lower case; a lost capital
  is a one-off).

Evidence: the period table's case shares, the name lists, the page's own counts.  No
word list.  Clean pages are never read (the caller only asks garbled pages).

>>> from repair.tokenize import tokenize
>>> toks = tokenize("the boys, and thomas Hanley for")
>>> [c.replacement for c in name_capital_candidates(toks, 7, {"thomas": 1})]
['Thomas']
>>> toks = tokenize("to miss the train")
>>> name_capital_candidates(toks, 2, {"miss": 1})
[]
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.candidates.ocr_realword import line_broken_piece
from repair.candidates.ocr_rules import cand
from repair.score.ngrams import get_ngrams
from repair.types import Candidate, Token

#: Capitalise a lower-case printed name inside a name run on a garbled page (session 52,
#: ocrcase; measured in ``benchmarks/RESULTS.md``, "Session 52, ocrcase").
NAME_RUN_CAPITAL = True
#: The period text's capital share of a name (mid-sentence occurrences) ...
PERIOD_MIN_SHARE = 0.9
#: ... over at least this many occurrences: strong evidence, one capitalised word after.
PERIOD_MIN_COUNT = 10
#: A word the period text has written in lower case (mid-sentence) this often or more is
#: a common word or a title too, whatever its share: "miss" (988 times, 3 % lower case:
#: "to miss the"), "president" and "colonel" (~5 lower-case times; modern text writes
#: "president Obama").  Every name must also be one the name lists know ("senator", 36
#: times and always "Senator" in the period text, is not: the OCR'd modern text audit's
#: dev half, "senator Brian Greig" x20, session 52).
PERIOD_MAX_LOWER = 1.0
#: Weaker evidence (fewer occurrences, or a listed name the period text never saw) needs
#: a capitalised word on both sides and a word at least this long.
WEAK_MIN_LEN = 5
#: Confidence of the repair (as :data:`repair.candidates.ocr_case.CONFIDENCE`).
CONFIDENCE = 0.8


def _capitalised(t: Token) -> bool:
    return t.kind == "word" and t.text[:1].isupper() and t.text[1:].islower()


#: The word before may stand at the end of the line before ("Gnr Bernard⏎leigh Besly",
#: "Violet Jane⏎jamison Lucas": SMH's columns are wrapped mid-sentence); the word after
#: is always on the same line ("Hum-⏎bert⏎He": a broken word's piece, a sentence after).
ACROSS_LINE = True


def _neighbour(toks: list[Token], i: int, step: int) -> Token | None:
    """The token one plain space after token ``i`` (``step`` 1) or before it (``step``
    -1; with :data:`ACROSS_LINE` also one line break), or None."""
    j = i + step
    gaps = ("\n", " ") if ACROSS_LINE and step < 0 else (" ",)
    if not (0 <= j < len(toks)) or toks[j].kind != "space" or toks[j].text not in gaps:
        return None
    k = j + step
    return toks[k] if 0 <= k < len(toks) else None


def name_capital_candidates(
    toks: list[Token], i: int, counts: Mapping[str, int]
) -> list[Candidate]:
    """The capitalised form of the lower-case word ``toks[i]`` when it is a name inside a
    name run (see the module's docstring), or nothing."""
    tok = toks[i]
    text = tok.text
    if len(text) < 3 or not text.isalpha() or not text.islower():
        return []
    if line_broken_piece(toks, i):
        return []  # "Hum-⏎bert": half of a word broken at a line end
    after = _neighbour(toks, i, 1)
    if after is None or not _capitalised(after):
        return []
    table = get_ngrams()
    if not table.is_name(text):
        return []
    share = table.capital_share(text)
    if share is not None and share < PERIOD_MIN_SHARE:
        return []
    n = table.count(text)
    if share is not None and n * (1.0 - share) >= PERIOD_MAX_LOWER:
        return []
    strong = share is not None and n >= PERIOD_MIN_COUNT
    if not strong:
        before = _neighbour(toks, i, -1)
        if before is None or not _capitalised(before) or len(text) < WEAK_MIN_LEN:
            return []
        if counts.get(text, 0) > 1:
            return []
    reading = text[0].upper() + text[1:]
    return [cand(tok.start, tok.end, reading, "OCR_CASE", finding="name_capital", fixed=CONFIDENCE)]
