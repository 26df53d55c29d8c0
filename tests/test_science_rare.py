"""The rare-word pass in scientific register (repair.score.science: register_prior,
register_decisions): a rare-spun abstract's candidates read with their scientific-register
weight, and a weakly evidenced restoration to a scientific term applied; clean abstracts
and other registers unchanged."""

from __future__ import annotations

import pytest

from repair import repair_text
from repair.detect import rareword
from repair.document import Document
from repair.score import science, sense_words

#: dev abstract 11 of benchmarks/spin_sim/abstracts.py through the rare-synonym spinner
SPUN_GRAPH = (
    "Graph neural networks assimilate from data that has the buckram of a latticework, such "
    "as molecules or social agglomerates. A known problem is that deep models of this "
    "expedient make the disquisitions of all nodes too similar. We proffer a simple change "
    "to the way information passes between nodes that keeps their features indubitable. On "
    "four benchmark tasks the change improves fussiness and allows much deeper models to be "
    "trained.\n"
)
CLEAN_GRAPH = (
    "Graph neural networks learn from data that has the form of a network, such as "
    "molecules or social groups. A known problem is that deep models of this kind make the "
    "features of all nodes too similar. We propose a simple change to the way information "
    "passes between nodes that keeps their features distinct. On four benchmark tasks the "
    "change improves accuracy and allows much deeper models to be trained.\n"
)
#: the same rare words in a personal letter (not scientific register: "I", "you")
LETTER = (
    "I told you the latticework on the porch was rotten, and you said the disquisitions of "
    "your uncle were worse. I proffer my apologies for the buckram curtains; you know how "
    "agglomerates of dust gather there, and I cannot bear the fussiness of it all.\n"
)


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(e.original, e.replacement) for e in repair_text(text).edits}


def _first(text: str, word: str) -> str:
    doc = Document(text)
    found = science.register_prior(doc, rareword.find(doc))
    return next(r.options[0].word for r in found if r.token.text == word)


def test_prior_reads_the_scientific_sense() -> None:
    assert _first(SPUN_GRAPH, "latticework") == "network"
    assert _first(SPUN_GRAPH, "disquisitions") == "features"


def test_prior_off_keeps_the_context_ranking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(science, "REGISTER_PRIOR", False)
    assert _first(SPUN_GRAPH, "latticework") == "case"


def test_prior_only_in_scientific_register() -> None:
    doc = Document(LETTER)
    found = rareword.find(doc)
    assert found and science.register_prior(doc, found) is found


def test_prior_not_applied_twice_to_words_already_read() -> None:
    doc = Document(SPUN_GRAPH)
    once = science.register_prior(doc, rareword.find(doc))
    again = science.register_prior(doc, once, done=once)
    assert [r.options for r in again] == [r.options for r in once]


def test_weakly_evidenced_scientific_terms_restored() -> None:
    pairs = _pairs(SPUN_GRAPH)
    assert ("latticework", "network") in pairs
    assert ("disquisitions", "features") in pairs


def test_without_the_relaxation_they_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.score import rare_dense

    monkeypatch.setattr(science, "REGISTER_RELAX", False)
    monkeypatch.setattr(rare_dense, "DENSE_RELAX", False)  # it would apply them too
    pairs = {w for w, _r in _pairs(SPUN_GRAPH)}
    assert "latticework" not in pairs and "disquisitions" not in pairs


def test_relaxed_restoration_carries_its_confidence() -> None:
    edit = next(e for e in repair_text(SPUN_GRAPH).edits if e.original == "latticework")
    assert science.TERM_CONFIDENCE <= edit.confidence < 1.0


def test_clean_abstract_and_letter_unchanged() -> None:
    assert not repair_text(CLEAN_GRAPH).edits
    assert not {w for w, _r in _pairs(LETTER)} & {"latticework", "disquisitions"}


def test_a_scientific_written_word_is_kept() -> None:
    assert science._term_weight("phyla") > 0.0  # through its lemma "phylum"
    assert science._term_weight("latticework") <= 0.0


def test_word_model_row_to_a_scientific_term(monkeypatch: pytest.MonkeyPatch) -> None:
    """The spin stage's scientific words: "a turning threat" → "a growing threat" needs no
    book pair when "growing" is a scientific term and "turning" is not.  Off by default
    (``REGISTER_WORDS``: one dev word for it, and the held-out habit-spun abstracts lost
    precision with it), so switched on here."""
    from tests.test_science import CLEAN_BACTERIA, SPUN_BACTERIA

    monkeypatch.setattr(science, "REGISTER_WORDS", True)
    assert ("turning", "growing") in _pairs(SPUN_BACTERIA)
    assert not repair_text(CLEAN_BACTERIA).edits
    monkeypatch.setattr(science, "REGISTER_WORDS", False)
    monkeypatch.setattr(sense_words, "SENSE_WORDS", False)  # it reads "turning" too
    assert ("turning", "growing") not in _pairs(SPUN_BACTERIA)
    assert ("immune", "resistant") in _pairs(SPUN_BACTERIA)  # the book pair still decides


def test_declined_place_takes_the_term_windows_original(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "a simple comportment" → "method" (a term window); the other "comportment", where
    the prior leaves two candidates tied (declined ``ambiguous``), takes "method" too, even
    with the pass's own agreement step (repair.score.consistency.AGREE) off."""
    from repair.score import consistency
    from tests.test_tortured_explain import RARE_SPUN

    def comportment() -> list[str]:
        return [e.replacement for e in repair_text(RARE_SPUN).edits if e.original == "comportment"]

    monkeypatch.setattr(consistency, "AGREE", False)
    assert comportment() == ["method", "method"]
    monkeypatch.setattr(science, "REGISTER_RELAX", False)
    assert comportment() == ["method", "procedure"]  # the dense document's declined place
    from repair.score import rare_dense

    monkeypatch.setattr(rare_dense, "DENSE_RELAX", False)
    assert comportment() == ["method"]
