"""Session 56, namejoin: the name join's guards for clean modern text with names
(:mod:`repair.candidates.ocr_namejoin`).  Each test isolates one guard (the overlapping
guards off) and fails with that guard's flag off; examples come from the dev-side name
stress set (faker given names and surnames, listed names split at a given name)."""

from __future__ import annotations

from collections import Counter

import pytest

from repair.candidates import ocr_namejoin
from repair.tokenize import tokenize

GUARDS = (
    "TAIL_NAME",
    "HYPHEN_COMPOUND",
    "NAME_HEAD",
    "COMMON_TAIL",
    "CAP_TAIL_WORD",
    "PARTICLE_TAIL",
    "WORD_TAIL_KEPT",
)


@pytest.fixture(autouse=True)
def _on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_namejoin, "NAME_JOIN", True)


def _joins(text: str) -> list[tuple[str, str]]:
    toks = tokenize(text)
    counts = Counter(t.text for t in toks if t.kind == "word")
    got = ocr_namejoin.name_join_candidates(toks, counts)
    return sorted({(text[c.start : c.end], c.replacement) for c in got})


def _only(monkeypatch: pytest.MonkeyPatch, guard: str, on: bool = True) -> None:
    """Every guard off but ``guard`` (set to ``on``)."""
    for g in GUARDS:
        monkeypatch.setattr(ocr_namejoin, g, on if g == guard else False)


@pytest.mark.parametrize(
    ("guard", "text", "joined"),
    [
        ("TAIL_NAME", "Yesterday Dar Eton resigned from the board.", "Dar Eton"),
        ("TAIL_NAME", "Police named the driver as Hol Denville, who was", "Hol Denville"),
        ("NAME_HEAD", "The company was founded by Dani Elsen in the early", "Dani Elsen"),
        ("HYPHEN_COMPOUND", "the scene. Samu al-Parkinson won the seat", "Samu al"),
        ("COMMON_TAIL", "The company was founded by Stephanie Croal in the early", "Croal in"),
        ("CAP_TAIL_WORD", "On Tuesday Ast Wood told reporters the plan", "Ast Wood"),
        ("PARTICLE_TAIL", "A spokesman for Luan da Conceição declined to comment.", "Luan da"),
        ("WORD_TAIL_KEPT", "On Tuesday Otay dos Seven told reporters the plan", "Seven told"),
    ],
)
def test_guard_keeps_two_names(
    monkeypatch: pytest.MonkeyPatch, guard: str, text: str, joined: str
) -> None:
    _only(monkeypatch, guard)
    assert _joins(text) == []
    _only(monkeypatch, guard, on=False)  # the guard is what keeps them apart
    assert [p for p, _ in _joins(text)] == [joined]


def test_hyphen_guard_needs_a_capitalised_compound_tail() -> None:
    """A line-end cut before a lower-case compound still joins ("Frankfort-on-the-Maine")."""
    text = "the director of tho Zoological Gardens at Prank\nfort-on-the-Maine."
    assert _joins(text) == [("Prank\nfort", "Frankfort")]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Herbert Coffev T Sgt Kev In John Connollj Gnr", ("Kev In", "Kevin")),  # a function word
        ("against Charles Bnl\nfour, the couple having been", ("Bnl\nfour", "Balfour")),
        ("a voyage of 100 miles to New\ntown Bonavista Bay", ("New\ntown", "Newtown")),
        ("Floyd Leslie Vin\ncent Fljnii\nP Cpl", ("Vin\ncent", "Vincent")),
    ],
)
def test_garbled_pieces_still_join(text: str, pair: tuple[str, str]) -> None:
    """The guards leave SMH dev's right joins: a capitalised function word, a common tail
    kept in the reading, a four-letter tail before a capital."""
    assert _joins(text) == [pair]


def test_name_shape_join_reads_unlisted_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """``NAME_SHAPE_JOIN`` (shipped off) reads two non-word pieces by the names' character
    model: on the stress set it also joins clean foreign names (why it is off)."""
    text = "Yesterday Bepp Cantimori resigned from the board."
    assert _joins(text) == []
    monkeypatch.setattr(ocr_namejoin, "NAME_SHAPE_JOIN", True)
    assert _joins(text) == [("Bepp Cantimori", "Beepcantimori")]


def test_name_shape_join_skips_word_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_namejoin, "NAME_SHAPE_JOIN", True)
    assert _joins("Lieut. Pick vnnce was there") == []  # "pick" is a word
