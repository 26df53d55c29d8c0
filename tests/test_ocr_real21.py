"""Real-word errors read in context (issue 12, session 21): two real-word misreadings in a
row decided together, a word ending a run of capitalised words read on a name's margin,
and the page's vocabulary worth up to 3 nats."""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

import pytest

from repair.candidates.ocr import _after_name_run
from repair.score import ocr_cache, ocr_joint
from repair.score.ocr import _Context, _threshold_of
from repair.tokenize import tokenize
from repair.types import Candidate


class _PairScorer:
    """An LM that likes "four years" only as a pair: each reading alone is no better than
    the print."""

    def seq(self, words: list[str], prev: list[str], nxt: list[str]) -> float:
        return {("four", "years"): 0.0, ("tour", "yours"): -20.0}.get(tuple(words), -21.0)


def _decide(scorer: object) -> dict:
    text = "chair for tour yours of that period"
    words = [t for t in tokenize(text) if t.kind == "word"]
    a, b = words[2], words[3]
    base = {"orig_known": True, "prior_per_zipf": 0.2, "threshold": 2.5, "finding": "realword"}
    cands = [
        Candidate(a.start, a.end, "four", "ocr", "OCR_REALWORD",
                  {**base, "orig": ["tour"], "alt": ["four"], "cost": 2.7}),
        Candidate(b.start, b.end, "years", "ocr", "OCR_REALWORD",
                  {**base, "orig": ["yours"], "alt": ["years"], "cost": 2.4}),
    ]  # fmt: skip
    alone = SimpleNamespace(margin=-3.0, threshold=2.5)
    memo = {0: ([], [], alone), 1: ([], [], alone)}
    return ocr_joint.joint_decode(
        scorer, _Context(words), cands, memo, {}, prior_default=1.2,
        split_charge=-4.0, threshold_of=_threshold_of,
    )  # fmt: skip


def test_two_real_word_misreadings_in_a_row_are_read_together() -> None:
    groups = _decide(_PairScorer())
    assert sorted(x[0][1].replacement for x in groups.values()) == ["four", "years"]


def test_real_word_pairs_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_joint, "REAL_WORDS", False)
    assert _decide(_PairScorer()) == {}


def test_a_real_word_pair_pays_its_whole_threshold() -> None:
    class Close(_PairScorer):
        # the pair gains 10 nats: less than both readings' costs, priors and thresholds
        def seq(self, words: list[str], prev: list[str], nxt: list[str]) -> float:
            return {("four", "years"): -10.0, ("tour", "yours"): -20.0}.get(tuple(words), -21.0)

    assert _decide(Close()) == {}


def test_a_real_word_reading_far_from_its_margin_is_not_paired(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_joint, "REAL_SLACK", 5.0)  # -3 is 5.5 nats short of 2.5
    assert _decide(_PairScorer()) == {}


def _run(text: str, word: str) -> bool:
    toks = tokenize(text)
    return _after_name_run(toks, next(i for i, t in enumerate(toks) if t.text == word))


def test_a_word_after_a_run_of_capitals_inside_a_sentence_ends_a_name() -> None:
    assert _run("extends along the Great Australian Bight to the west", "Bight")
    assert _run("appeal of Leo Gerald Gorman against a sentence", "Gorman")
    assert _run("witnesses, Leo Gerald Gorman and others", "Gorman")


def test_no_name_run_at_a_sentence_start_or_after_one_capital() -> None:
    assert not _run("It ended. Great Australian Bight is wide", "Bight")
    assert not _run("he said that Now he was going", "Now")


def test_the_page_vocabulary_may_add_more_than_two_nats() -> None:
    text = "He was fined 5s. She was fined 10s. They were fined. " * 3 + "the river"
    counts: Counter[str] = ocr_cache.page_counts(text.split())
    gain = ocr_cache.cache_gain("lined", "fined", counts, sum(counts.values()))
    assert 2.0 < gain <= ocr_cache.CAP == 3.0
