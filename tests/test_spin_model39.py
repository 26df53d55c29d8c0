"""The spin model retrained with the multi-spinner ranker (issue 11, session 39).

``lexicons/spin_model39.json`` (``scripts/train_spin_model.py --kind hist --spinners
wordnet,rare,phrase,double,seed,spinbot,distrib --ranker-file spin_rank38.json`` then
``scripts/train_spin_common.py``) is the word, document and common-word models fitted on
seven simulators' dev halves with session 38's ranker (``spin_rank38.json``) proposing the
candidates, so that the word model reads that ranker's score and lead.  It is read
through :func:`repair.score.spin_model.use_model_file` (the name is
:data:`repair.score.spin_model.MULTI_SPINNER_MODEL_FILE`); the default ``MODEL_FILE``
decides whether it is shipped (benchmarks/RESULTS.md, "Session 39, spinmodel39").
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from repair.lexicons import read_text

from repair.score import spin_model, spin_rank

ROOT = Path(__file__).resolve().parent.parent
NAME = "spin_model39.json"


def test_the_name_and_the_shipped_default() -> None:
    assert spin_model.MULTI_SPINNER_MODEL_FILE == NAME
    assert spin_model.MODEL_FILE == spin_model.SHIPPED_MODEL_FILE


def test_the_file_is_trained_on_seven_spinners_with_the_session_38_ranker() -> None:
    d = json.loads(read_text(NAME))
    m = spin_model.parse_model(read_text(NAME))
    assert m.common is not None  # the common-word model was trained on it as well
    data = d["training"]["data"]
    for s in ("wordnet", "rare", "phrase", "double", "seed", "spinbot", "distrib"):
        assert s in data
    assert "spinbot" in m.common.training["data"] and "distrib" in m.common.training["data"]
    assert "--ranker-file spin_rank38.json" in d["training"]["command"]
    r38 = json.loads(read_text("spin_rank38.json"))["ranker"]
    assert d["ranker"]["coef"] == r38["coef"] and d["ranker"]["intercept"] == r38["intercept"]
    assert spin_rank.parse_ranker(d["ranker"]) == spin_rank.parse_ranker(r38)
    old = json.loads(read_text("spin_model.json"))["training"]["data"]
    assert "spinbot" not in old  # the shipped model never saw spinbot


def test_use_model_file_reads_its_ranker_and_models(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin_model, "MODEL_FILE", spin_model.MODEL_FILE)
    monkeypatch.setattr(spin_rank, "MODEL_FILE", spin_rank.MODEL_FILE)
    try:
        spin_model.use_model_file(NAME)
        r38 = json.loads(read_text("spin_rank38.json"))["ranker"]
        assert spin_rank.get_ranker() == spin_rank.parse_ranker(r38)
        assert spin_model.get_model() == spin_model.parse_model(read_text(NAME))
    finally:
        spin_model.get_model.cache_clear()
        spin_rank._shipped.cache_clear()
        spin_rank._read.cache_clear()


def test_the_file_loads_and_scores_without_scikit_learn() -> None:
    code = (
        "import sys; sys.modules['sklearn'] = None; sys.modules['numpy'] = None\n"
        "from repair.lexicons import read_text\n"
        "from repair.score.spin_model import FEATURES, parse_model\n"
        f"m = parse_model(read_text({NAME!r}))\n"
        "p = m.probability([1.0] * len(FEATURES))\n"
        "assert 0.0 <= p <= 1.0, p\n"
        "print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


def _trainer():
    pytest.importorskip("numpy")
    pytest.importorskip("sklearn")
    for sub in ("scripts", "benchmarks"):
        if str(ROOT / sub) not in sys.path:
            sys.path.insert(0, str(ROOT / sub))
    pytest.importorskip("spin_sim")
    import train_spin_model

    return train_spin_model


def test_hist_word_trees_export_to_the_pure_python_reader() -> None:
    t = _trainer()
    import numpy as np

    from repair.score.trees import parse_trees

    rng = np.random.default_rng(0)
    X = rng.normal(size=(600, 3))
    y = X[:, 0] + 0.5 * X[:, 1] * X[:, 2] + rng.normal(scale=0.3, size=600) > 0
    model = t.make_model("hist").fit(X, y)
    entry = {"kind": "trees", **t.export_hist_trees(model)}
    trees = parse_trees(json.loads(json.dumps(entry)), 3, "word", "test")
    ours = np.array([trees.logit(x) for x in X.tolist()])
    assert np.abs(ours - model.decision_function(X)).max() < 1e-9


def test_the_ranker_file_option_reads_the_entry_as_is() -> None:
    t = _trainer()
    entry = t.ranker_from_file("spin_rank38.json")
    r38 = json.loads(read_text("spin_rank38.json"))["ranker"]
    assert entry["coef"] == r38["coef"] and entry["oof"]["file"] == "spin_rank38.json"
    assert "training" not in entry
