"""A comma printed twice (session 44, ocrpunct44; issue 12).

English never sets two commas in a row, but the OCR of a newspaper column prints them:
a speck beside a comma reads as a second one ("than at any previous time,, and we",
"for the petitioner,, who was granted"), and a list that lost a name to a smudge keeps
both commas across the line break ("Mrs. Glass,⏎, Miss Philp").  After a sum in
shillings or pence the first mark is the unit's stop, read as a comma as its stop's
dot sits low ("£6 12s,, and 18s." for "12s., and": the comma after it is the
sentence's own).

A comma after a word, or after a sum, followed -- at once, or across spaces or one line
break -- by a second comma that a space follows, is read: after a sum
(:func:`repair.candidates.ocr_moneystop._unit_at`) the first becomes a stop; after a
word the second comma goes, with the spaces before it.

Runs in the stop pass (:mod:`repair.candidates.ocr_stoppass`) on the corrected text of
the pages where that pass runs (heavily garbled pages and newspaper columns, not verse),
one linear scan of the tokens.

>>> from repair.tokenize import tokenize
>>> page = "at any time,, and Mrs. Glass,\\n, Miss Philp paid 12s,, and 1,, 2"
>>> [(page[c.start : c.end], c.replacement) for c in double_comma_candidates(tokenize(page))]
[(',', ''), ('\\n,', ''), (',', '.')]
"""

from __future__ import annotations

from repair.types import Candidate, Token

#: On/off (hook in :func:`repair.candidates.ocr_stoppass._stops`).  On: SMH dev -5 / -7
#: (dev-a -2 / -4, dev-b -3 / -3; 5 doubled commas, one after a sum); the OCR guards as
#: main (RESULTS, "Session 44, ocrpunct44").
DOUBLE_COMMA = True
#: Confidence of the reading.
CONFIDENCE = 0.7


def double_comma_candidates(toks: list[Token]) -> list[Candidate]:
    """The reading of each doubled comma (module doc); ``[]`` when off."""
    if not DOUBLE_COMMA:
        return []
    from repair.candidates.ocr_moneystop import _unit_at
    from repair.candidates.ocr_rules import cand

    out: list[Candidate] = []
    n = len(toks)
    for i in range(1, n - 2):
        first = toks[i]
        if first.text != "," or toks[i - 1].kind != "word" or toks[i - 1].end != first.start:
            continue
        j = i + 1
        if toks[j].kind == "space":
            if "\n\n" in toks[j].text or toks[j].text.count("\n") > 1:
                continue
            j += 1
        if j + 1 >= n or toks[j].text != "," or toks[j + 1].kind != "space":
            continue
        if i >= 2 and _unit_at(toks, i - 2):
            out.append(
                cand(first.start, first.end, ".", "OCR_STRAY_MARK", finding="double_comma_sum",
                     fixed=CONFIDENCE)
            )  # fmt: skip
            continue
        out.append(
            cand(first.end, toks[j].end, "", "OCR_STRAY_MARK", finding="double_comma",
                 fixed=CONFIDENCE)
        )  # fmt: skip
    return out
