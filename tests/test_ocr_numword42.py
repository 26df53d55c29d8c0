"""A short figure in a run of lower-case words read as the common word its glyphs make
(``repair.candidates.ocr_numword``, session 42, issue 12)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_numword
from repair.candidates.ocr_numword import numword_candidates, word_forms
from repair.tokenize import tokenize


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_numword, "DIGIT_WORDS", True)


def _read(text: str) -> list[tuple[str, str]]:
    return [(c.features["printed"], c.replacement) for c in numword_candidates(tokenize(text))]


def test_forms_by_the_learned_glyphs() -> None:
    assert word_forms("l8") == ("is",)
    assert word_forms("13") == ("is",)
    assert word_forms("950") == ()
    assert word_forms("11") == ()


@pytest.mark.usefixtures("on")
@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("The news came late. Tho following l8 a list of tho soldiers who fell.", "l8"),
        ("and it was said that although it 13 considered it will be some time yet.", "13"),
    ],
)
def test_a_figure_in_words_is_a_word(text: str, printed: str) -> None:
    assert _read(text) == [(printed, "is")]


@pytest.mark.usefixtures("on")
@pytest.mark.parametrize(
    "text",
    [
        "the boy was 13 and the girl was 18 years old when they came",  # figures near
        "the last sale was at 950 dollars per picul and so on for the day",
        "there were in all 13 public houses in the town at that time now",
        "the men were fined 13s and costs for being drunk in the street",  # a shilling
        "he said that he was aged 13 when he came to the colony at last",
        "the list of the\n\n13 considered it will be some time",  # a paragraph's edge
    ],
)
def test_numbers_stay(text: str) -> None:
    assert _read(text) == []


def test_off_reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_numword, "DIGIT_WORDS", False)
    assert _read("and it was said that although it 13 considered it will be some time yet.") == []


def test_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    page = (
        "THE LIST. Tho following l8 a list of tho soldiers who hnve boen\n"
        "woundcd in tho lato fighting, as roportod by tho Dcfonco Dopartmont\n"
        "yesterday aftornoon. Tho namos of tho mon wore givon to tho prcss\n"
        "by tho Ministor, who said that tho list was not yot complete, and\n"
        "that furthor namos would bo issued as soon as tho roports camo to hand.\n"
    )
    pair = ("l8", "is")
    monkeypatch.setattr(ocr_numword, "DIGIT_WORDS", True)
    res = repair_text(page, config=RepairConfig())
    assert pair in {(e.original, e.replacement) for e in res.edits}
    monkeypatch.setattr(ocr_numword, "DIGIT_WORDS", False)
    res = repair_text(page, config=RepairConfig())
    assert pair not in {(e.original, e.replacement) for e in res.edits}
