"""Readers of a paper mill's common synonyms in scientific register (issue 11, session 46).

* Strongly supported word-model rows under the register's bar
  (``repair.score.science.STRONG_SUPPORT``, on by default): "nervous" for "neural" scores
  low in the word model, but its original collocates with the kept neighbour by many nats.
* Term windows reading reverse-thesaurus originals (``repair.detect.collocation.WIDE_OPTIONS``,
  on with ``WIDE_GUARD`` since spinwide46): a mill draws a word's synonym from far down the
  original's thesaurus entry ("intercourse" for "language"), past the first reverse
  synonyms the windows read.  Its guard (``WIDE_GUARD``): such a restoration needs a
  strong term and no written term around the window, so clean formal prose ("another
  prosperous year", "receiver operating characteristic") stays."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from repair import repair_text
from repair.config import RepairConfig
from repair.detect import collocation
from repair.document import Document
from repair.score import collocation as score_collocation
from repair.score import science
from repair.types import Candidate

#: a dev abstract of benchmarks/spin_sim/abstracts.py through the simulated mill
#: (benchmarks/spin_sim/mill.py): "Graph neural networks learn from data ..."
MILL_GRAPHS = (
    "Graph nervous networks understand from data that has the form of a network, such as "
    "little or social reflexes. A known problem is that deep models of this shape make the "
    "maps of all nodes too similar. We propose a simple change to the way information "
    "passes between nodes that keeps their maps obvious. On four benchmark tasks the change "
    "improves truth and allows much deeper models to be trained.\n"
)
CLEAN_GRAPHS = (
    "Graph neural networks learn from data that has the form of a network, such as "
    "molecules or social groups. A known problem is that deep models of this kind make the "
    "features of all nodes too similar. We propose a simple change to the way information "
    "passes between nodes that keeps their features distinct. On four benchmark tasks the "
    "change improves accuracy and allows much deeper models to be trained.\n"
)

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


def test_without_it_the_mill_word_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(science, "STRONG_SUPPORT", None)
    assert ("nervous", "neural") not in _pairs(MILL_GRAPHS)


def test_strong_support_restores_the_mill_word() -> None:
    assert science.STRONG_SUPPORT is not None  # on by default (session 46)
    assert ("nervous", "neural") in _pairs(MILL_GRAPHS)


def test_clean_abstract_stays_clean() -> None:
    r = repair_text(CLEAN_GRAPHS, (), _config())
    assert r.edits == () and r.text == CLEAN_GRAPHS


def _row(doc: Document, word: str, original: str, p: float) -> Candidate:
    start = doc.text.index(word)
    feats = {"model_probability": p}
    return Candidate(start, start + len(word), original, "spin", "SPIN_SYNONYM", feats)


def test_neighbours_supported_by_each_other_keep_the_stronger(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(science, "STRONG_SUPPORT", 6.0)
    doc = Document("We compare them with nervous networks on short messages.")
    rows = [_row(doc, "nervous", "neural", 0.10), _row(doc, "networks", "systems", 0.04)]
    # "neural networks" gains more over "nervous networks" than "nervous systems" does
    assert [c.replacement for c in science.strong_rows(doc, rows, set())] == ["neural"]
    # under the strong bar, or at the ordinary bar, a row is not a strong row
    low = [_row(doc, "nervous", "neural", science.STRONG_BAR / 2)]
    assert science.strong_rows(doc, low, set()) == []
    high = [_row(doc, "nervous", "neural", science.BAR)]
    assert science.strong_rows(doc, high, set()) == []


def test_a_strong_row_needs_a_technical_term() -> None:
    doc = Document("We compare them with nervous networks on short messages.")
    start = doc.text.index("nervous")
    assert science._strong_term(doc, (start, start + 7), "neural")  # "neural networks"
    # "public expenditure" is a book-count pair, no WordNet or tortured-list term
    doc = Document("They condemn reckless pension expenditure by the state.")
    start = doc.text.index("pension")
    assert science.support(doc, start, start + 7, "public") >= 6.0
    assert not science._strong_term(doc, (start, start + 7), "public")


def test_options_go_on_only_when_asked() -> None:
    assert "language" not in collocation._options("intercourse")
    assert "language" in collocation._options("intercourse", wide=12)
    assert collocation._options("the", wide=12) == ("the",)


def test_off_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collocation, "WIDE_OPTIONS", 0)
    assert ("intercourse", "language") not in _pairs(MILL_NLP)


def test_wide_options_restore_the_term(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collocation, "WIDE_OPTIONS", 12)
    assert ("intercourse", "language") in _pairs(MILL_NLP)
    r = repair_text(CLEAN_NLP, (), _config())
    assert r.edits == () and r.text == CLEAN_NLP


# ---- the guard on the wide options (collocation.WIDE_GUARD, spinwide46)

SUITE = Path(__file__).resolve().parent.parent / "benchmarks" / "suites" / "clean"
#: a short piece of a clean public-domain text (State of the Union 1958, Eisenhower) that
#: reads as scientific register and gave the wide options three edits without the guard
CLEAN_SOTU = (
    "As with our military potential, our economic assets are more than equal to the task. "
    "Our independent farmers produce an abundance of food and fibre. Our free workers are "
    "versatile, intelligent, and hardworking. Our businessmen are imaginative and "
    "resourceful. The productivity, the adaptability of the American economy is the solid "
    "foundation-stone of our security structure. We have just concluded another prosperous "
    "year. Our output was once more the greatest in the nation's history. In the latter part "
    "of the year, some decline in employment and output occurred, following the "
    "exceptionally rapid expansion of recent years. In a free economy, reflecting as it does "
    "the independent judgments of millions of people, growth typically moves forward "
    "unevenly. But the basic forces of growth remain unimpaired. There are solid grounds for "
    "confidence that economic growth will be resumed without an extended interruption.\n"
)


def test_on_by_default() -> None:
    assert collocation.WIDE_OPTIONS > 0 and collocation.WIDE_GUARD


def test_a_word_of_a_written_term_is_no_deep_restoration() -> None:
    terms = collocation.load_terms(frozenset())
    doc = Document("The area under the receiver operating characteristic curve was high.")
    words = doc.words
    window = tuple(w for w in words if w.text in ("operating", "characteristic"))
    assert collocation._in_written_term(doc, window[1], window, terms)
    doc = Document(MILL_NLP)
    window = tuple(doc.words[:2])
    assert not collocation._in_written_term(doc, window[1], window, terms)


def test_a_deep_restoration_needs_a_strong_term() -> None:
    terms = collocation.load_terms(frozenset())
    doc = Document("We have just concluded another prosperous year.")
    window = tuple(w for w in doc.words if w.text in ("another", "prosperous"))
    written, restored = ("another", "prosperous"), ("another", "good")
    assert "good" not in collocation._options("prosperous")
    bigram = collocation.Term("another good", frozenset({"bigram"}), 5.2)
    strong = collocation.Term("another good", frozenset({"wordnet"}), None)
    assert not collocation._deep_ok(doc, window, written, restored, bigram, 4.5, terms)
    assert collocation._deep_ok(doc, window, written, restored, strong, 4.5, terms)
    # a restoration inside the first options is not judged
    near = collocation._options("prosperous")[1]
    assert collocation._deep_ok(doc, window, written, ("another", near), bigram, 4.5, terms)


@pytest.mark.parametrize("guard", [True, False])
def test_clean_prose_stays_clean_with_the_guard(
    monkeypatch: pytest.MonkeyPatch, guard: bool
) -> None:
    monkeypatch.setattr(collocation, "WIDE_GUARD", guard)
    # the term density gate (session 56) keeps the ML text's lone window too: off here,
    # so that this reads the wide guard alone
    monkeypatch.setattr(score_collocation, "TERM_DENSITY_GATE", False)
    ml = (SUITE / "hand_science_ml.clean.txt").read_text("utf-8")
    got = _pairs(CLEAN_SOTU) | _pairs(ml)
    if guard:
        assert got == set()
    else:  # what the guard keeps off
        assert ("prosperous", "good") in got and ("characteristic", "system") in got


def test_the_mill_term_is_restored() -> None:
    assert ("intercourse", "language") in _pairs(MILL_NLP)
