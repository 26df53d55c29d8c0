"""A loose-source span with a near-tied best original on overwhelming LM evidence (session 41,
spin41).

``repair.stages.spin.PHRASE_TIE_GAIN``: where the whole-span gain reaches it, a span whose best
one-word original leads the runner-up by less than ``PHRASE_MIN_MARGIN`` (but at least
``PHRASE_TIE_MARGIN``) is still kept; every other floor (left and right sides, commonness,
the binomial test, the keep gain) holds as before.
"""

from __future__ import annotations

import pytest

import repair.stages.spin as stage
from repair.candidates.spin_phrase import PhraseEvidence
from repair.stages.spin import _phrase_candidate, _phrase_kept


def _loose(
    gain: float,
    margin: float = 0.5,
    right: float = 1.0,
    zipf_gain: float = 0.8,
    left: float | None = None,
) -> PhraseEvidence:
    """A Moby-only span ("main interests" -> "things") with these features."""
    left = gain - right if left is None else left
    return PhraseEvidence(
        0, 14, "main interests", "things", gain, margin, zipf_gain, left, right, 1.0, True, 2,
        False,
    )  # fmt: skip


def _kept(ph: PhraseEvidence) -> bool:
    return _phrase_kept(_phrase_candidate(ph), tie=True)  # the decision where a gate is open


def test_tie_flag_ships_with_its_floor() -> None:
    # shipped on in session 43 with its tie-break (PHRASE_TIE_PICK, test_spin_phrase_tiepick43.py)
    assert stage.PHRASE_TIE_GAIN == stage.PHRASE_TIE_GAIN_TUNED
    assert stage.PHRASE_TIE_GAIN_TUNED >= stage.PHRASE_KEEP_GAIN
    assert 0.0 <= stage.PHRASE_TIE_MARGIN < stage.PHRASE_MIN_MARGIN


def test_near_tie_is_kept_on_a_strong_gain(monkeypatch: pytest.MonkeyPatch) -> None:
    tied = _loose(16.0, margin=0.5)
    monkeypatch.setattr(stage, "PHRASE_TIE_GAIN", None)
    assert not _kept(tied)  # the lead floor declines it
    monkeypatch.setattr(stage, "PHRASE_TIE_GAIN", 15.0)
    monkeypatch.setattr(stage, "PHRASE_TIE_MARGIN", 0.0)
    assert _kept(tied)
    # the gain must reach the flag's value ...
    assert not _kept(_loose(14.0, margin=0.5))
    # ... the lead its own floor ...
    monkeypatch.setattr(stage, "PHRASE_TIE_MARGIN", 1.0)
    assert not _kept(tied)
    assert _kept(_loose(16.0, margin=1.2))
    # ... and every other floor holds: left side, right side, commonness
    assert not _kept(_loose(16.0, margin=1.2, left=0.5))
    assert not _kept(_loose(16.0, margin=1.2, right=-2.0))
    assert not _kept(_loose(16.0, margin=1.2, zipf_gain=-0.5))


def test_usual_spans_are_decided_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    for value in (None, 15.0):
        monkeypatch.setattr(stage, "PHRASE_TIE_GAIN", value)
        assert _kept(_loose(11.0, margin=3.0))  # the usual floors
        assert not _kept(_loose(11.0, margin=1.0))  # under the lead floor, gain < the flag
        assert not _kept(_loose(9.0, margin=3.0))  # under PHRASE_KEEP_GAIN


def test_tie_never_counts_as_a_family_mark(monkeypatch: pytest.MonkeyPatch) -> None:
    """The relaxation is the decision's only, where a gate is open: the document score's family
    marks and a gate-shut document's scientific spans read ``_phrase_kept`` without ``tie``, so
    the flag cannot open a clean document's gate nor edit a shut one."""
    monkeypatch.setattr(stage, "PHRASE_TIE_GAIN", 12.0)
    tied = _phrase_candidate(_loose(16.0, margin=0.5))
    assert _phrase_kept(tied, tie=True)
    assert not _phrase_kept(tied)
    assert not _phrase_kept(tied, tie=False)


def test_gate_shut_scientific_span_is_not_relaxed(monkeypatch: pytest.MonkeyPatch) -> None:
    """End to end: a clean scientific paragraph whose gate stays shut keeps its term though a
    near-tied one-word reading has a strong gain ("heterotrophic organisms" -> organizations)."""
    from repair.pipeline import repair_text

    text = (
        "Algae are a diverse group of photosynthetic eukaryotic organisms. Some species are "
        "mixotrophic, and a few are heterotrophic organisms that feed on dissolved organic "
        "matter. Their chloroplasts came from cyanobacteria by endosymbiosis."
    )
    monkeypatch.setattr(stage, "PHRASE_TIE_GAIN", 12.0)
    assert repair_text(text).text == text
