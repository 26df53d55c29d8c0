"""A capitalised token in a name's position is not split: "Mr. Talland", "H. Byan".

A capitalised non-word is split into two words when the context model likes them
("Anumber" -> "A number").  After a title ("Mr. Talland" -> "Tall and"), an initial
("H.⏎Byan" -> "By an") or a capitalised word on the same line ("Jane Byan") it is a
surname, garbled or not, and never two words.

>>> from repair.tokenize import tokenize
>>> toks = tokenize("Mrs. Henderson, Mr. Talland, H.\\nByan and Jane Byan. Anumber")
>>> [t.text for i, t in enumerate(toks) if t.kind == "word" and name_position(toks, i)]
['Henderson', 'Talland', 'Byan', 'Byan']
"""

from __future__ import annotations

from repair.types import Token

#: Capitalised tokens in a name's position are never split (see the module doc).
NAME_POSITION = True
#: Titles a surname follows (with or without a full stop).
TITLES = frozenset(
    "Mr Mrs Messrs Miss Dr Rev Capt Captain Sir Hon Lieut Col Sergt Sgt Ald Prof Pte".split()
)


def name_position(toks: list[Token], i: int) -> bool:
    """Whether capitalised token ``i`` follows a title, an initial, or a capitalised word."""
    if not NAME_POSITION or not toks[i].text[:1].isupper():
        return False
    j = i - 1
    if j < 0 or toks[j].kind != "space" or "\n\n" in toks[j].text:
        return False
    newline = "\n" in toks[j].text
    j -= 1
    stop = j >= 0 and toks[j].text == "."
    if stop:
        j -= 1
    if j < 0 or toks[j].kind != "word":
        return False
    prev = toks[j].text
    if prev in TITLES or (len(prev) == 1 and prev.isupper() and prev not in "AI"):
        return True  # "Mr. Talland", "H. Byan"
    # "Jane Byan": a capitalised word right before, on the same line, no stop between
    return not stop and not newline and prev[:1].isupper() and prev[1:].islower()
