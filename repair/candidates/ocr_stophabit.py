"""A page that lost its full stops: its lost stops need no reading beside them (session
55, ocrpunct; issue 12).

The stop pass (:mod:`repair.candidates.ocr_stoppass`) keeps a lost stop that the
lost-stop reader (:func:`repair.candidates.ocr_stops.lost_stop_candidates`) finds on the
corrected text only where one of the word readings changed a word of its window: a gap
among words the OCR printed right was already judged by the first pass, on the printed
text.  But some newspaper columns lose most of their stops while their words print
well ("to calculate its value in money It is easy", "was a labourer After this the"):
the first pass read their gaps on the garbled print around them, and the stops between
two right words stay lost.

A page's own print tells whether it lost its stops: count its *opener gaps* -- a
lower-case word that may end a sentence (:data:`END_MAX`), then a space (no paragraph
break), then a capitalised sentence opener ("The", "It", "There":
:func:`repair.candidates.ocr_stops._opener`) with a lower-case word after it -- and
whether a stop or other sentence mark is glued to the word before the gap. Clean text
sets a stop before nearly every one; a page where at least :data:`MIN_LOST` of them lack
it, a share of at least :data:`MIN_SHARE`, lost its stops, and there the stop pass keeps
a lost stop without a reading in its window, at the bar :data:`STOPLESS_MARGIN` (the
same reader and name / title guards). The stop pass runs only on heavily garbled pages
and newspaper columns, so clean text is never read.

>>> from repair.tokenize import tokenize
>>> page = ("The rain fell It was cold. They walked home The road was long "
...         "and they left yesterday There was no moon")
>>> stopless_page(tokenize(page))
True
>>> stopless_page(tokenize("The rain fell. It was cold. They walked home. The road was long."))
False
"""

from __future__ import annotations

from repair.types import Token

#: On/off (hook in :func:`repair.candidates.ocr_stoppass._stops`): on a page that lost its
#: stops (:func:`stopless_page`), a lost stop needs no word reading in its window.  SMH dev
#: figures in benchmarks/RESULTS.md, "Session 55, ocrpunct".
STOPLESS_PAGE = True
#: ln P(two sentences) - ln P(one sentence) a lost stop needs on a stopless page (nats;
#: ``None``: the stop pass's own bar, ``ocr_stoppass.PASS_MARGIN`` = -1.5).  SMH dev with
#: :data:`STOPLESS_PAGE` on: ``None`` 4,262 -> 4,258 tokens (4 stops, all right), -2.0
#: 4,254 (10 stops, 9 right: "Church of England⏎Section" is wrong), -2.5 4,253 (13, 11
#: right: a garbled "...⏎this As" and "a wet one Had" lose).
STOPLESS_MARGIN: float | None = -2.0
#: Opener gaps without a stop a page needs ...
MIN_LOST = 3
#: ... and their share of all its opener gaps.
MIN_SHARE = 0.3
#: A word before an opener gap ends a sentence in the language model at least this likely
#: (ln P(</s> | word); "of" -6.0, "the" -5.1: the speck stop reader's bar,
#: :data:`repair.candidates.ocr_straystop.END_MAX`).
END_MAX = -3.5
#: Marks that end a sentence when glued to the word before an opener gap.
_ENDS = frozenset(".!?:;")


def opener_gaps(toks: list[Token]) -> tuple[int, int]:
    """(opener gaps without a sentence mark, opener gaps with one) of ``toks``.

    >>> from repair.tokenize import tokenize
    >>> opener_gaps(tokenize("the rain fell It was cold. They said so. Mr Smith came"))
    (1, 1)
    """
    from repair.candidates.ocr_stops import _opener
    from repair.resources.lm import get_lm
    from repair.score.ngrams import get_ngrams

    table = get_ngrams()
    lm = get_lm()
    lost = kept = 0
    n = len(toks)
    for i in range(1, n - 3):
        gap, w2 = toks[i], toks[i + 1]
        if gap.kind != "space" or "\n\n" in gap.text or w2.kind != "word":
            continue
        nxt = w2.text
        if len(nxt) < 2 or not (nxt[0].isupper() and nxt[1:].islower()):
            continue
        after = toks[i + 3] if toks[i + 2].kind == "space" else None
        if after is None or after.kind != "word" or not after.text[:1].islower():
            continue
        prev = toks[i - 1]
        if prev.kind == "word":
            marked = False
        elif prev.kind == "punct" and prev.text and prev.text[-1] in _ENDS and i >= 2:
            marked, prev = True, toks[i - 2]
            if prev.kind != "word":
                continue
        else:
            continue
        if not prev.text.isalpha() or not prev.text[0].islower():
            continue  # a title, a name, an initial or a figure before the gap says nothing
        if lm.logprob("</s>", [prev.text]) < END_MAX:
            continue  # "the City of Sydney", "in the Test": no sentence ends after "of"
        if not _opener(nxt.lower(), table):
            continue
        if marked:
            kept += 1
        else:
            lost += 1
    return lost, kept


def margin(pass_margin: float | None, stopless: bool) -> float | None:
    """The lost-stop reader's bar in the stop pass: :data:`STOPLESS_MARGIN` on a stopless
    page when it is set, else ``pass_margin``."""
    if stopless and STOPLESS_MARGIN is not None:
        return STOPLESS_MARGIN
    return pass_margin


def stopless_page(toks: list[Token]) -> bool:
    """Whether the page of ``toks`` lost its stops (:data:`MIN_LOST`, :data:`MIN_SHARE`)."""
    lost, kept = opener_gaps(toks)
    return lost >= MIN_LOST and lost >= MIN_SHARE * (lost + kept)
