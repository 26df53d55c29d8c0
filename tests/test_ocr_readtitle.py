"""A garbled title the page reads as a title opens a surname's slot (session 58, ocrbroken)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_readtitle, ocr_surname
from repair.candidates.ocr_rules import cand
from repair.tokenize import tokenize

TEXT = "and Mra. Bussell, Sfrt John Doak and the Desk"


def _setup() -> tuple[list, dict[int, int]]:
    toks = tokenize(TEXT)
    return toks, {t.start: i for i, t in enumerate(toks)}


def test_read_titles() -> None:
    toks, by_start = _setup()
    got = ocr_readtitle.read_titles(
        toks,
        by_start,
        [
            cand(4, 7, "Mrs", "OCR_CONFUSION"),
            cand(18, 22, "Sgt", "OCR_DOC_WORD"),
            cand(37, 40, "tho", "OCR_CONFUSION"),
        ],  # fmt: skip
    )
    assert sorted(toks[j].text for j in got) == ["Mra", "Sfrt"]


def test_slot_needs_a_read_title() -> None:
    toks, by_start = _setup()
    i = next(k for k, t in enumerate(toks) if t.text == "Bussell")
    assert not ocr_surname.surname_slot(toks, i)  # the printed "Mra" is no title
    assert not ocr_readtitle.read_title_slot(toks, i, frozenset())
    titled = ocr_readtitle.read_titles(toks, by_start, [cand(4, 7, "Mrs", "OCR_CONFUSION")])
    assert ocr_readtitle.read_title_slot(toks, i, titled)
    desk = next(k for k, t in enumerate(toks) if t.text == "Desk")
    assert not ocr_readtitle.read_title_slot(toks, desk, titled)  # after "the"


def test_no_slot_across_a_stop() -> None:
    toks = tokenize("Sfrt John. Doak came")
    by_start = {t.start: i for i, t in enumerate(toks)}
    titled = ocr_readtitle.read_titles(toks, by_start, [cand(0, 4, "Sgt", "OCR_CONFUSION")])
    doak = next(k for k, t in enumerate(toks) if t.text == "Doak")
    assert not ocr_readtitle.read_title_slot(toks, doak, titled)


@pytest.mark.parametrize("flag", [True, False])
def test_surnames_kept_after_read_titles(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(ocr_surname, "SURNAME_KEEP", True)
    monkeypatch.setattr(ocr_readtitle, "READ_TITLE_SLOT", flag)
    toks, by_start = _setup()
    mrs = cand(4, 7, "Mrs", "OCR_CONFUSION")
    sgt = cand(18, 22, "Sgt", "OCR_DOC_WORD")
    russell = cand(9, 16, "Russell", "OCR_CONFUSION")
    desk = cand(28, 32, "Desk", "OCR_CONFUSION")
    duck = cand(41, 45, "Duck", "OCR_CONFUSION")  # "the Desk": no surname's slot
    got = ocr_surname.keep_surnames(toks, by_start, [mrs, sgt, russell, desk, duck])
    assert got == ([mrs, sgt, duck] if flag else [mrs, sgt, russell, desk, duck])
