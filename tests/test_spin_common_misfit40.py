"""Session 40: the common-word misfit cue of the document spin score (spinphrase40): the misfit
share over common content words only (Zipf >= 5, a word of the same sentence after them),
capped under the cut; shipped OFF (``COMMON_MISFIT_WEIGHT`` 0.0, tuned 0.74)."""

from __future__ import annotations

import pytest

from repair.detect import spin_document as sd
from repair.detect import spin_misfit
from repair.detect.spin_misfit import FIT_BELOW, common_misfit_share, fits
from repair.resources.frequency import zipf

#: Common words that fit, then the same with common words swapped for ones that do not.
PLAIN = (
    "The government said on Monday that it would increase spending on roads and schools "
    "next year. Officials said the new plan would help people in the area, who have had "
    "a hard time with the weather and low prices this year. The minister told reporters "
    "that the money would be spent over three years and that local councils would decide "
    "which projects were most important for their communities. Critics said the plan was "
    "too small to make a real difference to most families, and that the government should "
    "have done more to help people who live far from the city and work on the land.\n"
)
ODD = (
    "The government said on Monday that it would reduce spending on roads and schools "
    "next season. Officials said the new plan would open people in the area, who have had "
    "a hard moment with the weather and low costs this season. The minister told reporters "
    "that the money would be spent over three weeks and that local councils would decide "
    "which projects were most possible for their communities. Critics said the plan was "
    "too large to make a real difference to most families, and that the government should "
    "have done more to open people who live far from the city and work on the land.\n"
)


def test_common_misfit_reads_only_common_words_with_a_right_neighbour() -> None:
    rows = spin_misfit._fits(ODD)
    common = [f for f, w, right in rows if right and zipf(w) >= spin_misfit.COMMON_ZIPF]
    assert len(common) >= spin_misfit.MIN_WORDS
    assert len(common) < len(rows)  # rare words and sentence ends are left out
    assert common_misfit_share(ODD) == sum(1 for f in common if f < FIT_BELOW) / len(common)
    assert [f for f, _w, _r in rows] == fits(ODD)  # the misfit cue's fits are unchanged
    assert common_misfit_share(ODD) > common_misfit_share(PLAIN)
    assert common_misfit_share("Too short to say anything.") == 0.0


def test_common_misfit_cue_raises_the_surprise_but_alone_never_reaches_the_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert sd.COMMON_MISFIT_WEIGHT == 0.0  # shipped off: benchmarks/RESULTS.md, session 40
    assert sd.surprise(0.1, 0.0, common_misfit=0.25) == sd.surprise(0.1, 0.0)
    monkeypatch.setattr(sd, "COMMON_MISFIT_WEIGHT", sd.COMMON_MISFIT_WEIGHT_TUNED)
    assert sd.surprise(0.1, 0.0, common_misfit=0.25) > sd.surprise(0.1, 0.0)
    for share in (0.3, 0.333, 0.5, 1.0):  # capped at the last knot: under the cut for any text
        assert sd.surprise(0.0, 0.0, common_misfit=share) < sd.SPUN_AT
        assert sd.document_score(0.0, 0.0, common_misfit=share) < 0.5
    # not in the tie term either: a document just under the cut stays under it
    just_under = sd.surprise(0.0, 0.0, span=sd.SPAN_TAIL[-1][0])
    assert just_under < sd.SPUN_AT
    assert sd.surprise(0.0, 0.0, span=sd.SPAN_TAIL[-1][0], common_misfit=0.3) == max(
        just_under, sd.COMMON_MISFIT_WEIGHT * sd.tail(0.3, sd.COMMON_MISFIT_TAIL)
    )


def test_pipeline_reads_the_common_misfit_cue_only_when_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair import repair_text

    off = repair_text(ODD)
    assert "common_misfit_share" not in off.scores.details.get("spin_score", {})
    monkeypatch.setattr(sd, "COMMON_MISFIT_WEIGHT", sd.COMMON_MISFIT_WEIGHT_TUNED)
    on = repair_text(ODD)
    assert on.scores.details["spin_score"]["common_misfit_share"] == round(
        common_misfit_share(ODD), 4
    )
    assert on.scores.spin >= off.scores.spin
    assert on.text == off.text and on.edits == off.edits  # a score users read, never an edit
