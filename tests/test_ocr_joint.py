"""Adjacent garbled words decided jointly: data-driven cases with negatives, and the
decision itself on a stub language model."""

from types import SimpleNamespace

import pytest

from repair.score.ocr import _Context, _threshold_of
from repair.score.ocr_joint import joint_decode
from repair.tokenize import tokenize
from repair.types import Candidate
from tests.ocr_page import GARBLED, load_cases, repaired_after_page

CASES = load_cases("ocr_joint")


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_joint_cases(case: dict[str, str]) -> None:
    out = repaired_after_page(case["text"])
    assert out.endswith(case["expect"]), out[len(GARBLED) :]


class _StubScorer:
    """An LM that likes "over interfered" only as a pair."""

    def seq(self, words: list[str], prev: list[str], nxt: list[str]) -> float:
        pair = tuple(words)
        return {("over", "interfered"): 0.0, ("ovor", "lnterforod"): -20.0}.get(pair, -22.0)


def _decide(scorer: object) -> dict:
    """Joint decisions for "he ovor lnterforod there", each reading rejected alone."""
    text = "he ovor lnterforod there"
    words = [t for t in tokenize(text) if t.kind == "word"]
    a, b = words[1], words[2]
    feats_a = {"orig": ["ovor"], "alt": ["over"], "cost": 1.0, "finding": "nonword"}
    feats_b = {"orig": ["lnterforod"], "alt": ["interfered"], "cost": 2.0, "finding": "nonword"}
    cands = [
        Candidate(a.start, a.end, "over", "ocr", "OCR_CONFUSION", feats_a),
        Candidate(b.start, b.end, "interfered", "ocr", "OCR_CONFUSION", feats_b),
    ]
    alone = SimpleNamespace(margin=-1.0)
    memo = {0: ([], [], alone), 1: ([], [], alone)}
    return joint_decode(
        scorer, _Context(words), cands, memo, {}, prior_default=1.2,
        split_charge=-4.0, threshold_of=_threshold_of,
    )  # fmt: skip


def test_two_garbled_neighbours_are_repaired_together() -> None:
    groups = _decide(_StubScorer())
    assert sorted(x[0][1].replacement for x in groups.values()) == ["interfered", "over"]


def test_a_pair_the_lm_does_not_prefer_stays() -> None:
    class Flat(_StubScorer):
        def seq(self, words: list[str], prev: list[str], nxt: list[str]) -> float:
            return -20.0

    assert _decide(Flat()) == {}
