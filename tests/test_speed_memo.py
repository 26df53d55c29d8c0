"""Caches and prefilters of the OCR path give the answers of the plain computation (issue 14).

Work is counted, never timed: how often the expensive search or model runs for a
document that repeats its words, and whether a pruned scan agrees with the plain one.
"""

from __future__ import annotations

import random

import pytest

from repair.candidates import ocr as ocr_candidates
from repair.config import RepairConfig
from repair.detect import tortured
from repair.normalize import needs_ftfy
from repair.pipeline import repair_text
from repair.resources import lm as lm_module
from repair.score.ocr import Scorer
from repair.score.ocr_channel import confusion_variants, vocabulary_prefixes

#: one pass: these tests read a single pass's readings (conftest ``one_pass``)
pytestmark = pytest.mark.usefixtures("one_pass")

GARBLED = (
    "Tbe rnan said tliat tbe Governrnent would rneet tbe cost of tbe new bridge, and "
    "tbe Council agreed. Tbe work wiil begin in rnay; tbe contractor has tiie plans.\n"
)


def test_a_repeated_garbled_token_is_searched_once_per_document(monkeypatch) -> None:
    calls: list[str] = []
    real = ocr_candidates.confusion_variants

    def counting(token, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if args:  # the document-words search (the others are cached per process)
            calls.append(token)
        return real(token, *args, **kwargs)

    monkeypatch.setattr(ocr_candidates, "confusion_variants", counting)
    real_pair = ocr_candidates.wide_and_doc

    def counting_pair(token, doc, names=False):  # noqa: ANN001, ANN202
        calls.append(token)  # the same search, shared with the wide one
        return real_pair(token, doc, names=names)

    monkeypatch.setattr(ocr_candidates, "wide_and_doc", counting_pair)
    once = repair_text(GARBLED, config=RepairConfig())
    n_once = len(calls)
    calls.clear()
    tenfold = repair_text(GARBLED * 10, config=RepairConfig())
    assert n_once > 0
    # one search per distinct (token, reason), however often the token repeats
    assert len(calls) == len(set(calls)) <= n_once + 2
    assert once.edits
    # and the same repair as computing every token afresh
    monkeypatch.setattr(
        ocr_candidates._Generator,
        "_corrections",
        lambda self, text, reason, info: self._corrections_of(text, reason, info),
    )
    assert repair_text(GARBLED * 10, config=RepairConfig()) == tenfold


def test_the_scorer_asks_the_model_once_per_sequence_and_context(monkeypatch) -> None:
    scorer = Scorer()
    calls = []
    real = lm_module.LanguageModel.sequence_logprob

    def counting(self, words, history=()):  # noqa: ANN001, ANN202
        calls.append(tuple(words))
        return real(self, words, history)

    monkeypatch.setattr(lm_module.LanguageModel, "sequence_logprob", counting)
    args = (["tbe"], ["the"], ["in"], ["house", "was"])
    first = scorer.decide(*args, cost=1.3, orig_known=False)
    assert len(calls) == 2  # the original and the alternative
    # another alternative of the same span: the original's score is reused
    scorer.decide(["tbe"], ["tho"], ["in"], ["house", "was"], cost=1.5, orig_known=False)
    assert len(calls) == 3
    again = scorer.decide(*args, cost=1.3, orig_known=False)
    assert len(calls) == 3 and again == first
    fresh = Scorer().decide(*args, cost=1.3, orig_known=False)
    assert (fresh.accept, fresh.margin, fresh.evidence) == (
        first.accept,
        first.margin,
        first.evidence,
    )


def test_the_confusion_walk_finds_each_variant_at_its_cheapest() -> None:
    found = confusion_variants("tbe", vocabulary_prefixes(), 7.5, 3)
    assert "the" in found
    cost, subs = found["the"]
    assert subs == (("b", "h"),) and cost > 0
    # a narrower search finds a subset, with the same costs
    narrow = confusion_variants("tbe", vocabulary_prefixes(), cost, 1)
    assert narrow["the"] == found["the"]
    assert set(narrow) <= set(found)


def _plain_may_match(keys: list[str], pre: tortured.Prefilter) -> bool:
    for i, k in enumerate(keys):
        if k not in pre.firsts:
            continue
        for m in pre.lengths:
            if i + m <= len(keys) and tortured.phrase_key(keys[i : i + m]) in pre.keys:
                return True
    return False


def test_the_pruned_tortured_prefilter_agrees_with_the_plain_scan() -> None:
    pre = tortured.prefilter()
    entries = tortured.load_lexicon().entries
    rng = random.Random(7)
    filler = "the results of this study show that our method works well in practice".split()
    agree = positives = 0
    for trial in range(200):
        keys = [rng.choice(filler) for _ in range(rng.randrange(5, 60))]
        if trial % 2:
            units = list(rng.choice(entries).units)
            if trial % 4 == 1:
                units[-1] = units[-1][:2] + "zz"  # the last unit no longer matches its key
            at = rng.randrange(len(keys) + 1)
            keys[at:at] = units
        plain = _plain_may_match(keys, pre)
        positives += plain
        agree += plain == tortured._may_match_pruned(keys, pre)
    assert agree == 200
    assert 0 < positives < 200


def test_needs_ftfy_checks_each_line_for_what_the_badness_pattern_needs() -> None:
    import ftfy

    # each line alone is clean, the whole text has the characters mojibake is made of
    spread = "Ã the first line\nand a copyright sign © on the second\n"
    assert needs_ftfy(spread, False) == (ftfy.fix_text(spread) != spread)
    broken = "plain line\ncafÃ© on the second line\n"
    assert needs_ftfy(broken, False)
    assert ftfy.fix_text(broken) != broken


def test_count_phrase_equals_findall_with_the_look_behind() -> None:
    """Issue 14: ``count_phrase`` tests the look-behind by hand; it counts what the
    whole pattern's ``findall`` counts."""
    import random
    import re

    from repair.detect.spin import count_phrase

    rng = random.Random(14)
    pieces = ["said", "it", " ", "  ", "\n", "-", "'", "’", "_", "x", "é", "2", "²", ",", "re"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        for phrase in ("said it", "said", "it", "re-said", "x"):
            body = re.escape(phrase).replace(r"\ ", r"\s+")
            rx = re.compile(r"(?<![\w'’\-])" + body + r"(?![\w'’\-])")
            assert count_phrase(text, phrase) == len(rx.findall(text)), (text, phrase)
