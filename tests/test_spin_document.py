"""The document spin score (``scores.spin``): the strongest of the spin stage's score, the
collocation stage's wordy-paraphrase evidence, the spin stage's expected spun words and its
profile evidence, the wordy paraphrases' LM gains and the tortured stage's score, each read
against clean text, recalibrated so 0.5 still means spun."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from repair import repair_text
from repair.candidates.spin_phrase import phrase_evidence
from repair.config import RepairConfig
from repair.detect.spin import MIN_FORMS, SCALE
from repair.detect.spin_document import (
    SPUN_AT,
    document_score,
    paraphrase_evidence,
    profile_as_read,
    span_evidence,
    surprise,
)
from repair.detect.spin_stats import paraphrase_gains
from repair.document import Document
from tests.test_wordy import PLAIN
from tests.test_wordy import SPUN as PHRASE_SPUN  # the wordy stage's own example pair


def test_score_is_monotone_bounded_and_maps_the_cut_to_one_half() -> None:
    grid = [i / 10 for i in range(11)]
    rates = [0.0, 0.5, 1.0, 2.0, 3.0, 5.0]
    for c in grid:
        row = [document_score(s, c) for s in grid]
        assert row == sorted(row) and 0.0 <= row[0] and row[-1] <= 1.0
    for s in grid:
        col = [document_score(s, c) for c in grid]
        assert col == sorted(col)
    for s in (0.1, 0.6):
        words = [document_score(s, 0.1, w) for w in rates]
        profile = [document_score(s, 0.1, 0.2, p) for p in rates]
        assert words == sorted(words) and profile == sorted(profile)
    # the cut: a surprise of SPUN_AT reads 0.5, either side stays on its side
    assert document_score(0.0, 0.0) == pytest.approx(0.0, abs=1e-3)
    assert document_score(1.0, 1.0, 20.0, 10.0) == pytest.approx(1.0)
    below = next(s / 1000 for s in range(1000, 0, -1) if surprise(s / 1000, 0.0) < SPUN_AT)
    assert document_score(below, 0.0) < 0.5 <= document_score(below + 0.001, 0.0)
    assert document_score(below + 0.001, 0.0) == pytest.approx(0.5, abs=0.01)


def test_weak_evidence_of_every_kind_is_not_spun() -> None:
    # the clean-text regime: moderate scores of every cue stay under the threshold
    assert document_score(0.3, 0.3, 0.5, 1.0) < 0.5
    assert document_score(0.5, 0.0) < 0.5  # a stage score of 0.5 alone is re-read as weaker
    # one strong cue is enough: many likely-spun words, or a known spinner's habits
    assert document_score(0.1, 0.0, 4.0) >= 0.5
    assert document_score(0.1, 0.0, 0.2, 4.0) >= 0.5
    assert document_score(0.1, 0.0, 1.0) < 0.5 and document_score(0.1, 0.0, 0.2, 1.5) < 0.5
    # the seed family's gate (no clean dev document opens it) is a cue of its own
    assert document_score(0.3, 0.0, 0.2, 0.0, True) >= 0.5 > document_score(0.3, 0.0, 0.2, 0.0)


def test_phrase_spun_text_is_reported_spun_without_changing_the_spin_stage() -> None:
    r = repair_text(PHRASE_SPUN, (), RepairConfig())
    parts = r.scores.details["spin_score"]
    assert parts["spin_stage"] < 0.5  # the synonym evidence alone misses it
    assert r.scores.spin >= 0.5
    assert r.scores.spin == pytest.approx(
        document_score(
            parts["spin_stage"],
            parts["collocation"],
            parts["words_per_100"],
            parts["profile_per_100"],
            r.scores.details["spin"]["family_gate"],
            parts["paraphrase_evidence"],
            r.scores.tortured,
            parts["span_evidence"],
        ),
        abs=1e-3,
    )
    assert parts["paraphrase_evidence"] == pytest.approx(
        paraphrase_evidence(parts["paraphrase_gains"]), abs=1e-3
    )
    assert len(parts["paraphrase_gains"]) == r.scores.details["collocation"]["wordy_found"]
    # the spin stage's edits are what they are without the collocation stage
    alone = repair_text(PHRASE_SPUN, (), RepairConfig(collocation=False))
    assert [e for e in r.edits if e.kind == "spin"] == [e for e in alone.edits if e.kind == "spin"]
    assert "spin_score" not in alone.scores.details


def test_plain_text_is_not_spun() -> None:
    r = repair_text(PLAIN, (), RepairConfig())
    assert r.scores.spin < 0.5 and r.text == PLAIN


def test_a_paraphrase_where_a_spinner_put_it_weighs_more_than_where_a_writer_chose_it() -> None:
    # "prior to" before a noun is a writer's choice; before a clause it stands for "before"
    chosen = "The samples were frozen prior to analysis, and the results were checked."
    spun = "The samples were frozen prior to they were analysed, and the results were checked."
    (g_chosen,), (g_spun,) = paraphrase_gains(chosen), paraphrase_gains(spun)
    assert g_spun > g_chosen + 5.0
    assert paraphrase_evidence([g_spun]) > paraphrase_evidence([g_chosen])
    # evidence is a sum over paraphrases: one more never lowers it; plain ones add nothing
    assert paraphrase_evidence([g_spun, g_chosen]) >= paraphrase_evidence([g_spun])
    assert paraphrase_evidence([-5.0, 0.0, 1.0]) == 0.0
    assert document_score(0.1, 0.1, 0.2, 0.2, False, paraphrase_evidence([g_spun])) > (
        document_score(0.1, 0.1, 0.2, 0.2, False, paraphrase_evidence([g_chosen]))
    )


def test_multi_word_spans_count_past_clean_writers_and_raise_the_score() -> None:
    # spans that fit their place as well as clean writers' spans do count nothing
    assert span_evidence([-4.0, 1.0, 6.0, 7.0], 400) == 0.0
    # past the 5 % level of clean spans they count, each at most to the 0.5 % level
    one = span_evidence([20.0], 400)
    assert 0.0 < one == span_evidence([40.0], 400) < span_evidence([20.0, 20.0], 400)
    # per 100 words, a short text counting as 150 words long
    assert span_evidence([20.0], 800) == pytest.approx(one / 2)
    assert span_evidence([20.0], 50) == span_evidence([20.0], 150)
    # one strong span is not spun; many in a short text are
    assert document_score(0.1, 0.0, span=one) < 0.5
    assert document_score(0.1, 0.0, span=span_evidence([20.0] * 6, 300)) >= 0.5
    assert document_score(0.1, 0.0, span=0.5) > document_score(0.1, 0.0)


def test_the_spin_stage_reports_its_span_evidence() -> None:
    spun = (
        "At long last the council agreed to lend a hand to the farmers. For the most part the "
        "plan went ahead, and the mayor said it would shed light on the costs."
    )
    r = repair_text(spun, (), RepairConfig())
    stage = r.scores.details["spin"]["span_evidence"]
    assert stage == r.scores.details["spin_score"]["span_evidence"]
    doc = Document(spun)
    gains = [e.gain for e in phrase_evidence(doc, set())]  # no profile span in this text
    assert stage == pytest.approx(span_evidence(gains, len(doc.words)), abs=1e-3)


def test_the_tortured_stage_raises_the_score_but_one_faint_match_alone_is_not_spun() -> None:
    base = document_score(0.1, 0.0, 0.2, 0.2)
    faint = document_score(0.1, 0.0, 0.2, 0.2, False, 0.0, 0.18)  # the clean dev maximum
    strong = document_score(0.1, 0.0, 0.2, 0.2, False, 0.0, 0.99)
    assert base < faint < 0.5 <= strong
    text = (
        "We train profound learning models on irregular woodland features. The models are "
        "compared on three public data sets and the results are reported in full."
    )
    r = repair_text(text, (), RepairConfig())
    assert r.scores.tortured > 0.9 and r.scores.spin >= 0.5


SUITE = Path(__file__).resolve().parent.parent / "benchmarks" / "suites" / "clean"


@pytest.mark.parametrize(
    "name", ["hand_formal_notice", "hand_academic_prose", "hand_honest_spinner_words"]
)
def test_formal_prose_with_one_or_two_fingerprints_is_not_reported_spun(name: str) -> None:
    # The known spinner's profile finds its forms in formal prose ("nonetheless", "within
    # the", once each); the spin stage caps its profile score for fewer than MIN_FORMS
    # fingerprints, and the document score now reads the evidence the same way.
    text = (SUITE / f"{name}.clean.txt").read_text("utf-8")
    r = repair_text(text, (), RepairConfig())
    spin = r.scores.details["spin"]
    assert spin["fingerprints"] < MIN_FORMS < spin["evidence_per_100_words"]
    assert r.scores.details["spin_score"]["profile_per_100"] < spin["evidence_per_100_words"]
    assert r.scores.spin < 0.5 and r.text == text


def test_the_profile_is_read_as_the_spin_stage_reads_it() -> None:
    cap = profile_as_read(100.0, 0)
    assert 0.0 < cap < 100.0
    assert profile_as_read(100.0, MIN_FORMS) == 100.0  # enough fingerprints: all of it
    assert profile_as_read(cap / 2, 1) == cap / 2  # under the cap: unchanged
    # at the cap the stage's own profile score is just under its threshold
    assert 1.0 - math.exp(-cap / SCALE) == pytest.approx(0.45)
    few = document_score(0.1, 0.0, 0.2, profile_as_read(8.0, 2))
    many = document_score(0.1, 0.0, 0.2, profile_as_read(8.0, 20))
    assert few < 0.5 <= many
