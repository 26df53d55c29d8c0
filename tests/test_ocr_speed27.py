"""Issue 14, session 27: ``_decide_all``'s loop over the candidates compiled.

``_ocrwalk.decide_all`` (``repair/score/_ocrwalk.c``) runs the loop of
:func:`repair.score.ocr._decide_all` that :func:`repair.score.ocr._decide_loop` runs in
Python: the same decisions asked (memo hits where the context is unchanged), the same
memo arrays written, the same page-cache prices, groups, near misses and same-reading
list, in the same order.  Both are run here on garbled pages (first pass, a second pass
with revised contexts, repriced and forgotten decisions) and on odd candidates, and
their states compared field by field, each float by its bits.
"""

from __future__ import annotations

import struct
from typing import Any

import pytest

from repair.bench.speed import ocr_speed_text
from repair.document import Document
from repair.score import ocr as ocr_score
from repair.score import ocr_cache, ocr_decide_fast, ocr_rescue, ocr_walk_fast
from repair.score.ocr import Decision, DecisionMemo, Scorer, _Context, _decide_all
from repair.stages.ocr import STAGE
from repair.types import Candidate

pytestmark = pytest.mark.skipif(
    ocr_walk_fast.module() is None or not hasattr(ocr_walk_fast.module(), "decide_all"),
    reason="the optional extension is not built",
)


def _bits(v: Any) -> Any:
    """``v`` with each float as its bytes (``-0.0`` and NaN told apart), recursively."""
    if type(v) is float:
        return ("f", struct.pack("<d", v))
    if isinstance(v, tuple):
        return (type(v).__name__, tuple(_bits(x) for x in v))
    if isinstance(v, list):
        return [_bits(x) for x in v]
    if isinstance(v, dict):
        return {k: _bits(x) for k, x in v.items()}
    if isinstance(v, Candidate):
        return ("cand", id(v))
    return v


def _memo_state(memo: DecisionMemo) -> tuple:
    return (
        bytes(memo._code),
        memo._num.tobytes(),
        list(memo._word),
        _bits(list(memo._around)),
        _bits(dict(memo._whole)),
    )


def _page(words: int, seed_text: str | None = None) -> tuple[Document, list[Candidate], bool]:
    doc = Document(seed_text if seed_text is not None else ocr_speed_text(words))
    det = STAGE.detect(doc)
    garbled = bool(det.details.get("garbled"))
    return doc, STAGE.candidates(doc, det), garbled


def _run(
    monkeypatch: pytest.MonkeyPatch,
    compiled: bool,
    doc: Document,
    cands: list[Candidate],
    garbled: bool,
    passes: int = 2,
) -> tuple[list[tuple], tuple, dict]:
    """``_decide_all`` run ``passes`` times as ``score_candidates`` runs it (the page's
    counts set, the first pass's readings revised into the context, a third of the
    decisions repriced and a few forgotten between passes)."""
    monkeypatch.setattr(ocr_decide_fast, "LOOP", compiled)
    assert (ocr_decide_fast.loop() is not None) is compiled
    scorer = Scorer()
    ctx = _Context(doc.words)
    if garbled:
        counts = ocr_cache.page_counts(w.text for w in doc.words)
        ctx.page = (counts, sum(counts.values()))
    memo = DecisionMemo()
    out = []
    for p in range(passes):
        groups = _decide_all(scorer, ctx, cands, garbled, memo)
        out.append(_bits(groups))
        for (start, end), items in groups.items():
            ctx.revise(start, end, max(items, key=lambda x: x[0])[1].replacement)
        for k in range(p, len(cands), 3):
            seen = memo.get(k)
            if seen is not None:
                memo[k] = (seen[0], seen[1], ocr_score._repriced(seen[2], 0.25))
        for k in range(p, len(cands), 17):
            memo.pop(k)
    return out, _memo_state(memo), dict(scorer._seq)


@pytest.mark.parametrize("words", [1_500, 6_000])
def test_compiled_loop_equals_the_python_loop_on_garbled_pages(
    monkeypatch: pytest.MonkeyPatch, words: int
) -> None:
    doc, cands, garbled = _page(words)
    assert garbled and len(cands) > 500
    py = _run(monkeypatch, False, doc, cands, garbled, passes=3)
    c = _run(monkeypatch, True, doc, cands, garbled, passes=3)
    assert c[0] == py[0]  # the groups of each pass: margins, candidates, evidence
    assert c[1] == py[1]  # the memo's arrays
    assert c[2] == py[2]  # the scorer's sequence scores
    accepted = sum(len(g) for g in py[0][0])
    assert accepted > 50 and py[0][0] != py[0][1]  # the second pass decided anew


def test_compiled_loop_keeps_rescues_and_same_readings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The near misses (rescue) and the same-reading list (``CONSISTENT`` on), and the
    page cache restricted to a set of findings: the same in both loops."""
    doc, cands, garbled = _page(3_000)
    monkeypatch.setattr(ocr_rescue, "CONSISTENT", True)
    seen: dict[bool, list] = {}
    near: dict[bool, list] = {}
    real, real_rescue = ocr_rescue.consistent, ocr_rescue.rescue

    def keep(groups: dict, same: list) -> None:
        seen.setdefault(ocr_decide_fast.LOOP, []).append(_bits(same))
        real(groups, same)

    def keep_near(groups: dict, misses: dict) -> None:
        near.setdefault(ocr_decide_fast.LOOP, []).append(_bits(misses))
        real_rescue(groups, misses)

    monkeypatch.setattr(ocr_rescue, "consistent", keep)
    monkeypatch.setattr(ocr_rescue, "rescue", keep_near)
    for findings in (None, frozenset({"nonword"})):
        monkeypatch.setattr(ocr_cache, "FINDINGS", findings)
        seen.clear()
        near.clear()
        py = _run(monkeypatch, False, doc, cands, garbled)
        c = _run(monkeypatch, True, doc, cands, garbled)
        assert c == py
        assert seen[True] == seen[False] and len(seen[True][0]) > 20
        assert near[True] == near[False] and len(near[True][0]) > 20


def test_compiled_loop_on_a_clean_page_and_odd_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page without the page cache; a fixed reading, a decision kept whole (an int
    margin), a candidate with no ``finding``: the same groups, memo, or error."""
    doc, cands, garbled = _page(0, "Tbe king sat in tbe house, and 1 have seen him there.")
    assert not garbled and cands
    fixed = Candidate(0, 3, "The", "ocr", "OCR_X", {"fixed": 0.8, "finding": "garble_form"})
    cands = [fixed, *cands, fixed]
    assert _run(monkeypatch, True, doc, cands, garbled) == _run(
        monkeypatch, False, doc, cands, garbled
    )

    class Whole(Scorer):  # decides in Python: an int margin is stored whole by the memo
        def _decide(self, *args: Any) -> Decision:
            d = super()._decide(*args)
            return Decision(d.accept, d.reason, int(d.margin), d.confidence, d.gain, d.cost,
                            d.word, d.threshold)  # fmt: skip

    states = []
    for compiled in (False, True):
        monkeypatch.setattr(ocr_decide_fast, "LOOP", compiled)
        memo = DecisionMemo()
        groups = _decide_all(Whole(), _Context(doc.words), cands, garbled, memo)
        assert memo._whole  # kept whole
        states.append((_bits(groups), _memo_state(memo)))
    assert states[0] == states[1]

    unread = {"orig": ["kinq"], "alt": ["king"], "cost": 0.1, "threshold": -50.0}
    bad = [*cands, Candidate(4, 8, "king", "ocr", "OCR_X", unread)]
    for compiled in (False, True):
        monkeypatch.setattr(ocr_decide_fast, "LOOP", compiled)
        with pytest.raises(KeyError):
            _decide_all(Scorer(), _Context(doc.words), bad, garbled, DecisionMemo())


def test_loop_switch_and_whole_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """With :data:`LOOP` off the Python loop runs (and with a context of another type);
    a garbled text comes out the same either way."""
    from repair.pipeline import repair_text

    calls = {"py": 0}
    real = ocr_score._decide_loop

    def counting(*args: Any) -> None:
        calls["py"] += 1
        real(*args)

    monkeypatch.setattr(ocr_score, "_decide_loop", counting)
    text = ocr_speed_text(2_000)
    on = repair_text(text)
    assert calls["py"] == 0
    monkeypatch.setattr(ocr_decide_fast, "LOOP", False)
    assert ocr_decide_fast.loop() is None
    off = repair_text(text)
    assert calls["py"] >= 2
    assert on.text == off.text != text and on.edits == off.edits and len(on.edits) > 30

    class OwnContext(_Context):
        pass

    monkeypatch.setattr(ocr_decide_fast, "LOOP", True)
    doc, cands, garbled = _page(0, "Tbe king sat in tbe house.")
    before = calls["py"]
    _decide_all(Scorer(), OwnContext(doc.words), cands, garbled, DecisionMemo())
    assert calls["py"] == before + 1


def test_compiled_loop_refuses_bad_arguments() -> None:
    fast = ocr_walk_fast.module().decide_all
    with pytest.raises(TypeError):
        fast([])
    memo = DecisionMemo()
    memo.grow(2)
    args: list[Any] = [
        [], len, True, len, len, {}, {}, memo, memo._around, memo._word, memo._num,
        memo._code, memo._whole, ocr_score._REASONS, None, None, None, len, len, {}, len,
        {}, None, 3.0, None, 2.0, len, Decision, len, round, len, len, [], [], [],
    ]  # fmt: skip
    assert fast(*args) is None  # no candidates: nothing done
    for at, value in [(8, ()), (11, b"ab"), (10, [0.0]), (27, dict)]:
        broken = list(args)
        broken[at] = value
        with pytest.raises((TypeError, BufferError)):
            fast(*broken)
