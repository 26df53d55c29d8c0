"""The learned "cannot win" filter of a real word's readings (issue 14, session 59):
``repair/candidates/ocr_realfilter.py``, ``lexicons/ocr_realfilter.json``."""

import json
from collections import Counter

import pytest
from repair.lexicons import read_text

from repair.candidates import ocr_realfilter as F
from repair.candidates import ocr_realword as rw
from repair.document import Document


def _readings(text: str, word: str) -> list[str]:
    doc = Document(text)
    toks = doc.tokens
    names = rw.document_names(toks, Counter(t.text for t in doc.words))
    i = next(k for k, t in enumerate(toks) if t.text == word)
    return [c.replacement for c in rw.realword_candidates(toks, i, names)]


def test_the_shipped_model_is_checked_on_load() -> None:
    raw = json.loads(read_text(F.MODEL))
    assert F.check(raw) == F.model()
    assert "DEV text only" in raw["trained_on"]
    with pytest.raises(F.FilterModelError):
        F.check({**raw, "features": raw["features"][::-1]})
    with pytest.raises(F.FilterModelError):
        F.check({**raw, "weights": raw["weights"][:-1]})
    with pytest.raises(F.FilterModelError):
        F.check({**raw, "bar": float("nan")})
    with pytest.raises(F.FilterModelError):
        F.check({**raw, "format": "other/1"})


def test_a_frequent_word_read_as_a_rarer_one_is_never_built(monkeypatch) -> None:
    monkeypatch.setattr(rw, "LEARNED_SKIP", False)
    assert "wore" in _readings("they were in the house", "were")
    assert "herd" in _readings("the case was hold over", "hold")
    monkeypatch.setattr(rw, "LEARNED_SKIP", True)
    assert _readings("they were in the house", "were") == []
    assert "herd" not in _readings("the case was hold over", "hold")


def test_the_readings_that_win_are_kept(monkeypatch) -> None:
    monkeypatch.setattr(rw, "LEARNED_SKIP", True)
    assert "be" in _readings("he would bo received", "bo")
    assert "the" in _readings("tho man came", "tho")
    assert "meeting" in _readings("the mooting was held", "mooting")
    assert "held" in _readings("the case was hold over", "hold")
