"""Adjacent garbled words decided jointly (data-driven cases with negatives)."""

import json
from pathlib import Path

import pytest

import repair.score.ocr as ocr_score
from repair.config import RepairConfig
from repair.pipeline import repair_text

CASES = json.loads((Path(__file__).parent / "cases" / "ocr_joint.json").read_text())["cases"]
GARBLED = (
    "Tbe meeting of tbe council was bold yesterday, wben tbe Mayor presided. Tbe\n"
    "sbare of tbe cost was voted, aud tbe matter was tben referred to tbe\n"
    "committee, wbich will report. "
)
OCR_ONLY = RepairConfig(spin=False, tortured=False, mojibake=False)


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
@pytest.mark.parametrize("joint", [False, True])
def test_joint_cases(case: dict[str, str], joint: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_score, "JOINT", joint)
    out = repair_text(GARBLED + case["text"], config=OCR_ONLY).text
    assert out.endswith(case["joint" if joint else "alone"]), out[len(GARBLED) :]
