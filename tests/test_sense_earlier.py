"""The sense gate reads the restorations of earlier stages (repair.score.sense_words
GATE_READS_EARLIER, Document.earlier, repair.write.restored_spans) and opens outside
scientific register at OTHER_PER_1000 (40).  The texts are dev abstracts of
benchmarks/spin_sim/abstracts.py spun by the WordNet sense spinner with one half of the
dev word families (benchmarks/tortured_folds.py, cells "ba" and "ab")."""

from __future__ import annotations

from pathlib import Path

import pytest

from repair import repair_text
from repair.document import Document
from repair.score import sense_words
from repair.types import Edit
from repair.write import apply_edits, restored_spans

#: abstract 12, cell "ba": "urban centers" (cities) is the spin stage's; "determinations"
#: (findings) is then the only strong reading the collocation stage sees.
RIVERS = (
    "Antibiotic resistance is a growing threat to public health. We analysed samples from "
    "the water of three rivers near large urban centers and found resistant bacteria in all "
    "of them. The figure of resistant strains was highest downstream of hospitals and "
    "treatment plants. Our determinations support stricter regulations for waste water and "
    "regular monitoring of rivers that are used for drinking water.\n"
)
#: abstract 32, cell "ab": plain-language (not scientific register), 3 strong readings
#: in 68 words (44 per 1,000).
REEFS = (
    "Coral reefs are damaged when sea temperature stays high for several weeks. We combined "
    "satellite temperature records with field surveys of two one c reefs to estimate how "
    "often bleaching occurred over the last thirty years. Bleaching events have become "
    "three times more shop at, and reefs now have less time to retrieve between them. "
    "Protecting reefs from local pollution may help them hold out the warmer water.\n"
)
CLEAN = Path(__file__).resolve().parent.parent / "benchmarks" / "suites" / "clean"


def _edits(text: str) -> dict[str, tuple[str, str]]:
    return {e.original: (e.replacement, e.rule) for e in repair_text(text).edits}


def test_earlier_restoration_opens_the_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    assert sense_words.GATE_READS_EARLIER is False  # shipped off (module doc)
    monkeypatch.setattr(sense_words, "GATE_READS_EARLIER", True)
    on = _edits(RIVERS)
    assert on["urban centers"] == ("cities", "SPIN_SYNONYM_PHRASE")
    assert on["determinations"] == ("findings", "SENSE_WORD")
    assert on["figure"] == ("number", "SENSE_WORD")
    monkeypatch.setattr(sense_words, "GATE_READS_EARLIER", False)
    off = _edits(RIVERS)
    assert off == {"urban centers": ("cities", "SPIN_SYNONYM_PHRASE")}


def test_earlier_strong_reads_only_first_sense_spin_restorations() -> None:
    text = "We analysed samples from three rivers near large cities and found bacteria."
    a = text.index("cities")
    span = (a, a + len("cities"))
    assert sense_words.earlier_strong(
        Document(text, earlier=((*span, "urban centers", "spin"),))
    ) == frozenset({"urban centers"})
    # another stage's edit (an OCR correction, a paper mill's habit) is no sense spinner's
    for kind in ("ocr", "tortured"):
        doc = Document(text, earlier=((*span, "urban centers", kind),))
        assert not sense_words.earlier_strong(doc)
    # a written form whose first sense does not give the restoration
    assert not sense_words.earlier_strong(Document(text, earlier=((*span, "towns", "spin"),)))
    # a span that is not a whole word of the text is not read
    assert not sense_words.earlier_strong(
        Document(text, earlier=((a + 1, span[1], "urban centers", "spin"),))
    )


def test_lm_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    # the restoration counts only where the LM prefers it by MIN_GAIN nats
    text = "We analysed samples from three rivers near large cities and found bacteria."
    a = text.index("cities")
    doc = Document(text, earlier=((a, a + 6, "urban centers", "spin"),))
    assert sense_words.earlier_strong(doc)
    monkeypatch.setattr(sense_words, "MIN_GAIN", 60.0)
    assert not sense_words.earlier_strong(doc)


def test_restored_spans_follow_the_text() -> None:
    text = "The old cat sat on the old mat."
    first = [Edit(4, 3, "old", "aged", "spin", 0.9, "R")]
    spans = restored_spans((), first)
    text1 = apply_edits(text, first)
    assert [(text1[a:b], w, k) for a, b, w, k in spans] == [("aged", "old", "spin")]
    second = [
        Edit(text1.index("mat"), 3, "mat", "rug", "collocation", 0.8, "S"),
        Edit(0, 3, "The", "A", "collocation", 0.8, "S"),
    ]
    spans = restored_spans(spans, second)
    text2 = apply_edits(text1, second)
    assert [(text2[a:b], w) for a, b, w, _k in spans] == [
        ("A", "The"),
        ("aged", "old"),
        ("rug", "mat"),
    ]
    # an edit over an earlier restoration takes its place (the older span is dropped)
    third = [Edit(spans[1][0], 4, "aged", "elderly", "ocr", 0.7, "T")]
    spans = restored_spans(spans, third)
    text3 = apply_edits(text2, third)
    assert [(text3[a:b], w, k) for a, b, w, k in spans] == [
        ("A", "The", "collocation"),
        ("elderly", "aged", "ocr"),
        ("rug", "mat", "collocation"),
    ]


def test_plain_abstract_opens_at_40_per_1000(monkeypatch: pytest.MonkeyPatch) -> None:
    assert sense_words.OTHER_PER_1000 == 40.0
    on = _edits(REEFS)
    assert on["one c"] == ("hundred", "SENSE_WORD")
    assert on["shop at"] == ("frequent", "SENSE_WORD")
    assert on["hold out"] == ("survive", "SENSE_WORD")
    monkeypatch.setattr(sense_words, "OTHER_PER_1000", 45.0)
    assert not any(rule == "SENSE_WORD" for _r, rule in _edits(REEFS).values())


def test_academic_prose_stays() -> None:
    # the clean suite's academic prose: 3 strong readings in 89 words (33.7 per 1,000)
    text = (CLEAN / "hand_academic_prose.clean.txt").read_text(encoding="utf-8")
    assert repair_text(text).text == text
