"""Substitutions read off a known source paper (repair.detect.tortured_source)."""

from __future__ import annotations

from pathlib import Path

from repair import repair_text
from repair.detect import tortured_source
from repair.document import Document

ROOT = Path(__file__).resolve().parent.parent
SOURCE = (
    "Deep learning has become the standard approach for image classification, but large "
    "models require a great amount of labeled data. In this paper we propose a simple method "
    "that combines data augmentation with a small pretrained network.\n"
)
SPUN = (
    "Profound learning has become the standard approach for image categorization, but large "
    "models require a great amount of labeled information. In this descant we proffer a simple "
    "comportment that combines data augmentation with a small pretrained latticework.\n"
)


def test_spun_copy_restored_from_its_source() -> None:
    r = repair_text(SPUN, (SOURCE,))
    assert r.text == SOURCE
    rules = {e.rule for e in r.edits}
    assert "TORTURED_SOURCE" in rules


def test_each_substitution_is_an_edit_with_evidence() -> None:
    spans, ratio = tortured_source.find(Document(SPUN, references=(SOURCE,)))
    assert ratio >= tortured_source.MIN_COPY
    pairs = {(s.written, s.source) for s in spans}
    assert ("descant", "paper") in pairs and ("latticework", "network") in pairs


def test_clean_copy_of_the_source_is_unchanged() -> None:
    assert repair_text(SOURCE, (SOURCE,)).text == SOURCE


def test_another_text_on_the_same_subject_is_not_a_source() -> None:
    seeds = sorted((ROOT / "seeds").glob("00[0-4]_*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    spans, ratio = tortured_source.find(Document(texts[0], references=tuple(texts[1:])))
    assert spans == [] and ratio < tortured_source.MIN_COPY


def test_names_numbers_insertions_left_alone() -> None:
    src = "The team of Smith measured 12 samples in the laboratory and found a clear effect.\n"
    doc = "The team of Jones measured 14 samples in the lab and then found a clear effect.\n"
    spans, ratio = tortured_source.find(Document(doc, references=(src,)))
    assert ratio >= tortured_source.MIN_COPY
    assert [(s.written, s.source) for s in spans] == [("lab", "laboratory")]


def test_no_reference_no_work() -> None:
    assert tortured_source.find(Document(SPUN)) == ([], 0.0)


def test_reversed_roles_do_nothing() -> None:
    """The clean paper with its spun copy as the reference is not "restored" to the spin."""
    spans, ratio = tortured_source.find(Document(SOURCE, references=(SPUN,)))
    assert ratio >= tortured_source.MIN_COPY and spans == []
    assert repair_text(SOURCE, (SPUN,)).text == SOURCE


def test_document_score_counts_source_substitutions() -> None:
    assert repair_text(SPUN, (SOURCE,)).scores.tortured > 0.9
    assert repair_text(SOURCE, (SOURCE,)).scores.tortured == 0.0


def test_excerpt_of_a_longer_source_and_long_texts() -> None:
    """The text may be an excerpt of the source (an abstract of a paper); long texts are
    aligned block by block."""
    intro = "Images are everywhere and their classes matter to many applications today. " * 3
    src = intro + SOURCE + SOURCE.replace("Deep", "Shallow") * 30
    doc = SPUN + SPUN.replace("Profound", "Shallow") * 30
    spans, ratio = tortured_source.find(Document(doc, references=(src,)))
    assert ratio >= tortured_source.MIN_COPY
    assert len(doc.split()) > 2 * tortured_source.BLOCK
    found = [(s.written, s.source) for s in spans]
    assert found.count(("descant", "paper")) >= 28
