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


#: The rows ``build_ocr_confusions.LOWER_BACKOFF`` added in session 47 (a lower-case pair
#: seen once or twice in both folds, priced at the two-fold cost), and the two class rows
#: they replaced.  Some "without the feature" tests show what a reader adds on the table
#: as it stood before them: these rows reach some of the same words by themselves.
BACKOFF_COST = "5.84"
BEFORE_BACKOFF = (("o", "p", "5.72", "0"), ("n", "d", "5.85", "0"))


def without_backoff_rows(monkeypatch: object) -> None:
    """Read the shipped confusion table without the two-fold back-off rows (restored,
    with every table cache, when ``monkeypatch`` undoes; call :func:`clear_table_caches`
    after the undo)."""
    from repair.score import ocr_channel

    shipped = ocr_channel.read_tsv

    def rows(name: str, *args: object, **kwargs: object) -> tuple[tuple[str, ...], ...]:
        got = shipped(name, *args, **kwargs)
        if name != ocr_channel.CONFUSIONS_FILE:
            return got
        kept = tuple(r for r in got if not (r[2] == BACKOFF_COST and r[3] == "2"))
        return kept + BEFORE_BACKOFF

    monkeypatch.setattr(ocr_channel, "read_tsv", rows)  # type: ignore[attr-defined]
    clear_table_caches()


def clear_table_caches() -> None:
    """Empty every cache derived from the confusion table."""
    from repair.score import ocr, ocr_channel, ocr_table

    ocr_table._clear_caches()
    ocr_channel._windows.clear()
    ocr_channel._window_plans.clear()
    ocr._last[0] = None
