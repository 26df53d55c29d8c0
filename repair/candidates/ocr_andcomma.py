"""A comma lost before "and" and a new clause's subject (session 45, ocrpunct45; issue 12).

English sets off two clauses joined by "and" with a comma when the second has a subject
of its own: "had a chance in the round, and it is likely", "got into their stride, and
they hope".  The SMH dev gold writes 25 of 27 "and" + subject pronoun + lower-case word
with the comma (", and there was" 5 of 5).  The OCR of a faint column loses the small
commas; on a page that has lost them (:func:`repair.candidates.ocr_relcomma.commas_lost`,
the page's own rate: fewer than 0.02 commas a word over at least 100 words) a space
between a lower-case word and "and" followed by a subject pronoun (:data:`SUBJECTS`) and
a lower-case word is read as a lost comma.  On pages that print their commas the rest
is the author's choice (the gold there: 2 commas, 2 none) and is left alone; "but"
likewise (1 / 3).

Runs in the stop pass (:mod:`repair.candidates.ocr_stoppass`) on the corrected text of
the pages where that pass runs (heavily garbled pages and newspaper columns, not verse),
one linear scan of the tokens.

>>> from repair.tokenize import tokenize
>>> page = "they got into their stride and they hope to win it and him also " * 9
>>> found = and_comma_candidates(tokenize(page))
>>> [(page[c.start - 6 : c.end + 3], c.replacement) for c in found[:1]], len(found)
([('stride and', ', ')], 9)
"""

from __future__ import annotations

from repair.types import Candidate, Token

#: On/off (hook in :func:`repair.candidates.ocr_stoppass._stops`).  On: SMH dev -2 / -2
#: (dev-a level, dev-b -2 / -2: "in the round, and it is likely", "into their stride, and
#: they hope" on a rugby page printing 0.01 commas a word); light suite, clean gate, audit
#: (the page's comma rate keeps modern text shut), ICDAR gold + noise as main (RESULTS,
#: "Session 45, ocrpunct45").
AND_COMMA = True
#: Subject pronouns that open a clause after "and" ("him", "them" do not).
SUBJECTS = frozenset({"it", "he", "she", "they", "we", "I", "there"})


def and_comma_candidates(toks: list[Token], min_words: int | None = None) -> list[Candidate]:
    """A comma in each gap before "and" + a subject (module doc), on a page that has lost
    its commas (``min_words``: ``ocr_relcomma.MIN_WORDS``); ``[]`` when off."""
    from repair.candidates.ocr_relcomma import comma_candidate, commas_lost

    if not AND_COMMA or not commas_lost(toks, min_words):
        return []

    out: list[Candidate] = []
    for i in range(1, len(toks) - 5):
        gap, conj = toks[i], toks[i + 1]
        if conj.text != "and" or gap.kind != "space" or "\n\n" in gap.text:
            continue
        before = toks[i - 1]
        if before.kind != "word" or not before.text.isalpha() or not before.text.islower():
            continue
        if toks[i + 2].kind != "space" or toks[i + 3].text not in SUBJECTS:
            continue
        if toks[i + 4].kind != "space" or "\n\n" in toks[i + 4].text:
            continue
        verb = toks[i + 5]
        if verb.kind != "word" or not verb.text.islower():
            continue
        out.append(comma_candidate(gap, "and_comma"))
    return out
