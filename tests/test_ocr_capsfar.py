"""All-capitals words garbled glyph by glyph (repair.candidates.ocr_capsfar), and lower-case
words with a capital inside read by the context (repair.candidates.ocr_context)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_capsfar, ocr_context
from repair.candidates.ocr_capsfar import caps_far_applies, caps_far_candidates, caps_far_reading
from repair.candidates.ocr_context import context_candidates
from repair.candidates.ocr_far import far_applies
from repair.pipeline import repair_text
from repair.score import ocr_docself
from repair.tokenize import tokenize
from tests.test_ocr_wide import NEWSPAPER


@pytest.mark.parametrize(
    ("token", "word"),
    [
        ("LIHUAUV", "LIBRARY"),  # "H" for "B", "U" for "R", "V" for "Y"
        ("TIIKATHE", "THEATRE"),  # "II" for "H", the letters out of order
        ("MUSPIIV", "MURPHY"),  # "II" for "H": a name of the common-word list
        ("QUFPNSLAVD", "QUEENSLAND"),
        ("TEODÜCE", "PRODUCE"),  # an accented capital
    ],
)
def test_a_capitals_word_garbled_beyond_the_far_searches(token: str, word: str) -> None:
    assert not far_applies(token, {token: 1}, False)  # the far searches leave capitals
    assert caps_far_applies(token, 1)
    found = caps_far_reading(token)
    assert found is not None and found[0] == word
    assert found[1] <= ocr_capsfar.COST_PER_CHAR * len(token)


@pytest.mark.parametrize(
    ("token", "count"),
    [
        ("NASDAQ", 1),  # a known word
        ("SYDNEY", 1),  # a listed name
        ("NKVV", 1),  # short: acronyms
        ("MUSPIIV", 2),  # printed twice: a form the page means
        ("Muspiiv", 1),  # capitalised, not capitals: a name no list knows
        ("muspiiv", 1),
        ("MUS1IIV", 1),  # a digit inside
    ],
)
def test_what_is_not_searched(token: str, count: int) -> None:
    assert not caps_far_applies(token, count)


@pytest.mark.parametrize("token", ["BUISIUNE", "MONTEFIORE", "NOOGOORA"])
def test_no_reading_without_a_clear_cheapest_word(token: str) -> None:
    # "BUISIUNE": brisbane 8.7, cuisine 9.5 nats; the others: real names far from words
    assert caps_far_reading(token) is None


def _cands(text: str, word: str) -> list:
    toks = tokenize(text)
    i = next(k for k, t in enumerate(toks) if t.text == word)
    return caps_far_candidates(toks, i, "nonword", 1)


def test_candidate_at_a_capped_cost_and_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    (c,) = _cands("THE PUBLIC LIHUAUV.", "LIHUAUV")
    assert c.replacement == "LIBRARY" and c.features["cost"] <= ocr_capsfar.COST_CAP
    assert _cands("TRANSIT COM.VISSIOX.", "VISSIOX") == []  # a piece glued by a mark
    monkeypatch.setattr(ocr_capsfar, "CAPS_FAR", False)
    assert _cands("THE PUBLIC LIHUAUV.", "LIHUAUV") == []


@pytest.mark.parametrize(
    ("heading", "pair", "table_reads"),
    [
        ("THE PUBLIC LIHUAUV.", ("LIHUAUV", "LIBRARY"), False),
        # since session 31 the confusion table prices capitals read as other capitals by
        # class (K -> E, H -> R, S -> R, V -> Y), so its own walk reads these two as well
        ("THE TIIKATHE ROYAL.", ("TIIKATHE", "THEATRE"), True),
        ("MR. MUSPIIV AND THE COUNCIL.", ("MUSPIIV", "MURPHY"), True),
    ],
)
def test_a_heavy_page_reads_its_capitals_heading(
    heading: str, pair: tuple[str, str], table_reads: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = heading + "\n" + NEWSPAPER
    assert pair in {(e.original, e.replacement) for e in repair_text(text).edits}
    monkeypatch.setattr(ocr_capsfar, "CAPS_FAR", False)
    # the table's own walk at its first-pass bound: the self-trained pass's wider walk for
    # first-pass non-words (ocr_docself.SECOND_PASS_MAX_COST, session 46) reads LIHUAUV too
    monkeypatch.setattr(ocr_docself, "SECOND_PASS_MAX_COST", None)
    without = repair_text(text)
    if table_reads:
        assert pair in {(e.original, e.replacement) for e in without.edits}
    else:
        assert pair[0] in without.text


def test_a_real_capitals_word_stays() -> None:
    text = "THE MONTEFIORE HOME.\n" + NEWSPAPER
    assert "MONTEFIORE" in repair_text(text).text


def _context(text: str, reasons: dict[int, str]) -> list:
    toks = tokenize(text)
    words = [i for i, t in enumerate(toks) if t.kind == "word"]
    counts = {t.text: 1 for t in toks if t.kind == "word"}
    return context_candidates(toks, words, counts, frozenset(), lambda _w: False, reasons)


def test_the_context_reads_a_long_word_with_a_capital_inside(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "lenelrnliiiK sevcinl"
    inner = {0: "inner_capital"}

    def first(reasons: dict[int, str]) -> list[str]:
        return [c.replacement for c in _context(text, reasons) if c.start == 0]

    assert first(inner) == ["penetrating"]
    assert first({}) == []  # no inner-capital finding: as before
    monkeypatch.setattr(ocr_context, "INNER_CAPITALS", False)
    assert first(inner) == []


def test_short_inner_capital_specks_are_left() -> None:
    # "llCll" for "tion", "icrlnK" for "heavily": short specks read as "well", "drink"
    assert [c for c in _context("icrlnK henil when", {0: "inner_capital"}) if c.start == 0] == []
