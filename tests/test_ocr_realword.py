"""Real-word OCR errors decided by context (repair/candidates/ocr_realword.py):
data-driven cases with negatives, and what is never re-read."""

import json
from collections import Counter
from pathlib import Path

import pytest

from repair.candidates import ocr_realword as rw
from repair.candidates.ocr_realword import document_names, realword_candidates
from repair.config import RepairConfig
from repair.document import Document
from repair.pipeline import repair_text

CASES = json.loads((Path(__file__).parent / "cases" / "ocr_realword.json").read_text())["cases"]
GARBLED = (
    "Tbe meeting of tbe council was bold yesterday, wben tbe Mayor presided. Tbe\n"
    "sbare of tbe cost was voted, aud tbe matter was tben referred to tbe\n"
    "committee, wbich will report. "
)
OCR_ONLY = RepairConfig(spin=False, tortured=False, mojibake=False)


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_realword_cases(case: dict[str, str]) -> None:
    out = repair_text(GARBLED + case["text"], config=OCR_ONLY).text
    assert out.endswith(case["expect"]), out[len(GARBLED) :]


def _cands(text: str, word: str) -> list:
    doc = Document(text)
    toks = doc.tokens
    names = document_names(toks, Counter(t.text for t in doc.words))
    i = next(k for k, t in enumerate(toks) if t.text == word)
    return realword_candidates(toks, i, names)


def _readings(text: str, word: str) -> list[str]:
    return [c.replacement for c in _cands(text, word)]


def test_readings_come_from_the_confusion_model() -> None:
    assert "be" in _readings("he would bo received", "bo")
    assert "meeting" in _readings("the mooting was held", "mooting")  # two confusions
    assert "held" in _readings("the case was hold over", "hold")


@pytest.mark.parametrize("word", ["IoT", "NSW", "pH", "1871", "the"])
def test_real_forms_get_no_reading(word: str) -> None:
    assert _readings(f"The {word} sensor was read by the men.", word) == []


def test_a_name_the_document_repeats_is_kept() -> None:
    once = "The land was sold by Mr. Hay yesterday."
    twice = once + " Then Mr. Hay bought it."
    assert _readings(once, "Hay")  # one capitalised word: may be a misreading ("Bay")
    # a name the page repeats is read only on a name's margin
    assert {c.features["threshold"] for c in _cands(twice, "Hay")} == {rw.NAMES_THRESHOLD}
    assert max(c.features["threshold"] for c in _cands(once, "Hay")) < rw.NAMES_THRESHOLD
    assert repair_text(GARBLED + twice, config=OCR_ONLY).text.endswith(twice)
    # a misread capital repeated at sentence starts is OCR, not a name
    assert "The" in _readings("Tho men came. Tho boys went, and Tho", "Tho")


def test_clean_document_keeps_its_real_words() -> None:
    # "he would bo received" on a clean page is read as "be" since session 24
    # (repair.candidates.ocr_shutsuspect); real uses of such words stay
    text = "He said that he wore the coat, tho it was warm, when the Governor received him."
    assert repair_text(text, config=OCR_ONLY).text == text


def test_lightly_garbled_pages_use_the_strict_settings() -> None:
    """A frequent word ("bad", Zipf 5.5) is re-read only in heavily garbled pages."""
    doc = Document("They bad been in the colony for years.")
    toks = doc.tokens
    i = next(k for k, t in enumerate(toks) if t.text == "bad")
    assert "had" in [c.replacement for c in realword_candidates(toks, i, frozenset())]
    assert realword_candidates(toks, i, frozenset(), heavy=False) == []


def test_a_capital_glyph_is_read_as_lower_case_letters() -> None:
    """The table reads "U" as "li": "Uno" is "line" inside a sentence, "Line" after a stop."""
    assert "line" in _readings("the proposed Uno would open up the country", "Uno")
    assert "Line" in _readings("It was built. Uno would open up the country", "Uno")
    assert "line" not in _readings("It was built. Uno would open up the country", "Uno")
    reading = next(c for c in _cands("the proposed Uno would", "Uno") if c.replacement == "line")
    assert reading.features["threshold"] >= rw.CASE_GLYPH_THRESHOLD


def test_case_gain_follows_the_period_table() -> None:
    """ "Mis" is written in lower case inside a period sentence, "Mrs" with a capital."""
    assert rw.case_gain("Mis", "Mrs") > 1.0
    assert rw.case_gain("Uno", "line") > 1.0
    assert rw.case_gain("Hell", "Bell") == rw.CASE_GAIN_MIN  # never a charge


def test_case_evidence_only_inside_a_sentence() -> None:
    inside = "passengers were Mr. and Mis. Philp of the town"
    opening = "The ship came in. Mis. Philp was on board"
    cost_in = next(c for c in _cands(inside, "Mis") if c.replacement == "Mrs").features["cost"]
    cost_open = next(c for c in _cands(opening, "Mis") if c.replacement == "Mrs").features["cost"]
    assert cost_in < cost_open


def test_mid_sentence_and_sentence_openers() -> None:
    toks = Document("He went on Juno 30. Tho men, Juno and").tokens
    at = [k for k, t in enumerate(toks) if t.text in ("Juno", "Tho")]
    assert [rw.mid_sentence(toks, k) for k in at] == [True, False, True]
    assert [rw.opens_sentence(toks, k) for k in at] == [False, True, False]


@pytest.mark.parametrize(
    "tail",
    [
        "The chair was taken by Mark Rose, of Bath, and Rose spoke for Mark.",
        "The new IoT sensors and the pH meter were shown with an iPhone.",
        "Mr. Hay spoke, and Mr. Hay moved the motion.",
    ],
)
def test_names_acronyms_and_mixed_case_stay_in_a_garbled_page(tail: str) -> None:
    out = repair_text(GARBLED + tail, config=OCR_ONLY).text
    assert out.endswith(tail), out[len(GARBLED) :]
