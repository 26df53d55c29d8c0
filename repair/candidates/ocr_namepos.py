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

Mid-sentence (:func:`common_head_mid_sentence`), a capitalised token is not split into a
capitalised common word and another: "of Howlong" is a place, "Jane Byan" a surname, not
"of How long", "Jane By an"; "every Stateto" ("State to") still splits.

>>> toks = tokenize("of Howlong. Ifyou go, Jane Byan and every Stateto")
>>> [toks[i].text for i in (2, 5, 12, 18)]
['Howlong', 'Ifyou', 'Byan', 'Stateto']
>>> [common_head_mid_sentence(toks, i, h) for i, h in ((2, "How"), (5, "If"), (12, "By"))]
[True, False, True]
>>> common_head_mid_sentence(toks, 18, "State")
False
"""

from __future__ import annotations

from repair.resources.frequency import zipf
from repair.types import Token

#: Capitalised tokens in a name's position are split only after a word the page prints.
NAME_POSITION = True
#: Titles a surname follows (with or without a full stop).
TITLES = frozenset(
    "Mr Mrs Messrs Miss Dr Rev Capt Captain Sir Hon Lieut Col Sergt Sgt Ald Prof Pte".split()
)

#: Switch (issue 12, session 46, ocrrules46): a capitalised token right after a word (one
#: space between, no stop or other mark: mid-sentence) is not split so that its first word
#: is a common word of Zipf :data:`COMMON_HEAD_ZIPF` or more ("of Howlong" -> "How long",
#: "Jane Byan" -> "By an"): such a word is printed in lower case mid-sentence, and the token
#: is a place or a surname.  After a stop, a colon, a bracket or a blank line it still
#: splits ("ARTHUR: Ifyou"), and any first word rarer ("every Stateto", "Hugh Scottand").
#: ``benchmarks/ocr_rule_account.py``: the one key net negative on both SMH dev halves and
#: both ICDAR-only proxy halves (OCR_SPLIT_MERGED/capitalized_unknown -1 / -2 / -2 / -2
#: tokens; light suite 11 right, 0 wrong, none of them mid-sentence after a common word).
#: Figures with it: see ``benchmarks/RESULTS.md`` session 46 (ocrrules46).
COMMON_HEAD = True
COMMON_HEAD_ZIPF = 6.0


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


def common_head_mid_sentence(toks: list[Token], i: int, head: str) -> bool:
    """Whether capitalised token ``i`` stands mid-sentence (a word before it across one
    space, no stop between, no blank line) and ``head``, its split's first word, is a
    common word (:data:`COMMON_HEAD_ZIPF`): then it is no two words (:data:`COMMON_HEAD`)."""
    if not COMMON_HEAD or not toks[i].text[:1].isupper() or i < 1:
        return False
    if "\n\n" in toks[i - 1].text:
        return False
    found = word_before(toks, i)
    return found is not None and not found[1] and zipf(head.lower()) >= COMMON_HEAD_ZIPF
