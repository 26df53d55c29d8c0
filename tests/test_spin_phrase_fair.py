"""Written multi-word spans: read under a shut profile, and recurring mappings restored on
length-fair evidence (repair/stages/spin.py: _phrase_rows, _fair_mappings, _phrase_kept)."""

from __future__ import annotations

import pytest

from repair.candidates.spin_phrase import PhraseEvidence
from repair.document import Document
from repair.score import spin_span_mapping
from repair.stages import spin as st

DISH = "The firm was set to dish out bonuses this year. The bank will dish out loans to the poor."
#: "Please dish out": the right side a little against "give" (-0.5), so the mapping is no
#: habit of :func:`repair.stages.spin._recurring`, and the loose source's bars decline it
SOUP = "Please dish out the soup now. The bank will dish out loans to the poor."
EARLIER = "The council met earlier than the vote and agreed on the budget for the town."


def _phrases(text: str) -> tuple[Document, list[PhraseEvidence]]:
    doc = Document(text)
    return doc, list(st.STAGE.detect(doc).phrases)


@pytest.fixture(autouse=True)
def _fair_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading ships off (PHRASE_FAIR_RECUR None): the tests turn it on."""
    monkeypatch.setattr(st, "PHRASE_FAIR_RECUR", 2)


def _ev(start: int, written: str, original: str, gain: float = 8.0) -> PhraseEvidence:
    return PhraseEvidence(start, start + len(written), written, original, gain, 3.0, 0.5)


def test_a_span_under_a_shut_profile_is_read_but_not_counted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = Document(EARLIER)
    occ = st.STAGE.occurrences(doc)
    at = EARLIER.index("earlier than")
    assert any(o.start == at and o.rule in ("SPIN_PAIR", "SPIN_PHRASE") for o in occ)
    rows, counted = st._phrase_rows(doc, occ, 0.0)  # the profile's gate shut
    assert [(p.written, p.original) for p in rows if p.start == at] == [("earlier than", "before")]
    assert not any(p.start == at for p in counted)  # the document score does not move
    rows, counted = st._phrase_rows(doc, occ, 1.0)  # open: the profile row decides
    assert not any(p.start == at for p in rows) and rows == counted
    monkeypatch.setattr(st, "PHRASES_SHUT_PROFILE", False)
    rows, _ = st._phrase_rows(doc, occ, 0.0)
    assert not any(p.start == at for p in rows)


def test_shut_profile_spans_counted_only_with_the_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(EARLIER)
    occ = st.STAGE.occurrences(doc)
    monkeypatch.setattr(st, "PHRASES_SHUT_COUNT", True)
    rows, counted = st._phrase_rows(doc, occ, 0.0)
    assert rows == counted and any(p.written == "earlier than" for p in counted)


def test_fair_mappings_recur_and_the_original_is_rarer_than_the_span() -> None:
    doc, phrases = _phrases(DISH)
    assert ("dish out", "give") in st._fair_mappings(doc, phrases)
    # once is not a habit
    one = "The firm was set to dish out bonuses this year. The bank lends to the poor."
    assert st._fair_mappings(*_phrases(one)) == set()
    # an author's phrase beside the plain word: "for" written more often than the span
    text = "In behalf of the town we thank you. In behalf of all of us, for you, for them, for me."
    doc = Document(text)
    evs = [_ev(0, "In behalf of", "for"), _ev(text.index("In behalf", 5), "In behalf of", "for")]
    assert st._fair_mappings(doc, evs) == set()
    assert st._fair_mappings(Document(text.replace("for ", "to ")), evs) == {
        ("in behalf of", "for")
    }


def test_fair_mappings_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(st, "PHRASE_FAIR_RECUR", None)
    assert st._fair_mappings(*_phrases(DISH)) == set()


def test_a_recurring_mapping_is_kept_on_length_fair_evidence() -> None:
    doc, phrases = _phrases(DISH)
    first = next(p for p in phrases if p.written == "dish out" and p.gain < 10.0)
    assert first.original == "give" and first.gain - first.context >= st.PHRASE_FAIR_UNI
    assert not st._phrase_kept(st._phrase_candidate(first))  # under the loose source's bar
    c = st._phrase_candidate(first, False, True)
    assert c.features["unconditioned"] == pytest.approx(first.gain - first.context)
    assert st._phrase_kept(c)


@pytest.mark.parametrize(
    ("feature", "value"),
    [
        ("gain0", 5.9),
        ("margin", 0.9),
        ("unconditioned", 5.9),
        ("right_gain", -2.1),
        ("context", -1.1),
    ],
)
def test_each_fair_floor_declines(feature: str, value: float) -> None:
    _doc, phrases = _phrases(DISH)
    first = next(p for p in phrases if p.written == "dish out" and p.gain < 10.0)
    c = st._phrase_candidate(first, False, True)
    c.features[feature] = value
    assert not st._phrase_kept(c)


def test_the_stage_marks_recurring_spans_where_a_gate_is_open() -> None:
    doc = Document(SOUP)
    det = st.STAGE.detect(doc)
    det.details["family_gate"] = True  # a spin gate open (the short text opens none)
    spans = [c for c in st.STAGE.candidates(doc, det) if c.source == st.PHRASE_RULE]
    dish = [c for c in spans if SOUP[c.start : c.end] == "dish out"]
    assert len(dish) == 2 and all(c.features.get("fair_recurring") for c in dish)
    assert not st._recurring(det.phrases)
    edits = st.STAGE.score(doc, det, st.STAGE.candidates(doc, det))
    assert [(SOUP[e.offset : e.end], e.replacement) for e in edits if "dish" in e.original] == [
        ("dish out", "give"),
        ("dish out", "give"),
    ]


def test_the_stage_leaves_them_without_the_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(st, "PHRASE_FAIR_RECUR", None)
    # session 63's span mapping would carry the second place's restoration to the first
    # (tests/test_spin_span_mapping63.py): this test reads the fair reading alone
    monkeypatch.setattr(spin_span_mapping, "SPAN_MAPPING", False)
    doc = Document(SOUP)
    det = st.STAGE.detect(doc)
    det.details["family_gate"] = True
    edits = st.STAGE.score(doc, det, st.STAGE.candidates(doc, det))
    # only the second place, on the loose source's own bars
    assert [e.offset for e in edits if "dish" in e.original] == [SOUP.rindex("dish out")]
