"""The term windows' unit relaxation (repair.score.collocation.UNIT_RELAX, off by default).

A paper mill writes common synonyms inside a term ("sensor webs" for "sensor networks"):
the window is declined only because the written word is common.  With the flag on, a
two-word window whose restored pair the book counts know as a strong unit and whose
written pair they never saw is applied in a document of formal style.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from repair.document import Document
from repair.score import collocation as score
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


def test_off_by_default() -> None:
    assert score.UNIT_RELAX is False
    assert ("webs", "networks") not in _edits(MILL)


def test_on_restores_the_term(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(score, "UNIT_RELAX", True)
    assert ("webs", "networks") in _edits(MILL)


def test_declined_only_for_the_common_word() -> None:
    (d,) = [d for d in _decisions(MILL) if d.restoration.written == ("sensor", "webs")]
    assert not d.applied and d.reasons == ("common_written",)
    assert score.unit_window(d.restoration)


def test_needs_formal_style_and_density(monkeypatch: pytest.MonkeyPatch) -> None:
    decisions = _decisions(MILL)
    monkeypatch.setattr(score, "UNIT_RELAX", True)
    assert score.unit_relax(decisions, False, 60) == decisions
    relaxed = score.unit_relax(decisions, True, 60)
    assert any(d.applied and d.restoration.written == ("sensor", "webs") for d in relaxed)
    monkeypatch.setattr(score, "UNIT_MIN_PER_1000", 12.0)
    assert score.unit_relax(decisions, True, 1000) == decisions  # one window in 1,000 words


def test_a_written_pair_the_book_counts_know_is_no_unit_window() -> None:
    (d,) = [d for d in _decisions(MILL) if d.restoration.written == ("sensor", "webs")]
    r = d.restoration
    assert not score.unit_window(replace(r, written=("sensor", "data")))
    assert not score.unit_window(replace(r, lm_gain=score.UNIT_MIN_GAIN - 0.5))
    assert not score.unit_window(replace(r, context_gain=score.UNIT_MIN_CONTEXT_GAIN - 0.5))
