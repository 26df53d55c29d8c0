"""Whether a place of a page stands in a list of names, by the shape of its lines (issue 12,
session 60).

Casualty lists, passenger lists and reports of who attended print names one after another,
with or without commas: "Hollis, Albert Charles Hope Reginald Ernest Hul-⏎bert.⏎Ptes.
Maurice Jeffrey, Wm. Arthur Jones".  Their lines are almost all capitalised words and
hardly a function word; a line of prose, even one crowded with names ("Mr. J. Smith, of
the Bank of New South Wales, said"), has its "of", "the" and "said".  No list of names is
read: only the case of the words around the place and how many are function words
(:data:`repair.candidates.spin_synonyms.STOPWORDS`).

>>> from repair.tokenize import tokenize
>>> toks = tokenize("Hollis, Albert Charles Hope Reginald Ernest 11 ul\\nbert\\n"
...                 "Ptes Maurice Jeffrey, Wm. Arthur Jones\\nPtes Robt Angus Kelly, Henry")
>>> i = next(k for k, t in enumerate(toks) if t.text == "ul")
>>> name_list_at(toks, i, i + 2)
True
>>> toks = tokenize("The deaths of the week were\\nrecorded by Mr. Smith, of the Bank of\\n"
...                 "New South Wales, who said that the\\nfigures were low")
>>> i = next(k for k, t in enumerate(toks) if t.text == "recorded")
>>> name_list_at(toks, i, i)
False
"""

from __future__ import annotations

from repair.types import Token

#: Lines read on each side of the lines that hold the place.
LINES = 1
#: At least this many words (letters only, two or more) around the place ...
MIN_WORDS = 8
#: ... at least this share of them capitalised ...
MIN_CAPITAL_SHARE = 0.75
#: ... and at most this share function words.
MAX_FUNCTION_SHARE = 0.1


def _span(toks: list[Token], i: int, j: int) -> tuple[int, int]:
    """The token range of the lines holding ``toks[i]`` to ``toks[j]`` and :data:`LINES`
    lines more on each side (a blank line ends it)."""
    return _edge(toks, i, -1), _edge(toks, j, 1)


def _edge(toks: list[Token], k: int, step: int) -> int:
    """From ``toks[k]``, the last token reached going ``step`` (-1 back, 1 on) before a blank
    line or the :data:`LINES`-th more line break."""
    seen = 0
    while 0 <= k + step < len(toks):
        t = toks[k + step]
        if t.kind == "space" and "\n" in t.text:
            if "\n\n" in t.text:
                break
            seen += t.text.count("\n")
            if seen > LINES:
                break
        k += step
    return k


def list_shape(toks: list[Token], i: int, j: int) -> tuple[int, float, float]:
    """(words, capitalised share, function-word share) of the lines around ``toks[i..j]``
    (those tokens left out)."""
    from repair.candidates.spin_synonyms import STOPWORDS

    lo, hi = _span(toks, i, j)
    words = caps = function = 0
    for k in range(lo, hi + 1):
        if i <= k <= j:
            continue
        text = toks[k].text
        if toks[k].kind != "word" or len(text) < 2 or not text.isalpha():
            continue
        words += 1
        caps += text[0].isupper()
        function += text.lower() in STOPWORDS
    if not words:
        return 0, 0.0, 0.0
    return words, caps / words, function / words


def name_list_at(toks: list[Token], i: int, j: int) -> bool:
    """Whether ``toks[i..j]`` stand in a list of names (module doc)."""
    words, caps, function = list_shape(toks, i, j)
    return words >= MIN_WORDS and caps >= MIN_CAPITAL_SHARE and function <= MAX_FUNCTION_SHARE
