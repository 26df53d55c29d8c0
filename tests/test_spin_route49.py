"""A document read by the any-rank spin model where its rows read as any-rank spin (issue 11,
session 49; repair/score/spin_route.py, benchmarks/RESULTS.md "Session 49, spinany49")."""

from __future__ import annotations

import pytest

from repair.config import RepairConfig
from repair.document import Document
from repair.score import mill_windows, spin_route
from repair.score.spin_evidence import WordEvidence
from repair.score.spin_model import DENSE_MODEL_FILE, get_model, model_of_file, routed
from repair.stages.spin import STAGE

#: The flags as shipped (read before any test patches them).
SHIPPED = (spin_route.ANY_RANK_ROUTE, spin_route.OPEN_ONLY, spin_route.FIRST_SENSE_VETO)
NO_PROFILE = RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None)
#: Dense any-rank spin (a one-click spinner's style: common synonyms of any sense).
SPUN = (
    "The panel will demand a sufficient conversation of the yearly financial plan before "
    "the ballot. Associates contended that the suggestion would harm the connection "
    "between the two divisions and decrease the excellence of community amenities. The "
    "chairperson stated the difficulty was grave and that a cautious evaluation of every "
    "outlay was essential this year."
)


def _row(written: str, original: str, gain: float = 8.0, context: float = 3.0) -> WordEvidence:
    return WordEvidence(0, len(written), written, original, gain, 1.0, context, 3, 2.0)


def test_cue_is_the_share_of_high_evidence_common_rows_sharing_no_synset() -> None:
    rows = [
        _row("purchased", "bought"),  # one WordNet synset at least
        _row("table", "bought"),  # none, and a common word: any-rank spin
        _row("quagmire", "bought"),  # none, but a rare word (the rarest-synonym style)
        _row("chair", "seat", gain=1.0),  # not high-evidence: not counted
        _row("stool", "seat", context=0.5),  # nor this one
    ]
    assert spin_route.any_rank_cue(rows) == (1 / 3, 3)


def test_routed_model_is_read_inside_the_block_only() -> None:
    shipped, dense = get_model(), model_of_file(DENSE_MODEL_FILE)
    assert dense.word != shipped.word
    with routed(dense):
        assert get_model() is dense
        with routed(None):
            assert get_model() is shipped
    assert get_model() is shipped


@pytest.fixture(autouse=True)
def _cue_rule_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cue rule alone: no open-only read, no first-sense veto (a test may set them)."""
    monkeypatch.setattr(spin_route, "OPEN_ONLY", False)
    monkeypatch.setattr(spin_route, "FIRST_SENSE_VETO", None)


def test_shipped_setting() -> None:
    # on, all three (benchmarks/RESULTS.md, "Session 49, spinany49" §7)
    assert SHIPPED == (0.4, True, 0.2)


def test_routing_reads_dense_any_rank_spin_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin_route, "ANY_RANK_ROUTE", 0.4)  # the dev-tuned bar
    det = STAGE.detect(Document(SPUN, config=NO_PROFILE))
    assert det.details[spin_route.KEY]["route"] is True
    clean = (
        "The council said on Monday that the new library would open in March. "
        "The chief librarian said the building had been planned for a long time, "
        "and that the large reading room would be free for everyone to use."
    )
    assert (
        STAGE.detect(Document(clean, config=NO_PROFILE)).details[spin_route.KEY]["route"] is False
    )
    # where the built-in profile fires, the shipped model reads the document
    monkeypatch.setattr(spin_route, "PROFILE_BELOW", 0.0)
    det = STAGE.detect(Document(SPUN, config=NO_PROFILE))
    assert det.details[spin_route.KEY]["route"] is False


def test_off_reads_every_document_with_the_shipped_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin_route, "ANY_RANK_ROUTE", None)
    det = STAGE.detect(Document(SPUN, config=NO_PROFILE))
    assert spin_route.KEY not in det.details
    feats = det.features
    assert list(det.probs) == [get_model().probability(x) if x[0] > 0 else 0.0 for x in feats]


def test_a_routed_document_is_scored_and_decided_by_the_any_rank_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the mill windows' band (session 59) reads this formal document's rows differently
    # under the two models; the test compares the models on the same rows
    monkeypatch.setattr(mill_windows, "MILL_WINDOWS", False)
    doc = Document(SPUN, config=NO_PROFILE)
    monkeypatch.setattr(spin_route, "ANY_RANK_ROUTE", None)
    base = STAGE.detect(doc)
    monkeypatch.setattr(spin_route, "ANY_RANK_ROUTE", 0.0)
    monkeypatch.setattr(spin_route, "MIN_FLAGGED", 0)
    det = STAGE.detect(Document(SPUN, config=NO_PROFILE))
    verdict = det.details[spin_route.KEY]
    assert verdict["route"] is True
    assert det.words == base.words  # the same rows: both models share the ranker
    assert det.probs != base.probs  # read by the other word model
    with routed(model_of_file(DENSE_MODEL_FILE)):
        assert [get_model().probability(x) if x[0] > 0 else 0.0 for x in det.features] == list(
            det.probs
        )
    assert get_model() is not model_of_file(DENSE_MODEL_FILE)  # nothing leaks out
    # a high bar routes nothing
    monkeypatch.setattr(spin_route, "ANY_RANK_ROUTE", 1.01)
    det = STAGE.detect(Document(SPUN, config=NO_PROFILE))
    assert det.details[spin_route.KEY]["route"] is False and det.probs == base.probs


def test_open_only_routes_no_document_the_shipped_model_keeps_shut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(spin_route, "ANY_RANK_ROUTE", 0.4)
    doc = Document(SPUN, config=NO_PROFILE)
    shipped_score = STAGE.detect(doc).details  # routed: the any-rank document score
    assert shipped_score[spin_route.KEY]["route"] is True
    monkeypatch.setattr(spin_route, "OPEN_ONLY", True)
    det = STAGE.detect(Document(SPUN, config=NO_PROFILE))
    monkeypatch.setattr(spin_route, "ANY_RANK_ROUTE", None)
    base = STAGE.detect(Document(SPUN, config=NO_PROFILE))
    opened = base.details["model_score"] >= get_model().doc_gate
    assert det.details[spin_route.KEY]["route"] is opened


def test_word_model_only_keeps_the_shipped_document_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin_route, "ROUTE_DOC", False)
    m = spin_route.model_for({spin_route.KEY: {"route": True}})
    assert m is not None and m.doc == get_model().doc and m.word != get_model().word


def test_first_sense_share_counts_rows_sharing_the_originals_first_sense() -> None:
    rows = [
        _row("purchased", "bought"),  # the original's first sense: what a WordNet spinner writes
        _row("table", "bought"),  # no shared synset
        _row("chair", "seat", gain=1.0),  # not high-evidence: not counted
    ]
    assert spin_route.first_sense_share(rows) == 0.5
    assert spin_route.first_sense_share([]) == 0.0


def test_first_sense_veto_keeps_a_wordnet_sense_document_with_the_shipped_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(spin_route, "ANY_RANK_ROUTE", 0.4)
    det = STAGE.detect(Document(SPUN, config=NO_PROFILE))
    assert det.details[spin_route.KEY]["route"] is True
    share = spin_route.first_sense_share(det.words)
    assert share < 0.2  # any-rank spin: few first-sense rows
    monkeypatch.setattr(spin_route, "FIRST_SENSE_VETO", 0.2)
    det = STAGE.detect(Document(SPUN, config=NO_PROFILE))
    assert det.details[spin_route.KEY]["route"] is True
    assert det.details[spin_route.KEY]["first_sense"] == round(share, 4)
    # a document with as many first-sense rows as the bar is the WordNet-sense spinners'
    monkeypatch.setattr(spin_route, "FIRST_SENSE_VETO", share)
    det = STAGE.detect(Document(SPUN, config=NO_PROFILE))
    assert det.details[spin_route.KEY]["route"] is False
