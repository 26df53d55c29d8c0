"""A term window against its written word's other places (repair.score.term_pool)."""

from __future__ import annotations

import pytest

from repair import repair_text
from repair.score import term_pool

# the tortured spinner's dev abstract 07 ("errors" -> "misfeasance" three times)
SPUN = (
    "Natural palaver processing pickaxes often fail on text written by neonates. We collected "
    "a clod of stories written by pupils tottered eight to eleven and annotated the spelling "
    "and grammar misfeasance in them. A standard parser made twice as many misfeasance on "
    "this clod as on newspaper text. Training on a small part of the corpus reduced the "
    "misfeasance rate by half, which shows the value of data from the target agglomerate.\n"
)


def _restored(text: str) -> list[str]:
    return [e.replacement for e in repair_text(text).edits if e.original == "misfeasance"]


def test_other_places_overrule_the_window() -> None:
    got = _restored(SPUN)
    assert got and all(w.startswith("error") for w in got)
    assert "error rate" in repair_text(SPUN).text


def test_without_it_the_window_wins_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(term_pool, "TERM_POOL", False)
    got = _restored(SPUN)
    assert got and all(w.startswith("crime") for w in got)


def test_a_window_whose_word_is_written_once_stands() -> None:
    one = SPUN.replace("grammar misfeasance", "grammar slips").replace(
        "many misfeasance", "many slips"
    )
    assert "crime rate" in repair_text(one).text
