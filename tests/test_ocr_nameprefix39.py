"""Session 39, ocrname39: "O'" / "M'" names garbled behind their prefix (issue 12).

:mod:`repair.candidates.ocr_nameprefix` reads the stem of a flagged "O'ltegan" through the
learned confusions over the listed names nearest it, keeping the prefix and a possessive;
:data:`repair.candidates.ocr_capname.KEEP_SHARE` (off) keeps the capital of a capital-row
reading the period text often capitalises.
"""

from __future__ import annotations

import pytest

from repair.candidates import ocr_nameprefix
from repair.pipeline import repair_text

PAGE = (
    "Tho contractor, Mr. O'ltegan, statod that ho bad boon paid for tho work ou tho "
    "bridge,\naud that tho Council bad refusod to pay tho balauce. Tho Mayor said tbat "
    "tho matter\nwould bo considered at tho uext meeting of tho Council, aud tho "
    "contractor loft tho\nroom with his solicitor. Tho caso was adjourued for a week."
)


@pytest.fixture
def prefix_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_nameprefix, "PREFIX_NAMES", True)
    ocr_nameprefix._best.cache_clear()


def test_split_prefix_shapes() -> None:
    assert ocr_nameprefix.split_prefix("O'ltegan") == ("O'", "ltegan", "")
    assert ocr_nameprefix.split_prefix("M\u2019Lachlnn's") == ("M\u2019", "Lachlnn", "'s")
    for text in ("Oakley", "O'Qce", "O'Reg4n", "D'Arcy", "O'"):
        assert ocr_nameprefix.split_prefix(text) is None


def test_prefix_name_read(prefix_names: None) -> None:
    # the capital misread as "lt" (a learned row to a capital), read as the listed Regan
    got = ocr_nameprefix.prefix_name_candidates("O'ltegan", 10, "nonword")
    assert [(c.start, c.end, c.replacement) for c in got] == [(12, 18, "Regan")]
    assert got[0].features["threshold"] == ocr_nameprefix.THRESHOLD
    # the possessive stays as printed
    assert [
        c.replacement for c in ocr_nameprefix.prefix_name_candidates("O'Donnoll's", 0, "x")
    ] == ["Donnell"]


def test_listed_stem_is_left(prefix_names: None) -> None:
    # a stem or a whole form the name list knows is the writer's ("Rogan", "O'Brien",
    # "Connell"); an unlisted clean name no clearer a name read otherwise ("O'Meara" ->
    # "Mears", "M'Sharry" -> "Sherry") is left too (the names' shape model)
    for text in ("O'Rogan", "O'Brien", "M'Donald", "O'Connell's", "O'Meara", "M'Sharry"):
        assert ocr_nameprefix.prefix_name_candidates(text, 0, "nonword") == []


def test_full_form_first(prefix_names: None) -> None:
    # "M'" names are listed as "Mc" names: McCarthy's stem beats the listed surname Carlby
    got = ocr_nameprefix.prefix_name_candidates("M'Carihy", 0, "nonword")
    assert [(c.start, c.end, c.replacement) for c in got] == [(2, 8, "Carthy")]
    # a stem the dictionary knows ("mulley") reads only as a listed whole form (O'Malley)
    got = ocr_nameprefix.prefix_name_candidates("O'Mulley", 0, "nonword")
    assert [c.replacement for c in got] == ["Malley"]


def test_full_form_off(prefix_names: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_nameprefix, "FULL_FORM", False)
    ocr_nameprefix._best.cache_clear()
    assert ocr_nameprefix.prefix_name_candidates("O'Mulley", 0, "nonword") == []
    ocr_nameprefix._best.cache_clear()


def test_prefix_names_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_nameprefix, "PREFIX_NAMES", False)
    assert ocr_nameprefix.prefix_name_candidates("O'ltegan", 0, "nonword") == []
    assert "Mr. O'ltegan, stated" in repair_text(PAGE).text


def test_prefix_names_in_pipeline(prefix_names: None) -> None:
    assert "Mr. O'Regan, stated" in repair_text(PAGE).text


def test_capital_kept_share(monkeypatch: pytest.MonkeyPatch) -> None:
    # ocr_capname.KEEP_SHARE (off): a capital-row reading the period text often writes
    # with a capital keeps it instead of being dropped ("Ueneral" -> "General")
    from repair.candidates import ocr_capname, ocr_capswap

    # session 57's first-glyph reader (ocr_capswap) reads "Ueneral" too: off here
    monkeypatch.setattr(ocr_capswap, "CAP_SWAP", False)
    page = PAGE.replace("Mr. O'ltegan", "the Ueneral said")
    assert ocr_capname.KEEP_SHARE is None
    assert not ocr_capname.capital_kept("General")
    assert "the Ueneral said" in repair_text(page).text
    monkeypatch.setattr(ocr_capname, "KEEP_SHARE", 0.15)
    assert ocr_capname.capital_kept("General") and not ocr_capname.capital_kept("Have")
    assert "the General said" in repair_text(page).text
