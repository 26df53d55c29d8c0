"""The OCR scorer's decision memo (:class:`repair.score.ocr.DecisionMemo`) reads as the
dict of ``(prev, nxt, Decision)`` it replaced (issue 14)."""

from repair.score.ocr import Decision, DecisionMemo


def test_memo_reads_as_a_dict_by_candidate_index() -> None:
    memo = DecisionMemo()
    d = Decision(False, "lm_gain", -1.5, 0.5)
    around = (["the", "old"], ["was", "here"])
    assert memo.get(0) is None and 5 not in memo
    memo.grow(3)
    assert memo.get(2) is None and 2 not in memo
    memo.put(2, around, d)
    assert 2 in memo and 1 not in memo
    assert memo.get(2) == (["the", "old"], ["was", "here"], d)
    memo[7] = (["a"], ["b"], d)  # past the end: grows
    assert memo.get(7) == (["a"], ["b"], d) and memo.get(6) is None
    memo.pop(2, None)
    memo.pop(99, None)  # unknown: nothing
    assert 2 not in memo and memo.get(2) is None and 7 in memo
