"""Real accented words on a heavily garbled page (issue 12): kept unless the page's own
accents show an engine that invents them ("thé", "hâve"), where the plain reading stays open."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_accentkeep
from repair.candidates.ocr_accentkeep import accent_noise, is_accent_strip, page_is_noisy
from repair.detect import ocr as detect_ocr
from repair.pipeline import repair_text

HEAVY = (
    "Tho potition was hoard by tho Court yestorday, whon tho husband and tho\n"
    "witnessos wero callod. Mr. Schäfer and Mr. Müller of Zürich wero callod, and\n"
    "tho Café. Tho résumé of tho caso was road by tho clork of tho court.\n"
)


def _accent_edits(text: str) -> set[tuple[str, str]]:
    return {
        (e.original, e.replacement) for e in repair_text(text).edits if not e.original.isascii()
    }


def test_heavy_page_keeps_real_accented_words() -> None:
    out = repair_text(HEAVY).text
    assert "potition" not in out  # the page is read as garbled
    for word in ("Zürich", "Café", "Schäfer", "Müller", "résumé"):
        assert word in out, word


def test_without_the_rule_the_accents_are_stripped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_accentkeep, "ACCENT_KEEP", False)
    # the detector's own real-accented-word test (session 44) off too: it alone keeps Zürich
    monkeypatch.setattr(detect_ocr, "ACCENT_WORD_ZIPF", 0.0)
    detect_ocr._reason_inside.cache_clear()
    detect_ocr._reason_at_start.cache_clear()
    try:
        assert ("Zürich", "Zurich") in _accent_edits(HEAVY)
    finally:
        detect_ocr._reason_inside.cache_clear()
        detect_ocr._reason_at_start.cache_clear()


def test_noisy_page_still_strips_spurious_accents() -> None:
    noisy = HEAVY.replace("whon tho husband", "whon thé husband hâve")
    edits = _accent_edits(noisy)
    assert ("thé", "the") in edits and ("hâve", "have") in edits


def test_accent_noise_counts_invented_accents_only() -> None:
    assert accent_noise(["Zürich", "Café", "résumé", "rôle", "pièce", "débris"]) == 0
    assert accent_noise(["thé", "hâve", "aboùt", "wäs"]) == 4
    assert not page_is_noisy(["Zürich", "Café", "the", "was"])
    assert page_is_noisy(["Zürich", "thé", "was"])  # one in two accented tokens is noise
    assert not page_is_noisy(["Zürich", "Café", "résumé", "élite", "thé"])  # one in five
    assert page_is_noisy(["Zürich", "Café", "résumé", "élite", "thé", "hâve"])


@pytest.mark.parametrize(
    ("orig", "repl", "expected"),
    [
        ("Zürich", "Zurich", True),
        ("Café", "Cafe", True),
        ("Café", "Case", False),
        ("was", "was", False),
    ],
)
def test_is_accent_strip(orig: str, repl: str, expected: bool) -> None:
    assert is_accent_strip(orig, repl) is expected
