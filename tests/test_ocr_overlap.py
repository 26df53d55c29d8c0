"""Overlapping OCR readings of one stretch are decided by the stretch in context."""

from __future__ import annotations

import pytest

import repair.score.ocr_overlap as overlap
from repair.score.ocr_overlap import resolve_overlaps
from repair.types import Edit
from repair.write import select_disjoint


def _e(text: str, orig: str, repl: str, conf: float, cost: float = 1.0) -> Edit:
    off = text.index(orig)
    return Edit(off, len(orig), orig, repl, "ocr", conf, "OCR_CONFUSION",
                evidence={"confusion_cost": cost})  # fmt: skip


def _kept(text: str, edits: list[Edit]) -> list[str]:
    return [e.replacement for e in select_disjoint(resolve_overlaps(text, edits))]


TEXT = "he paid the full auount io the bank on Monday"


def test_two_word_readings_beat_a_more_confident_merge() -> None:
    edits = [
        _e(TEXT, "auount io", "acoustic", 0.9),
        _e(TEXT, "auount", "amount", 0.7),
        _e(TEXT, "io", "to", 0.6),
    ]
    assert [e.replacement for e in select_disjoint(edits)] == ["acoustic"]
    assert _kept(TEXT, edits) == ["amount", "to"]


def test_switch_off_keeps_the_confidence_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(overlap, "OVERLAP", False)
    edits = [
        _e(TEXT, "auount io", "acoustic", 0.9),
        _e(TEXT, "auount", "amount", 0.7),
        _e(TEXT, "io", "to", 0.6),
    ]
    assert _kept(TEXT, edits) == ["acoustic"]


def test_the_confident_reading_stays_when_context_agrees() -> None:
    text = "she was taken to the motoi cal centre for treatment"
    edits = [_e(text, "motoi cal", "medical", 0.9), _e(text, "motoi", "motor", 0.6),
             _e(text, "cal", "car", 0.6)]  # fmt: skip
    assert _kept(text, edits) == ["medical"]


def test_disjoint_edits_untouched() -> None:
    text = "tbe cat sat on tbe mat"
    edits = [Edit(0, 3, "tbe", "the", "ocr", 0.9, "R"), Edit(15, 3, "tbe", "the", "ocr", 0.9, "R")]
    assert resolve_overlaps(text, edits) == edits


HYB = "praying that they might bo nllowcd-t-vo days during the Christmas holidays"


def _hyb_edits() -> list[Edit]:
    wide = _e(HYB, "nllowcd-t-vo", "nllowcd-two", 0.68, 7.26)
    return [wide, _e(HYB, "nllowcd", "allowed", 0.89, 2.53)]


def test_hybrid_writes_the_word_reading_inside_the_wider_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Session 40: "nllowcd-t-vo" -> "nllowcd-two" over "nllowcd" -> "allowed" is read
    as "allowed-two" (the wider edit keeps the narrower edit's word verbatim)."""
    monkeypatch.setattr(overlap, "HYBRID", True)
    kept = select_disjoint(resolve_overlaps(HYB, _hyb_edits()))
    assert [(e.original, e.replacement) for e in kept] == [("nllowcd-t-vo", "allowed-two")]
    assert kept[0].evidence["hybrid_of"] == "nllowcd-two"


def test_hybrid_off_keeps_the_wider_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(overlap, "HYBRID", False)
    assert _kept(HYB, _hyb_edits()) == ["nllowcd-two"]


def test_hybrid_needs_the_word_kept_whole() -> None:
    wide = _e(TEXT, "auount io", "acoustic", 0.9)
    assert overlap._hybrid(wide, [_e(TEXT, "io", "to", 0.6)]) is None
    join = _e("the of fal mayor", "of fal", "offal", 0.9)
    assert overlap._hybrid(join, [_e("the of fal mayor", "fal", "fat", 0.9)]) is None


PAIR = "nirjit tin while he wa? sittinp in his motoi\ncal t-tlonary at the coinei of Tudoi"


def _pair_edits() -> list[Edit]:
    return [_e(PAIR, "motoi\ncal", "medical", 0.99, 11.43), _e(PAIR, "motoi", "motor", 0.7, -1.76),
            _e(PAIR, "cal", "car", 0.94, 4.07)]  # fmt: skip


def test_pair_margin_reads_both_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """Session 40 (SMH dev): "motoi\\ncal" -> "medical" kept by 2.8 nats under the
    break-up margin; with both words read by narrower edits the lower margin applies."""
    monkeypatch.setattr(overlap, "PAIR_MARGIN", 1.0)
    assert _kept(PAIR, _pair_edits()) == ["motor", "car"]
    monkeypatch.setattr(overlap, "PAIR_MARGIN", None)
    assert _kept(PAIR, _pair_edits()) == ["medical"]


def test_pair_margin_needs_every_word_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(overlap, "PAIR_MARGIN", -100.0)
    edits = _pair_edits()[:2]  # "cal" left unread: the break-up margin stays
    assert _kept(PAIR, edits) == ["medical"]
