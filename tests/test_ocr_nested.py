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


def test_sorted_sweep_matches_the_all_pairs_choice() -> None:
    """The sweep by offset finds the same nested edits, in the same order, as the
    all-pairs scan it replaced (issue 14), on random overlapping edits."""
    import random

    rng = random.Random(7)
    groups = [  # (outer mark edit, the word readings that may sit inside it)
        (("thoro_", "thoro"), [(0, "thoro", "there")]),
        (("pfank.ond", "pfank ond"), [(0, "pfank", "plank"), (6, "ond", "and")]),
        (("»vlth", "vlth"), [(1, "vlth", "with")]),
        (("of fal", "offal"), [(3, "fal", "fat")]),
    ]
    composed = 0
    for _ in range(300):
        edits = []
        for _k in range(rng.randint(1, 6)):
            (orig, repl), inner = rng.choice(groups)
            off = rng.randint(0, 15)
            edits.append(_e(off, orig, repl, rng.choice([0.6, 0.95]), "OCR_STRAY_MARK"))
            for at, o, r in inner:
                if rng.random() < 0.7:
                    edits.append(_e(off + at, o, r, rng.choice([0.5, 0.6, 0.9, 0.99])))
        rng.shuffle(edits)
        composed += compose_nested(edits) != edits
        assert compose_nested(edits) == _compose_reference(edits), edits
    assert composed > 50  # the cases compose often


def _compose_reference(edits: list[Edit]) -> list[Edit]:
    """:func:`compose_nested` with the all-pairs choice of nested edits."""
    import bisect

    orig_left, orig_right = bisect.bisect_left, bisect.bisect_right
    try:
        # every edit is a candidate: the sweep's window covers all of them, and the
        # filter in compose_nested keeps exactly the all-pairs choice
        nested.bisect_left = lambda a, x: 0  # type: ignore[attr-defined]
        nested.bisect_right = lambda a, x: len(a)  # type: ignore[attr-defined]
        return compose_nested(edits)
    finally:
        nested.bisect_left, nested.bisect_right = orig_left, orig_right  # type: ignore[attr-defined]


def test_work_is_linear_in_the_edits(monkeypatch) -> None:
    """Thousands of short readings beside a few mark edits: the number of edits each
    outer edit looks at does not grow with the document (no all-pairs scan)."""
    looked: list[int] = []
    real_sorted = sorted

    def counting_sorted(items, *a, **k):
        items = list(items)
        if items and isinstance(items[0], int):
            looked.append(len(items))
        return real_sorted(items, *a, **k)

    edits = []
    for i in range(5_000):
        edits.append(_e(10 * i, "thoro_", "thoro", 0.95, "OCR_STRAY_MARK"))
        edits.append(_e(10 * i, "thoro", "there", 0.99))
    monkeypatch.setattr(nested, "sorted", counting_sorted, raising=False)
    out = compose_nested(edits)
    assert len(out) == 5_000
    assert max(looked[1:]) <= 2  # each outer edit sees only the edits inside it
