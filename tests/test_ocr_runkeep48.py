"""A capitalised word inside a title-case run that the page prints again is kept
(``repair.score.ocr_capkeep.RUN_KEEP``, session 48, ocrnames48)."""

from repair.score import ocr_capkeep
from repair.types import Edit

TEXT = (
    "Police are interrogating Saud Abdulaziz Saud al-Rasheed about the plot, and the\n"
    "court heard that Saud had travelled.  Sand was found on the car."
)


def _edits(text: str = TEXT, word: str = "Saud", read: str = "Sand") -> list[Edit]:
    i = text.index(word)
    return [Edit(i, len(word), word, read, "ocr", 0.9, "OCR_CONFUSION")]


def test_run_keep_keeps_a_printed_name_in_a_run(monkeypatch):
    monkeypatch.setattr(ocr_capkeep, "RUN_KEEP", True)
    assert ocr_capkeep.keep(TEXT, _edits(), garble=0.2) == []


def test_run_keep_off_reads_it(monkeypatch):
    monkeypatch.setattr(ocr_capkeep, "RUN_KEEP", False)
    assert ocr_capkeep.keep(TEXT, _edits(), garble=0.2) == _edits()


def test_run_keep_needs_a_second_printing(monkeypatch):
    monkeypatch.setattr(ocr_capkeep, "RUN_KEEP", True)
    once = "Police are interrogating Saud Abdulaziz about the plot."
    assert ocr_capkeep.keep(once, _edits(once), garble=0.2) == _edits(once)


def test_run_keep_needs_a_known_form(monkeypatch):
    monkeypatch.setattr(ocr_capkeep, "RUN_KEEP", True)
    text = "the Crown Lnnd Office and the Crown Lnnd Board met."
    edits = _edits(text, "Lnnd", "Land")
    assert ocr_capkeep.keep(text, edits, garble=0.2) == edits


def test_in_title_run() -> None:
    t = "on the Nauen Plain. Names of towns."
    assert ocr_capkeep.in_title_run(t, t.index("Nauen"), t.index("Nauen") + 5)
    assert not ocr_capkeep.in_title_run(t, t.index("Names"), t.index("Names") + 5)
