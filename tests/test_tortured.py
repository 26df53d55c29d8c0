"""The tortured-phrase stage: lexicon, detector, candidates, scorer, cases, seeds."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from repair.lexicons import read_text

from repair.candidates.tortured import fit_replacement
from repair.config import RepairConfig
from repair.detect.tortured import load_lexicon, phrase_units
from repair.document import Document
from repair.pipeline import repair_text
from repair.stages.tortured import STAGE
from repair.write import apply_edits
from tests.conftest import CLEAN_SEEDS, ROOT, SPUN_SEED

CASES = json.loads((ROOT / "tests" / "cases" / "tortured.json").read_text("utf-8"))["cases"]
ONLY_TORTURED = replace(RepairConfig(), mojibake=False, ocr=False, spin=False)


def _params() -> list:
    out = []
    for c in CASES:
        marks = [pytest.mark.xfail(strict=True)] if c["expect"] == "fail" else []
        out.append(pytest.param(c, id=c["label"], marks=marks))
    return out


@pytest.mark.parametrize("case", _params())
def test_case(case: dict) -> None:
    result = repair_text(case["original"], config=ONLY_TORTURED)
    assert apply_edits(case["original"], result.edits) == result.text
    assert result.text == case["fixed"]
    assert all(e.kind == "tortured" and e.rule == "TORTURED_PHRASE" for e in result.edits)


def test_lexicon_header_carries_source_licence_and_counts() -> None:
    header = [ln for ln in read_text("tortured_phrases.tsv").splitlines() if ln.startswith("#")]
    text = "\n".join(header)
    for needle in ("Problematic Paper Screener", "CC BY 4.0", "Cabanac", "Labbe", "Magazinov"):
        assert needle in text
    assert "Counts: 7942 source pairs" in text


def test_lexicon_is_clean() -> None:
    lex = load_lexicon()
    assert len(lex.entries) > 7000
    for e in lex.entries:
        assert len(e.units) >= 2, e.tortured
        assert e.replacements, e.tortured
        for r in e.replacements:
            assert "(" not in r and "?" not in r, (e.tortured, r)
            assert "/" not in r or "/" in e.tortured, (e.tortured, r)
            assert phrase_units(r) != e.units, e.tortured
    legit = {phrase_units(r) for e in lex.entries for r in e.replacements}
    assert not [e.tortured for e in lex.entries if e.units in legit]


def test_lexicon_cleaning_rules() -> None:
    by = {e.tortured: e for e in load_lexicon().entries}
    assert by["cutting edge sequencing"].replacements == ("next-generation sequencing",)
    assert by["partial request"].replacements == ("partial order",)
    assert "neural network" not in by  # a legitimate term (PPS lists it with a note)
    assert "second request" not in by  # hand-dropped: ordinary English
    assert by["irregular woodland"].tier == "strong"
    assert by["community security"].tier == "weak"  # everyday words


def test_fit_replacement_keeps_style() -> None:
    assert fit_replacement("Profound Learning", "deep learning") == (0, 8, "Deep")
    assert fit_replacement("PROFOUND LEARNING", "deep learning") == (0, 8, "DEEP")
    assert fit_replacement("malignant growth", "cancer") == (0, 16, "cancer")
    assert fit_replacement("Malignant  growth", "cancer") == (0, 17, "Cancer")
    assert fit_replacement("irregular woodlands", "random forest", "woodland") == (
        0,
        19,
        "random forests",
    )


def test_edit_evidence_and_message() -> None:
    text = "Counterfeit consciousness and profound learning are popular."
    doc = Document(text)
    det = STAGE.detect(doc)
    assert det.score > 0.9 and det.details["distinct_phrases"] == 2
    edits = STAGE.score(doc, det, STAGE.candidates(doc, det))
    by = {e.original: e for e in edits}
    e = by["profound"]
    assert e.replacement == "deep" and e.rule == "TORTURED_PHRASE"
    ev = e.evidence
    assert ev["lexicon_entry"] == "profound learning" and ev["other_phrases_in_doc"] == 1
    for key in ("surprise", "specificity", "lm_logprob_gain_per_word", "tier", "pps_expected"):
        assert key in ev
    assert "profound learning" in e.message
    assert by["Counterfeit consciousness"].confidence > by["profound"].confidence - 0.3


def test_document_evidence_raises_confidence() -> None:
    alone = Document("We apply profound learning to the images.")
    crowd = Document(
        "We apply profound learning to the images, with counterfeit consciousness "
        "and an irregular woodland."
    )
    conf = {}
    for name, doc in (("alone", alone), ("crowd", crowd)):
        det = STAGE.detect(doc)
        edits = STAGE.score(doc, det, STAGE.candidates(doc, det))
        conf[name] = next(e.confidence for e in edits if e.original == "profound")
    assert conf["crowd"] > conf["alone"] + 0.2


def test_clean_text_scores_zero() -> None:
    det = STAGE.detect(Document("The minister said the meeting went well."))
    assert det.findings == () and det.score == 0.0


@pytest.mark.parametrize("path", [SPUN_SEED, *CLEAN_SEEDS], ids=lambda p: p.name[:3])
def test_seeds_untouched_by_tortured_stage(path: Path) -> None:
    text = path.read_text("utf-8")
    others = [p.read_text("utf-8") for p in [SPUN_SEED, *CLEAN_SEEDS] if p != path]
    assert repair_text(text, config=ONLY_TORTURED).text == text
    assert repair_text(text, others, config=ONLY_TORTURED).text == text
    assert STAGE.detect(Document(text)).findings == ()


@pytest.mark.slow
def test_tortured_suite_precision_and_recall() -> None:
    folder = ROOT / "benchmarks" / "suites" / "tortured"
    pairs = sorted(folder.glob("*.damaged.txt"))
    assert pairs, "generate it: python benchmarks/make_suites.py --suite tortured"
    exact: dict[str, list[bool]] = {"tortured": [], "docstring": []}
    for p in pairs:
        damaged = p.read_text("utf-8")
        clean = p.with_name(p.name.replace(".damaged.", ".clean.")).read_text("utf-8")
        out = repair_text(damaged, config=ONLY_TORTURED).text
        if damaged == clean:
            assert out == clean, p.name  # negatives stay byte-identical
        else:
            exact["docstring" if p.name.startswith("docstring") else "tortured"].append(
                out == clean
            )
    # template paragraphs carry 1-4 phrases; docstring paragraphs mostly one, often of
    # everyday words (weak tier: not restored alone) - measured 57/60 and 22/40
    assert sum(exact["tortured"]) >= 0.9 * len(exact["tortured"])
    assert sum(exact["docstring"]) >= 0.4 * len(exact["docstring"])
