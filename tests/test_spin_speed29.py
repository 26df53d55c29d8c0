"""Session 29 (spinspeed29): n-gram look-ups without the pocketsphinx wrapper, exact.

:class:`repair.resources._lmprob.Prob` calls pocketsphinx's C ``ngram_prob`` on the model
the binding loaded; ``LanguageModel.prob`` is that when built (``lm.COMPILED_PROB``), and the
compiled spin gains (``repair/score/_spingains.c``) call it through ``LanguageModel.prob_api``
(a capsule) with no Python call.  Everything must equal the binding's ``NGramModel.prob``:
the same ints, the same exceptions, the same rows bit for bit, the same repairs.
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

import pytest

from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.resources import lm as lm_mod
from repair.resources.lm import LanguageModel, get_lm
from repair.score import spin_evidence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_sim import spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402

try:
    from repair.resources import _lmprob  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not built
    _lmprob = None
try:
    from repair.score import _spingains  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not built
    _spingains = None

needs_lmprob = pytest.mark.skipif(_lmprob is None, reason="_lmprob not built")

VOCAB = [
    "the", "of", "a", "house", "garden", "network", "paper", "said", "he", ".", ",", "<s>",
    "</s>", "<UNK>", "zzqx", "café", "naïve", "", " ", "HOUSE", "House", "new", "york",
    "united", "states", "a\x00b", "中", "\U0001f600", "don't", "i", "was", "in", "to",
]  # fmt: skip


def _binding() -> object:
    return get_lm()._model


def _direct() -> object:
    """A compiled look-up on the shared model, made here (not the one ``get_lm`` chose
    after its own check, so that these tests see the C function itself)."""
    import pocketsphinx._pocketsphinx as binding

    return _lmprob.Prob(_binding(), binding.__file__)


def _ngrams(rng: random.Random, n: int) -> list[list[str]]:
    return [[rng.choice(VOCAB) for _ in range(rng.randrange(1, 5))] for _ in range(n)]


@needs_lmprob
def test_lm_uses_the_compiled_lookup() -> None:
    lm = get_lm()
    assert isinstance(lm.prob, _lmprob.Prob)
    assert type(lm.prob_api).__name__ == "PyCapsule"


@needs_lmprob
def test_prob_equals_binding() -> None:
    """1-4 words, known and unknown, case, non-ASCII, empty, NUL, the sentence marks;
    lists and tuples; longer lists (handed to the binding) too."""
    model = _binding()
    fast = _direct()
    rng = random.Random(29)
    n_known = 0
    for words in _ngrams(rng, 20_000):
        want = model.prob(words)  # type: ignore[attr-defined]
        assert fast(words) == want
        assert fast(tuple(words)) == want
        n_known += want > -100_000_000
    assert n_known > 2_000  # not only unknown words
    long = ["of", "the", "in", "a", "to", "and", "is", "was", "he", "said"]
    assert fast(long) == model.prob(long)  # type: ignore[attr-defined]


@needs_lmprob
def test_prob_raises_as_binding() -> None:
    model = _binding()
    fast = _direct()
    for bad in (["\udc80"], ["the", "\ud800x"], [b"the"], [1, "the"], "the"):
        try:
            model.prob(bad)  # type: ignore[attr-defined]
        except Exception as exc:  # noqa: BLE001 - the same kind is all that is asked
            with pytest.raises(type(exc)):
                fast(bad)
        else:
            assert fast(bad) == model.prob(bad)  # type: ignore[attr-defined]


@needs_lmprob
def test_prob_refuses_other_objects() -> None:
    import pocketsphinx._pocketsphinx as binding
    from pocketsphinx import LogMath

    with pytest.raises(ValueError):
        _lmprob.Prob(LogMath(), binding.__file__)  # the same size, not an NGramModel
    with pytest.raises(ValueError):
        _lmprob.Prob(object(), binding.__file__)
    with pytest.raises(ValueError):
        _lmprob.Prob(_binding(), "/nonexistent/libnothing.so")
    # a library that is loaded but is not the one the NGramModel type comes from
    import math as m

    with pytest.raises(ValueError):
        _lmprob.Prob(_binding(), m.__file__)


@needs_lmprob
def test_language_model_same_with_or_without_compiled_lookup(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fast = get_lm()
    monkeypatch.setattr(lm_mod, "COMPILED_PROB", False)
    slow = LanguageModel()
    assert slow.prob == slow._model.prob and slow.prob_api == slow.prob
    rng = random.Random(5)
    for words in _ngrams(rng, 3_000):
        hist = words[1:]
        w = words[0]
        assert _bits(fast.logprob(w, hist)) == _bits(slow.logprob(w, hist))
        assert fast.known(w) == slow.known(w)
        right = [rng.choice(VOCAB) for _ in range(rng.randrange(0, 5))]
        assert _bits(fast.sequence_logprob(right, hist)) == _bits(
            slow.sequence_logprob(right, hist)
        )


def _bits(x: float) -> tuple[bool, str]:
    return (math.copysign(1.0, x) < 0, x.hex())


class _Loud(str):
    """A str whose ``lower`` is its own (the Python loop calls it; so must the C one)."""

    def lower(self) -> str:
        return _Loud(str.upper(self))


@needs_lmprob
def test_sequence_equals_python_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tuples, generators, str subclasses with their own ``lower``, 0-2 history words;
    a word without ``lower`` raises as in the Python loop."""
    fast = get_lm()
    assert fast._sequence is not None
    monkeypatch.setattr(lm_mod, "COMPILED_PROB", False)
    slow = LanguageModel()
    assert slow._sequence is None
    cases: list[tuple[object, list[str]]] = [
        (("The", "House"), ["of"]),
        ([_Loud("the"), "house", _Loud("of")], ["in", "the"]),
        ([], ["of", "the"]),
        (["House", "garden"], []),
    ]
    for words, hist in cases:
        a = fast.sequence_logprob(words, hist)  # type: ignore[arg-type]
        b = slow.sequence_logprob(words, hist)  # type: ignore[arg-type]
        assert _bits(a) == _bits(b)
        gen_a = fast.sequence_logprob((w for w in words), hist)  # type: ignore[arg-type, union-attr]
        assert _bits(gen_a) == _bits(b)
    for bad in (["the", None], ["the", 3], ["\udc80"]):
        with pytest.raises((AttributeError, UnicodeEncodeError)) as want:
            slow.sequence_logprob(bad, ["of"])  # type: ignore[arg-type]
        with pytest.raises(want.type):
            fast.sequence_logprob(bad, ["of"])  # type: ignore[arg-type]


@pytest.mark.skipif(_lmprob is None or _spingains is None, reason="not built")
def test_gains_through_capsule_equal_gains_through_binding() -> None:
    """``_spingains.gains`` handed the capsule against the same function handed the
    binding's ``prob``: the same rows bit for bit (random contexts, 0-4 words a side)."""
    lm = get_lm()
    api = _direct().api()  # type: ignore[attr-defined]
    rng = random.Random(17)
    origs_pool = ("house", "home", "garden", "zzqx", "big", "large", "great", "café", "")
    n_rows = 0
    for _ in range(3000):
        left = [rng.choice(VOCAB).lower() for _ in range(rng.randrange(0, 5))]
        right = [rng.choice(VOCAB).lower() for _ in range(rng.randrange(0, 5))]
        origs = tuple(rng.sample(origs_pool, rng.randrange(0, len(origs_pool) + 1)))
        s = rng.choice(VOCAB).lower()
        min_left = rng.choice((None, -5.0, 0.0, 2.0))
        args = (
            s, left[-1] if left else None, left[-2] if len(left) >= 2 else None, origs,
            right, min_left, spin_evidence.WINDOW, spin_evidence._LOG_BASE,
            spin_evidence.UNKNOWN_LOGPROB,
        )  # fmt: skip
        a = _spingains.gains(api, *args)
        b = _spingains.gains(lm._model.prob, *args)
        if a is None or b is None:
            assert a is None and b is None
            continue
        assert _bits(a[0]) == _bits(b[0]) and _bits(a[2]) == _bits(b[2])
        assert _bits(a[3]) == _bits(b[3])
        assert [(k, _bits(g), _bits(p)) for g, k, p in a[1]] == [
            (k, _bits(g), _bits(p)) for g, k, p in b[1]
        ]
        n_rows += len(a[1])
    assert n_rows > 3_000


@needs_lmprob
def test_whole_repair_same_with_binding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Spun dev documents (three spinners) and a clean one: the same text, edits and spin
    score whether the LM is read through the compiled look-up or the binding."""
    docs = select("dev", 400)[4:6]
    texts = [d.text for d in docs[:1]] + [
        spin_doc(d.doc_id, d.register, d.text, s, "dev", 0.25).spun
        for d in docs
        for s in ("wordnet", "rare", "double")
    ]

    def run() -> list[tuple]:
        out = []
        for t in texts:
            r = repair_text(t, config=RepairConfig())
            out.append((r.text, [e.to_json() for e in r.edits], repr(r.scores.spin)))
        return out

    fast = run()
    lm = get_lm()
    monkeypatch.setattr(lm, "prob", lm._model.prob)
    monkeypatch.setattr(lm, "prob_api", lm._model.prob)
    for cache in (spin_evidence._written_static, spin_evidence._original_static):
        cache.cache_clear()
    spin_evidence._static_rows.cache_clear()
    spin_evidence.candidates_for.cache_clear()
    slow = run()
    assert fast == slow
    assert sum(len(e) for _t, e, _s in fast) > 50
