"""The spinner's channel fitted on one document (repair/candidates/spin_doc_channel.py and
stages/spin._doc_channel, _channel_kept)."""

from __future__ import annotations

import pytest

import repair.stages.spin as stage
from repair.candidates import spin_doc_channel as dc
from repair.candidates.spin_doc_channel import channel_ratio, dense_enough, relieved, shares_sense
from repair.document import Document
from repair.score.spin_evidence import candidates_for
from repair.types import Candidate

#: (written, original) pairs that share a WordNet sense and are candidates of each other.
SENSE_PAIRS = [
    ("purchased", "bought"),
    ("commenced", "began"),
    ("assisted", "helped"),
    ("required", "needed"),
    ("obtained", "received"),
    ("attempted", "tried"),
    ("concluded", "reasoned"),
    ("inquired", "wondered"),
    ("demonstrated", "showed"),
    ("inquired", "asked"),
]


def _usable(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(w, o) for w, o in pairs if o in candidates_for(w)]


def test_shares_sense() -> None:
    assert shares_sense("purchased", "bought")
    assert not shares_sense("purchased", "table")


def test_ratio_needs_enough_confirmed_pairs() -> None:
    usable = _usable(SENSE_PAIRS)
    assert len(usable) >= dc.MIN_CONFIRMED
    assert channel_ratio(usable[: dc.MIN_CONFIRMED - 1]) is None
    assert channel_ratio(usable) is not None


def test_ratio_is_high_for_a_sense_sharing_spinner_and_low_otherwise() -> None:
    usable = _usable(SENSE_PAIRS)
    assert all(shares_sense(w, o) for w, o in usable)
    assert channel_ratio(usable) >= dc.MIN_RATIO
    # the same written words confirmed to candidates they share no sense with
    loose = []
    for w, _o in usable:
        other = next((c for c in candidates_for(w) if not shares_sense(w, c)), None)
        if other is not None:
            loose.append((w, other))
    if len(loose) < dc.MIN_CONFIRMED:
        pytest.skip("too few loose candidates in the synonym table")
    ratio = channel_ratio(loose)
    assert ratio is not None and ratio < dc.MIN_RATIO


def test_relief_is_bayes_with_a_floor() -> None:
    assert relieved(0.2, 0.4, 4.0)  # odds 0.25 * 4 = 1 -> 0.5
    assert not relieved(0.12, 0.4, 4.0)  # odds 0.136 * 4 = 0.55 -> 0.35
    assert not relieved(0.2, 0.4, 1.5)  # under MIN_RATIO
    assert not relieved(0.2, 0.4, None)
    assert not relieved(0.5, 0.4, 9.0)  # already over the bar: not a relief
    assert not relieved(dc.FLOOR / 2, 0.4, 1000.0)


def test_dense_enough() -> None:
    assert dense_enough(3, 300)
    assert not dense_enough(2, 300)


def _cand(text: str, word: str, original: str, p: float, source: str = "SPIN_SYNONYM"):
    start = text.index(word)
    feats = {"model_probability": p} if source == "SPIN_SYNONYM" else {}
    return Candidate(start, start + len(word), original, "spin", source, feats)


def test_stage_relieves_only_where_the_document_confirms_sense_sharing_habits() -> None:
    usable = _usable(SENSE_PAIRS)
    text = " ".join(f"They {w} it." for w, _ in usable) + " The firm secured a plant."
    doc = Document(text)
    bar = 0.4
    over = [_cand(text, w, o, 0.9) for w, o in usable]
    under = _cand(text, "secured", "guaranteed", 0.2)
    ratio = stage._doc_channel(doc, [*over, under], bar)
    assert ratio is not None and ratio >= dc.MIN_RATIO
    assert stage._channel_kept(doc, under, bar, ratio)
    assert under.features["word_bar"] == 0.2 and "doc_channel" in under.features
    # a loose original (no shared sense) is not relieved
    loose = _cand(text, "plant", "table", 0.2)
    assert not stage._channel_kept(doc, loose, bar, ratio)
    # too few word-model restorations for the document's length: no channel at all
    long_doc = Document(text + " Nothing else happened here." * 400)
    assert stage._doc_channel(long_doc, [*over, under], bar) is None


def test_clean_text_never_reads_the_channel(monkeypatch) -> None:
    from repair.pipeline import repair_text

    calls = []
    monkeypatch.setattr(stage, "_doc_channel", lambda *a: calls.append(a) or None)
    text = "The council met on Monday. It agreed to repair the old bridge before winter. " * 5
    r = repair_text(text)
    assert r.text == text
    assert calls == []
