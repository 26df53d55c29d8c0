"""Newspaper OCR patterns: lone specks, misread capitals, I/J capitals in garbled pages."""

from repair.candidates.ocr_marks import lone_mark_candidates
from repair.tokenize import tokenize


def _deleted(text: str) -> list[str]:
    return [text[c.start : c.end] for c in lone_mark_candidates(tokenize(text))]


def test_exotic_speck_inside_a_line_is_deleted() -> None:
    assert _deleted("Meakin and Brown left « the town") == [" «"]


def test_quote_or_comma_inside_a_line_stays() -> None:
    # old print spaces its punctuation ("word , word", "this ? said"); a lone apostrophe
    # is no such mark: a speck unless a quote pairs it (session 50, `LONE_APOSTROPHE`)
    assert _deleted("he said , and then ? she went") == []
    assert _deleted("he said , and then ? she ' went ' away") == []


def test_speck_at_a_line_edge_is_deleted() -> None:
    assert _deleted("the estate would have ' \n' the men") == [" '", "' "]


def test_glued_marks_are_not_lone() -> None:
    assert _deleted("it was here, and there. Then done!") == []


def test_punctuation_wrapped_to_the_next_line_stays() -> None:
    assert _deleted("a toolbox of measures like\n, swiftly deployed") == []


def test_table_rows_keep_their_bars() -> None:
    assert _deleted("| name | words |\n|---|---|\n| a | 3 |") == []


def test_misread_initial_capital_takes_the_case_of_the_sentence() -> None:
    from repair.candidates.ocr import _initial_case

    assert _initial_case("Street", "Btreet", initial=False) == "street"
    assert _initial_case("Street", "Btreet", initial=True) == "Street"
    assert _initial_case("Sydney", "Bydney", initial=False) == "Sydney"  # a name keeps it
    assert _initial_case("Robert", "Robeit", initial=False) == "Robert"  # not misread


def _lowered(text: str, word: str, garbled: bool = True) -> list[str]:
    from repair.candidates.ocr_case import case_candidates

    toks = tokenize(text)
    i = next(k for k, t in enumerate(toks) if t.text == word)
    return [c.replacement for c in case_candidates(toks, i, frozenset(), {}, garbled=garbled)]


def test_capital_i_after_a_name_is_lowered_in_a_garbled_page() -> None:
    assert _lowered("and Queensland Is not a state", "Is") == ["is"]
    assert _lowered("they were married In 1911 at home", "In") == ["in"]


def test_capital_i_in_a_headline_or_a_clean_page_stays() -> None:
    assert _lowered("the report: Man Is Fined for theft", "Is") == []
    assert _lowered("and Queensland Is not a state", "Is", garbled=False) == []


def _headline(text: str, word: str) -> list[str]:
    from repair.candidates.ocr import _GENERATOR

    toks = tokenize(text)
    i = next(k for k, t in enumerate(toks) if t.text == word)
    return [c.replacement for c in _GENERATOR._caps_headline(toks, i)]


def test_capitals_line_word_is_read_with_the_capital_rows() -> None:
    from repair.score.ocr_channel import correction_candidates

    # "II" -> "H" is a capital row of the table; the lower-case rows alone miss it
    assert "HERALD" in [c.text for c in correction_candidates("IIERALD")]
    assert "OF" in _headline("SALE OP THE STOCK", "OP")
    assert "FROM" in _headline("NEWS PROM LONDON", "PROM")


def test_capitals_word_alone_or_far_stays() -> None:
    assert _headline("the OP was there", "OP") == []  # no capitals line
    assert _headline("NEWS JTS TOWN", "JTS") == []  # "YES" is too far a reading
    assert _headline("THE NEWS TODAY", "NEWS") == []  # a common word is kept


def test_accented_non_word_is_a_finding_but_not_gate_evidence() -> None:
    from repair.detect.ocr import _NOT_COUNTED, token_reason

    def reason(word: str) -> str | None:
        return token_reason(tokenize(word)[0], sentence_start=False)

    assert reason("íecalled") == "accented_nonword"  # read by the table's accent rows
    assert "accented_nonword" in _NOT_COUNTED  # foreign words look alike: no gate evidence
    assert reason("café") is None  # a known word keeps its accent
    assert reason("Schäfer") is None  # a name keeps its accent


def test_accented_non_word_is_repaired_in_a_garbled_page_only() -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    garbled = (
        "It was îecent news tbat tho council had rnet on Monday, aud tbat tbe\n"
        "works were uot yet begun wben tbe rains carne."
    )
    out = repair_text(garbled, config=RepairConfig()).text
    assert out.startswith("It was recent news")
    clean = "The guests in the café ordered a crème brûlée and a façade of calm."
    assert repair_text(clean, config=RepairConfig()).text == clean


def test_stray_accent_on_a_word_is_stripped_in_a_garbled_page_only() -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    garbled = (
        "The défendant said tbat tho council had rnet on Monday, aud tbat tbe\n"
        "works were uot yet begun wben tbe rains carne."
    )
    assert repair_text(garbled, config=RepairConfig()).text.startswith("The defendant said")
    clean = "The talks brought a détente between the two nations after years of mistrust."
    assert repair_text(clean, config=RepairConfig()).text == clean
