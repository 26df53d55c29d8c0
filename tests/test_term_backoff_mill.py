"""A mill document's own term windows applied (issue 11, session 65, spinmill).

``repair.score.term_backoff.MILL_GATED``: where session 59's tortured term windows mark a
formal document as a paper mill's product (``repair.score.mill_windows.opens``), the
collocation stage's term windows declined only for their commoner written word, with the
context asking for the term and the written pair unassociated
(``term_backoff.eligible``), are applied there ("a large console telescope" -> "a large
radio telescope"); its clean original stays clean, a speech holding the same window is
not opened, and nothing is read with the flag off.  Shipped off: a clean test abstract's
own window ("repeated pressure changes") opens the gate (benchmarks/RESULTS.md, session 65)."""

from __future__ import annotations

import pytest

from repair import repair_text
from repair.document import Document
from repair.score import term_backoff

#: dev abstract 20 of benchmarks/spin_sim/abstracts.py through the simulated mill
#: (benchmarks/spin_sim/mill.py)
MILL_GALAXY = (
    "Many galaxies fold a massive black hole at their centre. We use trendy cracks from a large "
    "console telescope to measure the motion of gas near the essence of a nearby galaxy. The "
    "data show that the gas moves tighter than expected from the visible stars sole, which "
    "requires a black hole with a material of about one billion drains. We compare this "
    "estimate with earlier ones and survey the sources of uncertainty.\n"
)
CLEAN_GALAXY = (
    "Many galaxies contain a massive black hole at their centre. We use new observations from a "
    "large radio telescope to measure the motion of gas near the centre of a nearby galaxy. The "
    "data show that the gas moves faster than expected from the visible stars alone, which "
    "requires a black hole with a mass of about one billion suns. We compare this estimate with "
    "earlier ones and discuss the sources of uncertainty.\n"
)


def _restored(text: str) -> set[tuple[str, str]]:
    return {(e.original.lower(), e.replacement.lower()) for e in repair_text(text).edits}


def test_ships_off_and_off_reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert term_backoff.MILL_GATED is False
    monkeypatch.setattr(term_backoff, "MILL_GATED", False)
    assert not term_backoff.mill_open(Document(MILL_GALAXY))
    assert ("console", "radio") not in _restored(MILL_GALAXY)


def test_on_applies_the_mill_documents_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(term_backoff, "MILL_GATED", True)
    assert term_backoff.mill_open(Document(MILL_GALAXY))
    assert ("console", "radio") in _restored(MILL_GALAXY)


def test_on_applies_the_sensor_webs_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """tests/test_collocation_unit.py's mill sentence: declined for its common written word
    with every other flag off, applied where the document is a mill's."""
    from tests.test_collocation_unit import MILL, _edits

    monkeypatch.setattr(term_backoff, "MILL_GATED", False)
    assert ("webs", "networks") not in _edits(MILL)
    monkeypatch.setattr(term_backoff, "MILL_GATED", True)
    assert ("webs", "networks") in _edits(MILL)


def test_on_keeps_the_clean_original_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(term_backoff, "MILL_GATED", True)
    assert not term_backoff.mill_open(Document(CLEAN_GALAXY))
    assert repair_text(CLEAN_GALAXY).text == CLEAN_GALAXY


def test_a_speech_is_not_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same window in a text that addresses its audience (session 58's address cue)."""
    monkeypatch.setattr(term_backoff, "MILL_GATED", True)
    speech = MILL_GALAXY.replace("We compare", "We must act: our nation shall compare")
    assert not term_backoff.mill_open(Document(speech))
    assert ("console", "radio") not in _restored(speech)
