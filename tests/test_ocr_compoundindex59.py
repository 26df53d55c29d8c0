"""The dictionary's closed compounds by a sorted index (:data:`repair.candidates.
ocr_lightmerge.COMPOUND_INDEX`, issue 14, session 59): the answers of the scan it replaces."""

from __future__ import annotations

import itertools

import pytest

from repair.candidates import ocr_compoundindex, ocr_lightmerge
from repair.candidates.ocr_compoundindex import _run
from repair.resources.sorted_lines import SortedLines

PIECES = [
    "",
    *"box search based upon light mail step against tax relief wheat once house ing s a".split(),
    *"zzzz aaa o'clock n't 's café é Box x.y a-b [a-z] .* \\ right clicking head off".split(),
]


def _scan(piece: str, head: bool, monkeypatch: pytest.MonkeyPatch) -> bool:
    monkeypatch.setattr(ocr_lightmerge, "COMPOUND_INDEX", False)
    try:
        return ocr_lightmerge._compounds(piece, head)
    finally:
        monkeypatch.setattr(ocr_lightmerge, "COMPOUND_INDEX", True)


@pytest.mark.parametrize("head", [True, False])
def test_the_index_answers_as_the_scan(head: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_lightmerge, "COMPOUND_INDEX", True)
    for piece in PIECES:
        assert ocr_lightmerge._compounds(piece, head) == _scan(piece, head, monkeypatch), piece
    assert ocr_lightmerge._compounds("box", head=False)
    assert not ocr_lightmerge._compounds("based", head=True)


@pytest.mark.parametrize("flag", [True, False])
def test_the_flag_reads_the_index(flag: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, bool]] = []
    real = ocr_compoundindex.has_compound

    def spy(piece: str, head: bool, min_len: int, min_zipf: float) -> bool:
        asked.append((piece, head))
        return real(piece, head, min_len, min_zipf)

    monkeypatch.setattr(ocr_compoundindex, "has_compound", spy)
    monkeypatch.setattr(ocr_lightmerge, "COMPOUND_INDEX", flag)
    assert ocr_lightmerge._compounds("search", head=True)
    assert asked == ([("search", True)] if flag else [])


def test_a_prefix_run_across_blocks() -> None:
    words = sorted({"".join(p) for n in range(1, 4) for p in itertools.product("abc", repeat=n)})
    blob = "".join(f"{w}\t1\n" for w in words)
    for block in (1, 5, 9, 40, 10_000):
        starts, heads = SortedLines(blob, 0, block=block).index()
        for prefix in ["", "a", "b", "c", "d", "ab", "ba", "cc", "ccc", "cccc", "0", "bb"]:
            want = [w for w in words if w.startswith(prefix)]
            assert list(_run(blob, starts, heads, prefix)) == want, (block, prefix)
    assert list(_run("", [0], [], "a")) == []


def test_a_piece_with_a_tab_or_newline_is_not_indexed() -> None:
    with pytest.raises(ValueError):
        ocr_compoundindex.has_compound("a\tb", True, 3, 3.0)
