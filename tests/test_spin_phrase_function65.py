"""Session 65 (spinphrase65): a long mapping's originals include the stop words that are
closed-class by the rule alone (``spin_phrase_long.FUNCTION_ORIGINALS``: "in the event that"
-> "if"), a long mapping holds its sentence-initial capitalised places
(``spin_phrase_self.INITIAL_PLACES``), and a gate-shut document with a mapping reads its other
spans (``repair.stages.spin.MAPPING_OPENS_SPANS``, ``MAPPING_FUNCTION_SPANS``)
(benchmarks/RESULTS.md, "Session 65, spinphrase")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import repair.candidates.spin_phrase_long as spl
import repair.candidates.spin_phrase_self as sps
import repair.stages.spin as stage
from repair.detect import wordy
from repair.document import Document
from tests.test_spin_phrase_long59 import _long

#: A phrase spinner's "if" at two unrelated places (webtext, overheard#185, spun).
SPUN = (
    "Guy #1: What in the event that it's a crime or something?\n"
    "Hot queer in suit: I swear in the event that one more thing goes wrong, I'm just going "
    "to pull my skirt over my head!\n"
)
#: The same with a sentence-initial capitalised place.
INITIAL = SPUN + "In the event that it rains, we stay home.\n"


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(spl, "LONG_SPANS", True)
    monkeypatch.setattr(spl, "FUNCTION_ORIGINALS", True)
    monkeypatch.setattr(sps, "INITIAL_PLACES", True)
    return monkeypatch


def test_function_originals_rule() -> None:
    words = spl.function_originals()
    assert {"if", "until", "during"} <= words
    assert not {"must", "while", "can", "mr", "the", "not", "it"} & words


def test_function_original_maps_the_span(on: pytest.MonkeyPatch) -> None:
    assert _long(SPUN) == [("in the event that", "if", 2)]
    on.setattr(spl, "FUNCTION_ORIGINALS", False)
    assert _long(SPUN) == []  # "if" is no original of the table: nothing is read


def test_initial_place_joins_the_mapping(on: pytest.MonkeyPatch) -> None:
    assert _long(INITIAL) == [("in the event that", "if", 3)]
    on.setattr(sps, "INITIAL_PLACES", False)
    assert _long(INITIAL) == [("in the event that", "if", 2)]


def test_initial_place_needs_a_sentence_start(on: pytest.MonkeyPatch) -> None:
    # after a colon the capital is a speaker's line, not a sentence start; inside a
    # longer word it is no place of the span
    text = SPUN + "Girl: In the event that it rains, we stay home.\nIn the eventual case that.\n"
    assert _long(text) == [("in the event that", "if", 2)]
    assert sps._sentence_start("She left. In", 10) and sps._sentence_start("x\nIn", 2)
    assert not sps._sentence_start("Girl: In", 6)


@pytest.fixture
def unlisted(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """ "in the event that" taken out of the wordy list (as ``spin_eval.py --unlisted`` does:
    the form is a dev family's)."""
    monkeypatch.delitem(wordy.FUNCTION_PHRASES, "in the event that")
    wordy._pattern.cache_clear()
    monkeypatch.setattr(wordy, "_last_scan", ("", []))
    yield
    wordy._pattern.cache_clear()


def test_mapping_opens_the_document_spans(on: pytest.MonkeyPatch, unlisted: None) -> None:
    """A gate-shut document with a mapping reads its other span rows (off: only the
    mapping's places are candidates)."""
    doc = Document(SPUN + "By this time we had gone home, and she was already asleep there.\n")
    st = stage._Stage()
    det = st.detect(doc)
    on.setattr(stage, "MAPPING_OPENS_SPANS", True)
    opened = {(c.start, c.end) for c in st.candidates(doc, det) if c.source == stage.PHRASE_RULE}
    on.setattr(stage, "MAPPING_OPENS_SPANS", False)
    shut = {(c.start, c.end) for c in st.candidates(doc, det) if c.source == stage.PHRASE_RULE}
    assert len(shut) == 2  # the mapping's two places
    assert shut < opened


def test_mapped_document_reads_stopword_spans(on: pytest.MonkeyPatch, unlisted: None) -> None:
    """With MAPPING_FUNCTION_SPANS a mapped gate-shut document's stopword-only spans ("after
    that") are candidates too."""
    text = SPUN + "We ate, and after that we went for a long walk along the river.\n"
    doc = Document(text)
    at = text.index("after that")
    st = stage._Stage()
    det = st.detect(doc)
    on.setattr(stage, "MAPPING_OPENS_SPANS", True)

    def starts() -> set[int]:
        return {c.start for c in st.candidates(doc, det) if c.source == stage.PHRASE_RULE}

    on.setattr(stage, "MAPPING_FUNCTION_SPANS", True)
    assert at in starts()
    on.setattr(stage, "MAPPING_FUNCTION_SPANS", False)
    assert at not in starts()
