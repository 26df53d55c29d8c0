"""Page habits (issue 12): a confusion the table never saw, learned from the page itself."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_pagehabit
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.types import Candidate, Token

OCR_ONLY = RepairConfig(spin=False, tortured=False, mojibake=False)

#: An invented report, then printed with the long s of old type read as "f" (not at the
#: end of a word, where the round s stood).
CLEAN = (
    "The Minister said on Tuesday that the first session of the new house must consider "
    "the question of the public schools. He says the measures proposed last year were "
    "not sufficient, and himself promised to ask the Treasury for those funds. Most of "
    "the members present agreed with the resolution, though several asked whether the "
    "schools of the western districts would be served first. The Minister answered that "
    "he would visit the districts himself, and that the inspectors must report to the "
    "house before the session closes. The discussion lasted until late in the evening, "
    "when the members dispersed."
)


def _long_s(text: str) -> str:
    out = list(text)
    for i, ch in enumerate(text[:-1]):
        if ch == "s" and text[i + 1].isalpha():
            out[i] = "f"
    return "".join(out)


def _words(text: str) -> list[str]:
    return [w.strip(".,") for w in text.split()]


def test_a_long_s_page_is_read_with_s() -> None:
    printed = _long_s(CLEAN)
    assert "Minifter" in printed and "fays" in printed and "himfelf" in printed
    out = repair_text(printed, config=OCR_ONLY).text
    gold, before, after = _words(CLEAN), _words(printed), _words(out)
    assert len(after) == len(gold)
    wrong_before = sum(a != g for a, g in zip(before, gold, strict=True))
    wrong_after = sum(a != g for a, g in zip(after, gold, strict=True))
    assert wrong_after <= wrong_before // 5, (wrong_before, wrong_after)
    for word in ("Minister", "says", "himself", "first", "those", "must", "session"):
        assert word in after, word
    assert "lays" not in after  # one habit reads "fays", not a one-off "f" -> "l"
    # right words stay right
    assert all(a == g for a, b, g in zip(after, before, gold, strict=True) if b == g)


def test_a_short_long_s_paragraph_is_read_too() -> None:
    short = " ".join(CLEAN.split()[:60])
    out = repair_text(_long_s(short), config=OCR_ONLY).text
    assert "first session" in out
    assert "Minifter" not in out


def test_a_clean_page_with_f_words_is_untouched() -> None:
    clean = (
        "The fast ferry left the wharf at five past four, full of farmers, and fifty of "
        "them went forward to the foredeck. A fine fog fell over the field of flax, and "
        "the fishermen of Fife found their fleet safe in the firth after the fair."
    )
    r = repair_text(clean, config=OCR_ONLY)
    assert r.text == clean
    assert not r.edits


def _toks(words: list[str]) -> list[Token]:
    out, pos = [], 0
    for w in words:
        out.append(Token(w, pos, pos + len(w), "word"))
        pos += len(w) + 1
    return out


def test_habit_readings_are_the_same_across_the_page_and_one_offs_cost_more() -> None:
    words = ["faid", "muft", "fays", "thofe", "moft", "firft", "ufed", "fhall", "Houfe"]
    toks = _toks(words)
    found = [(i, "nonword") for i in range(len(words))]
    # a one-off reading the table gives "fays" and a habit reading of the same span
    feats = {"cost": 1.5, "subs": [["f", "l"]], "orig": ["fays"], "alt": ["lays"]}
    one_off = Candidate(toks[2].start, toks[2].end, "lays", "ocr", "OCR_CONFUSION", feats)
    out = ocr_pagehabit.with_page_habits(toks, found, [one_off])
    read = {c.start: c for c in out if c.features.get("finding") == "page_habit"}
    assert read[toks[2].start].replacement == "says"
    assert read[toks[8].start].replacement == "House"
    assert {tuple(map(tuple, c.features["subs"])) for c in read.values()} == {(("f", "s"),)}
    dearer = next(c for c in out if c.replacement == "lays")
    assert dearer.features["cost"] == pytest.approx(1.5 + ocr_pagehabit.ONE_OFF)
    # the more types a habit reads, the cheaper its readings
    assert ocr_pagehabit.habit_cost(20) < ocr_pagehabit.habit_cost(5)


def test_few_non_words_make_no_habit_of_any_letter() -> None:
    toks = _toks(["faid", "muft", "fays", "thofe"])  # 4 types: below MIN_SUPPORT
    found = [(i, "nonword") for i in range(4)]
    assert ocr_pagehabit.with_page_habits(toks, found, []) == []


def test_a_name_the_page_prints_teaches_no_habit_and_is_not_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "Seles" six times in a tennis report: with two garbled words it taught an e -> a
    # habit that read it "Sales" (the 1 M-word OCR speed text, session 35)
    words = ["Seles", "thet", "seid", "Seles", "Seles", "wes"]
    toks = _toks(words)
    found = [(i, "nonword" if w.islower() else "capitalized_unknown") for i, w in enumerate(words)]
    assert ocr_pagehabit.with_page_habits(toks, found, []) == []
    monkeypatch.setattr(ocr_pagehabit, "KEEP_NAMES", False)
    read = [c.replacement for c in ocr_pagehabit.with_page_habits(toks, found, [])]
    assert "Sales" in read and "that" in read


def test_a_repeated_name_the_frequency_list_does_not_know_is_still_read() -> None:
    # ICDAR's book prints "Mdes" for Miles three times: a garbled name, no frequency
    words = ["faid", "muft", "fays", "thofe", "moft", "firft", "Houfe", "Houfe", "Houfe"]
    toks = _toks(words)
    found = [(i, "nonword" if w.islower() else "capitalized_unknown") for i, w in enumerate(words)]
    read = {c.start: c.replacement for c in ocr_pagehabit.with_page_habits(toks, found, [])}
    assert read[toks[-1].start] == "House"
