"""Words broken at a line end whose hyphen the OCR lost ("com⏎panions", "ac⏎cusod")."""

from repair.candidates.ocr_garbled_join import garbled_joins
from repair.candidates.ocr_spacing import joins
from repair.tokenize import tokenize


def _index(toks: list, text: str) -> int:
    return next(k for k, t in enumerate(toks) if t.text == text)


def test_plain_join_crosses_one_line_break_for_a_non_word() -> None:
    toks = tokenize("the train, his com\npanions in another")
    out = joins(toks, _index(toks, "panions"), "nonword")
    assert [c.replacement for c in out] == ["companions"]


def test_no_join_across_a_blank_line_or_for_other_findings() -> None:
    toks = tokenize("the train, his com\n\npanions in another")
    assert joins(toks, _index(toks, "panions"), "nonword") == []
    toks = tokenize("the train, his com\npanions in another")
    assert joins(toks, _index(toks, "panions"), "garble_form") == []


def test_garbled_join_reads_a_piece_across_a_line_break() -> None:
    toks = tokenize("Mr McMahon appeared for the ac\ncusod. LARCENY.")
    out = garbled_joins(toks, _index(toks, "cusod"), "nonword")
    assert "accused" in [c.replacement for c in out]
