"""Nested OCR edits: a mark edit and the reading of the word inside it compose."""

from __future__ import annotations

import repair.score.ocr_nested as nested
from repair.score.ocr_nested import compose_nested
from repair.types import Edit


def _e(off: int, orig: str, repl: str, conf: float, rule: str = "OCR_CONFUSION", **ev) -> Edit:
    return Edit(off, len(orig), orig, repl, "ocr", conf, rule, evidence=dict(ev))


def test_speck_and_reading_compose() -> None:
    text = "that thoro_ was"
    out = compose_nested(
        [_e(5, "thoro_", "thoro", 0.95, "OCR_STRAY_MARK"), _e(5, "thoro", "there", 0.99)]
    )
    assert [(e.offset, e.original, e.replacement, e.confidence) for e in out] == [
        (5, "thoro_", "there", 0.95)
    ]
    assert text[out[0].offset : out[0].end] == out[0].original
    assert out[0].evidence["nested_in"] == "OCR_STRAY_MARK"


def test_two_words_in_one_mark_edit() -> None:
    outer = _e(0, "pfank.ond", "pfank ond", 0.9, "OCR_STRAY_MARK")
    out = compose_nested([outer, _e(0, "pfank", "plank", 0.8), _e(6, "ond", "and", 0.7)])
    assert [(e.original, e.replacement, e.confidence) for e in out] == [
        ("pfank.ond", "plank and", 0.7)
    ]


def test_join_is_not_a_mark_edit() -> None:
    edits = [_e(0, "of fal", "offal", 0.99, "OCR_JOIN_SPLIT"), _e(3, "fal", "fat", 0.9)]
    assert compose_nested(edits) == edits


def test_outer_changing_the_inner_text_does_not_compose() -> None:
    # "«nd" -> "end" reads the mark as a letter: "nd" -> "all" is another reading
    edits = [_e(0, "«nd", "end", 0.88, "OCR_STRAY_MARK"), _e(1, "nd", "all", 0.99)]
    assert compose_nested(edits) == edits


def test_weak_or_fallback_inner_readings_stay_apart() -> None:
    outer = _e(0, "»yera.", "yera.", 0.7, "OCR_STRAY_MARK")
    weak = _e(1, "yera", "vera", 0.5)
    fallback = _e(1, "yera", "Yera", 0.6, "OCR_NAME", fallback=True)
    assert compose_nested([outer, weak]) == [outer, weak]
    assert compose_nested([outer, fallback]) == [outer, fallback]


def test_piece_of_a_longer_word_stays_apart() -> None:
    edits = [_e(0, "a.bcd", "abcd", 0.9, "OCR_STRAY_MARK"), _e(2, "bcd", "bed", 0.9)]
    assert compose_nested(edits) == edits


def test_switch_off(monkeypatch) -> None:
    monkeypatch.setattr(nested, "NESTED", False)
    edits = [_e(0, "thoro_", "thoro", 0.95, "OCR_STRAY_MARK"), _e(0, "thoro", "there", 0.99)]
    assert compose_nested(edits) == edits


def test_pipeline_reads_the_word_inside_a_speck() -> None:
    from repair.pipeline import repair_text

    raw = (
        "Tho meeting of tho Council was hold yestorday aftornoon, whon tho Mayor\n"
        "prosided.  Ho contended that thoro_ was a nocessity for tho railway, and\n"
        "tho aldormen agreed with him aftor somo discussion of tho mattor.\n"
    )
    out = repair_text(raw).text
    assert "that there was a" in out  # without composing: "there_" (the speck kept)
