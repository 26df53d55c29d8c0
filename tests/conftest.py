"""Shared fixtures: the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SPUN_SEED = sorted(SEEDS.glob("000_*.txt"))[0]
CLEAN_SEEDS = sorted(SEEDS.glob("00[1-4]_*.txt"))


def one_line(stderr: str) -> str:
    """The only line of ``stderr`` (fails unless there is exactly one)."""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.fixture(scope="session")
def spun_seed() -> str:
    return SPUN_SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def clean_seeds() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in CLEAN_SEEDS]


@pytest.fixture
def one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """No automatic self-training (``repair.score.ocr_docself.AUTO`` off): for tests of
    one pass's own readings and operation counts."""
    from repair.score import ocr_docself

    monkeypatch.setattr(ocr_docself, "AUTO", False)
