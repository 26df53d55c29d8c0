"""Session 50 (speedspin): exact cuts of the unknown spinners' spin stage (issue 14).

* :data:`repair.score.spin_evidence.READ_ON`: a second reading's LM table read on from an
  earlier table of the same context whose candidates start its own: the same written
  score, best gain, cut and rows over the cut, bit for bit, as one call over the whole
  list, on random contexts and on every table spun dev documents read; fewer n-gram
  look-ups (operation counts); whole repairs the same with it on and off.
* :attr:`repair.document.Document.word_counts`: counted once, shared with the next
  stage's document of the same text.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from repair.config import RepairConfig
from repair.document import Document
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


def _bits(x: float) -> str:
    return x.hex()


def _over_cut(read: tuple) -> tuple:
    """What every reader of a table reads: the written word, its score, the best gain, the
    cut and the rows down to the first one under the cut."""
    s, s_hist, rows, top, cut = read
    kept = []
    for ng, k, lp1 in rows:
        if -ng < cut:
            break
        kept.append((k, _bits(ng), _bits(lp1)))
    return s, _bits(s_hist), _bits(top), _bits(cut), kept


class _Counting:
    """The compiled module with its ``gains`` counting n-gram look-ups (the written word,
    each candidate's first word, the right context of the written word and of each row
    read)."""

    def __init__(self, real: object) -> None:
        self.real = real
        self.lookups = 0

    def gains(self, prob, s, h1, h2, lows, rl, min_left, *rest):  # type: ignore[no-untyped-def]
        got = self.real.gains(prob, s, h1, h2, lows, rl, min_left, *rest)  # type: ignore[attr-defined]
        self.lookups += 1 + len(lows)
        if got is not None:
            self.lookups += len(rl) * (1 + len(got[1]))
        return got

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)


@needs_gains
def test_read_on_equals_one_call_on_random_contexts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Candidate lists cut in two (and three) at random: the table read on from the held
    first part equals the one call over the whole list over the cut."""
    rng = random.Random(50)
    vocab = ["the", "of", "a", "house", "garden", "zzqx", "network", "paper", "big", "Large"]
    pool = ("house", "home", "garden", "zzqx", "big", "large", "great", "dwelling", "yard",
            "lawn", "vast", "huge", "grand", "abode", "residence", "plot")  # fmt: skip
    n_read_on = 0
    # READ_ON itself (session 63's CONTEXT_MEMO, which reads before it, off)
    monkeypatch.setattr(spin_evidence, "CONTEXT_MEMO", False)
    for _ in range(2000):
        left = [rng.choice(vocab) for _ in range(rng.randrange(0, 4))]
        right = [rng.choice(vocab) for _ in range(rng.randrange(0, 4))]
        origs = tuple(rng.sample(pool, rng.randrange(2, len(pool) + 1)))
        written = rng.choice(vocab)
        monkeypatch.setattr(spin_evidence, "READ_ON", False)
        whole = spin_evidence._gains(left, written, right, origs)
        monkeypatch.setattr(spin_evidence, "READ_ON", True)
        spin_evidence.drop_held()
        cuts = sorted(rng.sample(range(1, len(origs)), min(2, len(origs) - 1)))
        for c in cuts:
            spin_evidence._gains(left, written, right, origs[:c])
        got = spin_evidence._gains(left, written, right, origs)
        assert _over_cut(got) == _over_cut(whole)
        n_read_on += 1
        # asked again: the held table itself
        assert spin_evidence._gains(left, written, right, origs) is got
    assert n_read_on == 2000
    # the memo of lower-cased tuples returns the first equal tuple it met: leave none of
    # these behind for the tests that check it returns a tuple itself
    spin_evidence._lowered.cache_clear()


@needs_gains
def test_read_on_tables_of_spun_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every table the repair of rare- and spinbot-spun dev documents reads, read on, is
    the one call's table over the cut; some tables are read on; fewer look-ups."""
    docs = select("dev", 400)[:3]
    texts = [
        spin_doc(d.doc_id, d.register, d.text, s, "dev", 0.25).spun
        for d in docs
        for s in ("rare", "spinbot")
    ]
    real = spin_evidence._gains
    pairs: list[tuple[tuple, tuple]] = []

    def compare(left, written, right, originals, min_left=None):  # type: ignore[no-untyped-def]
        got = real(left, written, right, originals, min_left)
        if min_left is None and got is not None:
            spin_evidence.READ_ON = False
            try:
                whole = real(left, written, right, originals, min_left)
            finally:
                spin_evidence.READ_ON = True
            pairs.append((_over_cut(got), _over_cut(whole)))
        return got

    monkeypatch.setattr(spin_evidence, "READ_ON", True)
    monkeypatch.setattr(spin_evidence, "_gains", compare)
    for text in texts:
        repair_text(text, config=RepairConfig())
    assert len(pairs) > 1000
    for a, b in pairs:
        assert a == b


@needs_gains
def test_read_on_reads_fewer_ngrams_and_repairs_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whole repairs (text, edits, spin score) with READ_ON on and off are equal, and the
    tables read on look fewer n-grams up (fails without the read-on)."""
    d = select("dev", 400)[1]
    text = spin_doc(d.doc_id, d.register, d.text, "rare", "dev", 0.25).spun
    spin_evidence._compiled()
    real = spin_evidence._COMPILED[0]
    out = {}
    monkeypatch.setattr(spin_evidence, "CONTEXT_MEMO", False)  # READ_ON itself (session 63)
    for on in (False, True):
        counting = _Counting(real)
        monkeypatch.setattr(spin_evidence, "READ_ON", on)
        monkeypatch.setattr(spin_evidence, "_COMPILED", [counting])
        spin_evidence.drop_held()
        r = repair_text(text, config=RepairConfig())
        out[on] = (r.text, r.edits, r.scores.spin, counting.lookups)
    assert out[True][:3] == out[False][:3]
    assert out[True][3] < 0.8 * out[False][3]


def test_word_counts_once_and_shared() -> None:
    text = "The cat saw the dog. The dog ran."
    a = Document(text)
    counts = a.word_counts
    assert counts["the"] == 3 and counts["dog"] == 2 and counts["zebra"] == 0
    assert a.word_counts is counts
    b = Document(text)  # the next stage's document of the same text object
    assert b.word_counts is counts
    c = Document("Another text.")
    assert c.word_counts is not counts and c.word_counts["another"] == 1
