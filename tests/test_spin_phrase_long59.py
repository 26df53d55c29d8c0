"""Session 59 (spinphrase59): recurring 4-5-word wordy spans read as one closed-class word
for the whole document (``repair.candidates.spin_phrase_long.LONG_SPANS``), kept only where
no two places share a neighbour word (``DISTINCT_NEIGHBOURS``) and the original's gain
beyond frequency is at least ``MIN_CONTEXT_GAIN`` (benchmarks/RESULTS.md, "Session 59,
spinphrase")."""

from __future__ import annotations

import pytest

import repair.candidates.spin_phrase_long as spl
import repair.candidates.spin_phrase_self as sps
from repair.document import Document

#: A phrase spinner's "because" at two unrelated places (webtext, overheard#024, spun).
SPUN = (
    "Suit on cell: I am going to have to think about this due to the fact that when I do not "
    "I never have any plans.\nHS girl: Okay, so during the American Revolution, the Americans "
    "wanted independence due to the fact that they wanted to be free?\n"
)
#: The same, but both places are followed by "they": a repeated longer phrase.
SHARED = SPUN.replace("that when I do not I never", "that they never")


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(spl, "LONG_SPANS", True)
    monkeypatch.setattr(spl, "DISTINCT_NEIGHBOURS", True)
    monkeypatch.setattr(spl, "MIN_CONTEXT_GAIN", 2.0)
    return monkeypatch


def _long(text: str) -> list[tuple[str, str, int]]:
    doc = Document(text)
    return [
        (m.written, m.original, len(m.places))
        for m in sps.document_mappings(doc, [], set())
        if len(m.written.split()) >= spl.MIN_WORDS
    ]


def test_flag_reads_the_long_span(on: pytest.MonkeyPatch) -> None:
    assert _long(SPUN) == [("due to the fact that", "because", 2)]
    on.setattr(spl, "LONG_SPANS", False)
    assert _long(SPUN) == []


def test_shared_neighbour_declines(on: pytest.MonkeyPatch) -> None:
    assert _long(SHARED) == []
    on.setattr(spl, "DISTINCT_NEIGHBOURS", False)
    assert _long(SHARED) == [("due to the fact that", "because", 2)]


def test_context_gain_floor(on: pytest.MonkeyPatch) -> None:
    on.setattr(spl, "MIN_CONTEXT_GAIN", 4.0)
    assert _long(SPUN) == []
    on.setattr(spl, "MIN_CONTEXT_GAIN", None)
    assert _long(SPUN) == [("due to the fact that", "because", 2)]


def test_spans_stay_inside_a_clause() -> None:
    doc = Document("It was done, due to the fact that we left. Due to the fact that it rained")
    spans = spl.long_spans(doc, set())
    assert "done due to the" not in spans
    assert "we left due to" not in spans
    assert len(spans["due to the fact that"]) == 1  # the capitalised place is not read
    covered = set(range(13, 33))
    assert "due to the fact that" not in spl.long_spans(doc, covered)


def test_originals_are_closed_class_without_pronouns() -> None:
    origs = spl.originals()
    assert "because" in origs and "now" in origs and "around" in origs
    assert not {"you", "not", "the", "and", "one"} & set(origs)
