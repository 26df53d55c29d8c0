"""Issue 12, session 37: a real word's reading whose gain comes from the left context only
is kept as printed (``repair.score.ocr.REALWORD_GUARD``)."""

from __future__ import annotations

from repair.candidates.ocr_rules import cand
from repair.document import Document
from repair.score import ocr as so

TEXT = "While taking a pot off the fire her clothes caught alight.\n"


def _groups(doc: Document, orig: str, alt: str) -> dict:
    start = doc.text.index(f" {orig} ") + 1
    c = cand(start, start + len(orig), alt, "OCR_REALWORD", finding="realword", orig=[orig],
             alt=[alt], cost=-1.3, orig_known=True, threshold=2.5)  # fmt: skip
    return {(c.start, c.end): [(2.53, c, {"finding": "realword"})]}


def _run(flag: bool, orig: str = "pot", alt: str = "pet") -> dict:
    doc = Document(TEXT)
    groups = _groups(doc, orig, alt)
    old = so.REALWORD_GUARD
    so.REALWORD_GUARD = flag
    try:
        so._realword_guard(doc, so._Context(doc.words), groups)
    finally:
        so.REALWORD_GUARD = old
    return groups


def test_left_only_gain_kept_as_printed() -> None:
    """"taking a pot off the": the words after "pot" want it as much as "pet"."""
    assert _run(True) == {}


def test_guard_off_keeps_reading() -> None:
    assert len(_run(False)) == 1


def test_guard_on_by_default() -> None:
    assert so.REALWORD_GUARD


def test_pipeline_keeps_printed_word() -> None:
    """Through the scorer: a garbled page's "pot" before "off the" stays."""
    from repair.pipeline import repair_text

    text = (
        "Tho fire broke out at tho house of Mr. Jonos yesterday aftornoon.\n"
        "While taking a pot off the fire her clothes caught alight.\n"
        "Sho was removed to tho hospital, whore sho lies in a critical stato.\n"
    )
    out = repair_text(text).text
    assert "a pot off" in out


def test_page_reading_not_guarded() -> None:
    """A reading the page prints elsewhere ("the" twice) or a very common one is left to
    the scorer."""
    doc = Document(TEXT)
    f = so._realword_features(doc, so._Context(doc.words), 15, 18, "pot", "the")
    assert f["page_alt"] >= 1 and not so._guard_refuses(f)


def test_features_one_sided() -> None:
    doc = Document(TEXT)
    f = so._realword_features(doc, so._Context(doc.words), 15, 18, "pot", "pet")
    assert f["right"] <= so.RW_GUARD_RIGHT_MAX < f["left"]
    assert f["line_bad"] == 0 and f["page_alt"] == 0
