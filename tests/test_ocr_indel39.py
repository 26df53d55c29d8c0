"""Session 39, ocrconf39: learned lost / added glyph rows for the confusion walk
(``lexicons/ocr_confusions_indel.tsv``, :data:`repair.score.ocr_channel.INDEL_ROWS`)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from repair.lexicons import LexiconError

from repair.candidates import ocr_indel
from repair.pipeline import repair_text
from repair.score import ocr_channel, ocr_search, ocr_table
from repair.types import Candidate
from tests.test_ocr_cand38 import PAGE

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import build_ocr_confusions as build  # noqa: E402

#: one pass: these tests read a single pass's readings (conftest ``one_pass``)
pytestmark = pytest.mark.usefixtures("one_pass")

ALL = {"lost", "added", "figure", "lost-any", "added-any"}


def _reset() -> None:
    ocr_channel._windows.clear()
    ocr_channel._window_plans.clear()
    ocr_table._clear_caches()


@pytest.fixture
def rows(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(ocr_channel, "INDEL_ROWS", ocr_channel.INDEL_ROWS)
    _reset()
    yield
    monkeypatch.undo()
    _reset()


def _wide(token: str) -> list[str]:
    return [c.text for c in ocr_search.wide_candidates(token, names=True)]


def test_table_format_and_no_old_row_changed() -> None:
    got = ocr_channel.indel_rows()
    assert got and {k for *_x, k in got} <= ocr_channel.INDEL_KINDS
    table = ocr_channel.confusions()
    for src, dst, cost, _kind in got:
        assert src and dst and cost >= 0
        assert dst not in dict(table.get(src, ()))  # only rows the main table lacks
    # a lost letter is its context glyph and the letter: "w" -> "wr" (lost "r" after "w")
    assert any(len(d) == len(s) + 1 and (d.startswith(s) or d.endswith(s)) for s, d, *_ in got)


def test_bad_table_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    for bad in (("w", "wr", "6.0", "3", "swap"), ("", "r", "6.0", "3", "lost"),
                ("w", "wr", "x", "3", "lost")):  # fmt: skip
        monkeypatch.setattr(ocr_channel, "read_tsv", lambda *_a, b=bad: (b,))
        ocr_channel.indel_rows.cache_clear()
        with pytest.raises(LexiconError):
            ocr_channel.indel_rows()
    monkeypatch.undo()
    ocr_channel.indel_rows.cache_clear()


def test_walk_reads_a_lost_letter_only_with_the_rows(rows: None) -> None:
    ocr_channel.INDEL_ROWS = ()
    _reset()
    assert "Lawrence" not in _wide("Lawence")
    before = ocr_channel.confusions()
    ocr_channel.INDEL_ROWS = ALL
    _reset()
    got = ocr_search.wide_candidates("Lawence", names=True)
    law = next(c for c in got if c.text == "Lawrence")
    assert law.subs == (("w", "wr"),)
    assert law.cost == max(ocr_channel.INDEL_ANY_MIN_COST, ocr_channel.INDEL_MIN_COST)
    assert "government" in _wide("goverment")
    # the other readers of the table see the same rows as before
    assert ocr_channel.confusions() == before


def test_archive_table_is_read_as_it_is(rows: None) -> None:
    ocr_channel.INDEL_ROWS = ALL
    _reset()
    shipped = ocr_channel._walk_rows()
    ocr_channel._override_rows = ocr_channel._table_rows()
    try:
        _reset()
        assert ocr_channel._walk_rows() != shipped
        assert "wr" not in [d for d, *_ in ocr_channel._walk_rows().get("w", ())]
    finally:
        ocr_channel._override_rows = None


def test_builder_context_rows() -> None:
    # "Lawence" for "Lawrence": the run ("", "r") between "w" and "e"
    runs = build._runs_in_context("Lawence", "Lawrence", False)
    assert runs == [("", "r", "w", "e")]
    spans = [(0, 0, 0, 1)]
    assert build._indel_rows("", "r", "w", "e", spans) == [("w", "wr", "lost"), ("e", "re", "lost")]
    # an added "i" before "s" ("Houison"): context rows on both sides
    assert build._indel_rows("i", "", "u", "s", [(0, 1, 0, 0)]) == [
        ("ui", "u", "added"),
        ("is", "s", "added"),
    ]
    # ICDAR's aligned lines: "@" pads the gap
    assert build._runs_in_context("Law@ence", "Lawrence", True) == [("", "r", "w", "e")]
    # a neighbour that is itself misread is no context
    assert build._indel_rows("cx", "e", None, None, [(0, 1, 0, 1), (1, 2, 1, 1)]) == []


def test_shipped_rows_and_pipeline(rows: None) -> None:
    # the row set indel40 measured: a letter lost after any letter, at its learned rate
    # (``lost-any``); shipped off (session 40, lead)
    ocr_channel.INDEL_ROWS = ("lost-any",)
    _reset()
    page = PAGE.replace("His Worship", "The Distict")
    edits = repair_text(page).edits
    assert [e.replacement for e in edits if e.original == "Distict"] == ["District"]
    ocr_channel.INDEL_ROWS = ()
    _reset()
    assert not any(e.original == "Distict" for e in repair_text(page).edits)


def test_lost_letters_only_on_heavy_pages(rows: None) -> None:
    ocr_channel.INDEL_ROWS = ("lost-any",)
    _reset()
    pairs = ocr_channel.indel_pairs()
    assert ("i", "ir") in pairs and ("w", "wr") in pairs
    lost = Candidate(0, 7, "District", "ocr", "OCR_CONFUSION", {"subs": [["i", "ir"]]})
    other = Candidate(0, 7, "Distant", "ocr", "OCR_CONFUSION", {"subs": [["ic", "an"]]})
    # old print spells one letter short ("entred", "shal"): a light page keeps its print
    assert ocr_indel.keep_heavy_only([lost, other], heavy=False) == [other]
    assert ocr_indel.keep_heavy_only([lost, other], heavy=True) == [lost, other]
    ocr_channel.INDEL_ROWS = ()
    _reset()
    assert ocr_indel.keep_heavy_only([lost, other], heavy=False) == [lost, other]


def test_no_lost_letter_at_the_end_or_across_a_space(rows: None) -> None:
    ocr_channel.INDEL_ROWS = ("lost-any",)
    _reset()
    pairs = ocr_channel.indel_pairs()
    assert ("e", "ed") in pairs and ("o", "ot") in pairs
    # a letter lost at the word's end reads an inflection ("démoralise" -> "demoralised")
    end = Candidate(0, 10, "demoralised", "ocr", "X", {"subs": [["é", "e"], ["e", "ed"]]})
    inner = Candidate(0, 7, "District", "ocr", "X", {"subs": [["i", "ir"]]})
    joined = Candidate(0, 9, "Scotland", "ocr", "X", {"subs": [["o", "ot"], ["~", "l"]]})
    assert ocr_indel.final_or_joined(end, "démoralise", pairs)
    assert not ocr_indel.final_or_joined(inner, "Distict", pairs)
    assert ocr_indel.final_or_joined(joined, "~Sco~ and", pairs)
    text = "démoralise"
    assert ocr_indel.keep_heavy_only([end], heavy=True, text=text) == []
    assert ocr_indel.keep_heavy_only([end], heavy=True) == [end]  # no page text: no check


def test_no_lost_letter_after_the_last_glyph(rows: None) -> None:
    ocr_channel.INDEL_ROWS = ("lost-any",)
    _reset()
    # a letter lost at the word's end is an inflection, not garble: "demoralise" stays
    assert "demoralised" not in _wide("demoralise")
    assert "District" in _wide("Distict")  # inside the word it is read
    ocr_channel.INDEL_FINAL_ONLY_TABLE = False
    _reset()
    try:
        assert "demoralised" in _wide("demoralise")
    finally:
        ocr_channel.INDEL_FINAL_ONLY_TABLE = True
        _reset()


def test_no_lost_letter_in_a_token_printing_a_mark(
    rows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # session 39, indel39b: a stray mark in the token ("to-da.y", "'igh") is garble enough;
    # a lost letter read on top of it stacks a second guess ("to-classy", "right")
    ocr_channel.INDEL_ROWS = ("lost-any",)
    _reset()
    pairs = ocr_channel.indel_pairs()
    assert ("i", "ir") in pairs
    assert not ocr_indel.marked("Distict") and not ocr_indel.marked("Distict.")
    assert ocr_indel.marked("to-da.y") and ocr_indel.marked("'igh") and ocr_indel.marked("~Sco~")
    page = "'igh Distict"
    mark = Candidate(0, 4, "right", "ocr", "X", {"subs": [["'", "r"], ["i", "ir"]]})
    inner = Candidate(5, 12, "District", "ocr", "X", {"subs": [["i", "ir"]]})
    plain = Candidate(0, 4, "high", "ocr", "X", {"subs": [["'", "h"]]})
    assert ocr_indel.keep_heavy_only([mark, inner, plain], heavy=True, text=page) == [inner, plain]
    monkeypatch.setattr(ocr_indel, "MARKED", False)
    assert ocr_indel.keep_heavy_only([mark, inner, plain], heavy=True, text=page) == [
        mark,
        inner,
        plain,
    ]


def test_no_lost_letter_in_a_chunk_glued_to_a_mark(
    rows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a glued word+mark chunk ("~Sco~ and" -> "Scotland") reads its pieces without the
    # lost-letter rows (ocr_indel.GLUED_PIECES)
    from repair.candidates import ocr_glued

    ocr_channel.INDEL_ROWS = ("lost-any",)
    _reset()
    assert "District" in [c.text for c in ocr_channel.correction_candidates("Distict")]
    assert "District" not in [x for x, _c in ocr_glued._read_pieces("Distict", set(), True)]
    monkeypatch.setattr(ocr_indel, "GLUED_PIECES", False)
    assert "District" in [x for x, _c in ocr_glued._read_pieces("Distict", set(), True)]
