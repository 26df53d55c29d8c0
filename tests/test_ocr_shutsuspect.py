"""Glyph misreadings of the commonest words on pages the garble gate keeps shut ("tho",
"bo", "Wo", "thé": issue 12, session 24)."""

from __future__ import annotations

import repair.candidates.ocr_shutsuspect as suspect
from repair.candidates.ocr_shutsuspect import suspect_readings
from repair.config import RepairConfig
from repair.detect.ocr import detect_ocr, document_garbled
from repair.pipeline import repair_text
from repair.tokenize import tokenize

CFG = RepairConfig(spin=False, tortured=False)

#: A clean-looking page (the gate stays shut) with two misread common words.
PAGE = (
    "Our public schools should bo able to require their students to work hard. "
    "The data were shared with tho other researchers in the field last year, and the "
    "results were published in the spring.\n"
    "We have the technical knowledge to build the new schools that the country needs."
)


def _read(text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.replacement) for c in suspect_readings(tokenize(text), {})]


def test_shut_page_reads_misread_common_words() -> None:
    assert not document_garbled(detect_ocr(PAGE))
    out = repair_text(PAGE, config=CFG).text
    assert "should be able" in out
    assert "with the other researchers" in out
    wo = PAGE.replace("bo able", "be able").replace("\nWe have", "\nWo have")
    assert "\nWe have the technical" in repair_text(wo, config=CFG).text


def test_context_keeps_the_real_word() -> None:
    for text in (
        "Even tho it rained all day, the market was full of people buying bread.",
        "She wore a long blue coat to the market that cold morning in the city.",
    ):
        assert repair_text(text, config=CFG).text == text


def test_capitals_only_at_a_sentence_start_and_no_listed_name() -> None:
    assert _read("the data. Wo have it") == [("Wo", "We")]
    assert _read("the data, Wo have it") == []  # inside a sentence: a name
    assert _read("the data. Ho said so") == []  # a listed name
    text = "Dr Ho cautions that the data are thin. Ho said so yesterday in the city."
    assert repair_text(text, config=CFG).text == text


def test_accented_print_kept_on_a_page_that_writes_accents() -> None:
    assert _read("share it with thé other people") == [("thé", "the")]
    counts = {"rôle": 1, "thé": 1}
    toks = tokenize("her rôle in thé other play")
    assert suspect_readings(toks, counts) == []


def test_switch(monkeypatch) -> None:
    monkeypatch.setattr(suspect, "SHUT_SUSPECT", False)
    out = repair_text(PAGE, config=CFG).text
    assert "should bo able" in out


def test_capitalised_spurious_accent_read_on_a_shut_page(monkeypatch) -> None:
    import repair.candidates.ocr_light as light

    text = (
        "Moreover, the Secrétary of Labor is making available new funds for the training "
        "of workers who lost their jobs when the plants closed last year in the state."
    )
    assert not document_garbled(detect_ocr(text))
    assert "the Secretary of Labor" in repair_text(text, config=CFG).text
    # names the web writes with their accent stay ("José" is Zipf 3.6)
    name = "We met José at the station before the train left for the coast that morning."
    assert repair_text(name, config=CFG).text == name
    monkeypatch.setattr(light, "ACCENT_CAPITALS", False)
    # session 55's light accent margin (ocr_lightcap.ACCENT_MARGIN) reads it too
    assert "the Secretary of Labor" in repair_text(text, config=CFG).text
    import repair.candidates.ocr_lightcap as lightcap

    monkeypatch.setattr(lightcap, "ACCENT_MARGIN", False)
    assert "the Secrétary of Labor" in repair_text(text, config=CFG).text
