"""A garbled page for OCR case files: the gate opens on it, so a case is repaired in context."""

from __future__ import annotations

import json
from pathlib import Path

from repair.config import RepairConfig
from repair.pipeline import repair_text

GARBLED = (
    "Tbe meeting of tbe council was bold yesterday, wben tbe Mayor presided. Tbe\n"
    "sbare of tbe cost was voted, aud tbe matter was tben referred to tbe\n"
    "committee, wbich will report. "
)
OCR_ONLY = RepairConfig(spin=False, tortured=False, mojibake=False)


def load_cases(name: str) -> list[dict[str, str]]:
    """The ``cases`` of ``tests/cases/{name}.json``."""
    return json.loads((Path(__file__).parent / "cases" / f"{name}.json").read_text())["cases"]


def repaired_after_page(text: str) -> str:
    """``text`` repaired (OCR only) after the garbled page; the whole output."""
    return repair_text(GARBLED + text, config=OCR_ONLY).text
