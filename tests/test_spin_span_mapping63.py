"""Session 63 (spinbot63): a restored multi-word mapping carried to the span's other places."""

from __future__ import annotations

import pytest

import repair.candidates.spin_phrase as spin_phrase
import repair.score.spin_span_mapping as sm
from repair.candidates.spin_phrase import Rival
from repair.document import Document
from repair.score.spin import score_spin
from repair.types import Candidate, Edit

TEXT = (
    "Their main interests were music and art. Later their main interests turned to sport. "
    "Her main interest was always the sea. The main interests of the town were trade."
)
SPAN = "main interests"


def _starts(span: str = SPAN) -> list[int]:
    out, k = [], TEXT.find(span)
    while k >= 0:
        out.append(k)
        k = TEXT.find(span, k + 1)
    return out


def _edit(start: int, span: str = SPAN, original: str = "things") -> Edit:
    return Edit(start, len(span), span, original, "spin", 0.9, sm.RULE)


def _row(start: int, span: str = SPAN, original: str = "things", gain0: float = 6.0) -> Candidate:
    feats = {"gain0": gain0, "left_gain": 3.0, "right_gain": 3.0, "wordnet": False}
    return Candidate(start, start + len(span), original, "spin", sm.RULE, feats)


@pytest.fixture
def doc() -> Document:
    return Document(TEXT)


@pytest.fixture(autouse=True)
def _shipped(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for name, value in (
        ("SPAN_MAPPING", True),
        ("INFLECTED", True),
        ("REPICK", True),
        ("PLAIN_WRITTEN", True),
        ("ROUTED_ONLY", False),
    ):
        monkeypatch.setattr(sm, name, value)


def test_shipped_setting() -> None:
    import importlib

    fresh = importlib.reload(sm)
    assert fresh.SPAN_MAPPING and fresh.INFLECTED and fresh.REPICK and fresh.PLAIN_WRITTEN
    assert not fresh.ROUTED_ONLY


def test_a_restored_span_carries_only_with_the_flag(doc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, b, c = _starts()
    rows = [_row(a), _row(b), _row(c)]
    edits = [_edit(a)]
    got = sm.mapped_spans(doc, rows, edits)
    # the restored place itself lies under its edit: only the other places are carried
    assert [r.start for r in got] == [b, c]
    assert got[0].features[sm.FEATURE] == "main interests -> things"
    monkeypatch.setattr(sm, "SPAN_MAPPING", False)
    assert sm.mapped_spans(doc, rows, edits) == []
    # no span restored anywhere: nothing to carry
    monkeypatch.setattr(sm, "SPAN_MAPPING", True)
    assert sm.mapped_spans(doc, rows, []) == []


def test_the_inflections_of_a_restored_span(doc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a = _starts()[0]
    (one,) = _starts("main interest was")
    rows = [_row(one, "main interest", "thing")]
    got = sm.mapped_spans(doc, rows, [_edit(a)])
    assert [r.start for r in got] == [one]
    monkeypatch.setattr(sm, "INFLECTED", False)
    assert sm.mapped_spans(doc, rows, [_edit(a)]) == []
    assert sm.inflection_of("main interest", "thing", ("main interests", "things"))
    assert not sm.inflection_of("main interest", "matter", ("main interests", "things"))


def test_another_original_is_repicked_from_the_span_readings(doc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, b, _c = _starts()
    rows = [_row(b, original="matters")]
    readings = [
        Rival("matters", 7.0, 4.0, 3.0, 0.5, 1.0, 1.0, False),
        Rival("things", 6.5, 3.5, 3.0, 0.6, 1.0, 1.0, False),
    ]
    monkeypatch.setattr(spin_phrase, "span_readings", lambda *_a, **_k: readings)
    got = sm.mapped_spans(doc, rows, [_edit(a)])
    assert [(r.start, r.replacement) for r in got] == [(b, "things")]
    assert got[0].features["gain0"] == 6.5 and got[0].features["repicked"]
    monkeypatch.setattr(sm, "REPICK", False)
    assert sm.mapped_spans(doc, rows, [_edit(a)]) == []
    # a mapping the span's readings do not hold is not made up
    monkeypatch.setattr(sm, "REPICK", True)
    monkeypatch.setattr(spin_phrase, "span_readings", lambda *_a, **_k: readings[:1])
    assert sm.mapped_spans(doc, rows, [_edit(a)]) == []


def test_not_where_the_document_writes_the_original_as_often(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = "for me, in behalf of you, for them, in behalf of us, for all of them."
    doc = Document(text)
    a = text.find("in behalf of")
    b = text.find("in behalf of", a + 1)
    rows = [_row(a, "in behalf of", "for"), _row(b, "in behalf of", "for")]
    edits = [_edit(a, "in behalf of", "for")]
    assert sm.mapped_spans(doc, rows, edits) == []  # "for" written 3 times, the span twice
    monkeypatch.setattr(sm, "PLAIN_WRITTEN", False)
    assert [r.start for r in sm.mapped_spans(doc, rows, edits)] == [b]


def test_routed_only(doc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, b, _c = _starts()
    monkeypatch.setattr(sm, "ROUTED_ONLY", True)
    assert sm.mapped_spans(doc, [_row(b)], [_edit(a)], routed=False) == []
    assert len(sm.mapped_spans(doc, [_row(b)], [_edit(a)], routed=True)) == 1


def test_a_carried_edit_names_its_mapping_in_the_evidence(doc) -> None:  # type: ignore[no-untyped-def]
    a, b, _c = _starts()
    (row,) = sm.mapped_spans(doc, [_row(b)], [_edit(a)])
    # the scorer reads the LM in its own round: "their things turned to sport" gains
    (e,) = score_spin(doc, 0.9, [row], gate=False)
    assert (e.offset, e.replacement) == (b, "things")
    assert e.evidence["span_mapping"] == "main interests -> things"


def test_the_stage_carries_a_restored_span_to_its_other_place(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The fair-reading tests' text (tests/test_spin_phrase_fair.py), that reading off: the
    loose source's own bars restore only the second "dish out"; the restored mapping then
    carries to the first."""
    from repair.stages import spin as st

    soup = "Please dish out the soup now. The bank will dish out loans to the poor."
    monkeypatch.setattr(st, "PHRASE_FAIR_RECUR", None)

    def dish_edits() -> list[tuple[int, str, object]]:
        doc = Document(soup)
        det = st.STAGE.detect(doc)
        det.details["family_gate"] = True  # a spin gate open (the short text opens none)
        edits = st.STAGE.score(doc, det, st.STAGE.candidates(doc, det))
        return [
            (e.offset, e.replacement, e.evidence.get("span_mapping"))
            for e in edits
            if "dish" in e.original
        ]

    monkeypatch.setattr(sm, "SPAN_MAPPING", False)
    assert dish_edits() == [(soup.rindex("dish out"), "give", None)]
    monkeypatch.setattr(sm, "SPAN_MAPPING", True)
    assert dish_edits() == [
        (soup.index("dish out"), "give", "dish out -> give"),
        (soup.rindex("dish out"), "give", None),
    ]
