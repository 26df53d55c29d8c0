"""A word piece glued to a non-ASCII symbol inside one run of letters ("DrÃ¥ber", ftfy's
ambiguous-mojibake negative) is no OCR finding: no reading of the piece restores the run."""

from repair import repair_text
from repair.detect.ocr import detect_ocr

NEGATIVE = "Bremer/Mccoy – DrÃ¥ber"


def _finding_texts(text: str) -> list[str]:
    return [text[f.start : f.end] for f in detect_ocr(text).findings if f.kind == "ocr"]


def test_piece_after_symbol_in_letter_run_is_no_finding() -> None:
    assert "ber" not in _finding_texts(NEGATIVE)


def test_ftfy_negative_comes_out_unchanged() -> None:
    assert repair_text(NEGATIVE).text == NEGATIVE


def test_spaced_symbol_does_not_hide_a_garbled_word() -> None:
    # the symbol stands alone, so the word after it is read as usual
    text = "Price ¥ tbe same as before, and tbe rest."
    assert "tbe" in _finding_texts(text)


def test_hyphen_mark_is_not_a_symbol_run() -> None:
    # "¬" is some OCR engines' line-end hyphen: its pieces stay readable
    from repair.detect.ocr import _in_symbol_run
    from repair.tokenize import tokenize

    for glue, expected in (("¬", False), ("¥", True)):
        toks = tokenize(f"the recentlv{glue}ber news")
        i = next(k for k, t in enumerate(toks) if t.text == "ber")
        assert _in_symbol_run(toks, i, len(toks)) is expected
