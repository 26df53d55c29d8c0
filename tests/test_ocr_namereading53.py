"""Session 53 (ocrname, issue 12): a name reading of a lower-case print in a name run."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_namereading
from repair.tokenize import tokenize
from repair.types import Edit


def _edit(text: str, word: str, reading: str) -> Edit:
    at = text.index(word)
    return Edit(
        offset=at,
        length=len(word),
        original=word,
        replacement=reading,
        kind="ocr",
        confidence=0.9,
        rule="OCR_CONFUSION",
    )


_GARBLED = (
    "Tho mooting of tho rifle clubs of tho colony will bo considered. Liontonant\n"
    "colanel Hoskin w ill preside, assisted by tho officors of tho stall, and tho\n"
    "mombers aro roquested to attond at tho drill shed on Satnrday noxt at 3 o'clock.\n"
)


@pytest.mark.parametrize("flag", [True, False])
def test_pipeline_reads_colonel(flag: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the whole pipeline on a garbled page (the OCR stage's hook)."""
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    monkeypatch.setattr(ocr_namereading, "NAME_READING_CAPITAL", flag)
    out = repair_text(_GARBLED, config=RepairConfig()).text
    assert ("Lieutenant\nColonel Hoskin" in out) is flag
    assert "colonel Hoskin" in out or flag


def _recased(text: str, word: str, reading: str) -> str:
    return ocr_namereading.recase_names(tokenize(text), [_edit(text, word, reading)])[0].replacement


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_namereading, "NAME_READING_CAPITAL", True)


def test_run_after_capitalises(on: None) -> None:
    text = "be considered. Lieutenant colanel Hoskin will"
    assert _recased(text, "colanel", "colonel") == "Colonel"


def test_run_before_capitalises(on: None) -> None:
    assert _recased("with Major colanel Hoskin", "colanel", "colonel") == "Colonel"
    assert _recased("met Colonel Hoskin presidcnt of", "presidcnt", "president") == "President"


def test_unseen_name_needs_its_flag(on: None, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Mulcahy > 5 4 Allesor Hoskin lorbe (14349"
    assert _recased(text, "lorbe", "forbes") == "forbes"
    monkeypatch.setattr(ocr_namereading, "UNSEEN_NAMES", True)
    assert _recased(text, "lorbe", "forbes") == "Forbes"


def test_neighbour_must_be_name_like(on: None) -> None:
    assert _recased("and a pana Jacte caso", "pana", "paris") == "paris"
    assert _recased("and a pana Hoskin caso", "pana", "paris") == "Paris"


def test_no_run_keeps_lower(on: None) -> None:
    assert _recased("the former colanel said so", "colanel", "colonel") == "colonel"


def test_common_word_keeps_lower(on: None) -> None:
    # "miss" is mostly "Miss", but the period text has it in lower case 31 times
    assert _recased("would rniss Sydney now", "rniss", "miss") == "miss"
    assert _recased("in Cooper sticet Waterloo", "sticet", "street") == "street"


def test_capital_print_left(on: None) -> None:
    assert _recased("Lieutenant Colanel Hoskin", "Colanel", "colonel") == "colonel"


def test_flag_off_keeps_lower(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_namereading, "NAME_READING_CAPITAL", False)
    assert _recased("Lieutenant colanel Hoskin will", "colanel", "colonel") == "colonel"
