"""Session 41 (ocrlight41): the wide readers for the clearly garbled words of a page the
garble gate keeps shut (issue 12, :mod:`repair.candidates.ocr_lightwide`).

The pipeline tests fail with the flag off (nothing is read there).
"""

from __future__ import annotations

import pytest

from repair import repair_text
from repair.candidates import ocr_lightwide
from repair.tokenize import tokenize
from repair.types import Candidate, Token

SHUT = [
    (
        "The Western Australian Historical Society has decided that the police endeavoured, "
        "and poultry are aíso drifting about near the Police Office in the town.",
        ("aíso", "also"),
    ),
    (
        "The fishermen were cut off from the shore, and the rjolice endeavoured to have a "
        "boat sent out to them before dark.",
        ("rjolice", "police"),
    ),
    (
        "He left the body covered wltr a blanket on the stony ground and walked to the coast.",
        ("wltr", "with"),
    ),
]


def _word(text: str, word: str) -> Token:
    return next(t for t in tokenize(text) if t.text == word)


@pytest.mark.parametrize("text,pair", SHUT)
@pytest.mark.parametrize("flag", [True, False])
def test_gate_shut_page_reads_its_garbled_word(
    monkeypatch: pytest.MonkeyPatch, text: str, pair: tuple[str, str], flag: bool
) -> None:
    monkeypatch.setattr(ocr_lightwide, "LIGHT_WIDE", flag)
    monkeypatch.setattr(ocr_lightwide, "SHUT_PAGES", True)  # shipped off (lead, session 41)
    edits = [(e.original, e.replacement) for e in repair_text(text).edits]
    assert edits == ([pair] if flag else [])


@pytest.mark.parametrize(
    "word,reason,count,want",
    [
        ("rjolice", "nonword", 1, True),
        ("aíso", "accented_nonword", 1, True),
        ("iDefense", "inner_capital", 1, False),  # a brand's capital
        ("aaugh", "nonword", 1, False),  # a cry
        ("Iiiives", "capitalized_unknown", 1, False),  # a drawl
        ("Iexpressed", "capitalized_unknown", 1, False),  # two words run together
        ("rjolice", "nonword", 2, False),  # printed twice: the page's own word
        ("Nguyen", "capitalized_unknown", 1, False),  # the web prints it
        ("Eucla", "capitalized_unknown", 1, False),
        ("TOAVN", "capitalized_unknown", 1, False),  # capitals: an acronym or heading
        ("wlt", "nonword", 1, False),  # too short
        ("rjolice", "archaic", 1, False),  # not a garble finding
    ],
)
def test_garbled_token(word: str, reason: str, count: int, want: bool) -> None:
    tok = _word(f"the {word} here", word)
    assert ocr_lightwide.garbled_token(tok, reason, {word: count}) is want


def test_raised_threshold() -> None:
    c = Candidate(0, 4, "with", "ocr", "OCR_SPELLING", {"threshold": 1.0})
    (out,) = ocr_lightwide.raised([c])
    assert out.features["threshold"] == 1.0 + ocr_lightwide.EXTRA_THRESHOLD
    low = Candidate(0, 4, "with", "ocr", "OCR_SPELLING", {"threshold": -5.0})
    (out,) = ocr_lightwide.raised([low])
    assert out.features["threshold"] == ocr_lightwide.MIN_THRESHOLD


CLEAN = (
    "Mr Tsipras met the Eucla shire council on Tuesday; the wwoofers who worked the farm "
    "said the détente between the two towns was welcome, and Nguyen agreed."
)


def test_clean_text_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_lightwide, "LIGHT_WIDE", True)
    assert repair_text(CLEAN).text == CLEAN


def test_mark_piece() -> None:
    toks = tokenize("the Hlstori.il Society and tal.cn place, the rjolice. Then")
    idx = {t.text: i for i, t in enumerate(toks)}
    assert ocr_lightwide.mark_piece(toks, idx["Hlstori"])
    assert ocr_lightwide.mark_piece(toks, idx["il"])
    assert ocr_lightwide.mark_piece(toks, idx["cn"])
    assert not ocr_lightwide.mark_piece(toks, idx["rjolice"])
    assert not ocr_lightwide.garbled_token(
        toks[idx["Hlstori"]], "capitalized_unknown", {}, toks, idx["Hlstori"]
    )


def test_raised_drops_reordered_letters() -> None:
    c = Candidate(0, 9, "sometimes", "ocr", "OCR_SPELLING", {"threshold": 1.0})
    assert ocr_lightwide.raised([c], "soemtimes") == []


def test_shut_pages_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_lightwide, "LIGHT_WIDE", True)
    monkeypatch.setattr(ocr_lightwide, "SHUT_PAGES", False)
    text, _ = SHUT[1]
    assert not repair_text(text).edits


LIGHT_PAGE = (
    "coast of Tasmania by the lighthouse\nsteamer Lady Loch, after remarkable ad-\nventures\n"
    "She was literally blown across the\nStrait In the wrong direction\nThe Petrel left Hobart "
    "on November\n2'l on a coastal voyage of 90 miles to Swan\nsea on the east coast She\nwas "
    "within 20 miles of her intended port\nwh»n she was compelled by head winds ,0\nmake for "
    "the open sea Her complement con-\nsisted of the captain mate a crew of four\nand six "
    "nassengprs including two women\nWithout warning came a hui ricane before\nwhich the ship "
    "was driven helplessly The\ncaptain had no idea of his bearings With\nboats and bulwarks "
    "smashed the deckhouse\nwashed away and only two spokes left in thp\nsteering wheel\n"
)


def test_shipped_values() -> None:
    assert ocr_lightwide.LIGHT_WIDE is True
    assert ocr_lightwide.SHUT_PAGES is False
    assert ocr_lightwide.LIGHT_PAGES is True


@pytest.mark.parametrize("flag", [True, False])
def test_light_page_reads_its_garbled_word(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    """A lightly garbled page (the gate open, not heavy): "nassengprs" no light reader
    reads; the wide readers do (SMH dev, session 41)."""
    monkeypatch.setattr(ocr_lightwide, "LIGHT_WIDE", flag)
    monkeypatch.setattr(ocr_lightwide, "SHUT_PAGES", False)
    edits = {(e.original, e.replacement) for e in repair_text(LIGHT_PAGE).edits}
    assert (("nassengprs", "passengers") in edits) is flag
    assert ("hui ricane", "hurricane") in edits
