"""Lower-case garbles read as a page word at a wider budget (repair.candidates.ocr_pagewide)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_pagewide
from repair.candidates.ocr_pagefar import _targets, page_far_candidates, page_far_reading
from repair.candidates.ocr_pagewide import wide_reading
from repair.tokenize import tokenize

SHIPPED_WIDE = ocr_pagewide.WIDE  # read at import, before the fixture below switches it on


def _read(text: str, words: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The page-far readings of the page ``text``, of the tokens ``words`` (as if flagged)."""
    toks = tokenize(text)
    idx = [i for i, t in enumerate(toks) if t.text in words]
    return [(c.features["orig"][0], c.replacement) for c in page_far_candidates(toks, idx)]


def _targets_of(text: str) -> dict[str, str]:
    from collections import Counter

    return _targets(Counter(t.text for t in tokenize(text) if t.kind == "word"))


DEFENDANT = "The defendant said so. Counsel for the dofoudeiit then rose."


@pytest.fixture(autouse=True)
def _wide_on(monkeypatch: pytest.MonkeyPatch) -> None:
    # the tier ships off (WIDE = False); these tests read it switched on
    monkeypatch.setattr(ocr_pagewide, "WIDE", True)


def test_the_tier_ships_off() -> None:
    assert SHIPPED_WIDE is False


def test_a_deep_garble_of_a_page_word_is_read() -> None:
    # 6 plain edits of 10 letters: past the page-far search's own retrieval
    assert page_far_reading("dofoudeiit", _targets_of(DEFENDANT)) is None
    assert _read(DEFENDANT, ("dofoudeiit",)) == [("dofoudeiit", "defendant")]


def test_a_page_word_beats_a_slightly_cheaper_common_word() -> None:
    # "uniting" prices a nat under "amount"; the page prints "amount"
    page = "The amount was paid, and the umtmnt was large."
    assert _read(page, ("umtmnt",)) == [("umtmnt", "amount")]


def test_nothing_when_the_page_does_not_print_the_word() -> None:
    page = "The witness said so. Counsel for the dofoudeiit then rose."
    assert _read(page, ("dofoudeiit",)) == []


def test_an_inner_capital_print_is_read() -> None:
    # "winners" prices a tenth of a nat under "witness"; the page prints "witness"
    page = "The witness said so. Counsel for the wIuiobs then rose."
    assert _read(page, ("wIuiobs",)) == [("wIuiobs", "witness")]


def test_capitalised_prints_are_left_to_the_narrow_search() -> None:
    targets = _targets_of(DEFENDANT)
    assert wide_reading("dofoudeiit", targets) == ("defendant", pytest.approx(11.6, abs=0.1))
    assert wide_reading("Dofoudeiit", targets) is None


def test_a_word_far_beyond_the_retrieval_is_not_read() -> None:
    # "rnsnnmlpiit" (respondent) is 8 plain edits from it: past 0.6 of its 11 letters
    page = "The respondent said so. Counsel for the rnsnnmlpiit then rose."
    assert _read(page, ("rnsnnmlpiit",)) == []


def test_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_pagewide, "WIDE", False)
    assert _read(DEFENDANT, ("dofoudeiit",)) == []


def test_a_print_one_edit_from_a_word_is_not_read() -> None:
    # "neeation" is "negation" (too rare for the common list), not the page's "nation"
    page = "The nation rose. They are the neeation of imperialism, said the nation."
    targets = _targets_of(page)
    tier = (ocr_pagewide.DISTANCE_SHARE, ocr_pagewide.COST_PER_CHAR, ocr_pagewide.PAGE_BONUS)
    assert page_far_reading("neeation", targets, None, tier) == ("nation", pytest.approx(10.0))
    assert wide_reading("neeation", targets) is None
    assert _read(page, ("neeation",)) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("On the thirteenth day a truth well known; tbistruth is so well fixed.", "tbistruth"),
        ("His ancestors fought in the war. On Washington,aroundTora Bora since.", "aroundTora"),
    ],
)
def test_two_words_run_together_are_not_read_as_a_page_word(
    text: str, word: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the wider tier read these as "thirteenth" / "ancestors" on the 100 k-word speed text
    toks = tokenize(text)
    i = next(k for k, t in enumerate(toks) if t.text == word)
    assert page_far_candidates(toks, [i]) == []
    monkeypatch.setattr(ocr_pagewide, "two_words_glued", lambda t: False)
    assert [c.replacement for c in page_far_candidates(toks, [i])] != []
