"""Term windows reading reverse-thesaurus originals in scientific register
(``repair.detect.collocation.WIDE_OPTIONS``, off by default): a mill draws a word's synonym
from far down the original's thesaurus entry ("intercourse" for "language"), past the
first reverse synonyms the windows read (issue 11, session 46)."""

from __future__ import annotations

import dataclasses

import pytest

from repair import repair_text
from repair.config import RepairConfig
from repair.detect import collocation

#: a dev abstract of benchmarks/spin_sim/abstracts.py through the simulated mill
#: (benchmarks/spin_sim/mill.py)
MILL_NLP = (
    "Natural intercourse processing handmaidens often fail on text written by minors. We "
    "smothered a corpus of stories written by schoolboys aged eight to eleven and annotated "
    "the spelling and grammar bugs in them. A standard parser made twice as many bugs on "
    "this figure as on newspaper text. Training on a small part of the corpus reduced the "
    "bug export tax by half, which shows the value of data from the target group.\n"
)
CLEAN_NLP = (
    "Natural language processing tools often fail on text written by children. We "
    "collected a corpus of stories written by pupils aged eight to eleven and annotated the "
    "spelling and grammar errors in them. A standard parser made twice as many errors on "
    "this corpus as on newspaper text. Training on a small part of the corpus reduced the "
    "error rate by half, which shows the value of data from the target group.\n"
)


def _config() -> RepairConfig:
    """The stages ``benchmarks/spin_eval.py`` runs."""
    from repair.stages import REGISTRY

    on = {"spin", "tortured", "collocation"}
    return dataclasses.replace(RepairConfig(), **{s.name: s.name in on for s in REGISTRY})


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(e.original, e.replacement) for e in repair_text(text, (), _config()).edits}


def test_options_go_on_only_when_asked() -> None:
    assert "language" not in collocation._options("intercourse")
    assert "language" in collocation._options("intercourse", wide=12)
    assert collocation._options("the", wide=12) == ("the",)


def test_off_by_default() -> None:
    assert collocation.WIDE_OPTIONS == 0
    assert ("intercourse", "language") not in _pairs(MILL_NLP)


def test_wide_options_restore_the_term(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collocation, "WIDE_OPTIONS", 12)
    assert ("intercourse", "language") in _pairs(MILL_NLP)
    r = repair_text(CLEAN_NLP, (), _config())
    assert r.edits == () and r.text == CLEAN_NLP
