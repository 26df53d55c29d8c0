"""Session 59 (ocrsole): a gate-shut page's lower-case glyph non-word read as its one clear
cheap learned confusion (:mod:`repair.candidates.ocr_lightsole`, session 58's reader
rebuilt), and the list-page guard for short prints the web uses (``WEB_FORM_KEEP``)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_lightsole as sole
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.tokenize import tokenize

PAGE = (
    "The council met on Monday to discuss the new budget. Officials said ihe plan would "
    "cut spending on roads and schools. The mayor told reporters that lhe council had "
    "no choice. Residents will be asked for their views before the vote next month."
)

LIST = (
    "Bookmarks toolbar does not update after import\n"
    "Download manager window stays open after the last download\n"
    "Officials said ihe plan would cut spending on roads\n"
    "Search bar shortcut not working with foreign keyboard layouts\n"
    "Tooltip stays visible when switching applications\n"
    "Page does not reload when the cache is cleared\n"
)


@pytest.fixture
def flags(monkeypatch: pytest.MonkeyPatch):
    def set_flags(reading: bool, keep: bool = True) -> None:
        monkeypatch.setattr(sole, "SOLE_READING", reading)
        monkeypatch.setattr(sole, "WEB_FORM_KEEP", keep)

    return set_flags


def _edits(text: str) -> list[tuple[str, str]]:
    return [(e.original, e.replacement) for e in repair_text(text, config=RepairConfig()).edits]


def test_sole_readings_on_a_clean_looking_page(flags) -> None:
    flags(True)
    out = repair_text(PAGE, config=RepairConfig())
    assert "Officials said the plan" in out.text
    assert "that the council had" in out.text  # "lhe" -> "The", read in the print's case
    for e in out.edits:
        assert e.rule == "OCR_CONFUSION"


def test_flag_off_leaves_the_page_as_printed(flags) -> None:
    flags(False)
    assert _edits(PAGE) == []


def test_list_page_keeps_a_short_web_print(flags) -> None:
    flags(True, keep=True)
    assert _edits(LIST) == []
    flags(True, keep=False)  # the guard is what keeps it
    assert ("ihe", "the") in _edits(LIST)


def test_list_page_shape() -> None:
    assert sole.list_page(tokenize(LIST))
    assert not sole.list_page(tokenize(PAGE))
    assert not sole.list_page(tokenize("one line\ntwo\n"))  # too few lines


def _token_ok(text: str, word: str) -> bool:
    toks = tokenize(text)
    k = next(i for i, t in enumerate(toks) if t.text == word)
    counts: dict[str, int] = {}
    for t in toks:
        if t.kind == "word":
            counts[t.text] = counts.get(t.text, 0) + 1
    return sole.sole_token(toks[k], counts, "nonword", toks, k)


def test_print_guards() -> None:
    assert _token_ok("Officials said ihe plan would cut spending.", "ihe")
    assert not _token_ok("He said ihe and ihe again.", "ihe")  # printed twice
    assert not _token_ok('He wrote "ihe" on the board.', "ihe")  # quoted
    assert not _token_ok("It weighs 5 ihe in all.", "ihe")  # a figure beside it: a unit
    assert not _token_ok("The Ihe and the ihe plan.", "ihe")  # printed capitalised too
    assert not _token_ok("a long existant plan for all", "existant")  # a writer's spelling
    assert not _token_ok("see app.cfg and ihe file", "ihe")  # a file name nearby
    assert not _token_ok("demand outstrips our »ihe. We can", "ihe")  # a speck glued to it
    assert _token_ok("demand outstrips ihe, we can", "ihe")  # a comma may touch it
