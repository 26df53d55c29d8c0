"""Word segmentation in newspaper OCR (issue 12, session 40, ocrseg40): a word piece a
spaced mark cut off is read through the confusions too ("tho'prayer" -> "the prayer"),
and a bound ending is no common word of its own beside garble ("delnj ed" -> "delayed")."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_glued, ocr_spacejoin
from repair.candidates.ocr_glued import chunk_readings
from repair.candidates.ocr_spacejoin import space_join_candidates
from repair.tokenize import tokenize


def _readings(chunk: str) -> list[str]:
    chunk_readings.cache_clear()  # the readings are cached per flag setting
    return [r for r, _c, _t in chunk_readings(chunk)]


def _joins(text: str, flagged: str) -> list[str]:
    toks = tokenize(text)
    starts = {t.start for t in toks if t.text in flagged.split()}
    return [c.replacement for c in space_join_candidates(toks, starts)]


def test_shipped_on() -> None:
    assert ocr_glued.SPLIT_PIECE_READINGS is True
    assert ocr_spacejoin.PIECE_TARGETS_ONLY is True
    assert ocr_spacejoin.NAME_CASE is True


@pytest.mark.parametrize(
    ("chunk", "right"),
    [("tho'prayer", "the prayer"), ("mot'prisoner", "met prisoner")],
)
def test_a_split_piece_is_read_through_the_confusions(
    monkeypatch: pytest.MonkeyPatch, chunk: str, right: str
) -> None:
    monkeypatch.setattr(ocr_glued, "SPLIT_PIECE_READINGS", False)
    assert right not in _readings(chunk)
    monkeypatch.setattr(ocr_glued, "SPLIT_PIECE_READINGS", True)
    got = _readings(chunk)
    assert right in got
    assert chunk.replace("'", " ") in got  # the pieces as printed stay a reading


def test_a_split_piece_keeps_its_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_glued, "SPLIT_PIECE_READINGS", True)
    assert all(r.split()[0][:1].isupper() for r in _readings("John'Macintoeh"))


def test_a_bound_ending_is_no_word_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "and Maitland was delnj ed several hours"
    monkeypatch.setattr(ocr_spacejoin, "PIECE_TARGETS_ONLY", False)
    assert "delayed" not in _joins(text, "delnj ed")
    monkeypatch.setattr(ocr_spacejoin, "PIECE_TARGETS_ONLY", True)
    assert "delayed" in _joins(text, "delnj ed")
    # a common word that a correction may produce still stands on its own
    assert _joins("that was some timo ago", "timo") == []


def test_a_joined_name_takes_its_capital(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "the North bj dnoy, Manly"
    monkeypatch.setattr(ocr_spacejoin, "NAME_CASE", False)
    assert "sydney" in _joins(text, "bj dnoy")
    monkeypatch.setattr(ocr_spacejoin, "NAME_CASE", True)
    got = _joins(text, "bj dnoy")
    assert "Sydney" in got and "sydney" not in got


def test_a_common_split_piece_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_glued, "SPLIT_PIECE_READINGS", True)
    monkeypatch.setattr(ocr_glued, "SPLIT_PIECE_MIN_GAIN", None)
    assert "slated to" in _readings("stated'to")
    monkeypatch.setattr(ocr_glued, "SPLIT_PIECE_MIN_GAIN", 1.0)
    assert "slated to" not in _readings("stated'to")
    assert "the prayer" in _readings("tho'prayer")


def test_only_a_printed_piece_is_read_on() -> None:
    # a piece made by reading a mark as a letter ("(at" -> "gat") gets no further reading
    assert "gut" not in _readings("(at")
    assert "fan" not in _readings("(in")
