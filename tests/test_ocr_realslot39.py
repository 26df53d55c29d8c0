"""Real-word prints read by their slot beyond the short words of heavy pages
(:mod:`repair.candidates.ocr_slot`, ``LONG`` and ``LIGHT_PAGES``; issue 12, session 39)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.candidates import ocr_slot
from repair.candidates.ocr_slot import slot_candidates
from repair.tokenize import tokenize


@pytest.fixture(autouse=True)
def _fresh_prices() -> Iterator[None]:
    ocr_slot.priced_slot_words.cache_clear()
    yield
    ocr_slot.priced_slot_words.cache_clear()


def _readings(text: str, light: bool = False) -> dict[str, str]:
    toks = tokenize(text)
    return {c.features["orig"][0]: c.replacement for c in slot_candidates(toks, [], light)}


NUTTER = "any future action by the police in the nutter will largely depend on him"
CONIC = "bound over in one surety to conic up for sentence if called upon"


def test_a_rare_long_print_is_read_by_its_slot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_slot, "LONG", True)
    assert _readings(NUTTER) == {"nutter": "matter"}
    assert _readings(CONIC) == {"conic": "come"}  # m read as "ni", e as "c": three edits
    # the reading is weighed as a real word's: the print's frequency is a prior
    toks = tokenize(NUTTER)
    (c,) = slot_candidates(toks, [])
    assert c.features["prior_per_zipf"] == ocr_slot.LONG_PRIOR_PER_ZIPF


def test_long_prints_the_slot_wants_or_common_ones_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_slot, "LONG", True)
    assert _readings("any future action by the police in the matter will largely depend") == {}
    assert _readings("the flutter of wings was heard in the garden") == {}
    # rare prints the slot wants as printed
    assert _readings("he was wearing a velvet jacket and a hat") == {}
    assert _readings("the rowers pulled hard against the tide") == {}
    assert _readings("Police in the Nutter case") == {}  # capitals: a name's shape
    # an ending dropped or added is the grammar's choice, not a glyph's
    assert _readings("export controls on rare earths and also soybeans") == {}


def test_long_prints_are_off_by_default() -> None:
    assert not ocr_slot.LONG
    assert _readings(NUTTER) == {}
    assert _readings(CONIC) == {}


def test_a_light_page_reads_the_slot_on_a_wider_margin(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "with a recurrence of pleurisy, is fn bed again, and it is unlikely"
    assert _readings(text, light=True) == {}  # off: light pages are not read
    monkeypatch.setattr(ocr_slot, "LIGHT_PAGES", True)
    assert _readings(text, light=True) == {"fn": "in"}
    toks = tokenize(text)
    (c,) = slot_candidates(toks, [], True)
    assert c.features["threshold"] == ocr_slot.LIGHT_THRESHOLD
    monkeypatch.setattr(ocr_slot, "LIGHT_PROPOSE", 50.0)
    assert _readings(text, light=True) == {}


def test_a_light_page_reads_only_where_no_other_reader_did(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from repair.types import Candidate

    monkeypatch.setattr(ocr_slot, "LIGHT_PAGES", True)
    text = "with a recurrence of pleurisy, is fn bed again, and it is unlikely"
    toks = tokenize(text)
    tok = next(t for t in toks if t.text == "fn")
    rival = Candidate(tok.start, tok.end, "fin", "ocr", "OCR_REALWORD", {"cost": 3.0})
    assert slot_candidates(toks, [rival], True) == []  # "all thom big fat ones": "them"
    assert [c.replacement for c in slot_candidates(toks, [rival])] == ["in"]  # heavy: ranked


LIGHT_PAGE = (
    "The Minister said ycsterday that the new bridge over the river would be opened in the "
    "spring. Mr Smith, who has been ill with a recurrence of pleurisy, is fn bed again, and "
    "it is unlikely that he will play in the match on Saturday. The commlttee met at the hall "
    "and discussed the arrangements for the annual show, which will be held in March. Tickets "
    "may be obtained from the sccretary at his office in George street, and the prlces will "
    "be as before. The band of the regiment will attend."
)


def test_a_light_page_in_the_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_shortword
    from repair.pipeline import repair_text

    # the rare-two-letter reader of light pages (session 42) reads "fn" too: the slot alone
    monkeypatch.setattr(ocr_shortword, "GARBLED_PAGES", False)
    pairs = {(e.original, e.replacement) for e in repair_text(LIGHT_PAGE).edits}
    assert ("ycsterday", "yesterday") in pairs  # the gate is open ...
    assert ("fn", "in") not in pairs  # ... and the slot is not read (off)
    monkeypatch.setattr(ocr_slot, "LIGHT_PAGES", True)
    pairs = {(e.original, e.replacement) for e in repair_text(LIGHT_PAGE).edits}
    assert ("fn", "in") in pairs
