"""A rare-synonym spun abstract is explained by the rare-word pass; the mill pass leaves
its ordinary words alone (repair.score.tortured_explain)."""

from __future__ import annotations

import pytest

from repair import repair_text
from repair.detect.rareword import Option, RareWord
from repair.score import science, tortured_explain
from repair.score.rareword import Decision
from repair.types import Token

#: a benchmark abstract (benchmarks/spin_sim/abstracts.py, dev half) through the
#: rare-synonym spinner: it wrote rare words and left "code", "public", "require" alone
RARE_SPUN = (
    "Deep learning has become the standard approach for image phylum, but large models "
    "require a great amount of labeled data. In this descant we proffer a simple comportment "
    "that combines data augmentation with a small pretrained latticework. We evaluate the "
    "comportment on three public data agglomerates and show that it improves fussiness by "
    "four percent on average. The aftereffects suggest that careful augmentation can replace "
    "a large part of the familiarization data. Our code is available to other searchers.\n"
)
#: words the spinner did not change (a mill-habit restoration of any is a broken word)
UNTOUCHED = {"require", "public", "augmentation", "code"}


def _mill_edits(text: str) -> set[str]:
    return {e.original for e in repair_text(text).edits if e.rule == "TORTURED_WORD"}


def test_rare_spun_abstract_keeps_its_ordinary_words() -> None:
    r = repair_text(RARE_SPUN)
    assert not {e.original for e in r.edits} & UNTOUCHED
    assert {("searchers", "researchers"), ("fussiness", "accuracy")} <= {
        (e.original, e.replacement) for e in r.edits
    }
    decisions = r.scores.details["collocation"]["mill_word_decisions"]
    # the mill pass applies nothing: the spin stage leaves the rare words to the rare-word
    # pass in scientific register (repair.score.science.defer_rare), so the mill pass's own
    # density gate stays shut ("sparse"); without that, its words yield to the rare pass
    assert not decisions.get("applied")
    assert decisions.get("sparse", 0) + decisions.get(tortured_explain.REASON, 0) >= 4


def test_mill_words_yield_to_the_rare_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(science, "DEFER_RARE", False)
    r = repair_text(RARE_SPUN)
    assert not {e.original for e in r.edits} & UNTOUCHED
    decisions = r.scores.details["collocation"]["mill_word_decisions"]
    assert decisions.get(tortured_explain.REASON, 0) >= 4


def test_switch_off_gives_the_mill_pass_back(monkeypatch: pytest.MonkeyPatch) -> None:
    # (with the spin stage's rare words left to the rare pass the mill pass stays shut anyway)
    monkeypatch.setattr(science, "DEFER_RARE", False)
    monkeypatch.setattr(tortured_explain, "ENABLED", False)
    assert _mill_edits(RARE_SPUN) & UNTOUCHED  # the rule is what keeps them


def _decision(word: str, applied: bool, start: int = 0) -> Decision:
    token = Token(word, start, start + len(word), "word")
    rare = RareWord(token, 2.0, (Option("plain", 5.0, 1.0, 2.0),))
    return Decision(rare, applied, "applied" if applied else "sparse", 0.8, "plain")


def test_two_distinct_rare_words_explain_the_document() -> None:
    mill = [_decision("vitality", True), _decision("hub", False)]
    one = [_decision("descant", True), _decision("descant", True, 40)]
    assert tortured_explain.yield_to_rare(one, mill) == mill  # one written word: no
    two = [*one, _decision("proffer", True, 60)]
    out = tortured_explain.yield_to_rare(two, mill)
    assert [(d.applied, d.reason) for d in out] == [(False, "rare_thesaurus"), (False, "sparse")]
