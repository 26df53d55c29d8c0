"""Data-driven end-to-end cases (ftfy's habit): tests/cases/{negative,pipeline}.json.

Each case: ``label``, ``original``, ``fixed`` (expected output, written by
hand), ``expect`` (``pass`` or ``fail`` — known failures run as strict xfail,
so fixing one forces moving it), optional ``references`` (clean texts),
``kinds`` (the edit kinds expected) and ``note``.  A listed file that is
missing fails the run.  Every case also checks that replaying the edits
reproduces the output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repair import apply_edits, repair_text

CASES_DIR = Path(__file__).parent / "cases"
FILES = ["negative.json", "pipeline.json"]


def load_cases() -> list:
    params = []
    for name in FILES:
        path = CASES_DIR / name
        if not path.is_file():
            continue  # test_every_listed_case_file_exists_and_has_cases fails instead
        for case in json.loads(path.read_text(encoding="utf-8")):
            marks = [pytest.mark.xfail(strict=True)] if case["expect"] == "fail" else []
            params.append(pytest.param(case, id=f"{name}:{case['label']}", marks=marks))
    return params


def test_every_listed_case_file_exists_and_has_cases() -> None:
    for name in FILES:
        path = CASES_DIR / name
        assert path.is_file(), f"{path} is listed but missing"
        assert json.loads(path.read_text(encoding="utf-8")), f"{path} holds no case"


@pytest.mark.parametrize("case", load_cases())
def test_case(case: dict) -> None:
    result = repair_text(case["original"], case.get("references", ()))
    assert apply_edits(case["original"], result.edits) == result.text
    assert result.text == case["fixed"]
    if "kinds" in case:
        assert sorted({e.kind for e in result.edits}) == sorted(case["kinds"])
    if case["original"] == case["fixed"]:
        assert result.edits == ()
