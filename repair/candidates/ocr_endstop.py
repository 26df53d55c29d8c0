"""The full stop lost at the end of an article (session 44, ocrpunct44; issue 12).

The last mark of a newspaper article stands at the end of a line, where the OCR of a
faint column loses it as it loses the others ("... when the vessel struck, and four
sailors", "... the Minister said during the war").  An article that ends in a word, not
a mark, lost its stop when its last words end an English sentence: the language model's
ln P(end of sentence | the last two words) is at least :data:`END_MIN` ("four sailors"
-2.1, "has been arrested" -1.6, "Department of Agriculture" -1.4).  A text cut short
("... but the Austra" -2.6, "... in the second" -3.6), a word the model does not know
(a name, -2.6: a signature) and a heading in capitals are left as they are, and so is
a page that prints fewer than :data:`MIN_STOPS` sentence stops (no prose).  Only a text
set in a newspaper's narrow column (:func:`repair.candidates.ocr._heavy_gate`: at least
10 lines, half of them at most 60 characters) is read: an article ends where its text
ends, a book's page where the page does, often inside a sentence ("... very properly
classed by him with Robin", "... The Merry Wanderer now presents": ICDAR gold with
synthetic noise).

Runs in the stop pass (:mod:`repair.candidates.ocr_stoppass`) on the corrected text of
the pages where that pass runs (heavily garbled pages and newspaper columns, not verse).

>>> from repair.tokenize import tokenize
>>> page = "The boat left.\\nIt sank.\\nThe crew were saved.\\n" * 4 + "It had four sailors\\n"
>>> [(c.start, c.replacement) for c in end_stop_candidates(tokenize(page))]
[(199, '.')]
>>> end_stop_candidates(tokenize(page.replace("\\n", " ")))  # no column
[]
>>> end_stop_candidates(tokenize(page.replace("four sailors", "with the")))
[]
"""

from __future__ import annotations

from repair.types import Candidate, Token

#: On/off (hook in :func:`repair.candidates.ocr_stoppass._stops`).  On: SMH dev -11 / -12
#: (dev-a -6 / -6, dev-b -5 / -6; 12 article ends, all right); without the column rule
#: ICDAR gold with synthetic noise broke 116 -> 118 (book pages cut inside a sentence),
#: with it 116 (RESULTS, "Session 44, ocrpunct44").
END_STOP = True
#: ln P(</s> | last two words) the article's end needs (nats).
END_MIN = -2.4
#: Sentence stops (a stop after a word, then a space) the page must print.
MIN_STOPS = 3
#: Confidence of the reading.
CONFIDENCE = 0.7


def _column(toks: list[Token]) -> bool:
    """Whether the text is set in a newspaper's narrow column."""
    from repair.candidates.ocr import COLUMN_HEAVY_GARBLE, _heavy_gate

    return _heavy_gate("".join(t.text for t in toks)) == COLUMN_HEAVY_GARBLE


def end_stop_candidates(toks: list[Token]) -> list[Candidate]:
    """A stop after the last word of the text (module doc); ``[]`` when off."""
    if not END_STOP:
        return []
    from repair.candidates.ocr_rules import cand
    from repair.candidates.ocr_stops import _words
    from repair.resources.lm import get_lm

    k = len(toks) - 1
    while k >= 0 and toks[k].kind == "space":
        k -= 1
    if k < 2 or toks[k].kind != "word":
        return []
    last = toks[k].text
    if len(last) < 2 or not last.isalpha() or last.isupper():
        return []
    stops = sum(
        1
        for i in range(1, k)
        if toks[i].text == "." and toks[i - 1].kind == "word" and toks[i + 1].kind == "space"
    )
    if stops < MIN_STOPS or not _column(toks):
        return []
    prev = _words(toks, k, -1, 2)
    if len(prev) < 2 or get_lm().logprob("</s>", prev) < END_MIN:
        return []
    t = toks[k]
    return [cand(t.end, t.end, ".", "OCR_LOST_STOP", finding="end_stop", fixed=CONFIDENCE)]
