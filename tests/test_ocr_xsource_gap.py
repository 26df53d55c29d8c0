"""Session 44 (ocrxsrc44): the cross-archive loss by site and class
(``benchmarks/ocr_xsource_gap.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import ocr_xsource_gap as gap  # noqa: E402

RAW = "he »as tbe man"
GOLD = "he was the man"


def _run(edits: list[list]) -> dict:
    return {"id": "a", "raw": RAW, "gold": GOLD, "text": gap._text(RAW, edits), "edits": edits}


def test_each_site_gains_what_swapping_it_in_gains() -> None:
    mark = [3, 3, "»as", "was", "OCR_STRAY_MARK"]
    tbe = [7, 3, "tbe", "the", "OCR_CONFUSION"]
    wrong = [7, 3, "tbe", "tie", "OCR_CONFUSION"]
    ship, train = _run([mark, tbe]), _run([wrong])
    found = gap.sites([ship], [train])
    # "»as" is two tokens ("»", "as") where the gold has one
    assert [(x["gain"], len(x["ship"]), len(x["train"])) for x in found] == [(2, 1, 0), (1, 1, 1)]
    whole = gap.errors(train["text"], GOLD)[0] - gap.errors(ship["text"], GOLD)[0]
    assert sum(x["gain"] for x in found) == whole == 3


def test_sites_are_classed_by_the_shipped_edit() -> None:
    def site(orig: str, repl: str, rule: str = "OCR_CONFUSION") -> dict:
        return {"ship": [[0, len(orig), orig, repl, rule]], "train": []}

    priced = {
        ("tbe", "the"): ([("tbe", "the", 0.5)], [("tbe", "the", 5.0)]),
        ("tlie", "the"): ([("tli", "th", 0.3)], [("tli", "th", 1.5)]),
        ("bnt", "but"): ([("bnt", "but", 1.0)], [("bnt", "but", 1.2)]),
    }
    assert gap.classify(site("»as", "was", "OCR_STRAY_MARK"), priced) == (
        "glued mark",
        "mark read as a letter",
    )
    assert gap.classify(site("year«", "year", "OCR_STRAY_MARK"), priced)[1] == "mark dropped"
    assert gap.classify(site("(hat", "that", "OCR_STRAY_MARK"), priced)[1] == (
        "stray (no speck glyph)"
    )
    assert gap.classify(site("kingwas", "king was"), priced)[0] == "split/merge"
    assert gap.classify(site("tbe", "the"), priced) == ("confusion", "row absent")
    assert gap.classify(site("tlie", "the"), priced) == ("confusion", "row dearer")
    assert gap.classify(site("bnt", "but"), priced) == ("priced alike", "OCR_CONFUSION")
    only = {"ship": [], "train": [[0, 3, "tbe", "tie", "OCR_CONFUSION"]]}
    assert gap.classify(only, priced) == ("train-only edit", "OCR_CONFUSION")
