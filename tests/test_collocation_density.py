"""The term windows' density gate (repair.score.collocation.TERM_DENSITY_GATE, issue 11).

One strong-term window in a long clean text ("the country's biggest oil refiner") is no
spinner's pattern: a spinner spins a whole text at a rate.  With the gate on, a document
whose passing windows are fewer than MIN_TERMS_PER_1000 distinct written words per 1,000
words keeps them as written; a short spun text keeps its restoration.
"""

from __future__ import annotations

import pytest

from repair.document import Document
from repair.score import collocation as score
from repair.stages.collocation import STAGE

TERM = (
    "The country's biggest oil refiner says it will not be offering incentives to "
    "farmers this season."
)
FILLER = (
    "The weather has been dry across the region for most of the year, and the farmers "
    "in the district say they are waiting for rain before they plant the next crop. "
    "Prices at the local market have held steady over the past month, and the council "
    "has said it will review the water charges at its next meeting in the town hall. "
)
LONG = TERM + "\n\n" + "\n\n".join([FILLER] * 6)
SHORT = "We measured the voltaic conductivity of the films."


def _edits(text: str) -> list[tuple[str, str]]:
    doc = Document(text)
    d = STAGE.detect(doc)
    return [(e.original, e.replacement) for e in STAGE.score(doc, d, STAGE.candidates(doc, d))]


def test_on_by_default() -> None:
    assert score.TERM_DENSITY_GATE is True


def test_one_window_in_a_long_clean_text_is_kept() -> None:
    assert len(LONG.split()) * score.MIN_TERMS_PER_1000 / 1000 > 1
    assert ("refiner", "filter") not in _edits(LONG)


def test_off_the_lone_window_is_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(score, "TERM_DENSITY_GATE", False)
    assert ("refiner", "filter") in _edits(LONG)


def test_a_short_text_keeps_its_restoration() -> None:
    assert ("voltaic", "electrical") in _edits(SHORT)


def test_sparse_declines_with_its_reason() -> None:
    from repair.detect import collocation as detect

    doc = Document(SHORT)
    found = detect.find(doc)
    assert any(d.applied for d in score.decide(found, len(doc.words)))
    sparse = score.decide(found, 1000)
    assert not any(d.applied for d in sparse)
    assert any(d.reasons == ("sparse",) for d in sparse)
    assert score.decide(found, 0) == score.decide(found)


def test_a_recurring_window_of_a_strong_term_is_kept() -> None:
    from dataclasses import replace

    from repair.detect import collocation as detect

    doc = Document(SHORT)
    (d,) = [d for d in score.decide(detect.find(doc), len(doc.words)) if d.applied]
    strong = replace(d.restoration, term=replace(d.restoration.term, pmi=score.SPARSE_KEEP_PMI))
    weak = replace(d.restoration, term=replace(d.restoration.term, pmi=score.SPARSE_KEEP_PMI - 1))
    for r, kept in ((strong, True), (weak, False)):
        decision = score.Decision(r, True, d.confidence, (), True)
        (out,) = score._sparse([decision], 1000, 0)
        assert out.applied is kept
    # the spans earlier steps restored count as restorations of the document
    (out,) = score._sparse([score.Decision(weak, True, d.confidence, (), False)], 1000, 3)
    assert out.applied
