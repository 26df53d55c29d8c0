"""Spinner-agnostic spin evidence: reverse synonyms, the synonym score, SPIN_SYNONYM edits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repair.candidates.spin_synonyms import (
    originals_of,
    originals_of_live,
    reverse_table,
    spelling_only,
    spelling_variant,
)
from repair.config import RepairConfig
from repair.detect.spin import THRESHOLD, synonym_score
from repair.document import Document
from repair.learn import corpus_pairs
from repair.pipeline import repair_text
from repair.score.spin_evidence import WordEvidence
from repair.stages.spin import STAGE

SPIN_ONLY = RepairConfig(mojibake=False, ocr=False, tortured=False)
NO_PROFILE = RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None)


def test_reverse_table_is_read_and_checked() -> None:
    table = reverse_table()
    assert len(table) > 10_000
    assert all(isinstance(v, tuple) and v for v in list(table.values())[:100])


@pytest.mark.parametrize(
    ("written", "original"),
    [("nations", "countries"), ("advised", "told"), ("emporiums", "markets")],
)
def test_originals_are_inflected_like_the_written_word(written: str, original: str) -> None:
    assert original in originals_of(written)


def test_words_lemminflect_does_not_know_are_read_as_lemmas() -> None:
    """A rare spun word outside lemminflect's lexicon ("endangerment", "betwixt") still gets
    the table's originals (it is its own lemma), at run time from the shipped forms."""
    from lemminflect import getAllLemmas

    assert getAllLemmas("endangerment") == {}
    assert "risk" in originals_of("endangerment")
    assert "between" in originals_of("betwixt")


@pytest.mark.parametrize(
    ("written", "original"),
    [("orbiters", "satellites"), ("grangers", "farmers"), ("endangerments", "risks")],
)
def test_unknown_regular_forms_are_read_through_their_lemma_row(
    written: str, original: str
) -> None:
    """A rare spun form lemminflect does not know ("orbiters") is read as the regular
    inflection of a lemma with a WordNet row ("orbiter"), its originals inflected alike,
    at run time from the shipped forms."""
    from lemminflect import getAllLemmas

    assert getAllLemmas(written) == {}
    assert original in originals_of(written)
    assert originals_of(written) == originals_of_live(written)


def test_a_word_with_its_own_row_keeps_it() -> None:
    """An unknown word that is itself a WordNet lemma ("vas") is not re-read as another
    lemma's plural ("va")."""
    assert originals_of("vas") == ("vessel",)


def test_spelling_variants_and_function_words_get_no_candidates() -> None:
    assert spelling_variant("armoured", "armored")
    assert not spelling_variant("recognising", "realizing")
    assert "armored" not in originals_of("armoured")
    assert "defense" not in originals_of("defence")
    assert originals_of("the") == () and originals_of("said2") == ()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("defence", "defense", True),
        ("neighbours", "neighbors", True),
        ("kilometres", "kilometers", True),
        ("dialogue", "dialog", True),
        ("programme", "program", True),
        ("organisation", "organization", True),
        ("strategical", "strategic", False),
        ("dynamical", "dynamic", False),
        ("frail", "fragile", False),
        ("clime", "climate", False),
    ],
)
def test_spelling_only_separates_spellings_from_derived_words(a: str, b: str, same: bool) -> None:
    assert spelling_variant(a, b)  # the loose test joins them all
    assert spelling_only(a, b) is same


def test_derived_words_of_one_stem_are_candidates() -> None:
    """A thesaurus spinner writes "strategical" for "strategic": another word, not another
    spelling, so it is a candidate (the loose spelling test dropped it)."""
    assert "strategic" in originals_of("strategical")
    assert "climate" in originals_of("clime")


def _row(gain: float, context: float) -> WordEvidence:
    return WordEvidence(0, 1, "w", "o", gain, gain - context, context, 3, 5.0)


def test_synonym_score_rises_with_flagged_density() -> None:
    clean = [_row(1.0, 0.0)] * 90 + [_row(9.0, 4.0)] * 10
    spun = [_row(1.0, 0.0)] * 65 + [_row(9.0, 4.0)] * 35
    assert synonym_score(clean)[0] < THRESHOLD < synonym_score(spun)[0]
    assert synonym_score([])[0] < 0.01


def test_detection_carries_evidence_and_decisions_reach_the_json_details(spun_seed) -> None:
    det = STAGE.detect(Document(spun_seed))
    assert det.details["profile_score"] >= THRESHOLD
    assert "synonym_density" in det.details and det.words
    r = repair_text(spun_seed, (), SPIN_ONLY)
    decisions = r.scores.details["spin"]["decisions"]
    assert decisions["applied"] == len([e for e in r.edits if e.kind == "spin"])
    assert all(e.evidence["decision"] == "applied" for e in r.edits if e.kind == "spin")


def test_clean_seeds_untouched_without_profile(clean_seeds) -> None:
    for text in clean_seeds:
        r = repair_text(text, (), NO_PROFILE)
        assert r.text == text
        assert r.scores.spin < THRESHOLD


SUITE = Path(__file__).resolve().parent.parent / "benchmarks" / "suites" / "spin_sim"


def _rare_docs() -> list[dict]:
    path = SUITE / "dev_rare.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_rare_spinner_restored_without_profile_and_clean_side_untouched() -> None:
    """Five dev documents of the simulated rare-synonym spinner (spin-eval suite)."""
    right = broken = 0
    for d in _rare_docs():
        assert repair_text(d["clean"], (), NO_PROFILE).text == d["clean"]
        gold = {(g["replacement"].lower(), g["original"].lower()) for g in d["edits"]}
        spun = {g["replacement"].lower() for g in d["edits"]}
        for e in repair_text(d["damaged"], (), NO_PROFILE).edits:
            right += (e.original.lower(), e.replacement.lower()) in gold
            broken += e.original.lower() not in spun
    assert right >= 20 and right >= 3 * broken


def test_corpus_learning_needs_no_profile_and_ignores_clean_text(clean_seeds) -> None:
    assert corpus_pairs(list(clean_seeds)) == []
    docs = _rare_docs()
    pairs = corpus_pairs([d["damaged"] for d in docs])
    assert all(p.docs >= 2 and p.count >= 2 and p.spun != p.original for p in pairs)
