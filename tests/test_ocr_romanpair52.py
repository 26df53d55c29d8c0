"""A roman numeral "I" does not vouch for a figure read as the pronoun (issue 12, session
52, ocrprec): ``repair.score.ocr_romanpair.ROMAN_PAIRS``.  The flag tests fail with it off."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from repair import repair_text
from repair.score import ocr_romanpair
from repair.score.ocr import page_pair_counts
from repair.tokenize import tokenize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

from test_ocr_modern51 import garbled_page  # noqa: E402


def _pairs(text: str) -> dict[tuple[str, str], int]:
    words = [(t.text, t.start) for t in tokenize(text) if t.kind == "word"]
    pairs = page_pair_counts([w for w, _s in words])
    ocr_romanpair.drop_roman_pairs(pairs, text, words)
    return dict(pairs)


@pytest.mark.parametrize(
    "text, dropped",
    [
        ("after World War I in 1918", True),  # a numeral after a name
        ("crowned as Frederick I in 1701", True),
        ("John and I in turn", False),  # the pronoun after a lower-case word
        ("It rained. I in turn left", False),  # after a stop
        ("So I in turn left", False),  # the sentence's first word before it
        ("the house of Smith, I in turn", False),  # a comma between
        ("the house of Smith\nI in turn", False),  # a line between
    ],
)
def test_dropped(text: str, dropped: bool) -> None:
    assert (_pairs(text).get(("i", "in"), 0) == 0) is dropped


def test_flag_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_romanpair, "ROMAN_PAIRS", False)
    assert _pairs("after World War I in 1918")[("i", "in")] == 1


SENTENCES = [
    "King Frederick I in 1701 crowned himself.",
    "The Great War, or World War I in 1918, ended.",
    "Pope Gregory I in his letters wrote of it.",
    "Agassi returned to World No. 1 in 1999 and won.",
    "Charles I in 1649 was executed.",
]


def _page() -> str:
    return garbled_page(SENTENCES)


@pytest.mark.parametrize("flag", [True, False])
def test_garbled_page(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    """On a garbled page printing "War I in" and "Frederick I in", "World No. 1 in" keeps
    its figure (off: read "No. I"); the numerals are kept either way."""
    monkeypatch.setattr(ocr_romanpair, "ROMAN_PAIRS", flag)
    out = repair_text(_page()).text
    assert (SENTENCES[3] in out) is flag
    assert all(s in out for s in SENTENCES[:3] + SENTENCES[4:])
