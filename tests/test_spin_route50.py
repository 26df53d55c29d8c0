"""A document the shipped spin model keeps shut is still routed to the any-rank model where
its forms recur only as spin (issue 11, session 50, spinroute: repair/score/spin_route.py
``SHUT_CONSISTENT``; benchmarks/RESULTS.md "Session 50, spinroute")."""

from __future__ import annotations

import pytest

from repair.config import RepairConfig
from repair.document import Document
from repair.score import spin_route
from repair.score.spin_evidence import WordEvidence

#: As shipped (read before any test patches it).
SHIPPED = spin_route.SHUT_CONSISTENT
NO_PROFILE = RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None)


def _rows(text: str, pairs: dict[str, str], gain: float = 8.0) -> list[WordEvidence]:
    """One high-evidence row at every place of each written form of ``pairs`` in ``text``."""
    out, pos = [], 0
    for word in text.split():
        start = text.index(word, pos)
        pos = start + len(word)
        bare = word.strip(".,").lower()
        if bare in pairs:
            out.append(
                WordEvidence(start, start + len(bare), bare, pairs[bare], gain, 1.0, 3.0, 3, 2.0)
            )
    return out


#: Three common written words sharing no WordNet synset with their originals, each at two
#: places, every place a high-evidence row proposing the same original.
PAIRS = {"table": "bought", "river": "speak", "window": "start"}
TEXT = (
    "The table stood by the river. A window was open. Later the table, the river and the "
    "window were gone."
)


def test_shipped_setting() -> None:
    assert SHIPPED == 3


def test_every_place_forms_counts_forms_that_are_spin_wherever_they_stand() -> None:
    doc = Document(TEXT, config=NO_PROFILE)
    words = [t.text for t in doc.words]
    rows = _rows(TEXT, PAIRS)
    assert spin_route.every_place_forms(rows, words) == 3
    # a form also written once where no row reads it is an honest repeated word
    assert spin_route.every_place_forms(rows, [*words, "table"]) == 2
    # two originals for one form: no fixed mapping
    mixed = [r if r.start != rows[0].start else _rows("table", {"table": "chair"})[0] for r in rows]
    assert spin_route.every_place_forms(mixed, words) == 2
    # rows under the high-evidence bars do not count
    assert spin_route.every_place_forms(_rows(TEXT, PAIRS, gain=1.0), words) == 0


@pytest.fixture
def shut(monkeypatch: pytest.MonkeyPatch) -> None:
    """The routing rule as shipped (cue, open-only, first-sense veto), with the shipped
    model's document score kept under its gate."""
    monkeypatch.setattr(spin_route, "ANY_RANK_ROUTE", 0.4)
    monkeypatch.setattr(spin_route, "OPEN_ONLY", True)
    monkeypatch.setattr(spin_route, "FIRST_SENSE_VETO", 0.2)
    monkeypatch.setattr(spin_route, "_doc_score", lambda *a: 0.0)


@pytest.mark.usefixtures("shut")
def test_a_shut_document_with_every_place_forms_is_routed(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(TEXT, config=NO_PROFILE)
    rows = _rows(TEXT, PAIRS)
    assert len(rows) == 6 >= spin_route.MIN_FLAGGED
    monkeypatch.setattr(spin_route, "SHUT_CONSISTENT", None)
    assert spin_route.route(doc, rows, 0.0, 0.0)["route"] is False  # open-only keeps it shut
    monkeypatch.setattr(spin_route, "SHUT_CONSISTENT", 3)
    verdict = spin_route.route(doc, rows, 0.0, 0.0)
    assert verdict["route"] is True and verdict["every_place"] == 3
    # one form also standing where nothing reads it: two forms, under the bar
    doc2 = Document(TEXT + " Set the table.", config=NO_PROFILE)
    verdict = spin_route.route(doc2, _rows(TEXT, PAIRS), 0.0, 0.0)
    assert verdict["route"] is False and verdict["every_place"] == 2
    # the built-in profile firing still keeps the shipped model
    assert spin_route.route(doc, rows, 0.0, 0.9)["route"] is False
