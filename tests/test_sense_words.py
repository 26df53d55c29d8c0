"""Words a sense spinner wrote, read by the original's first sense (repair.score.sense_words),
and the hub bar of the dense rare-word relaxation (repair.score.rare_dense.MAX_LOG_DEGREE):
abstracts of benchmarks/spin_sim/abstracts.py (dev half) through the WordNet sense spinner."""

from __future__ import annotations

import pytest

from repair import repair_text
from repair.document import Document
from repair.score import rare_dense, sense_words

#: dev abstract 12 through the WordNet first-sense spinner
SPUN_RIVERS = (
    "Antibiotic resistance is a turning threat to public health. We analysed samples from "
    "the water of three rivers near large cities and found immune bacterias in all of them. "
    "The figure of immune strains was highest downstream of infirmaries and treatment plants. "
    "Our determinations support stricter regulations for blow water and regular monitoring of "
    "rivers that are used for drinking water.\n"
)
CLEAN_RIVERS = (
    "Antibiotic resistance is a growing threat to public health. We analysed samples from "
    "the water of three rivers near large cities and found resistant bacteria in all of them. "
    "The number of resistant strains was highest downstream of hospitals and treatment "
    "plants. Our findings support stricter rules for waste water and regular monitoring of "
    "rivers that are used for drinking water.\n"
)
#: dev abstract 42 through the rare-synonym spinner ("retrench": best candidate a hub)
SPUN_IMAGES = (
    "Image compression reduces the bigness of pictures so that they can be stored and "
    "titillated cheaply. We train a neural latticework that learns to retrench images and to "
    "rebuild them with little visible disablement. At the same file bigness, our images look "
    "sharper than those of the standard getup in a test with human hearers. Decoding is fast "
    "enough for use on mobile phones.\n"
)


def _sense_pairs(text: str) -> set[tuple[str, str]]:
    return {(e.original, e.replacement) for e in repair_text(text).edits if e.rule == "SENSE_WORD"}


def test_first_sense_originals() -> None:
    assert "between" in sense_words.first_sense_originals("betwixt")
    assert "hospitals" in sense_words.first_sense_originals("infirmaries")
    # a spelling variant is no synonym; an abbreviation is no original
    assert "analyzed" not in sense_words.first_sense_originals("analysed")
    assert all(len(o) >= 3 for o in sense_words.first_sense_originals("metre"))


def test_sense_spun_abstract_restored() -> None:
    pairs = _sense_pairs(SPUN_RIVERS)
    assert {("infirmaries", "hospitals"), ("determinations", "findings")} <= pairs
    assert not {w for w, _r in pairs} & {"analysed", "samples", "water"}


def test_switched_off_no_sense_edits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sense_words, "SENSE_WORDS", False)
    assert not _sense_pairs(SPUN_RIVERS)


def test_clean_abstract_untouched() -> None:
    assert repair_text(CLEAN_RIVERS).text == CLEAN_RIVERS


def test_one_strong_word_is_no_pattern() -> None:
    doc = Document("We analysed samples from the water of rivers near infirmaries in the north.")
    found = sense_words.find(doc)
    decisions = sense_words.decide(doc, found, len(doc.words))
    assert not any(d.applied for d in decisions)


def test_gate_needs_density(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sense_words, "MIN_PER_1000", 1000.0)
    assert not _sense_pairs(SPUN_RIVERS)


def test_not_outside_scientific_register() -> None:
    assert sense_words.SCIENCE_ONLY
    letter = (
        "Dear Ann, the figure of immune folk at the infirmaries was a turning worry, and our "
        "determinations were plain: I went there betwixt two storms.\n"
    )
    assert not _sense_pairs(letter)
    assert sense_words.sense_decisions(Document(letter), frozenset(), []) == []
    assert sense_words.sense_decisions(Document(SPUN_RIVERS), frozenset(), []) != []


def test_hub_candidate_stays_declined(monkeypatch: pytest.MonkeyPatch) -> None:
    with_bar = {e.original: e.replacement for e in repair_text(SPUN_IMAGES).edits}
    monkeypatch.setattr(rare_dense, "MAX_LOG_DEGREE", None)
    without = {e.original: e.replacement for e in repair_text(SPUN_IMAGES).edits}
    # "retrench" -> "reduce" (a hub: the original of hundreds of written forms) is left
    assert "retrench" in without and "retrench" not in with_bar
    assert with_bar.get("titillated") == without.get("titillated") == "sent"
