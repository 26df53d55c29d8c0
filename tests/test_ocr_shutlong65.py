"""A gate-shut page's long lower-case non-word read as the one word it is far from
("had sttehded the talks" -> attended: issue 12, session 65, ocrlower)."""

from __future__ import annotations

from collections import Counter

import pytest

import repair.candidates.ocr_shutlong as shutlong
from repair.config import RepairConfig
from repair.detect.ocr import detect_ocr, document_garbled
from repair.pipeline import repair_text
from repair.tokenize import tokenize

CFG = RepairConfig(spin=False, tortured=False)

#: A clean-looking page (the gate stays shut) with one long garbled word two glyphs and a
#: letter from its word.
PAGE = (
    "Delegates from many countries, among them Japanese and Russian Christians, had "
    "sttehded the talks at the college last week.\n"
)


@pytest.fixture(autouse=True)
def _on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutlong, "SHUT_LONG", True)


def test_shut_page_reads_its_one_clear_far_word() -> None:
    assert not document_garbled(detect_ocr(PAGE))
    res = repair_text(PAGE, config=CFG)
    assert "had attended the talks" in res.text
    (edit,) = [e for e in res.edits if e.original == "sttehded"]
    assert edit.evidence["finding"] == "shut_long" and edit.kind and edit.confidence > 0


def test_flag_off_keeps_the_print(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutlong, "SHUT_LONG", False)
    assert "had sttehded the talks" in repair_text(PAGE, config=CFG).text


def _cands(text: str, word: str, reason: str = "nonword") -> list:
    toks = tokenize(text)
    k = next(i for i, t in enumerate(toks) if t.text == word)
    counts = Counter(t.text for t in toks if t.kind == "word")
    return shutlong.shut_long_candidates(toks, k, counts, reason)


def test_guards() -> None:
    assert [c.replacement for c in _cands("they had sttehded it", "sttehded")] == ["attended"]
    # printed twice on the page: a word of the page's own, not garble
    assert _cands("they had sttehded it and sttehded again", "sttehded") == []
    # a capitalised print (a name) and a short one are not read
    assert _cands("they had Sttehded it", "Sttehded", "capitalized_unknown") == []
    assert _cands("they had sttnd it", "sttnd") == []
    # a drawl is no garble
    assert _cands("they were sooooorry now", "sooooorry") == []


def test_a_writer_s_shapes_stay() -> None:
    # a typist's slips and a derivation of clean text: no glyph misread
    assert _cands("they were soemtimes late", "soemtimes") == []
    assert _cands("negative emtions as well", "emtions") == []
    assert _cands("an arbitrager will buy", "arbitrager") == []
    # a writer's doubled key and a misspelling of a rarer word (census, session 65)
    assert _cands("can accummulate in tissue", "accummulate") == []
    assert _cands("lacks the shapliness of the last wine", "shapliness") == []
