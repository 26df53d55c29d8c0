"""A capitalised token after a title, an initial or a capitalised word is not split."""

from __future__ import annotations

import repair.candidates.ocr_namepos as namepos
from repair.candidates.ocr_namepos import name_position
from repair.tokenize import tokenize


def _pos(text: str, word: str) -> bool:
    toks = tokenize(text)
    return name_position(toks, next(i for i, t in enumerate(toks) if t.text == word))


def test_name_positions() -> None:
    assert _pos("evidence for Mr. Talland, who", "Talland")
    assert _pos("Mr Talland said", "Talland")
    assert _pos("W. Munn, H.\nByan, W. Chave", "Byan")


def test_not_name_positions() -> None:
    assert not _pos("John Macintosh. Anumber of", "Anumber")  # a sentence opens
    assert not _pos("Macintosh.\n\nAnumber of", "Anumber")
    assert not _pos("the Talland", "Talland")
    assert not _pos("with Japan, South Koresand Southeast", "Koresand")  # places too
    assert not _pos("said A Talland", "Talland")  # "A", "I": words, not initials
    assert not _pos("Mr. talland", "talland")


def test_switch(monkeypatch) -> None:
    monkeypatch.setattr(namepos, "NAME_POSITION", False)
    assert not _pos("Mr. Talland", "Talland")


def _head(text: str, word: str, *parts: str) -> bool:
    toks = tokenize(text)
    i = next(i for i, t in enumerate(toks) if t.text == word)
    return namepos.common_head_mid_sentence(toks, i, parts)


def test_common_head_mid_sentence() -> None:
    assert _head("Constable Smith,\nof Howlong, and", "Howlong", "How", "long")
    assert _head("punished. Jane Byan, charged", "Byan", "By", "an")
    assert not _head("punished. Byan, charged", "Byan", "By", "an")  # a sentence opens
    assert not _head("ARTHUR: Ifyou do not", "Ifyou", "If", "you")  # after a colon
    assert not _head("punished.\n\nByan, charged", "Byan", "By", "an")
    assert not _head("every Stateto give", "Stateto", "State", "to")  # a rarer word
    assert not _head("aboard Air Force\nOneon his way", "Oneon", "One", "on")  # name + "on"
    assert not _head("the Tegeler Seeand Grosser", "Seeand", "See", "and")


_PAGE = """Tho inquiry into tho robbory was undortaken by Constablo Bartholometv,
of Howlong, and Constables Bell an. Barnett, of Albury, who woro
instructod by tho Inspoctor to procood at onco. Kiyo drunkards wero punished.
Jane Byan, charged with attempting lo commit suicido, was remandod for
sovon days. Tho accusod waa taken to tho lock-up."""


def test_place_and_surname_not_split(monkeypatch) -> None:
    from repair import repair_text

    def splits() -> list[str]:
        return [e.original for e in repair_text(_PAGE).edits if " " in e.replacement]

    assert "Howlong" not in splits() and "Byan" not in splits()
    monkeypatch.setattr(namepos, "COMMON_HEAD", False)
    assert "Howlong" in splits() and "Byan" in splits()  # "How long", "By an"
