"""The compiled LM part of the spin tables read on word ids (``spin_evidence.WORD_IDS``,
issue 14): each word's id found once a call (pocketsphinx's ``ngram_wid``), every look-up
through ``ngram_ng_prob``, the same rows bit for bit as ``ngram_prob`` on the strings."""

from __future__ import annotations

import random
import struct
import sys
from pathlib import Path

import pytest

from repair.resources.lm import get_lm
from repair.score import spin_evidence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_spin_speed29 import VOCAB, _direct  # noqa: E402

try:
    from repair.resources import _lmprob  # type: ignore[attr-defined]
    from repair.score import _spingains  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not built
    _lmprob = _spingains = None

needs_built = pytest.mark.skipif(_lmprob is None, reason="compiled modules not built")


def _bits(x: float) -> bytes:
    return struct.pack("<d", x)


def _canon(got: tuple | None) -> object:
    if got is None:
        return None
    s_hist, rows, top, cut = got
    return (
        _bits(s_hist),
        [(_bits(g), k, _bits(p)) for g, k, p in rows],
        _bits(top),
        _bits(cut),
    )


def _args(rng: random.Random) -> tuple:
    words = [w.lower() for w in VOCAB]
    left = [rng.choice(words) for _ in range(rng.randrange(0, 4))]
    right = [rng.choice(words) for _ in range(rng.randrange(0, 5))]
    pool = ("house", "home", "garden", "zzqx", "big", "large", "café", "", "said", "new")
    origs = tuple(rng.sample(pool, rng.randrange(0, len(pool) + 1)))
    return (
        rng.choice(words), left[-1] if left else None, left[-2] if len(left) >= 2 else None,
        origs, right, rng.choice((None, -5.0, 0.0, 2.0)), spin_evidence.WINDOW,
        spin_evidence._LOG_BASE, spin_evidence.UNKNOWN_LOGPROB,
    )  # fmt: skip


@needs_built
def test_capsule_has_the_id_steps() -> None:
    """The capsule the LM hands out can read on ids (else WORD_IDS would read strings)."""
    api = _direct().api()  # type: ignore[attr-defined]
    rng = random.Random(5)
    a = _args(rng)
    assert _spingains.gains(api, *a, True) is not None or a[5] is not None


@needs_built
def test_ids_equal_strings_bit_for_bit() -> None:
    """Random contexts of known, unknown, empty, non-ASCII words and the sentence marks,
    0-4 words after, 0-10 candidates, with and without ``min_left``: the rows read on ids
    equal the rows read on strings and through the binding's own ``prob``."""
    api = _direct().api()  # type: ignore[attr-defined]
    binding = get_lm()._model.prob
    rng = random.Random(55)
    n_rows = 0
    for _ in range(3000):
        a = _args(rng)
        on = _canon(_spingains.gains(api, *a, True))
        assert on == _canon(_spingains.gains(api, *a, False))
        assert on == _canon(_spingains.gains(api, *a))
        assert on == _canon(_spingains.gains(binding, *a, True))  # a callable: strings
        n_rows += 0 if on is None else len(on[1])  # type: ignore[index]
    assert n_rows > 3_000


@needs_built
def test_ids_refuse_what_strings_refuse() -> None:
    api = _direct().api()  # type: ignore[attr-defined]
    a = list(_args(random.Random(1)))
    a[3] = ("house", 3)
    a[5] = None
    for ids in (False, True):
        with pytest.raises(TypeError):
            _spingains.gains(api, *a, ids)


@needs_built
def test_gains_reads_on_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_gains`` (with and without ``min_left``, read on or not) hands the compiled
    function ``ids`` = WORD_IDS, and its tables equal the tables read on strings."""
    seen: list[object] = []

    class Recording:
        def __getattr__(self, name: str) -> object:
            return getattr(_spingains, name)

        def gains(self, *a: object) -> object:
            seen.append(a[10] if len(a) > 10 else False)
            return _spingains.gains(*a)

    monkeypatch.setattr(spin_evidence, "_COMPILED", [Recording()])
    cases = [
        (["we", "went"], "home", ["to", "the"], ("house", "home", "garden"), None),
        (["the"], "large", ["house"], ("big", "great", "zzqx"), -5.0),
        ([], "said", [], ("told", "stated"), None),
    ]
    tables = {}
    for flag in (True, False):
        if not flag:  # the first pass reads the module's own setting (shipped on)
            monkeypatch.setattr(spin_evidence, "WORD_IDS", False)
        spin_evidence.drop_held()
        tables[flag] = [
            _canon(None if (t := spin_evidence._gains(*c)) is None else t[1:]) for c in cases
        ]
    assert seen[: len(cases)] == [True] * len(cases)
    assert tables[True] == tables[False]
