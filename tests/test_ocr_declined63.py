"""Session 63 (ocrdecline): the slot reader after a comma (``ocr_slot.CROSS_COMMA``) and
the account of declined short-word readings (``benchmarks/ocr_declined.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from repair.candidates import ocr_slot
from repair.tokenize import tokenize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def _read(text: str) -> list[tuple[str, str]]:
    toks = tokenize(text)
    return [(text[c.start : c.end], c.replacement) for c in ocr_slot.slot_candidates(toks, [])]


@pytest.mark.parametrize(
    "text",
    [
        "the goods were all sold out, ami the others were left",
        "the case for the plaintiff, ami the court was told",
    ],
)
def test_cross_comma_reads_a_word_after_a_comma(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(ocr_slot, "CROSS_COMMA", True)
    assert _read(text) == [("ami", "and")]
    monkeypatch.setattr(ocr_slot, "CROSS_COMMA", False)
    assert _read(text) == []  # main: a mark beside the word ends its slot


def test_cross_comma_context_reads_across_the_comma(monkeypatch: pytest.MonkeyPatch) -> None:
    toks = tokenize("all sold out, ami the others")
    i = next(k for k, t in enumerate(toks) if t.text == "ami")
    monkeypatch.setattr(ocr_slot, "CROSS_COMMA", True)
    assert ocr_slot._context(toks, i, {}) == (["sold", "out"], ["the", "others"])
    monkeypatch.setattr(ocr_slot, "CROSS_COMMA", False)
    assert ocr_slot._context(toks, i, {}) == ([], ["the", "others"])


def test_cross_comma_keeps_the_place_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_slot, "CROSS_COMMA", True)
    # a comma not glued to a word, a stop, a lone capital after: no slot
    assert _read("the goods were all sold out , ami the others were left") == []
    assert _read("the goods were all sold out. ami the others were left") == []
    assert _read("the goods were all sold out, ami J others were left") == []


def test_account_targets() -> None:
    from ocr_declined import targets

    raw = "he went tin the house and saw lum there"
    gold = "he went to the house and saw him there"
    found = targets(raw, gold, raw)
    assert [(t["print"], t["gold"], t["span"]) for t in found] == [
        ("tin", "to", (8, 11)),
        ("lum", "him", (30, 33)),
    ]
    # a token read right, or a print that is no short lower-case word, is not counted
    fixed = "he went to the house and saw lum there"
    assert [t["print"] for t in targets(raw, gold, fixed)] == ["lum"]
    assert targets("he went T1N the house", "he went to the house", "he went T1N the house") == []
