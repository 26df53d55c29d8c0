"""A term window declined only for its commoner written word, applied when its context asks
for the term (repair.score.term_backoff.TERM_BACKOFF, off by default).

"sensor webs" is declined by repair.score.collocation.decide only for ``common_written``;
with the flag on it is restored.  The flag stays off: honest formal prose carries the same
evidence (session 53, spintort: spin calibration 0.091 -> 0.630 changed tokens per 1,000).
"""

from __future__ import annotations

import pytest

from repair.document import Document
from repair.score import collocation as score
from repair.score import term_backoff
from repair.stages.collocation import STAGE

MILL = (
    "We study how sensor webs can be deployed in remote areas. The nodes measure "
    "temperature and send the results to a base station. Our method reduces the energy "
    "used by each node and extends the lifetime of the network."
)


def _edits(text: str) -> list[tuple[str, str]]:
    doc = Document(text)
    d = STAGE.detect(doc)
    return [(e.original, e.replacement) for e in STAGE.score(doc, d, STAGE.candidates(doc, d))]


def _decisions(text: str) -> list[score.Decision]:
    from repair.detect import collocation as detect
    from repair.detect.science import is_scientific
    from repair.score import science

    doc = Document(text)
    sci = is_scientific(doc)
    found = detect.find(
        doc, science=sci, max_zipf=science.MAX_ZIPF if sci else detect.MAX_SPUN_ZIPF
    )
    return score.decide(found)


def _window(text: str, written: tuple[str, ...]) -> score.Decision:
    (d,) = [d for d in _decisions(text) if d.restoration.written == written]
    return d


def test_off_by_default() -> None:
    assert term_backoff.TERM_BACKOFF is False
    assert ("webs", "networks") not in _edits(MILL)


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
    assert term_backoff.relax(decided) is decided


def test_relax_applies_when_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(term_backoff, "TERM_BACKOFF", True)
    out = term_backoff.relax(_decisions(MILL))
    (d,) = [d for d in out if d.restoration.written == ("sensor", "webs")]
    assert d.applied and d.reasons == ()
