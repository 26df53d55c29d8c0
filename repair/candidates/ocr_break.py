"""A full stop the OCR dropped before a capital: "respiratory organs It relieves".

Newspaper OCR loses small marks; a sentence that opens with "It" or "In" then looks
like a capital misread inside a sentence ("went In the house"), and the casing repair
(:mod:`repair.candidates.ocr_case`) would lower it.  The language model tells the two
apart: it is asked how likely the words around the capital are as one sentence, and
as two (the previous words ending a sentence, ``</s>``, the capital word opening the
next, ``<s>``).  When the break reads nearly as well (:data:`BREAK_MARGIN`), the
capital is left alone.  Only for the pronoun (:data:`BREAK_WORDS`).

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


def dropped_full_stop(toks: list[Token], i: int) -> bool:
    """Whether capital word ``i`` more likely opens a sentence whose full stop was lost."""
    if toks[i].text.lower() not in BREAK_WORDS:
        return False
    prev = _words(toks, i - 1, -1, 2)
    nxt = _words(toks, i + 1, 1, 2)
    if not prev:
        return False
    lm = get_lm()
    words = [toks[i].text.lower(), *nxt]
    one = lm.sequence_logprob(words, prev)
    two = lm.logprob("</s>", prev) + lm.sequence_logprob(words, ["<s>"])
    return two - one >= BREAK_MARGIN
