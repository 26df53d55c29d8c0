"""The spin stage: detection score, candidates, scoring, names, numbers, casing, replay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repair.candidates.reference import harvest_pairs
from repair.candidates.spin import builtin_pairs, find_numbers, thesaurus_related
from repair.config import RepairConfig
from repair.detect.spin import THRESHOLD
from repair.document import Document
from repair.pipeline import repair_text
from repair.score.reference import ngram_support, reference_ngrams
from repair.score.spin import match_case
from repair.stages.spin import STAGE
from repair.write import apply_edits

SPIN_ONLY = RepairConfig(mojibake=False, ocr=False, tortured=False)
CASES = json.loads((Path(__file__).parent / "cases" / "spin.json").read_text(encoding="utf-8"))


def _params():
    for case in CASES["cases"]:
        marks = [pytest.mark.xfail(strict=True)] if case["expect"] == "fail" else []
        yield pytest.param(case, id=case["label"], marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_cases(case: dict) -> None:
    result = repair_text(case["original"], case.get("references", ()), SPIN_ONLY)
    assert apply_edits(case["original"], result.edits) == result.text
    assert result.text == case["fixed"]
    if case["original"] == case["fixed"]:
        assert result.edits == ()


def test_spin_score_separates_seed_000_from_clean(spun_seed, clean_seeds) -> None:
    spun = STAGE.detect(Document(spun_seed)).score
    assert spun > 0.9
    for text in clean_seeds:
        assert STAGE.detect(Document(text)).score < THRESHOLD < spun


def test_clean_seeds_unchanged_with_and_without_references(spun_seed, clean_seeds) -> None:
    for i, text in enumerate(clean_seeds):
        others = [spun_seed, *(t for j, t in enumerate(clean_seeds) if j != i)]
        for refs in ((), others):
            result = repair_text(text, refs, SPIN_ONLY)
            assert result.edits == ()
            assert result.text == text


def test_seed_000_restores_the_spinner_fingerprints(spun_seed, clean_seeds) -> None:
    result = repair_text(spun_seed, clean_seeds, SPIN_ONLY)
    out = result.text
    assert apply_edits(spun_seed, result.edits) == out
    for restored in (
        "Chinese leader Xi Jinping",
        "port city of Busan",
        "Trump said",
        "the two leaders",
        "Lunar New Year",
        "NBC News",
        "before the beginning",
    ):
        assert restored in out
    assert "mentioned" not in out and "Chinese language" not in out
    for name in ("Busan", "Xi Jinping", "Gimhae", "Hegseth", "Mar-a-Lago"):
        assert out.count(name) == spun_seed.count(name)


def test_edit_evidence_and_rules(spun_seed) -> None:
    result = repair_text(spun_seed, (), SPIN_ONLY)
    rules = {e.rule for e in result.edits}
    assert {"SPIN_PAIR", "SPIN_PHRASE", "SPIN_NUMBER"} <= rules
    for e in result.edits:
        assert e.kind == "spin" and 0.5 <= e.confidence <= 1.0
        for key in ("lm_logprob_gain", "pair_count_in_doc", "reference_ngrams", "doc_spin_score"):
            assert key in e.evidence


def test_mid_sentence_capitalized_words_are_left_alone() -> None:
    text = (
        "Officials mentioned the vote within the hall earlier than noon. The Assembly "
        "mentioned that Positive Energy would sign within the week, the 2 leaders "
        "mentioned earlier than lunch."
    )
    out = repair_text(text, (), SPIN_ONLY).text
    assert "The Assembly said" in out and "Positive Energy" in out
    assert "the two leaders said before lunch" in out


@pytest.mark.parametrize(
    ("written", "replacement", "expected"),
    [
        ("mentioned", "said", "said"),
        ("Mentioned", "said", "Said"),
        ("MENTIONED", "said", "SAID"),
        ("Chinese language", "Chinese", "Chinese"),
        ("which’s", "that's", "that’s"),
    ],
)
def test_match_case(written: str, replacement: str, expected: str) -> None:
    assert match_case(written, replacement) == expected


def test_numbers_skip_dates_and_units() -> None:
    spans = [
        o.spun
        for o in find_numbers("On Nov. 3 the 2 leaders met for 4 hours at 5 p.m. in room 6 halls.")
    ]
    assert spans == ["2", "4"]


@pytest.mark.parametrize(
    "text",
    [
        "Ingredients:\n- 2 carrots, diced\n- 3 cloves of garlic\n",
        "You need:\n  * 4 eggs\n",
        "Steps\n1. 2 cups of flour\n",
        "The talks ended.\n2 leaders left early.",
    ],
)
def test_numbers_heading_a_list_line_stay_figures(text: str) -> None:
    # a quantity in a list ("- 2 carrots") is a figure by every style; the clean speed
    # text's recipe came out "- two carrots" inside a long mixed-style document
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    "text",
    ["The 2 leaders met.", "x - 2 leaders", "He met with\n2 leaders", "They met,\n  3 times"],
)
def test_numbers_inside_prose_and_wrapped_lines_are_still_found(text: str) -> None:
    digits = [c for c in text if c.isdigit()]
    assert [o.spun for o in find_numbers(text)] == digits


def test_lexicon_loads_with_families() -> None:
    pairs = builtin_pairs()
    assert "said" in pairs["mentioned"].originals
    assert pairs["earlier than"].strength == "strong"
    assert "year" in pairs["12 months"].originals


def test_reference_signals() -> None:
    grams = reference_ngrams(("Trump told reporters he was sure.",))
    assert ngram_support(["trump"], ["told"], ["reporters"], grams) > 0
    assert ngram_support(["trump"], ["advised"], ["reporters"], grams) == 0
    pairs = harvest_pairs(
        "Trump advised reporters he was positive.", ["Trump told reporters he was sure."]
    )
    assert ("advised", "told", 1) in pairs


def test_thesaurus_relation() -> None:
    assert thesaurus_related("profitable", "successful")
    assert not thesaurus_related("profitable", "banana")


def test_align_sentences_pairs_near_matches() -> None:
    from repair.candidates.reference import align_sentences

    text = "Trump advised reporters he was positive. Something else entirely here today."
    refs = ["Trump told reporters he was sure. Markets rallied."]
    aligned = align_sentences(text, refs)
    assert len(aligned) == 1
    sent, ref, sim = aligned[0]
    assert sent[0] == "trump" and ref[1] == "told" and 0.5 <= sim < 1.0


def test_ordinary_phrases_have_a_high_clean_share() -> None:
    from repair.detect.spin import clean_share

    # the LM knows "more and more" and "whether or not" as ordinary English;
    # "earlier than" for "before" is a spinner's fingerprint
    assert clean_share("more and more", "increasingly", "strong") > 0.3
    assert clean_share("whether or not", "whether", "strong") > 0.05
    assert clean_share("earlier than", "before", "strong") <= 0.02


def test_context_fit_weighs_lm_preferred_written_forms_less() -> None:
    from repair.detect.spin import FIT_FLOOR, context_fit

    assert context_fit(-3.0) == FIT_FLOOR
    assert context_fit(0.0) < context_fit(0.5) < context_fit(2.0) == 1.0


def test_few_honest_fingerprints_stay_under_threshold() -> None:
    # two strong fingerprints in a short text: ordinary English, not a spinner
    text = (
        "The minister mentioned the budget only once during the past 12 months, and the "
        "opposition said that was no accident. Figures arrived on Tuesday."
    )
    det = STAGE.detect(Document(text))
    assert det.score < THRESHOLD
    assert det.details["fingerprints"] < 3
    assert repair_text(text, (), SPIN_ONLY).edits == ()


def test_twelve_months_after_past_counts_as_ordinary() -> None:
    from repair.detect.spin import FIT_FLOOR

    doc = Document("Sales rose over the past 12 months.")
    occ = STAGE.occurrences(doc)
    from repair.detect.spin import spin_evidence

    ev = spin_evidence(doc, occ)
    assert ev["12 months"]["context_fit"] == FIT_FLOOR
