"""Session 52 (issue 12): a name printed in lower case inside a name run on a garbled page
("Dvr luther Williams", "and thomas Hanley") is given its capital; common words, name
particles a page repeats in lower case, and clean pages are left alone."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_namecase
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.tokenize import tokenize
from tests.ocr_page import repaired_after_page

NAMES = (
    "The list of men passed: Dvr luther Williams, Gnr Bernard leigh Besly, and the police "
    "charged thomas Hanley for throwing stones near the defences at thursday Island."
)


def _readings(text: str, word: str, counts: dict[str, int] | None = None) -> list[str]:
    toks = tokenize(text)
    i = next(k for k, t in enumerate(toks) if t.text == word)
    found = ocr_namecase.name_capital_candidates(toks, i, counts or {word: 1})
    return [c.replacement for c in found]


def test_lower_case_names_in_a_run_get_their_capital() -> None:
    out = repaired_after_page(NAMES)
    for name in ("Dvr Luther Williams", "Bernard Leigh Besly", "Thomas Hanley", "Thursday Island"):
        assert name in out


def test_flag_off_leaves_the_print(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_namecase, "NAME_RUN_CAPITAL", False)
    out = repaired_after_page(NAMES)
    assert "luther Williams" in out and "thomas Hanley" in out


def test_strong_period_evidence_needs_only_the_word_after() -> None:
    assert _readings("charged thomas Hanley", "thomas") == ["Thomas"]
    assert _readings("charged thomas hanley", "thomas") == []  # the name does not go on


def test_weak_evidence_needs_capitals_on_both_sides() -> None:
    assert _readings("Horace leslie Appleton", "leslie") == ["Leslie"]
    assert _readings("and leslie Appleton", "leslie") == []  # seen once: weak evidence


def test_common_words_and_repeated_particles_are_kept() -> None:
    assert _readings("would miss Sydney", "miss") == []  # period share 0.97, but...
    assert _readings("the road Bridge", "road") == []  # a word the period writes lower
    # titles: modern text writes them in lower case before a name (the audit's dev half)
    assert _readings("Australian senator Brian Greig", "senator") == []
    assert _readings("said president Barack Obama", "president") == []
    # a listed name the page prints in lower case elsewhere is the page's own spelling
    assert _readings("Luca della Robbia", "della", {"della": 3}) == []


def test_clean_page_is_untouched() -> None:
    text = "He met Dvr luther Williams and charged thomas Hanley at the court yesterday.\n"
    out = repair_text(text, config=RepairConfig(spin=False, tortured=False, mojibake=False)).text
    assert out == text
