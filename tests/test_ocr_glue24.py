"""Word boundaries under garble (issue 12, session 24): glued function words priced by the
channel on both sides (:mod:`repair.candidates.ocr_gluedfw`), a rare kept piece is no word
of its own (:mod:`repair.candidates.ocr_garbled_join`), and words cut by a stray space
with a garbled piece (:mod:`repair.candidates.ocr_spacejoin`)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_garbled_join, ocr_gluedfw, ocr_heavyjoin, ocr_spacejoin
from repair.candidates.ocr_garbled_join import _two_words
from repair.candidates.ocr_gluedfw import applies, glued_readings
from repair.candidates.ocr_spacejoin import space_join_candidates
from repair.pipeline import repair_text
from repair.tokenize import tokenize
from tests.test_ocr_wide import NEWSPAPER


def _clear() -> None:
    glued_readings.cache_clear()
    ocr_gluedfw._fw_reading.cache_clear()
    ocr_gluedfw._word_readings.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_caches():  # type: ignore[no-untyped-def]
    _clear()
    yield
    _clear()


@pytest.fixture
def space_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The two readings shipped off (module docs): the space read as a glyph, the join."""
    monkeypatch.setattr(ocr_gluedfw, "SPACE_GLYPH_COST", ocr_gluedfw.SPACE_GLYPH_ON)
    monkeypatch.setattr(ocr_spacejoin, "SPACE_JOIN", True)
    _clear()


def test_the_space_readings_are_shipped_on() -> None:
    # off from the lead's session 24 mend ("theircraft" -> "the aircraft"); on again in
    # session 41 (that reading is a plain cut's: ocr_gluedfw.PLAIN_SPLIT_GUARD)
    assert ocr_gluedfw.SPACE_GLYPH_COST == ocr_gluedfw.SPACE_GLYPH_ON
    assert ocr_gluedfw.INNER_CAPITAL and applies("thoJFlnanco", "inner_capital")


def test_a_function_word_three_plain_edits_away_is_read_by_its_channel_price(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "tlio": "li" for "h", "o" for "e"
    assert glued_readings("tlioprosoat")[0][0] == ("the", "present")
    monkeypatch.setattr(ocr_gluedfw, "CHANNEL_FW", False)
    _clear()
    assert all(parts[0] != "the" for parts, _c in glued_readings("tlioprosoat"))


def test_a_space_printed_as_a_glyph(monkeypatch: pytest.MonkeyPatch, space_on: None) -> None:
    parts, cost = glued_readings("thejanalysis")[0]
    assert parts == ("the", "analysis") and cost == ocr_gluedfw.SPACE_GLYPH_COST
    monkeypatch.setattr(ocr_gluedfw, "SPACE_GLYPH_COST", None)
    _clear()
    assert glued_readings("thejanalysis")[0][0] != ("the", "analysis")


def test_an_inner_capital_token_is_read_and_keeps_its_capital(
    monkeypatch: pytest.MonkeyPatch, space_on: None
) -> None:
    monkeypatch.setattr(ocr_gluedfw, "INNER_CAPITAL", True)
    assert applies("thoJFlnanco", "inner_capital")
    assert not applies("McDonald", "inner_capital")  # a capital first: a name's shape
    assert glued_readings("forNowcastle")[0][0] == ("for", "Newcastle")
    assert glued_readings("thoJFlnanco")[0][0] == ("the", "Finance")


def test_the_word_side_keeps_two_readings_at_their_own_price(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    got = dict(ocr_gluedfw._word_readings("opLrution"))
    assert set(got) == {"operation", "operations"}
    assert got["operation"] < got["operations"]
    monkeypatch.setattr(ocr_gluedfw, "TRUE_PRICE", False)
    _clear()
    assert [w for w, _c in ocr_gluedfw._word_readings("opLrution")] == ["operation"]


@pytest.mark.parametrize("token", ["reptiliomorph", "jianpingensis", "expecteda", "thatcher"])
def test_rare_words_get_no_two_word_reading_on_a_clean_page(token: str) -> None:
    text = f"The {token} was described in the paper by the authors last year."
    assert token in repair_text(text).text


def test_a_rare_kept_piece_is_no_word_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not _two_words("forbidden", "foi", "bidden")  # "bidden": Zipf < 3
    assert _two_words("healthcare", "health", "carc")  # "health care" stays two words
    monkeypatch.setattr(ocr_garbled_join, "KEPT_PIECE_ZIPF", None)
    assert _two_words("forbidden", "foi", "bidden")


def _joins(text: str, flagged: str) -> list[str]:
    toks = tokenize(text)
    starts = {t.start for t in toks if t.text in flagged.split()}
    return [c.replacement for c in space_join_candidates(toks, starts)]


def test_a_word_cut_by_a_stray_space_is_read_joined() -> None:
    assert "hornets" in _joins("wasps and hoi nets were found", "hoi")
    assert "desire" in _joins("expressed a dosii o to visit", "dosii")
    assert "Commerce" in _joins("the Minister for Commet ce and", "Commet")


def test_no_join_beside_a_common_word_or_of_known_words() -> None:
    assert _joins("for some timo the police", "timo") == []  # "some" is a word alone
    assert _joins("the cat sat", "cat") == []  # both pieces known
    assert _joins("wasps and hoi nets were found", "") == []  # nothing flagged


def test_a_heavy_page_joins_a_cut_word(monkeypatch: pytest.MonkeyPatch, space_on: None) -> None:
    text = NEWSPAPER.replace(
        "the medita-", "The Bench expressed a dosii o to visit the premises at the medita-"
    )
    changed = {(e.original, e.replacement) for e in repair_text(text).edits}
    assert ("dosii o", "desire") in changed
    monkeypatch.setattr(ocr_spacejoin, "SPACE_JOIN", False)
    # since session 61 the heavy page's same-line reading joins it too (ocrsplit)
    monkeypatch.setattr(ocr_heavyjoin, "SAME_LINE_PRIOR", False)
    assert "desire" not in repair_text(text).text


def test_no_space_glyph_reading_where_the_glyph_ends_a_word_as_printed(space_on: None) -> None:
    # "trapsof" is "traps of" (the plain split), not "trap" + a space read as "s" + "of"
    assert all(parts != ("trap", "of") for parts, _c in glued_readings("trapsof"))


@pytest.mark.parametrize(
    ("token", "wrong"), [("memberfor", ("member", "or")), ("twiceshe", ("twice", "he"))]
)
def test_no_space_glyph_reading_where_the_glyph_starts_the_function_word(
    token: str, wrong: tuple[str, str], space_on: None
) -> None:
    # (the glyph dropped as a misread costs the channel's deletion, far dearer)
    cap = ocr_gluedfw.SPACE_GLYPH_COST
    assert cap is not None
    assert all(parts != wrong or cost > cap + 2.0 for parts, cost in glued_readings(token))
