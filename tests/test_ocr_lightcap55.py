"""Capitalised and accented glyph non-words of a shut page read by the language model's
margin over the print (:mod:`repair.candidates.ocr_lightcap`, issue 12, session 55)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_lightcap
from repair.candidates.ocr_lightcap import cap_candidates, cap_token, written_accents
from repair.candidates.ocr_rules import page_word_counts
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.tokenize import tokenize

CONFIG = RepairConfig(spin=False, tortured=False)
OPENING = "We met the board on Monday. {} as we expected, the members argued about the roads."
TAKEOVER = "The company threatened a {} or other business combination if the board refused."
WINE = "Richer again, more than the Planeta but it hasn't the class of the first wine."
CAFE = "My friend Renée ordered a café and said the takeovér of the firm was done."
DEBRIS = "The workmen took the débris away in carts before the rain came down on the town."


@pytest.fixture(autouse=True)
def _flags_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_lightcap, "CAP_MARGIN", True)
    monkeypatch.setattr(ocr_lightcap, "ACCENT_MARGIN", True)


def _edits(text: str) -> list[tuple[str, str]]:
    out = repair_text(text, config=CONFIG)
    return [(text[e.offset : e.end], e.replacement) for e in out.edits]


def test_a_capitalised_glyph_nonword_is_read_in_its_case() -> None:
    assert _edits(OPENING.format("Juat")) == [("Juat", "Just")]
    text = "Concrote proposals on fourteen of them will be sent to the Congress next week."
    assert _edits(text) == [("Concrote", "Concrete")]


MID = "The union fought the Federal Govornment's new workplace relations laws in court."


def test_a_mid_sentence_capital_is_read_only_with_its_switch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _edits(MID) == []  # CAP_MID_SENTENCE off: mid-sentence capitals are mostly names
    monkeypatch.setattr(ocr_lightcap, "CAP_MID_SENTENCE", True)
    assert _edits(MID) == [("Govornment's", "Government's")]  # the possessive kept


def test_cap_flag_off_leaves_the_print(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_lightcap, "CAP_MARGIN", False)
    assert _edits(OPENING.format("Juat")) == []


def test_a_repeated_or_quoted_capital_stays() -> None:
    assert _edits(OPENING.format("Juat") + " Juat so.") == []
    assert _edits(OPENING.format('"Juat"')) == []


def test_a_form_the_ngram_table_knows_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_lightcap, "CAP_MID_SENTENCE", True)
    assert _edits(WINE) == []  # a wine's name, not "Planets"
    toks = tokenize(WINE)
    i = next(k for k, t in enumerate(toks) if t.text == "Planeta")
    counts = page_word_counts(toks)
    assert not cap_token(toks[i], counts, "capitalized_unknown", toks, i)
    monkeypatch.setattr(ocr_lightcap, "_known_form", lambda word: False)
    assert cap_token(toks[i], counts, "capitalized_unknown", toks, i)
    assert [c.replacement for c in cap_candidates(toks[i])] == ["Planets"]


def test_a_spurious_accent_is_read_as_the_plain_word(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _edits(TAKEOVER.format("takeovér")) == [("takeovér", "takeover")]
    monkeypatch.setattr(ocr_lightcap, "ACCENT_MARGIN", False)
    assert _edits(TAKEOVER.format("takeovér")) == []


def test_a_word_of_another_language_keeps_its_accent(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _edits(DEBRIS) == []  # "débris": French Zipf 3.9
    monkeypatch.setattr(ocr_lightcap, "FOREIGN_LANGS", ())
    assert _edits(DEBRIS) == [("débris", "debris")]


def test_a_page_that_writes_accents_keeps_them(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _edits(CAFE) == []
    monkeypatch.setattr(ocr_lightcap, "written_accents", lambda words, but: False)
    assert _edits(CAFE) == [("takeovér", "takeover")]


def test_accent_noise_outnumbering_a_written_accent() -> None:
    noisy = dict.fromkeys(["América", "aré", "othér", "keép", "féar", "thé"], 1)
    assert not written_accents(noisy, "othér")  # the engine invents accents here
    loans = dict.fromkeys(["rôle", "élite", "viâ", "débris"], 1)
    assert written_accents(loans, "viâ")
    assert not written_accents({"takeovér": 1}, "takeovér")
