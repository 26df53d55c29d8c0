"""Old spellings as readings of garbled early modern print (repair/candidates/ocr_oldspell.py)."""

from __future__ import annotations

from repair.candidates.ocr_light import light_boundary_candidates
from repair.candidates.ocr_oldspell import (
    old_print_page,
    old_spelling_candidates,
    old_spelling_of,
)
from repair.detect.ocr import real_mixed_case
from repair.tokenize import tokenize


def _word(text: str):
    return next(t for t in tokenize(text) if t.kind == "word")


def test_old_spelling_of_sure_conventions_only() -> None:
    assert old_spelling_of("Devill") == "devil"
    assert old_spelling_of("himselfe") == "himself"
    assert old_spelling_of("fellowes") == "fellows"
    assert old_spelling_of("vpon") == "upon"
    assert old_spelling_of("haue") == "have"
    # looser rules of archaic_form ("oa" for "o"), a "v" inside a word, triple letters
    assert old_spelling_of("Prioar") is None
    assert old_spelling_of("mvle") is None
    assert old_spelling_of("illle") is None


def test_garbled_old_spelling_read_through_its_modern_form() -> None:
    (c,) = old_spelling_candidates(_word("DeviU"), "inner_capital")[:1]
    assert c.replacement == "Devill"
    assert c.features["alt"] == ["Devil"]  # the LM weighs the modern form
    assert old_spelling_candidates(_word("withaU"), "inner_capital")[0].replacement == "withall"


def test_no_old_spelling_reading_for_words_and_old_forms() -> None:
    assert old_spelling_candidates(_word("devil"), "nonword") == []
    assert old_spelling_candidates(_word("tooke"), "nonword") == []  # an old spelling itself
    assert old_spelling_candidates(_word("Priour"), "nonword") == []


def test_old_print_page_needs_old_spellings() -> None:
    assert old_print_page({"archaic": 6}, 300)
    assert not old_print_page({"archaic": 1}, 300)
    assert not old_print_page({"nonword": 9}, 300)


def test_final_glyph_garble_is_not_a_mixed_case_form() -> None:
    assert not real_mixed_case("DeviU")
    assert not real_mixed_case("joyfuH")
    for real in ("GmbH", "PhD", "IoT", "McDonald", "MingW", "iPhone"):
        assert real_mixed_case(real), real


def test_light_merge_split_only_for_rare_lower_case_nonwords() -> None:
    toks = tokenize("farmers ofmeasuring it")
    i = next(k for k, t in enumerate(toks) if t.text == "ofmeasuring")
    (c,) = light_boundary_candidates(toks, i, {"ofmeasuring": 1}, "nonword")
    assert c.replacement == "of measuring"
    toks = tokenize("the Salesguy said")
    i = next(k for k, t in enumerate(toks) if t.text == "Salesguy")
    assert light_boundary_candidates(toks, i, {}, "capitalized_unknown") == []


def test_old_book_page_repaired_and_clean_old_page_kept() -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    cfg = RepairConfig(mojibake=False, spin=False, tortured=False, min_english_share=0.0)
    page = (
        "Then said the great maister unto another DeviU named Norpell, what hast thou "
        "done for vs this day? and hee answered, I have beene about the towne, and "
        "brought many a man to sinne, so that the Devill shall have his soule; then the "
        "maister was glad, and gave him great thankes for his labour, and bid him goe "
        "againe and doe the like, for that was a good service unto them all."
    )
    out = repair_text(page, config=cfg).text
    assert "another Devill named" in out
    clean = page.replace("DeviU", "Devill")
    assert repair_text(clean, config=cfg).text == clean


def test_light_page_clear_errors_fixed_and_clean_page_kept() -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    cfg = RepairConfig(spin=False, tortured=False)
    clean = (
        "Researchers said the vaccine gave lasting immunity to most of the children who "
        "took part in the trial, and the health department will publish the full results "
        "of the study early next year after a review by independent experts."
    )
    assert repair_text(clean, config=cfg).text == clean
    garbled = clean.replace("immunity", "immunitv")
    assert repair_text(garbled, config=cfg).text == clean


def test_light_reading_stricter_on_old_print_pages() -> None:
    from repair.candidates.ocr_light import light_candidates

    tok = _word("immunitv")
    assert [c.replacement for c in light_candidates(tok, {}, "nonword")] == ["immunity"]
    assert light_candidates(tok, {}, "nonword", old_page=True) == []  # Zipf 3.9 < 4.0


def test_light_capital_glyph_read_as_lower_case_word() -> None:
    from repair.candidates.ocr_light import light_candidates

    assert [c.replacement for c in light_candidates(_word("Hke"), {}, "capitalized_unknown")] == [
        "like"
    ]
    # a name, or a form the page repeats, is no misread capital
    assert light_candidates(_word("Hke"), {"Hke": 2}, "capitalized_unknown") == []
    assert light_candidates(_word("Kleiner"), {}, "capitalized_unknown") == []
