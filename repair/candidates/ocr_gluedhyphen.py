"""A hyphen the OCR glued between two words of a sentence (session 43, ocrpunct43; issue 12).

A speck between two words, with the spaces lost, prints as a hyphen: "thoy-woro
accompanied" (they were), "presont-tho Mayor" (present the), "the-num-⏎ber of
travellers", "the cure is-to put them".  The word readings fix
the letters ("they-were") but leave the hyphen, and the pair costs two tokens.  English
builds no compound on an article, a plural personal pronoun or a finite form of "be"
(:data:`NEVER_LEFT`: "the-", "they-", "is-"), nor one that ends in an article or a
finite "be" (:data:`NEVER_RIGHT`: "-the", "-were"), so such a pair is two words: the
hyphen is read as a space.  What is never read: a hyphen chain of three pieces or more
("said-to-be", "fort-on-the-Maine", "son-in-law", "half-a-crown"), a piece that is not a
lower-case word of letters only, and a hyphen at a line end.  A dash set close between
two clauses ("fits-a fact which") is read as a space too: one token from the gold's
spaced dash instead of two.

Runs in the stop pass (:mod:`repair.candidates.ocr_stoppass`) on the corrected text of the
pages where that pass runs (heavily garbled pages and newspaper columns, not verse), one
linear scan of the tokens.
"""

from __future__ import annotations

from repair.types import Candidate, Token

#: On/off (hook in :func:`repair.candidates.ocr_stoppass._stops`).
GLUED_HYPHEN = True
#: Words no English compound starts with: articles, plural personal pronouns, finite
#: "be", "does" and "did" ("a-" is left out: "a-fishing", "a-head" are period forms; so
#: are "he-", "she-" and "do-": "she-oak", "he-goat", "do-nothing").
NEVER_LEFT = frozenset("the an they we is are was were does did".split())
#: Words no English compound ends with ("a" is left out: "half-a⏎sovereign" is a chain
#: whose second hyphen the line end took).
NEVER_RIGHT = frozenset("the they were was is are".split())
#: Confidence of the reading.
CONFIDENCE = 0.7


def _word(t: Token) -> bool:
    return t.kind == "word" and t.text.isalpha() and t.text.islower()


def glued_hyphen_candidates(toks: list[Token]) -> list[Candidate]:
    """A space for each hyphen glued between two words that make no compound (module
    doc); ``[]`` when off."""
    if not GLUED_HYPHEN:
        return []
    from repair.candidates.ocr_rules import cand

    out: list[Candidate] = []
    n = len(toks)
    for i in range(1, n - 1):
        h = toks[i]
        if h.text != "-" or h.kind != "punct":
            continue
        a, b = toks[i - 1], toks[i + 1]
        if a.end != h.start or b.start != h.end or not (_word(a) and _word(b)):
            continue
        if a.text not in NEVER_LEFT and b.text not in NEVER_RIGHT:
            continue
        # a chain of three pieces or more ("said-to-be", "son-in-law")
        if i >= 2 and toks[i - 2].end == a.start and toks[i - 2].text in "-.'":
            continue
        if i + 2 < n and toks[i + 2].start == b.end and toks[i + 2].text[:1] in "-'":
            line_end = toks[i + 2].text == "-" and i + 3 < n and "\n" in toks[i + 3].text
            if not line_end:  # "the-num-\nber": a word broken at the line end
                continue
        out.append(
            cand(
                h.start,
                h.end,
                " ",
                "OCR_STRAY_MARK",
                finding="glued_hyphen",
                fixed=CONFIDENCE,
                evidence_pair=f"{a.text}-{b.text}",
            )
        )
    return out
