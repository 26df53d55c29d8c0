"""Full stops the OCR lost after initials: "Court G B Brodie" -> "G. B. Brodie".

Newspaper OCR drops the small stop after an initial, and in a heavily garbled page it
drops most of them ("Mr W T Muston moved", three stops printed for thirteen lost on one
SMH page), so the page no longer shows its style.  Period print sets a stop after every
initial; a lone capital letter before a capitalised word of such a page is read as an
initial and gets its stop back.  Only in heavily garbled pages and garbled newspaper
columns (the caller's gate, as for :mod:`repair.candidates.ocr_stops`): a clean page,
or a garbled book page, keeps its initials as printed, stops or none (a modern paper
may print "J K Rowling").

Tried on SMH dev and not kept (``python benchmarks/ocr_fold_eval.py``, both folds
worse): the page's own style as evidence (a stop where the page prints initials or
titles such as "Mr." with a stop at least as often as without), in any garbled page;
the SMH transcripts themselves mix "Mr H. L. Butler" and "Mr. J. Smith".

"A", "I" and "O" are words as well as initials: they get a stop only inside a run of
initials or after a title ("W. A Smith", "Mr. A Carroll").  All-capitals words after
the letter are a heading ("B TRIAL"), not a name.

>>> from repair.tokenize import tokenize
>>> page = "present in Court G B Brodie, and Mr. A Carroll. A Court sat."
>>> [(c.start, c.replacement) for c in initial_stop_candidates(tokenize(page))]
[(18, '. '), (20, '. '), (38, '. ')]
"""

from __future__ import annotations

from repair.candidates.ocr_rules import cand
from repair.types import Candidate, Token

#: Abbreviated titles before a name ("Mr. A Carroll": "A" is an initial there).
TITLES = frozenset("Mr Mrs Messrs Dr St Rev Capt Lieut Col Hon Sergt Esq Ald Prof".split())
#: "O" is a word too, the vocative ("O Lord", "O Knights of Ni"): session 37, the light
#: suite's dialogue got "O. Lord".
VOCATIVE_O = True
#: Confidence of the repair.
CONFIDENCE = 0.7
_WORD_INITIALS = frozenset("AI")


def _initial(word: str) -> bool:
    return len(word) == 1 and word.isupper() and word.isalpha()


def _next_capital(toks: list[Token], j: int) -> bool:
    """Whether token ``j`` is a word that may follow an initial: a lone capital or a
    capitalised word (not an all-capitals heading word)."""
    if j >= len(toks) or toks[j].kind != "word":
        return False
    t = toks[j].text
    return t[:1].isupper() and (len(t) == 1 or not t.isupper())


def _gap(toks: list[Token], j: int) -> bool:
    """Whether token ``j`` is a space inside a paragraph (at most one line break)."""
    return j < len(toks) and toks[j].kind == "space" and toks[j].text.count("\n") <= 1


def _after_initial(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` follows an initial or a title ("W. A", "Mr. A"): a run of initials."""
    j = i - 1
    if j >= 0 and toks[j].kind == "space":
        j -= 1
    if j >= 0 and toks[j].text == ".":
        j -= 1
    return j >= 0 and toks[j].kind == "word" and (_initial(toks[j].text) or toks[j].text in TITLES)


def initial_stop_candidates(toks: list[Token]) -> list[Candidate]:
    """Stops to insert after initials that lack one (see the module doc); the caller
    asks only for heavily garbled pages and garbled newspaper columns."""
    out: list[Candidate] = []
    for i, t in enumerate(toks):
        if t.kind != "word" or not _initial(t.text):
            continue
        if not (_gap(toks, i + 1) and _next_capital(toks, i + 2)):
            continue  # a stop already, or no name after the letter
        if i > 0 and toks[i - 1].kind not in ("space", "punct"):
            continue  # part of a longer token run ("3B")
        word_initial = t.text in _WORD_INITIALS or (VOCATIVE_O and t.text == "O")
        if word_initial and not _after_initial(toks, i):
            continue  # the article or the pronoun ("A Court", "I Thought")
        gap = toks[i + 1]
        out.append(
            cand(gap.start, gap.end, "." + gap.text, "OCR_LOST_STOP", finding="initial_stop",
                 fixed=CONFIDENCE)
        )  # fmt: skip
    return out
