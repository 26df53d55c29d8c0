"""Session 60 (spinphrase60): a document whose spin stage restored a recurring 4-5-word
span as one word reads that as a cue of the document spin score, capped under the cut
(``repair.detect.spin_document.LONG_SPAN_WEIGHT``, :mod:`repair.detect.spin_long_restored`;
benchmarks/RESULTS.md, "Session 60, spinphrase")."""

from __future__ import annotations

import pytest

import repair.detect.spin_document as sd
from repair.detect.spin_long_restored import PHRASE_RULE, restored_long_spans
from repair.types import Edit


def _edit(at: int, original: str, replacement: str, rule: str = PHRASE_RULE) -> Edit:
    return Edit(at, len(original), original, replacement, "spin", 0.9, rule)


def test_counts_recurring_long_restorations() -> None:
    two = [
        _edit(0, "due to the fact that", "because"),
        _edit(90, "Due to the fact that", "because"),
    ]
    assert restored_long_spans(two) == 1
    assert restored_long_spans(two[:1]) == 0  # one place
    assert restored_long_spans([_edit(0, "in order to", "to"), _edit(40, "in order to", "to")]) == 0
    other_rule = _edit(0, "due to the fact that", "because", "SPIN_SYNONYM")
    assert restored_long_spans([other_rule, other_rule]) == 0


def test_cue_reorders_under_the_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sd, "LONG_SPAN_WEIGHT", 0.7)
    low = sd.document_score(0.1, 0.0)
    lifted = sd.document_score(0.1, 0.0, long_spans=1)
    assert low < lifted < 0.5  # never flags a document by itself
    assert sd.document_score(0.99, 0.0, long_spans=1) == sd.document_score(0.99, 0.0)
    monkeypatch.setattr(sd, "LONG_SPAN_WEIGHT", 0.0)
    assert sd.document_score(0.1, 0.0, long_spans=1) == low
