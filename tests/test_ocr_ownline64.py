"""Session 64, ocrnames: the print's own-line garble test (``ocr_ownline``) that opens
two-edit page names (``ocr_ownline.TWO_EDITS``) and prints that are words
(``ocr_ownline.REAL_WORDS``) in :mod:`repair.candidates.ocr_docname`."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_docname, ocr_ownline
from repair.tokenize import tokenize

CLEAN = "Major Hall and Major Brown spoke to the council on Monday about the plan.\n"
GARBLED = "tho Muior sald tlie Cmincil wa» nskod to ihe mcetmg.\n"


def _index(toks: list, word: str) -> int:
    return next(i for i, t in enumerate(toks) if t.text == word)


def _readings(text: str) -> dict[str, str]:
    toks = tokenize(text)
    got = ocr_docname.doc_name_candidates(toks, force=True, heavy=False)
    return {c.features["orig"][0]: c.replacement for c in got}


def test_line_damage_counts_glyph_damage_only() -> None:
    toks = tokenize(CLEAN + GARBLED)
    assert ocr_ownline.garbled_line(toks, _index(toks, "Muior"))
    assert not ocr_ownline.garbled_line(toks, _index(toks, "Brown"))
    # a digit inside a glyph run is damage, a figure's ending is not; two words run
    # together are spacing damage (every glyph as printed); an apostrophe is no mark
    toks = tokenize("Mi1lion 0ctober 12th 1990s oflarger Way’s Smi!th said")
    got = [
        ocr_ownline._chunk_damaged(toks, a, b, {}, ())
        for a, b in ocr_ownline._chunks(toks, 0, len(toks) - 1)
    ]
    assert got == [True, True, None, None, False, False, True, False]
    # a short line is widened to its neighbours
    toks = tokenize("the Muior\n" + CLEAN)
    bad, n = ocr_ownline.line_damage(toks, _index(toks, "Muior"))
    assert n >= ocr_ownline.MIN_WORDS and bad == 0


@pytest.mark.parametrize("on", [True, False])
def test_two_edits_on_a_garbled_line(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(ocr_ownline, "TWO_EDITS", on)
    got = _readings(CLEAN + GARBLED)
    assert got == ({"Muior": "Major"} if on else {})
    # the same print on a clean line is another name: not read
    monkeypatch.setattr(ocr_ownline, "TWO_EDITS", True)
    assert _readings(CLEAN + "Then Muior Jones spoke to the council about the plan.\n") == {}


@pytest.mark.parametrize("on", [True, False])
def test_real_words_on_a_garbled_line(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(ocr_ownline, "REAL_WORDS", on)
    page = "New South Wales beat Wales and Wales again on Monday at the ground.\n"
    garbled = "tho Wiles tearn wa» nskod ihe mcetmg.\n"
    assert _readings(page + garbled) == ({"Wiles": "Wales"} if on else {})
    monkeypatch.setattr(ocr_ownline, "REAL_WORDS", True)
    # a word on a clean line stays ("Waxes" beside "Wales")
    assert _readings(page + "Waxes include examples of larger alkanes.\n") == {}
    # the print is the name's own inflection: the writer's plural
    page = "Alderman Hall and Alderman Brown and Alderman Smith spoke.\n"
    assert _readings(page + "tho Aldermen tearn wa» nskod ihe mcetmg.\n") == {}


def test_two_edits_not_for_a_repeated_print(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_ownline, "TWO_EDITS", True)
    assert _readings(CLEAN + GARBLED) == {"Muior": "Major"}
    page = (
        CLEAN
        + "Major Smith and Major Jones.\n"
        + GARBLED
        + "tbe Muior saicl ihe Cuuncil wns askod.\n"
    )
    assert _readings(page) == {}  # "Muior" x2: the page's own form
    monkeypatch.setattr(ocr_ownline, "TWO_EDIT_MAX_PRINTS", 2)
    assert _readings(page) == {"Muior": "Major"}
