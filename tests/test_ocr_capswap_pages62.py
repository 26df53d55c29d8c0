"""Session 62, ocrnames: the page's own first-glyph capital pairs (issue 12).

With :data:`repair.candidates.ocr_capswap.PAGE_PAIRS` a capital pair that at least two
capitalised non-words of the page read through ("Qacob", "Qohn": Q -> J) prices the
first-glyph reading by the page's rate of the pair, not by the learned table.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from repair.candidates import ocr_capswap
from repair.types import Token


@pytest.fixture
def clear() -> Iterator[None]:
    ocr_capswap.swap_readings.cache_clear()
    yield
    ocr_capswap.swap_readings.cache_clear()


def _toks(*words: str) -> list[Token]:
    out: list[Token] = []
    at = 0
    for k, w in enumerate(words):
        if k:
            out.append(Token(" ", at, at + 1, "space"))
            at += 1
        out.append(Token(w, at, at + len(w), "word"))
        at += len(w)
    return out


def _read(toks: list[Token]) -> list[tuple[str, float]]:
    counts: dict[str, int] = {}
    for t in toks:
        if t.kind == "word":
            counts[t.text] = counts.get(t.text, 0) + 1
    return [
        (c.replacement, c.features["cost"])
        for c in ocr_capswap.capswap_candidates(toks, range(len(toks)), counts)
    ]


def test_ships_off() -> None:
    assert ocr_capswap.PAGE_PAIRS is False


def test_page_pairs_need_two_prints() -> None:
    # Q -> J: "Qacob" (Jacob) and "Qohn" (John); Q -> C only "Qohn" (Cohn)
    got = ocr_capswap.page_pairs({"Qacob": 1, "Qohn": 1, "James": 3, "the": 5})
    assert got == {("Q", "J"): pytest.approx(-math.log(2 / 5))}
    assert ocr_capswap.page_pairs({"Qacob": 1, "James": 3}) == {}
    # two forms of one word are one piece of evidence
    assert ocr_capswap.page_pairs({"Qacob": 1, "Qacobs": 1}) == {}
    # words and listed names support nothing
    assert ocr_capswap.page_pairs({"London": 1, "Hobart": 1}) == {}


def test_reading_only_with_the_flag(clear: None, monkeypatch: pytest.MonkeyPatch) -> None:
    toks = _toks("Mr", "Qohn", "Smith", "and", "Qacob", "Brown", "James")
    # the table's price of an unseen capital pair leaves "Qohn" unread (rivals)
    assert ocr_capswap.swap_readings("Qohn") == ()
    assert "John" not in [w for w, _c in _read(toks)]
    monkeypatch.setattr(ocr_capswap, "PAGE_PAIRS", True)
    got = dict(_read(toks))
    assert got["John"] == pytest.approx(-math.log(2 / 3))
    assert got["Jacob"] == pytest.approx(-math.log(2 / 3))  # the page's price, not 5.0
