"""A rare written word that is a term of scientific text stays (repair.score.rare_terms).
Abstracts 00 and 19 of benchmarks/spin_sim/abstracts.py (dev half) through the rare-synonym
spinner: "phylum" was written for "classification", "phyla" for "makes"."""

from __future__ import annotations

import pytest

from repair import repair_text
from repair.document import Document
from repair.score import rare_terms
from repair.score.rareword import Decision

SPUN_IMAGES = (
    "Deep learning has become the standard approach for image phylum, but large models "
    "require a great amount of labeled data. In this descant we proffer a simple comportment "
    "that combines data augmentation with a small pretrained latticework. We evaluate the "
    "comportment on three public data agglomerates and show that it improves fussiness by "
    "four percent on average. The aftereffects suggest that careful augmentation can replace "
    "a large part of the familiarization data. Our code is available to other searchers.\n"
)
SPUN_HUSKS = (
    "We report a simple method to jilt soporific metals from sweepings dishwater using a cheap "
    "material made from rice husks. The husks were frazzled at a controlled temperature and "
    "threshed out with a weak mescal. In laboratory tests the material removed more than "
    "ninety percent of lead and copper from the dishwater within one hour. The material can "
    "be used several times after swabbing, which phyla it attractive for small treatment "
    "plants.\n"
)


@pytest.fixture(autouse=True)
def _on(monkeypatch: pytest.MonkeyPatch) -> None:
    assert rare_terms.KEEP_WRITTEN_TERMS is True  # on by default (module doc, session 26)
    monkeypatch.setattr(rare_terms, "KEEP_WRITTEN_TERMS", True)


def _rare(text: str) -> dict[str, str]:
    return {e.original: e.replacement for e in repair_text(text).edits if e.rule == "RARE_WORD"}


@pytest.mark.parametrize(("text", "term"), [(SPUN_IMAGES, "phylum"), (SPUN_HUSKS, "phyla")])
def test_written_term_kept(monkeypatch: pytest.MonkeyPatch, text: str, term: str) -> None:
    on = _rare(text)
    assert term not in on
    assert on.get("latticework" if term == "phylum" else "dishwater") in ("network", "water")
    monkeypatch.setattr(rare_terms, "KEEP_WRITTEN_TERMS", False)
    off = _rare(text)
    assert term in off  # the pass restores it without the rule (a wrong original)
    assert {k: v for k, v in off.items() if k != term} == on  # nothing else moves


def test_every_place_declined_with_its_reason() -> None:
    from repair.detect.rareword import find

    doc = Document(SPUN_HUSKS)
    found = [r for r in find(doc, frozenset(), 0, 0.0) if r.token.text in ("phyla", "swabbing")]
    assert {r.token.text for r in found} == {"phyla", "swabbing"}
    decisions = [Decision(r, True, "applied", 0.6, r.options[0].word) for r in found]
    out = rare_terms.keep_terms(doc, decisions)
    assert [(d.word.token.text, d.applied, d.reason) for d in out] == [
        ("swabbing", True, "applied"),
        ("phyla", False, rare_terms.REASON),
    ]
