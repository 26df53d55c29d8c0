"""A page's habit of reading a word-initial ``i`` as the capital ``I`` (session 42).

Newspaper OCR (ABBYY FineReader on the Sydney Morning Herald; the same engine read much
of Chronicling America) often reads the lower-case ``i`` that opens a word as a capital,
and it does so page by page: a page that prints "went In the house", "it Is said" between
lower-case words does it again in "the authorities in Issuing the order" or "charities
Incorporated In the".  :func:`repair.candidates.ocr_case.case_candidates` lowers the
function words ("In", "Is") anywhere, and other words only when period text writes them in
lower case nearly always (:data:`~repair.candidates.ocr_case.RARE_CAPITAL_MAX` 10 %).
With the page's habit as evidence (:data:`HABIT_MIN` such function words between lower-case
words) a word period text capitalises up to :data:`HABIT_CAPITAL_MAX` of the time is read
in lower case too, between printed lower-case words, and a capital function word that
itself sits before a lower-case word ("Incorporated In the") counts as a lower-case
neighbour.  Names stay: a listed name, a word period text capitalises more often, a
capital word after it, a capitalised word before it (the rule's own guards).

The page count is one pass over the tokens (remembered for the last token list asked).

>>> from repair.tokenize import tokenize
>>> page_habit(tokenize("it was In the house and Is said to be In the town"))
3
"""

from __future__ import annotations

from repair.types import Token

#: On: SMH dev-a -1, dev-b -3 tokens; test, ICDAR 1-80 and the audit unchanged (RESULTS,
#: "Session 42, ocrname42").
I_HABIT = True
#: On a habit page, a function word opening a wrapped line may follow a capitalised word
#: ending the line before ("He⏎Is survived"; :data:`repair.candidates.ocr_case.LINE_END_CAPITAL`).
HABIT_LINE_END = True
#: Capital function words between lower-case words a page must print to have the habit.
HABIT_MIN = 2
#: A word period text capitalises less often than this is lowered on a habit page ...
HABIT_CAPITAL_MAX = 0.25
#: ... when period text has seen it this often ...
HABIT_MIN_COUNT = 5
#: ... and it is at least this common (Zipf).
HABIT_MIN_ZIPF = 3.0
#: A word period text has never seen is lowered on a habit page when today's text has it
#: this often (Zipf) and no list has it as a name (on: SMH dev-a -1, dev-b -1, test -2).
HABIT_UNSEEN = True
HABIT_UNSEEN_ZIPF = 2.5

#: The function words counted ("It" not: it opens sentences whose full stop was lost).
_HABIT_WORDS = frozenset({"In", "Is", "Its", "Into", "If"})

_memo: list[object] = [None, 0]


def _neighbour(toks: list[Token], i: int, step: int) -> Token | None:
    """The token next to ``i`` on the same line (one space between), or ``None``."""
    j = i + step
    if not (0 <= j < len(toks)) or toks[j].kind != "space" or "\n" in toks[j].text:
        return None
    j += step
    return toks[j] if 0 <= j < len(toks) else None


def page_habit(toks: list[Token]) -> int:
    """How many capital function words ("In", "Is") the page prints between a known
    lower-case word and a lower-case word on the same line."""
    from repair.score.ocr_channel import is_known

    if _memo[0] is toks:
        return int(_memo[1])  # type: ignore[call-overload]
    n = 0
    for i, t in enumerate(toks):
        if t.kind != "word" or t.text not in _HABIT_WORDS:
            continue
        before, after = _neighbour(toks, i, -1), _neighbour(toks, i, 1)
        if before is None or after is None or before.kind != "word" or after.kind != "word":
            continue
        if len(before.text) >= 2 and before.text.islower() and after.text.islower():
            if is_known(before.text):
                n += 1
    _memo[0], _memo[1] = toks, n
    return n


def habit_page(toks: list[Token]) -> bool:
    """Whether the flag is on and the page has the habit."""
    return I_HABIT and page_habit(toks) >= HABIT_MIN


def lower_function_after(toks: list[Token], i: int, after: Token) -> bool:
    """Whether ``after`` (the word after word ``i``) is a capital function word that
    itself stands before a lower-case word on its line ("Incorporated In the")."""
    if after.kind != "word" or after.text not in _HABIT_WORDS:
        return False
    j = i + 2 if i + 1 < len(toks) and toks[i + 1].kind == "space" else i + 1
    if j >= len(toks) or toks[j] is not after:
        return False
    nxt = _neighbour(toks, j, 1)
    return nxt is not None and nxt.kind == "word" and nxt.text.islower()


def habit_word(low: str, capital: str) -> bool:
    """Whether ``low`` (printed ``capital``) is a lower-case word on a habit page: known,
    common, capitalised in period text less than :data:`HABIT_CAPITAL_MAX` of the time,
    not a listed name."""
    from repair.resources.frequency import zipf
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_channel import is_known

    if not is_known(low):
        return False
    table = get_ngrams()
    share = table.capital_share(low)
    if share is None:  # "the Interment will": a word period text never printed
        if not (HABIT_UNSEEN and zipf(low) >= HABIT_UNSEEN_ZIPF):
            return False
    elif zipf(low) < HABIT_MIN_ZIPF or share >= HABIT_CAPITAL_MAX:
        return False
    elif table.count(low) < HABIT_MIN_COUNT:
        return False
    return not table.is_name(capital)
