"""The document's topic as spin evidence (repair/score/spin_topic.py, stages/spin._topic_kept)."""

from __future__ import annotations

from pathlib import Path

import pytest

import repair.stages.spin as stage
from repair.document import Document
from repair.pipeline import repair_text
from repair.score import spin_topic
from repair.score.spin_topic import content_keys, fit, key, topic_gain
from repair.types import Candidate

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MONEY = (
    "The company reported higher revenue this quarter. Its shares rose on the stock "
    "market after the bank raised its forecast of earnings and dividends for investors. "
)


def test_key_cuts_plurals_and_possessives() -> None:
    assert key("policies") == "policy"
    assert key("markets") == "market"
    assert key("company's") == "company"
    assert key("business") == "business"
    assert content_keys(["The", "markets", "of", "it", "42"]) == {"market"}


def test_a_word_fits_its_own_topic_better() -> None:
    context = content_keys(MONEY.split())
    assert fit("profit", context) > fit("internet", context)


def test_topic_gain_favours_the_original_that_fits_the_document() -> None:
    doc = Document(MONEY + "The net rose by a tenth.")
    assert topic_gain(doc, "net", "profit") > topic_gain(doc, "net", "internet")
    # symmetric: restoring the other way round is as much against the topic
    assert topic_gain(doc, "profit", "net") == pytest.approx(-topic_gain(doc, "net", "profit"))


def _cand(doc: Document, word: str, original: str, p: float) -> Candidate:
    start = doc.text.index(word)
    feats = {"model_probability": p, "gain0": 3.0}
    return Candidate(start, start + len(word), original, "spin", "SPIN_SYNONYM", feats)


def test_topic_keeps_only_words_just_under_an_open_bar(monkeypatch) -> None:
    doc = Document(MONEY + "The lucre rose by a tenth.")
    assert topic_gain(doc, "lucre", "profit") > stage.TOPIC_MIN
    bar = 0.4
    c = _cand(doc, "lucre", "profit", bar - 0.05)
    assert stage._topic_kept(doc, c, bar)
    assert c.features["word_bar"] == c.features["model_probability"]  # score_spin reads it
    assert not stage._topic_kept(doc, _cand(doc, "lucre", "profit", bar - 0.3), bar)
    assert not stage._topic_kept(doc, _cand(doc, "lucre", "profit", 0.3), 2.0)  # gate shut
    common = _cand(doc, "lucre", "profit", bar - 0.05)
    common.features["common"] = True
    assert not stage._topic_kept(doc, common, bar)
    monkeypatch.setattr(stage, "TOPIC_MIN", 99.0)
    assert not stage._topic_kept(doc, _cand(doc, "lucre", "profit", bar - 0.05), bar)
    monkeypatch.setattr(stage, "TOPIC_RELIEF", None)
    monkeypatch.setattr(stage, "TOPIC_MIN", -99.0)
    assert not stage._topic_kept(doc, _cand(doc, "lucre", "profit", bar - 0.05), bar)


def test_clean_text_does_not_load_the_topic_table() -> None:
    spin_topic.get_table.cache_clear()
    for p in sorted(SEEDS.glob("00[1-4]_*.txt")):
        text = p.read_text(encoding="utf-8")
        assert repair_text(text).text == text
    assert spin_topic.get_table.cache_info().currsize == 0
