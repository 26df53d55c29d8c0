"""The seed-000 family spinner (``benchmarks/spinner_sim.py``) with gold edits recorded.

Its families keep their own fixed halves (``spinner_sim.split_of``): ``dev``
families may be in the shipped lexicon, ``held`` ones never are; here ``held`` is
the ``test`` half, so a test document is spun with held-out habits only.
"""

from __future__ import annotations

import importlib.util
import random
from functools import cache
from pathlib import Path
from types import ModuleType

from .text import GoldEdit

NAME = "seed"


@cache
def sim() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "spinner_sim.py"
    spec = importlib.util.spec_from_file_location("spinner_sim", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def split_of(family: str) -> str:
    return "dev" if sim().split_of(family) == "dev" else "test"


def spin(
    text: str, rng: random.Random, rate: float = 0.25, split: str | None = None
) -> list[GoldEdit]:
    """Seed-family spin (``rate`` is ignored: the spinner swaps 90 % of what it knows)."""
    record: list[tuple[int, int, str, str, str]] = []
    allow = None if split is None else (lambda key: split_of(key) == split)
    sim().spin(text, rng, "all", allow=allow, record=record)
    return [GoldEdit(a, b, o, s, f) for a, b, o, s, f in record if o != s]
