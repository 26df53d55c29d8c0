"""Session 28 (spinspeed28): key-table look-ups and the spin LM gains compiled, exact.

* :mod:`repair.resources.key_table`: BLAKE2b-8 keys and the bucketed bisection of the
  bigram counts, the spin topic table and the known terms, in C
  (``repair/resources/_keyhash.c``) or Python (:class:`~repair.resources.key_table.PyTable`):
  the same keys, positions and scaled counts.
* :func:`repair.score.spin_evidence._gains`: the LM part of the candidate tables in C
  (``repair/score/_spingains.c``) or Python (``_py_gains``): the same rows, bit for bit,
  on every word of spun dev documents and on random contexts.
* :func:`repair.detect.tortured_odd.count`: the pairs of one side looked up together;
  the same odd words as the one-pair-at-a-time definition.
* Whole repairs of spun dev documents: the same text and edits with the compiled parts
  on and off.

The compiled modules are optional (``setup.py``); the tests of the compiled side are
skipped when they are not built, the Python side always runs.
"""

from __future__ import annotations

import math
import random
import sys
from array import array
from pathlib import Path

import pytest

from repair.config import RepairConfig
from repair.document import Document
from repair.pipeline import repair_text
from repair.resources import key_table
from repair.resources.bigrams import BUCKET_BITS, STEPS, get_bigrams
from repair.resources.digest import blake2b
from repair.score import spin_evidence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_sim import spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402

SPINNERS = ("wordnet", "rare", "double")

try:
    from repair.resources import _keyhash  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not built
    _keyhash = None
try:
    from repair.score import _spingains  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not built
    _spingains = None

needs_keyhash = pytest.mark.skipif(_keyhash is None, reason="_keyhash not built")
needs_gains = pytest.mark.skipif(_spingains is None, reason="_spingains not built")


@pytest.fixture(scope="module")
def spun() -> list[str]:
    """Four dev documents spun by three spinners (12 texts)."""
    docs = select("dev", 400)[:4]
    return [
        spin_doc(d.doc_id, d.register, d.text, s, "dev", 0.25).spun for d in docs for s in SPINNERS
    ]


def _bits(x: float) -> tuple[bool, str]:
    return (math.copysign(1.0, x) < 0, x.hex())  # -0.0 and 0.0 differ here


def _texts(rng: random.Random, n: int) -> list[str]:
    words = ["the", "of", "neural", "network", "paper", "we", "descant", "data", "training"]
    alpha = "abcdefghijklmnopqrstuvwxyz é’—中\U0001f600"
    out = []
    for i in range(n):
        if i % 3:
            out.append(f"{rng.choice(words)} {rng.choice(words)}")
        else:
            out.append("".join(rng.choice(alpha) for _ in range(rng.randrange(0, 300))))
    return out


def test_py_key_is_blake2b_8_little_endian() -> None:
    for t in ("", "a", "neural network", "é’中\U0001f600", "x" * 200):
        want = int.from_bytes(blake2b(t.encode(), digest_size=8).digest(), "little")
        assert key_table.key(t) == want


@needs_keyhash
def test_compiled_key_equals_python_key() -> None:
    rng = random.Random(28)
    texts = _texts(rng, 3000) + ["x" * n for n in range(0, 400)]
    assert [_keyhash.key(t) for t in texts] == [key_table.key(t) for t in texts]
    with pytest.raises(UnicodeEncodeError):
        _keyhash.key("\ud800")  # a lone surrogate fails as str.encode() does


def _both_tables() -> list[key_table.KeyTable]:
    book = get_bigrams()
    tables: list[key_table.KeyTable] = [key_table.PyTable(book._offsets, book._keys, BUCKET_BITS)]
    if _keyhash is not None:
        tables.append(_keyhash.Table(book._offsets, book._keys, BUCKET_BITS))
    return tables


def test_lookups_find_stored_and_miss_unstored() -> None:
    book = get_bigrams()
    rng = random.Random(5)
    texts = _texts(rng, 3000)
    for table in _both_tables():
        got = table.scaled(texts, book._counts, STEPS)
        assert sum(v is not None for v in got) > 200  # stored pairs are found
        assert sum(v is None for v in got) > 1000  # and random strings are not
        for t, v in zip(texts, got, strict=True):
            i = table.index(t)
            assert (v is None) == (i < 0)
            if i >= 0:
                assert book._keys[i] == key_table.key(t)
                assert v == book._counts[i] / STEPS


@needs_keyhash
def test_compiled_table_equals_python_table() -> None:
    book = get_bigrams()
    py, c = _both_tables()
    rng = random.Random(7)
    texts = _texts(rng, 5000)
    assert [c.index(t) for t in texts] == [py.index(t) for t in texts]
    assert c.scaled(texts, book._counts, STEPS) == py.scaled(texts, book._counts, STEPS)
    assert c.scaled(iter(texts[:50]), book._counts, STEPS) == py.scaled(
        texts[:50], book._counts, STEPS
    )  # any iterable


def test_small_table_edges() -> None:
    """A hand-made table: the first and last keys of a bucket, an empty bucket, a miss."""
    texts = [f"w{i}" for i in range(40)]
    keys = sorted(key_table.key(t) for t in texts)
    bits = 2
    offsets = array("I", [0] * ((1 << bits) + 1))
    for k in keys:
        offsets[(k >> (64 - bits)) + 1] += 1
    for b in range(1, len(offsets)):
        offsets[b] += offsets[b - 1]
    values = bytes(range(40))
    tables: list[key_table.KeyTable] = [key_table.PyTable(offsets, array("Q", keys), bits)]
    if _keyhash is not None:
        tables.append(_keyhash.Table(offsets, array("Q", keys), bits))
        with pytest.raises(ValueError):
            _keyhash.Table(offsets, array("Q", keys), 3)  # wrong offsets length
    for table in tables:
        for t in texts:
            i = table.index(t)
            assert keys[i] == key_table.key(t)
        assert table.index("w40") == -1
        assert table.scaled(["w0", "nope"], values, 8) == [
            keys.index(key_table.key("w0")) / 8,
            None,
        ]


def _gain_calls(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """The (left, written, right, originals) of every candidate table the repair of
    ``texts`` reads (recorded from the spin stage's own calls)."""
    calls: list[tuple] = []
    real = spin_evidence._gains

    def record(left, written, right, originals, min_left=None):  # type: ignore[no-untyped-def]
        calls.append((list(left), written, list(right), originals))
        return real(left, written, right, originals, min_left)

    with monkeypatch.context() as m:
        m.setattr(spin_evidence, "_gains", record)
        for text in texts:
            repair_text(text, config=RepairConfig())
    return calls


def _same_rows(a: object, b: object) -> None:
    if a is None or b is None:
        assert a is None and b is None
        return
    s1, h1, rows1, top1, cut1 = a  # type: ignore[misc]
    s2, h2, rows2, top2, cut2 = b  # type: ignore[misc]
    assert s1 == s2
    assert _bits(h1) == _bits(h2) and _bits(top1) == _bits(top2) and _bits(cut1) == _bits(cut2)
    assert len(rows1) == len(rows2)
    for (n1, k1, l1), (n2, k2, l2) in zip(rows1, rows2, strict=True):
        assert (k1, _bits(n1), _bits(l1)) == (k2, _bits(n2), _bits(l2))


@needs_gains
def test_compiled_gains_equal_python_on_spun_words(
    spun: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    prob = spin_evidence.get_lm()._model.prob
    calls = _gain_calls(spun, monkeypatch)
    assert len(calls) > 1500
    n_rows = n_none = 0
    for left, written, right, origs in calls:
        for min_left in (None, 0.0, 1.5):
            py = spin_evidence._py_gains(prob, left, written, right, origs, min_left)
            fast = spin_evidence._gains(left, written, right, origs, min_left)
            _same_rows(fast, py)
            if py is None:
                n_none += 1
            else:
                n_rows += len(py[2])
    assert n_rows > 10_000 and n_none > 500  # rows compared, and the min_left cut taken


@needs_gains
def test_compiled_gains_equal_python_on_random_contexts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Short and long contexts (0-4 words each side), unknown words, repeated candidates."""
    prob = spin_evidence.get_lm()._model.prob
    rng = random.Random(11)
    vocab = ["the", "of", "a", "house", "garden", "zzqx", "network", "paper", "big", "Large"]
    origs_pool = ("house", "home", "garden", "zzqx", "big", "large", "great", "house")
    for _ in range(3000):
        left = [rng.choice(vocab) for _ in range(rng.randrange(0, 5))]
        right = [rng.choice(vocab) for _ in range(rng.randrange(0, 5))]
        origs = tuple(rng.sample(origs_pool, rng.randrange(0, len(origs_pool) + 1)))
        written = rng.choice(vocab)
        min_left = rng.choice((None, -5.0, 0.0, 2.0))
        _same_rows(
            spin_evidence._gains(left, written, right, origs, min_left),
            spin_evidence._py_gains(prob, left, written, right, origs, min_left),
        )


@needs_gains
def test_compiled_fill_equals_generated_loop(
    spun: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The packed rows (gain, score, unigram, left gain, source rank), their names and the
    chosen row: the compiled loop against the generated Python loop, bit for bit, with
    document counts (a Counter and a plain mapping) and the window's cut."""
    from collections import Counter
    from types import MappingProxyType

    ranker = spin_evidence.get_ranker()
    fill = spin_evidence._packed_filler(ranker)
    assert fill is not None
    calls = _gain_calls(spun[:6], monkeypatch)
    rng = random.Random(3)
    n_rows = n_cut = 0
    for left, written, right, origs in calls:
        read = spin_evidence._gains(left, written, right, origs, None)
        assert read is not None
        s, s_hist, gains, top, cut = read
        counts = Counter({o: rng.randrange(0, 8) for o in origs if rng.random() < 0.5})
        statics = spin_evidence._statics(s, origs)
        n = max(len(origs), 1)
        for cnt in (counts, MappingProxyType(dict(counts))):
            out = []
            for compiled in (True, False):
                monkeypatch.setattr(spin_evidence, "COMPILED_GAINS", compiled)
                data, names = array("d"), []
                best = fill(gains, cut, top, s_hist, statics, origs, cnt, n, data, names)
                out.append((data.tobytes(), names, best))
            monkeypatch.setattr(spin_evidence, "COMPILED_GAINS", True)
            assert out[0] == out[1]
        n_rows += len(out[0][1])
        n_cut += len(out[0][1]) < len(gains)
    assert n_rows > 5000 and n_cut > 50  # rows compared, and the cut taken


def _count_pairwise(doc: Document) -> int:
    """:func:`repair.detect.tortured_odd.count`'s odd words, one pair at a time (the
    definition: :func:`~repair.detect.tortured_odd.pmi` of each candidate's pair)."""
    from repair.candidates.spin_synonyms import STOPWORDS
    from repair.candidates.tortured_rare import has_candidates, pool
    from repair.detect import tortured_odd as odd
    from repair.resources.frequency import zipf

    words = odd._sentence_words(doc)
    n_odd = 0
    for i, w in enumerate(words):
        if not w or len(w) < 4 or not w.isalpha() or not w.islower() or w in STOPWORDS:
            continue
        if zipf(w) > odd.MAX_ZIPF or not has_candidates(w):
            continue
        found = False
        for j in (i - 1, i + 1):
            if j < 0 or j >= len(words) or not words[j]:
                continue
            near = str(words[j]).lower()
            written = odd.pmi(near, w) if j < i else odd.pmi(w, near)
            floor = odd.UNSEEN_PMI if written is None else written
            for c in pool(w):
                got = odd.pmi(near, c) if j < i else odd.pmi(c, near)
                if got is not None and got >= odd.MIN_PAIR_PMI and got - floor >= odd.MIN_PMI_GAIN:
                    found = True
        n_odd += found
    return n_odd


def test_odd_count_equals_pairwise_definition(spun: list[str]) -> None:
    from repair.detect import tortured_odd

    total = 0
    for text in spun:
        doc = Document(text)
        odd, _n = tortured_odd.count(doc)
        assert odd == _count_pairwise(doc)
        total += odd
    assert total > 20  # the texts have odd words


def _run(texts: list[str]) -> list[tuple]:
    out = []
    for t in texts:
        r = repair_text(t, config=RepairConfig())
        out.append((r.text, [e.to_json() for e in r.edits], repr(r.scores.spin)))
    return out


@pytest.mark.skipif(_keyhash is None or _spingains is None, reason="not built")
def test_whole_repair_same_compiled_or_python(
    spun: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from repair.detect import collocation
    from repair.resources import bigrams
    from repair.score import spin_topic

    texts = spun[:6]
    fast = _run(texts)
    monkeypatch.setattr(key_table, "COMPILED", False)
    monkeypatch.setattr(spin_evidence, "COMPILED_GAINS", False)
    for cache in (bigrams.get_bigrams, spin_topic.get_table, collocation.load_terms):
        cache.cache_clear()
    try:
        assert isinstance(bigrams.get_bigrams()._table, key_table.PyTable)
        slow = _run(texts)
    finally:
        for cache in (bigrams.get_bigrams, spin_topic.get_table, collocation.load_terms):
            cache.cache_clear()
    assert fast == slow
    assert sum(len(e) for _t, e, _s in fast) > 100
