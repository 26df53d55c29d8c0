"""A written span read as its best WordNet original when that reading is strong alone
(repair.score.spin_span_tight, the stage's ``_span_candidate``)."""

from __future__ import annotations

import pytest

import repair.stages.spin as stage
from repair.candidates.spin_phrase import PhraseEvidence, TightReading, _tight, phrase_evidence
from repair.config import RepairConfig
from repair.document import Document
from repair.resources.frequency import zipf
from repair.score.spin_span_tight import tight_reading
from repair.stages.spin import PHRASE_RULE, _phrase_kept, _span_candidate

NO_PROFILE = RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None)
FLOORS = (8.0, -1.0, 1.0, 0.0)  # gain, content Zipf gain, left side, right side


def _ph(
    tight: TightReading | None,
    original: str = "made",
    has_right: bool = True,
    wordnet: bool = False,
) -> PhraseEvidence:
    return PhraseEvidence(
        0, 10, "arrived at", original, 12.0, 3.0, -1.2, 6.0, 6.0, 8.0, has_right, 2, wordnet,
        tight,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("tight", "has_right", "expect"),
    [
        (TightReading("reached", 9.5, 5.0, 4.5, 0.1), True, "reached"),
        (TightReading("reached", 8.0, 1.0, 0.0, -1.0), True, "reached"),  # at every floor
        (TightReading("reached", 7.9, 5.0, 2.9, 0.1), True, None),  # gain under the floor
        (TightReading("reached", 9.5, 0.5, 9.0, 0.1), True, None),  # the left side weak
        (TightReading("reached", 9.5, 10.5, -1.0, 0.1), True, None),  # the right side against
        (TightReading("reached", 9.5, 10.5, -1.0, 0.1), False, "reached"),  # no right context
        (TightReading("reached", 9.5, 5.0, 4.5, -1.1), True, None),  # rarer than the content
        (None, True, None),  # WordNet relates no original to the span
    ],
)
def test_tight_reading_floors(
    tight: TightReading | None, has_right: bool, expect: str | None
) -> None:
    got = tight_reading(_ph(tight, has_right=has_right), *FLOORS)
    assert (got.original if got else None) == expect


def test_tight_reading_carries_its_own_evidence() -> None:
    t = TightReading("reached", 9.5, 5.0, 4.5, 0.1)
    got = tight_reading(_ph(t), *FLOORS)
    assert got is not None
    assert (got.gain, got.left_gain, got.right_gain, got.zipf_gain) == (9.5, 5.0, 4.5, 0.1)
    assert got.wordnet and got.margin == pytest.approx(9.5 - 12.0)
    assert (got.start, got.end, got.written) == (0, 10, "arrived at")
    same = tight_reading(_ph(t, original="reached", wordnet=True), *FLOORS)
    assert same is not None and same.margin == 3.0  # the chosen one: its own lead stays


def test_stage_reads_the_tight_original_and_keeps_it(monkeypatch: pytest.MonkeyPatch) -> None:
    ph = _ph(TightReading("reached", 9.5, 5.0, 4.5, -0.5))
    c = _span_candidate(ph)
    assert c.source == PHRASE_RULE and c.replacement == "reached"
    assert c.features["span_tight"] and c.features["wordnet"]
    assert _phrase_kept(c)
    # the recurring mapping keeps its original (the document's habit decides it)
    assert _span_candidate(ph, recurring=True).replacement == "made"
    monkeypatch.setattr(stage, "SPAN_TIGHT", False)
    off = _span_candidate(ph)
    assert off.replacement == "made" and "span_tight" not in off.features
    monkeypatch.setattr(stage, "SPAN_TIGHT", True)
    monkeypatch.setattr(stage, "PHRASE_WN_RARER_GAIN", None)
    assert _span_candidate(ph).replacement == "made"


def test_weak_tight_reading_leaves_the_chosen_original() -> None:
    c = _span_candidate(_ph(TightReading("reached", 5.0, 3.0, 2.0, 0.1)))
    assert c.replacement == "made" and "span_tight" not in c.features


def test_phrase_evidence_keeps_the_best_wordnet_original_against_content_words() -> None:
    doc = Document(
        "After many hours of talks the two sides finally arrived at an agreement on prices.",
        config=NO_PROFILE,
    )
    rows = {r.written: r for r in phrase_evidence(doc, set())}
    row = rows["arrived at"]
    assert row.tight is not None and row.tight.original == "reached"
    # Zipf against "arrived" alone, not against the mean with "at"
    assert row.tight.content_zipf_gain == pytest.approx(zipf("reached") - zipf("arrived"))


def test_tight_is_the_best_wordnet_row_and_falls_back_to_all_words() -> None:
    rows = [(12.0, 6.0, 6.0, "made"), (9.5, 5.0, 4.5, "reached"), (9.0, 4.0, 5.0, "got")]
    t = _tight(rows, frozenset({"reached", "got"}), ("arrived", "at"))
    assert t == TightReading("reached", 9.5, 5.0, 4.5, zipf("reached") - zipf("arrived"))
    assert _tight(rows, frozenset({"gone"}), ("arrived", "at")) is None
    # a span of stopwords only ("at all") is compared with all its words
    t = _tight([(5.0, 3.0, 2.0, "ever")], frozenset({"ever"}), ("at", "all"))
    assert t is not None
    assert t.content_zipf_gain == pytest.approx(zipf("ever") - (zipf("at") + zipf("all")) / 2)
