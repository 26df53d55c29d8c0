"""Where OCR candidates end (benchmarks/ocr_fate.py, issue 14, session 28).

The fate classes of a candidate; the recording hooks leave the output as it is and are
removed after; and the two exact bounds of a real-word reading's margin the benchmark
counts (a gain is at most ``-lp(printed)``, and at most ``lp(reading | before) -
lp(printed)``) hold for every one-word real-word decision of a garbled page: a future
pruning by either bound would be exact.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from ocr_fate import bounding, building, by_builder, fate, recording, report  # noqa: E402

from repair.bench.speed import ocr_speed_text  # noqa: E402
from repair.candidates import ocr as ocr_cands  # noqa: E402
from repair.candidates import ocr_pagefar  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score import ocr as ocr_score  # noqa: E402
from repair.score import ocr_decide_fast  # noqa: E402
from repair.types import Candidate  # noqa: E402

#: one pass: these tests read a single pass's readings (conftest ``one_pass``)
pytestmark = pytest.mark.usefixtures("one_pass")


def _cand(start: int, end: int, text: str) -> Candidate:
    return Candidate(start, end, text, "ocr", "OCR_CONFUSION", {})


@pytest.mark.parametrize(
    ("seen", "chosen", "edited", "want"),
    [
        (None, {(0, 3, "the")}, {(0, 3)}, "a chosen"),  # a fixed reading that won
        ((True, 1.0), {(0, 3, "the")}, {(0, 3)}, "a chosen"),
        (None, set(), set(), "c never decided"),
        ((True, 0.5), set(), set(), "b accepted, lost"),
        ((True, 0.5), {(0, 3, "tho")}, {(0, 3)}, "b accepted, lost (span edited)"),
        ((False, -1.5), set(), set(), "b refused near"),
        ((False, -2.0), set(), set(), "b refused near"),  # NEAR is inclusive
        ((False, -2.01), set(), set(), "b refused far"),
        ((False, -7.0), {(0, 3, "she")}, {(0, 3)}, "b refused far (span edited)"),
        ((False, -7.0), {(0, 4, "the.")}, {(0, 4)}, "b refused far"),  # another span
    ],
)
def test_fate_classes(seen, chosen, edited, want) -> None:
    assert fate(_cand(0, 3, "the"), seen, chosen, edited) == want


@pytest.fixture(scope="module")
def page() -> str:
    return ocr_speed_text(1500)


def test_recording_counts_every_candidate_and_keeps_the_output(page: str) -> None:
    before = repair_text(page, config=RepairConfig())
    put, loop = ocr_score.DecisionMemo.put, ocr_decide_fast.LOOP
    by_source: dict[str, Counter[str]] = defaultdict(Counter)
    with recording(by_source):
        during = repair_text(page, config=RepairConfig())
    assert during.text == before.text
    assert [(e.offset, e.replacement) for e in during.edits] == [
        (e.offset, e.replacement) for e in before.edits
    ]
    # the hooks are gone
    assert ocr_score.DecisionMemo.put is put and ocr_decide_fast.LOOP is loop
    total: Counter[str] = Counter()
    for counts in by_source.values():
        total.update(counts)
    assert total["a chosen"] > 0 and total["b refused far"] > 0
    # every edit of the OCR stage is some candidate's chosen reading
    ocr_edits = [e for e in before.edits if e.rule.startswith("OCR")]
    assert 0 < len(ocr_edits) <= total["a chosen"]
    assert report(by_source).startswith(f"candidates {sum(total.values()):,}")


def test_exact_bounds_of_real_word_margins_hold(page: str) -> None:
    counts: Counter[str] = Counter()
    decider = ocr_score._decider
    with recording(defaultdict(Counter)), bounding(counts):
        repair_text(page, config=RepairConfig())
    assert ocr_score._decider is decider
    assert counts["decided"] > 100
    assert counts["bound broken: -lp(printed)"] == 0
    assert counts["bound broken: first term"] == 0
    # what the bounds prove is refused that far in fact (they are bounds)
    far = counts["refused that far in fact"]
    assert counts["proved by gain <= -lp(printed)"] <= counts["proved by the reading's first term"]
    assert counts["proved by the reading's first term"] <= far


def test_builders_tag_every_reading_and_are_restored(page: str) -> None:
    before = repair_text(page, config=RepairConfig())
    token, marks, far = (
        ocr_cands._Generator._token,
        ocr_cands.mark_candidates,
        (ocr_pagefar.page_far_candidates),
    )
    plain: dict[str, Counter[str]] = defaultdict(Counter)
    with recording(plain):
        repair_text(page, config=RepairConfig())
    tags: dict[tuple[int, int, str], str] = {}
    seconds: Counter[str] = Counter()
    built: dict[str, Counter[str]] = defaultdict(Counter)
    with recording(built, tags), building(tags, seconds):
        during = repair_text(page, config=RepairConfig())
    assert during.text == before.text
    assert ocr_cands._Generator._token is token and ocr_cands.mark_candidates is marks
    assert ocr_pagefar.page_far_candidates is far
    # the same candidates and classes, only told apart by builder; none untagged
    assert sum(map(sum, (c.values() for c in built.values()))) == sum(
        map(sum, (c.values() for c in plain.values()))
    )
    assert "?" not in built
    assert built["_token"]["a chosen"] > 0 and built["realword_candidates"]["b refused far"] > 0
    # own times are non-negative (nested builders taken out) and name the generator
    assert min(seconds.values()) >= -1e-3 and seconds["_token"] > 0
    assert "_token" in by_builder(built, seconds)
