"""Session 39 (issue 14): exact speed changes of the OCR stage give the same answers."""

from __future__ import annotations

from operator import countOf

import pytest

from repair.candidates import ocr_rules
from repair.candidates.ocr import _Reached
from repair.candidates.ocr_rules import counting_page, page_text_count
from repair.score import ngrams
from repair.tokenize import tokenize
from repair.types import Candidate, Token


def _count(toks: list[Token], text: str) -> int:
    return countOf((t.text for t in toks), text)


def test_page_text_count_is_count_of() -> None:
    toks = tokenize("Tbe man saw Tbe dog. Tbe end, 1 and 1; the Tbe")
    texts = {t.text for t in toks} | {"nowhere"}
    # outside counting_page: a scan
    assert all(page_text_count(toks, w) == _count(toks, w) for w in texts)
    with counting_page(toks):
        assert all(page_text_count(toks, w) == _count(toks, w) for w in texts)
        # another list (a copy with a token swapped in) is scanned, never the page's count
        other = list(toks)
        other[0] = Token("man", toks[0].start, toks[0].end, "word")
        assert page_text_count(other, "Tbe") == _count(other, "Tbe") == 3
        assert page_text_count(other, "man") == 2
        assert page_text_count(toks, "Tbe") == 4
    assert getattr(ocr_rules._PAGE, "texts", None) is None  # closed with the page


def test_page_text_count_switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_rules, "PAGE_TEXTS", False)
    toks = tokenize("Tbe Tbe the")
    with counting_page(toks):
        assert page_text_count(toks, "Tbe") == 2


def test_known_memo_same_answers() -> None:
    table = ngrams.get_ngrams()
    words = ["to-morrow", "Tune", "macadamising", "tapsters", "tbe", "Parramatta's", "aud", ""]
    for w in words * 2:
        assert table.known(w) == table._known(w) == ngrams.NgramTable.known(table, w)


def test_reached_is_frozenset_of_spans() -> None:
    out = [Candidate(0, 3, "a", "ocr", "X"), Candidate(4, 6, "b", "ocr", "X")]
    reach = _Reached(out)
    assert reach.now() == frozenset({(0, 3), (4, 6)})
    out.extend([Candidate(0, 3, "c", "ocr", "X"), Candidate(7, 9, "d", "ocr", "X")])
    assert reach.now() == frozenset((c.start, c.end) for c in out)
    del out[1:]  # shrunk: counted again
    assert reach.now() == frozenset({(0, 3)})
