"""A known form read through a dear confusion at a negative margin stays
(``repair.score.ocr_knownform.NEGATIVE_GATE``, session 49, ocraudit49)."""

from repair.score import ocr_knownform

# "the social communication of neurotypicals" -> "neurological" (OCR'd modern text audit)
NEURO = {
    "finding": "nonword",
    "original_zipf": 1.33,
    "confusion_cost": 5.0,
    "margin": -2.01,
    "threshold": -3.0,
}


def test_negative_margin_known_form_refused(monkeypatch):
    monkeypatch.setattr(ocr_knownform, "NEGATIVE_GATE", True)
    assert ocr_knownform.refused("OCR_SPELLING", NEURO)


def test_without_the_gate_read(monkeypatch):
    monkeypatch.setattr(ocr_knownform, "NEGATIVE_GATE", False)
    assert not ocr_knownform.refused("OCR_SPELLING", NEURO)


def test_positive_margin_cheap_or_unknown_read(monkeypatch):
    monkeypatch.setattr(ocr_knownform, "NEGATIVE_GATE", True)
    for change in ({"margin": 0.5}, {"confusion_cost": 3.0}, {"original_zipf": 0.0}):
        assert not ocr_knownform.refused("OCR_SPELLING", {**NEURO, **change})
    assert not ocr_knownform.refused("OCR_NAME", NEURO)  # a fallback: no margin gated here
