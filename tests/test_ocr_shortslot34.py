"""Short words glued to a stray mark, and short non-words, read by the slot (issue 12, session
34, ocrshort34): :mod:`repair.candidates.ocr_shortslot`."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_shortslot
from repair.candidates.ocr_shortslot import (
    merged,
    slot_mark_candidates,
    slot_nonword_candidates,
)
from repair.tokenize import tokenize
from tests.ocr_page import GARBLED, repaired_after_page


def _marks(text: str) -> dict[str, str]:
    toks = tokenize(text)
    return {text[c.start : c.end]: c.replacement for c in slot_mark_candidates(toks, [])}


def _nonwords(text: str) -> dict[str, str]:
    return {
        c.features["orig"][0]: c.replacement for c in slot_nonword_candidates(tokenize(text), [])
    }


def test_on_by_default() -> None:
    assert ocr_shortslot.SLOT_MARK and ocr_shortslot.NON_WORDS and ocr_shortslot.CROSS_COMMA


@pytest.mark.parametrize(
    ("text", "chunk", "word"),
    [
        ("he was blowing tho' lad across the room", "tho'", "the"),
        ("but the close ol' his studios was broken", "ol'", "of"),
        ("you had no intention «f defrauding anyone", "«f", "of"),
        ("there was nothing bu* canvassing and tormenting", "bu*", "but"),
        ("The elections are now over, «nd it is a happiness", "«nd", "and"),
    ],
)
def test_a_glued_short_word_is_read_by_its_slot(text: str, chunk: str, word: str) -> None:
    assert _marks(text) == {chunk: word}


def test_no_glued_reading_where_the_word_fits_or_is_punctuated() -> None:
    assert _marks("he said it was over. The end") == {}  # sentence punctuation
    assert _marks("he went (to the town) and back") == {}  # the mark has no learned fate
    assert _marks("the Mr* Smith said so") == {}  # capitalised: a name's business


def test_a_line_end_hyphen_is_left_to_the_hyphen_readers() -> None:
    assert _marks("their primary pigment andl-\nack a sterile covering") == {}


def test_without_the_comma_crossing_the_left_context_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_shortslot, "CROSS_COMMA", False)
    assert _marks("The elections are now over, «nd it is a happiness") == {}


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        ("and to bear their omi costs in the matter", "omi", "own"),
        ("the rent to be determined hy lue arbitrators and", "lue", "the"),
    ],
)
def test_a_short_nonword_is_read_by_its_slot(text: str, word: str, reading: str) -> None:
    assert _nonwords(text) == {word: reading}


def test_two_words_run_together_are_not_read_as_one() -> None:
    assert merged("isa") and merged("ofa") and merged("hima") and merged("awin")
    assert not merged("omi") and not merged("bu") and not merged("thft")
    assert _nonwords("the man isa good friend of mine") == {}
    assert _nonwords("Mr Trump gets awin before his planned visit") == {}


def test_no_reading_drops_a_letter(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dropped letter ("land" -> "and", session 33): the model likes a shorter common word."""
    text = "the new rules apparently do not bau outright the transfer"
    assert _nonwords(text) == {}
    assert _marks("conveyed by special tram to thou' destination in addition") == {}
    monkeypatch.setattr(ocr_shortslot, "NO_SHORTER", False)
    assert _nonwords(text) == {"bau": "an"}
    assert _marks("conveyed by special tram to thou' destination in addition") == {"thou'": "the"}


def test_known_words_are_not_read_here() -> None:
    assert _nonwords("do not ban outright the transfer") == {}


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("He was blowing tho' lad across the room.", "blowing the lad"),
        ("There was nothing bu* canvassing and tormenting.", "nothing but canvassing"),
        ("They had to bear their omi costs in the matter.", "their own costs"),
    ],
)
def test_read_in_a_garbled_page(text: str, expect: str) -> None:
    assert expect in repaired_after_page(text)[len(GARBLED) :]


def test_off_leaves_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_shortslot, "SLOT_MARK", False)
    monkeypatch.setattr(ocr_shortslot, "NON_WORDS", False)
    # session 42's edge-mark reader (repair.candidates.ocr_reach) reads "bu*" on its own
    from repair.candidates import ocr_reach
    from repair.candidates.ocr_glued import chunk_readings

    monkeypatch.setattr(ocr_reach, "EDGE_LETTERS", False)
    chunk_readings.cache_clear()
    out = repaired_after_page("There was nothing bu* canvassing and tormenting.")
    chunk_readings.cache_clear()
    assert "nothing but canvassing" not in out[len(GARBLED) :]
    out = repaired_after_page("They had to bear their omi costs in the matter.")
    assert "their own costs" not in out[len(GARBLED) :]


def test_clean_text_is_untouched() -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    text = "He said it was over, and the men went home. Nothing but rain fell on the town.\n"
    assert repair_text(text, config=RepairConfig()).text == text
