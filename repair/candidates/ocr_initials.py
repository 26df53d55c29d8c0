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

from functools import lru_cache

from repair.candidates.ocr_rules import cand
from repair.types import Candidate, Token

#: Abbreviated titles before a name ("Mr. A Carroll": "A" is an initial there).
TITLES = frozenset("Mr Mrs Messrs Dr St Rev Capt Lieut Col Hon Sergt Esq Ald Prof".split())
#: "O" is a word too, the vocative ("O Lord", "O Knights of Ni"): session 37, the light
#: suite's dialogue got "O. Lord".
VOCATIVE_O = True
#: Confidence of the repair.
CONFIDENCE = 0.7
#: No stop for a lone capital before a rank or a title ("L Cpl Philip", "T Sgt Kev"): an
#: initial stands before a surname or another initial, and the letter before a rank is
#: part of the rank ("L Cpl", lance corporal) or of something else.  Session 47 (ocrnames47),
#: SMH dev ``python benchmarks/ocr_rule_account.py --split dev --views smh``: see
#: :data:`PAGE_HABIT` for the figures of both gates.
RANK_NEXT = True
#: No stop on a page whose OCR keeps its initials' stops: at least :data:`HABIT_MIN`
#: initials printed with a stop before a capitalised word ("L. White"), and at least
#: :data:`HABIT_SHARE` of the page's initials so printed.  The OCR that loses the stops
#: loses them page-wide (a small face, a worn print: "three stops printed for thirteen
#: lost"); on a page that prints twenty-seven, the two without one are as printed
#: ("M Ryan. O. Parkinson." in a team list, "Captain J Pain" among twenty-one stopped
#: initials).  Session 47 (ocrnames47), with :data:`RANK_NEXT`: SMH dev initial_stop
#: (``ocr_rule_account.py --split dev``) edits / hurt / net deva 35 / 9 / +17 -> 30 / 5 /
#: +20, devb 54 / 6 / +37 -> 50 / 4 / +37 (``init_*`` labels: 11 -> 5 broken tokens, 45
#: fixed kept); ``smh_eval.py --split dev`` 4,319 / 7,030 -> 4,316 / 7,026 (ablation, with
#: ``ocr_lowercap.LOWER_KEEP`` on: both 4,315, without RANK_NEXT 4,317, without PAGE_HABIT
#: 4,316 tokens); proxy, audit, light suite, gold + noise, clean gate, test: see
#: ``benchmarks/RESULTS.md``, session 47, ocrnames47.
PAGE_HABIT = True
#: Fewest initials printed with a stop for :data:`PAGE_HABIT` ...
HABIT_MIN = 5
#: ... and their least share of the page's initials (with and without a stop).
HABIT_SHARE = 0.75
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


@lru_cache(maxsize=1)
def _rank_words() -> frozenset[str]:
    """Titles and ranks (with their plurals) that follow no initial; "St" may ("A St
    Clair")."""
    from repair.candidates.ocr_abbrev import PLURALS, RANKS  # it imports this module

    return (TITLES | RANKS | PLURALS | {"Miss", "Lt"}) - {"St"}


def _stopped_initial(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` is an initial printed with its stop before a capitalised word
    ("L. White", "W. T. Muston")."""
    return (
        _initial(toks[i].text)
        and i + 3 < len(toks)
        and toks[i + 1].text == "."
        and _gap(toks, i + 2)
        and _next_capital(toks, i + 3)
    )


def page_keeps_stops(toks: list[Token], lost: int) -> bool:
    """Whether the page prints its initials' stops (:data:`PAGE_HABIT`), given ``lost``
    initials without one.

    >>> from repair.tokenize import tokenize
    >>> page = tokenize("L. White, O. Parkinson, E. Horne, P. Devery, T. McCue, M Ryan.")
    >>> page_keeps_stops(page, 1), page_keeps_stops(page, 2)
    (True, False)
    """
    printed = sum(t.kind == "word" and _stopped_initial(toks, i) for i, t in enumerate(toks))
    return printed >= HABIT_MIN and printed >= HABIT_SHARE * (printed + lost)


def initial_stop_candidates(toks: list[Token]) -> list[Candidate]:
    """Stops to insert after initials that lack one (see the module doc); the caller
    asks only for heavily garbled pages and garbled newspaper columns."""
    out: list[Candidate] = []
    ranks = _rank_words() if RANK_NEXT else frozenset()
    for i, t in enumerate(toks):
        if t.kind != "word" or not _initial(t.text):
            continue
        if not (_gap(toks, i + 1) and _next_capital(toks, i + 2)):
            continue  # a stop already, or no name after the letter
        if toks[i + 2].text in ranks:
            continue  # "L Cpl Philip": a rank follows no initial
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
    if PAGE_HABIT and out and page_keeps_stops(toks, len(out)):
        return []  # the page prints its stops: the letters without one are as printed
    return out
