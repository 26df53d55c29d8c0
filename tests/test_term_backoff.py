"""A term window declined only for its commoner written word, applied when its context asks
for the term (repair.score.term_backoff.TERM_BACKOFF, off by default), and the same windows
applied only where a document holds many of them per 1,000 words (RATE_GATED, session 54).

"sensor webs" is declined by repair.score.collocation.decide only for ``common_written``;
with the flag on it is restored.  The flag stays off: honest formal prose carries the same
evidence (session 53, spintort: spin calibration 0.091 -> 0.630 changed tokens per 1,000).
"""

from __future__ import annotations

import pytest

from repair.document import Document
from repair.score import collocation as score
from repair.score import term_backoff
from tests.test_collocation_unit import MILL, _decisions, _edits


def _window(text: str, written: tuple[str, ...]) -> score.Decision:
    (d,) = [d for d in _decisions(text) if d.restoration.written == written]
    return d


#: The mill sentence's window in a longer text of plain town news: one eligible window in
#: 165 words (6 per 1,000), under the rate bar.
FILLER = (
    "The town council met on Tuesday evening to discuss the new library. Members agreed that "
    "the building should open next spring and that the old hall would be sold. Residents "
    "asked for longer opening hours and more parking near the main road. "
) * 3


def test_off_by_default() -> None:
    assert term_backoff.TERM_BACKOFF is False
    assert ("webs", "networks") not in _edits(MILL)


def test_rate_gate_off_by_default() -> None:
    assert term_backoff.RATE_GATED is False
    assert ("webs", "networks") not in _edits(MILL)


def test_rate_gate_reads_a_dense_short_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """One eligible window in 40 words (25 per 1,000) is applied, the other flag off."""
    monkeypatch.setattr(term_backoff, "RATE_GATED", True)
    assert term_backoff.TERM_BACKOFF is False
    assert ("webs", "networks") in _edits(MILL)


def test_rate_gate_keeps_a_sparse_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(term_backoff, "RATE_GATED", True)
    text = MILL + " " + FILLER
    n = len(Document(text).words)
    decided = _decisions(text)
    assert sum(term_backoff.eligible(d) for d in decided) == 1
    assert 1000.0 / n < term_backoff.MIN_PER_1000
    assert not term_backoff.rate_open(decided, n)
    assert ("webs", "networks") not in _edits(text)


def test_rate_open_needs_the_flag_and_a_word_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(term_backoff, "RATE_GATED", True)
    decided = _decisions(MILL)
    n = len(Document(MILL).words)
    assert term_backoff.rate_open(decided, n)
    assert not term_backoff.rate_open(decided, None)
    assert not term_backoff.rate_open([d for d in decided if not term_backoff.eligible(d)], n)
    monkeypatch.setattr(term_backoff, "RATE_GATED", False)
    assert not term_backoff.rate_open(decided, n)
    assert term_backoff.relax(decided, n) is decided


def test_on_restores_the_term(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(term_backoff, "TERM_BACKOFF", True)
    assert ("webs", "networks") in _edits(MILL)


def test_eligible_only_when_declined_for_the_common_word() -> None:
    d = _window(MILL, ("sensor", "webs"))
    assert not d.applied and d.reasons == ("common_written",)
    assert term_backoff.eligible(d)
    from dataclasses import replace

    assert not term_backoff.eligible(replace(d, reasons=("common_written", "lm_against")))
    assert not term_backoff.eligible(replace(d, applied=True, reasons=()))


def test_relax_keeps_the_list_when_off() -> None:
    decided = _decisions(MILL)
    assert term_backoff.relax(decided) is decided  # no word count: the rate gate stays shut


def test_relax_applies_when_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(term_backoff, "TERM_BACKOFF", True)
    out = term_backoff.relax(_decisions(MILL))
    (d,) = [d for d in out if d.restoration.written == ("sensor", "webs")]
    assert d.applied and d.reasons == ()
