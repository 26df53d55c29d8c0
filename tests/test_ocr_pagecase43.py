"""The page's own printings of a word in any case (session 43, ``ocr_pagecase``)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_pagecase as pc
from repair.candidates.ocr_docvocab import doc_vocab_candidates
from repair.candidates.ocr_rules import page_word_counts
from repair.tokenize import tokenize


def _at(toks, word):  # type: ignore[no-untyped-def]
    return next(k for k, t in enumerate(toks) if t.text == word)


@pytest.mark.parametrize("on", [False, True])
def test_capitals_token_reads_page_word_in_other_case(monkeypatch, on) -> None:
    monkeypatch.setattr(pc, "CASE_TARGETS", on)
    toks = tokenize("THE CASE OF JOHN OOPP.\nMr Copp was seen. Copp left; later Copp came back.")
    found = pc.caps_indices(toks, [])
    assert _at(toks, "OOPP") in found
    got = [(c.features["orig"][0], c.replacement) for c in doc_vocab_candidates(toks, found)]
    assert got == ([("OOPP", "COPP")] if on else [])


def test_caps_indices_skips_known_capitals_words() -> None:
    toks = tokenize("THE CASE OF JOHN OOPP")
    assert [toks[i].text for i in pc.caps_indices(toks, [])] == ["OOPP"]


def test_upper_targets_merges_casings() -> None:
    assert pc.upper_targets({"Copp": 3, "copp": 1, "NSW": 4}) == {"COPP": ("Copp", 4)}


def test_shut_page_reading_needs_the_page_twice() -> None:
    text = "The boat left Port Hacking at noon. Port Haoklng is calm; Hacking is near."
    toks = tokenize(text)
    i = _at(toks, "Haoklng")
    assert [c.replacement for c in pc.shut_page_candidates(toks, i, page_word_counts(toks))] == [
        "Hacking"
    ]
    once = tokenize("The boat left Port Hacking at noon. Port Haoklng is calm.")
    j = _at(once, "Haoklng")
    assert pc.shut_page_candidates(once, j, page_word_counts(once)) == []


def test_caps_line_across_a_stop() -> None:
    toks = tokenize("STATEMENT BY MR. CATEE.\nMr Cater said")
    assert pc.caps_line(toks, _at(toks, "CATEE"))
    toks = tokenize("said Mr. CATEE. Then")
    assert not pc.caps_line(toks, _at(toks, "CATEE"))


def test_name_slot_reads_the_page_name() -> None:
    toks = tokenize("Ptes James Hill, James Bond and lames Hill met James.")
    got = pc.name_slot_candidates(toks, page_word_counts(toks))
    assert [(c.features["orig"][0], c.replacement) for c in got] == [("lames", "James")]
    # no capitalised word after it: no name slot
    toks = tokenize("Ptes James Hill, James Bond and the lames met James.")
    assert pc.name_slot_candidates(toks, page_word_counts(toks)) == []


SHUT_PAGE = (
    "The launch left the wharf at Port Hacking early yesterday morning with a party of\n"
    "visitors from the city. The weather was fine and the water smooth, and the run\n"
    "down the river was made in good time. Near the National Park side of Port\n"
    "Haoklng the party landed for lunch, and in the afternoon returned to the\n"
    "wharf. Port Hacking is becoming a favourite resort for picnic parties.\n"
)
NAME_PAGE = (
    "A meeting of the Volunteer Company was held last night. Among those present were\n"
    "Captain Smith, Lieutenant Brown, and Privates James Hill, James Bond, Wm Bryce,\n"
    "Geo lames Hill, and Thomas Kerr. The minutes of the last meeting were read and\n"
    "confirmed. James Hill was elected secretary in the room of Mr Kerr, resigned,\n"
    "and the meetlng adjourned untll Frlday next at the usual hour in the hall.\n"
)


@pytest.mark.parametrize(
    ("flag", "text", "pair"),
    [
        ("SHUT_PAGES", SHUT_PAGE, ("Haoklng", "Hacking")),
        ("NAME_SLOT", NAME_PAGE, ("lames", "James")),
    ],
)
@pytest.mark.parametrize("on", [False, True])
def test_pipeline_reads_the_page_word(monkeypatch, flag, text, pair, on) -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    monkeypatch.setattr(pc, flag, on)
    edits = {(e.original, e.replacement) for e in repair_text(text, config=RepairConfig()).edits}
    assert (pair in edits) == on


def test_shipped_flags() -> None:
    assert pc.CASE_TARGETS and pc.NAME_SLOT and not pc.CAPS_LINE
    assert not pc.SHUT_PAGES  # clean text must not load the period tables
