"""A loose-source written span with overwhelming LM evidence (session 39, spinreach39).

``repair.stages.spin.PHRASE_STRONG_GAIN``: where the whole-span gain reaches it, the right
side may be mildly against the original and the original need only be no rarer than the
span's words; the lead over the runner-up and the left side keep their floors.
"""

from __future__ import annotations

import pytest

import repair.stages.spin as stage
from repair.candidates.spin_phrase import PhraseEvidence
from repair.stages.spin import _phrase_candidate, _phrase_kept


def _loose(
    gain: float,
    right: float = -0.5,
    zipf_gain: float = 0.3,
    margin: float = 3.0,
    left: float | None = None,
    context: float = 1.0,
) -> PhraseEvidence:
    """A Moby-only span ("fence in" -> "include") with these features."""
    left = gain - right if left is None else left
    return PhraseEvidence(
        0, 8, "fence in", "include", gain, margin, zipf_gain, left, right, context, True, 2, False
    )  # fmt: skip


def _kept(ph: PhraseEvidence) -> bool:
    return _phrase_kept(_phrase_candidate(ph))


def test_strong_span_flag_is_on_and_has_its_floors() -> None:
    assert stage.PHRASE_STRONG_GAIN == 13.0  # shipped on (session 39 lead)
    assert stage.PHRASE_STRONG_RIGHT < 0 <= stage.PHRASE_STRONG_ZIPF_GAIN
    assert stage.PHRASE_STRONG_ZIPF_GAIN <= stage.PHRASE_MIN_ZIPF_GAIN


def test_strong_span_relaxes_the_right_side_and_ordinariness(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    strong = _loose(14.0)  # right side -0.5, Zipf gain 0.3: both under the usual floors
    monkeypatch.setattr(stage, "PHRASE_STRONG_GAIN", None)
    assert not _kept(strong)
    monkeypatch.setattr(stage, "PHRASE_STRONG_GAIN", 13.0)
    monkeypatch.setattr(stage, "PHRASE_STRONG_RIGHT", -1.0)
    monkeypatch.setattr(stage, "PHRASE_STRONG_ZIPF_GAIN", 0.0)
    assert _kept(strong)
    # the relaxation needs the strong gain ...
    assert not _kept(_loose(12.0))
    # ... and keeps the other floors: right side too far against, rarer original,
    # no lead over the runner-up, left side against
    assert not _kept(_loose(14.0, right=-1.5))
    assert not _kept(_loose(14.0, zipf_gain=-0.2))
    assert not _kept(_loose(14.0, margin=1.0))
    assert not _kept(_loose(14.0, left=0.5))


def test_usual_spans_are_decided_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stage, "PHRASE_STRONG_GAIN", 13.0)
    assert _kept(_loose(11.0, right=0.5, zipf_gain=0.6))  # the usual floors
    assert not _kept(_loose(11.0, right=-0.5, zipf_gain=0.6))
    assert not _kept(_loose(9.0, right=0.5, zipf_gain=0.6))  # under PHRASE_KEEP_GAIN
