"""The phrase-density cue of the document spin score (session 35, spinphrase35): written
multi-word spans with a better-fitting, more ordinary one-word original that recur with the
same mapping, stopword-only spans included, pooled with the span evidence."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from repair import repair_text
from repair.candidates import spin_phrase
from repair.candidates.spin_phrase import phrase_evidence
from repair.config import RepairConfig
from repair.detect import spin_document as sd
from repair.document import Document

TEXT = (
    "We spoke with regard to the plan on Monday. After that the board met again and "
    "we have to wait. The chair wrote with regard to the budget, and after that we "
    "have to decide. She will ask with regard to the cost once more."
)


def _row(written: str, original: str, **kw: float) -> SimpleNamespace:
    base = {"gain": 9.0, "left_gain": 7.0, "right_gain": 2.0, "context": 2.0}
    base.update(kw)
    return SimpleNamespace(written=written, original=original, **base)


def test_function_only_reads_the_stopword_spans_phrase_evidence_skips() -> None:
    doc = Document(TEXT)
    plain = phrase_evidence(doc, set())
    fn = phrase_evidence(doc, set(), True)
    assert fn and all(
        all(w in spin_phrase.STOPWORDS for w in r.written.lower().split()) for r in fn
    )
    assert "after that" in {r.written.lower() for r in fn}
    key = lambda r: (r.start, r.end, r.original)  # noqa: E731
    assert not {key(r) for r in plain} & {key(r) for r in fn}
    old = spin_phrase.FUNCTION_SPANS
    spin_phrase.FUNCTION_SPANS = True
    try:
        both = phrase_evidence(Document(TEXT), set())
    finally:
        spin_phrase.FUNCTION_SPANS = old
    assert sorted(map(key, both)) == sorted(map(key, [*plain, *fn]))


def test_density_counts_only_recurring_mappings_past_every_floor() -> None:
    one = [_row("with regard to", "about")]
    assert sd.phrase_density(one, 300) == 0.0
    two = one * 2
    assert sd.phrase_density(two, 300) == pytest.approx(100 * 2 / 300)
    assert sd.phrase_density(two, 100) == pytest.approx(100 * 2 / sd.SPAN_MIN_WORDS)
    # another original at the second place: not the same mapping
    assert sd.phrase_density([*one, _row("with regard to", "of")], 300) == 0.0
    for kw in (
        {"context": 8.0},  # ln P(original) - ln P(span) = 1 < DENSITY_MIN_UNI
        {"gain": 1.5, "context": -1.0},  # gain under DENSITY_MIN_GAIN
        {"left_gain": 0.0},  # the left side no better
        {"right_gain": -0.5},  # the right side worse
    ):
        assert sd.phrase_density([_row("with regard to", "about", **kw)] * 2, 300) == 0.0
    # a topic's compound the document repeats (no function word) is not a wordy paraphrase
    assert sd.phrase_density([_row("fiscal year", "day")] * 2, 300) == 0.0


def test_the_cue_enters_the_score_only_with_its_weight(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sd, "DENSITY_TAIL", ((0.0, 0.0), (1.0, 4.0)))
    monkeypatch.setattr(sd, "POOL_TAIL", ((0.0, 0.0), (4.0, 5.0)))
    monkeypatch.setattr(sd, "DENSITY_WEIGHT", 0.0)
    assert sd.document_score(0.0, 0.0, density=1.0) == sd.document_score(0.0, 0.0)
    monkeypatch.setattr(sd, "DENSITY_WEIGHT", 0.7)
    assert sd.document_score(0.0, 0.0, density=1.0) > sd.document_score(0.0, 0.0)
    # pooled with the span evidence: both together say more than either
    assert sd.pooled_phrase_surprise(1.0, 0.5) > sd.pooled_phrase_surprise(1.0, 0.0)


def test_the_pipeline_reports_the_density_only_when_on(monkeypatch: pytest.MonkeyPatch) -> None:
    config = RepairConfig()
    monkeypatch.setattr(sd, "DENSITY_WEIGHT", 0.0)
    off = repair_text(TEXT, (), config)
    assert "phrase_density" not in off.scores.details["spin_score"]
    monkeypatch.setattr(sd, "DENSITY_WEIGHT", 0.7)
    on = repair_text(TEXT, (), config)
    assert on.scores.details["spin_score"]["phrase_density"] >= 0.0
    assert on.text == off.text  # a document-score cue: no edit changes
