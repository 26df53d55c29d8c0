"""Session 66 (speedspin66): the spin stage's later ``score_spin`` calls replay the last
call's first-round outcomes for the candidates they share with it
(``repair.score.spin.CALL_CARRY``): the same repair, fewer rows decided
(benchmarks/RESULTS.md, "Session 66, speedspin")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest

import repair.score.spin as score_spin
from repair.document import Document
from repair.pipeline import repair_text
from repair.types import Candidate
from tests.test_spin_speed65 import _spinbot_dev, seed_candidates


def _counter() -> tuple[list[int], Callable[..., object]]:
    """A count of ``score_spin._accept``'s calls and the counting wrapper to patch in."""
    n = [0]
    accept = score_spin._accept

    def counted(*args):  # type: ignore[no-untyped-def]
        n[0] += 1
        return accept(*args)

    return n, counted


def _repair(text: str, carry: bool) -> tuple[tuple, int]:
    """The repair of ``text`` (text, scores, edits) and the rows ``_accept`` decided."""
    mp = pytest.MonkeyPatch()
    mp.setattr(score_spin, "CALL_CARRY", carry)
    n, counted = _counter()
    mp.setattr(score_spin, "_accept", counted)
    try:
        r = repair_text(text)
    finally:
        mp.undo()
    return (r.text, repr(r.scores), repr(r.edits)), n[0]


def test_call_carry_same_repair_fewer_decisions() -> None:
    text = _spinbot_dev()
    off, off_n = _repair(text, False)
    on, on_n = _repair(text, True)
    assert on == off and off[0] != text  # text, scores (decision counts), edits, evidence
    assert 0 < on_n < off_n / 2  # the later calls replay the earlier candidates' rows


def _calls(spun_seed: str, carry: bool, second: list, doc_score: float = 0.99) -> tuple:
    """Two score_spin calls on one document (the first over 30 candidates, the second over
    ``second``): the second call's edits and decisions."""
    mp = pytest.MonkeyPatch()
    mp.setattr(score_spin, "CALL_CARRY", carry)
    try:
        doc = Document(spun_seed)
        cands = seed_candidates(spun_seed)
        score_spin.score_spin(doc, 0.99, cands[:30], gate=False)
        decisions: Counter[str] = Counter()
        got = score_spin.score_spin(doc, doc_score, second, gate=False, decisions=decisions)
    finally:
        mp.undo()
    return repr(got), sorted(decisions.items())


@pytest.mark.parametrize("case", ["prefix", "shared_pair", "score", "not_prefix"])
def test_call_carry_second_call_as_fresh(spun_seed: str, case: str) -> None:
    """A second call equals the flag-off call where it extends the first call's candidates,
    where a new row shares an earlier row's pair (its span is decided afresh), and where
    nothing may be replayed (another document score; candidates not a prefix)."""
    cands = seed_candidates(spun_seed)
    c = cands[3]
    twin = Candidate(c.start, c.end, c.replacement, c.kind, c.source, dict(c.features))
    second = {
        "prefix": cands,
        "shared_pair": cands + [twin],
        "score": cands,
        "not_prefix": cands[1:],
    }[case]
    score = 0.96 if case == "score" else 0.99
    on = _calls(spun_seed, True, second, score)
    assert on == _calls(spun_seed, False, second, score)
    assert on[0] != "[]"


def _second_decided(spun_seed: str, carry: bool, twin: bool) -> int:
    """The rows ``_accept`` decides in a second call over the first call's candidates
    (plus, with ``twin``, a new candidate of an earlier row's span and pair)."""
    cands = seed_candidates(spun_seed)
    doc = Document(spun_seed)
    mp = pytest.MonkeyPatch()
    mp.setattr(score_spin, "CALL_CARRY", carry)
    n, counted = _counter()
    try:
        score_spin.score_spin(doc, 0.99, cands, gate=False)
        mp.setattr(score_spin, "_accept", counted)
        c = cands[3]
        more = [Candidate(c.start, c.end, c.replacement, c.kind, c.source, dict(c.features))]
        score_spin.score_spin(doc, 0.99, cands + (more if twin else []), gate=False)
    finally:
        mp.undo()
    return n[0]


def test_call_carry_decides_only_new_and_shared_pair_spans(spun_seed: str) -> None:
    """A second call over the same candidates decides no first-round row (only the later
    rounds' rows, in restored context); a twin of an earlier candidate (the same pair)
    has its span's earlier row decided afresh with it."""
    off = _second_decided(spun_seed, False, False)
    same = _second_decided(spun_seed, True, False)
    twin = _second_decided(spun_seed, True, True)
    assert same <= off - len(seed_candidates(spun_seed))
    assert twin >= same + 2
