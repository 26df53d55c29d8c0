"""Readings through a lost letter (the walk's learned context rows,
:data:`repair.score.ocr_channel.INDEL_ROWS`) are kept on heavily garbled pages only.

A lost letter is what old and careful print spells too: ICDAR's 17th-century books print
"entred", "shal", "wel", "busines", each one letter short of a modern word, and the
walk reads them so when its lost-letter rows are on (ICDAR files 1-80: 44 -> 52 correct
tokens broken).  On a heavily garbled page (the garble score at or above the page's heavy
gate, not early print) a non-word one letter short of a word is garble far more often.
The walk's results are cached per token, for every page alike, so the page decides
here, after the builders: a candidate whose substitutions use such a row is dropped
from a page that is not heavy.

>>> uses_indel({"subs": [["w", "wr"]]}, frozenset({("w", "wr")}))
True
>>> uses_indel({"subs": [["o", "e"]]}, frozenset({("w", "wr")}))
False
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.score import ocr_channel
from repair.types import Candidate

#: Switch: readings through lost-letter rows only on heavily garbled pages.
HEAVY_ONLY = True
#: Switch: not a letter lost at a word's end ("démoralise" would read "demoralised" beside
#: "demoralise", "Scot" "Scots": an inflection, not garble), nor in a reading that joins
#: printed pieces ("~Sco~ and" -> "Scotland"); ICDAR file 81's first 300 k characters
#: (training text of the tables).
EDGE_AND_JOINS = True
#: Switch: no lost-letter reading of a token that prints a mark among its letters (a
#: tilde, an inner period or apostrophe, a stray glyph at its start: "~Sco~", "to-da.y",
#: "'igh").  Such a token is already garbled by the mark; reading a lost letter as well
#: stacks a second guess on it ("to-classy", "right").  Trailing sentence punctuation is
#: no mark.
MARKED = True
#: Switch: nor in the word pieces of a chunk glued to a mark
#: (:func:`repair.candidates.ocr_glued._read_pieces`: "~Sco~ and" -> "Scotland").
#: With the rows on it clears ICDAR file 81's one break (64 -> 63) for SMH dev -2 / -2
#: and test -4 tokens of the rows' gain (benchmarks/RESULTS.md, session 39, indel39b).
GLUED_PIECES = True
#: Switch: a lost letter only as a reading's one substitution (not stacked on another
#: confusion: "ishly" -> "ashley", "Mon-strances" -> "strangers" on ICDAR gold with
#: synthetic noise).  Off: with the rows on it clears that guard (167 -> 166 broken) but
#: halves the SMH gain (dev deva -2 -> -1, devb -3 -> -2, test -1 -> 0 tokens against the
#: rows off; benchmarks/RESULTS.md, session 39, indel39b).
ALONE = False
#: Switch: :data:`MARKED` judges the whole printed token around the reading (between
#: spaces, opening brackets and quotes set aside), not the reading's span alone: a piece
#: of "Mon-strances" ("strances" -> "strangers" on ICDAR gold with synthetic noise)
#: belongs to a token printing a hyphen.  On: with the rows on, ICDAR gold + noise 167 ->
#: 166 broken (the rows off: 166), SMH dev and test as without it (benchmarks/RESULTS.md,
#: session 40, indel40).
WHOLE_TOKEN = True
#: Nats added to a reading through a lost-letter row for each of its other substitutions
#: (a lost letter stacked on other confusions is priced, not forbidden as by
#: :data:`ALONE`); 0: no extra price.  Off: any price loses SMH dev half A a token
#: ("lespectlvly" -> "respectively", 0.02 nats above its threshold with two other
#: confusions), half B is equal in tokens up to 1.5 nats but 2 characters worse (at 1.0
#: "wro" -> "were" loses to "are"), and :data:`WHOLE_TOKEN` already clears ICDAR
#: gold + noise (session 40, indel40).
EXTRA_SUB_COST = 0.0
#: Closing punctuation a word may carry at its end (not a mark in it).
_TRAILING = ".,;:!?'\")\u201d\u2019"
#: Opening brackets and quotes a word may carry at its start (not a mark in it).
_OPENING = '(["\u201c'


def marked(original: str) -> bool:
    """Whether the printed ``original`` holds a glyph that is not a letter, once its
    trailing sentence punctuation is set aside.

    >>> marked("Distict"), marked("Distict."), marked("to-da.y"), marked("'igh")
    (False, False, True, True)
    """
    word = original.rstrip(_TRAILING)
    return not word or not word.isalpha()


def uses_indel(features: Mapping[str, object], pairs: frozenset[tuple[str, str]]) -> bool:
    """Whether a candidate's substitutions (``features["subs"]``) use one of ``pairs``."""
    subs = features.get("subs")
    if not isinstance(subs, list | tuple):
        return False
    return any(isinstance(s, list | tuple) and len(s) == 2 and (s[0], s[1]) in pairs for s in subs)


def final_or_joined(cand: Candidate, original: str, pairs: frozenset[tuple[str, str]]) -> bool:
    """Whether ``cand`` reads ``original`` (its printed text) through a lost-letter row
    at the word's end (its last substitution one of ``pairs``, the reading ending in
    what the row reads and the print in what it printed) or across a space."""
    subs = cand.features.get("subs")
    if not isinstance(subs, list | tuple) or not uses_indel(cand.features, pairs):
        return False
    if any(ch.isspace() for ch in original):
        return True
    last = subs[-1]
    if not (isinstance(last, list | tuple) and len(last) == 2 and (last[0], last[1]) in pairs):
        return False
    word = original.rstrip(".,;:!?'\")\u201d\u2019").lower()
    return cand.replacement.lower().rstrip(".,;:!?'\")").endswith(last[1]) and word.endswith(
        last[0]
    )


def keep_heavy_only(out: list[Candidate], heavy: bool, text: str = "") -> list[Candidate]:
    """``out`` without the lost-letter readings when the page is not ``heavy``, and
    (``text``: the page, :data:`EDGE_AND_JOINS`) without those at a word's end or
    across a space on any page, nor (:data:`MARKED`) of a token printing a mark."""
    if not out:
        return out
    pairs = ocr_channel.indel_pairs()
    if not pairs:
        return out
    if not heavy and HEAVY_ONLY:
        return [c for c in out if not uses_indel(c.features, pairs)]
    if text and (EDGE_AND_JOINS or MARKED):
        out = [c for c in out if not _dropped(c, text, pairs)]
    if EXTRA_SUB_COST:
        out = priced(out, pairs, EXTRA_SUB_COST)
    return out


def priced(
    out: list[Candidate], pairs: frozenset[tuple[str, str]], extra: float
) -> list[Candidate]:
    """``out`` with ``extra`` nats added to the cost of each reading through one of
    ``pairs`` (a lost-letter row) per substitution beyond its first."""
    from repair.score.ocr_docchannel import shift_costs

    def shift(c: Candidate) -> float:
        n = len(c.features.get("subs") or ())  # type: ignore[arg-type]
        return extra * (n - 1) if n > 1 and uses_indel(c.features, pairs) else 0.0

    return shift_costs(out, shift)[0]


def _dropped(cand: Candidate, text: str, pairs: frozenset[tuple[str, str]]) -> bool:
    """Whether the guards of :func:`keep_heavy_only` drop ``cand`` (a reading of ``text``)."""
    original = text[cand.start : cand.end]
    if EDGE_AND_JOINS and final_or_joined(cand, original, pairs):
        return True
    if not uses_indel(cand.features, pairs):
        return False
    if ALONE and len(cand.features.get("subs") or ()) > 1:  # type: ignore[arg-type]
        return True
    if not MARKED:
        return False
    return marked(whole_token(text, cand.start, cand.end) if WHOLE_TOKEN else original)


def whole_token(text: str, start: int, end: int) -> str:
    """The printed token of ``text`` around ``[start, end)``: the span widened to the
    spaces either side, its leading opening brackets and quotes set aside.

    >>> whole_token("the Mon-strances of", 8, 16), whole_token('("Distict)', 2, 9)
    ('Mon-strances', 'Distict)')
    """
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end].lstrip(_OPENING)
