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
import random
import sys
from collections import Counter
from pathlib import Path

import pytest

from repair.config import RepairConfig
from repair.document import Document
from repair.pipeline import repair_text
from repair.score import spin_evidence, spin_rank, spin_topic
from repair.score.spin_context import WordContext, context, reads_restored, restored_tokens
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
    return [
        spin_doc(d.doc_id, d.register, d.text, s, "dev", 0.25).spun for d in docs for s in SPINNERS
    ]


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


# The topic fit reads only the pairs the table can hold (spin_topic._fit_stored).


def _reference_gain(doc: Document, written: str, original: str, start: int) -> float:
    """:func:`repair.score.spin_topic._topic_gain` as session 26 computed it (every pair)."""
    own = {spin_topic.key(w) for w in (*written.lower().split(), *original.lower().split())}
    ctx = spin_topic.context_keys(doc, start) - own
    return spin_topic.fit(original, ctx) - spin_topic.fit(written, ctx)


def test_topic_gain_equals_reading_every_pair(spun: list[str]) -> None:
    """Every content word of spun documents against its first three candidates (and a
    two-word original): the same float as reading every pair, bit for bit."""
    checked = nonzero = skipped = 0
    for text in spun[::2]:
        doc = Document(text)
        for t in doc.words:
            origs = spin_evidence.candidates_for(t.text)[:3]
            for o in (*origs, "spending plan") if origs else ():
                got = spin_topic._topic_gain(doc, t.text, o, t.start)
                assert _bits(got) == _bits(_reference_gain(doc, t.text, o, t.start))
                checked += 1
                nonzero += got != 0.0
                skipped += not spin_topic._in_table(spin_topic.key(o))
    assert checked > 2_000 and nonzero > 500 and skipped > 100


def test_a_key_the_table_does_not_store_is_in_no_pair(spun: list[str]) -> None:
    """The build's invariant the skip rests on, over every pair of a document's keys."""
    table = spin_topic.get_table()
    # the first document with keys on both sides (which one depends on the corpus found:
    # ../shared's registers, or the fallback texts of a clean clone)
    for text in spun:
        keys = sorted({k for k in spin_topic._doc_keys(Document(text))[1] if k is not None})
        stored = {k for k in keys if spin_topic._in_table(k)}
        if 0 < len(stored) < len(keys):
            break
    assert 0 < len(stored) < len(keys)
    found = 0
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if table.log_count(f"{a} {b}") is not None:
                assert a in stored and b in stored
                found += 1
    assert found > 20


def test_stored_keys_are_read_per_document() -> None:
    first = Document("The harvest of wheat and corn was sold at the market.")
    assert spin_topic._doc_stored(first) <= {"harvest", "wheat", "corn", "sold", "market"}
    other = Document("The orchestra played a symphony in the concert hall.")
    got = spin_topic._doc_stored(other)
    assert "wheat" not in got and got == {
        k for k in spin_topic._doc_keys(other)[1] if k is not None and spin_topic._in_table(k)
    }


# The re-read skips rows whose context no restoration reaches (spin_context.reads_restored).


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_row_no_restoration_reaches_keeps_its_context(spun: list[str], seed: int) -> None:
    """Random restorations (one word, a phrase over several tokens, one word over two):
    where :func:`reads_restored` says no, both contexts are equal; where it says yes they
    sometimes differ (the skip is not vacuous)."""
    rng = random.Random(seed)
    same = differ = 0
    for text in spun[seed::4]:
        doc = Document(text)
        before, after = WordContext.of(doc), WordContext.of(doc)
        n = len(before.starts)
        for _ in range(n // 25):
            k = rng.randrange(n - 3)
            span = rng.choice([1, 1, 2, 3])
            repl = rng.choice(["word", "two words", "a three word"])
            after.restore(before.starts[k], before.ends[k + span - 1], repl)
        restored = restored_tokens(before, after)
        assert restored
        for t in doc.words:
            old = context(doc, before, t.start, t.end)
            new = context(doc, after, t.start, t.end)
            if not reads_restored(before, restored, t.start, t.end):
                assert new == old, (t.text, old, new)
                same += 1
            elif new != old:
                differ += 1
    assert same > 300 and differ > 30
