"""The seed spinner held out of the spin model's training (issue 11, session 32).

``scripts/train_spin_model.py --hold-out seed`` builds ``lexicons/spin_model_heldseed.json``
without the seed spinner's documents, so that the seed rows of ``spin_eval.py`` are
out-of-sample by word family; :func:`repair.score.spin_model.use_model_file` reads it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from repair.lexicons import LexiconError, read_text

from repair.score import spin_model, spin_rank

ROOT = Path(__file__).resolve().parent.parent


def _script():
    pytest.importorskip("numpy")
    for sub in ("scripts", "benchmarks"):
        if str(ROOT / sub) not in sys.path:
            sys.path.insert(0, str(ROOT / sub))
    pytest.importorskip("spin_sim")
    import train_spin_model

    return train_spin_model


def test_hold_out_drops_the_spinner_and_renames_the_caches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    t = _script()
    for name in ("SPINNERS", "CACHE", "RANK_CACHE"):
        monkeypatch.setattr(t, name, getattr(t, name))
    full_cache = t.CACHE
    t.held_out(["seed"])
    assert "seed" not in t.SPINNERS
    assert set(t.SPINNERS) == {"wordnet", "rare", "phrase", "double"}
    assert t.CACHE != full_cache and "no_seed" in t.CACHE.name
    assert "no_seed" in t.RANK_CACHE.name and t.RANK_CACHE != t.CACHE


def test_no_hold_out_keeps_every_spinner(monkeypatch: pytest.MonkeyPatch) -> None:
    t = _script()
    for name in ("SPINNERS", "CACHE", "RANK_CACHE"):
        monkeypatch.setattr(t, name, getattr(t, name))
    before = (t.SPINNERS, t.CACHE, t.RANK_CACHE)
    t.held_out([])
    assert (t.SPINNERS, t.CACHE, t.RANK_CACHE) == before


def test_the_held_seed_model_was_trained_without_the_seed_spinner() -> None:
    d = json.loads(read_text(spin_model.HELD_SEED_MODEL_FILE))
    ranker = d["training"]["ranker"]
    assert "--hold-out seed" in ranker["command"] and "--ranker-only" in ranker["command"]
    assert "seed" not in ranker["spinners"]
    assert "seed" not in d["ranker"]["oof"]["per_spinner"]
    shipped = json.loads(read_text(spin_model.MODEL_FILE))
    assert "seed" in shipped["ranker"]["oof"]["per_spinner"]
    assert d["ranker"] != shipped["ranker"]
    # only the ranker differs
    assert d["word"] == shipped["word"] and d["doc"] == shipped["doc"]


def test_use_model_file_switches_model_and_ranker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin_model, "MODEL_FILE", spin_model.MODEL_FILE)
    monkeypatch.setattr(spin_rank, "MODEL_FILE", spin_rank.MODEL_FILE)
    shipped = spin_model.get_model()
    try:
        spin_model.use_model_file(spin_model.HELD_SEED_MODEL_FILE)
        held = spin_model.get_model()
        assert spin_rank.MODEL_FILE == spin_model.HELD_SEED_MODEL_FILE
        assert held.word == shipped.word
        ranker = spin_rank.get_ranker()
        assert ranker is not None
        want = spin_rank.parse_ranker(
            json.loads(read_text(spin_model.HELD_SEED_MODEL_FILE))["ranker"]
        )
        assert ranker == want
    finally:
        spin_model.get_model.cache_clear()
        spin_rank._shipped.cache_clear()
    with pytest.raises(LexiconError):
        spin_model.use_model_file("no_such_spin_model.json")
