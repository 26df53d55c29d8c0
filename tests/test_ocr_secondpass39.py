"""The ocr stage's second pass of the real-word readers in corrected context
(:mod:`repair.candidates.ocr_secondpass`, session 39, ocrpass39; issue 12)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_secondpass as sp
from repair.document import Document
from repair.pipeline import repair_text
from repair.score import ocr_secondvote
from repair.stages.ocr import STAGE
from repair.write import apply_edits

#: one pass: these tests read a single pass's readings (conftest ``one_pass``)
pytestmark = pytest.mark.usefixtures("one_pass")

BASE = (
    "Tbe kingwas vcry glad of tlie news, and tho men wero sent to tbe town to seo "
    "wliat had becn done about tbe ncw bridge. Tlie rivcr was liigh and tbe cart went "
    "ovcr tbe old road to tlie mill, where tbe miller liad his house. "
)
TEXT = BASE + "It is fn tbe bands of tlie court."


def _edits(text: str) -> list:
    doc = Document(text)
    det = STAGE.detect(doc)
    return STAGE.score(doc, det, STAGE.candidates(doc, det))


def test_off_by_default() -> None:
    assert sp.SECOND_PASS is False


def test_second_pass_reads_beside_a_repaired_word(monkeypatch: pytest.MonkeyPatch) -> None:
    # "fn tbe": the first pass reads "tbe" -> "the"; the second reads "fn" -> "in"
    # between "is" and "the" (session 64's wider second vote, ``ocr_secondvote.WIDE``,
    # reads it in the first pass already: off here, to see the second pass's own reading)
    monkeypatch.setattr(ocr_secondvote, "WIDE", False)
    off = _edits(TEXT)
    monkeypatch.setattr(sp, "SECOND_PASS", True)
    on = _edits(TEXT)
    k = TEXT.index(" fn ") + 1
    assert not any(e.offset == k for e in off)
    got = [e for e in on if e.offset == k]
    assert [(e.original, e.replacement) for e in got] == [("fn", "in")]
    # spans on the original string: the first pass's edits kept, the output reproduced
    assert {(e.offset, e.replacement) for e in off} <= {(e.offset, e.replacement) for e in on}
    assert "It is in the hands" in apply_edits(TEXT, on)
    res = repair_text(TEXT)
    assert res.text == apply_edits(TEXT, res.edits)
    assert "It is in the hands" in res.text


def test_second_pass_leaves_a_page_alone_without_neighbours(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the same print with no repaired word beside it: no second reading
    text = BASE + "It is fn a band of tlie court."
    off = _edits(text)
    monkeypatch.setattr(sp, "SECOND_PASS", True)
    assert {(e.offset, e.replacement) for e in _edits(text)} == {
        (e.offset, e.replacement) for e in off
    }


def test_targets_are_beside_an_edit_only() -> None:
    doc = Document("a bb cc dd ee")
    toks = doc.tokens
    # an edit over "cc" (8 chars on the corrected text: positions 5-7)
    got = [toks[i].text for i in sp._targets(toks, [(5, 7)], frozenset())]
    assert got == ["bb", "dd"]
    # a flagged word is no target
    got = [toks[i].text for i in sp._targets(toks, [(5, 7)], frozenset({2}))]
    assert got == ["dd"]
