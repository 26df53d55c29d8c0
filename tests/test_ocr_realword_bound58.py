"""The real-word bound accounting (benchmarks/ocr_realword_bound.py, session 58)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from repair.bench.speed import speed_text

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "ocr_realword_bound.py"
_spec = importlib.util.spec_from_file_location("ocr_realword_bound", _PATH)
assert _spec is not None and _spec.loader is not None
bound = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bound)


def test_is_realword() -> None:
    f = {"finding": "realword", "orig_known": True, "orig": ["tho"], "alt": ["the"]}
    assert bound.is_realword(f)
    assert not bound.is_realword({**f, "orig_known": False})
    assert not bound.is_realword({**f, "finding": "confusion"})
    assert not bound.is_realword({**f, "alt": ["the", "n"]})


def test_bounds_hold_and_nest_on_a_garbled_page() -> None:
    out = bound.account(speed_text("ocr", 3000))
    counts = out["counts"]
    calls = sorted({k[0] for k in counts})
    assert calls and all(counts[c, "readings"] > 0 for c in calls)
    for c in calls:
        assert counts[c, "bound below margin (must be 0)"] == 0  # a bound never under the margin
        for s in bound.SLACKS:
            m = counts[c, f"margin >= thr-{s:g}"]
            first = counts[c, f"first bound >= thr-{s:g}"]
            whole = counts[c, f"print bound >= thr-{s:g}"]
            assert m <= first <= whole <= counts[c, "readings"]
        assert counts[c, "accepted"] == counts[c, "margin >= thr-0"]
    n, _secs = out["replay"]["realword"]
    assert n == counts[calls[0], "readings"]
