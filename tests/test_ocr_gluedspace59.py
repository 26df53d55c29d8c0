"""Session 59 (ocrglue): a space lost beside a mark on a page the garble gate keeps shut
(:mod:`repair.candidates.ocr_gluedspace`)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_gluedspace as gs
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.tokenize import tokenize

PAGE = (
    "The leaders met at the summit,the first in years. They talked about trade, energy, "
    "and security. Officials said the talks were useful, candid, and long. I don'teven know "
    "what they agreed, but the ministers said so. He took the oath.Before that he spoke, "
    "briefly, to the press."
)


@pytest.fixture
def flags(monkeypatch: pytest.MonkeyPatch):
    def set_flags(stop: bool, contraction: bool) -> None:
        monkeypatch.setattr(gs, "GLUED_STOP", stop)
        monkeypatch.setattr(gs, "GLUED_CONTRACTION", contraction)

    return set_flags


def test_glued_marks_read_on_a_clean_looking_page(flags) -> None:
    flags(True, True)
    out = repair_text(PAGE, config=RepairConfig()).text
    assert "summit, the first" in out
    assert "I don't even know" in out
    assert "the oath. Before that" in out


def test_flags_off_leave_the_page_as_printed(flags) -> None:
    flags(False, False)
    out = repair_text(PAGE, config=RepairConfig()).text
    assert "summit,the" in out and "don'teven" in out and "oath.Before" in out


def test_each_flag_reads_its_own_kind(flags) -> None:
    flags(True, False)
    out = repair_text(PAGE, config=RepairConfig()).text
    assert "summit, the" in out and "don'teven" in out
    flags(False, True)
    out = repair_text(PAGE, config=RepairConfig()).text
    assert "summit,the" in out and "don't even" in out


def test_real_forms_and_glueing_pages_are_left(flags) -> None:
    flags(True, True)
    # initials, capitals, mixed case, web names, code, a number
    for text in (
        "the U.S.Army",
        "ASP.NET",
        "MyCheckFree.Com",
        "amazon.Com",
        "obj.Method()",
        "1,000 men",
    ):
        page = "One, two, three, four. " + text + " and more, here, now."
        assert gs.glued_stop_candidates(tokenize(page)) == [], text
    # a page that glues its commas on purpose (a list, data) keeps them
    data = "red,green,blue and cyan,magenta,yellow are colours, yes, quite, so."
    assert gs.glued_stop_candidates(tokenize(data)) == []
    # a page that never writes a spaced comma gives no habit
    assert gs.glued_stop_candidates(tokenize("summit,the end")) == []


def test_contraction_guards() -> None:
    assert gs.contraction_split("I'lltake") == ("I'll", "take")
    assert gs.contraction_split("state'smining") == ("state's", "mining")
    for text in ("Bo'sun", "C'mere", "Diff'rent", "don't", "O'Donnell", "is'self"):
        assert gs.contraction_split(text) is None, text


def test_open_pages_read_stops_and_contractions_only(monkeypatch: pytest.MonkeyPatch) -> None:
    toks = tokenize(PAGE)
    got = [c.replacement for c in gs.glued_space_candidates(toks, open_page=True)]
    assert got == [". ", "don't even"]  # the garbled pages' comma reading reads "summit,the"
    monkeypatch.setattr(gs, "OPEN_PAGES", False)
    assert gs.glued_space_candidates(toks, open_page=True) == []


NAMED = (
    "The company One.Tel said on Monday that its plans were on track. Analysts said the "
    "shares of One.Tel fell, and the chairman said, briefly, that sales were up. The board "
    "met at the summit,the first in years, and the staff were told, too, of the changes. "
    "The news came late. Few were surprised."
)


def test_a_glued_form_the_page_prints_twice_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """A glued form printed twice is a name the document repeats ("One.Tel"), not a lost
    space; a glued form printed once on the same page is still read."""
    out = repair_text(NAMED, config=RepairConfig()).text
    assert out.count("One.Tel") == 2
    assert "summit, the first" in out
    monkeypatch.setattr(gs, "RECURRING_KEEP", False)
    assert "One. Tel" in repair_text(NAMED, config=RepairConfig()).text
