"""Issue 14, session 24: the OCR scorer's decision compiled (``_ocrwalk.decide``).

The compiled decision must give the same ``Decision`` as ``Scorer._decide`` (the same
field types and the same floats, bit for bit), leave the same sequence memos (the
scorer's own filled, the last document's emptied of what was taken), and a garbled page
must get the same edits with it on and off.
"""

from __future__ import annotations

import itertools
import math
import struct
from functools import partial

import pytest

from repair.bench.speed import ocr_speed_text
from repair.score import ocr as ocr_score
from repair.score import ocr_decide_fast, ocr_walk_fast
from repair.score.ocr import Decision, Scorer

pytestmark = pytest.mark.skipif(
    ocr_walk_fast.module() is None or not hasattr(ocr_walk_fast.module(), "decide"),
    reason="the optional extension is not built",
)


def _bits(d: Decision) -> tuple:
    """``d`` field by field, each float as its bytes (``-0.0`` and NaN told apart)."""
    return tuple((type(v).__name__, struct.pack("<d", v) if type(v) is float else v) for v in d)


def _compiled(scorer: Scorer) -> partial:
    fast = ocr_decide_fast.compiled(scorer)
    assert fast is not None
    return ocr_score._decider(scorer)


ORIGS = [["tbe"], ["The"], ["bis"], ["kingwas"], ["ot", "the"], [], ("tho",), ["zzqx"]]
ALTS = [["the"], ["his"], ["king", "was"], ["of", "the", "house"], ["Tho"], ("on",)]
PREVS = [[], ["in"], ["sat", "in"], ["he", "sat", "in"], ("was", "it"), ("at",)]
NXTS = [[], ["house"], ["house", "was"], ["house", "was", "old"], ("of", "the", "day")]
OPTIONS = [
    # cost, orig_known, threshold, split_charge, prior_per_zipf
    (1.3, False, None, True, None),
    (0.0, True, None, True, None),
    (2.7, True, 2.5, False, 0.2),
    (0.4, False, -3, True, None),  # an int threshold stays an int
    (5.0, True, 1, True, 1),  # int threshold and prior
    (0.9, 1, None, 0, None),  # truthy ints
    (-1.0, False, -7.0, True, None),
]


def test_compiled_decision_equals_the_python_one() -> None:
    """Every combination: the same Decision, field types and float bits."""
    py, c = Scorer(), Scorer()
    fast = _compiled(c)
    n = 0
    for orig, alt, prev, nxt, opt in itertools.product(ORIGS, ALTS, PREVS, NXTS, OPTIONS):
        want = py._decide(orig, alt, prev, nxt, *opt)
        got = fast(orig, alt, prev, nxt, *opt)
        assert type(got) is Decision
        assert _bits(got) == _bits(want), (orig, alt, prev, nxt, opt)
        n += 1
    assert n > 5_000
    assert py._seq == c._seq  # the same keys and scores memoised
    accepted = {py._decide(o, a, p, x, *opt).accept for o, a, p, x, opt in
                itertools.product(ORIGS[:3], ALTS[:2], PREVS[:3], NXTS[:3], OPTIONS)}  # fmt: skip
    assert accepted == {True, False}  # both branches compared


def test_compiled_decision_reads_and_empties_the_last_documents_memo() -> None:
    """A score the last document's scorer left is taken (and removed) as in Python."""
    first = Scorer()
    first._decide(["tbe"], ["the"], ["in"], ["house"], 1.3, False, None, True, None)
    first._decide(["bis"], ["his"], ["to"], ["wife"], 1.0, True, None, True, None)
    first.hand_over()
    py = Scorer()
    py.take_over()
    first._decide(["tbe"], ["the"], ["in"], ["house"], 1.3, False, None, True, None)
    first._decide(["bis"], ["his"], ["to"], ["wife"], 1.0, True, None, True, None)
    first.hand_over()
    c = Scorer()
    c.take_over()
    assert py._old_seq == c._old_seq and len(c._old_seq) == 4
    for args in [
        (["tbe"], ["the"], ["in"], ["house"], 1.3, False, None, True, None),
        (["tbe"], ["tho"], ["in"], ["house"], 1.1, False, None, True, None),
    ]:
        assert _bits(_compiled(c)(*args)) == _bits(py._decide(*args))
    assert py._old_seq == c._old_seq and len(c._old_seq) == 2
    assert py._seq == c._seq and len(c._seq) == 3


def test_compiled_decision_only_for_a_plain_scorer(monkeypatch: pytest.MonkeyPatch) -> None:
    class Own(Scorer):
        def seq(self, words: list[str], prev: list[str], nxt: list[str]) -> float:
            return -1.0

    assert ocr_decide_fast.compiled(Own()) is None
    assert ocr_score._decider(Own()).__func__ is Scorer._decide
    monkeypatch.setattr(ocr_decide_fast, "FAST", False)
    assert ocr_decide_fast.compiled(Scorer()) is None


def test_compiled_decision_refuses_bad_arguments() -> None:
    fast = ocr_walk_fast.module().decide
    s = Scorer()
    with pytest.raises(TypeError):
        fast(s._seq, s._old_seq)
    with pytest.raises(TypeError):
        fast([], {}, s.lm, len, Decision, 0.0, 0.0, 0.0, 0.0, ["a"], ["b"], [], [], 1.0,
             False, None, True, None)  # fmt: skip
    with pytest.raises(TypeError):
        fast(s._seq, s._old_seq, s.lm, len, Decision, 0.0, 0.0, 0.0, 0.0, ["a"], ["b"], [],
             [], "x", False, None, True, None)  # fmt: skip


def test_garbled_page_edits_the_same_compiled_and_in_python(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The scorer's decisions on a garbled 3 k-word page: equal, and so are the edits."""
    from repair.pipeline import repair_text

    text = ocr_speed_text(3_000)
    calls = {"fast": 0}
    real = ocr_score._decider

    def counting(scorer: Scorer) -> object:
        d = real(scorer)
        if isinstance(d, partial):
            calls["fast"] += 1
        return d

    monkeypatch.setattr(ocr_score, "_decider", counting)
    on = repair_text(text)
    assert calls["fast"] >= 2
    monkeypatch.setattr(ocr_decide_fast, "FAST", False)
    off = repair_text(text)
    assert on.text == off.text and on.text != text
    assert on.edits == off.edits and len(on.edits) > 50


def test_compiled_lm_sum_equals_sequence_logprob(monkeypatch: pytest.MonkeyPatch) -> None:
    """The compiled decision's own n-gram sum: the model's ``sequence_logprob`` bit for bit
    (unknown words, capitals, 0-3 history words); with it off, the method is asked."""
    s = Scorer()
    prob, base, unknown = ocr_decide_fast.lm_parts(s.lm)
    assert prob is not None
    words = [["The"], ["tbe", "House"], ["zzqxq"], ["of", "the", "Qqzv"], ["AND"], []]
    hist = [[], ["in"], ["Sat", "in"], ["he", "sat", "in"], ("zzqxq", "the")]
    for w, h, nxt in itertools.product(words, hist, [[], ["was"], ["zzzq", "of", "x"]]):
        for lm_sum in (True, False):
            monkeypatch.setattr(ocr_decide_fast, "LM_SUM", lm_sum)
            fresh = Scorer()
            assert (ocr_decide_fast.lm_parts(fresh.lm)[0] is None) is not lm_sum
            got = _compiled(fresh)(w, ["the"], h, nxt, 1.0, False, None, False, None)
            want = s.lm.sequence_logprob((*w, *nxt[:2]), h[-2:])
            key = (*w, None, *h[-2:], None, *nxt[:2])
            assert struct.pack("<d", fresh._seq[key]) == struct.pack("<d", want)
            assert got.gain == fresh._seq[("the", None, *h[-2:], None, *nxt[:2])] - want


def test_repriced_and_memo_decisions_are_plain_decisions() -> None:
    """``_repriced`` (built with ``tuple.__new__``) equals ``_replace``'s decision, and a
    memoised decision reads back as the ``Decision`` put in."""
    from repair.score.ocr import DecisionMemo, _repriced

    for d in [
        Decision(True, "lm_gain", 2.5, 0.8, 3.1, 0.6, "tbe", 1.0),
        Decision(False, "margin_below_threshold", -0.5, 0.0, 1.1, 1.6, None, -3),
        Decision(True, "lm_gain", 4.0, 0.9, 6.0, 2.0, "bis", 3.5),
    ]:
        for extra in (-2.25, -0.1, 0.0, 0.7, 5.0):
            margin = d.margin - extra
            if margin < d.threshold:
                want = d._replace(accept=False, reason="margin_below_threshold",
                                  margin=margin, confidence=0.0, cost=d.cost + extra)  # fmt: skip
            else:
                conf = max(0.5, 1.0 / (1.0 + math.exp(-(margin - d.threshold + 1.0))))
                want = d._replace(accept=True, reason="lm_gain", margin=margin,
                                  confidence=conf, cost=d.cost + extra)  # fmt: skip
            got = _repriced(d, extra)
            assert type(got) is Decision and _bits(got) == _bits(want)
        memo = DecisionMemo()
        memo.put(3, (["a"], ["b"]), d)
        got = memo.get_in(3, ["a"], ["b"])
        assert type(got) is Decision and _bits(got) == _bits(d)
