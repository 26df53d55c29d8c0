"""Session 65 (spinauc): under session 64's ordinary-fit scaling
(``spin_document.ORDINARY_FIT_DAMPEN``), the expected spun words per 100 words are never
scaled (``spin_document.DAMPEN_SPARES_WORDS``): a document whose strongest finding is many
words each likelier spun keeps it however ordinarily its words fit (the seed spinner's
families outside the profile), while the spin stage's score, the collocation score and the
profile's evidence are still scaled.  Shipped with the scaling OFF (the test half's seed and
phrase AUC fell); a flagged document and every edit are unchanged either way."""

from __future__ import annotations

import pytest

from repair.detect import spin_document as sd
from tests.test_spin_fit_dampen64 import readings66_off

SPARES = sd.DAMPEN_SPARES_WORDS  # read at import, before any test flips it


@pytest.fixture(autouse=True)
def _on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scaling switched on for each test (shipped off: main's score)."""
    monkeypatch.setattr(sd, "ORDINARY_FIT_DAMPEN", True)
    readings66_off(monkeypatch)  # this file checks the scaling as session 65 shaped it


def test_words_cue_kept_at_an_ordinary_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    assert SPARES is True  # benchmarks/RESULTS.md, "Session 65, spinauc"
    words_only = sd.surprise(0.0, 0.0, 2.0)  # the expected spun words alone
    assert 0.0 < words_only < sd.SPUN_AT
    assert sd.surprise(0.0, 0.0, 2.0, fit_surprise=0.0) == pytest.approx(words_only)
    monkeypatch.setattr(sd, "DAMPEN_SPARES_WORDS", False)  # session 64: scaled with the rest
    assert sd.surprise(0.0, 0.0, 2.0, fit_surprise=0.0) < 0.5 * words_only


def test_other_word_cues_still_scaled() -> None:
    stage_only = sd.surprise(0.6, 0.0)
    profile_only = sd.surprise(0.0, 0.0, 0.0, 2.0)
    assert sd.surprise(0.6, 0.0, fit_surprise=0.0) < 0.5 * stage_only
    assert sd.surprise(0.0, 0.0, 0.0, 2.0, fit_surprise=0.0) < 0.5 * profile_only
    # a strong words cue now outranks a stronger stage score at an ordinary fit
    mixed = sd.surprise(0.6, 0.0, 2.0, fit_surprise=0.0)
    assert mixed == pytest.approx(sd.surprise(0.0, 0.0, 2.0, fit_surprise=0.0), abs=0.02)
    # ... and over the cut nothing is read
    high = sd.surprise(0.9999, 0.0, 2.0)
    assert high >= sd.SPUN_AT and sd.surprise(0.9999, 0.0, 2.0, fit_surprise=0.0) == high
