"""The compiled spin tables keep each word's id by its str (``spin_evidence.WID_MEMO``,
issue 14, session 63): the ids found once per word and model instead of on every table,
the same rows bit for bit as asking ``ngram_wid`` every time."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from repair.score import spin_evidence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_spin_speed29 import _direct  # noqa: E402
from test_spin_wordids55 import _args, _canon  # noqa: E402

try:
    from repair.resources import _lmprob  # type: ignore[attr-defined]
    from repair.score import _spingains  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not built
    _lmprob = _spingains = None

needs_built = pytest.mark.skipif(_lmprob is None, reason="compiled modules not built")


def test_ships_on() -> None:
    assert spin_evidence.WID_MEMO is True


@needs_built
def test_kept_ids_equal_asked_ids_bit_for_bit() -> None:
    """Random contexts of known, unknown, empty, non-ASCII words, 0-4 words after, 0-10
    candidates, with and without ``min_left``, each read twice (the second from the kept
    ids): the rows equal those read asking ``ngram_wid`` each time."""
    api = _direct().api()  # type: ignore[attr-defined]
    _spingains.wid_memo_clear()
    rng = random.Random(63)
    n_rows = 0
    for _ in range(2000):
        a = _args(rng)
        off = _canon(_spingains.gains(api, *a, True, False))
        assert _canon(_spingains.gains(api, *a, True, True)) == off  # ids found and kept
        assert _canon(_spingains.gains(api, *a, True, True)) == off  # ids read from the memo
        n_rows += 0 if off is None else len(off[1])  # type: ignore[index]
    assert n_rows > 2_000
    assert _spingains.wid_memo_size() > 0


@needs_built
def test_memo_only_when_asked() -> None:
    """Nothing is kept without ``memo``, nor without ``ids`` (strings are looked up), nor for
    a str subclass; with it, each word once."""
    api = _direct().api()  # type: ignore[attr-defined]
    a = list(_args(random.Random(7)))
    a[0], a[1], a[2], a[3], a[4], a[5] = "home", "went", "we", ("house", "garden"), ["to"], None
    _spingains.wid_memo_clear()
    _spingains.gains(api, *a, True, False)
    _spingains.gains(api, *a, False, True)
    _spingains.gains(api, *a)
    assert _spingains.wid_memo_size() == 0
    _spingains.gains(api, *a, True, True)
    assert _spingains.wid_memo_size() == 6  # home, went, we, house, garden, to
    _spingains.gains(api, *a, True, True)
    assert _spingains.wid_memo_size() == 6

    class Word(str):
        pass

    b = list(a)
    b[0] = Word("cottage")
    assert _canon(_spingains.gains(api, *b, True, True)) == _canon(
        _spingains.gains(api, *b, True, False)
    )
    assert _spingains.wid_memo_size() == 6  # the subclass is not kept


@needs_built
@pytest.mark.parametrize("flag", [True, False])
def test_gains_hands_the_flag(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    """``_gains`` (read on or not, with and without ``min_left``) keeps ids exactly when
    WID_MEMO is on (fails with the flag not handed on), and its tables do not change."""
    monkeypatch.setattr(spin_evidence, "WID_MEMO", flag)
    cases = [
        (["we", "went"], "home", ["to", "the"], ("house", "home", "garden"), None),
        (["the"], "large", ["house"], ("big", "great", "zzqx"), -5.0),
        ([], "said", [], ("told", "stated"), None),
        (["we", "went"], "home", ["to", "the"], ("house", "home", "garden", "flat"), None),
    ]
    tables = {}
    for memo in (flag, not flag):
        monkeypatch.setattr(spin_evidence, "WID_MEMO", memo)
        _spingains.wid_memo_clear()
        spin_evidence.drop_held()
        tables[memo] = [
            _canon(None if (t := spin_evidence._gains(*c)) is None else t[1:]) for c in cases
        ]
        assert (_spingains.wid_memo_size() > 0) == memo
    assert tables[True] == tables[False]
