"""Dotted names: "Node.js", "config.yaml", "Socket.io" are print, not a word and a speck.

A package, a file or a host is written as a word, a full stop and a short lower-case ending
with no space.  On a garbled page the stray-mark readers took the stop for a speck
("Node.js" -> "Node js", ``ocr_glued``) or the whole for a short word broken by a mark
("Node.js" -> "Models", ``ocr_markjoin``).  A word broken by a speck joins into a known
word ("near.ly", "tho.se"); a dotted name does not ("Nodejs", "configyaml"), and its left
part is a known word.  Issue 12 (session 51): ``tests/test_ocr_modern51.py``.
"""

from __future__ import annotations

import re

from repair.score.ocr_channel import is_known

#: Dotted names are kept as printed by the stray-mark readers (``ocr_glued.kept_forms``,
#: ``ocr_markjoin.applies``).  Measured in ``benchmarks/RESULTS.md``, session 51, ocraudit.
DOTTED_NAMES = True
#: The ending after the stop: two to four lower-case letters.
_DOTTED = re.compile(r"([A-Za-z]{3,})\.([a-z]{2,4})")


def dotted_name(left: str, right: str) -> bool:
    """Whether ``left + "." + right`` is a dotted name (module doc).

    >>> dotted_name("Node", "js"), dotted_name("config", "yaml"), dotted_name("Vue", "js")
    (True, True, True)
    >>> dotted_name("near", "ly"), dotted_name("tho", "se"), dotted_name("wh", "ich")
    (False, False, False)
    """
    if not DOTTED_NAMES or not _DOTTED.fullmatch(f"{left}.{right}"):
        return False
    return is_known(left.lower()) and not is_known((left + right).lower())


def dotted_forms(chunk: str) -> list[str]:
    """The dotted names inside ``chunk`` (a printed run without spaces), each as printed.

    >>> dotted_forms("(Node.js,"), dotted_forms("near.ly"), dotted_forms("v2.js")
    (['Node.js'], [], [])
    """
    if not DOTTED_NAMES or "." not in chunk:
        return []
    out = []
    for m in re.finditer(r"(?<![\w.])([A-Za-z]{3,})\.([a-z]{2,4})(?![\w.])", chunk):
        if dotted_name(m.group(1), m.group(2)):
            out.append(m.group())
    return out
