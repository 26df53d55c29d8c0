"""Errors left on shut or lightly garbled pages (issue 12, session 23): a column rule read
as "I" or "1" at a line's start, mixed-case garble of garbled pages that are not heavily
garbled, capitalised garble one dearer confusion from a common word on shut pages."""

from __future__ import annotations

import repair.candidates.ocr_light as light
import repair.candidates.ocr_marks as marks
import repair.candidates.ocr_mixed as mixed
from repair.candidates.ocr_light import light_candidates
from repair.candidates.ocr_marks import edge_speck_candidates, shut_edge_candidates
from repair.config import RepairConfig
from repair.detect.ocr_probe import column_print
from repair.pipeline import repair_text
from repair.tokenize import tokenize
from tests.ocr_page import repaired_after_page

CFG = RepairConfig(spin=False, tortured=False)

#: A clean-looking newspaper column (the gate stays shut) with a column rule read as "I".
COLUMN = (
    "The early navigators gave the name of\n"
    "the bay to the fine shells which were\n"
    "found there in great numbers, and it is\n"
    "what Banks and Solander had told\n"
    "I him. Hence the common mistake that\n"
    "the name was given by the captain, who\n"
    "in fact wrote of the place only as the\n"
    "harbour where the ship lay at anchor\n"
    "for some days in the autumn of that year.\n"
)


def _deleted(text: str) -> list[str]:
    return [text[c.start : c.end] for c in edge_speck_candidates(tokenize(text))]


def test_line_start_one_is_a_speck_before_a_word_no_number_counts() -> None:
    assert _deleted("offered by the\n1 Commissioners of the fund") == ["1 "]
    assert _deleted("and we\n1 believe it is so") == ["1 "]
    assert _deleted("the sum of\n1 shilling was paid") == []  # a number before its noun
    assert _deleted("the odds are\n1 in 76 and so") == []  # a ratio
    out = repaired_after_page("The prize was offered by the\n1 Commissioners of the show.")
    assert out.endswith("offered by the\nCommissioners of the show.")


def test_line_start_one_switch(monkeypatch) -> None:
    monkeypatch.setattr(marks, "EDGE_ONE", False)
    assert _deleted("offered by the\n1 Commissioners of the fund") == []


def test_shut_column_page_drops_a_rule_read_as_i() -> None:
    assert column_print(COLUMN)
    found = shut_edge_candidates(COLUMN, tokenize(COLUMN))
    assert [COLUMN[c.start : c.end] for c in found] == ["I "]
    out = repair_text(COLUMN, config=CFG).text
    assert "had told\nhim. Hence" in out
    # "I" before a verb is the pronoun on clean print: never a candidate
    verb = COLUMN.replace("told\nI him.", "said\nI recommended it.")
    assert shut_edge_candidates(verb, tokenize(verb)) == []
    assert repair_text(verb, config=CFG).text == verb
    # an initial before a name stays; an "I" opening a sentence before "The" goes
    for initial in ("Messrs A\nJ Taylor,", "Messrs A\nI Taylor,"):
        page = COLUMN.replace("told\nI him.", initial)
        assert shut_edge_candidates(page, tokenize(page)) == []
    page = COLUMN.replace("told\nI him.", "was living.\nI The trial")
    assert [page[c.start : c.end] for c in shut_edge_candidates(page, tokenize(page))] == ["I "]


def test_shut_column_switch(monkeypatch) -> None:
    monkeypatch.setattr(marks, "EDGE_SHUT", False)
    assert repair_text(COLUMN, config=CFG).text == COLUMN


def test_mixed_case_of_a_lightly_garbled_page(monkeypatch) -> None:
    toks = tokenize("the RtiRby Union teams")
    (c,) = mixed.mixed_candidates(toks, 2, 1, heavy=False)
    assert (c.replacement, c.features["threshold"]) == ("Rugby", mixed.LIGHT_THRESHOLD)
    assert mixed.mixed_candidates(tokenize("Mr McDonald said"), 2, 1, heavy=False) == []
    monkeypatch.setattr(mixed, "MIXED_LIGHT", False)
    assert mixed.mixed_candidates(toks, 2, 1, heavy=False) == []


def test_capitalised_garble_one_dearer_confusion_on_a_shut_page(monkeypatch) -> None:
    toks = tokenize("the Sovlet Union must pay")
    found = light_candidates(toks[2], {}, "capitalized_unknown", False, toks, 2)
    assert [c.replacement for c in found] == ["Soviet"]
    toks = tokenize("Dr Ian Jerrett said")  # a name no list knows stays
    assert light_candidates(toks[4], {}, "capitalized_unknown", False, toks, 4) == []
    monkeypatch.setattr(light, "CAPITAL_MAX_COST", 2.0)
    toks = tokenize("the Sovlet Union must pay")
    assert light_candidates(toks[2], {}, "capitalized_unknown", False, toks, 2) == []


#: A clean-looking newspaper column with three real-word misreadings (SMH dev, 1940s).
REAL = (
    "The council was told last night that part\n"
    "of the land of the estate had\n"
    "heen resumed hy the Government\n"
    "some years ago, and the rest was sold\n"
    "at auction. Members said the need for\n"
    "houses had caused some pressure. There\n"
    "arc only five or six houses to let in\n"
    "the whole of the municipality at present,\n"
    "the Mayor said at the end of the meeting.\n"
)


def test_shut_column_reads_short_real_words(monkeypatch) -> None:
    from repair.candidates import ocr_shutreal

    assert column_print(REAL)
    out = repair_text(REAL, config=CFG).text
    assert "resumed by the" in out and "There\nare only" in out
    monkeypatch.setattr(ocr_shutreal, "SHUT_REAL", False)
    out = repair_text(REAL, config=CFG).text
    assert "resumed hy the" in out and "There\narc only" in out
    # not a column: the same words stay
    flat = REAL.replace("\n", " ")
    assert ocr_shutreal.shut_realword_candidates(flat, tokenize(flat), {}) == []
