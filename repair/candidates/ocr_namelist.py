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
#: Garble-blind shape (``blind=True``, session 65): a lower-case letter run no list knows
#: ("llrlndlev", "ltobert") is the OCR's damage, not the writer's lower case, and counts
#: neither way; an initial ("J.", "W") and a title ("Mr", "Mrs": :data:`repair.candidates.
#: ocr_namepos.TITLES`, no function word there) count as capitalised words.  A heavy list of
#: names loses its capital share to garble otherwise (SMH dev "Ptei Ceo \ ietor W al tins
#: Ferev": 0.56 seen, 0.9 garble-blind).


def _span(toks: list[Token], i: int, j: int, lines: int | None = None) -> tuple[int, int]:
    """The token range of the lines holding ``toks[i]`` to ``toks[j]`` and :data:`LINES`
    (or ``lines``) lines more on each side (a blank line ends it)."""
    return _edge(toks, i, -1, lines), _edge(toks, j, 1, lines)


def _edge(toks: list[Token], k: int, step: int, lines: int | None = None) -> int:
    """From ``toks[k]``, the last token reached going ``step`` (-1 back, 1 on) before a blank
    line or the :data:`LINES`-th (``lines``-th) more line break."""
    limit = LINES if lines is None else lines
    seen = 0
    while 0 <= k + step < len(toks):
        t = toks[k + step]
        if t.kind == "space" and "\n" in t.text:
            if "\n\n" in t.text:
                break
            seen += t.text.count("\n")
            if seen > limit:
                break
        k += step
    return k


def list_shape(
    toks: list[Token], i: int, j: int, blind: bool = False, lines: int | None = None
) -> tuple[int, float, float]:
    """(words, capitalised share, function-word share) of the lines around ``toks[i..j]``
    (those tokens left out); ``blind``: garble-blind (lower-case non-words left out,
    initials counted as capitalised words)."""
    from repair.candidates.ocr_namepos import TITLES
    from repair.candidates.spin_synonyms import STOPWORDS

    lo, hi = _span(toks, i, j, lines)
    words = caps = function = 0
    for k in range(lo, hi + 1):
        if i <= k <= j:
            continue
        text = toks[k].text
        if toks[k].kind != "word" or not text.isalpha():
            continue
        if blind and len(text) == 1 and text.isupper():
            words += 1  # an initial: "J.", "W"
            caps += 1
            continue
        if len(text) < 2:
            continue
        if blind and not text[0].isupper() and not _known(text):
            continue  # "llrlndlev": the OCR's damage, no lower-case word of the writer's
        if blind and text in TITLES:
            words += 1  # "Mr", "Mrs": a title is a list's word, no function word
            caps += 1
            continue
        words += 1
        caps += text[0].isupper()
        function += text.lower() in STOPWORDS
    if not words:
        return 0, 0.0, 0.0
    return words, caps / words, function / words


#: Garble-blind only: the lines holding the place alone are a list too when they hold at
#: least this many words of the list's shape (a short list inside prose: "Passengers: Mr.
#: Rowett, Mrs. Marr, ..."); 0: off.
OWN_LINE_WORDS = 0


def _known(text: str) -> bool:
    """Whether a lower-case letter run is a word (a known word or a period word)."""
    from repair.candidates.ocr_docvocab import _clean

    return bool(_clean(text))


def name_list_at(toks: list[Token], i: int, j: int, blind: bool = False) -> bool:
    """Whether ``toks[i..j]`` stand in a list of names (module doc; ``blind``: the
    garble-blind shape)."""
    words, caps, function = list_shape(toks, i, j, blind)
    if words >= MIN_WORDS and caps >= MIN_CAPITAL_SHARE and function <= MAX_FUNCTION_SHARE:
        return True
    if not (blind and OWN_LINE_WORDS):
        return False
    words, caps, function = list_shape(toks, i, j, blind, lines=0)
    return words >= OWN_LINE_WORDS and caps >= MIN_CAPITAL_SHARE and function <= MAX_FUNCTION_SHARE
