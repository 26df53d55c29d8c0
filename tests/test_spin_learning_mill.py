"""benchmarks/spin_learning.py --spinner mill: the simulated paper mill's learning curve is
tested on the benchmark abstracts of the split (issue 11, session 66)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("wn")
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts")]
sl = pytest.importorskip("spin_learning")


def test_mill_is_tested_on_the_abstracts(capsys: pytest.CaptureFixture[str]) -> None:
    assert sl.main(["--spinner", "mill", "--sizes", "0", "--cap", "2", "--split", "dev"]) == 0
    out = capsys.readouterr().out
    row = next(ln for ln in out.splitlines() if ln.startswith("| mill |"))
    assert "| 2 |" in row  # two abstracts, spun with the dev families
    from spin_eval import spun_docs

    docs, spun = spun_docs("mill", "dev", 2, sl.RATE)
    assert [d.register for d in docs] == ["abstract", "abstract"]
    subs = sum(len(s.edits) for s in spun)
    assert f"| {subs} |" in row
