"""Session 66 (spinphrase66): a recurring two-word span is read as a document mapping with
the long reader's precision cues (``spin_phrase_pair.PAIR_MAPPINGS``), and such a mapping
restores its own places without opening the document's other spans
(``spin_phrase_pair.PAIR_OPENS_SPANS``) (benchmarks/RESULTS.md, "Session 66, spinphrase")."""

from __future__ import annotations

import pytest

import repair.candidates.spin_phrase_long as spl
import repair.candidates.spin_phrase_pair as spp
import repair.stages.spin as stage
from repair.candidates.spin_phrase import phrase_evidence
from repair.candidates.spin_phrase_self import document_mappings
from repair.document import Document

#: A phrase spinner's "then" at two unrelated places (webtext, wine#000, spun).
SPUN = (
    "Odd balance - people were saying this is a vineyard Huet took on and after that "
    "abandoned.\n"
    "A weak cork and a rather oxidised bottle - one sips for a while but after that "
    "abandons it.\n"
)


def _mappings(text: str) -> list[tuple[str, str, int]]:
    doc = Document(text)
    return [
        (m.written, m.original, len(m.places))
        for m in document_mappings(doc, phrase_evidence(doc, set()), set())
    ]


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(spp, "PAIR_MAPPINGS", True)
    monkeypatch.setattr(spp, "PAIR_OPENS_SPANS", False)
    monkeypatch.setattr(spp, "PAIR_MIN_CONTEXT_GAIN", 3.0)
    return monkeypatch


def test_pair_mapping(on: pytest.MonkeyPatch) -> None:
    assert _mappings(SPUN) == [("after that", "then", 2)]
    on.setattr(spp, "PAIR_MAPPINGS", False)
    assert _mappings(SPUN) == []  # two-word spans were never mapped


def test_pair_mapping_needs_distinct_neighbours(on: pytest.MonkeyPatch) -> None:
    # "due to" inside a repeated longer run (webtext, overheard#024, spun): "the" after every
    # place; read without the neighbour cue it maps to "after" (the long mapping of "due to
    # the fact that", which a pair mapping yields to, left out)
    on.setattr(spl, "LONG_SPANS", False)
    on.setattr(spp, "PAIR_MIN_CONTEXT_GAIN", None)
    text = (
        "Suit on cell: I'm going to have to think about this due to the fact that when I "
        "don't I never have any plans.\n"
        "HS girl: Okay, so during the American Revolution, the Americans wanted independence "
        "due to the fact that they wanted to be free?\n"
    )
    assert _mappings(text) == []
    on.setattr(spl, "DISTINCT_NEIGHBOURS", False)
    assert _mappings(text) == [("due to", "after", 2)]


def test_pair_mapping_context_floor(on: pytest.MonkeyPatch) -> None:
    """A clean writer's repeated two-word frame (adapted from wsj_0167) reads ~2.3 nats beyond
    frequency: over the long reader's floor, under the pair floor."""
    text = (
        "The company reported a loss of $158,666, or 10 cents a share, in the third quarter, "
        "compared with a year-earlier loss of $26,956, or two cents a share.\n"
        "The company reported a net loss of $608,413, or 39 cents a share, compared with "
        "year-earlier net income of $967,809, or 63 cents a share.\n"
    )
    assert _mappings(text) == []
    on.setattr(spp, "PAIR_MIN_CONTEXT_GAIN", None)
    assert _mappings(text) == [("compared with", "than", 2)]


def test_pair_mapping_needs_the_original_unwritten(on: pytest.MonkeyPatch) -> None:
    text = SPUN + "Then we left, and then we came back, and then we slept.\n"
    assert _mappings(text) == []


def test_pair_mapping_does_not_open_spans(on: pytest.MonkeyPatch) -> None:
    """A gate-shut document whose only mapping is a pair has its mapping's places as span
    candidates and nothing else (PAIR_OPENS_SPANS off); with it on, its other spans too."""
    text = SPUN + "By this time we had gone home, and she was already asleep there.\n"
    doc = Document(text)
    st = stage._Stage()
    det = st.detect(doc)
    on.setattr(stage, "MAPPING_OPENS_SPANS", True)

    def spans() -> set[tuple[int, int]]:
        return {(c.start, c.end) for c in st.candidates(doc, det) if c.source == stage.PHRASE_RULE}

    places = {(m.start(), m.start() + len("after that")) for m in _finditer(text, "after that")}
    assert spans() == places
    on.setattr(spp, "PAIR_OPENS_SPANS", True)
    assert places < spans()
    on.setattr(spp, "PAIR_MAPPINGS", False)
    assert not places & spans()


def _finditer(text: str, form: str):  # type: ignore[no-untyped-def]
    import re

    return re.finditer(re.escape(form), text)
