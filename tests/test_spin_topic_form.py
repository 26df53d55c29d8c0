"""One repeated topic word is not a spinner's profile (repair.detect.spin.TOP_FORM_RATIO).

A clean science article about "males" writes the word eight times and never "men"; that
one form gave most of its profile evidence and opened the gate on clean text (spin_eval
test clean/1k 0.355, benchmarks/RESULTS.md, "Session 32, spinrank32").
"""

from __future__ import annotations

import pytest

import repair.detect.spin as ds
from repair.config import RepairConfig
from repair.document import Document
from repair.pipeline import repair_text
from repair.stages.spin import STAGE

TOPIC_TEXT = (
    "Researchers studied how males of the species compete for territory. In the colony, "
    "males fight over nesting sites, and older males usually win. The team found that "
    "males with brighter feathers attract more attention within the group. Young males "
    "wait for years before they breed. The study says variations in colour matter, and "
    "variations in song matter too. Large males appear to guard the best sites, while "
    "small males roam. The effect was occurring in every colony the team visited, and "
    "the birds effectively share the coast. Males of a nearby species behave the same way. "
    "The scientists now plan to follow the birds for another ten years to see how the "
    "colonies change as the climate warms and food becomes harder to find along the shore. "
) + " ".join(
    f"On day {n} the team walked to the north end of the beach, counted the nests, and "
    "wrote down what they saw in a small book before the tide came in."
    for n in range(1, 15)
)


def _profile(text: str) -> tuple[float, dict]:
    doc = Document(text)
    return ds.profile_score(doc, STAGE.occurrences(doc))


def test_top_form_counts_at_most_the_rest() -> None:
    ev = {"a": {"llr": 20.0}, "b": {"llr": 3.0}, "c": {"llr": 1.0}}
    assert ds.TOP_FORM_RATIO == 1.0
    assert ds._total_evidence(ev) == pytest.approx(8.0)
    # spread evidence is not touched
    even = {"a": {"llr": 2.0}, "b": {"llr": 2.0}, "c": {"llr": 1.0}}
    assert ds._total_evidence(even) == pytest.approx(5.0)
    assert ds._total_evidence({}) == 0.0


def test_total_evidence_uncapped_when_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ds, "TOP_FORM_RATIO", None)
    assert ds._total_evidence({"a": {"llr": 20.0}, "b": {"llr": 3.0}}) == pytest.approx(23.0)


def test_one_repeated_topic_word_does_not_open_the_profile() -> None:
    score, details = _profile(TOPIC_TEXT)
    assert max(details["top"].values()) == details["top"]["males"]
    assert score < ds.THRESHOLD


def test_without_the_cap_the_topic_word_opens_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # the same text scores over the gate when every form counts in full (what main did)
    monkeypatch.setattr(ds, "TOP_FORM_RATIO", None)
    score, _details = _profile(TOPIC_TEXT)
    assert score >= ds.THRESHOLD


def test_clean_topic_text_comes_out_unchanged() -> None:
    result = repair_text(TOPIC_TEXT, (), RepairConfig())
    assert result.text == TOPIC_TEXT
    assert result.edits == ()
