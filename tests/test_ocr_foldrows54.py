"""The cross-archive account by table row (``benchmarks/ocr_fold_account.py --by-row``;
issue 12, session 54, ocrxfer54)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

import ocr_fold_account as account  # noqa: E402

SHIP = {("b", "h"): (2.0, 30, "main"), ("rn", "m"): (1.0, 43, "main")}


def _site(orig: str, repl: str, gain: int) -> dict:
    return {"ship": [(0, 0, orig, repl, "OCR_CONFUSION")], "train": [], "gain": gain}


def test_a_row_the_fold_prices_dearer_is_the_worst() -> None:
    fold = {("b", "h"): (5.0, 0, "main"), ("rn", "m"): (1.0, 9, "main")}
    assert account.worst_row("Tbe", "The", SHIP, fold) == ("row dearer", ("b", "h"), 2.0, 5.0)


def test_an_absent_row_outranks_a_dearer_one() -> None:
    fold = {("b", "h"): (5.0, 0, "main")}
    got = account.worst_row("tbern", "them", SHIP, fold)
    assert got == ("row absent", ("rn", "m"), 1.0, None)


def test_rows_priced_alike_give_no_worst_row() -> None:
    fold = {("b", "h"): (2.2, 4, "main")}  # within DEARER
    assert account.worst_row("Tbe", "The", SHIP, fold) is None
    assert account.worst_row("Txe", "The", SHIP, fold) is None  # a generic edit


def test_classify_keeps_its_classes() -> None:
    fold = {("b", "h"): (5.0, 0, "main")}
    kind, how = account.classify(_site("Tbe", "The", 1), SHIP, fold, account.Counter())
    assert kind == "row dearer"
    assert how == "main; lower; in-sample n=21+; training half n=0"
    assert account.classify(_site("Tbe", "The", 1), SHIP, SHIP, account.Counter())[0] == (
        "priced alike"
    )


def test_the_rows_are_reported_by_their_token_gain(capsys: pytest.CaptureFixture[str]) -> None:
    fold = {("b", "h"): (5.0, 0, "main")}
    found = [
        ("x", ("row dearer", "-"), _site("Tbe", "The", 1)),
        ("x", ("row absent", "-"), _site("tbern", "them", 2)),
        ("x", ("row absent", "-"), _site("rnore", "more", 2)),
        ("x", ("glued mark", "-"), _site("»as", "was", 5)),
    ]
    account.report_rows(found, SHIP, fold, 10)
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("| row ")]
    assert lines[1].startswith("| row absent | rn → m | 1.00 | — | 2 | 4 |")
    assert lines[2].startswith("| row dearer | b → h | 2.00 | 5.00 | 1 | 1 |")
    assert len(lines) == 3  # the glued mark is no row
