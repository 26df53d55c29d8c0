"""The author's own word stays (repair.score.science: topic_decisions, keep_terms): a rare
word the abstract's topic ties to its other words ("rice husks") is not restored by the
rare-word pass, and a written scientific term ("nodes") is not restored by the spin stage
to a word scientific text uses less, unless the original is read as a collocation."""

from __future__ import annotations

from dataclasses import replace

import pytest

from repair import repair_text
from repair.document import Document
from repair.score import science
from repair.score.rareword import Decision
from repair.stages import spin as spin_stage
from repair.types import Candidate
from tests.test_science_rare import SPUN_GRAPH  # dev abstract 11 ("nodes" is the author's)

#: dev abstract 19 of benchmarks/spin_sim/abstracts.py through the rare-synonym spinner
#: ("rice husks" is the author's; every other rare word is the spinner's)
SPUN_HUSKS = (
    "We report a simple method to jilt soporific metals from sweepings dishwater using a "
    "cheap material made from rice husks. The husks were frazzled at a controlled "
    "temperature and threshed out with a weak mescal. In laboratory tests the material "
    "removed more than ninety percent of lead and copper from the dishwater within one "
    "hour. The material can be used several times after swabbing, which phyla it "
    "attractive for small treatment plants.\n"
)
#: dev abstract 12 through the WordNet spinner ("immune strains" for "resistant strains")
SPUN_STRAINS = (
    "Antibiotic resistance is a turning threat to public health. We analysed samples from "
    "the water of three rivers near large cities and found immune bacterias in all of them. "
    "The figure of immune strains was highest downstream of infirmaries and treatment "
    "plants. Our determinations support stricter regulations for blow water and regular "
    "monitoring of rivers that are used for drinking water.\n"
)
#: the graph abstract's words in a personal letter (not scientific register)
LETTER = (
    "I told you the nodes on the old fishing net were rotten, and you said the knots of "
    "your uncle were worse; I cannot bear the smell of it all, and you know it.\n"
)


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(e.original, e.replacement) for e in repair_text(text).edits}


def test_the_author_s_rare_word_stays() -> None:
    pairs = _pairs(SPUN_HUSKS)
    assert not any(w == "husks" for w, _r in pairs)
    assert ("dishwater", "water") in pairs  # the spinner's words are still read


def test_without_the_topic_reading_it_is_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(science, "TOPIC_REFUSAL", False)
    assert ("husks", "remains") in _pairs(SPUN_HUSKS)


def test_topic_declines_every_place_with_its_reason() -> None:
    doc = Document(SPUN_HUSKS)
    from repair.detect import rareword
    from repair.score import rareword as decide

    found = rareword.find(doc)
    decisions = decide.decide(found, len(doc.words))
    husks = [d for d in decisions if d.word.token.text.lower() == "husks"]
    assert husks
    forced = [
        replace(d, applied=True, reason="applied", confidence=0.9, original="remains")
        if d.word.token.text.lower() == "husks"
        else d
        for d in decisions
    ]
    out = science.topic_decisions(doc, forced)
    declined = [d for d in out if d.word.token.text.lower() == "husks"]
    assert declined and all(
        not d.applied and d.reason == science.TOPIC_REASON and d.original == "" for d in declined
    )

    def rest(ds: list[Decision]) -> list[tuple[bool, str]]:
        return [(d.applied, d.original) for d in ds if d.word.token.text.lower() != "husks"]

    assert rest(out) == rest(forced)


def test_topic_reading_needs_an_applied_decision() -> None:
    doc = Document(SPUN_HUSKS)
    none: list[Decision] = []
    assert science.topic_decisions(doc, none) is none


def _candidate(text: str, word: str, original: str, start: int = 0) -> Candidate:
    i = text.index(word, start)
    return Candidate(i, i + len(word), original, "spin", "SPIN_SYNONYM", {})


def test_a_written_scientific_term_stays() -> None:
    assert ("nodes", "clients") not in _pairs(SPUN_GRAPH)
    doc = Document(SPUN_GRAPH)
    c = _candidate(SPUN_GRAPH, "nodes", "clients")
    assert science.keep_terms(doc, [c]) == []


def test_without_the_rule_the_term_is_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    # the book-pair decline (session 28) also keeps "nodes" here: take it out to see
    # what the terms rule alone does
    monkeypatch.setattr(spin_stage, "BOOK_PAIR", None)
    assert ("nodes", "clients") not in _pairs(SPUN_GRAPH)
    monkeypatch.setattr(science, "KEEP_TERMS", False)
    assert ("nodes", "clients") in _pairs(SPUN_GRAPH)


def test_a_collocation_original_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(SPUN_STRAINS)
    i = SPUN_STRAINS.index("immune strains")
    c = Candidate(i, i + len("immune"), "resistant", "spin", "SPIN_SYNONYM", {})
    assert science.keep_terms(doc, [c]) == [c]  # "resistant strains": a book collocation
    monkeypatch.setattr(science, "MIN_SUPPORT", 99.0)
    assert science.keep_terms(doc, [c]) == []  # "immune" is the more scientific word


def test_terms_rule_only_in_scientific_register() -> None:
    doc = Document(LETTER)
    c = _candidate(LETTER, "nodes", "clients")
    assert science.keep_terms(doc, [c]) == [c]


def test_other_sources_and_ordinary_words_pass() -> None:
    doc = Document(SPUN_GRAPH)
    i = SPUN_GRAPH.index("nodes")
    other = Candidate(i, i + 5, "clients", "spin", "SPIN_REFERENCE", {})
    plain = _candidate(SPUN_GRAPH, "change", "switch")
    assert science.keep_terms(doc, [other, plain]) == [other, plain]
