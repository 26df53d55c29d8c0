"""A profile row read at its other inflections (candidates/spin.INFLECT_ROWS, session 61
spininfl; issue 11): "misplaced" -> "lost" in the profile gives "misplaces" -> "loses"."""

from __future__ import annotations

from pathlib import Path

import pytest

import repair.candidates.spin as cand
from repair.candidates.spin_inflect import inflected_rows, inflections_of
from repair.pipeline import repair_text

SEED = next((Path(__file__).resolve().parents[1] / "seeds").glob("000_*.txt"))
TAIL = "\nThe firm misplaces cash each year, and its new boss ponders why.\n"


def test_a_row_gives_its_other_inflections_alike() -> None:
    assert set(inflections_of("misplaced", "lost")) >= {
        ("misplaces", "loses"),
        ("misplacing", "losing"),
    }


def test_no_row_without_an_evident_part_of_speech() -> None:
    # plural nouns and 3rd-person verbs alike: no evident part of speech
    assert inflections_of("points", "issues") == []
    # a base-form row of words that are adjectives, verbs and nouns alike
    assert inflections_of("brief", "short") == []
    # the row's frequency direction turned ("newest" -> "latest" never gives "new" -> "late")
    assert ("new", "late") not in inflections_of("newest", "latest")


def test_the_new_rows_touch_no_profile_form() -> None:
    rows = cand.profile_rows()
    forms = {r[0].lower() for r in rows} | {r[1].lower() for r in rows}
    new = inflected_rows(rows)
    assert new and all(s not in forms for s, *_ in new)
    assert all(strength == "weak" for _s, _o, strength, _c, _f in new)


@pytest.mark.parametrize("flag", [False, True])
def test_the_stage_restores_an_inflection_only_with_the_flag(monkeypatch, flag: bool) -> None:
    monkeypatch.setattr(cand, "INFLECT_ROWS", flag)
    seed = SEED.read_text(encoding="utf-8")
    result = repair_text(seed + TAIL)
    tail = {e.original: e for e in result.edits if e.offset >= len(seed)}
    if not flag:
        assert "misplaces" not in tail and "ponders" not in tail
        return
    assert tail["misplaces"].replacement == "loses"
    assert tail["misplaces"].evidence["pair_source"] == "inflected"
    assert tail["misplaces"].kind == "spin" and tail["misplaces"].confidence > 0.5
    assert "pair_source" not in tail["cash"].evidence  # a profile row keeps its evidence
