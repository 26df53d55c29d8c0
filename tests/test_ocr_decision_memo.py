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


def test_memo_gives_back_equal_decisions_compact_or_whole() -> None:
    memo = DecisionMemo()
    around = (["a"], ["b"])
    kept = [
        Decision(False, "margin_below_threshold", -2.25, 0.0, 1.5, 3.75, "tbe", 1.0),
        Decision(True, "lm_gain", 4.125, 0.93, 6.5, 1.3, None, 3.5),
        Decision(False, "lm_gain", -1.5, 0.5),  # a pair no scorer makes: kept whole
        Decision(True, "lm_gain", 2.0, 0.8, 3.0, 1.0, "x", 3),  # an int threshold: whole
    ]
    for k, d in enumerate(kept):
        memo.put(k, around, d)
    for k, d in enumerate(kept):
        got = memo.get(k)
        assert got is not None
        assert got[2] == d
        assert [type(x) for x in got[2]] == [type(x) for x in d]  # 3 stays an int
    memo.put(3, around, kept[0])  # a whole entry replaced by a compact one
    got = memo.get(3)
    assert got is not None and got[2] == kept[0]
    memo.pop(1)
    assert 1 not in memo and memo.get(1) is None and memo.get(0) is not None


def test_an_int_at_any_number_keeps_the_decision_whole() -> None:
    """Each of the five numbers is tested for ``float`` (session 21: no generator): an
    ``int`` at any of them comes back an ``int``."""
    memo = DecisionMemo()
    floats = [2.0, 0.8, 3.0, 1.0, 3.5]
    for at in range(5):
        nums = list(floats)
        nums[at] = int(nums[at])
        d = Decision(True, "lm_gain", nums[0], nums[1], nums[2], nums[3], "x", nums[4])
        memo.put(at, (["a"], ["b"]), d)
        got = memo.get(at)
        assert got is not None and got[2] == d
        assert [type(x) for x in got[2]] == [type(x) for x in d]
