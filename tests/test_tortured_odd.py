"""Odd collocations as a document signal (detect.tortured_odd, score.collocation_odd)."""

from __future__ import annotations

from pathlib import Path

from repair.detect import tortured_odd
from repair.document import Document
from repair.score import collocation_odd
from repair.stages.collocation import STAGE

CLEAN = (
    "Deep learning has become the standard approach for image classification, but large "
    "models require a great amount of labeled data. In this paper we propose a simple method "
    "that combines data augmentation with a small pretrained network. We evaluate the method "
    "on three public data sets and show that it improves accuracy by four percent on average."
)
SPUN = (
    "Deep learning has become the standard approach for image phylum, but large "
    "models require a great amount of labeled data. In this descant we proffer a simple "
    "comportment that combines data augmentation with a small pretrained latticework. We "
    "evaluate the comportment on three public data agglomerates and show that it improves "
    "accuracy by four percent on average."
)


def test_spun_abstract_has_more_odd_collocations_than_its_source() -> None:
    odd_spun, n_spun = tortured_odd.count(Document(SPUN))
    odd_clean, n_clean = tortured_odd.count(Document(CLEAN))
    assert odd_spun >= 3
    assert odd_clean == 0
    assert n_spun == n_clean


def test_pmi_of_seen_and_unseen_pairs() -> None:
    seen = tortured_odd.pmi("this", "paper")
    assert seen is not None and seen > 0
    assert tortured_odd.pmi("this", "descant") is None


def test_document_score_rises_with_density() -> None:
    scores = [collocation_odd.document_score(x) for x in (0.0, 50.0, 100.0, 150.0)]
    assert scores == sorted(scores)
    assert scores[0] < 0.01 and abs(scores[2] - 0.5) < 1e-9 and scores[3] > 0.9


def test_stage_counts_odd_collocations_only_past_its_rare_word_gate() -> None:
    spun = STAGE.detect(Document(SPUN))
    assert spun.details["odd_collocations_per_1000_words"] > 0
    seed = Path(__file__).resolve().parent.parent / "seeds" / "001_6ec5e41faf0dbfb8.txt"
    clean = STAGE.detect(Document(seed.read_text(encoding="utf-8")))
    assert "odd_collocations_per_1000_words" not in clean.details
    assert STAGE.detect(Document(CLEAN)).score < 0.05
