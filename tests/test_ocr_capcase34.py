"""The capital an OCR reading lost, and initial I/J lowered on wrapped lines (session 34).

``repair.candidates.ocr_capcase.recase`` gives a chosen reading the capital the print
had: at a sentence start ("plaintiff. lu consequence" -> "In"), inside a run of
capitalised words when the table read the first glyph as a capital ("New bouth Wales"
-> "South"), and for a misread first glyph of a word the period text capitalises
("Pte \\rthur" -> "Arthur").  ``ocr_case`` lowers "Judicial" at a wrapped line's start
and "Injuries." before punctuation on a garbled page.
"""

from __future__ import annotations

import pytest

from repair.candidates import ocr_capcase, ocr_case
from repair.pipeline import repair_text
from repair.tokenize import tokenize
from repair.types import Edit
from tests.ocr_page import GARBLED, OCR_ONLY, without_backoff_rows


def _edit(text: str, original: str, replacement: str, subs: list | None = None) -> Edit:
    at = text.index(original)
    evidence = {"substitutions": subs} if subs else {}
    return Edit(at, len(original), original, replacement, "ocr", 0.9, "OCR_CONFUSION", "", evidence)


def _recase(text: str, original: str, replacement: str, subs: list | None = None) -> list[str]:
    return [
        e.replacement
        for e in ocr_capcase.recase(tokenize(text), [_edit(text, original, replacement, subs)])
    ]


def _new(text: str) -> str:
    """``text`` repaired after the garbled page (its own part of the output)."""
    return repair_text(GARBLED + text, config=OCR_ONLY).text[len(GARBLED) :]


# -- sentence start ---------------------------------------------------------------------


def test_sentence_start_takes_a_capital() -> None:
    assert _recase("against the plaintiff. lu consequence he paid", "lu", "in") == ["In"]


def test_sentence_start_after_a_title_initial_or_abbreviation_does_not() -> None:
    assert _recase("instructed by Mr. lu Levy", "lu", "in") == ["in"]
    assert _recase("by J. S. lu Levy", "lu", "in") == ["in"]
    assert _recase("the St. lu Mark", "lu", "in") == ["in"]


def test_a_stop_without_a_space_or_a_speck_mark_is_no_sentence_start() -> None:
    assert _recase("older than nlm.clf. and", "clf", "off") == ["off"]
    assert _recase("the fifth goal! nfter a pass", "nfter", "after") == ["after"]


def test_same_first_glyph_at_a_sentence_start_is_left() -> None:
    # "Ila. reduotlon": a printed lower-case first letter kept is the print's own case
    assert _recase("at 1 to 2 per cent. reduotlon on the rate", "reduotlon", "reduction") == [
        "reduction"
    ]


def test_sentence_start_end_to_end() -> None:
    out = _new("An order was made against the plaintiff. lu consequence the plaintiff paid.")
    assert "plaintiff. In consequence" in out


def test_sentence_start_off_leaves_the_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_capcase, "SENTENCE_CAPITAL", False)
    out = _new("An order was made against the plaintiff. lu consequence the plaintiff paid.")
    assert "plaintiff. in consequence" in out


def test_a_lowering_at_a_sentence_start_is_dropped() -> None:
    # a reading the new case makes equal to the print is no edit ("State. ( It has")
    text = "in the State. ( It has been granted"
    e = _edit(text, "It", "it")
    assert ocr_capcase.recase(tokenize(text), [e]) == []


# -- a capital in a run of capitalised words --------------------------------------------


def test_capital_row_in_a_capitalised_run_keeps_the_capital() -> None:
    text = "the New bouth Wales forces"
    assert _recase(text, "bouth", "south", [["b", "S"]]) == ["South"]
    text = "decided by the balvaliou Army to"
    assert _recase(text, "balvaliou", "salvation", [["b", "S"], ["l", "t"]]) == ["Salvation"]


def test_run_needs_the_tables_capital_row() -> None:
    # the first glyph read as a lower-case glyph: the table says nothing of a capital
    assert _recase("the New bouth Wales forces", "bouth", "south", [["b", "s"]]) == ["south"]
    assert _recase("the New bouth Wales forces", "bouth", "south") == ["south"]


def test_run_needs_a_capitalised_neighbour() -> None:
    assert _recase("they went bouth of the river", "bouth", "south", [["b", "S"]]) == ["south"]


def test_printed_capital_lowered_mid_sentence_needs_the_word_before() -> None:
    # "now Bued Whittaker": the capital word after it is a name, the word is "sued"
    text = "and Scholl now Bued Whittaker for that"
    assert _recase(text, "Bued", "sued", [["B", "S"]]) == ["sued"]


def test_capital_after_a_sentence_opener_is_no_run() -> None:
    text = "he said. The bouth of it"
    assert _recase(text, "bouth", "south", [["b", "S"]]) == ["south"]


def test_run_end_to_end() -> None:
    out = _new(
        "They live at North bhoro, near the harbour, and the New boutn Wales premier called."
    )
    assert "North Shore" in out and "New South Wales" in out


def test_run_off_leaves_the_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_capcase, "RUN_CAPITAL", False)
    out = _new(
        "They live at North bhoro, near the harbour, and the New boutn Wales premier called."
    )
    assert "North shore" in out and "New south Wales" in out


# -- a word the period text capitalises -------------------------------------------------


def test_name_like_reading_with_a_misread_first_glyph() -> None:
    assert _recase("Pte \\rthur Roy Jarmain", "\\rthur", "arthur") == ["Arthur"]
    assert _recase("married in Western .uatralia in 1911", ".uatralia", "australia") == [
        "Australia"
    ]


def test_name_like_reading_with_the_printed_first_letter_is_left() -> None:
    # "the former presidcnt": the print's lower-case p is its own case
    assert _recase("the former presidcnt ruled", "presidcnt", "president") == ["president"]


def test_name_like_needs_no_printed_first_letter_or_a_capital_row() -> None:
    # "Tbe rnayor": the print's lower-case "rn" read as "m" is its own case (a title
    # the period text capitalises 90 % of the time stays lower case)
    assert _recase("then the rnayor said", "rnayor", "mayor", [["rn", "m"]]) == ["mayor"]
    # the table read the first glyph as a capital: "to lebiuarj 1" -> "February"
    assert _recase("to lebiuarj 1, 1886", "lebiuarj", "february", [["l", "F"]]) == ["February"]


def test_name_like_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_capcase, "NAME_CAPITAL", False)
    assert _recase("Pte \\rthur Roy Jarmain", "\\rthur", "arthur") == ["arthur"]


# -- never a mixed-case form, never a print ----------------------------------------------


def test_mixed_case_and_non_words_are_never_touched() -> None:
    for original, replacement in (("¿.Ina", "gIna"), ("lphone", "iPhone"), ("loT", "IoT")):
        text = f"the plaintiff. {original} was there"
        assert _recase(text, original, replacement) == [replacement]


def test_an_edit_over_two_words_is_left() -> None:
    text = "the plaintiff. lu con sequence"
    assert _recase(text, "lu con", "in con") == ["in con"]


def test_clean_text_is_untouched() -> None:
    text = (
        "The New South Wales team met Mr. Levy in Sydney. In consequence, the iPhone and "
        "IoT work.\n"
    )
    assert repair_text(text).text == text


# -- ocr_case: initial I/J across a wrapped line, and before punctuation ------------------

WRAPPED = (
    "The wife sued for a decree for\nJudicial separation from her husband, and the court\n"
    "granted it after a hearing, and the judge then\nsaid that the case was closed, and the man\n"
    "went home at once, and the woman\nstayed in the town with the child."
)


def test_wrapped_line_start_is_lowered() -> None:
    assert "for\njudicial separation" in _new(WRAPPED)


def test_wrapped_line_start_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_case, "WRAPPED_LINES", False)
    assert "for\nJudicial separation" in _new(WRAPPED)


def test_verse_lines_are_not_wrapped_prose() -> None:
    verse = (
        "The bells ring out\nAnd in the town\nIn every street\nThe people sing\n"
        "And in the night\nIn every house\nThe lamps are lit\nAnd all is well"
    )
    assert not ocr_case.wrapped_prose(tokenize(verse))
    assert ocr_case.wrapped_prose(tokenize(WRAPPED))


def test_a_one_word_line_gives_no_left_neighbour() -> None:
    toks = tokenize("the men wore\ninn\nIn ionic rises")
    i = next(k for k, t in enumerate(toks) if t.text == "In")
    assert ocr_case._word_before(toks, i, wrapped=True) is None


def test_punctuation_after_a_word_other_than_a_function_word() -> None:
    out = _new("He was taken to hospital suffering from serious Injuries. The book was found.")
    assert "serious injuries." in out


def test_punctuation_after_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_case, "PUNCT_AFTER", False)
    out = _new("He was taken to hospital suffering from serious Injuries. The book was found.")
    assert "serious Injuries." in out


def test_punctuation_after_a_short_word_is_left() -> None:
    # "20th Instant." (the month): "th" is no word of running text
    toks = tokenize("arrived on the 20th Instant. Bennett and Co")
    i = next(k for k, t in enumerate(toks) if t.text == "Instant")
    assert ocr_case.case_candidates(toks, i, frozenset(), {}, garbled=True) == []


# -- a name printed repeatedly in a name's place (REPEAT_NAME_PLACE, on since session 34) --

CREAN = (
    "The Opposition leader, Simon Crean, says a child abuse scandal in\nBrisbane has damaged "
    "the Office of the Governor-General. Mr Crean says he is not calling on Dr\n"
    "Hollingworth to resign."
)


def test_repeat_name_place_is_on_by_default() -> None:
    assert ocr_capcase.REPEAT_NAME_PLACE is True
    assert ocr_capcase.printed_as_name(tokenize(CREAN), "Crean", {})
    assert "Simon Crean," in _new(CREAN)


def test_a_name_printed_in_names_places_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_capcase, "REPEAT_NAME_PLACE", True)
    assert ocr_capcase.printed_as_name(tokenize(CREAN), "Crean", {})
    out = _new(CREAN)
    assert "Simon Crean," in out and "Mr Crean says" in out


def test_without_it_the_name_is_read_as_a_common_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_capcase, "REPEAT_NAME_PLACE", False)
    # main's reading before session 34 (the 100 k-word OCR speed text: "Simon Crean" x12
    # -> "Green"), without the walk's lost-letter rows (session 39, ocrconf39), whose further
    # readings of "Crean" leave it as printed even without this guard
    from repair.score import ocr_channel, ocr_table

    monkeypatch.setattr(ocr_channel, "INDEL_ROWS", ())
    without_backoff_rows(monkeypatch)  # session 47's two-fold rows leave "Crean" too
    from repair.score import ocr_capkeep

    monkeypatch.setattr(ocr_capkeep, "RUN_KEEP", False)  # session 48 keeps "Simon Crean," too
    from repair.candidates import ocr_surname

    monkeypatch.setattr(ocr_surname, "SURNAME_KEEP", False)  # session 58 keeps "Mr Crean" too
    try:
        assert "Crean" not in _new(CREAN)
    finally:
        monkeypatch.undo()
        ocr_table._clear_caches()
        ocr_channel._windows.clear()
        ocr_channel._window_plans.clear()


def test_a_misread_word_outside_names_places_is_still_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_capcase, "REPEAT_NAME_PLACE", True)
    text = "The men went to Hke the place. They said they Hke it."
    assert not ocr_capcase.printed_as_name(tokenize(text), "Hke", {})
    assert _new(text).count("like") == 2


def test_one_print_is_no_repeat(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_capcase, "REPEAT_NAME_PLACE", True)
    assert not ocr_capcase.printed_as_name(tokenize("leader Simon Crean says"), "Crean", {})


# -- a name's word after "<Capitalised> of|and|for" keeps its capital (session 35) ---------

NAME_WRAPPED = WRAPPED + (
    "\nThe state then endorsed the Declaration of\nIndependence on the ninth of July, and the men"
    "\nwent home."
)


def test_name_phrase_across_a_wrapped_line_keeps_its_capital() -> None:
    out = _new(NAME_WRAPPED)
    assert "Declaration of\nIndependence on" in out
    assert "for\njudicial separation" in out  # the wrapped-line reading itself still works


def test_name_phrase_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_case, "NAME_PHRASE", False)
    assert "Declaration of\nindependence on" in _new(NAME_WRAPPED)


def test_name_phrase_on_one_line() -> None:
    toks = tokenize("the Minister for Information said it was")
    i = next(k for k, t in enumerate(toks) if t.text == "Information")
    assert ocr_case.case_candidates(toks, i, frozenset({"information"}), {}, garbled=True) == []
    toks = tokenize("the men for Information said it was")
    i = next(k for k, t in enumerate(toks) if t.text == "Information")
    assert ocr_case.case_candidates(toks, i, frozenset({"information"}), {}, garbled=True)


def test_title_run_keeps_a_headline_capital(monkeypatch: pytest.MonkeyPatch) -> None:
    toks = tokenize("How a Startup Beat Google at Its Own Game")
    i = next(k for k, t in enumerate(toks) if t.text == "Its")
    assert ocr_case.case_candidates(toks, i, frozenset(), {}, garbled=True) == []
    monkeypatch.setattr(ocr_case, "TITLE_RUN", False)
    assert [
        c.replacement for c in ocr_case.case_candidates(toks, i, frozenset(), {}, garbled=True)
    ] == ["its"]


def test_title_run_needs_capitals_on_both_sides() -> None:
    toks = tokenize("the dog ran at Its owner and the")
    i = next(k for k, t in enumerate(toks) if t.text == "Its")
    assert [
        c.replacement for c in ocr_case.case_candidates(toks, i, frozenset(), {}, garbled=True)
    ] == ["its"]
