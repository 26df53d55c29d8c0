"""Issue 14, cold start: the spin model and its trees' generated code read back from the
per-user cache are the model the JSON file gives and the code its source compiles to."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from repair.lexicons import read_text

from repair.resources import cache
from repair.score import spin_model
from repair.score.trees import Trees


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(folder))
    return folder


def test_the_cached_model_is_the_parsed_model_cold_and_warm(own_cache: Path) -> None:
    want = spin_model.parse_model(read_text(spin_model.MODEL_FILE))
    cold = spin_model.cached_model()
    assert list(own_cache.glob("spin-model-*.marshal"))
    warm = spin_model.cached_model()
    assert cold == want and warm == want
    assert type(warm.word) is type(want.word) and type(warm.doc) is type(want.doc)
    assert list(warm.training) == list(want.training)  # the dicts' order kept
    if want.common is not None:
        assert warm.common == want.common


def test_the_plain_model_round_trips_every_part() -> None:
    from repair.score.linear import Linear

    trees = Trees(0.5, 0.1, ((0, -1, -1),), ((0.25, 0.0, 0.0),), ((1, -1, -1),),
                  ((2, -1, -1),), ((0.0, -1.5, 2.0),))  # fmt: skip
    linear = Linear((1.0, 0.0), (2.0, 1.0), (1.0, -1.0), 0.5)
    common = spin_model.CommonModel(linear, (1.0, 0.0), 0.6, 0.3, {"fingerprint": "c"})
    for m in (
        spin_model.SpinModel(trees, (1.0, -0.5), 0.4, linear, {"fingerprint": "x", "n": 3}),
        spin_model.SpinModel(linear, (2.0, 0.0), 0.7, trees, {"fingerprint": "y"}, 0.2, common),
    ):
        assert spin_model.model_from_plain(spin_model.model_plain(m)) == m


def test_generated_code_is_keyed_by_the_inputs_and_read_back_without_the_source(
    own_cache: Path,
) -> None:
    src = "def f(x):\n    return 0.1 + (2.5 if x[0] <= 0.3 else -1.25)\n"
    calls: list[int] = []

    def source() -> str:
        calls.append(1)
        return src

    gen = source.__code__
    want = compile(src, "<t>", "exec")
    cold = cache.generated_code("gen-t", b"numbers", gen, source, "<t>")
    warm = cache.generated_code("gen-t", b"numbers", gen, source, "<t>")
    assert cold == want and warm == want and len(calls) == 1  # a hit writes no source
    cache.generated_code("gen-t", b"other numbers", gen, source, "<t>")
    assert len(calls) == 2  # other inputs: another entry


def test_the_trees_from_a_cold_and_a_warm_cache_give_the_walks_floats(own_cache: Path) -> None:
    model = spin_model.parse_model(read_text(spin_model.MODEL_FILE))
    trees = [t for t in (model.word, model.doc) if isinstance(t, Trees)]
    assert trees
    rng = random.Random(7)
    for t in trees:
        n = 1 + max(f for row in t.feature for f in row)
        xs = [[rng.uniform(-3, 3) for _ in range(n)] for _ in range(200)]
        cold = Trees(t.base, t.rate, t.feature, t.threshold, t.left, t.right, t.value)
        warm = Trees(t.base, t.rate, t.feature, t.threshold, t.left, t.right, t.value)
        assert [cold.logit(x) for x in xs] == [t.walk_logit(x) for x in xs]
        assert [warm.logit(x) for x in xs] == [t.walk_logit(x) for x in xs]
    assert list(own_cache.glob("code-spin-trees-*.marshal"))


def test_the_cached_spin_profile_is_the_checked_table_cold_and_warm(own_cache: Path) -> None:
    from repair.candidates import spin

    want = {k: spin.PairInfo(*v) for k, v in spin._profile_rows(spin.LEXICON).items()}
    assert len(want) > 1000 and want == spin._profile.__wrapped__(spin.LEXICON)
    spin._profile.cache_clear()
    try:
        cold = spin._profile(spin.LEXICON)
        assert list(own_cache.glob("spin-profile-*.marshal"))
        spin._profile.cache_clear()
        warm = spin._profile(spin.LEXICON)
    finally:
        spin._profile.cache_clear()
    assert cold == want and warm == want and list(warm) == list(want)
    # the rows as the profile file gives them, read independently
    first = next(r for r in spin.profile_rows() if r[2] == "strong")
    info = want[spin._norm(first[0])]
    assert first[1] in info.originals and info.strength == "strong" and info.source == "lexicon"
