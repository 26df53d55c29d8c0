"""The detector's word gate on capitalised and mixed-case forms (issue 12): accented
capitalised garble is a finding; real mixed-case forms and accented names never are,
and a heavily garbled page keeps them."""

from __future__ import annotations

import pytest

from repair.detect.ocr import accented_capital_garble, detect_ocr
from repair.pipeline import repair_text

REAL_FORMS = (
    "IoT",
    "iPhone",
    "pH",
    "mRNA",
    "McDonald",
    "MacArthur",
    "DeVries",
    "TikTok",
    "O'Brien",
    "GmbH",
)
ACCENTED_NAMES = ("Schäfer", "Gödel", "Brontë", "José", "Müller", "Dvořák", "Café", "Zürich")

HEAVY = (
    "Tho potition was hoard by tho Court yestorday, whon tho husband and tho\n"
    "witnessos wero callod. Mr. McDonald and Mr. MacArthur of tho firm DeVries GmbH,\n"
    "with Mr. O'Brien, said tho IoT dovices, tho iPhone and TikTok aro not tho pH or\n"
    "mRNA tosts. Mr. Schäfer and Mr. Müller of Zürich wero callod, and tho Café.\n"
)


@pytest.mark.parametrize("word", ["Îrinclpal", "TEODÜCE", "CiIAIíGING", "WïIlNPSDAÏ", "Föderal"])
def test_accented_capital_garble_is_flagged(word: str) -> None:
    assert accented_capital_garble(word)
    reasons = {f.reason for f in detect_ocr(f"the {word} was here").findings}
    assert "accented_nonword" in reasons


@pytest.mark.parametrize("word", ACCENTED_NAMES + ("Éire", "Côte"))
def test_accented_names_and_words_are_not(word: str) -> None:
    assert not accented_capital_garble(word)


@pytest.mark.parametrize("word", REAL_FORMS)
def test_real_mixed_case_forms_get_no_finding(word: str) -> None:
    text = f"the {word} was here"
    start = text.index(word)
    assert not [f for f in detect_ocr(text).findings if f.start == start and f.kind == "ocr"]


def test_heavy_page_keeps_real_forms_and_names() -> None:
    out = repair_text(HEAVY).text
    assert "potition" not in out  # the page is read as garbled
    for word in REAL_FORMS + ("Schäfer", "Müller"):
        assert word in out, word
