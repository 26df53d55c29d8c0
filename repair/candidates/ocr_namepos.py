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

Mid-sentence (:func:`common_head_mid_sentence`), a capitalised token whose split starts
with a common word is split only into a name and a function word ("Air Force Oneon",
"every Stateto"): "of Howlong" is a place, "Jane Byan" a surname, not "of How long",
"Jane By an".

>>> toks = tokenize("of Howlong. Ifyou go, Jane Byan and Force Oneon")
>>> [toks[i].text for i in (2, 5, 12, 18)]
['Howlong', 'Ifyou', 'Byan', 'Oneon']
>>> cases = ((2, ("How", "long")), (5, ("If", "you")), (12, ("By", "an")), (18, ("One", "on")))
>>> [common_head_mid_sentence(toks, i, parts) for i, parts in cases]
[True, False, True, False]
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
#: space between, no stop or other mark: mid-sentence) whose split starts with a common word
#: (Zipf :data:`COMMON_HEAD_ZIPF` or more) is split only as a name and a function word
#: (:func:`repair.candidates.ocr_gluedfw.function_words`: "Air Force Oneon" -> "One on",
#: "Tegeler Seeand" -> "See and"), not as a function word and another or a common word and
#: a content word: "of Howlong" -> "How long", "Jane Byan" -> "By an" (a place, a surname).
#: After a stop, a colon, a bracket or a blank line it splits as before ("ARTHUR: Ifyou"),
#: and with a rarer first word ("every Stateto", "Hugh Scottand").
#: ``benchmarks/ocr_rule_account.py``: OCR_SPLIT_MERGED/capitalized_unknown was the one key
#: net negative on both SMH dev halves and both ICDAR-only proxy halves (-1 / -2 / -2 / -2
#: tokens; light suite 11 right, 0 wrong).  On (``python benchmarks/smh_eval.py --split
#: dev|test``; ``ocr_xsource.py --train icdar --eval smh-dev|smh-test``): SMH dev 4,329 ->
#: 4,325 tokens, 7,040 -> 7,037 chars; test (read once) 5,357 -> 5,354 / 8,691 -> 8,689;
#: ICDAR-only proxy dev 5,142 -> 5,138 / 8,466 -> 8,463, test 5,940 -> 5,937 / 9,632 ->
#: 9,630; light suite, ICDAR (25 / 65 / 83 broken), gold + noise (119), clean gate (0 of
#: 750; 4 / 4 / 7) unchanged; OCR'd modern text audit 200 broken / 28,166 -> 28,165 fixed
#: ("Tom and Anato" is left, not read "An a to": the same token errors).
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


def common_head_mid_sentence(toks: list[Token], i: int, parts: tuple[str, ...]) -> bool:
    """Whether capitalised token ``i`` stands mid-sentence (a word before it across one
    space, no stop between, no blank line) and ``parts``, its split, is no name and
    function word though its first word is common (:data:`COMMON_HEAD`)."""
    if not COMMON_HEAD or not toks[i].text[:1].isupper() or i < 1 or len(parts) < 2:
        return False
    if "\n\n" in toks[i - 1].text:
        return False
    found = word_before(toks, i)
    head = parts[0].lower()
    if found is None or found[1] or zipf(head) < COMMON_HEAD_ZIPF:
        return False
    from repair.candidates.ocr_gluedfw import function_words

    words = function_words()
    return not (parts[-1] in words and head not in words)
