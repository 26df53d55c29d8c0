"""A garbled surname after a title or an initial is not read as a plain common word
(session 31, ocrcap31: ``repair.candidates.ocr_nameplace``, off by default)."""

from __future__ import annotations

from collections import Counter

import pytest

from repair.candidates import ocr_nameplace
from repair.candidates.ocr_nameplace import drop_common_readings, plain_word
from repair.tokenize import tokenize
from repair.types import Candidate

TEXT = "Mr. Gordon, Q. S. Speddlng, Mrs. Gurdon, and the Speddlng of Tooso"


def _readings(text: str, pairs: list[tuple[str, str, int]]) -> list[tuple[str, str]]:
    """The (print, reading) pairs left of candidates reading the ``n``-th ``word``."""
    toks = tokenize(text)
    by_start = {t.start: k for k, t in enumerate(toks)}
    counts = Counter(t.text for t in toks if t.kind == "word")
    out = []
    for word, reading, n in pairs:
        tok = [t for t in toks if t.text == word][n]
        out.append(Candidate(tok.start, tok.end, reading, "ocr", "OCR_CONFUSION"))
    kept = drop_common_readings(out, toks, by_start, counts)
    return [(text[c.start : c.end], c.replacement) for c in kept]


CASES = [("Speddlng", "Spending", 0), ("Gurdon", "Garden", 0), ("Gurdon", "Gordon", 0)]


def test_off_by_default_keeps_every_reading() -> None:
    assert not ocr_nameplace.NAME_PLACE_WORDS
    assert len(_readings(TEXT, CASES)) == 3


def test_common_word_readings_dropped_in_a_names_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_nameplace, "NAME_PLACE_WORDS", True)
    # "Spending", "Garden": plain words; "Gordon": a name, and printed on the page
    assert _readings(TEXT, CASES) == [("Gurdon", "Gordon")]


def test_outside_a_names_place_the_reading_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_nameplace, "NAME_PLACE_WORDS", True)
    # the second "Speddlng" follows "the": not a name's place
    assert _readings(TEXT, [("Speddlng", "Spending", 1)]) == [("Speddlng", "Spending")]


def test_a_page_word_reading_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_nameplace, "NAME_PLACE_WORDS", True)
    text = "the Garden Club met; Mrs. Gurdon presided"
    assert _readings(text, [("Gurdon", "Garden", 0)]) == [("Gurdon", "Garden")]


@pytest.mark.parametrize(
    ("word", "plain"),
    [("Spending", True), ("Garden", True), ("Copper", True), ("Gordon", False), ("Smith", False)],
)
def test_plain_word(word: str, plain: bool) -> None:
    assert plain_word(word, {}) is plain
