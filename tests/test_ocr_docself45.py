"""Automatic self-training of a long text from a sample of its first pass (session 45,
autocost45): a text over ``AUTO_MAX_WORDS`` words learns from ``AUTO_SAMPLE_PARTS``
evenly spaced stretches (:func:`repair.score.ocr_docself.sample_parts`) instead of
keeping one pass."""

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

    def spy(pages: list[str], *args: Any, **kwargs: Any) -> Any:
        seen.append(list(pages))
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
