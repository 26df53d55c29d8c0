"""Words broken at a line end whose hyphen the OCR lost, both pieces words as printed.

Newspaper columns break many words at the line end; the OCR often loses the hyphen.
When one piece is no word, the non-word finding opens the join
(:func:`repair.candidates.ocr_spacing.joins`, :mod:`repair.candidates.ocr_garbled_join`).
When both pieces are words as printed ("ban⏎quoted", "Al⏎fred", "pro⏎coding") nothing
did.  Here every single line break between two words of a garbled page is a place a
word may have been broken:

* the pieces joined make a word ("Vin⏎cent" -> "Vincent", "after⏎noon"): a plain join;
* the joined string is one or two cheap learned confusions from a common word
  ("ban⏎quoted" -> "banqueted", "ra⏎corded" -> "recorded"): a join read through the
  confusion model (:func:`repair.candidates.ocr_garbled_join._readings`);

and the two-sided language model decides against the two words as printed, on a
margin (:data:`PLAIN_THRESHOLD`, :data:`GLYPH_THRESHOLD`): "be⏎held", "for⏎a" read far
better as two words and stay; two very common words ("any⏎thing", "every⏎where") are
never joined as printed (:data:`COMMON_PIECES_ZIPF`).

A line-end hyphen followed by a speck ("mac- 1⏎«danoise", "Satur- ¡⏎day") hides the
hyphen from the detector; :func:`speck_hyphen_joins` joins such a break the same way.
The edit is one span from the first piece to the second: the break and specks inside
it are deleted, whitespace elsewhere stays.
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.candidates.ocr_garbled_join import _readings, _two_words
from repair.candidates.ocr_rules import cand
from repair.candidates.ocr_spacing import SPACING_COST
from repair.resources.frequency import zipf
from repair.score.ocr_channel import is_target
from repair.types import Candidate, Token

#: Switch: joins of two printed words across a line break.
LINE_JOINS = True
#: Switch: a line-end hyphen hidden by a speck.
SPECK_HYPHENS = True
#: Margin (nats) a plain join of two words needs (the LM against the two words).
PLAIN_THRESHOLD = 3.0
#: Margin (nats) a join read through the confusion model needs.
GLYPH_THRESHOLD = 3.0
#: Two pieces both this common (Zipf) are two words: "any⏎thing", "every⏎where" are how
#: older print sets them, and no lost hyphen is likelier than the writer's own space.
COMMON_PIECES_ZIPF = 5.5
#: Extra cost (nats) of a join across a line break over the spacing cost.
LINE_COST = 0.0
#: A capitalised first piece may also join into a name of the period name list
#: ("Broad⏎foot" -> "Broadfoot", "Banks⏎town" -> "Bankstown").
NAMES = True
#: Shortest joined word read through the confusion model.
GLYPH_MIN_LEN = 6
#: A reading of the joined string is at least this common (Zipf; 3.5 for a non-word
#: finding's joins: the line break is evidence of its own, "pro⏎aided" -> "presided").
READING_ZIPF = 3.0
#: Readings of the joined string kept.
READINGS = 3
#: A speck after a line-end hyphen: one character of these.
SPECKS = frozenset("1Iijl|!¡'’,.»«:;")
#: Without a hyphen: specks at a line's end ("Wool«") or opening the next line before a
#: space ("Com⏎| mission", "Banks⏎! town") that no printer sets there.
LINE_END_SPECKS = frozenset("«»|¡")
LINE_OPEN_SPECKS = frozenset("|!¡'«»")
#: Margin (nats) a join over a hyphen and a speck needs; cost of the speck.
SPECK_THRESHOLD = -1.0
SPECK_COST = 0.5


def _period_name(word: str) -> bool:
    from repair.score.ngrams import get_ngrams

    return get_ngrams().is_name(word)


def _single_break(tok: Token) -> bool:
    """One line break, no blank line, nothing else but spaces."""
    return tok.kind == "space" and tok.text.count("\n") == 1 and not tok.text.strip()


def _join_candidates(
    left: Token,
    right: Token,
    cost: float,
    thresholds: tuple[float, float],
    hyphen: bool,
    **feats: object,
) -> list[Candidate]:
    """The plain join of ``left`` and ``right``, or readings of the joined string
    (``hyphen``: the print shows a hyphen, so common pieces may join too)."""
    joined = left.text + right.text
    orig = [left.text, right.text]
    if is_target(joined) or (NAMES and left.text[:1].isupper() and _period_name(joined)):
        common = min(zipf(left.text.lower()), zipf(right.text.lower())) >= COMMON_PIECES_ZIPF
        if common and not hyphen:
            return []
        return [
            cand(
                left.start,
                right.end,
                joined,
                "OCR_JOIN_SPLIT",
                orig=orig,
                alt=[joined],
                cost=cost,
                threshold=thresholds[0],
                **feats,
            )
        ]
    if len(joined) < GLYPH_MIN_LEN or not joined.isalpha():
        return []
    out = []
    for c in _readings(joined)[:READINGS]:
        low = c.text.lower()
        if zipf(low) < READING_ZIPF or _two_words(low, left.text.lower(), right.text.lower()):
            continue
        out.append(
            cand(
                left.start,
                right.end,
                c.text,
                "OCR_JOIN_SPLIT",
                orig=orig,
                alt=[c.text],
                cost=cost + c.cost,
                threshold=thresholds[1],
                subs=[list(x) for x in c.subs],
                **feats,
            )
        )
    return out


def line_joins(toks: list[Token], findings: Mapping[int, str]) -> list[Candidate]:
    """Joins of the last word of a line with the first of the next ("ban⏎quoted")."""
    if not LINE_JOINS:
        return []
    out: list[Candidate] = []
    for i in range(1, len(toks) - 1):
        sep = toks[i]
        # a plain space (most tokens' separator) is no line break: tested before the call
        # (issue 14, session 38)
        if sep.kind != "space" or sep.text == " " or not _single_break(sep):
            continue
        left, right = toks[i - 1], toks[i + 1]
        if left.kind != "word" or right.kind != "word":
            continue
        if not (right.text.isalpha() and right.text.islower() and left.text.isalpha()):
            continue
        if len(right.text) < 2:
            continue
        if findings.get(left.start) == "nonword" or findings.get(right.start) == "nonword":
            continue  # the non-word finding's own joins (ocr_spacing, ocr_garbled_join)
        if i >= 2 and toks[i - 2].text in ("-", "'", "’"):
            continue  # "north-east⏎...", "O'⏎..."
        out += _join_candidates(
            left,
            right,
            SPACING_COST + LINE_COST,
            (PLAIN_THRESHOLD, GLYPH_THRESHOLD),
            False,
            finding="line_break_join",
        )
    return out


def speck_hyphen_joins(toks: list[Token]) -> list[Candidate]:
    """ "mac- 1⏎«danoise", "Satur- ¡⏎day": a line-end hyphen with a speck after it (or
    one opening the next line), then the rest of the word; without a hyphen, a speck
    no printer sets there stands in its place ("Wool«⏎loomooloo", "Com⏎| mission")."""
    if not SPECK_HYPHENS:
        return []
    out: list[Candidate] = []
    n = len(toks)
    for i in range(n - 2):
        left = toks[i]
        if left.kind != "word" or not left.text.isalpha():
            continue
        j = i + 1
        hyphen = toks[j].text == "-"
        j += hyphen
        if hyphen and j < n and toks[j].kind == "space" and "\n" not in toks[j].text:
            j += 1
        end_specks = SPECKS if hyphen else LINE_END_SPECKS
        speck = j < n and toks[j].text in end_specks and len(toks[j].text) == 1
        j += speck
        if j >= n or toks[j].text == " " or not _single_break(toks[j]):
            continue  # (a plain space tested before the call: issue 14, session 38)
        j += 1
        open_specks = SPECKS if hyphen else LINE_OPEN_SPECKS
        if j < n and toks[j].kind == "punct" and toks[j].text in open_specks:
            j += 1
            spaced = j < n and toks[j].text == " "
            j += spaced
            # without a hyphen the speck stands apart: glued to the word it is a
            # misread letter ("¡s" is "is")
            speck = hyphen or spaced
        if j >= n or toks[j].kind != "word" or not (hyphen or speck):
            continue
        right = toks[j]
        if not (right.text.isalpha() and right.text.islower()) or (not hyphen and not speck):
            continue
        if hyphen and not speck:
            continue  # a plain line-end hyphen: the detector's finding (ocr_hyphen)
        thresholds = (
            (SPECK_THRESHOLD, GLYPH_THRESHOLD) if hyphen else (PLAIN_THRESHOLD, GLYPH_THRESHOLD)
        )
        out += _join_candidates(left, right, SPECK_COST, thresholds, hyphen, finding="speck_hyphen")
    return out
