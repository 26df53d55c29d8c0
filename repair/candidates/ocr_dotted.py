"""Dotted names: "Node.js", "config.yaml", "Socket.io" are print, not a word and a speck.

A package, a file or a host is written as a word, a full stop and a short lower-case ending
with no space.  On a garbled page the stray-mark readers took the stop for a speck
("Node.js" -> "Node js", ``ocr_glued``) or the whole for a short word broken by a mark
("Node.js" -> "Models", ``ocr_markjoin``).  A word broken by a speck joins into a known
word ("near.ly", "tho.se"); a dotted name does not ("Nodejs", "indexhtml"), its left part
is a known word of four letters or more, its ending no common word ("bar.vuo", "l'itt.away" are
sentence ends that lost their space: SMH dev), and nothing else is glued to it.  Issue 12
(session 51): ``tests/test_ocr_modern51.py``.

A dot is also what a page's garble prints in a letter's place ("Minis.er": Minister,
"govern.ent", "every.hing"): such a token has the shape of a dotted name, but the dot read
as one letter makes a known word.  A dotted name's never does ("Nodeajs", "indexzhtml"),
so :data:`LETTER_DOT` leaves those to the garble readers (session 52, ocrprec:
``tests/test_ocr_dotted52.py``).
"""

from __future__ import annotations

import re

from repair.resources.frequency import zipf
from repair.score.ocr_channel import is_known

#: Dotted names are kept as printed by the stray-mark readers (``ocr_glued.kept_forms``,
#: ``ocr_markjoin.applies``).  Measured in ``benchmarks/RESULTS.md``, session 51, ocraudit.
DOTTED_NAMES = True
#: A dot that, read as any one letter, makes a known word ("Minis.er" -> "Minister") is a
#: letter's place in garble, not a dotted name's stop.  Measured (session 52, ocrprec): of
#: the 34,422 ways to print a dot for one letter of wordfreq's 30,000 commonest words (7-12
#: letters, the dotted-name shape), ``DOTTED_NAMES`` alone takes 7,546 for dotted names, with
#: this 19 ("every.ime", "each.ther"); of 38 real dotted names one is lost ("build.rs":
#: "builders"); SMH dev, the proxy, the audit and the light suite dev unchanged (see
#: benchmarks/RESULTS.md, session 52, ocrprec).
LETTER_DOT = True
#: The letters a dot may stand for.
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: The part before the stop has at least this many letters ("bar.vuo" is "bar. You").
MIN_LEFT = 4
#: The ending is rarer than this as a word (Zipf: "js" 3.5, "html" 3.7; "away" 5.6).
RIGHT_MAX_ZIPF = 4.5
#: Marks that may stand around a dotted name in its printed run.
_AROUND = "()[]\"'“”‘’,;:!?"
#: The ending after the stop: two to four lower-case letters, no word of its own.
_DOTTED = re.compile(r"([A-Za-z]{3,})\.([a-z]{2,4})")


def dotted_name(left: str, right: str) -> bool:
    """Whether ``left + "." + right`` is a dotted name (module doc).

    >>> dotted_name("Node", "js"), dotted_name("index", "html"), dotted_name("Vue", "js")
    (True, True, False)
    >>> dotted_name("near", "ly"), dotted_name("tho", "se"), dotted_name("bar", "vuo")
    (False, False, False)
    """
    if not DOTTED_NAMES or not _DOTTED.fullmatch(f"{left}.{right}"):
        return False
    if len(left) < MIN_LEFT or zipf(right) >= RIGHT_MAX_ZIPF:
        return False  # "bar.vuo", "l'itt.away": a sentence's stop with its space lost
    low_l, low_r = left.lower(), right.lower()
    if not is_known(low_l) or is_known(low_l + low_r):
        return False
    return not (LETTER_DOT and letter_dot(low_l, low_r))


def letter_dot(left: str, right: str) -> bool:
    """Whether the dot between lower-case ``left`` and ``right``, read as one letter, makes
    a known word (:data:`LETTER_DOT`): the page's garble, not a dotted name.

    >>> letter_dot("minis", "er"), letter_dot("govern", "ent"), letter_dot("node", "js")
    (True, True, False)
    """
    return any(is_known(left + c + right) for c in _LETTERS)


def dotted_forms(chunk: str) -> list[str]:
    """The dotted names inside ``chunk`` (a printed run without spaces), each as printed.

    >>> dotted_forms("(Node.js,"), dotted_forms("near.ly"), dotted_forms("l(iu-!iii.iivl")
    (['Node.js'], [], [])
    """
    if not DOTTED_NAMES or "." not in chunk:
        return []
    m = _DOTTED.fullmatch(chunk.strip(_AROUND))
    if m is None or not dotted_name(m.group(1), m.group(2)):
        return []  # the chunk is the name and its surrounding marks, or garble
    return [m.group()]
