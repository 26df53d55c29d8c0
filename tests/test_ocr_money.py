"""Shillings and pence misread glyph by glyph, read by their place in a money run
(:mod:`repair.candidates.ocr_money`)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_money
from repair.candidates.ocr_money import money_candidates


def _readings(text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.replacement) for c in money_candidates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pence after shillings: the unit glyph "a" is read "d" by the run's order
        ("was fined 10s and 5s 6a costs. He left.", [("6a", "6d")]),
        # a figure glyph by its shape ("G" -> 6), the unit as printed
        ("were each fined 2s and 4s Gd costs, Mary", [("Gd", "6d")]),
        # a lone sum beside a printed one is shillings: "40a" -> "40s"
        ("the Corporation, was fined 40a and 4s 8d costs.", [("40a", "40s")]),
        # a sum read first places its neighbour: "5«" before the pence "GJ"
        ("fined 10s and 5« GJ costs William Cook", [("5«", "5s"), ("GJ", "6d")]),
        # the word "Is" is "1s" between pounds and pence
        ("for the quarter were £1989 Is. 8d. in all", [("Is", "1s")]),
        # "costs" alone places a sum
        ("and was fined Ss costs for being riotous", [("Ss", "8s")]),
    ],
)
def test_sums_of_a_money_run_are_read(text: str, expected: list[tuple[str, str]]) -> None:
    assert _readings(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # words beside a sum stay words
        "Charles Johnson was fined £1, or seven days; £5, or three months.",
        "the bet of £25 on Precious Dust for him on June 13.",
        "the revenue received being £3334 2s. In the quarter before",
        "one surety in £20 each to come up for sentence if called",
        # pounds come first: a chunk before them is no shillings
        "the fine of £7 in payment, ot £7 In payment of 2s 6d",
        # a decade is no sum of money, and "is" after it is a word
        "a woman in her 50s and is still working; the 90s or so",
        # no sum near: no money run
        "The Gd and Sd of the code were printed as such.",
        # printed sums stay as printed
        "fined 10s. and 4s. 10d. costs; 2s. 6d. each",
    ],
)
def test_words_and_plain_sums_stay(text: str) -> None:
    assert _readings(text) == []


def test_switch_off_reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_money, "MONEY", False)
    assert _readings("was fined 10s and 5s 6a costs.") == []


def test_costs_switch_needs_a_printed_sum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_money, "COSTS", False)
    assert _readings("and was fined Ss costs for being riotous") == []


def test_reading_keeps_its_evidence() -> None:
    (c,) = money_candidates("were each fined 2s and 4s Gd costs")
    assert c.source == "OCR_CONFUSION"
    assert c.features["finding"] == "money_shape"
    assert c.features["orig"] == ["Gd"]
    assert 0 < c.features["fixed"] < 1


def test_garbled_court_column_is_repaired() -> None:
    """End to end: a garbled police-court column gets its sums back."""
    from repair.pipeline import repair_text

    text = (
        "WATER POLICE COURT.\n"
        "Tho Police Magistrato dealt with tho following casos yestorday. Thomas\n"
        "Kelly, for bcing drunk and disordorly in Georgo-stroet, was fined 10s and\n"
        "5s 6a costs. John Smith, for using obsceno languago in tho Domain, was\n"
        "fined 20s and 4s Gd costs. Mary Brown, for bcing drunk, was fined 5s, in\n"
        "dofault twenty-four hours. Jamos Groen, for obstructing tho footway with\n"
        "his cart, was fined 40a and 4s\nSd costs. Tho court then rose at noon.\n"
    )
    out = repair_text(text).text
    assert "5s 6d costs" in out
    assert "4s 6d costs" in out
    assert "fined 40s and" in out
    assert "8d costs" in out  # "S" is the figure 8 here, not the word "So"


@pytest.mark.parametrize(
    "text",
    [
        "The war in Vietnam is costing us about $25 billion a year.",
        "But no insurance is cost-free; and every American pays.",
        "and was fined 10s and Is costs for being drunk",  # a word needs pence after it
    ],
)
def test_words_before_cost_stay(text: str) -> None:
    assert _readings(text) == []
