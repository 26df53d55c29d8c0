"""Words under weak profile pairs read by the word model, and the second reading decided by
the document's channel (repair/stages/spin: WEAK_PAIR_ROWS, _weak_pair_spans, _weak_rows,
SECOND_CHANNEL, _channel_rows, _decide_rows' floor)."""

from __future__ import annotations

import repair.stages.spin as stage
from repair.candidates import spin_doc_channel as dc
from repair.document import Document
from repair.score.spin_evidence import WordEvidence
from repair.score.spin_model import FEATURES
from repair.types import Candidate

# "funding" is a weak pair of the seed profile (funding -> investment), "mentioned" a strong
# one (a fingerprint: mentioned -> said), "within the" a phrase
TEXT = "The mayor mentioned that funding for the bridge came within the budget this year."


def _occ(text: str) -> tuple[Document, list]:
    doc = Document(text)
    return doc, stage.STAGE.occurrences(doc)


def test_weak_pair_spans_are_one_word_weak_profile_occurrences() -> None:
    doc, occ = _occ(TEXT)
    rules = {TEXT[o.start : o.end].lower(): (o.rule, o.info.strength) for o in occ}
    assert rules["funding"] == ("SPIN_PAIR", "weak")
    assert rules["mentioned"] == ("SPIN_PAIR", "strong")
    spans = stage._weak_pair_spans(occ)
    f = TEXT.index("funding")
    assert set(range(f, f + len("funding"))) <= spans
    m = TEXT.index("mentioned")
    assert m not in spans
    w = TEXT.index("within the")
    assert w not in spans  # a phrase occurrence is not read as one word


def test_weak_rows_are_appended_and_not_counted() -> None:
    doc, occ = _occ(TEXT)
    counted = stage.synonym_evidence(doc, stage._profile_spans(occ))
    assert all(w.written.lower() != "funding" for w in counted)
    feats = [[0.0] for _ in counted]
    probs = [0.0 for _ in counted]
    details = {"profile_score": 0.9}
    words, f2, p2 = stage._weak_rows(doc, occ, list(counted), feats, probs, details)
    new = words[len(counted) :]
    assert [w.written.lower() for w in new] == ["funding"]
    assert words[: len(counted)] == list(counted)  # the counted rows stay as they were
    assert len(f2) == len(p2) == len(words)
    assert 0.0 <= p2[-1] <= 1.0


def test_weak_rows_without_weak_pairs_change_nothing() -> None:
    text = "The mayor mentioned the bridge."
    doc, occ = _occ(text)
    words: list[WordEvidence] = []
    assert stage._weak_rows(doc, occ, words, [], [], {"profile_score": 0.9}) == ([], [], [])


def _cand(text: str, word: str, original: str, p: float, at: int = 0) -> Candidate:
    start = text.index(word, at)
    return Candidate(
        start, start + len(word), original, "spin", "SPIN_SYNONYM", {"model_probability": p}
    )


def test_channel_rows_decide_a_second_reading_as_the_first() -> None:
    text = "They secured it. They purchased it. The firm secured a plant. They purchased more."
    doc = Document(text)
    bar = 0.4
    over = [_cand(text, "secured", "guaranteed", 0.9)] * 6
    base = [_cand(text, "purchased", "bought", 0.01)] * 12
    table = stage._policy_table(doc, [*over, *base], bar)
    sure = _cand(text, "secured", "guaranteed", 0.8)
    disfavoured = _cand(text, "purchased", "bought", 0.45)  # over the bar, bin o0w0 < 1
    relieved = _cand(text, "secured", "guaranteed", 0.15, text.index("firm"))
    weak = _cand(text, "purchased", "bought", 0.15, text.index("more") - 10)
    kept = stage._channel_rows(doc, [sure, disfavoured, relieved, weak], bar, 1.0, table)
    assert kept == [sure, relieved]
    assert relieved.features["word_bar"] == 0.15
    # no channel read for the document: only the rows over the bar
    again = _cand(text, "secured", "guaranteed", 0.15, text.index("firm"))
    assert stage._channel_rows(doc, [sure, again], bar, None, None) == [sure]


def test_decide_rows_floor_returns_rows_under_the_bar(monkeypatch) -> None:
    text = "They secured it and purchased it."
    doc = Document(text)
    words = [
        WordEvidence(5, 12, "secured", "guaranteed", 2.0, 1.0, 1.0, 5, 1.0),
        WordEvidence(20, 29, "purchased", "bought", 2.0, 1.0, 1.0, 5, 1.0),
    ]
    zero = [0.0] * len(FEATURES)
    monkeypatch.setattr(stage, "word_features", lambda *a, **k: [zero, zero])
    monkeypatch.setattr(stage, "probabilities", lambda feats: [0.2, 0.05])
    model = stage.get_model()
    det = stage.SpinDetection((), 1.0, {"profile_score": 0.9})
    at_bar = stage._decide_rows(doc, det, words, [0, 1], 0.4, model, "reread")
    assert at_bar == []
    floor = dc.FLOOR or 0.1
    low = stage._decide_rows(doc, det, words, [0, 1], 0.4, model, "reread", floor)
    assert [c.replacement for c in low] == ["guaranteed"]
    assert low[0].features["model_probability"] == 0.2 and low[0].features["reread"]


def test_clean_text_reads_no_weak_rows(monkeypatch) -> None:
    from repair.pipeline import repair_text

    calls = []
    monkeypatch.setattr(stage, "_weak_rows", lambda *a: calls.append(a) or a[2:5])
    text = "The council met on Monday. Funding for the old bridge was agreed before winter. " * 5
    assert repair_text(text).text == text
    assert calls == []
