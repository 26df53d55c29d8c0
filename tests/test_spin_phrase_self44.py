"""A recurring written span read once for the document (``repair.candidates.spin_phrase_self``,
``repair.stages.spin.PHRASE_SELF_GATE``; benchmarks/RESULTS.md, "Session 44, spinphrase44")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import repair.candidates.spin_phrase_self as sps
import repair.stages.spin as stage
from repair import repair_text
from repair.candidates.spin_phrase import phrase_evidence
from repair.detect import wordy
from repair.document import Document

#: "about" written three times as "with regard to", in contexts where "about" fits both sides.
SPUN = (
    "We know very little with regard to his past. She wrote a book with regard to him last "
    "year, and he never spoke with regard to her again. The reviews were kind."
)
RESTORED = (
    "We know very little about his past. She wrote a book about him last year, and he never "
    "spoke about her again. The reviews were kind."
)


def _mappings(text: str) -> list[sps.DocumentMapping]:
    doc = Document(text)
    return sps.document_mappings(doc, phrase_evidence(doc, set()), set())


def test_recurring_span_read_once_for_the_document() -> None:
    (m,) = _mappings(SPUN)
    assert (m.written, m.original, len(m.places)) == ("with regard to", "about", 3)
    assert m.mean_gain >= sps.MIN_MEAN_GAIN and m.lead >= sps.MIN_LEAD


@pytest.fixture
def unlisted(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """ "with regard to" taken out of the wordy list (as ``spin_eval.py --unlisted`` does)."""
    monkeypatch.delitem(wordy.FUNCTION_PHRASES, "with regard to")
    wordy._pattern.cache_clear()
    monkeypatch.setattr(wordy, "_last_scan", ("", []))
    yield
    wordy._pattern.cache_clear()


@pytest.mark.usefixtures("unlisted")
def test_restored_at_every_place_only_with_the_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stage, "PHRASE_SELF_GATE", False)
    assert repair_text(SPUN).text == SPUN  # no other spin gate opens here
    monkeypatch.setattr(stage, "PHRASE_SELF_GATE", True)
    assert repair_text(SPUN).text == RESTORED


def test_a_listed_wordy_form_is_left_to_the_collocation_stage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # its density gate counts the list's forms in the text the spin stage leaves
    monkeypatch.setattr(stage, "PHRASE_SELF_GATE", True)
    assert not any(e.rule == stage.PHRASE_RULE for e in repair_text(SPUN).edits)


def test_span_written_once_is_not_read() -> None:
    assert _mappings("We know very little with regard to his past. The reviews were kind.") == []


def test_original_the_document_writes_is_not_restored() -> None:
    text = SPUN + " Nobody asked about it, and nobody wrote about them."
    assert _mappings(text) == []


def test_too_few_places_by_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sps, "MIN_PLACES", 4)
    assert _mappings(SPUN) == []


def test_content_original_is_not_a_document_mapping(monkeypatch: pytest.MonkeyPatch) -> None:
    # a topic's compound read as a content word ("fiscal year" -> "day") is no wordy paraphrase
    monkeypatch.setattr(sps, "closed_class", lambda word: False)
    assert _mappings(SPUN) == []


def test_ships_on_since_session_50() -> None:
    # session 44: off (the clean calibration rose, 0.094 -> 0.099); session 50 (spinphrase50):
    # on with spans of three words or more (tests/test_spin_phrase_self50.py)
    assert stage.PHRASE_SELF_GATE is True
