"""Generic one-edit back-off for non-words the learned confusion table cannot read (issue 12)."""

from __future__ import annotations

import pytest

import repair.candidates.ocr as ocr_candidates
from repair.candidates.ocr_backoff import backoff_applies, one_edits
from repair.tokenize import tokenize
from tests.ocr_page import repaired_after_page


def test_one_edits_cover_the_four_edit_kinds() -> None:
    edits = one_edits("awqy")
    assert edits["away"] == ("q", "a")  # substitution
    assert one_edits("wlak")["walk"] == ("la", "al")  # transposition
    assert one_edits("beng")["being"] == ("", "i")  # insertion
    assert one_edits("runningr")["running"] == ("r", "")  # deletion
    assert "awqy" not in edits


@pytest.mark.parametrize(
    ("sentence", "fixed"),
    [
        ("The old man passed awqy unexpectedly in his sleep.", "passed away unexpectedly"),
        ("The old man passed awxy unexpectedly in his sleep.", "passed away unexpectedly"),
        ("They were asked to determine the auount to be paid.", "the amount to be paid"),
        ("He was beinj examined by the doctor.", "was being examined"),
    ],
)
def test_unseen_garble_is_read_in_a_garbled_page(sentence: str, fixed: str) -> None:
    assert fixed in repaired_after_page(sentence)


def test_without_the_back_off_these_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_candidates, "BACKOFF", False)
    monkeypatch.setattr(ocr_candidates, "FAR", False)  # far readings reach it too
    # ... and the slot's reading of a short non-word (ocr_shortslot, session 34)
    monkeypatch.setattr(ocr_candidates.ocr_shortslot, "NON_WORDS", False)
    # "x" for "a": no row of the table reads it ("q" for "a" is a glyph-shape row now)
    assert "awxy" in repaired_after_page("The old man passed awxy unexpectedly in his sleep.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The Mayor thanked Miss Awqy and the committee.",  # capitalised: a name
        "Miss Chave, Miss chave and others sang.",  # the page prints it capitalised
        "The value of pH and the IoT were noted.",  # mixed case
        "The captain sold ten picul of tea.",  # a period word
    ],
)
def test_real_forms_and_names_are_left_alone(sentence: str) -> None:
    assert repaired_after_page(sentence).endswith(sentence)


def test_clean_page_is_untouched() -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    text = "The old man passed awqy unexpectedly in his sleep, his family said today."
    assert repair_text(text, config=RepairConfig(spin=False, tortured=False)).text == text


def _toks(text: str) -> list:
    return list(tokenize(text))


def test_applies_only_to_lone_lower_case_non_words() -> None:
    toks = _toks("he passed awqy 0ffer showsa Awqy today")
    idx = {t.text: i for i, t in enumerate(toks)}
    counts: dict[str, int] = {}
    assert backoff_applies(toks, idx["awqy"], counts, False)
    assert not backoff_applies(toks, idx["awqy"], {"awqy": 2}, False)  # the page repeats it
    assert not backoff_applies(toks, idx["awqy"], counts, True)  # a period word
    assert not backoff_applies(toks, idx["ffer"], counts, False)  # glued to a digit
    assert not backoff_applies(toks, idx["showsa"], counts, False)  # "shows a"
    assert not backoff_applies(toks, idx["Awqy"], counts, False)  # capitalised
    assert not backoff_applies(toks, idx["today"], counts, False)  # a word
