"""The page's chunks scanned once for the open page (issue 14, session 49).

``ocr_rules.page_scan`` keeps a scan of the open page's token list for every pass that
asks (``ocr_glued.page_chunks``: the chunks and their texts); the same answers as a scan
of its own, and the same repair with the switch on and off.
"""

from __future__ import annotations

import pytest

from repair.bench.speed import ocr_speed_text
from repair.candidates import ocr_glued, ocr_rules
from repair.candidates.ocr_glued import _chunk_spans, page_chunks
from repair.candidates.ocr_rules import counting_page, page_scan
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.tokenize import tokenize

#: one pass: the switch is compared on one reading of the page (conftest ``one_pass``)
pytestmark = pytest.mark.usefixtures("one_pass")

_TEXT = "Tbe  kingwas here,  and ' tbe cat—sat.\n\nOn tbe mat (1Ol) it's  done ! "


def _plain(toks):
    return [(i, j, "".join(t.text for t in toks[i:j])) for i, j in _chunk_spans(toks)]


def test_page_chunks_are_the_chunks_and_their_texts() -> None:
    toks = tokenize(_TEXT)
    assert page_chunks(toks) == _plain(toks)
    with counting_page(toks):
        first = page_chunks(toks)
        assert first == _plain(toks)
        assert page_chunks(toks) is first  # read, not scanned again
        other = tokenize(_TEXT)  # an equal list that is not the page's: scanned anew
        assert page_chunks(other) == first and page_chunks(other) is not first
    assert page_chunks(toks) is not first  # the page closed: its table is gone


def test_page_scan_builds_once_a_page_and_every_time_when_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    toks = tokenize(_TEXT)
    built: list[int] = []

    def build() -> int:
        built.append(1)
        return len(built)

    with counting_page(toks):
        assert [page_scan(toks, ("x",), build) for _ in range(3)] == [1, 1, 1]
        assert page_scan(toks, ("y",), build) == 2  # another key
    assert page_scan(toks, ("x",), build) == 3  # no page open
    monkeypatch.setattr(ocr_rules, "SHARED_SCANS", False)
    with counting_page(toks):
        assert [page_scan(toks, ("x",), build) for _ in range(2)] == [4, 5]


def test_the_same_repair_with_the_scans_shared_or_not(monkeypatch: pytest.MonkeyPatch) -> None:
    page = ocr_speed_text(1500)
    calls: list[int] = []
    plain = ocr_glued._chunks_of

    def counted(toks):
        calls.append(1)
        return plain(toks)

    monkeypatch.setattr(ocr_glued, "_chunks_of", counted)
    on = repair_text(page, config=RepairConfig())
    shared = len(calls)
    monkeypatch.setattr(ocr_rules, "SHARED_SCANS", False)
    calls.clear()
    off = repair_text(page, config=RepairConfig())
    assert calls and len(calls) > shared  # off, each pass scans the page itself
    assert on.text == off.text
    assert [(e.offset, e.original, e.replacement, e.rule, e.confidence) for e in on.edits] == [
        (e.offset, e.original, e.replacement, e.rule, e.confidence) for e in off.edits
    ]
