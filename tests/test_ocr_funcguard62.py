"""Session 62 (funcguard): a print that is itself a word is read one spot away
(``ocr_funcspot``) only past the guards of ``ocr_funcspot.GUARD``: no merge of two common
words, no near-certain reading of another search, and context beyond the frequency prior.
The prints are the speed suite's synthetic OCR text (``repair/bench/speed.py``), where
every spot reading without the guard was wrong."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_funcspot, ocr_slot


@pytest.fixture
def spot(monkeypatch: pytest.MonkeyPatch):
    """Set ``FUNC_SPOT`` on and ``GUARD`` as asked, the memos cleared before and after."""

    clear = ocr_funcspot.clear_memos

    def set_to(guard: bool) -> None:
        clear()
        monkeypatch.setattr(ocr_funcspot, "FUNC_SPOT", True)
        monkeypatch.setattr(ocr_funcspot, "GUARD", guard)

    yield set_to
    clear()


def _word(text: str, left: list[str], right: list[str], rivals=()) -> str | None:
    found = ocr_slot._slot_reading(text, left, right, tuple(rivals), None)
    return None if found is None else found[0]


#: "Bart1ett has launcheda last-minute bid tore-⏎scue": "bid" is right; "and" gains only
#: its frequency (the context adds nothing).
BID = ("bid", ["minute"], ["tore"], [("hid", 1.62), ("bill", 1.92), ("old", 3.03)])
#: "the stern old farmer would bum thc stubble": the tables read "burn" at 0.3 nats.
BUM = ("bum", ["farmer", "would"], ["thc", "stubble"], [("burn", 0.3), ("hum", 1.62)])


@pytest.mark.parametrize("case", [BID, BUM], ids=["in-context", "sure-rival"])
def test_real_word_prints_are_guarded(spot, case) -> None:
    text, left, right, rivals = case
    spot(False)
    assert _word(text, left, right, rivals) in {"and", "be"}  # the wrong spot reading
    spot(True)
    assert _word(text, left, right, rivals) is None


def test_a_merge_of_two_common_words_is_left_to_the_split_readers(spot) -> None:
    assert ocr_funcspot._splits_common("asa")  # "as a"
    assert not ocr_funcspot._splits_common("tim")
    spot(True)
    assert not ocr_funcspot.stands("asa", "and", ["its", "status"], ["financial", "cultural"])
    spot(False)
    assert ocr_funcspot.stands("asa", "and", ["its", "status"], ["financial", "cultural"])


def test_out_of_context_prints_are_still_read(spot) -> None:
    """The proxy dev's right readings stand where the context carries them: "The money
    won alleged to" -> was, "met hu death" -> his (words as printed, out of context)."""
    spot(True)
    assert ocr_funcspot.stands("won", "was", ["the", "money"], ["alleged", "to"])
    assert ocr_funcspot.stands("hu", "his", ["copp", "met"], ["death", "by"])
