"""Common written words (Zipf >= 5): read a second time only in documents already found
spun, decided by their own learned model (issue 11, repair/score/spin_common.py)."""

from __future__ import annotations

import json

import pytest
from repair.lexicons import LexiconError, read_text

from repair.config import RepairConfig
from repair.document import Document
from repair.pipeline import repair_text
from repair.resources.frequency import zipf
from repair.score.spin import _decide
from repair.score.spin_common import MAX_ZIPF, MIN_ZIPF, common_rows
from repair.score.spin_model import COMMON_FEATURES, FEATURES, MODEL_FILE, get_model, parse_model
from repair.stages.spin import MAX_WRITTEN_ZIPF, STAGE
from repair.types import Candidate

NO_PROFILE = RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None)


def _shipped() -> dict:
    return json.loads(read_text(MODEL_FILE))


def test_common_range_starts_where_the_first_reading_stops() -> None:
    assert MIN_ZIPF == MAX_WRITTEN_ZIPF < MAX_ZIPF
    assert COMMON_FEATURES[: len(FEATURES)] == FEATURES


def test_shipped_common_model_loads() -> None:
    c = get_model().common
    assert c is not None
    assert c.training["fingerprint"]
    assert 0.5 <= c.threshold < 1.0 and 0.0 <= c.gate < 1.0


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda c: c.update(features=c["features"][:-1]), "common.features"),
        (lambda c: c.update(threshold=1.2), "common.threshold"),
        (lambda c: c["training"].pop("fingerprint"), "common.training"),
        (lambda c: c.update(calibration=[]), "common.calibration"),
    ],
)
def test_malformed_common_entry_is_refused(change, message: str) -> None:
    d = _shipped()
    change(d["common"])
    with pytest.raises(LexiconError, match=message):
        parse_model(json.dumps(d))


def test_model_without_common_entry_still_loads() -> None:
    d = _shipped()
    d.pop("common")
    assert parse_model(json.dumps(d)).common is None


def test_common_rows_read_only_common_content_words() -> None:
    text = "The chief said the large group would meet the board near the harbour soon."
    doc = Document(text, config=NO_PROFILE)
    rows = common_rows(doc, set())
    assert rows, "common words with candidates are read"
    for w in rows:
        assert MIN_ZIPF <= zipf(w.written.lower()) < MAX_ZIPF
    assert "harbour" not in {w.written.lower() for w in rows}  # rarer: the first reading's


def test_clean_text_gets_no_common_reading() -> None:
    text = (
        "The council said on Monday that the new library would open in March. "
        "The chief librarian said the building had been planned for a long time, "
        "and that the large reading room would be free for everyone to use."
    )
    det = STAGE.detect(Document(text, config=NO_PROFILE))
    assert det.score < get_model().common.gate  # type: ignore[union-attr]
    assert det.common == () and "common_examined" not in det.details
    out = repair_text(text, config=NO_PROFILE)
    assert out.text == text


def _common(p: float, gain: float) -> str:
    c = Candidate(
        4, 9, "big", "spin", "SPIN_SYNONYM",
        {"model_probability": p, "gain0": gain, "common": True},
    )  # fmt: skip
    return _decide(c, "large", False, "synonym", False, gain, gain, 0)


def test_common_candidates_use_the_common_threshold() -> None:
    c = get_model().common
    assert c is not None
    assert _common(c.threshold + 0.005, 3.0) == ""
    assert _common(c.threshold - 0.005, 3.0) == "weak_evidence"
    assert _common(0.99, -0.1) == "lm_against"


def _seed000() -> str:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    return next((root / "seeds").glob("000_*.txt")).read_text(encoding="utf-8")


def test_spun_document_without_profile_gets_the_common_reading() -> None:
    text = _seed000()
    det = STAGE.detect(Document(text, config=NO_PROFILE))
    assert det.details["common_examined"] == len(det.common) > 0
    assert len(det.common_probs) == len(det.common_features) == len(det.common)
    for w in det.common:
        assert MIN_ZIPF <= zipf(w.written.lower()) < MAX_ZIPF
    edits = [
        e
        for e in repair_text(text, config=NO_PROFILE).edits
        if e.rule == "SPIN_SYNONYM" and e.evidence["zipf_spun"] >= MIN_ZIPF
    ]
    assert edits  # "power" -> "force" with the shipped model
    for e in edits:  # the common model's probability is the confidence, with its reasons
        assert e.evidence["model_probability"] >= get_model().common.threshold  # type: ignore[union-attr]
        assert e.evidence["main_features"]


def test_profile_document_is_not_read_for_common_words() -> None:
    cfg = RepairConfig(mojibake=False, ocr=False, tortured=False)
    det = STAGE.detect(Document(_seed000(), config=cfg))
    assert det.details["profile_score"] >= 0.5
    assert det.common == () and "common_examined" not in det.details


def test_float32_cut_splits_like_scikit_learn() -> None:
    import sys
    from pathlib import Path

    np = pytest.importorskip("numpy")
    pytest.importorskip("sklearn")
    root = Path(__file__).resolve().parent.parent
    sys.path[:0] = [str(root / "scripts"), str(root / "benchmarks")]
    from train_spin_common import float32_cut

    thr = float(np.float32(5.96))  # a midpoint scikit-learn could store for "5.96"
    cut = float32_cut(thr)
    assert not 5.96000014 <= thr  # a float64 comparison with thr itself would differ here
    for x in (5.96, 5.9599999, 5.96000001, 5.96000014, 5.9601, 5.959):
        assert (x <= cut) == (np.float32(x) <= thr)
