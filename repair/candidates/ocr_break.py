"""A full stop the OCR dropped before a capital: "respiratory organs It relieves".

Newspaper OCR loses small marks; a sentence that opens with "It" or "In" then looks
like a capital misread inside a sentence ("went In the house"), and the casing repair
(:mod:`repair.candidates.ocr_case`) would lower it.  The language model tells the two
apart: it is asked how likely the words around the capital are as one sentence, and
as two (the previous words ending a sentence, ``</s>``, the capital word opening the
next, ``<s>``).  When the break reads nearly as well (:data:`BREAK_MARGIN`), the
capital is left alone.  For the pronoun (:data:`BREAK_WORDS`); for the casing repair's other
words only on a page without the capital habit and at a stricter margin (:data:`CASED_STOP`).

>>> from repair.tokenize import tokenize
>>> dropped_full_stop(tokenize("the men saw It was late"), 6)
False
>>> dropped_full_stop(tokenize("the respiratory organs It relieves the asthmatic"), 6)
True
"""

from __future__ import annotations

from repair.resources.lm import get_lm
from repair.types import Token

#: The two-sentence reading may be this much less likely (nats) and still keep the
#: capital.  On SMH dev: dropped stops score -1.7 to +0.9, in-sentence capitals
#: ("went In the house", "said that It is") -2.7 and below.
BREAK_MARGIN = -2.0
#: Words the test is made for.  A pronoun after a noun with no verb between is rare
#: inside a sentence; a preposition or conjunction is not ("pursuits In the Grenfell",
#: "for sentence If called upon" read as well as two sentences): on SMH dev the test
#: kept 1 dropped-stop "In" for 9 in-sentence "In"/"If" it would have wrongly kept.
BREAK_WORDS = frozenset({"it", "its"})
#: The casing repair's other words ("In", "If", "Is", "Into") open a sentence whose full
#: stop was lost when two independent signals agree (session 37):
#:
#: * the page's OCR has no habit of capitalising them: of these words printed after a
#:   lower-case word on the same line, or in lower case anywhere, at most
#:   :data:`HABIT_MAX_SHARE` carry the capital (other such capitals of the page counted,
#:   not this one), over at least :data:`HABIT_MIN_PRINTS` prints ("with tho affair If the
#:   result" on a page that prints "in", "is", "if" in lower case 20 times; a page that
#:   prints "In"/"Is" inside sentences ten times over reads its capitals as its habit);
#: * the two-sentence reading is at least as likely as the one-sentence one
#:   (:data:`CASED_MARGIN`, stricter than :data:`BREAK_MARGIN`: on the SMH dev gold,
#:   4 of 26 lost-stop "In"/"If" and 2 of 412 in-sentence "in"/"if" reach 0).
CASED_STOP = True
CASED_WORDS = frozenset({"in", "if", "is", "into"})
CASED_MARGIN = 0.0
HABIT_MAX_SHARE = 0.15
HABIT_MIN_PRINTS = 8
_habit_memo: list = [None, (0, 0)]


def _words(toks: list[Token], i: int, step: int, n: int) -> list[str]:
    """Up to ``n`` word tokens from ``i`` on in direction ``step``, stopping at a mark."""
    out: list[str] = []
    j = i
    while 0 <= j < len(toks) and len(out) < n:
        t = toks[j]
        if t.kind == "word":
            out.append(t.text.lower())
        elif t.kind != "space":
            break
        j += step
    return out[::-1] if step < 0 else out


def _cased_prints(toks: list[Token]) -> tuple[int, int]:
    """(capitalised after a lower-case word on its line, printed in lower case) counts of
    :data:`CASED_WORDS` in ``toks`` (remembered for the last token list asked)."""
    if _habit_memo[0] is toks:
        return _habit_memo[1]  # type: ignore[no-any-return]
    cap = low = 0
    for j, t in enumerate(toks):
        if t.kind != "word":
            continue
        text = t.text
        if text in CASED_WORDS:
            low += 1
        elif text[:1] == "I" and text.lower() in CASED_WORDS and j >= 2:
            sp, before = toks[j - 1], toks[j - 2]
            if sp.kind == "space" and "\n" not in sp.text and before.kind == "word":
                cap += before.text.islower()
    _habit_memo[0], _habit_memo[1] = toks, (cap, low)
    return cap, low


def _no_capital_habit(toks: list[Token], i: int) -> bool:
    """Whether the page seldom prints :data:`CASED_WORDS` with a capital inside a line
    (see :data:`CASED_STOP`), word ``i`` itself not counted."""
    cap, low = _cased_prints(toks)
    sp, before = toks[i - 1], toks[i - 2]
    if i >= 2 and sp.kind == "space" and "\n" not in sp.text and before.kind == "word":
        cap -= before.text.islower()
    n = cap + low
    return n >= HABIT_MIN_PRINTS and cap <= HABIT_MAX_SHARE * n


def cased_opener(toks: list[Token], i: int) -> bool:
    """Whether capital word ``i``, one of :data:`CASED_WORDS`, opens a sentence whose full
    stop was lost (:data:`CASED_STOP`; the lost-stop reader puts the stop back)."""
    return CASED_STOP and toks[i].text.lower() in CASED_WORDS and dropped_full_stop(toks, i)


def dropped_full_stop(toks: list[Token], i: int) -> bool:
    """Whether capital word ``i`` more likely opens a sentence whose full stop was lost."""
    low = toks[i].text.lower()
    margin = BREAK_MARGIN
    if low not in BREAK_WORDS:
        if not (CASED_STOP and low in CASED_WORDS and i >= 2 and _no_capital_habit(toks, i)):
            return False
        margin = CASED_MARGIN
    prev = _words(toks, i - 1, -1, 2)
    nxt = _words(toks, i + 1, 1, 2)
    if not prev:
        return False
    lm = get_lm()
    words = [toks[i].text.lower(), *nxt]
    one = lm.sequence_logprob(words, prev)
    two = lm.logprob("</s>", prev) + lm.sequence_logprob(words, ["<s>"])
    return two - one >= margin
