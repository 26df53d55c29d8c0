"""Seed-family marks without the profile: count figures, multi-word forms, the family gate."""

from __future__ import annotations

from pathlib import Path

from repair.candidates.spin_number import (
    count_figures,
    figure_styles,
    measure_nouns,
    spelled_counts,
)
from repair.candidates.spin_phrase import PhraseEvidence, span_originals
from repair.config import RepairConfig
from repair.detect.spin_family import FAMILY_MIN_MARKS, FamilyEvidence
from repair.pipeline import repair_text
from repair.stages.spin import _phrase_kept, _recurring

NO_PROFILE = RepairConfig(mojibake=False, ocr=False, spin_profile=None)
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _figures(text: str) -> list[str]:
    return [text[o.start : o.end + 10] for o in count_figures(text)]


def test_measure_nouns_come_from_wordnet_quantity_and_time() -> None:
    m = measure_nouns()
    assert {"years", "kilometres", "hours", "tonnes", "points"} <= m
    assert not {"leaders", "nations", "companies", "children"} & m


def test_count_figures_skip_measures_names_rates_and_tokens() -> None:
    text = (
        "The 2 leaders met for 3 hours. Internet Explorer 6 uses more memory. "
        'It holds 5 parts per billion, 5"9 tall. In the end, 4 companies agreed.'
    )
    assert _figures(text) == ["2 leaders m", "4 companies"]


def test_figures_in_a_run_of_figures_are_data_not_counts() -> None:
    # a land-sale list of 1850 (Sydney Morning Herald): any style writes these in figures
    text = "Lot 3. 2 acres, 3 roods, and 6 perches, same place. The 2 leaders met later."
    assert _figures(text) == ["2 leaders m"]


def test_figures_break_the_style_only_where_the_document_spells_counts() -> None:
    spun = "The 2 leaders met. Their two nations and three companies signed, 4 firms did not."
    styles = figure_styles(spun)
    assert spelled_counts(spun) == 2 and sorted(styles.values()) == [True, True]
    mixed = "The 2 panes and 3 tabs stay open; two windows close."
    assert not any(figure_styles(mixed).values())  # figures are this text's own style


def test_clean_document_with_figures_for_measures_is_unchanged() -> None:
    text = (
        "The two ministers said the dam, 5 kilometres long, took 6 years to build. "
        "Three engineers and four surveyors checked it for 9 days.\n"
    )
    assert repair_text(text, (), NO_PROFILE).text == text


def test_style_break_restored_without_profile() -> None:
    text = (
        "The two ministers met the three governors on Monday. Later the 2 leaders spoke "
        "to reporters about the four companies involved.\n"
    )
    out = repair_text(text, (), NO_PROFILE)
    assert "the two leaders" in out.text
    assert [e.rule for e in out.edits] == ["SPIN_NUMBER"]


def test_family_score_needs_marks_and_density() -> None:
    assert FamilyEvidence(2, 0, 300).score == 0.0
    assert FamilyEvidence(1, 2, 300).gate  # 3 marks in 300 words
    assert not FamilyEvidence(2, 1, 2000).gate  # 1.5 marks per 1,000 words
    assert FamilyEvidence(2, FAMILY_MIN_MARKS, 400).score > 0.5


def test_link_word_spans_reach_function_word_originals() -> None:
    assert "before" in span_originals(("earlier", "than"))[0]


def _ph(start: int, gain: float, right: float = 1.0, has_right: bool = True) -> PhraseEvidence:
    return PhraseEvidence(
        start, start + 12, "earlier than", "before", gain, 10.0, 0.3, gain - right, right,
        0.0, has_right, 2, False,
    )  # fmt: skip


def test_recurring_mapping_needs_the_lm_for_it_every_time() -> None:
    assert _recurring([_ph(0, 5.0), _ph(40, 6.0)]) == {("earlier than", "before")}
    assert not _recurring([_ph(0, 5.0)])  # once is not a habit
    assert not _recurring([_ph(0, 5.0), _ph(40, 6.0, right=-0.5)])  # right side against
    assert not _recurring([_ph(0, 5.0), _ph(40, 6.0, has_right=False)])
    assert not _recurring([_ph(0, 2.0), _ph(40, 3.0)])  # mean gain under the bar


def test_loose_single_span_is_not_kept_but_its_recurrence_is() -> None:
    from repair.stages.spin import _phrase_candidate

    assert not _phrase_kept(_phrase_candidate(_ph(0, 5.0)))
    assert _phrase_kept(_phrase_candidate(_ph(0, 5.0), recurring=True))


def test_seed_000_without_profile_gets_family_edits_and_clean_seeds_none() -> None:
    seed = next(SEEDS.glob("000_*.txt")).read_text("utf-8")
    out = repair_text(seed, (), NO_PROFILE)
    spin = out.scores.details["spin"]
    assert spin["family_gate"] and out.scores.spin >= 0.5
    rules = {e.rule for e in out.edits}
    assert {"SPIN_NUMBER", "SPIN_SYNONYM_PHRASE"} <= rules
    assert any(e.original == "earlier than" and e.replacement == "before" for e in out.edits)
    for path in sorted(SEEDS.glob("00[1-4]_*.txt")):
        text = path.read_text("utf-8")
        assert repair_text(text, (), NO_PROFILE).text == text
