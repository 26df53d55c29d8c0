"""Session 38, ocrletter38: a lost or added letter, or an accented glyph, where no learned
confusion reaches (issue 12, :mod:`repair.candidates.ocr_letter`)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_deepreach, ocr_letter
from repair.pipeline import repair_text
from repair.tokenize import tokenize
from tests.test_ocr_cand38 import PAGE


@pytest.fixture
def letter_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_letter, "LETTER_REACH", True)


def _read(text: str, page: dict[str, int] | None = None) -> list[str]:
    return [c.replacement for c in ocr_letter.letter_candidates(text, 0, "nonword", page)]


def test_lost_and_added_letter(letter_on: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # an added letter alone is no evidence (old spellings: "foorth") ...
    assert _read("considerration") == []
    assert _read("coinsidéred") == ["considered"]  # ... beside an accented glyph it is
    monkeypatch.setattr(ocr_letter, "ADDED_LETTER", True)
    ocr_letter._readings.cache_clear()
    assert _read("considerration") == ["consideration"]  # an added letter
    assert _read("assistace") == ["assistance"]  # a lost one
    got = ocr_letter.letter_candidates("assistace")
    assert got[0].features["cost"] == ocr_letter.LETTER_COST
    assert got[0].features["subs"] == [["a", "an"]]  # the letter before, then it and the lost one
    assert ocr_letter.letter_candidates("considerration")[0].features["subs"] == [["er", "e"]]
    ocr_letter._readings.cache_clear()


def test_accented_glyph(letter_on: None) -> None:
    # the one accented glyph read as another letter: the commonest word first
    assert _read("beçin")[0] == "begin"
    cand = ocr_letter.letter_candidates("beçin")[0]
    assert cand.features["cost"] == ocr_letter.ACCENT_OTHER_COST


def test_shapes_and_known_forms(letter_on: None) -> None:
    # too short, a known form, mixed case, a mark: no reading
    for text in ("publ", "public", "coNsiderration", "consider4ation"):
        assert _read(text) == []


def test_capitalised_reads_only_names(letter_on: None) -> None:
    # "Different" is a word, not a name: a capitalised token is not read as it
    assert _read("Diffrent") == []
    assert _read("Sydey") == ["Sydney"]  # a period name
    # a name only the page holds (printed well elsewhere)
    assert _read("Wexcmbe") == []
    assert _read("Wexcmbe", {"Wexcombe": 1}) == ["Wexcombe"]


def test_flag_off(monkeypatch: pytest.MonkeyPatch) -> None:
    # the walk's lost-letter rows (ocr_channel.INDEL_ROWS, off by default; on, they) read
    # "Lawence" too: off here, so that only this module's reading is tested
    from repair.score import ocr_channel, ocr_table

    monkeypatch.setattr(ocr_letter, "LETTER_REACH", False)
    # the deep reach (session 40) reads the same tokens after this reader: "Lawrence" too
    monkeypatch.setattr(ocr_deepreach, "DEEP_REACH", False)
    monkeypatch.setattr(ocr_channel, "INDEL_ROWS", ())
    ocr_table._clear_caches()
    ocr_channel._windows.clear()
    ocr_channel._window_plans.clear()
    try:
        assert _read("assistace") == []
        page = PAGE.replace("His Worship", "Mr. Lawence")
        assert not any(e.original == "Lawence" for e in repair_text(page).edits)
    finally:
        monkeypatch.undo()
        ocr_table._clear_caches()
        ocr_channel._windows.clear()
        ocr_channel._window_plans.clear()


def test_in_pipeline(letter_on: None) -> None:
    page = PAGE.replace("His Worship", "Mr. Lawence")
    edits = repair_text(page).edits
    assert [e.replacement for e in edits if e.original == "Lawence"] == ["Lawrence"]


def test_broken_word() -> None:
    # half of a word broken at a line end without its hyphen: read with its other half
    toks = tokenize("under the Commän\nder-in-Chief of the force")
    i = next(k for k, t in enumerate(toks) if t.text == "Commän")
    assert ocr_letter.broken_word(toks, i)
    toks = tokenize("under the Commän\nof the force")
    i = next(k for k, t in enumerate(toks) if t.text == "Commän")
    assert not ocr_letter.broken_word(toks, i)


def test_lost_letter_only_on_heavy_pages(letter_on: None) -> None:
    # on a lightly garbled page a lost letter may be the author's slip ("cockroch") ...
    assert [c.replacement for c in ocr_letter.letter_candidates("assistace", heavy=False)] == []
    assert _read("assistace") == ["assistance"]
    # ... an accented glyph is no slip
    got = ocr_letter.letter_candidates("beçin", heavy=False)
    assert got and got[0].replacement == "begin"
