"""Session 39, ocrconf39: learned lost / added glyph rows for the confusion walk
(``lexicons/ocr_confusions_indel.tsv``, :data:`repair.score.ocr_channel.INDEL_ROWS`)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from repair.lexicons import LexiconError

from repair.score import ocr_channel, ocr_search, ocr_table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import build_ocr_confusions as build  # noqa: E402

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
