"""The candidate ranker retrained on several simulated spinners (issue 11, session 38).

``lexicons/spin_rank38.json`` (``scripts/train_spin_rank38.py``) is a conditional logit on
the same features as the ranker before it, fitted on seven spinners' dev halves (spinbot
and distrib among them) and chosen leave one spinner out; it is shipped off: read with the
shipped spin model when :data:`repair.score.spin_rank.RANKER_FILE` names it; the default
``RANKER_FILE = None`` reads the ranker before session 38 (the ``ranker`` entry of
``spin_model.json``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from repair.lexicons import read_text

from repair.score import spin_model, spin_rank

ROOT = Path(__file__).resolve().parent.parent


def _entry(name: str) -> spin_rank.Ranker | spin_rank.TreeRanker:
    return spin_rank.parse_ranker(json.loads(read_text(name))["ranker"])


def test_the_session_38_ranker_is_read_when_the_flag_names_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert spin_rank.RANKER_FILE is None  # shipped off
    assert spin_rank.get_ranker() == _entry(spin_rank.MODEL_FILE)
    monkeypatch.setattr(spin_rank, "RANKER_FILE", "spin_rank38.json")
    assert spin_rank.get_ranker() == _entry("spin_rank38.json")
    assert spin_rank.get_ranker() != _entry(spin_rank.MODEL_FILE)


def test_the_file_was_fitted_on_spinners_the_old_ranker_never_saw() -> None:
    d = json.loads(read_text("spin_rank38.json"))["ranker"]
    spinners = set(d["training"]["spinners"])
    assert {"spinbot", "distrib", "wordnet", "rare", "double", "seed"} <= spinners
    assert "--balance" in d["training"]["command"] and "--match-old" in d["training"]["command"]
    old = json.loads(read_text(spin_rank.MODEL_FILE))["ranker"]["oof"]["per_spinner"]
    assert "spinbot" not in old and "distrib" not in old


def test_another_model_file_keeps_its_own_ranker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin_rank, "RANKER_FILE", "spin_rank38.json")
    monkeypatch.setattr(spin_model, "MODEL_FILE", spin_model.MODEL_FILE)
    monkeypatch.setattr(spin_rank, "MODEL_FILE", spin_rank.MODEL_FILE)
    try:
        spin_model.use_model_file(spin_model.HELD_SEED_MODEL_FILE)
        assert spin_rank.get_ranker() == _entry(spin_model.HELD_SEED_MODEL_FILE)
    finally:
        spin_model.get_model.cache_clear()
        spin_rank._shipped.cache_clear()
        spin_rank._read.cache_clear()


def _trainer():
    np = pytest.importorskip("numpy")
    pytest.importorskip("scipy")
    for sub in ("scripts", "benchmarks"):
        if str(ROOT / sub) not in sys.path:
            sys.path.insert(0, str(ROOT / sub))
    pytest.importorskip("spin_sim")
    import train_spin_rank38

    return np, train_spin_rank38


def test_ranks_counts_the_gold_place_in_its_group() -> None:
    np, t = _trainer()
    score = np.array([0.1, 0.9, 0.5, 2.0, 1.0, 0.0])
    group = np.array([0, 0, 0, 1, 1, 1])
    y = np.array([True, False, False, False, False, True])
    assert t.ranks(score, group, y).tolist() == [3, 3]
    assert t.top1(score, group, np.array([False, True, False, True, False, False])) == 1.0


def test_the_listwise_fit_ranks_the_gold_first_and_scores_log_odds() -> None:
    np, t = _trainer()
    rng = np.random.default_rng(0)
    n_groups, k = 400, 5
    X = rng.normal(size=(n_groups * k, 3))
    group = np.repeat(np.arange(n_groups), k)
    z = X @ np.array([2.0, -1.0, 0.0])
    y = np.zeros(len(z), dtype=bool)
    for g in range(n_groups):
        y[g * k + int(np.argmax(z[g * k : (g + 1) * k]))] = True
    m = t.fit_listwise(X, y, group, None, 1.0)
    assert t.top1(m.decision_function(X), group, y) > 0.95
    # rescaled to log-odds: the mean predicted probability is the positives' share
    p = 1.0 / (1.0 + np.exp(-m.decision_function(X)))
    assert abs(p.mean() - y.mean()) < 0.02


def _proposal(text: str, written: str) -> str:
    from collections import Counter

    from repair.document import Document
    from repair.score.spin_context import WordContext, context
    from repair.score.spin_evidence import evidence

    doc = Document(text)
    a = text.index(written)
    b = a + len(written)
    left, right, _ = context(doc, WordContext.of(doc), a, b)
    counts = Counter(t.text.lower() for t in doc.words)
    ev = evidence(a, b, written, left, right, counts)
    assert ev is not None
    return ev.original.lower()


@pytest.mark.parametrize(
    ("text", "written", "new", "old"),
    [
        # spinbot dev: "responding" written as "answering"
        (
            "Four hundred SES volunteers are answering to more than 3,000 calls for assistance.",
            "answering",
            "responding",
            "doing",
        ),
        # distrib dev: "relief" written as "aid"
        (
            "With tax aid, overtime will no longer be over-taxed time for the waitress.",
            "aid",
            "relief",
            "help",
        ),
    ],
)
def test_the_new_ranker_proposes_the_original_the_old_one_missed(
    monkeypatch: pytest.MonkeyPatch, text: str, written: str, new: str, old: str
) -> None:
    assert _proposal(text, written) == old
    monkeypatch.setattr(spin_rank, "RANKER_FILE", "spin_rank38.json")
    assert _proposal(text, written) == new
