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
    """ "taking a pot off the": the words after "pot" want it as much as "pet"."""
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


def test_isolated_word_needs_its_own_margin() -> None:
    """ "(thus, group 1": between two marks the reading "this" has no context of its own;
    with ``REALWORD_ISOLATED`` the gain from the words beyond the marks is taken out."""
    doc = Document("Dogs are young or old, long-haired (thus, group 1 is young dogs).\n")
    start = doc.text.index("thus")
    span = (start, start + 4)
    ev = {"lm_logprob_gain": 8.39, "threshold": 2.5}
    assert so._marks_around(doc.text, *span) == (True, True)
    assert so._isolated_refuses(doc, span, "thus", "this", 2.91, ev)
    c = cand(start, start + 4, "this", "OCR_REALWORD", finding="realword", orig=["thus"],
             alt=["this"], cost=4.5, orig_known=True, threshold=2.5)  # fmt: skip
    for flag, left in ((True, 0), (False, 1)):
        groups = {span: [(2.91, c, dict(ev))]}
        old = so.REALWORD_ISOLATED
        so.REALWORD_ISOLATED = flag
        try:
            so._realword_guard(doc, so._Context(doc.words), groups)
        finally:
            so.REALWORD_ISOLATED = old
        assert len(groups) == left


def test_isolated_word_with_its_own_margin_kept() -> None:
    """A reading that clears its threshold without the context stays ("Pox," -> "Fox,")."""
    doc = Document("places visited: Mesta, tho, Broken Hill.\n")
    start = doc.text.index("tho")
    ev = {"lm_logprob_gain": 12.0, "threshold": 2.5}
    assert not so._isolated_refuses(doc, (start, start + 3), "tho", "the", 12.0, ev)
