"""Each context's LM values kept for the document (``spin_evidence.CONTEXT_MEMO``, issue 14,
session 63): the compiled ``gains`` reads a candidate standing at the same place of the
context's kept list from its two kept doubles instead of looking it up, and the tables equal
those read without the memo, bit for bit."""

from __future__ import annotations

import random
import struct
import sys
from pathlib import Path

import pytest

from repair.score import spin_evidence

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from test_spin_speed29 import _direct  # noqa: E402
from test_spin_wordids55 import _args, _canon  # noqa: E402

try:
    from repair.resources import _lmprob  # type: ignore[attr-defined]
    from repair.score import _spingains  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not built
    _lmprob = _spingains = None

needs_built = pytest.mark.skipif(_lmprob is None, reason="compiled modules not built")

POOL = ("house", "home", "garden", "zzqx", "big", "large", "café", "", "said", "new", "flat")


def test_ships_on() -> None:
    assert spin_evidence.CONTEXT_MEMO is True


@needs_built
def test_held_values_read_the_same_rows() -> None:
    """Random contexts (known, unknown, empty, non-ASCII words; 0-4 words after; with and
    without ``min_left``): a call given the values of an earlier call in the same context
    (the same list, a longer list that starts with it, another list) returns the rows of a
    call given none, bit for bit, and values equal to those a fresh call returns."""
    api = _direct().api()  # type: ignore[attr-defined]
    rng = random.Random(63)
    n_read = 0
    for _ in range(1500):
        a = list(_args(rng))
        first = tuple(rng.sample(POOL, rng.randrange(0, 6)))
        later = first + tuple(o for o in rng.sample(POOL, rng.randrange(0, 6)) if o not in first)
        other = tuple(rng.sample(POOL, rng.randrange(0, 8)))
        a[3] = first
        got = _spingains.gains(api, *a, True, True, None, None)
        plain = _spingains.gains(api, *a, True, True)
        if plain is None:
            assert got is None
            continue
        assert _canon(got[:4]) == _canon(plain)
        assert len(got[4]) == 16 * len(first)
        for lows in (first, later, other):
            b = list(a)
            b[3] = lows
            plain = _spingains.gains(api, *b, True, True)
            held = _spingains.gains(api, *b, True, True, first, got[4])
            fresh = _spingains.gains(api, *b, True, True, None, None)
            if plain is None:
                assert held is None and fresh is None
                continue
            assert _canon(held[:4]) == _canon(plain) == _canon(fresh[:4])
            assert held[4] == fresh[4] or _nan_equal(held[4], fresh[4], len(lows))
            n_read += len(plain[1])
    assert n_read > 3_000


def _nan_equal(x: bytes, y: bytes, n: int) -> bool:
    """Equal values but where one side holds a sum the other's loop never read (NaN)."""
    a, b = struct.unpack(f"{2 * n}d", x), struct.unpack(f"{2 * n}d", y)
    return all(p == q or p != p or q != q for p, q in zip(a, b, strict=True))


@needs_built
def test_held_values_are_read() -> None:
    """The kept doubles are what the call reads (no look-up for a held candidate): false
    values change the rows; a candidate at another place is looked up."""
    api = _direct().api()  # type: ignore[attr-defined]
    a = list(_args(random.Random(3)))
    a[0], a[1], a[2], a[4], a[5] = "home", "went", "we", ["to", "the"], None
    a[3] = ("house", "garden", "flat")
    got = _spingains.gains(api, *a, True, True, None, None)
    false = struct.pack("6d", 5.0, -1.0, 4.0, -1.0, 3.0, -1.0)
    moved = _spingains.gains(api, *a, True, True, a[3], false)
    assert _canon(moved[:4]) != _canon(got[:4])
    shifted = _spingains.gains(api, *a, True, True, ("flat", "house", "garden"), false)
    assert _canon(shifted[:4]) == _canon(got[:4])
    with pytest.raises(ValueError):
        _spingains.gains(api, *a, True, True, a[3], false[:16])
    with pytest.raises(TypeError):
        _spingains.gains(api, *a, True, True, list(a[3]), false)


CASES = [
    (["we", "went"], "home", ["to", "the"], ("house", "home"), None),
    (["we", "went"], "home", ["to", "the"], ("house", "home", "garden"), None),
    (["we", "went"], "home", ["to", "the"], ("house", "home", "garden", "flat"), None),
    (["we", "went"], "home", ["to", "the"], ("house", "flat"), None),
    (["the"], "large", ["house"], ("big", "great", "zzqx"), -5.0),
    (["the"], "large", ["house"], ("big", "great", "zzqx", "huge"), None),
    ([], "said", [], ("told", "stated"), None),
    ([], "said", [], ("told", "stated", "spoke"), None),
]


@needs_built
@pytest.mark.parametrize("flag", [True, False])
def test_gains_tables_equal_without(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    """``_gains`` over readings that read a context again with longer lists: with the memo
    the tables equal those read without it (one plain compiled call a table); the
    context's values are kept only with the flag on (fails when ignored)."""
    tables = {}
    for memo in (flag, not flag):
        monkeypatch.setattr(spin_evidence, "CONTEXT_MEMO", memo)
        spin_evidence.drop_held()
        out = []
        for c in CASES:
            t = spin_evidence._gains(*c)
            out.append(None if t is None else _canon(t[1:]))
        tables[memo] = out
        assert bool(spin_evidence._CTX) == memo
    assert tables[True] == tables[False]


@needs_built
def test_kept_within_bytes_and_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin_evidence, "CONTEXT_MEMO", True)
    monkeypatch.setattr(spin_evidence, "_CTX_MAX_BYTES", 4_000)
    spin_evidence.drop_held()
    rng = random.Random(9)
    for _ in range(300):
        left = [rng.choice(POOL[:6]) for _ in range(2)]
        spin_evidence._gains(left, rng.choice(POOL[:6]), [rng.choice(POOL)], POOL[:5])
        assert spin_evidence._CTX_BYTES[0] <= 4_000
    assert spin_evidence._CTX
    spin_evidence.drop_held()
    assert not spin_evidence._CTX and spin_evidence._CTX_BYTES[0] == 0


@needs_built
def test_whole_repairs_equal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whole repairs (text, edits, spin score) of a rare-spun dev document with the memo on
    equal those with it off, and the memo holds contexts read again (fails without the
    memo)."""
    from spin_sim import spin_doc
    from spin_sim.corpus import select

    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    d = select("dev", 400)[1]
    text = spin_doc(d.doc_id, d.register, d.text, "rare", "dev", 0.25).spun
    out = {}
    for memo in (True, False):
        monkeypatch.setattr(spin_evidence, "CONTEXT_MEMO", memo)
        spin_evidence.drop_held()
        reads: list[bool] = []
        real = spin_evidence._context_read

        def counted(*a: object, _real=real, _reads=reads) -> object:  # type: ignore[no-untyped-def]
            key = (a[2], a[3], a[4], *a[5])  # type: ignore[misc]
            _reads.append(key in spin_evidence._CTX)
            return _real(*a)

        monkeypatch.setattr(spin_evidence, "_context_read", counted)
        r = repair_text(text, config=RepairConfig())
        out[memo] = (r.text, r.edits, r.scores.spin)
        if memo:
            assert sum(reads) > 0.2 * len(reads)  # contexts read again from the memo
    assert out[True] == out[False]
