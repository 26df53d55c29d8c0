"""Small text helpers shared by the stages, the bench and the benchmark scripts.

One implementation each of: copying a word's casing onto another word
(:func:`match_case`), the items either side of a stretch of a list
(:func:`window`), the words either side of a span of a text
(:func:`words_around`) and a one-line excerpt of a text around a span
(:func:`snippet`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TypeVar

from repair.types import Token

T = TypeVar("T")


def match_case(template: str, word: str) -> str:
    """``word`` with the casing pattern of ``template``: all capitals, capitalised or as given.

    ``template`` counts as all capitals when it is longer than one character and
    every cased character is upper case (``str.isupper``); a single capital
    only capitalises ``word``'s first character.

    >>> match_case("Mentioned", "said"), match_case("NASA", "agency"), match_case("I", "me")
    ('Said', 'AGENCY', 'Me')
    >>> match_case("said", "Chinese")
    'Chinese'
    """
    if len(template) > 1 and template.isupper():
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def window(
    seq: Sequence[T], i: int, j: int | None = None, left: int = 2, right: int = 2
) -> tuple[list[T], list[T]]:
    """(up to ``left`` items before index ``i``, up to ``right`` items from index ``j``).

    ``j`` defaults to ``i + 1`` (the items around the single item ``seq[i]``).

    >>> window("a b c d e".split(), 2)
    (['a', 'b'], ['d', 'e'])
    >>> window("a b c d e".split(), 1, 3, left=3, right=1)
    (['a'], ['d'])
    """
    if j is None:
        j = i + 1
    return list(seq[max(0, i - left) : i]), list(seq[j : j + right])


def words_around(
    words: Sequence[Token], start: int, end: int, left: int = 2, right: int = 2
) -> tuple[list[str], list[str]]:
    """The texts of up to ``left`` words ending by ``start`` and ``right`` words from ``end`` on.

    ``words`` are a text's word tokens in order (``Document.words``); found by bisection.

    >>> from repair.tokenize import tokenize
    >>> ws = [t for t in tokenize("one two three four five") if t.is_word]
    >>> words_around(ws, 8, 13, right=1)
    (['one', 'two'], ['four'])
    """
    i = bisect_right(words, start, key=lambda w: w.end)
    j = bisect_left(words, end, key=lambda w: w.start)
    return [w.text for w in words[max(0, i - left) : i]], [w.text for w in words[j : j + right]]


def snippet(
    text: str,
    start: int,
    end: int,
    before: int = 40,
    after: int = 40,
    replacement: str | None = None,
) -> str:
    """``text[start:end]`` with ``before``/``after`` characters around it, on one line (⏎).

    With ``replacement`` the span reads ``[[old => new]]``.

    >>> snippet("one two\\nthree", 4, 7, before=2, after=3, replacement="2")
    'e [[two => 2]]⏎th'
    """
    mid = text[start:end] if replacement is None else f"[[{text[start:end]} => {replacement}]]"
    return (text[max(0, start - before) : start] + mid + text[end : end + after]).replace("\n", "⏎")
