"""Lower-case garbles read as a page word at a wider budget: "dofoudeiit" beside "defendant".

:mod:`repair.candidates.ocr_pagefar` reads a heavy non-word as a word its page prints
when the learned channel prices that word 3 nats under every other page word, at most
2 nats a printed letter, retrieved within half the token's length in plain edits, and no
common word the page does not print is cheaper.  A word garbled glyph by glyph is often
further than that ("dofoudeiit": defendant, 6 plain edits of its 10 letters; "wIuiobs":
witness, where "winners" is a tenth of a nat cheaper; "umtmnt": amount, where
"uniting" is a nat cheaper).
The page printing the word is the evidence the common list lacks; the search's own
test (the cheapest page word 3 nats under every other page word, found in a wide pool)
still decides.

This tier asks the same question with a wider budget (:data:`DISTANCE_SHARE`,
:data:`COST_PER_CHAR`) and a larger page bonus (:data:`PAGE_BONUS`: a
common word the page does not print may be up to ``PAGE_BONUS - MARGIN`` nats cheaper),
for lower-case prints only: a capitalised garble at this budget is as often a name no
list holds read as another name of the page ("Thriinpton" as "Hampton", "Kholcr" as
"Their"; SMH dev, session 23).  And only for deep garbles: a print one plain edit from a
dictionary word is that word's misprint, whatever the page prints ("neeation" is
"negation", a word too rare for the common list, not the page's "nation").  Nor for two
words run together (:func:`two_words_glued`): "tbistruth" is "this truth", not the page's
"thirteenth", and "aroundTora" is "around Tora", not "ancestors" (the 100 k-word OCR speed
text, session 23 lead).

>>> from repair.tokenize import tokenize
>>> from repair.candidates import ocr_pagewide
>>> from repair.candidates.ocr_pagefar import page_far_candidates
>>> ocr_pagewide.WIDE = True  # it ships off (:data:`WIDE`)
>>> toks = tokenize("The defendant said so. Counsel for the dofoudeiit then rose.")
>>> i = next(k for k, t in enumerate(toks) if t.text == "dofoudeiit")
>>> [(c.features["orig"][0], c.replacement) for c in page_far_candidates(toks, [i])]
[('dofoudeiit', 'defendant')]
>>> ocr_pagewide.WIDE = False
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from repair.candidates.ocr_pagefar import ShapeIndex

#: The wider tier runs (after :func:`repair.candidates.ocr_pagefar.page_far_reading`
#: found nothing, in :func:`~repair.candidates.ocr_pagefar.page_far_candidates`).
#: Off: on SMH it gains 3-6 tokens a half, but on the 1 M-word OCR speed text (Wikipedia-
#: like prose of many topics) it read correct rare words as page words ("reptiliomorph" as
#: "retaliatory" 11 times, "jianpingensis" as "indigenous" 8 times, "byosmotrophy" as
#: "pornography"): a page printing a word is weak evidence where the page is long and
#: varied (session 23 lead, benchmarks/RESULTS.md).
WIDE = False
#: Plain edit distance of the retrieval: this share of the token's letters ...
DISTANCE_SHARE = 0.6
#: ... the cheapest page word at most this many nats a printed letter ...
COST_PER_CHAR = 2.5
#: ... and a common word the page does not print at least ``MARGIN - PAGE_BONUS`` nats
#: dearer (``ocr_pagefar.MARGIN``).
PAGE_BONUS = 5.0


def wide_reading(
    text: str,
    targets: Mapping[str, str],
    shapes: ShapeIndex | None = None,
    page_counts: Mapping[str, int] | None = None,
) -> tuple[str, float] | None:
    """The page word (lower case) the lower-case print ``text`` is a heavy misreading of
    at the wider budget, and its channel cost, or ``None`` (module doc)."""
    if not WIDE or not text[:1].islower():
        return None
    from repair.candidates.ocr_pagefar import page_far_reading

    tier = (DISTANCE_SHARE, COST_PER_CHAR, PAGE_BONUS)
    found = page_far_reading(text, targets, shapes, tier, page_counts)
    if found is None or one_edit_from_a_word(text.lower()) or two_words_glued(text):
        return None
    return found


def two_words_glued(text: str) -> bool:
    """Whether ``text`` reads as two words run together: a cut leaves a dictionary word of
    4+ letters on one side and, on the other, 3+ letters that are a dictionary word, one
    plain edit from one, or a capitalised word ("aroundTora").

    >>> two_words_glued("tbistruth"), two_words_glued("aroundTora")
    (True, True)
    >>> two_words_glued("dofoudeiit"), two_words_glued("umtmnt")
    (False, False)
    """
    from repair.score.ocr_channel import is_target

    low = text.lower()
    for i in range(3, len(low) - 2):
        a, b = low[:i], low[i:]
        for word, rest, raw in ((a, b, text[i:]), (b, a, text[:i])):
            if len(word) < 4 or not is_target(word):
                continue
            if is_target(rest) or raw[:1].isupper() or one_edit_from_a_word(rest):
                return True
    return False


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def one_edit_from_a_word(low: str) -> bool:
    """Whether a dictionary word (:func:`repair.score.ocr_channel.is_target`) is one plain
    edit (a letter dropped, added, changed, or two swapped) from ``low``.

    >>> one_edit_from_a_word("neeation"), one_edit_from_a_word("umtmnt")
    (True, False)
    """
    from repair.score.ocr_channel import is_target

    cuts = [(low[:i], low[i:]) for i in range(len(low) + 1)]
    for a, b in cuts:
        near = [a + b[1:]] if b else []
        if len(b) > 1:
            near.append(a + b[1] + b[0] + b[2:])
        near += [a + c + b[1:] for c in _LETTERS if b and c != b[0]]
        near += [a + c + b for c in _LETTERS]
        if any(w != low and is_target(w) for w in near):
            return True
    return False
