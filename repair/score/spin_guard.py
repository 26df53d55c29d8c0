"""Spinner-agnostic restorations that no synonym swap explains, declined whatever the
word model says.

The word model's candidates are a synonym table read backwards, and two kinds of them
are not a dictionary spinner's swap of a word for its synonym:

* a number of another value: "$132 billion" restored as "million", because WordNet
  lists both in "a very large indefinite number" (:func:`number_changed`); on dev the
  seed family's dense documents got 9 such edits in clean sentences and not one right;
* the part of a hyphenated compound ("face-patch", "golden-fronted", "billion-dollar",
  "thought-about"): a spinner's output writes whole words, and the compound is the
  word (:func:`compound_part`; an em dash written as two hyphens, "powers--and", joins
  no compound).

Only the spinner-agnostic rules are read (:data:`RULES`): a profile may know a
spinner that does change values (the seed family writes "hundreds" for "thousands" and
"tens of millions" for "millions", ``lexicons/spin_families_seed.txt``), and its pairs
and phrases are that spinner's evidence, not the synonym table's.
"""

from __future__ import annotations

from collections.abc import Sequence

from repair.types import Edit

#: Number words and their values (a plural "millions" reads as its singular).
NUMBER_VALUES: dict[str, float] = {
    **{
        w: float(i)
        for i, w in enumerate(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen".split()
        )
    },
    **{
        w: float(10 * (i + 2))
        for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
    },
    "dozen": 12.0,
    "score": 20.0,
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
#: The restorations read: the word model's (first and later readings) and what carries
#: them to the written word's other places (:mod:`repair.score.consistency`).
RULES = frozenset({"SPIN_SYNONYM", "CONSISTENT_RESTORATION"})


def number_value(word: str) -> float | None:
    """The value of a number word (or its plural), else None.

    >>> number_value("Billions"), number_value("dozen"), number_value("lot")
    (1000000000.0, 12.0, None)
    """
    w = word.lower()
    if w in NUMBER_VALUES:
        return NUMBER_VALUES[w]
    if w.endswith("s") and w[:-1] in NUMBER_VALUES:
        return NUMBER_VALUES[w[:-1]]
    return None


def number_changed(written: str, original: str) -> bool:
    """Whether restoring ``written`` as ``original`` changes a number's value.

    >>> number_changed("billion", "million"), number_changed("dozen", "twelve")
    (True, False)
    >>> number_changed("million", "many")
    False
    """
    a, b = number_value(written), number_value(original)
    return a is not None and b is not None and a != b


def compound_part(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is joined to a word by a single hyphen.

    >>> compound_part("a golden-fronted bird", 9, 16), compound_part("powers--and", 0, 6)
    (True, False)
    """

    def joined(i: int, step: int) -> bool:
        # text[i] is a hyphen; a letter beyond it, no second hyphen either side
        j, k = i + step, i - step
        return (
            0 <= j < len(text) and text[j].isalpha() and not (0 <= k < len(text) and text[k] == "-")
        )

    return (start > 0 and text[start - 1] == "-" and joined(start - 1, -1)) or (
        end < len(text) and text[end] == "-" and joined(end, 1)
    )


def declined(text: str, e: Edit) -> bool:
    """Whether ``e``, a restoration of ``text``, is a spinner-agnostic one (:data:`RULES`)
    that changes a number's value or replaces the part of a compound."""
    if e.rule not in RULES:
        return False
    written = text[e.offset : e.end]
    return number_changed(written, e.replacement) or compound_part(text, e.offset, e.end)


def guard(text: str, edits: Sequence[Edit]) -> tuple[list[Edit], list[Edit]]:
    """``edits`` split into (kept, declined) by :func:`declined`."""
    kept, out = [], []
    for e in edits:
        (out if declined(text, e) else kept).append(e)
    return kept, out
