"""The document's topic chooses among a spun word's candidate originals (spinpick34)."""

from __future__ import annotations

import pytest

import repair.stages.spin as stage
from repair.config import RepairConfig
from repair.document import Document
from repair.score import spin_pick
from repair.score.spin_evidence import evidence
from repair.score.spin_model import probabilities, word_features
from repair.score.spin_pick import topic_pick

TEXT = (
    "The bank said its financial news slings and data feeds would reach more customers. "
    "Investors, brokers and traders pay for the market data, the trading platform and the "
    "banking products, and the bank expects revenue from its customers to grow this year."
)


def _row(text: str, word: str):  # type: ignore[no-untyped-def]
    a = text.index(word)
    b = a + len(word)
    return evidence(a, b, word, text[:a].split()[-2:], text[b:].split()[:2], None, packed=True)


def test_the_ranker_alone_picks_a_word_that_misses_the_topic() -> None:
    w = _row(TEXT, "slings")
    assert w is not None and w.original == "casts"
    assert "services" in [c[0] for c in w.choices]


def test_topic_pick_chooses_the_original_that_fits_the_document() -> None:
    doc = Document(TEXT, (), RepairConfig())
    got = topic_pick(doc, _row(TEXT, "slings"))
    assert got is not None
    row, gain = got
    assert row.original == "services" and gain > 0
    # the summed scores travel with the row (consistent() reads them)
    names = [c[0] for c in row.choices]
    assert row.rank_score == max(c[2] for c in row.choices)
    assert names[[c[2] for c in row.choices].index(row.rank_score)] == "services"


def test_topic_pick_weight_zero_keeps_the_ranker_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin_pick, "TOPIC_WEIGHT", 0.0)
    doc = Document(TEXT, (), RepairConfig())
    row, _gain = topic_pick(doc, _row(TEXT, "slings"))  # type: ignore[misc]
    assert row.original == "casts"


def test_topic_pick_needs_two_choices() -> None:
    doc = Document(TEXT, (), RepairConfig())
    w = _row(TEXT, "slings")
    one = type(w)(w.start, w.end, w.written, w.original, w.gain, w.unigram, w.context, 1, 10.0)
    assert topic_pick(doc, one) is None


def test_topic_rows_replace_only_rows_whose_original_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(stage, "TOPIC_PICK_MIN_PROB", 0.0)  # the toy rows are far under 5 %
    doc = Document(TEXT, (), RepairConfig())
    words = stage.synonym_evidence(doc, set(), keep_choices=True)
    assert all(w.choices for w in words)
    feats = word_features(doc, words, 0.0)
    probs = probabilities(feats)
    out, f2, p2, picked = stage._topic_rows(doc, words, feats, probs, {}, len(words))
    start = TEXT.index("slings")
    assert dict(picked).get(start, 0) > 0
    by = {w.start: w for w in out}
    assert by[start].original == "services"
    for i, (a, b) in enumerate(zip(words, out, strict=True)):
        if a.original == b.original:
            assert b is a and f2[i] == feats[i] and p2[i] == probs[i]
    assert not stage.synonym_evidence(doc, set())[0].choices  # dropped by default


def test_detect_records_the_reason_only_where_the_gate_is_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(stage, "TOPIC_PICK_MIN_PROB", 0.0)
    doc = Document(TEXT, (), RepairConfig())
    monkeypatch.setattr(stage, "word_bar", lambda details: 0.5)
    det = stage._Stage().detect(doc)
    start = TEXT.index("slings")
    assert dict(det.picked).get(start, 0) > 0
    assert det.details["topic_picked"] == len(det.picked)
    assert all(not w.choices for w in det.words)  # dropped once read
    assert {w.start: w.original for w in det.words}[start] == "services"
    cands = stage._Stage().candidates(doc, det)
    got = [c for c in cands if c.start == start and "model_probability" in c.features]
    assert got and got[0].features["topic_pick"] > 0
    monkeypatch.setattr(stage, "TOPIC_PICK", False)
    det = stage._Stage().detect(doc)
    assert det.picked == () and "topic_picked" not in det.details
    assert {w.start: w.original for w in det.words}[start] == "casts"


def test_closed_gate_reads_no_topic(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(TEXT, (), RepairConfig())
    monkeypatch.setattr(stage, "word_bar", lambda details: 2.0)
    det = stage._Stage().detect(doc)
    assert det.picked == () and "topic_picked" not in det.details
    assert all(not w.choices for w in det.words)


BATTLE = (  # tests/test_spin_reverse_wide.py's text
    "A British study has found that the incidence of battle cancer is higher in rural areas. "
    "The report says battle cancer is now the leading cause of cancer death among women, "
    "and screening for battle cancer should start earlier."
)


def test_second_readings_keep_the_topic_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    """A row of a second reading whose proposal the topic changed carries ``topic_pick``
    (the plumbing: the pick itself is stood in for)."""
    from dataclasses import replace

    from repair.candidates.spin_mobyrev import reverse_originals
    from repair.score.spin_evidence import candidates_for

    monkeypatch.setattr(stage, "TOPIC_PICK_MIN_PROB", 0.0)
    doc = Document(BATTLE)
    d = stage.STAGE.detect(doc)

    def new_of(low: str) -> list[str]:
        base = candidates_for(low)
        return [o for o in reverse_originals(low) if o not in base]

    def pick(doc, ev, wanted=None):  # type: ignore[no-untyped-def]
        new = new_of(ev.written.lower())
        return (replace(ev, original=new[-1]), 0.25) if new else None

    monkeypatch.setattr(stage, "topic_pick", pick)
    for flag in (False, True):
        monkeypatch.setattr(stage, "TOPIC_PICK_REREAD", flag)
        picked: dict[int, float] = {}
        words, changed = stage._reread_rows(
            doc, d, [], 0.5, 0.0, 5.0, reverse_originals, picked=picked
        )
        rows = stage._decide_rows(
            doc, d, words, changed, 0.5, stage.get_model(), "reverse", floor=0.0, picked=picked
        )
        if not flag:
            assert picked == {} and all("topic_pick" not in c.features for c in rows)
            continue
        assert picked and set(picked) <= {words[i].start for i in changed}
        assert {c.start for c in rows if c.features.get("topic_pick") == 0.25} == set(picked)
        assert all(words[i].original == new_of(words[i].written.lower())[-1] for i in changed)
    # rows under TOPIC_PICK_MIN_PROB are not re-chosen
    monkeypatch.setattr(stage, "TOPIC_PICK_MIN_PROB", 1.01)
    picked = {}
    stage._reread_rows(doc, d, [], 0.5, 0.0, 5.0, reverse_originals, picked=picked)
    assert picked == {}


PAL = (  # tests/test_spin_mobyrev.py's text
    "He told his pal about the game. His best pal was there too, and the two pals "
    "watched it together."
)


def test_the_topic_moves_a_reverse_original_to_the_top(monkeypatch: pytest.MonkeyPatch) -> None:
    """In the reverse reading, "pals" keeps an old candidate on top by the ranker alone;
    with the topic ("pal" -> "friend" twice beside it) the reverse original "friends" wins."""
    from repair.candidates import spin_mobyrev as mobyrev

    monkeypatch.setattr(stage, "TOPIC_PICK_MIN_PROB", 0.0)
    doc = Document(PAL)
    d = stage.STAGE.detect(doc)
    got = {}
    for flag in (False, True):
        monkeypatch.setattr(stage, "TOPIC_PICK_REREAD", flag)
        picked: dict[int, float] = {}
        words, changed = stage._reread_rows(
            doc, d, [], 0.5, 0.0, stage.REVERSE_MAX_ZIPF, mobyrev.reverse_originals, picked=picked
        )
        got[flag] = ({(words[i].written, words[i].original) for i in changed}, picked)
    assert got[False] == ({("pal", "friend")}, {})
    assert got[True][0] == {("pal", "friend"), ("pals", "friends")}
    assert PAL.index("pals") in got[True][1] and all(g > 0 for g in got[True][1].values())


def test_a_second_reading_reads_the_topic_only_for_its_new_originals() -> None:
    doc = Document(TEXT, (), RepairConfig())
    w = _row(TEXT, "slings")
    assert topic_pick(doc, w, {"no-such-original"}) is None  # nothing new in the window
    row, _gain = topic_pick(doc, w, {"services"})  # type: ignore[misc]
    assert row.original == "services"


def test_candidates_the_word_model_never_applies_are_not_read() -> None:
    doc = Document(TEXT, (), RepairConfig())
    w = _row(TEXT, "slings")
    # every candidate but the ranker's choice without a positive LM gain: nothing to pick
    from array import array

    from repair.score.spin_evidence import _W, Packed, _chosen

    p = w.choices
    data = array("d", p.data)
    k = list(p.names).index(w.original)
    for j in range(len(p.names)):
        if j != k:
            data[_W * j] = -1.0
    only = _chosen(w.start, w.end, w.written, w.n_candidates, Packed(p.names, data), k)
    assert topic_pick(doc, only) is None


def test_rows_under_the_floor_are_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(TEXT, (), RepairConfig())
    words = stage.synonym_evidence(doc, set(), keep_choices=True)
    feats = word_features(doc, words, 0.0)
    probs = probabilities(feats)
    monkeypatch.setattr(stage, "TOPIC_PICK_MIN_PROB", 1.01)
    out, _f, _p, picked = stage._topic_rows(doc, words, feats, probs, {}, len(words))
    assert picked == () and out == words
