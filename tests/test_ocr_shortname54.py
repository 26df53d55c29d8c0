"""A name in a name list printed lower case, its capital misread (issue 12, session 54)."""

from __future__ import annotations

from collections import Counter

import pytest

from repair.candidates import ocr, ocr_shortname
from repair.candidates.ocr_rules import cand
from repair.tokenize import tokenize

LIST = "Miss Chave, Miss Bryan, Miss Chave, Miss Arthur, s chave, Miss A. nodson, Miss Hill."


def _index(toks, text: str) -> int:
    return next(k for k, t in enumerate(toks) if t.text == text)


def _readings(text: str) -> set[tuple[str, str]]:
    toks = tokenize(text)
    return {
        (c.features["printed"], c.replacement)
        for c in ocr_shortname.slot_name_candidates(toks, frozenset())
    }


def test_name_slot_after_a_title_or_an_initial() -> None:
    toks = tokenize("Miss A. nodson, Colonel binn, and the nodson")
    assert ocr_shortname.name_slot(toks, _index(toks, "nodson"))
    assert ocr_shortname.name_slot(toks, _index(toks, "binn"))
    assert not ocr_shortname.name_slot(toks, len(toks) - 1)


def test_mid_capitals_count_no_sentence_start() -> None:
    toks = tokenize("The Chave girls. Chave left, and Miss Chave, Mr. B. Chave came.")
    # after "The", "Miss" and "B." count; after "girls." (a sentence start) not
    assert ocr_shortname.mid_capitals(toks)["Chave"] == 3


def test_page_name_read_in_a_list() -> None:
    assert ("chave", "Chave") in _readings(LIST)


def test_page_name_needs_two_mid_sentence_prints() -> None:
    assert ("chave", "Chave") not in _readings("Miss Chave, Miss Arthur, s chave, Miss Hill.")


def test_page_name_not_when_the_page_prints_it_lower_case() -> None:
    assert ("chave", "Chave") not in _readings(LIST + " The chave was.")


def test_plain_word_is_no_page_name() -> None:
    # "Company" is printed capitalised mid-sentence, but the period text writes it lower case
    text = "the Gas Company, the Water Company, and this compiny, said he."
    assert not any(r == "Company" for _p, r in _readings(text))


def test_slot_glyph_reads_the_listed_name() -> None:
    assert ocr_shortname.glyph_reading("nodson") == ("Hodson", pytest.approx(1.6, abs=0.5))
    assert ("nodson", "Hodson") in _readings("Miss A. nodson, Miss M. Hill.")


def test_slot_glyph_needs_the_slot() -> None:
    assert not _readings("the nodson, and more")


def test_plain_word_reading_declined() -> None:
    # "nide": the cheapest listed readings "Hide" and "Aide" are plain words / too close
    assert ocr_shortname.glyph_reading("nide") is None


def test_common_word_print_never_read() -> None:
    assert not ocr_shortname._printable("lack")
    assert not _readings("Miss Chave, Miss Chave, Mr. F. lack, Miss Hill.")


@pytest.mark.parametrize("flag", ["PAGE_NAMES", "SLOT_GLYPH"])
def test_each_reader_only_with_its_flag(monkeypatch: pytest.MonkeyPatch, flag: str) -> None:
    want = ("chave", "Chave") if flag == "PAGE_NAMES" else ("nodson", "Hodson")
    assert want in _readings(LIST)
    monkeypatch.setattr(ocr_shortname, flag, False)
    assert want not in _readings(LIST)


@pytest.mark.parametrize("on", [True, False])
def test_hook_replaces_the_other_readings(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(ocr_shortname, "PAGE_NAMES", on)
    monkeypatch.setattr(ocr_shortname, "SLOT_GLYPH", on)
    toks = tokenize(LIST)
    t = toks[_index(toks, "nodson")]
    other = cand(
        t.start, t.end, "dodson", "OCR_CONFUSION", finding="x", orig=["nodson"], alt=["dodson"]
    )
    got = {(c.start, c.replacement) for c in ocr._initial_glyphs([other], toks)}
    assert ((t.start, "Hodson") in got) is on
    assert ((t.start, "dodson") in got) is not on


def test_page_counts_are_the_page_vocabulary() -> None:
    page = Counter({"Chave": 2, "chave": 1})
    mid = Counter({"Chave": 2})
    assert ocr_shortname.page_reading("chave", page, mid) == (
        "Chave",
        pytest.approx(-min(2.0, 1.0986), abs=0.01),
    )


def test_in_name_list_item_but_not_prose() -> None:
    toks = tokenize("Miss Arthur, M;s chave, Miss Ivy")
    assert ocr_shortname.in_name_list(toks, _index(toks, "chave"))
    toks = tokenize("loved thy dog or horae, Or other")
    assert not ocr_shortname.in_name_list(toks, _index(toks, "horae"))
    toks = tokenize("George Lyall, Alfrid loscph Relph, and")
    assert ocr_shortname.in_name_list(toks, _index(toks, "loscph"))
