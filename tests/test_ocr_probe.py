"""The probe of shut pages: clear readings in context open the garble gate (issue 12)."""

from __future__ import annotations

import pytest

import repair.detect.ocr_probe as probe
from repair.config import RepairConfig
from repair.detect.ocr import detect_ocr, is_garbled
from repair.pipeline import repair_text
from repair.stages.ocr import STAGE
from repair.tokenize import tokenize

# a lightly garbled column in the manner of a 1940s newspaper: four OCR errors in 68
# words, too few shape patterns for the gate
OCR = """The council had no con-
ception of the hate Avhich was
growing in the little towns of the
district, said the Moderator of the
Church at a meeting of the clergy
in the hall yesterday. When he flrst
came to this district, after the ivar
ended, the church leadirs held a
conference in the town. The work
of the council will be continued
by the committee this year."""
CLEAN = (
    OCR.replace("Avhich", "which")
    .replace("flrst", "first")
    .replace("ivar", "war")
    .replace("leadirs", "leaders")
)
CONFIG = RepairConfig(spin=False, tortured=False)


def _probe(text: str) -> tuple[bool, int, bool]:
    toks = tokenize(text)
    det = detect_ocr(text, toks)
    return is_garbled(det), probe.clear_readings(toks, det), probe.probe_opens(text, toks, det)


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(e.original, e.replacement) for e in repair_text(text, config=CONFIG).edits]


def test_clear_readings_open_a_shut_page() -> None:
    gate, clear, opens = _probe(OCR)
    assert not gate
    assert clear == 4
    assert opens
    assert probe.gate_opens(OCR)
    det = STAGE.detect(_doc(OCR))
    assert det.details["garbled"] and det.details["probe_opened"]


def _doc(text: str):  # type: ignore[no-untyped-def]
    from repair.document import Document

    return Document(text, config=CONFIG)


def test_opened_page_gets_its_errors_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = _pairs(OCR)
    assert ("ivar", "war") in pairs and ("Avhich", "which") in pairs
    monkeypatch.setattr(probe, "PROBE", False)
    assert ("ivar", "war") not in _pairs(OCR)  # the light path alone leaves it


def test_clean_text_stays_shut_and_unchanged() -> None:
    gate, clear, opens = _probe(CLEAN)
    assert (gate, clear, opens) == (False, 0, False)
    assert _pairs(CLEAN) == [("con-\nception", "conception")]


def test_names_read_as_names_do_not_count() -> None:
    text = (
        "Mr. Joff Smith and Wilf Brown met at the hall in the town on Monday, where "
        "they spoke of the farm and the wwoofers who work there in the summer."
    )
    gate, _clear, opens = _probe(text)
    assert not gate and not opens
    assert probe.clear_readings(tokenize("Joff met Jeff"), detect_ocr("Joff met Jeff")) == 0


def test_a_form_the_page_repeats_is_its_own_word() -> None:
    text = "The leadirs met. The leadirs spoke. The leadirs left the hall at noon."
    toks = tokenize(text)
    assert probe.clear_readings(toks, detect_ocr(text, toks)) == 0
    once = "The leadirs met in the hall at noon and spoke of the town."
    toks = tokenize(once)
    assert probe.clear_readings(toks, detect_ocr(once, toks)) == 1


def test_a_long_text_needs_its_share() -> None:
    long = OCR + ("\n\nThe committee met in the hall and spoke of the work of the year." * 150)
    gate, clear, opens = _probe(long)
    assert not gate and clear == 4
    assert not opens


def test_switch_off_never_opens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(probe, "PROBE", False)
    assert not probe.gate_opens(OCR)


def test_column_print() -> None:
    column = "\n".join(["the council met in the hall yesterday and spoke"] * 12)
    assert probe.column_print(column)
    assert probe.column_print(OCR)  # hard-wrapped lines fill the column
    long_lines = "\n".join(["the council met in the hall yesterday and spoke of it " * 3] * 12)
    assert not probe.column_print(long_lines)
    lines = ["ARTHUR: Ni!", "KNIGHTS: Ni! Ni! Ni! Ni! Ni! Ni! and so on and on", "OK."]
    script = "\n".join(lines * 4)
    assert not probe.column_print(script)  # short lines that do not fill a column
    assert not probe.column_print("one\ntwo\nthree")


def test_word_readings_outside_a_column() -> None:
    from repair.candidates.ocr_rules import cand

    mark = cand(0, 2, "", "OCR_STRAY_MARK", finding="edge_speck", fixed=0.8)
    word = cand(3, 8, "which", "OCR_CONFUSION", finding="nonword")
    flowing = "A paragraph of flowing text that is not set in a column at all."
    assert probe.word_readings(flowing, [mark, word]) == [word]
    assert probe.word_readings(OCR, [mark, word]) == [mark, word]


def test_only_column_print_is_probed(monkeypatch: pytest.MonkeyPatch) -> None:
    flowing = " ".join(OCR.replace("-\n", "").split("\n"))  # the same words, one long line
    toks = tokenize(flowing)
    det = detect_ocr(flowing, toks)
    assert probe.clear_readings(toks, det) == 4
    assert not probe.probe_opens(flowing, toks, det)
    monkeypatch.setattr(probe, "COLUMN_ONLY", False)
    assert probe.probe_opens(flowing, toks, det)


def test_foreign_text_is_not_probed() -> None:
    german = OCR.replace("the church", "die Kirche und der").replace("of the", "von der")
    toks = tokenize(german)
    assert not probe.probe_opens(german, toks, detect_ocr(german, toks))


def test_a_gate_set_by_the_caller_is_not_probed() -> None:
    from repair.document import Document

    det = STAGE.detect(Document(OCR, config=RepairConfig(ocr_realword_min_garble=0.5)))
    assert not det.details["garbled"] and "probe_opened" not in det.details
