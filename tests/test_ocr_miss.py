"""The miss classes of benchmarks/ocr_miss.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from ocr_miss import miss_class  # noqa: E402


def _row(**kw: object) -> dict:
    return {"state": "no-cand", "page": "heavy", "cls": "lower", **kw}


def test_classes() -> None:
    assert miss_class(_row(state="fixed", page="clean")) == "fixed"
    assert miss_class(_row(page="clean")) == "gate"
    assert miss_class(_row(cls="merge")) == "boundary"
    assert miss_class(_row(cls="real", state="rejected")) == "real-word rejected"
    assert miss_class(_row()) == "no candidate"
    assert miss_class(_row(state="unreached")) == "not reached"
    assert miss_class(_row(state="rejected", cls="cap")) == "not chosen"
