"""Split words with a misread glyph in one piece are joined and read whole (issue 12)."""

from __future__ import annotations

import pytest

import repair.candidates.ocr as ocr_candidates
from repair.candidates import ocr_heavyjoin, ocr_spacejoin
from repair.candidates.ocr_garbled_join import _two_words
from tests.ocr_page import repaired_after_page


@pytest.mark.parametrize(
    ("sentence", "fixed"),
    [
        ("The childi en of the school sang.", "The children of the school"),
        ("Without warning came a hui ricane, before dawn.", "came a hurricane,"),
    ],
)
def test_garbled_split_word_is_joined(sentence: str, fixed: str) -> None:
    assert fixed in repaired_after_page(sentence)


def test_without_the_join_it_stays_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_candidates, "GARBLED_JOIN", False)
    # the stray-space join reads it too since session 40 ("en" is no word of its own there)
    monkeypatch.setattr(ocr_spacejoin, "PIECE_TARGETS_ONLY", False)
    # since session 61 the heavy page's same-line reading joins it too (ocrsplit)
    monkeypatch.setattr(ocr_heavyjoin, "SAME_LINE_PRIOR", False)
    assert "children" not in repaired_after_page("The childi en of the school sang.")


def test_two_words_one_garbled_are_not_a_compound() -> None:
    assert _two_words("healthcare", "health", "carc")
    assert _two_words("worthwhile", "worth", "whilo")
    assert not _two_words("children", "childi", "en")
    out = repaired_after_page("They want better health carc for all families.")
    assert "healthcare" not in out
