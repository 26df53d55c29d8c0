"""Two printings of one name offered as each other's reading are settled by the page
(session 45, ocrnames45: ``repair.candidates.ocr_pageswap``) and the surname slot's
plain-word guard (``repair.candidates.ocr_nameslot``, shipped off)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_nameslot, ocr_pageswap
from repair.candidates.ocr_nameslot import drop_plain_words, plain_word
from repair.candidates.ocr_pageswap import losing_forms, settle_swaps
from repair.candidates.ocr_rules import cand
from repair.tokenize import tokenize

#: the settings as the modules define them (read before any test changes them)
DEFAULTS = (ocr_pageswap.PAGE_SWAP, ocr_nameslot.NAME_SLOT)


def test_defaults() -> None:
    assert DEFAULTS == (True, False)


def _page(text: str) -> tuple[list, dict[int, int]]:
    toks = tokenize(text)
    return toks, {t.start: i for i, t in enumerate(toks)}


def _reads(toks: list, by_start: dict[int, int], cands: list) -> list[tuple[str, str]]:
    return [(toks[by_start[c.start]].text, c.replacement) for c in cands]


def _at(toks: list, k: int, reading: str):
    t = [x for x in toks if x.kind == "word"][k]
    return cand(t.start, t.end, reading, "OCR_DOC_WORD")


def test_the_cheaper_direction_wins_and_readings_to_the_loser_go(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_pageswap, "PAGE_SWAP", True)
    toks, by_start = _page("Covony met Covony and Covony; Coveny and Coveny saw Covcny.")
    words = [t.text for t in toks if t.kind == "word"]
    cs = [_at(toks, k, "Coveny") for k, w in enumerate(words) if w == "Covony"]
    cs += [_at(toks, k, "Covony") for k, w in enumerate(words) if w in ("Coveny", "Covcny")]
    cs.append(_at(toks, words.index("Covcny"), "Coveny"))
    kept = _reads(toks, by_start, settle_swaps(toks, by_start, cs))
    # "o" misread as "e" is rare, the reverse common: the name is "Coveny"
    assert kept == [("Covony", "Coveny")] * 3 + [("Covcny", "Coveny")]


@pytest.mark.parametrize(
    ("on", "text", "pairs"),
    [
        (False, "Covony Covony Coveny Coveny", [(0, "Coveny"), (2, "Covony")]),
        # forms printed once each are no evidence of a name
        (True, "the Bong Hong, Picnic Race Club", [(1, "Hong"), (2, "Bong")]),
        (True, "sea sea see see", [(0, "see"), (2, "sea")]),  # lower case: not judged
        # known words are printed as themselves ("Now", "How": OCR'd modern text audit)
        (True, "Now we go. How we go. Now we stay. How we stay.", [(0, "How"), (3, "Now")]),
    ],
)
def test_nothing_is_settled(
    monkeypatch: pytest.MonkeyPatch, on: bool, text: str, pairs: list[tuple[int, str]]
) -> None:
    monkeypatch.setattr(ocr_pageswap, "PAGE_SWAP", on)
    toks, by_start = _page(text)
    cs = [_at(toks, k, reading) for k, reading in pairs]
    assert settle_swaps(toks, by_start, cs) == cs


def test_forms_printed_once_settle_nothing() -> None:
    assert losing_forms({("Bong", "Hong")}, {"Bong": 1, "Hong": 1}) == set()


def test_a_possessive_reads_its_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_pageswap, "PAGE_SWAP", True)
    text = "Covony Covony Covony Coveny Coveny Mr. Coveny's tax"
    toks, by_start = _page(text)
    start = text.index("Coveny's")
    poss = cand(start, start + 6, "Covony", "OCR_DOC_WORD")
    cs = [_at(toks, 0, "Coveny"), _at(toks, 3, "Covony"), poss]
    assert _reads(toks, by_start, settle_swaps(toks, by_start, cs)) == [("Covony", "Coveny")]


def test_the_slot_drops_plain_words_not_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_nameslot, "NAME_SLOT", True)
    toks, by_start = _page("and Mrs. Gurdon sailed; the Gurdon left")
    slot = [t for t in toks if t.text == "Gurdon"]
    cs = [cand(t.start, t.end, r, "OCR_CONFUSION") for t in slot for r in ("Garden", "Gordon")]
    kept = _reads(toks, by_start, drop_plain_words(toks, by_start, cs))
    # in the slot "Garden" goes; outside it (after "the") both stay
    assert kept == [("Gurdon", "Gordon"), ("Gurdon", "Garden"), ("Gurdon", "Gordon")]
    monkeypatch.setattr(ocr_nameslot, "NAME_SLOT", False)
    assert drop_plain_words(toks, by_start, cs) == cs


def test_plain_word_evidence() -> None:
    assert plain_word("Meant") and plain_word("Garden")
    assert not plain_word("Smith")  # capitalised 98 % mid-sentence
    assert not plain_word("Sgt")  # a title
    assert not plain_word("The")  # common: a sentence may open after an initial
