"""Single words of a paper mill's thesaurus (repair.detect.tortured_mill, rule TORTURED_WORD)."""

from __future__ import annotations

from repair import repair_text
from repair.detect import tortured_mill
from repair.document import Document

SOURCE = (
    "Wireless sensor networks must save energy to run for a long time without new "
    "batteries. We propose a routing protocol that chooses the next node by its remaining "
    "energy and its distance to the base station. Simulations show that the network lives "
    "thirty percent longer than with the common protocol, while the delay of each message "
    "grows only slightly. The protocol is easy to add to existing devices.\n"
)
#: the same abstract through the mills' habits (as benchmarks/tortured_general_eval.py
#: --abstracts spins it)
MILL = (
    "Wireless indicator organizations must save vitality to run for a long season without "
    "unused batteries. We propose a steering convention that chooses the next hub by its "
    "staying vitality and its separation to the base station. Simulations show that the "
    "organization lives thirty percent longer than with the normal convention, while the "
    "postpone of each administrator grows only slightly. The convention is easy to add to "
    "existing gadgets.\n"
)


def test_mill_spun_abstract_gets_its_words_back() -> None:
    r = repair_text(MILL)
    words = {(e.original, e.replacement) for e in r.edits if e.rule == "TORTURED_WORD"}
    assert {("hub", "node"), ("separation", "distance")} <= words
    # "vitality" may come back through the spin stage's synonym reading first; never as the
    # WordNet collocation "staying power" (a mill's "remaining energy")
    every = {(e.original, e.replacement) for e in r.edits}
    assert ("vitality", "energy") in every
    # ... and every place of it, once one is accepted (repair/score/consistency.py)
    assert "vitality" not in r.text
    assert not any(e.replacement == "power" for e in r.edits)
    assert all(e.confidence > 0 and e.message for e in r.edits)
    wrong = sum(a != b for a, b in zip(r.text.split(), SOURCE.split(), strict=True))
    before = sum(a != b for a, b in zip(MILL.split(), SOURCE.split(), strict=True))
    assert wrong <= before / 2


def test_source_and_clean_prose_unchanged() -> None:
    assert repair_text(SOURCE).text == SOURCE
    plain = (
        "The information in this report was gathered from public records. The convention "
        "met in the spring, and its members discussed the normal course of business.\n"
    )
    assert repair_text(plain).text == plain


def test_scan_keeps_one_way_habits_in_agreeing_number() -> None:
    doc = Document("The frameworks process data with little vitality.")
    found = {doc.tokens[i].text: cands for i, _z, cands in tortured_mill.scan(doc)}
    assert "data" not in found  # "information" -> "data" is the mills' way, not the reverse
    assert "system" not in found.get("frameworks", ())
    assert "energy" in found["vitality"]


def test_sparse_document_has_no_lm_lookups() -> None:
    assert tortured_mill.find(Document("We saved vitality for the long season ahead.")) == []


def test_spellings_are_not_habits() -> None:
    assert "programme" not in tortured_mill.habits_of("program")
    assert "regression" in tortured_mill.habits_of("relapse")
