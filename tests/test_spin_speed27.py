"""Session 27 (spinspeed27): the spin stage's packed candidate rows built in one loop.

With the shipped linear ranker, :func:`repair.score.spin_evidence.evidence` (``packed=True``,
what the spin stage asks for) writes each ranked row straight into its :class:`Packed`
array (:func:`~repair.score.spin_evidence._packed_filler`) instead of building the
16-feature tuple and calling the ranker per row.  Every test runs both paths (the filler,
and the tuple rows with ``ranker.score``) on the words of spun dev documents and compares
them bit for bit: the rows, the chosen candidate and every field of the row; and the
whole repair of spun documents gives the same text and edits either way.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

import pytest

from repair.config import RepairConfig
from repair.document import Document
from repair.pipeline import repair_text
from repair.score import spin_evidence, spin_rank
from repair.score.spin_context import WordContext, context
from repair.score.spin_evidence import Packed, WordEvidence, evidence
from repair.score.spin_rank import Ranker, TreeRanker, get_ranker, use_ranker

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_sim import spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402

SPINNERS = ("wordnet", "rare", "double")


@pytest.fixture(scope="module")
def spun() -> list[str]:
    """Six dev documents spun by three spinners (18 texts, ~20 k words)."""
    docs = select("dev", 400)[:6]
    return [spin_doc(d.doc_id, d.register, d.text, s, "dev", 0.25).spun for d in docs for s in SPINNERS]


class _Generic:
    """Within the block, :func:`evidence` takes the tuple rows and ``ranker.score``."""

    def __enter__(self) -> None:
        self.saved = list(spin_evidence._FILLER)
        spin_evidence._FILLER[:] = [get_ranker(), None]

    def __exit__(self, *exc: object) -> None:
        spin_evidence._FILLER[:] = self.saved


def _bits(x: float) -> tuple[bool, str]:
    return (math.copysign(1.0, x) < 0, x.hex())  # -0.0 and 0.0 differ here


def _same(a: WordEvidence | None, b: WordEvidence | None) -> bool:
    if a is None or b is None:
        return a is b
    for name in WordEvidence.__dataclass_fields__:
        x, y = getattr(a, name), getattr(b, name)
        if isinstance(x, Packed):
            if not isinstance(y, Packed) or x.names != y.names:
                return False
            if x.data.tobytes() != y.data.tobytes():  # every double, bit for bit
                return False
        elif isinstance(x, float):
            if not isinstance(y, float) or _bits(x) != _bits(y):
                return False
        elif x != y or type(x) is not type(y):
            return False
    return True


def _rows(text: str) -> list[tuple[int, int, str, list[str], list[str]]]:
    doc = Document(text)
    ctx = WordContext.of(doc)
    out = []
    for t in doc.tokens:
        if t.kind == "word" and t.text.isalpha() and len(t.text) >= 3:
            left, right, _initial = context(doc, ctx, t.start, t.end)
            out.append((t.start, t.end, t.text, left, right))
    return out


def test_the_shipped_ranker_is_linear_and_gets_a_filler() -> None:
    """The fast path is taken with the shipped model (a test of it is not vacuous)."""
    ranker = get_ranker()
    assert isinstance(ranker, Ranker)
    assert spin_evidence._packed_filler(ranker) is not None


@pytest.mark.parametrize("min_left", [None, 0.0, 1.5])
def test_packed_rows_equal_the_tuple_rows(spun: list[str], min_left: float | None) -> None:
    """Every word of the spun documents: the same row from both paths, bit for bit."""
    assert isinstance(get_ranker(), Ranker)
    checked = ranked = cut = 0
    for text in spun[:9] if min_left is not None else spun:
        counts = Counter(w.lower() for w in text.split())
        for start, end, w, left, right in _rows(text):
            fast = evidence(start, end, w, left, right, counts, min_left, packed=True)
            with _Generic():
                slow = evidence(start, end, w, left, right, counts, min_left, packed=True)
            assert _same(fast, slow), (w, left, right)
            checked += 1
            if fast is not None:
                ranked += len(fast.choices) > 1
            elif spin_evidence.candidates_for(w):
                cut += 1
    assert checked > 1_000 and ranked > 300
    if min_left is not None and min_left > 0:
        assert cut > 50  # the min_left cut is exercised too


def test_the_choice_is_the_first_of_equal_scores() -> None:
    """Two candidates scoring the same: both paths keep the first (max's order)."""
    w = (0.0,) * 16
    flat = Ranker((0.0,) * 16, (1.0,) * 16, w, 0.5)  # every row scores 0.5
    use_ranker(flat)
    try:
        assert spin_evidence._packed_filler(flat) is not None
        got = evidence(0, 7, "vehicle", ["the", "new"], ["was", "parked"], {}, packed=True)
        with _Generic():
            slow = evidence(0, 7, "vehicle", ["the", "new"], ["was", "parked"], {}, packed=True)
        assert got is not None and len(got.choices) > 1 and got.rank_score == 0.5
        assert got.lm_order == 0 and got.original == got.choices.names[0]
        assert _same(got, slow)
    finally:
        spin_rank._override.clear()
        spin_evidence._FILLER[:] = [None, None]


def test_no_filler_for_trees_or_weights_without_literals() -> None:
    """A tree ranker, or a weight with no exact literal, keeps the tuple rows."""
    trees = TreeRanker(0.0, 0.1, ((0,),), ((1.0,),), ((-1,),), ((-1,),), ((0.5,),))
    assert spin_evidence._packed_filler(trees) is None
    bad = Ranker((0.0,) * 16, (1.0,) * 16, (math.inf,) + (0.0,) * 15, 0.0)
    assert spin_evidence._packed_filler(bad) is None
    spin_evidence._FILLER[:] = [None, None]


def test_whole_repair_is_the_same_either_way(spun: list[str]) -> None:
    """The repaired text, edits and spin score of spun documents: the same on both paths."""
    cfg = RepairConfig()
    edits = 0
    for text in spun[::3]:
        fast = repair_text(text, config=cfg)
        with _Generic():
            slow = repair_text(text, config=cfg)
        assert fast.text == slow.text
        assert repr(fast.edits) == repr(slow.edits)
        assert repr(fast.scores.spin) == repr(slow.scores.spin)
        edits += len(fast.edits)
    assert edits > 20
