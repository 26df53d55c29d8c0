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
