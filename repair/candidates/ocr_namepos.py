"""A capitalised token in a name's position is split only after a name: "Mr. Talland".

A capitalised non-word is split into two words when the context model likes them
("Anumber" -> "A number").  After a title ("Mr. Talland" -> "Tall and") or an initial
("H.⏎Byan" -> "By an") it is a surname, garbled or not, and not two words, unless the
first word is one the page prints elsewhere: a name glued to the next word ("Mr Trumpto"
on a page about Trump).  After any capitalised word the rule would be too wide: "South
Koresand" is "Korea and".

>>> from repair.tokenize import tokenize
>>> toks = tokenize("Mrs. Henderson, Mr. Talland, H.\\nByan and Jane Byan. Anumber")
>>> [t.text for i, t in enumerate(toks) if t.kind == "word" and name_position(toks, i)]
['Henderson', 'Talland', 'Byan']
"""

from __future__ import annotations

from repair.types import Token

#: Capitalised tokens in a name's position are split only after a word the page prints.
NAME_POSITION = True
#: Titles a surname follows (with or without a full stop).
TITLES = frozenset(
    "Mr Mrs Messrs Miss Dr Rev Capt Captain Sir Hon Lieut Col Sergt Sgt Ald Prof Pte".split()
)


def name_position(toks: list[Token], i: int) -> bool:
    """Whether capitalised token ``i`` follows a title or an initial."""
    if not NAME_POSITION or not toks[i].text[:1].isupper():
        return False
    if i < 1 or "\n\n" in toks[i - 1].text:
        return False
    found = word_before(toks, i)
    if found is None:
        return False
    prev, _stop = found
    return prev in TITLES or (len(prev) == 1 and prev.isupper() and prev not in "AI")


def word_before(toks: list[Token], i: int) -> tuple[str, bool] | None:
    """The word before token ``i`` across one space token and an optional full stop
    ("Mr. Smith", "W Smith"), and whether that stop is there; ``None`` if none."""
    j = i - 1
    if j < 0 or toks[j].kind != "space":
        return None
    j -= 1
    stop = j >= 0 and toks[j].text == "."
    if stop:
        j -= 1
    if j < 0 or toks[j].kind != "word":
        return None
    return toks[j].text, stop
