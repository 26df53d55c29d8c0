"""Session 50 (spinphrase50): the document mappings of ``repair.candidates.spin_phrase_self``
chosen among originals the document does not write (``UNWRITTEN_FIRST``), with a right-side
floor of -1 nat (``RIGHT_FLOOR``) and spans of three words or more (``MIN_WORDS``);
``repair.stages.spin.PHRASE_SELF_GATE`` ships on (benchmarks/RESULTS.md, "Session 50,
spinphrase")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import repair.candidates.spin_phrase_self as sps
import repair.stages.spin as stage
from repair import repair_text
from repair.candidates.spin_phrase import phrase_evidence
from repair.detect import wordy
from repair.document import Document

#: "with regard to" twice where "about" and "on" fit about equally at each place, and the
#: text writes "on" (and "of") itself several times: a spinner's form of "on" would have
#: left no "on" behind.
NEAR_TIE = (
    "The minister made a statement with regard to the issue. Questions were raised with "
    "regard to the role of the agency in the case. The chairman of the committee of inquiry "
    "was silent on the matter of the report on the state of the industry."
)
#: From tests/test_spin_phrase_self44.py: three places, "about" clearly best.
SPUN = (
    "We know very little with regard to his past. She wrote a book with regard to him last "
    "year, and he never spoke with regard to her again. The reviews were kind."
)
RESTORED = (
    "We know very little about his past. She wrote a book about him last year, and he never "
    "spoke about her again. The reviews were kind."
)


@pytest.fixture
def unlisted(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """ "with regard to" taken out of the wordy list (as ``spin_eval.py --unlisted`` does)."""
    monkeypatch.delitem(wordy.FUNCTION_PHRASES, "with regard to")
    wordy._pattern.cache_clear()
    monkeypatch.setattr(wordy, "_last_scan", ("", []))
    yield
    wordy._pattern.cache_clear()


def _mappings(text: str) -> list[sps.DocumentMapping]:
    doc = Document(text)
    return sps.document_mappings(doc, phrase_evidence(doc, set()), set())


def test_originals_the_document_writes_are_not_ranked(monkeypatch: pytest.MonkeyPatch) -> None:
    (m,) = _mappings(NEAR_TIE)
    assert (m.written, m.original, len(m.places)) == ("with regard to", "about", 2)
    # session 44's order: "on" (written three times) within 2 nats of "about": no mapping
    monkeypatch.setattr(sps, "UNWRITTEN_FIRST", False)
    assert _mappings(NEAR_TIE) == []


def test_span_shorter_than_min_words_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(_mappings(SPUN)) == 1
    monkeypatch.setattr(sps, "MIN_WORDS", 4)
    assert _mappings(SPUN) == []


def test_right_floor_is_read_at_every_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sps, "RIGHT_FLOOR", 50.0)
    assert _mappings(SPUN) == []


@pytest.mark.usefixtures("unlisted")
def test_restored_by_the_shipped_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    assert repair_text(SPUN).text == RESTORED
    monkeypatch.setattr(stage, "PHRASE_SELF_GATE", False)
    assert repair_text(SPUN).text == SPUN


def test_shipped_settings() -> None:
    assert stage.PHRASE_SELF_GATE is True
    assert stage.PHRASE_SELF_OPEN is False
    assert (sps.UNWRITTEN_FIRST, sps.RIGHT_FLOOR, sps.MIN_WORDS) == (True, -1.0, 3)
