"""A stray apostrophe at the end of a word (session 43, ocrpunct43; issue 12).

A speck above the line after a word prints as an apostrophe: "3 roods, and' 30 perches",
"thousands of young' people", "in the forthcoming' winter season".  English writes an
apostrophe at the end of a word only after a plural "s" ("the workers' union"), in an
elision ("goin'", "o'", "th'") or as a closing single quote.  So an apostrophe glued to
the end of a lower-case known word of at least :data:`MIN_LEN` letters that ends in
neither "s" nor "in" (nor "n", "o", "h": "an'", "o'", "th'"), with a space or a stop,
comma, semicolon or colon after it, is read as a speck (deleted) where the page opens no
single quote before it (a single quote after a space or a line start and before a
letter: a page that quotes with single quotes closes them the same way).

Runs in the stop pass (:mod:`repair.candidates.ocr_stoppass`) on the corrected text of the
pages where that pass runs (heavily garbled pages and newspaper columns, not verse), one
linear scan of the tokens.
"""

from __future__ import annotations

from repair.types import Candidate, Token

#: On/off (hook in :func:`repair.candidates.ocr_stoppass._stops`).
STRAY_APOSTROPHE = True
#: Shortest word read ("an'", "wi'" are elisions).
MIN_LEN = 3
#: Word endings an apostrophe may close: plural possessives and elisions.
KEPT_ENDINGS = ("s", "in", "n", "o", "h")
#: Marks that may follow the apostrophe.
AFTER = frozenset(".,;:")
#: Confidence of the reading.
CONFIDENCE = 0.7


def stray_apostrophe_candidates(toks: list[Token]) -> list[Candidate]:
    """A deletion for each stray apostrophe at a word end (module doc); ``[]`` when off
    or when the page opens a single quote before it."""
    if not STRAY_APOSTROPHE:
        return []
    from repair.candidates.ocr_rules import cand
    from repair.score.ocr_channel import is_known

    out: list[Candidate] = []
    n = len(toks)
    for i in range(1, n - 1):
        t = toks[i]
        if t.text != "'":
            continue
        prev, nxt = toks[i - 1], toks[i + 1]
        if prev.kind == "space" or prev.text in '("':  # a quote may open here
            if nxt.kind == "word":
                break  # the page quotes with single quotes: nothing after this is read
            continue
        if nxt.kind != "space" and nxt.text not in AFTER:
            continue
        w = prev.text
        if prev.kind != "word" or len(w) < MIN_LEN or not (w.isalpha() and w.islower()):
            continue
        if w.endswith(KEPT_ENDINGS) or not is_known(w):
            continue
        out.append(
            cand(
                t.start,
                t.end,
                "",
                "OCR_STRAY_MARK",
                finding="stray_apostrophe",
                fixed=CONFIDENCE,
                evidence_word=w,
            )
        )
    return out
