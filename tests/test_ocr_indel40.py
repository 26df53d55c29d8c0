"""Session 40, indel40: the lost-letter readings' mark guard reads the whole printed token
(:data:`repair.candidates.ocr_indel.WHOLE_TOKEN`) and a lost letter stacked on other
confusions may be priced (:data:`repair.candidates.ocr_indel.EXTRA_SUB_COST`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.candidates import ocr_indel
from repair.score import ocr_channel, ocr_table
from repair.types import Candidate


def _reset() -> None:
    ocr_channel._windows.clear()
    ocr_channel._window_plans.clear()
    ocr_table._clear_caches()


@pytest.fixture
def rows(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(ocr_channel, "INDEL_ROWS", ("lost-any",))
    _reset()
    yield
    monkeypatch.undo()
    _reset()


def test_shipped_flags() -> None:
    # the rows ship off (lead, session 40: no held-out gain on the merged main); the guards on
    assert tuple(ocr_channel.INDEL_ROWS) == ()
    assert ocr_indel.WHOLE_TOKEN and ocr_indel.MARKED and not ocr_indel.EXTRA_SUB_COST


def test_whole_token() -> None:
    assert ocr_indel.whole_token("the Mon-strances of", 8, 16) == "Mon-strances"
    assert ocr_indel.whole_token('("Distict) was', 2, 9) == "Distict)"
    assert ocr_indel.whole_token("Distict", 0, 7) == "Distict"


def test_no_lost_letter_in_a_piece_of_a_hyphenated_token(
    rows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ICDAR gold with synthetic noise: "Mon-strances" (a word broken at a line end), its
    # piece "strances" read "strangers" through a lost "r"; the token prints a hyphen
    assert ("e", "er") in ocr_channel.indel_pairs()
    page = "the Mon-strances of Distict"
    piece = Candidate(8, 16, "strangers", "ocr", "X", {"subs": [["c", "g"], ["e", "er"]]})
    plain = Candidate(20, 27, "District", "ocr", "X", {"subs": [["t", "tr"]]})
    monkeypatch.setattr(ocr_indel, "WHOLE_TOKEN", True)
    assert ocr_indel.keep_heavy_only([piece, plain], heavy=True, text=page) == [plain]
    monkeypatch.setattr(ocr_indel, "WHOLE_TOKEN", False)
    assert ocr_indel.keep_heavy_only([piece, plain], heavy=True, text=page) == [piece, plain]
    # brackets, opening quotes and closing punctuation are no mark
    page = '("Distict), and'
    plain = Candidate(2, 9, "District", "ocr", "X", {"subs": [["t", "tr"]]})
    monkeypatch.setattr(ocr_indel, "WHOLE_TOKEN", True)
    assert ocr_indel.keep_heavy_only([plain], heavy=True, text=page) == [plain]


def test_extra_cost_per_other_substitution(rows: None, monkeypatch: pytest.MonkeyPatch) -> None:
    page = "ishly Distict tbe"
    stacked = Candidate(0, 5, "ashley", "ocr", "X",
                        {"subs": [["i", "a"], ["l", "le"]], "cost": 9.6})  # fmt: skip
    alone = Candidate(6, 13, "District", "ocr", "X", {"subs": [["t", "tr"]], "cost": 6.0})
    other = Candidate(14, 17, "the", "ocr", "X", {"subs": [["b", "h"], ["t", "t"]], "cost": 1.0})
    monkeypatch.setattr(ocr_indel, "EXTRA_SUB_COST", 0.0)
    got = ocr_indel.keep_heavy_only([stacked, alone, other], heavy=True, text=page)
    assert [c.features["cost"] for c in got] == [9.6, 6.0, 1.0]
    monkeypatch.setattr(ocr_indel, "EXTRA_SUB_COST", 0.5)
    got = ocr_indel.keep_heavy_only([stacked, alone, other], heavy=True, text=page)
    assert [c.features["cost"] for c in got] == [pytest.approx(10.1), 6.0, 1.0]
    assert got[1] is alone and got[2] is other
