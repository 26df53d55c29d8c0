"""Automatic self-training (session 45, autocost45): a text over ``AUTO_MAX_WORDS`` words
can learn from ``AUTO_SAMPLE_PARTS`` evenly spaced stretches of its first pass
(:func:`repair.score.ocr_docself.sample_parts`) instead of keeping one pass; the
self-trained pass keeps the memos of a table its profile keeps (``TABLE_MEMOS``)."""

from __future__ import annotations

from typing import Any

import pytest

from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.score import ocr_docself
from repair.types import Edit
from repair.write import apply_edits
from tests.test_ocr_docself28 import DOCUMENT, Z_WORDS
from tests.test_ocr_docself43 import _shipped_table  # noqa: F401  (autouse: shipped tables around each test)


def _z_read(text: str, fixed: str) -> bool:
    changed = [(a, b) for a, b in zip(text.split(), fixed.split(), strict=True) if a != b]
    return bool(changed) and all(Z_WORDS.get(a.strip(",.")) == b.strip(",.") for a, b in changed)


def test_sample_parts_are_spaced_stretches_with_their_edits() -> None:
    from types import SimpleNamespace

    lines = [f"w{k} x{k} y{k} z{k}" for k in range(40)]
    text = "\n".join(lines) + "\n"
    edits = []
    for k in (0, 12, 25, 39):  # "x{k} y{k}" -> "xy": an edit over a space
        at = text.index(f"x{k} y{k}")
        edits.append(Edit(at, len(f"x{k} y{k}"), f"x{k} y{k}", "xy", "ocr", 0.9, "r"))
    raws, parts = ocr_docself.sample_parts(text, SimpleNamespace(edits=tuple(edits)), 24, 3)
    # words 0, 53 and 106 of 160 start the stretches of 8 words each
    assert raws == [
        "w0 x0 y0 z0\nw1 x1 y1 z1",
        "x13 y13 z13\nw14 x14 y14 z14\nw15",
        "y26 z26\nw27 x27 y27 z27\nw28 x28",
    ]
    for raw, part in zip(raws, parts, strict=True):
        assert part.text == apply_edits(raw, part.edits)
        assert all(raw[e.offset : e.end] == e.original for e in part.edits)
    assert [len(p.edits) for p in parts] == [1, 0, 0]
    # a stretch that would end inside an edit (over the end of line 9) is widened over it
    at = text.index("z9")
    wide = Edit(at, len("z9\nw10"), "z9\nw10", "z9 w10", "ocr", 0.9, "r")
    raws, parts = ocr_docself.sample_parts(text, SimpleNamespace(edits=(wide,)), 40, 1)
    assert raws == [text[: at + len(wide.original)]] and parts[0].edits[0].offset == at


def test_a_long_text_learns_from_a_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_docself, "AUTO_RATE", 0.0)
    monkeypatch.setattr(ocr_docself, "AUTO_MAX_WORDS", 20)  # DOCUMENT is "long" now
    plain = repair_text(DOCUMENT, config=RepairConfig(ocr_self_train=False)).text
    assert plain == DOCUMENT
    monkeypatch.setattr(ocr_docself, "AUTO_SAMPLE_WORDS", 0)
    assert repair_text(DOCUMENT).text == plain  # over the bound: one pass, as before
    seen: list[list[str]] = []
    learn = ocr_docself.learn_table
    whole = ocr_docself._word_counts(DOCUMENT)

    def spy(pages: list[str], *args: Any, **kwargs: Any) -> Any:
        seen.append(list(pages))
        assert kwargs["words"] == whole  # the old-print guard reads the whole text's words
        return learn(pages, *args, **kwargs)

    monkeypatch.setattr(ocr_docself, "learn_table", spy)
    monkeypatch.setattr(ocr_docself, "AUTO_SAMPLE_WORDS", 10 * len(DOCUMENT.split()))
    monkeypatch.setattr(ocr_docself, "AUTO_SAMPLE_PARTS", 1)
    fixed = repair_text(DOCUMENT).text
    assert seen == [[DOCUMENT.rstrip("\n")]] and _z_read(DOCUMENT, fixed)
    monkeypatch.setattr(ocr_docself, "AUTO_SAMPLE_WORDS", len(DOCUMENT.split()) // 2)
    monkeypatch.setattr(ocr_docself, "AUTO_SAMPLE_PARTS", 3)
    repair_text(DOCUMENT)
    assert len(seen[-1]) == 3 and all(page in DOCUMENT for page in seen[-1])


def test_the_self_trained_pass_keeps_the_memos_of_a_table_it_keeps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from repair.candidates import ocr_glued
    from repair.score import ocr_slotprice, ocr_table

    tables = {name: ocr_table.rows_in_force(name) for name in ocr_table.TABLES}
    marks = tables[ocr_table.MARKS]
    changed = (*marks[:-1], (*marks[-1][:3], str(int(marks[-1][3]) + 1)))
    outer = ocr_glued.mark_model, ocr_slotprice.table_cost
    for mark_rows, keeps_marks in ((marks, True), (changed, False)):
        profile = ocr_table.profile_text({**tables, ocr_table.MARKS: mark_rows})
        with ocr_docself._held(profile):
            assert (ocr_glued.mark_model is outer[0]) is keeps_marks
            assert ocr_slotprice.table_cost is outer[1]  # the slot table is kept
        assert (ocr_glued.mark_model, ocr_slotprice.table_cost) == outer
    monkeypatch.setattr(ocr_docself, "TABLE_MEMOS", {})
    with ocr_docself._held(ocr_table.profile_text(tables)):
        assert ocr_glued.mark_model is not outer[0] and ocr_slotprice.table_cost is not outer[1]


def test_every_table_memo_is_a_cached_function_of_a_profile_table() -> None:
    import importlib

    from repair.score import ocr_table

    for table, memos in ocr_docself.TABLE_MEMOS.items():
        assert table in ocr_table.TABLES
        for name in memos:
            module, _, attr = name.rpartition(".")
            f = getattr(importlib.import_module(module), attr)
            assert callable(f.cache_clear) and ocr_docself._name(f) == name
