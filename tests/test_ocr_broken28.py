"""The known-form gate (:mod:`repair.score.ocr_knownform`) and the broken-token dump
(``benchmarks/ocr_broken.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.score import ocr_knownform
from repair.score.ocr_knownform import refused
from repair.types import Edit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.ocr_broken import broken_class, smh_rows  # noqa: E402
from benchmarks.smh_eval import Article  # noqa: E402


def _ev(finding: str = "nonword", z: float = 2.0, cost: float = 5.0, margin: float = 2.0) -> dict:
    return {"finding": finding, "original_zipf": z, "confusion_cost": cost, "margin": margin}


@pytest.mark.parametrize(
    ("source", "evidence", "expected"),
    [
        # dear, thin readings of known forms: refused
        ("OCR_CONFUSION", _ev("capitalized_unknown", 1.51, 6.5, -2.4), True),  # Delamare
        ("OCR_CONFUSION", _ev("nonword", 2.08, 5.55, 2.08), True),  # scuse -> sense
        ("OCR_DOC_WORD", _ev("nonword", 2.74, 6.63, 1.46), True),  # lian -> has
        ("OCR_SPELLING", _ev("nonword", 1.5, 5.5, 3.99), True),  # at every bound
        # cheap confusion, clear margin, unknown form, other finding or source: kept
        ("OCR_CONFUSION", _ev("capitalized_unknown", 2.28, -3.23, 16.16), False),  # Stato
        ("OCR_CONFUSION", _ev("capitalized_unknown", 1.28, 2.54, 3.49), False),  # Hke
        ("OCR_CONFUSION", _ev("capitalized_unknown", 2.74, 4.5, 17.1), False),  # Uti -> the
        ("OCR_CONFUSION", _ev("capitalized_unknown", 0.0, 6.72, -4.87), False),  # Lfllott
        ("OCR_CONFUSION", _ev("nonword", 1.49, 6.0, 0.0), False),
        ("OCR_CONFUSION", _ev("nonword", 2.0, 5.49, 0.0), False),
        ("OCR_CONFUSION", _ev("capitalized_unknown", 1.73, 4.79, 2.49), False),  # Monat
        ("OCR_CONFUSION", _ev("nonword", 1.4, 6.5, 1.04), False),  # Balf -> Half
        ("OCR_CONFUSION", _ev("nonword", 2.0, 6.0, 4.0), False),
        ("OCR_CONFUSION", _ev("caps_in_text", 4.46, 6.5, 3.01), False),  # HIP -> the
        ("OCR_CONFUSION", _ev("mixed_case", 1.63, 6.93, -3.46), False),
        ("OCR_REALWORD", _ev("realword", 3.96, 4.5, 3.77), False),
        ("OCR_NAME", {"fallback": True, "finding": "capitalized_unknown"}, False),
        ("OCR_CONFUSION", {"finding": "nonword"}, False),
    ],
)
def test_refused(source: str, evidence: dict, expected: bool) -> None:
    assert refused(source, evidence) is expected


def test_switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_knownform, "KNOWN_FORM_GATE", False)
    assert not refused("OCR_CONFUSION", _ev("capitalized_unknown", 1.51, 6.5, -2.4))


PAGE = (
    "Tho prizes wero presented by tho Mayor to Miss Smith, Miss Jones, Mastor Parker, "
    "Masters Brown (2), Master Delamare, and ll in the second class. John Monat to "
    "Michael Bourke, Empire Hotol, Sussox street. Tho meeting was hold in tho Town Hall "
    "at Sydnoy yesterday aftornoon."
)


def _readings() -> dict[str, str]:
    return {e.original: e.replacement for e in repair_text(PAGE, config=RepairConfig()).edits}


def test_page_keeps_known_names_and_reads_garble() -> None:
    got = _readings()
    assert "Delamare" not in got
    for printed, true in (("Sydnoy", "Sydney"), ("Hotol", "Hotel"), ("Mastor", "Master")):
        assert got[printed] == true


def test_page_without_gate_reads_the_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_knownform, "KNOWN_FORM_GATE", False)
    got = _readings()
    assert got["Delamare"] == "Delaware"


@pytest.mark.parametrize(
    ("gold", "out", "cls"),
    [
        ("1S50", "1850", "number"),
        ("hismaster", "his master", "split/merge"),
        ("En-tomology", "Entomology", "split/merge"),
        ("In", "in", "case"),
        ("Rookwood", "Rockwood", "capital"),
        ("kitchin", "kitchen", "lower"),
    ],
)
def test_broken_class(gold: str, out: str, cls: str) -> None:
    assert broken_class(gold, out) == cls


def test_smh_rows_labels() -> None:
    raw = "Mr Rookwood said tho\nSatur-\nday"
    art = Article("x", raw, "Mr Rookwood said the\nSatur-\nday", raw)

    def edit(orig: str, repl: str) -> Edit:
        return Edit(raw.index(orig), len(orig), orig, repl, "ocr", 0.9, "OCR_CONFUSION")

    rows = smh_rows(
        art, [edit("Rookwood", "Rockwood"), edit("tho", "the"), edit("Satur-\nday", "Saturday")]
    )
    labels = {(r[0], r[1]) for r in rows}
    assert labels == {("broken", "Rookwood"), ("fixed", "the"), ("join", "Satur-"), ("join", "day")}
