"""Readings that put back a letter the OCR dropped (issue 12; shipped off)."""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

import pytest

import repair.candidates.ocr as ocr_candidates
import repair.candidates.ocr_dropped as dropped
from repair.score.ocr_channel import confusions
from repair.types import Token
from tests.ocr_page import repaired_after_page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import build_ocr_drops  # noqa: E402


def test_drop_model_is_a_rate_per_letter_and_position() -> None:
    costs = dropped.drop_costs()
    assert len(costs) == 52 * 3
    assert {p for _ch, p in costs} == {"initial", "inner", "final"}
    assert all(math.isfinite(c) and c >= build_ocr_drops.MIN_COST for c in costs.values())


def test_counting_a_lone_drop_by_position() -> None:
    drops: Counter = Counter()
    letters: Counter = Counter()
    build_ocr_drops.count_line("the Distict Court", "the District Court", drops, letters)
    assert drops == Counter({("r", "inner"): 1})
    assert letters[("t", "initial")] == 1 and letters[("t", "final")] == 2
    build_ocr_drops.count_line("oad", "road", drops, letters)
    assert drops[("r", "initial")] == 1
    # two letters lost together are no lone drop; nor is a lost one-letter word
    build_ocr_drops.count_line("Disict", "District", drops, letters)
    build_ocr_drops.count_line("in  house", "in a house", drops, letters)
    assert sum(drops.values()) == 2


def test_shrinkage_keeps_unseen_letters_near_their_position_rate() -> None:
    drops = Counter({("r", "inner"): 5})
    letters = Counter({("r", "inner"): 1000, ("e", "inner"): 1000})
    rows = {(ch, p): c for ch, p, c, _n in build_ocr_drops.costs(drops, letters)}
    assert rows[("r", "inner")] < rows[("e", "inner")] < 20


def test_readings_put_back_one_letter() -> None:
    assert dropped.insertions("distict")["district"][1] == ("", "r")
    assert "road" in dropped.insertions("oad")
    assert "road" not in dropped.insertions("oad", first=False)
    words = [w for w, _c, _s in dropped.dropped_readings("Distict")]
    assert words[0] == "District"  # the capital is kept


def test_unseen_substitutions_are_pairs_the_table_lacks() -> None:
    table = confusions()
    subs = dropped.unseen_substitutions("lood")
    assert subs and all(c == dropped.UNSEEN_SUB_COST for c, _s in subs.values())
    for _cost, (printed, gold) in subs.values():
        assert gold not in {d for d, _c in table.get(printed, ())}


@pytest.mark.parametrize(
    ("text", "reason", "counts", "ok"),
    [
        ("distict", "nonword", {}, True),
        ("Distict", "capitalized_unknown", {}, True),
        ("Distict", "capitalized_unknown", {"Distict": 2}, False),  # repeated: a name
        ("oad", "nonword", {"Oad": 1}, False),  # printed capitalised: a name
        ("ad", "nonword", {}, False),  # too short
        ("D1stict", "digit_in_word", {}, False),
        ("DISTICT", "nonword", {}, False),  # capitals
        ("IoT", "inner_capital", {}, False),
    ],
)
def test_applies_to_lone_non_words_only(
    text: str, reason: str, counts: dict[str, int], ok: bool
) -> None:
    assert dropped.dropped_applies(text, reason, counts, period_word=False) is ok


def test_period_words_are_left_alone() -> None:
    assert not dropped.dropped_applies("distict", "nonword", {}, period_word=True)


def test_page_evidence_prices_and_filters_the_readings() -> None:
    tok = Token("Distict", 4, 11, "word")
    assert dropped.dropped_candidates(tok, "capitalized_unknown", [], {}) == []
    cands = dropped.dropped_candidates(tok, "capitalized_unknown", [], {"District": 1})
    assert [c.replacement for c in cands] == ["District"]
    cost = dropped.drop_costs()[("r", "inner")]
    assert cands[0].features["cost"] == pytest.approx(cost - dropped.PAGE_BONUS)
    assert (
        dropped.dropped_candidates(tok, "capitalized_unknown", ["District"], {"District": 1}) == []
    )


SENTENCE = "The District Court sat. The Distict Court adjourned until Monday."


def test_off_by_default_and_reads_the_drop_when_on(monkeypatch: pytest.MonkeyPatch) -> None:
    # the walk's lost-letter rows (ocr_channel.INDEL_ROWS, off by default; on, they) read
    # "Distict" too: off here, so that only this module's reading is tested; so is the
    # article's own name reading (ocr_docname.DOC_NAME, session 63), which reads it from the
    # "District" the sentence prints
    from repair.candidates import ocr_docname
    from repair.score import ocr_channel, ocr_table

    monkeypatch.setattr(ocr_channel, "INDEL_ROWS", ())
    monkeypatch.setattr(ocr_docname, "DOC_NAME", False)
    ocr_table._clear_caches()
    ocr_channel._windows.clear()
    ocr_channel._window_plans.clear()
    try:
        assert ocr_candidates.DROPPED is False
        assert "Distict Court adjourned" in repaired_after_page(SENTENCE)
        monkeypatch.setattr(ocr_candidates, "DROPPED", True)
        assert "The District Court adjourned" in repaired_after_page(SENTENCE)
    finally:
        monkeypatch.undo()
        ocr_table._clear_caches()
        ocr_channel._windows.clear()
        ocr_channel._window_plans.clear()


def test_clean_text_is_untouched_when_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    monkeypatch.setattr(ocr_candidates, "DROPPED", True)
    text = "The District Court sat on Monday and adjourned until the following week.\n"
    assert repair_text(text, config=RepairConfig(spin=False, tortured=False)).text == text
