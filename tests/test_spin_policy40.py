"""The spin word model that reads the document's spin policy (issue 11, session 40).

:data:`repair.score.spin_model.POLICY_FEATURES` are document-level statistics of how the
document was spun (the share of rows with a positive LM gain; over the high-evidence
rows, the written words' Zipf, the originals' Zipf gain, the WordNet synsets they share,
the originals' fanout and the ranker's score), read off the same evidence rows as the
word features' document statistics.  A model file that lists them
(``"policy_features"``, ``scripts/train_spin_model.py --policy``) gets them appended to
every word vector by :func:`repair.score.spin_model.word_features`; the shipped model
does not list them and its vectors are unchanged (benchmarks/RESULTS.md, "Session 40,
spinstyle40").
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest
from repair.lexicons import read_text

from repair.config import RepairConfig
from repair.document import Document
from repair.score import spin_model
from repair.score.spin_common import common_features
from repair.score.spin_model import (
    COMMON_FEATURES,
    FEATURES,
    POLICY_COLUMNS,
    POLICY_FEATURES,
    POLICY_PRIOR,
    policy_features,
    word_features,
)

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "The committee gathered on Tuesday to deliberate the proposal. Members voiced "
    "substantial apprehensions about the expense and the timetable, and the chairman "
    "requested a fresh appraisal before the ballot. The council will convene again in "
    "March to contemplate the revised strategy and its consequence for local inhabitants."
)


def _rows():
    from repair.stages.spin import STAGE, _profile_spans, synonym_evidence

    cfg = RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None)
    doc = Document(TEXT, config=cfg)
    words = synonym_evidence(doc, _profile_spans(STAGE.occurrences(doc)))
    assert len(words) >= 5
    return doc, words


@pytest.fixture
def policy_model(monkeypatch: pytest.MonkeyPatch):
    """The shipped model marked as reading the policy (its trees read only the first
    22 columns: the probabilities do not change, the vectors do)."""
    m = dataclasses.replace(spin_model.get_model(), policy=True)
    monkeypatch.setattr(spin_model, "get_model", lambda: m)
    return m


def test_the_shipped_model_reads_no_policy() -> None:
    assert spin_model.MODEL_FILE == spin_model.SHIPPED_MODEL_FILE
    assert spin_model.get_model().policy is False
    assert "policy_features" not in json.loads(read_text(spin_model.SHIPPED_MODEL_FILE))
    doc, words = _rows()
    assert {len(x) for x in word_features(doc, words, 0.0)} == {len(FEATURES)}


def test_policy_features_shrink_to_the_prior() -> None:
    assert policy_features([]) == [0.0, *POLICY_PRIOR]
    # ten flagged rows: (gain, context, zipf written, zipf original, shared, fanout, rank)
    flagged = [(10.0, 4.0, 2.0, 4.0, 2.0, 3.0, 1.0)] * 10
    weak = [(-1.0, 0.0, 5.0, 5.0, 0.0, 1.0, 0.0)] * 40
    got = policy_features(flagged + weak)
    k, s = 10, spin_model.POLICY_SHRINK
    want = [
        (k * v + s * m) / (k + s)
        for v, m in zip((2.0, 2.0, 2.0, 3.0, 1.0), POLICY_PRIOR, strict=True)
    ]
    assert got[0] == pytest.approx(10 / 50)
    assert got[1:] == pytest.approx(want)


def test_a_policy_model_appends_the_document_policy(policy_model) -> None:
    doc, words = _rows()
    feats = word_features(doc, words, 0.0)
    assert {len(x) for x in feats} == {len(FEATURES) + len(POLICY_FEATURES)}
    tails = {tuple(x[len(FEATURES) :]) for x in feats}
    assert len(tails) == 1  # one policy per document
    # the same as the training path: policy_features of the rows' own columns
    want = policy_features([[x[i] for i in POLICY_COLUMNS] for x in feats])
    assert list(tails.pop()) == pytest.approx(want)
    # a subset of rows reads the policy of the document's rows (doc_rows), not its own
    part = word_features(doc, words, 0.0, doc_rows=words, only=[0, 1])
    assert [x[len(FEATURES) :] for x in part] == [feats[0][len(FEATURES) :]] * 2
    names = policy_model.main_features(feats[0], k=40)
    assert set(names) <= set(FEATURES) | set(POLICY_FEATURES)


def test_the_common_model_reads_no_policy(policy_model) -> None:
    doc, words = _rows()
    rows = common_features(doc, words, words, 0.0, 0.9)
    assert {len(x) for x in rows} == {len(COMMON_FEATURES)}
    assert all(x[-1] == 0.9 for x in rows)


def test_the_file_schema_is_checked() -> None:
    d = json.loads(read_text(spin_model.SHIPPED_MODEL_FILE))
    d["policy_features"] = ["policy_live_share"]
    with pytest.raises(spin_model.LexiconError, match="policy_features"):
        spin_model.parse_model(json.dumps(d))
    d["policy_features"] = list(POLICY_FEATURES)  # the shipped trees are 22 wide: still valid
    assert spin_model.parse_model(json.dumps(d)).policy is True


def test_the_trainer_reads_the_same_policy() -> None:
    pytest.importorskip("numpy")
    pytest.importorskip("sklearn")
    for sub in ("scripts", "benchmarks"):
        if str(ROOT / sub) not in sys.path:
            sys.path.insert(0, str(ROOT / sub))
    pytest.importorskip("spin_sim")
    import numpy as np
    import train_spin_model

    doc, words = _rows()
    X = np.array(word_features(doc, words, 0.0))
    half = len(X) // 2
    docs = np.r_[np.zeros(half, dtype=np.int64), np.ones(len(X) - half, dtype=np.int64)]
    P = train_spin_model.policy_matrix(X, docs)
    for d, rows in ((0, X[:half]), (1, X[half:])):
        want = policy_features(rows[:, list(POLICY_COLUMNS)].tolist())
        assert np.allclose(P[docs == d], want)


def test_the_policy_file_is_off_and_reads_the_policy() -> None:
    name = spin_model.POLICY_MODEL_FILE
    assert name == "spin_policy40.json"
    assert spin_model.MODEL_FILE == spin_model.SHIPPED_MODEL_FILE  # off
    d = json.loads(read_text(name))
    assert d["policy_features"] == list(POLICY_FEATURES)
    assert "--policy" in d["training"]["command"]
    m = spin_model.parse_model(read_text(name))
    assert m.policy and m.common is not None
    # the word trees read the policy columns
    assert isinstance(m.word, spin_model.Trees)
    used = {f for t in m.word.feature for f in t if f >= 0}
    assert used & set(range(len(FEATURES), len(FEATURES) + len(POLICY_FEATURES)))


def test_the_policy_file_loads_and_scores_without_scikit_learn() -> None:
    import subprocess

    code = (
        "import sys; sys.modules['sklearn'] = None; sys.modules['numpy'] = None\n"
        "from repair.lexicons import read_text\n"
        "from repair.score.spin_model import FEATURES, POLICY_FEATURES, parse_model\n"
        "m = parse_model(read_text('spin_policy40.json'))\n"
        "p = m.probability([1.0] * (len(FEATURES) + len(POLICY_FEATURES)))\n"
        "assert 0.0 <= p <= 1.0, p\n"
        "print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr
