"""Session 63 (issue 12, ocrnum): a letter glued to a figure read in a number's slot
(:mod:`repair.candidates.ocr_numedge`), a page's repeated kept print is no sole garble
(:data:`repair.score.ocr_sole.PAGE_TERMS`), and a sum whose unit glyph is misread but whose
stop is printed counts as the page's money-stop habit
(:data:`repair.candidates.ocr_moneystop.GLYPH_UNIT_STOPS`)."""

from __future__ import annotations

from typing import Any

import pytest

from repair.candidates import ocr_moneystop, ocr_numedge
from repair.candidates.ocr_rules import cand
from repair.score import ocr_sole
from repair.score.ocr import Decision
from repair.tokenize import tokenize


def _read(text: str) -> list[tuple[str, str, str]]:
    return [
        (c.features["printed"], c.replacement, c.features["place"])
        for c in ocr_numedge.numedge_candidates(tokenize(text))
    ]


def test_flags_ship_on() -> None:
    assert ocr_numedge.EDGE_SLOT is True
    assert ocr_sole.PAGE_TERMS is True
    assert ocr_moneystop.GLYPH_UNIT_STOPS is True


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("LONDON, Jan. l8. The three-masted schooner", [("l8", "18", "date")]),
        ("who died on November l8, left an estate", [("l8", "18", "date")]),
        ("washed out to sea again. About l8 months ago the ship", [("l8", "18", "count")]),
        ("there were l5 men in the boat", [("l5", "15", "count")]),
    ],
)
def test_a_figure_slot_reads_the_glued_letter(text: str, want: list) -> None:
    assert _read(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Tho following l8 a list of the soldiers",  # "is": a word's slot, no count
        "it l8 considered it will be some time",
        "was fined 10s and 4d costs",  # a unit's letter after the figures
        "the l9th century",  # glued to more
        "in the year l9 of the reign",
        "LONDON, Jan. l40. The",  # no day of a month
    ],
)
def test_no_figure_slot_no_reading(text: str) -> None:
    assert _read(text) == []


def test_off_reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_numedge, "EDGE_SLOT", False)
    assert _read("LONDON, Jan. l8. The three") == []


def test_the_digit_is_one_the_table_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.score import ocr_channel

    assert ocr_numedge.edge_digit("l") == "1"
    held = dict(ocr_channel.confusions())
    held["l"] = tuple(r for r in held.get("l", ()) if not r[0].isdigit())
    monkeypatch.setattr(ocr_channel, "confusions", lambda: held)
    assert ocr_numedge.edge_digit("l") is None
    assert _read("LONDON, Jan. l8. The three") == []


# --- PAGE_TERMS -------------------------------------------------------------------------


class _Memo:
    def __init__(self, decisions: list[Decision | None]) -> None:
        self.decisions = decisions

    def get(self, k: int) -> tuple[list[str], list[str], Decision] | None:
        d = self.decisions[k]
        return None if d is None else ([], [], d)


def _refused(margin: float, threshold: float) -> Decision:
    return Decision(False, "margin_below_threshold", margin, 0.0, 0.0, 0.0, None, threshold)


_PAGE = (
    "Pepper sold at 7 dollars per picul, white at 9 dollars per picul. Gambier at 4 "
    "dollars per picul and sago at 3 dollars per picul. Tin sold at 90 cents per picul "
    "for the West Coast."
)


def _sole_candidate(at: int) -> Any:
    return cand(at, at + 5, "meal", "OCR_CONFUSION", orig=["picul"], alt=["meal"], cost=1.0,
                finding="nonword")  # fmt: skip


def test_a_repeated_kept_print_is_the_pages_term(monkeypatch: pytest.MonkeyPatch) -> None:
    last = _PAGE.rindex("picul")
    c = _sole_candidate(last)
    monkeypatch.setattr(ocr_sole, "SOLE", True)
    assert ocr_sole.accept_sole([c], _Memo([_refused(0.5, 1.0)]), {}, _PAGE) == []
    monkeypatch.setattr(ocr_sole, "PAGE_TERMS", False)  # main: the near miss is taken
    assert ocr_sole.accept_sole([c], _Memo([_refused(0.5, 1.0)]), {}, _PAGE) == [(last, last + 5)]


def test_a_print_read_elsewhere_is_no_term(monkeypatch: pytest.MonkeyPatch) -> None:
    starts = [i for i in range(len(_PAGE)) if _PAGE.startswith("picul", i)]
    last = starts[-1]
    # the page's other prints re-read (accepted readings over them): a repeated misprint
    taken = ocr_sole._Spans((s, s + 5) for s in starts[:2])
    assert ocr_sole.page_term(_PAGE, "picul", last, taken) is False
    assert ocr_sole.page_term(_PAGE, "picul", last, ocr_sole._Spans([])) is True
    assert ocr_sole.page_term("per picul and per picul", "picul", 4, ocr_sole._Spans([])) is False


# --- GLYPH_UNIT_STOPS -------------------------------------------------------------------

_COURT = (
    "John Smith was fined 20s and 4s 10J. costs. William Brown was fined 10s and "
    "5s costs for being drunk."
)


def _stops(text: str) -> list[int]:
    return [c.start for c in ocr_moneystop.money_stop_candidates(tokenize(text))]


def test_a_misread_unit_with_its_stop_is_the_habit(monkeypatch: pytest.MonkeyPatch) -> None:
    got = _stops(_COURT)
    assert [_COURT[s - 3 : s] for s in got] == ["20s", "10s", " 5s"]
    monkeypatch.setattr(ocr_moneystop, "GLYPH_UNIT_STOPS", False)  # main: no stopped sum
    assert _stops(_COURT) == []


@pytest.mark.parametrize(
    "text",
    [
        "fined 10s and 5s costs for being drunk",  # no stop anywhere: the page's habit
        "paid 3a. and 10s and costs",  # "3a." after no sum and before no costs
        "paid £10J. costs and 10s and 5s costs",  # glued to a money sign
    ],
)
def test_no_glyph_stop_no_habit(text: str) -> None:
    assert _stops(text) == []
