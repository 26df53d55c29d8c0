"""Two content words the web prints closed up are a compound, not a lost space (issue 12,
session 52, ocrprec): ``repair.candidates.ocr_closedsplit.CLOSED_SPLIT``.

Data-driven: the web's closed compounds (negatives: no split) against the lost spaces the
light suite restores (positives: the split is still built), and a garbled page.  The flag
tests fail with the flag off.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from repair import repair_text
from repair.candidates import ocr_closedsplit
from repair.candidates.ocr_closedsplit import closed_compound

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

from make_ocr_suite import damage  # noqa: E402
from test_ocr_modern51 import FILLER  # noqa: E402

#: Closed compounds clean text prints (the light suite's undamaged "redtape",
#: "decisionmaking"; the census's "stemcells").
COMPOUNDS = [("redtape", "red", "tape"), ("decisionmaking", "decision", "making"),
             ("stemcells", "stem", "cells")]  # fmt: skip
#: Lost spaces: a closed-class piece, or two content words the web prints apart more often.
MERGES = [("alltime", "all", "time"), ("alot", "a", "lot"), ("eachother", "each", "other"),
          ("infact", "in", "fact"), ("ofthe", "of", "the"), ("schoolyear", "school", "year"),
          ("realestate", "real", "estate"), ("andlivestock", "and", "livestock")]  # fmt: skip


@pytest.mark.parametrize("text, left, right", COMPOUNDS)
def test_compound(text: str, left: str, right: str) -> None:
    assert closed_compound(text, (left, right))


@pytest.mark.parametrize("text, left, right", MERGES)
def test_merge(text: str, left: str, right: str) -> None:
    assert not closed_compound(text, (left, right))


def test_letters_changed_or_three_pieces() -> None:
    assert not closed_compound("redtape", ("red", "tap"))
    assert not closed_compound("redtape", ("re", "d", "tape"))


def test_flag_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_closedsplit, "CLOSED_SPLIT", False)
    assert not closed_compound("redtape", ("red", "tape"))


SENTENCE = "We must cut bureaucratic redtape so that schools can act."


def _page() -> str:
    rng = random.Random(0)
    return "\n\n".join([damage(FILLER * 2, rng).strip(), SENTENCE, damage(FILLER, rng)]) + "\n"


@pytest.mark.parametrize("flag", [True, False])
def test_garbled_page(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    """On a garbled page "redtape" is kept (off: split as a merged non-word)."""
    monkeypatch.setattr(ocr_closedsplit, "CLOSED_SPLIT", flag)
    out = repair_text(_page()).text
    assert (SENTENCE in out) is flag
    assert ("bureaucratic red tape so" in out) is not flag
