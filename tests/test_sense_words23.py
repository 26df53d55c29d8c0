"""Session 23's readings of the sense pass (repair.score.sense_words): the gate counts the
stage's earlier restorations, scientific terms at a lower gain, two-word first-sense lemmas,
the table's missing one-word lemmas, and the stricter gate outside scientific register.
Abstracts of benchmarks/spin_sim/abstracts.py (dev half) through the WordNet sense spinner."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair import repair_text
from repair.document import Document
from repair.score import sense_words
from tests.test_sense_words import SPUN_RIVERS

#: dev abstract 03 ("neural web" -> "neural network" is a term window's)
SPUN_SVM = (
    "Support vector machines rest a strong baseline for text classification. We compare them "
    "with nervous webs on short messages from social media and find that the simpler model "
    "executes as well when the preparation set is small. The neural web is better only when "
    "more than ten yard labeled examples are available. We talk about what this means for "
    "practical systems with limited budgets.\n"
)
#: dev abstract 32: plain language, not of scientific register
SPUN_REEFS = (
    "Coral reefs are damaged when sea temperature stays high for several weeks. We combined "
    "orbiter temperature records with field surveys of two one c reefs to estimate how often "
    "bleaching happed over the last thirty years. Bleaching events have become three times "
    "more shop at, and reefs now have less time to retrieve betwixt them. Protecting reefs "
    "from local pollution may help them hold out the warmer water.\n"
)
CLEAN_REEFS = (
    "Coral reefs are damaged when sea temperature stays high for several weeks. We combined "
    "satellite temperature records with field surveys of two hundred reefs to estimate how "
    "often bleaching occurred over the last thirty years. Bleaching events have become three "
    "times more frequent, and reefs now have less time to recover between them. Protecting "
    "reefs from local pollution may help them survive the warmer water.\n"
)
#: a short piece of Jefferson's first inaugural address (1801): formal, impersonal, three
#: words with a plainer first-sense reading ("touchstone", "instruction", "attainment")
JEFFERSON = (
    "These principles form the bright constellation which has gone before us and guided our "
    "steps through an age of revolution and reformation. The wisdom of our sages and blood of "
    "our heroes have been devoted to their attainment. They should be the creed of our "
    "political faith, the text of civic instruction, the touchstone by which to try the "
    "services of those we trust; and should we wander from them in moments of error or of "
    "alarm, let us hasten to retrace our steps and to regain the road which alone leads to "
    "peace, liberty, and safety.\n"
)


def _sense_pairs(text: str) -> set[tuple[str, str]]:
    return {(e.original, e.replacement) for e in repair_text(text).edits if e.rule == "SENSE_WORD"}


@pytest.fixture
def no_lemmas(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    sense_words.first_sense_originals.cache_clear()
    monkeypatch.setattr(sense_words, "SENSE_LEMMAS", False)
    yield
    sense_words.first_sense_originals.cache_clear()


def test_scientific_terms_at_lower_gain(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = _sense_pairs(SPUN_RIVERS)
    assert {("figure", "number"), ("blow", "waste")} <= pairs
    monkeypatch.setattr(sense_words, "SENSE_TERMS", False)
    without = _sense_pairs(SPUN_RIVERS)
    assert not {("figure", "number"), ("blow", "waste")} & without
    assert ("infirmaries", "hospitals") in without


def test_gate_counts_term_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not sense_words.GATE_COUNTS_EARLIER  # off by default (module doc)
    monkeypatch.setattr(sense_words, "GATE_COUNTS_EARLIER", True)
    edits = {(e.original, e.replacement, e.rule) for e in repair_text(SPUN_SVM).edits}
    assert ("web", "network", "COLLOCATION_TERM") in edits
    assert {("yard", "thousand", "SENSE_WORD"), ("webs", "networks", "SENSE_WORD")} <= edits
    monkeypatch.setattr(sense_words, "GATE_COUNTS_EARLIER", False)
    monkeypatch.setattr(sense_words, "GATE_READS_TAKEN", False)  # session 24's reading
    assert not _sense_pairs(SPUN_SVM)


def test_one_strong_reading_of_its_own() -> None:
    doc = Document(SPUN_SVM)
    weak = [r for r in sense_words.find(doc) if r.options[0].lm_gain < sense_words.MIN_GAIN]
    assert not any(d.applied for d in sense_words.decide(doc, weak, len(doc.words), earlier=5))


def test_two_word_lemmas() -> None:
    found = {r.token.text: r for r in sense_words.find_phrases(Document(SPUN_REEFS))}
    assert found["one c"].options[0].word == "hundred"
    assert found["hold out"].options[0].word == "survive"
    r = found["one c"]
    assert SPUN_REEFS[r.token.start : r.token.end] == "one c"


def test_plain_language_abstract_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = _sense_pairs(SPUN_REEFS)
    assert {("one c", "hundred"), ("betwixt", "between"), ("hold out", "survive")} <= pairs
    assert repair_text(CLEAN_REEFS).text == CLEAN_REEFS
    monkeypatch.setattr(sense_words, "OTHER_MIN_WORDS", None)
    assert not _sense_pairs(SPUN_REEFS)


def test_phrases_open_the_plain_language_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sense_words, "PHRASE_READINGS", False)
    assert not _sense_pairs(SPUN_REEFS)  # "betwixt" alone is one strong word


def test_formal_speech_untouched() -> None:
    doc = Document(JEFFERSON)
    strong = [r for r in sense_words.find(doc) if r.options[0].lm_gain >= sense_words.MIN_GAIN]
    assert len(strong) >= 3  # as many strong readings as the spun abstract ...
    assert repair_text(JEFFERSON).text == JEFFERSON  # ... but not as dense
    assert not any(d.applied for d in sense_words.sense_decisions(doc, frozenset(), []))


def test_personal_text_never_read() -> None:
    letter = "Dear Ann, I am sure you will hold out betwixt two one c storms and shop at home.\n"
    assert sense_words.sense_decisions(Document(letter), frozenset(), []) == []


def test_missing_first_sense_lemmas(no_lemmas: None) -> None:
    assert "farmers" not in sense_words.first_sense_originals("grangers")


def test_first_sense_lemmas_from_the_table() -> None:
    sense_words.first_sense_originals.cache_clear()
    assert "farmers" in sense_words.first_sense_originals("grangers")
    assert "occurred" in sense_words.first_sense_originals("happed")
    # spelling variants stay out of the table's readings too
    assert "colors" not in sense_words.first_sense_originals("colours")
