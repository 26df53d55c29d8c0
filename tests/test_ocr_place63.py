"""Session 63 (ocrplace): the slot readers read a print with a mark glued after it
(``ocr_slot.GLUED_MARK``, ``ocr_shortslot.GLUED_MARK``) and a print beside a number
(``ocr_slot.BESIDE_NUMBER``)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_shortslot, ocr_slot, ocr_slotside
from repair.tokenize import tokenize


def _at(toks: list, word: str) -> int:
    return next(k for k, t in enumerate(toks) if t.text == word)


def _nonword(text: str) -> list[tuple[str, str, int, int]]:
    toks = tokenize(text)
    return [
        (text[c.start : c.end], c.replacement, c.start, c.end)
        for c in ocr_shortslot.slot_nonword_candidates(toks, [])
    ]


def test_glued_mark_reads_the_word_part(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "he went to the shop tbe, and the man was there"
    # two-sided, as session 63 read it (session 64's one-sided guard: "shop _" alone
    # does not read "the", so the guard refuses it)
    monkeypatch.setattr(ocr_slotside, "ONE_SIDED", False)
    monkeypatch.setattr(ocr_shortslot, "GLUED_MARK", False)
    assert _nonword(text) == []  # main: the comma beside the word shuts its slot
    monkeypatch.setattr(ocr_shortslot, "GLUED_MARK", True)
    got = _nonword(text)
    assert [(p, r) for p, r, _a, _b in got] == [("tbe", "the")]
    a, b = got[0][2:]
    assert text[a:b] == "tbe" and text[b] == ","  # the mark stays outside the edit's span
    monkeypatch.setattr(ocr_slotside, "ONE_SIDED", True)
    assert _nonword(text) == []


def test_glued_mark_context(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_slot, "GLUED_MARK", True)
    toks = tokenize("passing laws found moporutii o, where thoy aro")
    i = _at(toks, "o")
    assert ocr_slot._glued_mark(toks, i) == ","
    assert ocr_slot._context(toks, i, {}) == (["found", "moporutii"], ["where", "thoy"])
    toks = tokenize("they were sold ot. The man came")
    i = _at(toks, "ot")
    assert ocr_slot._glued_mark(toks, i) == ""  # GLUED_STOP off
    monkeypatch.setattr(ocr_slot, "GLUED_STOP", True)
    assert ocr_slot._glued_mark(toks, i) == "."  # a stop ends the right context
    assert ocr_slot._context(toks, i, {}) == (["were", "sold"], [])
    monkeypatch.setattr(ocr_slot, "GLUED_MARK", False)
    assert ocr_slot._glued_mark(toks, i) == ""
    assert not ocr_slot._eligible_place(toks, i, lambda: {})


def _slot(text: str) -> list[tuple[str, str, str]]:
    toks = tokenize(text)
    return [
        (text[c.start : c.end], c.replacement, text[c.end])
        for c in ocr_slot.slot_candidates(toks, [])
    ]


def test_glued_mark_real_word(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "the constable said that while he wa? sitting in his car the man ran"
    monkeypatch.setattr(ocr_slot, "GLUED_MARK", False)
    assert _slot(text) == []
    monkeypatch.setattr(ocr_slot, "GLUED_MARK", True)
    assert _slot(text) == [("wa", "was", "?")]  # the mark outside the span


def test_glued_mark_keeps_the_place_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_slot, "GLUED_MARK", True)
    cases = [
        ("made by that inn, The plaintiff", "inn"),  # a capital past the comma
        ("of Randwick, n. Justice of", "n"),  # one letter and a stop: an initial
        ("sold out , ot, the man", "ot"),  # no word before (a mark)
        ("sold out ot-, the man", "ot"),  # a hyphen glued
        ("but tho close ol' his studios", "ol"),  # an apostrophe: the mark readers' chunk
    ]
    for text, word in cases:
        toks = tokenize(text)
        assert ocr_slot._glued_mark(toks, _at(toks, word)) == "", text


def test_beside_number_place_and_context(monkeypatch: pytest.MonkeyPatch) -> None:
    toks = tokenize("There aro in nil 858 publio houses")
    i = _at(toks, "nil")
    monkeypatch.setattr(ocr_slot, "BESIDE_NUMBER", False)
    assert not ocr_slot._eligible_place(toks, i, lambda: {})
    monkeypatch.setattr(ocr_slot, "BESIDE_NUMBER", True)
    assert ocr_slot._eligible_place(toks, i, lambda: {})
    assert ocr_slot._context(toks, i, {}) == (["aro", "in"], ["858", "publio"])
