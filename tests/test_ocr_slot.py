"""Short real words read as the word their slot expects (:mod:`repair.candidates.ocr_slot`,
issue 12, session 22)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_funcspot, ocr_slot
from repair.candidates.ocr_slot import slot_candidates, slot_reading
from repair.tokenize import tokenize
from repair.types import Candidate


def _readings(text: str, have: list[Candidate] | None = None) -> dict[str, str]:
    toks = tokenize(text)
    return {c.features["orig"][0]: c.replacement for c in slot_candidates(toks, have or [])}


def test_the_slot_reads_a_word_the_glyphs_do_not_reach() -> None:
    # "tin" for "the" is two rare confusions (i for h, n for e): no walk gets there
    found = slot_reading("tin", ["bulk", "of"], ["new", "crop"])
    assert found is not None and found[0] == "the"
    assert _readings("The bulk of tin new crop of Rangoon is now ready") == {"tin": "the"}
    assert _readings("noticed by lau onlooker in the rigging") == {"lau": "an"}


def test_a_word_the_slot_expects_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _readings("While taking a pot off the fire her clothes ignited") == {}
    assert _readings("the mine sold tin and copper last year") == {}
    # priced by the main table alone "tin" -> "the" costs 9.5 nats and "of tin plates"
    # stays; the slot table (session 23) learned "in" for "he" from two aligned misreads
    # (5.7 nats), and the trigram's "of the plates" then outweighs it: a known cost of
    # the learned price (benchmarks/RESULTS.md, ocrreal23)
    monkeypatch.setattr(ocr_slot, "SLOT_TABLE", False)
    ocr_slot.priced_slot_words.cache_clear()
    try:
        assert _readings("a box of tin plates was sold") == {}
    finally:
        ocr_slot.priced_slot_words.cache_clear()


def test_frequent_prints_and_names_are_trusted() -> None:
    assert _readings("the bulk of he new crop") == {}  # "he" is too common to read
    # a capitalised word after a capital is a name's piece, not "at"
    assert _readings("The Rev Rt Smith preached at the church") == {}


def test_a_title_case_print_between_lower_case_words_is_read() -> None:
    assert _readings("a bore struck water Rt a depth of feet") == {"Rt": "at"}
    assert _readings("a bore struck water Rt a depth of feet") != {}


def test_a_rival_reading_that_fits_as_well_blocks_the_slot() -> None:
    text = "The bulk of tin new crop of Rangoon is now ready"
    tok = next(t for t in tokenize(text) if t.text == "tin")
    rival = Candidate(tok.start, tok.end, "the", "ocr", "OCR_REALWORD", {"cost": 1.0})
    assert _readings(text, [rival]) == {}  # the rival is the slot's word: nothing new
    other = Candidate(tok.start, tok.end, "this", "ocr", "OCR_REALWORD", {"cost": 0.5})
    assert slot_reading("tin", ["bulk", "of"], ["new", "crop"], [("this", 0.5)]) is None
    assert _readings(text, [other]) == {}
    wider = Candidate(tok.start - 3, tok.end, "oftin", "ocr", "OCR_SPLIT", {"cost": 1.0})
    assert _readings(text, [wider]) == {}  # a reading over more than the word


def test_the_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_slot, "SLOT", False)
    assert _readings("The bulk of tin new crop of Rangoon is now ready") == {}


def test_the_lead_over_the_runner_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_slot, "LEAD", 50.0)
    assert slot_reading("tin", ["bulk", "of"], ["new", "crop"]) is None


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        ("hall, and the bulk of tin new crop was sold.", ("tin", "the")),
        ("hall, and he was noticed by lau onlooker in the street.", ("lau", "an")),
    ],
)
def test_a_heavy_page_reads_the_slot(
    monkeypatch: pytest.MonkeyPatch, sentence: str, pair: tuple[str, str]
) -> None:
    from repair.pipeline import repair_text
    from tests.test_ocr_wide import NEWSPAPER

    text = NEWSPAPER.replace("hall.", sentence)
    assert pair in {(e.original, e.replacement) for e in repair_text(text).edits}
    monkeypatch.setattr(ocr_slot, "SLOT", False)
    assert pair not in {(e.original, e.replacement) for e in repair_text(text).edits}


def test_an_old_spelling_stays() -> None:
    # "hee" is the period's "he" (as the real-word search, ``ARCHAIC_WORDS`` are kept)
    assert _readings("for hee hath great plenty thereof") == {}


def _unbounded(text: str, left: list[str], right: list[str]) -> tuple[str, float, float] | None:
    """:func:`slot_reading` with every slot word scored in full (no floors)."""
    priced = dict(ocr_slot.priced_slot_words(text))
    if not priced:
        return None
    base, *scores = ocr_slot.slot_scores(left, [text.lower(), *priced], right)
    ranked = sorted(
        ((sc - base - priced[w], w, priced[w]) for sc, w in zip(scores, priced, strict=True)),
        reverse=True,
    )
    best, word, cost = ranked[0]
    if best < ocr_slot.PROPOSE or (len(ranked) > 1 and best - ranked[1][0] < ocr_slot.LEAD):
        return None
    return word, cost, best


@pytest.mark.parametrize("lead", [0.0, 2.0, 4.0])
def test_the_bound_keeps_the_readings_of_full_scoring(
    monkeypatch: pytest.MonkeyPatch, lead: float
) -> None:
    from tests.test_ocr_wide import NEWSPAPER

    monkeypatch.setattr(ocr_slot, "LEAD", lead)
    # the reference reads the learned prices only; the spot pass (ocr_funcspot, session 62)
    # is a second reading of its own
    monkeypatch.setattr(ocr_funcspot, "FUNC_SPOT", False)
    text = NEWSPAPER + " the bulk of tin new crop, noticed by lau onlooker, water Rt a depth"
    words = [t.text for t in tokenize(text) if t.kind == "word"]
    seen = 0
    for k in range(2, len(words) - 2):
        w = words[k]
        if len(w) > 4 or not w.isalpha():
            continue
        for print_ in (w, w[::-1], w[:-1] + "n"):
            got = slot_reading(print_, words[k - 2 : k], words[k + 1 : k + 3])
            assert got == _unbounded(print_, words[k - 2 : k], words[k + 1 : k + 3])
            seen += got is not None
    assert seen >= 3


@pytest.mark.xfail(
    strict=True,
    reason="known cost of the slot table (ocrreal23): 'in'->'he' learned from two aligned misreads "
    "prices 'tin'->'the' at 5.7 nats, and the trigram then prefers 'of the plates'",
)
def test_tin_plates_stays_with_the_slot_table() -> None:
    ocr_slot.priced_slot_words.cache_clear()
    assert _readings("a box of tin plates was sold") == {}
