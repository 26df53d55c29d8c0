"""Repeated function phrases as document spin evidence (repair.detect.spin_repeats)."""

from __future__ import annotations

import pytest

from repair.config import RepairConfig
from repair.detect import spin_document
from repair.detect.spin_document import REPEAT_TAIL, document_score
from repair.detect.spin_repeats import repeat_evidence, repeated_phrases
from repair.pipeline import repair_text

FILLER = (
    "The council met on Monday to discuss the new budget for the town. "
    "Members spoke about roads, schools and the library for several hours. "
)


def _runs(text: str) -> list[str]:
    return sorted(" ".join(g) for g in repeated_phrases(text)[0])


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        # a function phrase written twice, one content word ("event")
        (
            "In the event that it rains we stay. Go in the event that we can.",
            ["in the event that"],
        ),
        (
            "We met in the region of the port. They live in the region of the old mill.",
            # every window of four or five words counts, overlapping ones too
            ["in the region of", "in the region of the", "the region of the"],
        ),
        # once only: nothing
        ("In the event that it rains we stay at home with the children.", []),
        # a repeated topic term is content, not a function phrase
        ("The oil for food program ended. The oil for food program began.", []),
        # two content words in the run ("point", "time"): the longer run does not count
        ("At this point in time we wait. At this point in time, no.", ["at this point in"]),
        # a run never crosses punctuation
        ("Go in the event, that we can. Go in the event, that we can.", []),
        # a run that starts with a coordinator joins two phrases
        ("Stay and if it is so. Go and if it is so.", ["if it is so"]),
    ],
)
def test_repeated_function_phrases(text: str, runs: list[str]) -> None:
    assert _runs(text) == runs


def test_evidence_grows_with_repeats_and_is_read_per_100_words() -> None:
    phrase = "In the event that we win, we stay. "
    one = repeat_evidence(FILLER * 10 + phrase * 2)
    more = repeat_evidence(FILLER * 10 + phrase * 4)
    assert 0.0 < one < more
    # the same repeats in a text twice as long count about half
    longer = repeat_evidence(FILLER * 20 + phrase * 2)
    assert longer == pytest.approx(one * len((FILLER * 10 + phrase * 2).split())
                                   / len((FILLER * 20 + phrase * 2).split()), rel=0.02)  # fmt: skip
    # no repeat, no evidence; a repeated content phrase neither
    assert repeat_evidence(FILLER) == 0.0
    assert repeat_evidence("The oil for food program ended. The oil for food program began.") == 0.0


def test_the_cue_ships_switched_off() -> None:
    # seed test AUC fell 0.955 -> 0.951 with it (RESULTS, session 25, phraseauc25)
    assert spin_document.REPEAT_WEIGHT == 0.0
    assert document_score(0.1, 0.0, repeats=500.0) == document_score(0.1, 0.0)
    r = repair_text(FILLER * 3 + "In the event that we win, we stay. " * 3, (), RepairConfig())
    assert "repeat_evidence" not in r.scores.details["spin_score"]


def test_the_cue_raises_the_score_but_alone_stays_under_the_cut_at_the_clean_maximum(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(spin_document, "REPEAT_WEIGHT", 0.7)  # the tuned form
    clean_max = REPEAT_TAIL[-1][0]
    assert document_score(0.1, 0.0) < document_score(0.1, 0.0, repeats=10.0)
    assert document_score(0.0, 0.0, repeats=clean_max) < 0.5
    # with another cue near the cut it decides
    assert document_score(0.0, 0.0, repeats=2.0 * clean_max) > document_score(0.0, 0.0)


def test_the_pipeline_reports_the_cue_and_its_switch_turns_it_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = FILLER * 3 + "In the event that we win, we stay. " * 3
    config = RepairConfig()
    monkeypatch.setattr(spin_document, "REPEAT_WEIGHT", 0.7)  # the tuned form
    on = repair_text(text, (), config)
    assert on.scores.details["spin_score"]["repeat_evidence"] == pytest.approx(
        repeat_evidence(text), abs=1e-3
    )
    assert on.scores.details["spin_score"]["repeat_evidence"] > 0.0
    monkeypatch.setattr(spin_document, "REPEAT_WEIGHT", 0.0)
    off = repair_text(text, (), config)
    assert "repeat_evidence" not in off.scores.details["spin_score"]
    assert off.scores.spin < on.scores.spin
    assert off.text == on.text  # the score gates no edit
