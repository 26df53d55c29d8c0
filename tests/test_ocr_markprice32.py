"""A mark read as a letter at a learned price, and the guards of ``ocr_markjoin`` (session 32,
issue 12)."""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

import pytest

from repair.candidates import ocr, ocr_markglyph, ocr_markjoin
from repair.candidates.ocr_markglyph import glyph_price, mark_glyphs, mark_price
from repair.candidates.ocr_markjoin import applies, line_garble, mark_join_candidates, readings
from repair.pipeline import repair_text
from repair.score.ocr_price import channel_cost
from repair.tokenize import tokenize
from tests.test_ocr_wide import NEWSPAPER

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from build_mark_prices import mark_counts, prices  # noqa: E402


@pytest.fixture(autouse=True)
def _fresh_readings() -> object:
    readings.cache_clear()
    yield
    readings.cache_clear()


def test_mark_glyphs_names_the_marks_read_as_letters() -> None:
    assert mark_glyphs("t-ourt", "court") == ("tcourt", ["-"])
    assert mark_glyphs("d\\»nr", "dear") == ("deanr", ["\\", "»"])
    assert mark_glyphs("w-as", "was") == ("w-as", [])


def test_the_learned_price_is_per_mark(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_markglyph, "LEARNED", True)
    prices_ = ocr_markglyph.LEARNED_PRICES
    assert glyph_price("-") == prices_["-"]
    assert glyph_price("\\") == prices_["\\"]
    assert glyph_price("»") == prices_["other"]  # a rare mark: the pooled row
    assert glyph_price("\\") < glyph_price(".") < glyph_price("-")  # a hyphen is mostly a hyphen
    # "sa\\o": the backslash is nearly always a letter; "t-ourt": a hyphen seldom is
    assert mark_price("sa\\o", "save") == pytest.approx(
        channel_cost("savo", "save") + prices_["\\"]
    )
    assert mark_price("t-ourt", "court") == pytest.approx(
        min(channel_cost("t-ourt", "court"), channel_cost("tcourt", "court") + prices_["-"])
    )
    monkeypatch.setattr(ocr_markglyph, "LEARNED_OFFSET", 1.0)
    assert glyph_price("-") == pytest.approx(prices_["-"] + 1.0)
    for printed, word in (("v.eie", "were"), ("coa.it", "coast"), ("hn\\o", "have")):
        assert mark_price(printed, word) <= channel_cost(printed, word)
    monkeypatch.setattr(ocr_markglyph, "LEARNED", False)
    assert mark_price("sa\\o", "save") == channel_cost("sa\\o", "save")  # MARK_GLYPH None


def test_the_learned_price_reads_a_hyphen_that_is_a_letter(monkeypatch: pytest.MonkeyPatch) -> None:
    assert readings("v", "-", "rr") == ()  # the channel alone: a generic edit, too dear
    monkeypatch.setattr(ocr_markglyph, "LEARNED", True)
    readings.cache_clear()
    assert "very" in [w for w, _ in readings("v", "-", "rr")]
    assert "two" in [w for w, _ in readings("t", "-", "vo")]


def test_mark_prices_are_learned_from_aligned_lines() -> None:
    lines = [
        ("ha>e to sa\\o", "have to save", False),
        ("a well-known e-mail", "a well-known e-mail", False),
    ]
    seen, letter = mark_counts(lines)
    assert seen == Counter({"-": 2, "\\": 1, ">": 1})
    assert letter == Counter({">": 1, "\\": 1})
    table = prices(seen, letter)
    assert set(table) == {"other"}  # every mark seen fewer than MIN_SEEN times: pooled
    assert table["other"] == pytest.approx(-math.log((2 + 2 * 0.5) / (4 + 2)), abs=0.01)
    seen = Counter({"-": 100, "»": 3})
    table = prices(seen, Counter({"-": 10, "»": 3}))
    assert table["-"] > table["other"]


def test_a_longer_run_is_no_short_word(monkeypatch: pytest.MonkeyPatch) -> None:
    toks = tokenize("N. Mul!i?aa and Do you know lBt*r_»j;a here")
    assert ocr_markjoin.LONGER_RUN is False
    monkeypatch.setattr(ocr_markjoin, "CASE_BREAK", True)
    before = {(c.start, c.end) for c in mark_join_candidates(toks, frozenset())}
    assert before  # "Mul!i" is read as a word by itself
    monkeypatch.setattr(ocr_markjoin, "LONGER_RUN", True)
    assert mark_join_candidates(toks, frozenset()) == []
    ok = tokenize("we will t-ourt, then")
    assert mark_join_candidates(ok, frozenset())  # a comma and a space after: not longer


def test_a_hyphenated_compound_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    assert applies("co", "-", "ordinated")
    monkeypatch.setattr(ocr_markjoin, "COMPOUND_JOINED", True)
    assert not applies("co", "-", "ordinated")
    assert not applies("re", "-", "elected")
    assert applies("th", "-", "y")  # a one-letter right piece is no compound
    assert applies("t", "-", "ourt")


def test_a_lone_letter_is_no_word(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not applies("v", ",", "ill")  # "v" and "ill": a lost space after a comma
    monkeypatch.setattr(ocr_markjoin, "LONE_LETTER", True)
    assert applies("v", ",", "ill")
    assert not applies("a", ",", "nd")  # "a" is a word
    assert not applies("e", "-", "mail")


def test_line_garble_counts_the_other_words_of_the_line() -> None:
    toks = tokenize("oil/lit dui,s, und a \\u-<t amount\nnext line here")
    runs = {left.text: (i, k) for i, k, left, _m, _r in ocr_markjoin.mark_runs(toks)}
    assert 0.2 < line_garble(toks, *runs["dui"]) < 0.4  # oil, lit, u, t of 11 words
    clean = tokenize("action of the a-rmspheie. We understand that")
    i, k = next((i, k) for i, k, *_ in ocr_markjoin.mark_runs(clean))
    assert line_garble(clean, i, k) == 0.0


def test_a_hopeless_line_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_markglyph, "LEARNED", True)
    toks = tokenize("tmleil rr->m the»e it lippoind that")
    assert any(c.start == 7 for c in mark_join_candidates(toks, frozenset()))
    monkeypatch.setattr(ocr_markjoin, "GARBLED_LINE", 0.5)
    assert all(c.start != 7 for c in mark_join_candidates(toks, frozenset()))  # "rr->m"


def test_a_light_page_reads_marks_only_with_light_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def record(toks: list, taken: frozenset) -> list:
        calls.append(len(toks))
        return []

    monkeypatch.setattr(ocr, "mark_join_candidates", record)
    monkeypatch.setattr(ocr, "_heavy_gate", lambda text: 99.0)  # garbled, never heavy
    repair_text(NEWSPAPER)
    assert calls == []  # the heavy-page gate: no mark reading on a light page
    monkeypatch.setattr(ocr_markjoin, "LIGHT_PAGES", True)
    repair_text(NEWSPAPER)
    assert calls


def test_the_session_32_settings_ship_off() -> None:
    assert not ocr_markglyph.LEARNED and ocr_markglyph.MARK_GLYPH is None
    assert not ocr_markjoin.LIGHT_PAGES and ocr_markjoin.GARBLED_LINE is None
    assert not ocr_markjoin.LONE_LETTER


def test_a_rare_short_piece_is_no_word(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not applies("Ix", "-", "en")  # "Ix" and "en": the co-op rule
    monkeypatch.setattr(ocr_markjoin, "PIECE_ZIPF", 4.0)
    assert applies("Ix", "-", "en")  # "Ix" is too rare to be a word: "been"
    assert not applies("co", "-", "op")
    assert not applies("to", "-", "day")
