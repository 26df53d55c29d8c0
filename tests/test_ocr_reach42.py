"""Session 42 (issue 12): readings of lower-case garble the builders never reached
(:mod:`repair.candidates.ocr_reach`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.candidates import ocr_reach
from repair.candidates.ocr_glued import chunk_readings
from repair.pipeline import repair_text
from repair.tokenize import tokenize


@pytest.fixture
def clear() -> Iterator[None]:
    chunk_readings.cache_clear()
    yield
    chunk_readings.cache_clear()


def _readings(chunk: str) -> list[str]:
    return [text for text, _cost, _thr in chunk_readings(chunk, " ")]


def test_flags_shipped() -> None:
    assert ocr_reach.EDGE_LETTERS is True
    assert ocr_reach.STEM_TOO is True
    assert ocr_reach.EDGE_MIN_ZIPF == 3.0


def test_edge_mark_read_as_a_rarer_learned_letter(
    monkeypatch: pytest.MonkeyPatch, clear: None
) -> None:
    # "»" stood for "b" once in training: only the widened letters reach "branch"
    monkeypatch.setattr(ocr_reach, "EDGE_LETTERS", False)
    chunk_readings.cache_clear()
    assert "branch" not in _readings("»ranch")
    monkeypatch.setattr(ocr_reach, "EDGE_LETTERS", True)
    chunk_readings.cache_clear()
    assert "branch" in _readings("»ranch")
    assert "and" in _readings("»nd")


def test_edge_mark_guards(monkeypatch: pytest.MonkeyPatch, clear: None) -> None:
    monkeypatch.setattr(ocr_reach, "EDGE_LETTERS", True)
    model_off: dict[str, list[str]] = {}
    for chunk in ("ka*«", "-.ens", "Io»", "h\\", "lh("):
        model_off[chunk] = _readings(chunk)
    monkeypatch.setattr(ocr_reach, "EDGE_LETTERS", False)
    chunk_readings.cache_clear()
    for chunk, got in model_off.items():
        # two odd marks, English punctuation, a capital, one letter: nothing widened
        assert got == _readings(chunk), chunk


def test_possessive_nonword() -> None:
    def tok(text: str):  # noqa: ANN202
        return tokenize(text)[0]

    assert ocr_reach.possessive_nonword(tok("fathor's"))
    assert not ocr_reach.possessive_nonword(tok("Fathor's"))
    assert not ocr_reach.possessive_nonword(tok("fathors"))


_PAGE = (
    "The man who had boon lying in his fathor's yard for some months, lt was said, wns "
    "found by tho police on Tuesday. Tho constable snid that the mnn hnd been thero for a "
    "week and that nobody had seen him in tho street."
)


def test_possessive_stem_read_with_its_apostrophe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_reach, "STEM_TOO", False)
    assert "his fathers yard" in repair_text(_PAGE).text
    monkeypatch.setattr(ocr_reach, "STEM_TOO", True)
    assert "his father's yard" in repair_text(_PAGE).text


def test_letter_shares_back_off_to_every_mark(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates.ocr_glued import mark_model

    own = dict(ocr_reach._letter_shares(mark_model(), "»"))
    assert abs(sum(own.values()) - 1.0) < 1e-9 and "l" not in own
    monkeypatch.setattr(ocr_reach, "EDGE_BACKOFF", 2.0)
    smooth = dict(ocr_reach._letter_shares(mark_model(), "»"))
    assert abs(sum(smooth.values()) - 1.0) < 1e-9 and 0 < smooth["l"] < smooth["b"] < own["w"]


def test_edge_min_zipf_keeps_rare_words_out(monkeypatch: pytest.MonkeyPatch, clear: None) -> None:
    monkeypatch.setattr(ocr_reach, "EDGE_LETTERS", True)
    monkeypatch.setattr(ocr_reach, "EDGE_MIN_ZIPF", None)
    chunk_readings.cache_clear()
    assert "bihari" in _readings("\\ihari")
    monkeypatch.setattr(ocr_reach, "EDGE_MIN_ZIPF", 3.0)
    chunk_readings.cache_clear()
    assert "bihari" not in _readings("\\ihari")
    assert "branch" in _readings("»ranch")
