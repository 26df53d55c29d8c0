"""The garble gate on clean narrow columns (line-end hyphens) and on sparse real OCR."""

from __future__ import annotations

import pytest

from repair.config import RepairConfig
from repair.detect import ocr as detect
from repair.detect.ocr_letters import odd_trigrams
from repair.pipeline import repair_text

#: A clean news paragraph hard-wrapped at 34 characters, words broken anywhere.
CLEAN_COLUMN = (
    "The council voted on Tuesday to ex-\ntend the opening hours of the\nlibrary "
    "after a petition signed by more\nthan two thousand residents. The\n"
    "mayor said the decision would\nhelp students and older resi-\ndents "
    "who rely on the free inter-\nnet access, and that the extra\nstaff would "
    "be paid from the\nexisting budget. Opponents ar-\ngued the money "
    "should go to\nroad repairs instead, but the\nmotion passed by "
    "seven votes to\nthree. The new hours begin next\nmonth, when the "
    "building reop-\nens after its refurbishment, and\nthe council will "
    "review them\nafter a year. Librarians wel-\ncomed the vote and said "
    "they\nexpected more visitors in the\nevenings and at weekends."
)

#: The same column as sparse real newspaper OCR: an odd letter run ("lniurv" style),
#: broken capitals read as common words, a glyph confusion.
OCR_COLUMN = (
    CLEAN_COLUMN.replace("Tuesday", "Tnesday")
    .replace("petition", "petitlon")
    .replace("The\nmayor", "Tho\nmayor")
    .replace("students", "studeuts")
    .replace("budget", "budgct")
)


def _changes(text: str) -> list[tuple[str, str, str]]:
    res = repair_text(text, config=RepairConfig(spin=False, tortured=False))
    return [(e.kind, text[e.offset : e.end], e.replacement) for e in res.edits]


def test_clean_hyphen_wrapped_column_keeps_the_gate_shut() -> None:
    d = detect.detect_ocr(CLEAN_COLUMN)
    assert not detect.is_garbled(d)
    assert d.details["garbled_words"] == 0  # the pieces ("ex", "tend") are no garble


def test_clean_hyphen_wrapped_column_comes_out_unchanged() -> None:
    for kind, old, new in _changes(CLEAN_COLUMN):
        assert kind == "hyphenation"  # only line-end hyphens joined, no word changed
        left, _, right = old.partition("-")
        assert new == left + right.strip()


def test_the_column_opened_the_gate_with_hyphen_pieces_counted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(detect, "HYPHEN_PIECES_UNCOUNTED", False)
    assert detect.is_garbled(detect.detect_ocr(CLEAN_COLUMN))


def test_sparse_real_ocr_in_the_column_still_opens_the_gate() -> None:
    d = detect.detect_ocr(OCR_COLUMN)
    assert detect.is_garbled(d)
    fixed = {(old, new) for kind, old, new in _changes(OCR_COLUMN) if kind == "ocr"}
    assert ("petitlon", "petition") in fixed and ("budgct", "budget") in fixed


def test_odd_letter_runs() -> None:
    assert odd_trigrams("lniurv") == {"^ln"}
    assert {"rlc"} <= odd_trigrams("crlcl")
    for word in ("coiffures", "minerality", "tempranillo", "Lniurv", "b4", "naïve", "aaaah"):
        assert not odd_trigrams(word)  # rare words, capitals, digits, accents, "aaa"


#: Garble whose only evidence is weak: odd letter runs and capitals read as common words.
WEAK_OCR = (
    "The Mayor said yesterday that the Stieet Committee had not met since the "
    "lniurv to the engineer, and that the crlcl works on the bridge would wait "
    "until the Welfaie Board had seen the plans. The Council will meet again on "
    "Monday to hear the report of the engineer on the state of the roads, and the "
    "Secretary of the Mothei Hospital and the Tacob Street school will attend."
)


def test_weak_ocr_patterns_open_the_share_route_only(monkeypatch: pytest.MonkeyPatch) -> None:
    d = detect.detect_ocr(WEAK_OCR)
    assert d.details["weak_ocr_words"] == 6
    assert detect.is_garbled(d)
    assert d.details["confusion_words"] == 6  # no glyph confusion: the score route stays shut
    monkeypatch.setattr(detect, "ODD_LETTERS", False)
    monkeypatch.setattr(detect, "CAPITAL_READS", False)
    assert not detect.is_garbled(detect.detect_ocr(WEAK_OCR))


def test_a_coined_term_in_a_short_paragraph_is_no_ocr() -> None:
    text = (
        "Wwoofers are busy this season. The number of wwoofers in the region has doubled, "
        "and wwoofing now draws travellers who trade farmwork for food and a bed, says "
        "Jordyn Rettinger, who runs the scheme from a small office in the valley."
    )
    d = detect.detect_ocr(text)
    assert d.details["weak_ocr_words"] <= 1  # "wwoofing" shares the run "^ww"
    assert not detect.is_garbled(d)


def test_a_repeated_real_word_suspect_counts_at_most_twice() -> None:
    text = " ".join(
        ["She wore gold at every feast, and her women wore linen."] * 5
        + ["The court followed her from the palace to the river every spring."] * 20
    )
    d = detect.detect_ocr(text)
    assert d.details["reasons"].get("realword_suspect", 0) >= 5
    assert d.details["confusion_words"] <= detect.REALWORD_REPEATS
    assert not detect.is_garbled(d)


def test_no_weak_patterns_in_another_language() -> None:
    german = (
        "Der iunger Mann ist nicht gegangen, und der Teufel wird auch nicht kommen; "
        "die Kuchcn sind auf dem Tisch, und der Kuttcn ist eine alte Sache, die sich "
        "nicht werden kann. "
    ) * 2
    d = detect.detect_ocr(german)
    assert d.details["weak_ocr_words"] == 0
    assert not detect.is_garbled(d)
    english = german.replace("Der ", "The ").replace("der ", "the ").replace("ist ", "is ")
    english = english.replace("nicht ", "not ").replace("auf ", "on ").replace("dem ", "the ")
    english = english.replace("eine ", "an ").replace("sich ", "it ").replace("werden ", "be ")
    english = english.replace("wird ", "will ").replace("auch ", "also ")
    assert detect.detect_ocr(english).details["weak_ocr_words"] > 0
