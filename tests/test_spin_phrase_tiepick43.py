"""The tie-break of a multi-word span kept on session 41's ``PHRASE_TIE_GAIN`` (session 43,
spintie43): its near-tied one-word originals (``PhraseEvidence.rivals``) are re-scored by
LM gain plus the document's topic fit (``repair.stages.spin._tie_picked``); the best is
restored where it leads the next by ``PHRASE_TIE_LEAD`` and passes every floor itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import repair.stages.spin as stage
from repair.candidates.spin_phrase import (
    RIVAL_WINDOW,
    PhraseEvidence,
    Rival,
    phrase_evidence,
    rivals,
)
from repair.config import RepairConfig
from repair.document import Document
from repair.pipeline import repair_text
from repair.resources.frequency import zipf
from repair.stages.spin import _phrase_candidate, _tie_picked

SUITE = Path(__file__).resolve().parent.parent / "benchmarks" / "suites" / "spin_sim"
NO_PROFILE = RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None)
TEXT = "They said the main interests of the group were on the table at the time."


def _rival(original: str, gain: float, zipf_gain: float = 0.8) -> Rival:
    return Rival(original, gain, gain - 1.0, 1.0, zipf_gain, 1.0, 0.0, False)


def _tied(gain: float = 16.0, margin: float = 0.5) -> PhraseEvidence:
    """A Moby-only span ("main interests" -> "things") kept only on the tie gain."""
    start = TEXT.index("main interests")
    return PhraseEvidence(
        start, start + 14, "main interests", "things", gain, margin, 0.8, gain - 1.0, 1.0,
        1.0, True, 2, False, None, 0.0,
    )  # fmt: skip


def _with(mp: pytest.MonkeyPatch, near: tuple[Rival, ...], topic: dict[str, float]) -> None:
    """The span's near-tied originals and each original's topic gain, as given."""
    mp.setattr(stage, "rivals", lambda _doc, _a, _b, _chosen, _gain: near)
    mp.setattr(stage, "topic_gain", lambda _doc, _w, original, _s: topic.get(original, 0.0))
    mp.setattr(  # TIE_ROW_TOPIC (session 65) reads the span's originals as one row
        stage, "row_topic_gains", lambda _doc, _w, origs, _s: [topic.get(o, 0.0) for o in origs]
    )


@pytest.fixture
def tie_on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(stage, "PHRASE_TIE_GAIN", 12.0)
    monkeypatch.setattr(stage, "PHRASE_TIE_LEAD", 1.0)
    monkeypatch.setattr(stage, "PHRASE_TIE_TOPIC", 7.0)
    return monkeypatch


def test_shipped_state() -> None:
    assert stage.PHRASE_TIE_PICK is True
    assert stage.PHRASE_TIE_GAIN == stage.PHRASE_TIE_GAIN_TUNED
    assert stage.PHRASE_TIE_LEAD > 0.0 < stage.PHRASE_TIE_TOPIC
    assert RIVAL_WINDOW == stage.PHRASE_MIN_MARGIN


def test_topic_moves_the_pick_to_a_rival(tie_on: pytest.MonkeyPatch) -> None:
    doc = Document(TEXT)
    c = _phrase_candidate(_tied())
    _with(tie_on, (_rival("issues", 15.5),), {"issues": 0.3})
    (got,) = _tie_picked(doc, [c])
    assert got.replacement == "issues" and got.features["gain0"] == 15.5
    assert got.features["tie_lead"] == pytest.approx(15.5 + 7.0 * 0.3 - 16.0, abs=1e-3)


def test_chosen_original_kept_on_a_clear_lead(tie_on: pytest.MonkeyPatch) -> None:
    doc = Document(TEXT)
    c = _phrase_candidate(_tied())
    _with(tie_on, (_rival("issues", 15.5),), {"things": 0.2})
    (got,) = _tie_picked(doc, [c])
    assert got.replacement == "things"


def test_a_tie_the_topic_does_not_break_is_dropped(tie_on: pytest.MonkeyPatch) -> None:
    doc = Document(TEXT)
    c = _phrase_candidate(_tied())
    _with(tie_on, (_rival("issues", 15.5),), {})
    assert _tie_picked(doc, [c]) == []  # lead 0.5 < PHRASE_TIE_LEAD
    tie_on.setattr(stage, "PHRASE_TIE_LEAD", 0.4)
    assert [x.replacement for x in _tie_picked(doc, [c])] == ["things"]


def test_the_picked_rival_must_pass_the_floors(tie_on: pytest.MonkeyPatch) -> None:
    doc = Document(TEXT)
    c = _phrase_candidate(_tied())
    _with(tie_on, (_rival("issues", 15.5, zipf_gain=-1.0),), {"issues": 0.5})  # rarer than the span
    assert _tie_picked(doc, [c]) == []


def test_spans_kept_without_the_tie_are_untouched(tie_on: pytest.MonkeyPatch) -> None:
    doc = Document(TEXT)
    clear = _phrase_candidate(_tied(margin=3.0))
    _with(tie_on, (_rival("issues", 13.0),), {"issues": 5.0})
    assert _tie_picked(doc, [clear]) == [clear]


def test_rivals_are_the_near_tied_originals() -> None:
    seen = 0
    for line in (SUITE / "dev_double.jsonl").read_text("utf-8").splitlines()[:20]:
        doc = Document(json.loads(line)["damaged"])
        for ph in phrase_evidence(doc, set()):
            near = rivals(doc, ph.start, ph.end, ph.original, ph.gain)
            if ph.margin >= RIVAL_WINDOW:
                assert near == ()
                continue
            assert near and ph.original not in {r.original for r in near}
            assert all(ph.gain - r.gain < RIVAL_WINDOW for r in near)
            assert [r.gain for r in near] == sorted((r.gain for r in near), reverse=True)
            # each rival read as the chosen one would be (same commonness measure)
            assert all(r.zipf_gain - ph.zipf_gain == pytest.approx(
                zipf(r.original) - zipf(ph.original), abs=1e-9) for r in near)  # fmt: skip
            seen += 1
    assert seen > 5


def test_suite_span_restored_to_the_topical_original() -> None:
    """Dev double suite: "unicameral legislature" (for "congress") was read as "court" (LM
    gain 22.2 against 21.3) on the tie gain; the document's topic picks "congress"."""
    for line in (SUITE / "dev_double.jsonl").read_text("utf-8").splitlines():
        d = json.loads(line)
        if "unicameral legislature" in d["damaged"]:
            break
    else:
        pytest.skip("suite changed")
    got = {
        e.original: e.replacement
        for e in repair_text(d["damaged"], (), NO_PROFILE).edits
        if e.rule == "SPIN_SYNONYM_PHRASE"
    }
    assert got.get("unicameral legislature") == "congress"
