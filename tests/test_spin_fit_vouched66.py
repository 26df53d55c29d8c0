"""Session 66 (spinauc): three readings under the ordinary-fit scaling of sessions 64-65
(``spin_document.ORDINARY_FIT_DAMPEN``): a document in which the restorer made its own spin
edit keeps its word cues (``DAMPEN_SPARES_RESTORED``); a word cue at its clean tail
(``DAMPEN_GATE`` nats or more) is read in full; and a misfit surprise past ``FIT_LIFT_FROM``
lifts the document under the cut (``FIT_LIFT_WEIGHT``).  A flagged document and every edit
are unchanged either way (benchmarks/RESULTS.md, "Session 66, spinauc")."""

from __future__ import annotations

import pytest

from repair.detect import spin_document as sd

SHIPPED = (sd.DAMPEN_SPARES_RESTORED, sd.DAMPEN_GATE, sd.FIT_LIFT_WEIGHT, sd.FIT_LIFT_FROM)


@pytest.fixture(autouse=True)
def _on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scaling switched on for each test, whatever it ships as."""
    monkeypatch.setattr(sd, "ORDINARY_FIT_DAMPEN", True)


def test_shipped_settings() -> None:
    assert SHIPPED == (True, 3.5, 1.0, 2.0)
    assert sd.RESTORING_KINDS == ("spin", "collocation", "tortured")


def test_a_restored_edit_keeps_the_word_cues(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sd, "DAMPEN_GATE", None)
    base = sd.surprise(0.3, 0.0, 0.0, 1.0)  # stage and profile cues, under the gate's reach
    assert 0.0 < base < sd.SPUN_AT
    assert sd.surprise(0.3, 0.0, 0.0, 1.0, fit_surprise=0.0) < 0.5 * base  # no edit: scaled
    assert sd.surprise(0.3, 0.0, 0.0, 1.0, fit_surprise=0.0, restored=1) == base
    monkeypatch.setattr(sd, "DAMPEN_SPARES_RESTORED", False)  # session 65: scaled all the same
    assert sd.surprise(0.3, 0.0, 0.0, 1.0, fit_surprise=0.0, restored=1) < 0.5 * base


def test_a_cue_at_its_clean_tail_is_read_in_full(monkeypatch: pytest.MonkeyPatch) -> None:
    strong = sd.surprise(0.6, 0.0)  # the stage's score alone, 4.8 nats
    weak = sd.surprise(0.3, 0.0)  # 3.2 nats
    assert sd.DAMPEN_GATE is not None and weak < sd.DAMPEN_GATE <= strong < sd.SPUN_AT
    assert sd.surprise(0.6, 0.0, fit_surprise=0.0) == pytest.approx(strong)
    assert sd.surprise(0.3, 0.0, fit_surprise=0.0) < 0.5 * weak
    monkeypatch.setattr(sd, "DAMPEN_GATE", None)  # session 65: every word cue scaled
    assert sd.surprise(0.6, 0.0, fit_surprise=0.0) < 0.5 * strong


def test_a_poor_fit_lifts_the_document_under_the_cut_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert sd.surprise(0.0, 0.0, fit_surprise=sd.FIT_LIFT_FROM + 2.0) == pytest.approx(
        sd.FIT_LIFT_WEIGHT * 2.0
    )
    plain = sd.surprise(0.0, 0.0, fit_surprise=sd.FIT_LIFT_FROM)  # no lift at the threshold
    assert plain == pytest.approx(sd.surprise(0.0, 0.0), abs=1e-3)
    assert sd.surprise(0.0, 0.0, fit_surprise=50.0) == pytest.approx(sd.SPUN_AT - 0.01)  # capped
    monkeypatch.setattr(sd, "FIT_LIFT_WEIGHT", 0.0)
    assert sd.surprise(0.0, 0.0, fit_surprise=50.0) == pytest.approx(sd.surprise(0.0, 0.0))
    # a document at or over the cut is never read
    high = sd.surprise(0.9999, 0.0)
    assert high >= sd.SPUN_AT and sd.surprise(0.9999, 0.0, fit_surprise=50.0) == high


def test_pipeline_counts_the_restorers_spin_edits(monkeypatch: pytest.MonkeyPatch) -> None:
    import repair.pipeline as pipeline
    from repair import repair_text

    seen: list[int] = []
    real = pipeline.document_spin

    def spy(*args: object, **kw: object) -> float:
        if "restored" in kw:
            seen.append(int(kw["restored"]))  # type: ignore[call-overload]
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "document_spin", spy)
    monkeypatch.setattr(pipeline, "_fit_surprise", lambda text: 0.0)
    from tests.test_spin_neighbour_misfit59 import PLAIN

    r = repair_text(PLAIN)
    assert r.scores.spin < 0.5
    kinds = sum(1 for e in r.edits if e.kind in sd.RESTORING_KINDS)
    assert seen == [kinds]
