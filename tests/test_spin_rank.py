"""The candidate ranker of the spin stage: schema checked on load, the ranked window is
exact, and repeated written words propose one original (issue 11)."""

from __future__ import annotations

import json

import pytest
from repair.lexicons import LexiconError, read_text

from repair.resources.lm import get_lm
from repair.score import spin_rank
from repair.score.spin_evidence import (
    _lp,
    candidate_table,
    candidates_for,
    consistent,
    evidence,
)
from repair.score.spin_rank import (
    MODEL_FILE,
    RANK_FEATURES,
    WINDOW,
    Ranker,
    TreeRanker,
    get_ranker,
    parse_ranker,
    use_ranker,
)


def _ranker(**coef: float) -> Ranker:
    n = len(RANK_FEATURES)
    return Ranker((0.0,) * n, (1.0,) * n, tuple(coef.get(f, 0.0) for f in RANK_FEATURES), 0.0)


@pytest.fixture
def ranker_override():
    yield use_ranker
    spin_rank._override.clear()


def _tree_entry() -> dict:
    """A one-tree ranker: candidates gaining more than 1 nat score 2, the others -1;
    then a source rank of 0 adds 0.5."""
    gain, src = RANK_FEATURES.index("gain"), RANK_FEATURES.index("source_rank")
    return {
        "kind": "trees",
        "features": list(RANK_FEATURES),
        "base": 0.0,
        "rate": 1.0,
        "trees": [
            {
                "feature": [gain, -1, -1],
                "threshold": [1.0, 0.0, 0.0],
                "left": [1, -1, -1],
                "right": [2, -1, -1],
                "value": [0.0, -1.0, 2.0],
            },
            {
                "feature": [src, -1, -1],
                "threshold": [0.5, 0.0, 0.0],
                "left": [1, -1, -1],
                "right": [2, -1, -1],
                "value": [0.0, 0.5, 0.0],
            },
        ],
    }


def test_shipped_ranker_loads() -> None:
    r = get_ranker()
    assert isinstance(r, Ranker | TreeRanker)
    if isinstance(r, Ranker):
        assert len(r.coef) == len(RANK_FEATURES)
    else:
        assert max(f for t in r.feature for f in t) < len(RANK_FEATURES)
    assert isinstance(r.score([0.0] * len(RANK_FEATURES)), float)


def test_tree_ranker_scores_by_its_trees(ranker_override) -> None:
    r = parse_ranker(_tree_entry())
    assert isinstance(r, TreeRanker)
    x = [0.0] * len(RANK_FEATURES)
    assert r.score(x) == -0.5  # gain 0 <= 1: -1; source rank 0: +0.5
    x[RANK_FEATURES.index("gain")] = 3.0
    x[RANK_FEATURES.index("source_rank")] = 4.0
    assert r.score(x) == 2.0 == r.walk_logit(x)
    # the stage proposes the tree ranker's best: here the first-listed candidate unless
    # another one gains more than 1 nat
    left, word, right = ["the", "local"], "overseer", ["said", "on"]
    ranker_override(r)
    ev = evidence(0, 8, word, left, right)
    assert ev is not None
    best = max(r.score(list(c[3])) for c in ev.choices)
    assert ev.rank_score == best
    assert ev.gain > 1.0 or ev.rank == 0


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.update(kind="forest"), "kind"),
        (lambda d: d.update(trees=[]), "trees"),
        (lambda d: d["trees"][0].update(value=[0.0, 1.0]), "entries"),
        (lambda d: d["trees"][0].update(feature=[99, -1, -1]), "bad split"),
        (lambda d: d["trees"][0].update(left=[0, -1, -1]), "bad split"),
        (lambda d: d["trees"][1].update(value=[0.0, float("nan"), 0.0]), "finite"),
        (lambda d: d.update(base="x"), "base"),
        (lambda d: d.update(features=d["features"][::-1]), "features"),
    ],
)
def test_malformed_tree_ranker_is_refused(change, message: str) -> None:
    d = _tree_entry()
    parse_ranker(d)
    change(d)
    with pytest.raises(LexiconError, match=message):
        parse_ranker(d)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.update(features=d["features"][:-1]), "features"),
        (lambda d: d.update(coef=[0.0]), "coef"),
        (lambda d: d.update(scale=[0.0] * len(RANK_FEATURES)), "scale"),
        (lambda d: d.update(intercept="x"), "intercept"),
    ],
)
def test_malformed_ranker_is_refused(change, message: str) -> None:
    d = json.loads(read_text(MODEL_FILE))["ranker"]
    if d.get("kind") == "trees":  # the logistic schema on a logistic entry
        r = _ranker(gain=1.0)
        d = {"features": list(RANK_FEATURES), "mean": list(r.mean), "scale": list(r.scale),
             "coef": list(r.coef), "intercept": r.intercept}  # fmt: skip
    parse_ranker(d)
    change(d)
    with pytest.raises(LexiconError, match=message):
        parse_ranker(d)


def test_candidate_window_is_exact() -> None:
    left, word, right = ["the", "local"], "overseer", ["said", "on"]
    origs = candidates_for(word)
    assert len(origs) > 3
    base = _lp([word, *right], left)
    gains = {o: _lp([o, *right], left) - base for o in origs}
    top = max(gains.values())
    table = candidate_table(left, word, right, origs, {})
    assert {o for o, _g, _x in table} == {o for o, g in gains.items() if g >= top - WINDOW}
    for order, (o, g, x) in enumerate(table):
        assert g == pytest.approx(gains[o])
        assert x[RANK_FEATURES.index("lm_order")] == order
        assert x[RANK_FEATURES.index("gain_below_best")] == pytest.approx(top - g)


def test_ranker_decides_among_the_window(ranker_override) -> None:
    left, word, right = ["the", "local"], "overseer", ["said", "on"]
    ranker_override(_ranker(gain=1.0))
    by_lm = evidence(0, 8, word, left, right)
    ranker_override(_ranker(source_rank=-1.0))
    by_source = evidence(0, 8, word, left, right)
    assert by_lm is not None and by_source is not None
    assert by_lm.lm_order == 0
    assert by_source.rank == min(int(c[3][RANK_FEATURES.index("source_rank")])
                                 for c in by_source.choices)  # fmt: skip
    assert get_lm().known(by_source.original)


def test_repeated_words_propose_one_original(ranker_override) -> None:
    ranker_override(_ranker(gain=1.0))
    rows = [
        evidence(0, 8, "overseer", ["the", "local"], ["said", "on"]),
        evidence(40, 48, "overseer", ["an", "experienced"], ["of", "the"]),
        evidence(90, 98, "overseer", ["<s>"], ["was", "appointed"]),
    ]
    assert all(rows)
    out = consistent(rows)
    assert len({w.original for w in rows}) > 1  # the LM alone proposes different words
    picked = {w.original for w in out}
    assert len(picked) < len({w.original for w in rows})
    for w in out:
        if any(c[0] == out[0].original for c in w.choices):
            assert w.original == out[0].original
        assert w.original in {c[0] for c in w.choices}
        k = [c[0] for c in w.choices].index(w.original)
        assert w.gain == w.choices[k][1] and w.rank_score == w.choices[k][2]


def test_second_reading_adds_words_next_to_restorations(monkeypatch) -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    sim = pytest.importorskip("spin_sim")
    from spin_sim.corpus import select

    from repair.config import RepairConfig
    from repair.document import Document
    from repair.score.spin_model import get_model
    from repair.stages import spin as stage
    from repair.stages.spin import STAGE, reread

    public = ("lee", "state_union", "inaugural")
    docs = [d for d in select("dev", None) if d.register in public][:20]
    if not docs:
        pytest.skip("no public-domain dev documents")
    cfg = RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None)
    thr = get_model().word_threshold
    found = 0
    for d in docs[:12]:
        s = sim.spin_doc(d.doc_id, d.register, d.text, "rare", "dev")
        doc = Document(s.spun, config=cfg)
        det = STAGE.detect(doc)
        assert reread(doc, det, []) == []  # nothing restored: nothing to read again
        monkeypatch.setattr(stage, "REREAD", False)
        edits = STAGE.score(doc, det, STAGE.candidates(doc, det))  # the first round only
        monkeypatch.setattr(stage, "REREAD", True)
        first = {(w.start, w.end): p for w, p in zip(det.words, det.probs, strict=True)}
        for c in reread(doc, det, edits):
            assert first[(c.start, c.end)] < thr <= c.features["model_probability"]
            found += 1
    assert found > 0


def test_training_folds_hold_out_document_and_word_family() -> None:
    """The ranker's and word model's out-of-fold figures never train on a row that shares
    the predicted row's document or its word family (scripts/train_spin_model.py)."""
    import sys
    from pathlib import Path

    np = pytest.importorskip("numpy")
    root = Path(__file__).resolve().parent.parent
    for sub in ("scripts", "benchmarks"):
        sys.path.insert(0, str(root / sub))
    pytest.importorskip("spin_sim")
    from train_spin_model import grid_folds

    rng = np.random.default_rng(0)
    docs = np.array([f"d{i}" for i in rng.integers(0, 40, 600)])
    fams = np.array([f"f{i}" for i in rng.integers(0, 60, 600)])
    seen = np.zeros(600, dtype=int)
    for tr, te in grid_folds(docs, fams):
        assert not set(docs[tr]) & set(docs[te])
        assert not set(fams[tr]) & set(fams[te])
        assert tr.any()
        seen += te
    assert (seen == 1).all()  # every row is predicted exactly once
