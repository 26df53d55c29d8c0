"""benchmarks/spin_switch_eval.py: a spin switch set before spin_eval runs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import spin_switch_eval as sse  # noqa: E402

from repair.stages import spin  # noqa: E402


def test_sets_a_boolean_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin, "SPAN_RARE", True)
    assert sse.set_switch("SPAN_RARE=0") == ("SPAN_RARE", False)
    assert spin.SPAN_RARE is False


@pytest.mark.parametrize(
    "arg", ["SPAN_RARE", "SPAN_RARE=yes", "NO_SUCH_SWITCH=1", "PHRASE_RECUR=1"]
)
def test_refuses_what_is_not_a_boolean_switch(arg: str) -> None:
    with pytest.raises(SystemExit):
        sse.set_switch(arg)
