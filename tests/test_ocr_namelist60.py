"""Session 60, heavyname: a heavy-page joint reading in a list of names is a name or the
pieces' plain join, never a common word (:mod:`repair.candidates.ocr_namelist`,
:data:`repair.candidates.ocr_heavyjoin.NAME_LIST`)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_heavyjoin
from repair.candidates.ocr_namelist import name_list_at
from repair.tokenize import tokenize

LIST = (
    "Ptes. Leslie John Hollis, Albert Charles Hope, Reginald Ernest {x}\n"
    "Ptes. Maurice Jeffrey, William Arthur Jones, Henry Norman Kershaw\n"
    "Patrick Lawrence King, Thomas James Kirk, Richard Kirkland"
)
SHIPPED = (ocr_heavyjoin.NAME_LIST, ocr_heavyjoin.NAME_LIST_PLAIN)
PROSE = "The deaths of the week were ra\ncorded by the officer, who said that the figures were low"


@pytest.fixture(autouse=True)
def _guard_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard and its plain join as measured (shipped off: benchmarks/RESULTS.md)."""
    monkeypatch.setattr(ocr_heavyjoin, "NAME_LIST", "name")
    monkeypatch.setattr(ocr_heavyjoin, "NAME_LIST_PLAIN", True)


def _joins(text: str) -> list[tuple[str, str]]:
    got = ocr_heavyjoin.heavy_join_candidates(tokenize(text))
    return [(text[c.start : c.end], c.replacement) for c in got]


def _at(text: str, word: str) -> bool:
    toks = tokenize(text)
    i = next(k for k, t in enumerate(toks) if t.text == word)
    return name_list_at(toks, i, i)


def test_list_shape() -> None:
    assert _at(LIST.format(x="Hulbert"), "Hulbert")
    assert not _at(PROSE, "corded")


@pytest.mark.parametrize(
    ("x", "plain_word", "plain_join"),
    [
        ("11 ul\nbert", "albert", "ulbert"),  # SMH dev: gold "Hul-⏎bert"
        ("Ma\nlter", "Matter", "Malter"),  # synthetic: "Walter"
        ("Bowl\nér", "Boiler", "Bowlér"),  # synthetic: "Bowler"
    ],
)
def test_list_join_is_no_common_word(
    monkeypatch: pytest.MonkeyPatch, x: str, plain_word: str, plain_join: str
) -> None:
    text = LIST.format(x=x)
    span = x.split(" ")[-1] if x.startswith("11") else x
    assert _joins(text) == [(span, plain_join)]
    monkeypatch.setattr(ocr_heavyjoin, "NAME_LIST_PLAIN", False)
    assert _joins(text) == []
    monkeypatch.setattr(ocr_heavyjoin, "NAME_LIST", None)  # the guard off: the common word
    assert _joins(text) == [(span, plain_word)]


def test_two_names_not_joined() -> None:
    """ "Bernard⏎leigh": both pieces stand as names; "Bott⏎zeil": "zeil" is none."""
    assert _joins(LIST.format(x="Bernard\nleigh")) == []
    assert _joins(LIST.format(x="Bott\nzeil")) == [("Bott\nzeil", "Bottzeil")]


def test_prose_unchanged() -> None:
    assert _joins(PROSE) == [("ra\ncorded", "recorded")]


def test_shipped_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shipped off: a list's join reads as before (round 1's reader)."""
    assert SHIPPED == (None, False)
    monkeypatch.setattr(ocr_heavyjoin, "NAME_LIST", SHIPPED[0])
    monkeypatch.setattr(ocr_heavyjoin, "NAME_LIST_PLAIN", SHIPPED[1])
    assert _joins(LIST.format(x="11 ul\nbert")) == [("ul\nbert", "albert")]
