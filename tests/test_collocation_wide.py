"""The guard on term windows that read further reverse-thesaurus originals
(``repair.detect.collocation.WIDE_GUARD``, with ``WIDE_OPTIONS``; issue 11, session 46).

Clean formal prose gave the wide options edits: a bigram-only term ("another prosperous
year" -> "another good year") and a word inside a term as written ("receiver operating
characteristic" -> "operating system").  The guard keeps the mill's thesaurus terms
("natural intercourse" -> "natural language")."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from repair import repair_text
from repair.config import RepairConfig
from repair.detect import collocation
from repair.document import Document

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
MILL_NLP = (
    "Natural intercourse processing handmaidens often fail on text written by minors. We "
    "smothered a corpus of stories written by schoolboys aged eight to eleven and annotated "
    "the spelling and grammar bugs in them. A standard parser made twice as many bugs on "
    "this figure as on newspaper text. Training on a small part of the corpus reduced the "
    "bug export tax by half, which shows the value of data from the target group.\n"
)


def _config() -> RepairConfig:
    """The stages ``benchmarks/spin_eval.py`` runs."""
    from repair.stages import REGISTRY

    on = {"spin", "tortured", "collocation"}
    return dataclasses.replace(RepairConfig(), **{s.name: s.name in on for s in REGISTRY})


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(e.original, e.replacement) for e in repair_text(text, (), _config()).edits}


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
    ml = (SUITE / "hand_science_ml.clean.txt").read_text("utf-8")
    got = _pairs(CLEAN_SOTU) | _pairs(ml)
    if guard:
        assert got == set()
    else:  # what the guard keeps off
        assert ("prosperous", "good") in got and ("characteristic", "system") in got


def test_the_mill_term_is_restored() -> None:
    assert ("intercourse", "language") in _pairs(MILL_NLP)
