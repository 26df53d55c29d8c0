"""A word printed in two pieces with misread letters, read as one word the channel prices
(issue 12, session 54): "Prank⏎fort" (Frankfort), "Yeo⏎mon" (Yeomen), "Cn airman"
(Chairman).

:mod:`repair.candidates.ocr_losthead` reads a capitalised head and a lower-case tail
printed apart as the page's name they spell letter for letter (a misread letter only in
a garbled tail).  Session 53 counted 29 SMH dev splits whose *head* is misread too ("Mun
umburrah", "Bent imin", "Cn airman"): no page name starts with such a head.  Here the
joined print is read through the learned confusion channel
(:func:`repair.score.ocr_price.channel_cost`) as a whole word, with :data:`GARBLED_HEAD`:

* a capitalised head (first letter capital, the rest lower case: not "II") and a
  lower-case tail of at least ``ocr_losthead.MIN_TAIL`` letters, printed apart across a
  line end (``ocr_losthead``'s gap), or across one plain space when the head is
  no word (:func:`repair.score.ocr_channel.in_vocabulary`: "Cn") and the tail no common
  word (``ocr_losthead.COMMON_ZIPF``: "Ho died" stays, not "Bodied");
* the word read is printed whole on the page (a capitalised page word of
  ``ocr_losthead.MIN_NAME`` letters that does not start with the head as printed: those are
  ``ocr_losthead``'s readings) or is a word the vocabulary knows one learned confusion
  from the joined print (a row of the channel's table, at most :data:`MAX_COST` nats), and
  it is not the plain join (that is the line join's reading, decided by the language
  model);
* it ends in the tail with at most ``ocr_losthead.MAX_SUBS`` misread letters (the tail
  anchors the reading), costs at most :data:`MAX_COST` nats in the channel, and the next
  candidate costs :data:`MARGIN` nats more;
* the joined print is itself no word, and the pieces are no head the page prints alone
  before a common word (``ocr_losthead``'s merge evidence: "II⏎and" stays, not "Hand");
  with :data:`TWO_WORDS_STAY` (on), the pieces are not both words the web uses commonly;
* the stage's edits inside the stretch give way, as in ``ocr_losthead``.

Garbled pages only (called from :func:`repair.candidates.ocr_losthead.restore_heads`).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from repair.candidates import ocr_losthead as lost
from repair.candidates.ocr_rules import capitalised_word as _capital_word
from repair.types import Edit, Token

#: Read a capitalised head and a tail printed apart, either misread, as the one word the
#: channel reads their join as (page name or vocabulary word).  Measured in
#: ``benchmarks/RESULTS.md``, "Session 54, ocrhead": SMH dev 4,269 -> 4,262 tokens (4
#: firings, all right: "Cn airman", "Mlg⏎I non", "Yeo⏎mon", "Prank⏎fort"), proxy dev 4,819
#: -> 4,815; audit, census and light dev unchanged (no firing).
GARBLED_HEAD = True
#: Most nats the channel may charge for the join read as the word.
MAX_COST = 2.5
#: Nats the next candidate must cost more than the chosen one.
MARGIN = 1.0
#: Most letters the word read may differ in length from the joined print.
MAX_LENGTH_DIFF = 1
#: Two pieces that are both common words as printed stay two words ("Prank⏎fort" stays).
#: Off, SMH dev gains "Frankfort" (-2 tokens; audit, census, light dev unchanged) but the
#: synthetic ICDAR guard reads "He⏎got" as "Begot" (a page that prints "He" once): on.
TWO_WORDS_STAY = True
#: :func:`reading` takes the page's names of about the join's length from one index of
#: the names by length made once a page (:func:`name_lengths`), not a walk of every name a
#: question (issue 14, session 55, speedocr: 165 questions on 100 k OCR words).  Exact:
#: the same words, priced as a set; "Session 55, speedocr" in RESULTS.md.
NAME_LENGTHS = True
#: The edits' rule and message.
RULE = "OCR_SPLIT_GARBLED"
MESSAGE = "a word printed in two pieces, one misread (read through the OCR channel)"


def _head_like(text: str) -> bool:
    """A capitalised head: a capital letter, then lower-case letters (not "II")."""
    return len(text) >= lost.MIN_HEAD and text.isalpha() and _capital_word(text)


def _tail_like(text: str) -> bool:
    return len(text) >= lost.MIN_TAIL and text.isalpha() and text.islower()


@lru_cache(maxsize=4_096)
def _vocabulary_words(printed: str) -> tuple[str, ...]:
    """Words the vocabulary holds one learned confusion from ``printed`` (the head and the
    tail joined, as printed): one run of up to three printed glyphs read through a row of
    the channel's table (:func:`repair.score.ocr_price._by_printed`, both printed cases)
    that costs at most :data:`MAX_COST` nats, in lower case."""
    from repair.score.ocr_channel import vocabulary
    from repair.score.ocr_price import _by_printed

    rows = _by_printed()
    low = printed.lower()
    found: set[str] = set()
    for k in range(len(printed)):
        for n in (1, 2, 3):
            if k + n > len(printed):
                break
            for piece in {printed[k : k + n], low[k : k + n]}:
                for true, cost in rows.get(piece, ()):
                    if cost <= MAX_COST:
                        found.add(low[:k] + true + low[k + n :])
    found.discard(low)
    vocab = vocabulary()
    return tuple(sorted(w for w in found if w in vocab))


def name_lengths(names: Counter[str]) -> dict[int, list[str]]:
    """The page's names by length, lower case (:data:`NAME_LENGTHS`)."""
    out: dict[int, list[str]] = {}
    for w in names:
        out.setdefault(len(w), []).append(w.lower())
    return out


def _page_words(
    joined: str, names: Counter[str], by_len: dict[int, list[str]] | None = None
) -> list[str]:
    n = len(joined)
    if by_len is not None:  # the same words (in another order: the caller prices a set)
        return [w for k in range(n - MAX_LENGTH_DIFF, n + MAX_LENGTH_DIFF + 1)
                for w in by_len.get(k, ())]  # fmt: skip
    return [w.lower() for w in names if abs(len(w) - n) <= MAX_LENGTH_DIFF]


def _ends_in(word: str, tail: str) -> bool:
    """``word`` ends in ``tail`` with at most ``MAX_SUBS`` misread letters."""
    if len(word) <= len(tail):
        return False
    return sum(a != b for a, b in zip(word[-len(tail) :], tail, strict=True)) <= lost.MAX_SUBS


def reading(
    head: str, tail: str, names: Counter[str], by_len: dict[int, list[str]] | None = None
) -> str | None:
    """The word the join of ``head`` and ``tail`` reads as, or ``None`` (see the module);
    ``by_len``: :func:`name_lengths` of ``names`` (:data:`NAME_LENGTHS`)."""
    from repair.score.ocr_channel import in_vocabulary
    from repair.score.ocr_price import channel_cost

    joined = (head + tail).lower()
    if in_vocabulary(joined):
        return None  # the plain join: the line join's reading
    low = head.lower()
    # a page name the head spells is ocr_losthead's reading (with its gates)
    found = {w for w in _page_words(joined, names, by_len) if not w.startswith(low)}
    found.update(_vocabulary_words(head + tail))
    priced = sorted(
        (channel_cost(head + tail, w), w)
        for w in found
        if w != joined and abs(len(w) - len(joined)) <= MAX_LENGTH_DIFF and _ends_in(w, tail)
    )
    if not priced or priced[0][0] > MAX_COST:
        return None
    if len(priced) > 1 and priced[1][0] - priced[0][0] < MARGIN:
        return None
    word = priced[0][1]
    page = {n.lower(): n for n in names}
    return page.get(word, word[:1].upper() + word[1:])


def garbled_heads(
    toks: list[Token],
    names: Counter[str],
    edits: list[Edit],
    places: lost.WordPlaces | None = None,
) -> list[Edit]:
    """The stretches read as one word through the channel (:data:`GARBLED_HEAD`), as edits;
    ``edits`` (the stage's, sorted by offset) only tell which tails it read; ``places``: an
    index of ``toks`` to share (``ocr_losthead.HEAD_PLACES``)."""
    from repair.score.ocr_channel import in_vocabulary

    places = lost._places(toks, places)
    by_len = name_lengths(names) if NAME_LENGTHS else None
    out: list[Edit] = []
    for i, head in enumerate(toks):
        if head.kind != "word" or not _head_like(head.text):
            continue
        j = lost._gap_end(toks, i)
        if j is None and i + 2 < len(toks) and toks[i + 1].text == " ":
            j = i + 2 if toks[i + 2].kind == "word" else None
        if j is None:
            continue
        tail = toks[j].text
        if not _tail_like(tail):
            continue
        gap = "".join(t.text for t in toks[i + 1 : j])
        head_word = in_vocabulary(head.text.lower())
        inline = "\n" not in gap
        if inline and "-" in gap and lost.LINE_END_ONLY:
            continue  # a hyphen inside a line is the print's own
        if inline and "-" not in gap and (head_word or gap != " " or lost._common(tail)):
            continue  # one plain space: a head no word, a tail no common word ("Cn airman")
        if TWO_WORDS_STAY and head_word and lost._common(head.text) and lost._common(tail):
            continue  # two common words
        if lost._common(tail) and lost._head_alone(toks, head.text, tail, places):
            continue  # the page prints the head alone: two words ("II⏎and" is no "Hand")
        word = reading(head.text, tail, names, by_len)
        if word is None:
            continue
        start, end = head.start, toks[j].end
        text = "".join(t.text for t in toks[i : j + 1])
        out.append(Edit(start, end - start, text, word, "ocr", lost.CONFIDENCE, RULE, MESSAGE))
    return out
