"""Word segmentation in newspaper OCR (issue 12, session 41, ocrseg41): a token that
splits plainly into two words is not read with a moved cut ("theircraft" is no "the
aircraft"), two function words run together ("ontho": on the), and two printed words
the page prints whole elsewhere ("dol ars" on a page of "dollars")."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_gluedfw, ocr_pagejoin
from repair.candidates.ocr_gluedfw import glued_readings
from repair.candidates.ocr_pagejoin import page_join_candidates
from repair.candidates.ocr_rules import page_word_counts
from repair.tokenize import tokenize


def _clear() -> None:
    glued_readings.cache_clear()
    ocr_gluedfw._fw_reading.cache_clear()
    ocr_gluedfw._word_readings.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_caches():  # type: ignore[no-untyped-def]
    _clear()
    yield
    _clear()


def _parts(token: str) -> list[tuple[str, str]]:
    _clear()
    return [parts for parts, _c in glued_readings(token)]


def test_a_plain_split_keeps_its_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_gluedfw, "PLAIN_SPLIT_GUARD", False)
    assert ("the", "aircraft") in _parts("theircraft")
    monkeypatch.setattr(ocr_gluedfw, "PLAIN_SPLIT_GUARD", True)
    for same_cut in (False, True):
        monkeypatch.setattr(ocr_gluedfw, "PLAIN_SPLIT_SAME_CUT", same_cut)
        assert ("the", "aircraft") not in _parts("theircraft")  # their + craft
    # no plain split: still read
    assert ("the", "analysis") in _parts("thejanalysis") or ("they", "analysis") in _parts(
        "thejanalysis"
    )
    assert ocr_gluedfw.plain_cuts("theircraft") == (5,)
    assert ocr_gluedfw.plain_cuts("thejanalysis") == ()


def test_a_space_glyph_is_no_reading_beside_a_plain_split(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_gluedfw, "SPACE_GLYPH_COST", ocr_gluedfw.SPACE_GLYPH_ON)
    monkeypatch.setattr(ocr_gluedfw, "PLAIN_SPLIT_GUARD", True)
    monkeypatch.setattr(ocr_gluedfw, "PLAIN_SPLIT_SAME_CUT", True)
    assert _parts("thejanalysis")[0] == ("the", "analysis")
    assert all(cost == 0 or parts[0] != "the" for parts, cost in glued_readings("theircraft"))


@pytest.mark.parametrize("guard", [False, True])
def test_two_function_words_run_together(monkeypatch: pytest.MonkeyPatch, guard: bool) -> None:
    monkeypatch.setattr(ocr_gluedfw, "PLAIN_SPLIT_GUARD", guard)
    monkeypatch.setattr(ocr_gluedfw, "PLAIN_SPLIT_SAME_CUT", True)
    monkeypatch.setattr(ocr_gluedfw, "FW_PAIRS", False)
    assert ("on", "the") not in _parts("ontho")
    monkeypatch.setattr(ocr_gluedfw, "FW_PAIRS", True)
    assert _parts("ontho")[0] == ("on", "the")
    assert _parts("andtho")[0] == ("and", "the")
    # both pieces as printed: the plain split's, not read here
    assert _parts("ofthe") == []


def _page_joins(text: str) -> list[str]:
    toks = tokenize(text)
    return [c.replacement for c in page_join_candidates(toks, page_word_counts(toks))]


PAGE = (
    "Rice sold at 70 dollars, and Quedah at 85 dol ars per coyan. Sugar at 9 dollars "
    "and coffee at 12 dollars a picul."
)


def test_a_word_the_page_prints_whole_joins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_pagejoin, "PAGE_JOIN", False)
    assert _page_joins(PAGE) == []
    monkeypatch.setattr(ocr_pagejoin, "PAGE_JOIN", True)
    assert _page_joins(PAGE) == ["dollars"]
    # printed once on the page: no evidence
    assert _page_joins(PAGE.replace("9 dollars", "9 rupees").replace("12 dollars", "12")) == []
    # two common words stay two words even where the page prints them whole
    assert _page_joins("we went in to town; into it, into the house, into all") == []


def test_shipped_on() -> None:
    assert not ocr_gluedfw.PLAIN_SPLIT_GUARD and ocr_gluedfw.PLAIN_SPLIT_SAME_CUT
    assert ocr_gluedfw.FW_PAIRS
    assert ocr_pagejoin.PAGE_JOIN and ocr_pagejoin.THRESHOLD == 0.0


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # the page repeats a run-together garble: no word to join into
        ("the stcelage, in stcelage, in the steel age", "KNOWN_WORDS"),
        # "dol" is glued to "85": no whole printed word
        ("sold at 85dol ars, at 70 dollars and 9 dollars", "WHOLE_PIECES"),
        # a printed letter dropped
        ("the Rivers and Rivers of the River as it runs", "KEEP_LETTERS"),
    ],
)
def test_a_page_join_guard(monkeypatch: pytest.MonkeyPatch, text: str, flag: str) -> None:
    monkeypatch.setattr(ocr_pagejoin, "PAGE_JOIN", True)
    assert _page_joins(text) == []
    monkeypatch.setattr(ocr_pagejoin, flag, False)
    assert _page_joins(text) != []


def test_a_page_join_takes_the_case_of_its_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_pagejoin, "PAGE_JOIN", True)
    text = "During the war. During the peace. It grew du ring the years."
    assert _page_joins(text) == ["during"]
    monkeypatch.setattr(ocr_pagejoin, "LOWER_CASE", False)
    assert _page_joins(text) == ["During"]


def test_a_page_join_in_capitals_is_no_evidence_of_case() -> None:
    from repair.candidates.ocr_pagejoin import _cased

    assert _cased("MOTHERS", "Mothei") == "Mothers"
    assert _cased("MOTHERS", "MOTH") == "MOTHERS"
    assert _cased("McDonald", "Mc") == "McDonald"
