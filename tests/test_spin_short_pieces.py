"""Short clean pieces for the spin calibration (benchmarks/spin_calibrate.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from spin_calibrate import SHORT_MAX, SHORT_MIN, short_pieces  # noqa: E402
from spin_sim.corpus import Doc  # noqa: E402


def _para(i: int, n: int) -> str:
    return " ".join(f"w{i}x{k}" for k in range(n - 1)) + " end."


def test_pieces_are_whole_paragraphs_within_the_length_band() -> None:
    paras = [_para(i, n) for i, n in enumerate((40, 50, 30, 90, 20, 70))]
    doc = Doc("abc_news/x#001", "abc_news", "\n\n".join(paras) + "\n")
    pieces = short_pieces([doc], per_doc=10)
    assert pieces, "a 300-word document of short paragraphs gives pieces"
    for d, text in pieces:
        assert d is doc
        assert SHORT_MIN <= len(text.split()) <= SHORT_MAX
        assert all(p in paras for p in text.strip().split("\n\n"))  # no paragraph cut


def test_one_piece_per_document_and_long_paragraphs_cut_at_sentences() -> None:
    sent = "The council met on Tuesday to discuss the plan for the new bridge. "
    doc = Doc("wsj/y", "wsj", sent * 40)  # one 520-word paragraph
    pieces = short_pieces([doc])
    assert len(pieces) == 1
    text = pieces[0][1]
    assert SHORT_MIN <= len(text.split()) <= SHORT_MAX
    assert text.strip().endswith("bridge.")


def test_too_short_documents_give_nothing() -> None:
    assert short_pieces([Doc("lee/z#000", "lee", _para(0, 40) + "\n")]) == []
