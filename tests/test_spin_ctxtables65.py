"""The tables ``spin_evidence._gains`` reads with the context memo (``CONTEXT_MEMO``, session
63) equal, bit for bit, one plain compiled call's (session 65, readon: what session 50's
tests of the read-on of held tables still check once that path was removed).

* random contexts whose candidate lists are read first cut in two or three, then whole;
* every table the repairs of rare- and spinbot-spun dev documents read.

Whole repairs with the memo on and off: tests/test_spin_ctxmemo63.py.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.score import spin_evidence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_sim import spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402

try:
    from repair.score import _spingains  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not built
    _spingains = None

needs_gains = pytest.mark.skipif(_spingains is None, reason="_spingains not built")
_GAINS = spin_evidence._gains  # the function itself (one test wraps the module's name)


def _whole(read: tuple | None) -> tuple | None:
    """A table, every float by its bits: the written word, its score, every row, the best
    gain and the cut."""
    if read is None:
        return None
    s, s_hist, rows, top, cut = read
    return s, s_hist.hex(), [(k, ng.hex(), lp1.hex()) for ng, k, lp1 in rows], top.hex(), cut.hex()


def _plain(*args: object) -> tuple | None:
    """``_gains`` with the memo off: one plain compiled call."""
    memo = spin_evidence.CONTEXT_MEMO
    spin_evidence.CONTEXT_MEMO = False
    try:
        return _GAINS(*args)  # type: ignore[arg-type]
    finally:
        spin_evidence.CONTEXT_MEMO = memo


def _key(left, written, right) -> tuple:  # type: ignore[no-untyped-def]
    lw = [w.lower() for w in left]
    return (written.lower(), lw[-1] if lw else None, lw[-2] if len(lw) >= 2 else None,
            *[w.lower() for w in right])  # fmt: skip


@needs_gains
def test_memo_tables_equal_one_call_on_random_contexts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Candidate lists cut in two (and three) at random and read prefix first: every table,
    the whole list's read from the kept values of its prefix, equals the one plain call's
    over the same list, every row (fails when the memo is not read)."""
    monkeypatch.setattr(spin_evidence, "CONTEXT_MEMO", True)
    rng = random.Random(50)
    vocab = ["the", "of", "a", "house", "garden", "zzqx", "network", "paper", "big", "Large"]
    pool = ("house", "home", "garden", "zzqx", "big", "large", "great", "dwelling", "yard",
            "lawn", "vast", "huge", "grand", "abode", "residence", "plot")  # fmt: skip
    n_kept = 0
    for _ in range(2000):
        left = [rng.choice(vocab) for _ in range(rng.randrange(0, 4))]
        right = [rng.choice(vocab) for _ in range(rng.randrange(0, 4))]
        origs = tuple(rng.sample(pool, rng.randrange(2, len(pool) + 1)))
        written = rng.choice(vocab)
        min_left = rng.choice((None, None, -5.0, 0.0))
        spin_evidence.drop_held()
        cuts = sorted(rng.sample(range(1, len(origs)), min(2, len(origs) - 1)))
        for c in cuts:
            part = spin_evidence._gains(left, written, right, origs[:c], min_left)
            assert _whole(part) == _whole(_plain(left, written, right, origs[:c], min_left))
        n_kept += _key(left, written, right) in spin_evidence._CTX
        got = spin_evidence._gains(left, written, right, origs, min_left)
        assert _whole(got) == _whole(_plain(left, written, right, origs, min_left))
    assert n_kept > 1000  # the whole lists were read from kept values
    spin_evidence.drop_held()
    # the memo of lower-cased tuples returns the first equal tuple it met: leave none of
    # these behind for the tests that check it returns a tuple itself
    spin_evidence._lowered.cache_clear()


@needs_gains
def test_memo_tables_of_spun_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every table the repair of rare- and spinbot-spun dev documents reads equals the one
    plain call's, every row; many are read from kept values."""
    docs = select("dev", 400)[:3]
    texts = [
        spin_doc(d.doc_id, d.register, d.text, s, "dev", 0.25).spun
        for d in docs
        for s in ("rare", "spinbot")
    ]
    real = spin_evidence._gains
    pairs: list[tuple[tuple | None, tuple | None]] = []
    kept = [0]

    def compare(left, written, right, originals, min_left=None):  # type: ignore[no-untyped-def]
        kept[0] += _key(left, written, right) in spin_evidence._CTX
        got = real(left, written, right, originals, min_left)
        pairs.append((_whole(got), _whole(_plain(left, written, right, originals, min_left))))
        return got

    monkeypatch.setattr(spin_evidence, "CONTEXT_MEMO", True)
    monkeypatch.setattr(spin_evidence, "_gains", compare)
    for text in texts:
        repair_text(text, config=RepairConfig())
    assert len(pairs) > 1000
    assert kept[0] > 0.2 * len(pairs)
    for a, b in pairs:
        assert a == b
