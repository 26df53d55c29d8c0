"""The synonym stages (spin, tortured, collocation) skip a page the ocr stage found
garbled: scanned print is not spinner output (19th-century news lost "dwelling" ->
"home" and "8" -> "eight" to them)."""

from repair import repair_text
from repair.stages import REGISTRY
from tests.conftest import SPUN_SEED
from tests.serve_fixture import OCR_PAGE


def test_synonym_stages_are_the_ones_that_skip_ocr_pages() -> None:
    assert {s.name for s in REGISTRY if s.skip_on_ocr} == {"spin", "tortured", "collocation"}


def test_a_garbled_page_gets_no_synonym_edits() -> None:
    text = OCR_PAGE + " The dwelling was sold whilst the assembly mentioned 8 lots.\n"
    res = repair_text(text)
    assert res.scores.details["ocr"]["garbled"] is True
    assert {"spin:ocr_garbled", "tortured:ocr_garbled", "collocation:ocr_garbled"} <= set(
        res.scores.skipped
    )
    assert {e.kind for e in res.edits} <= {"ocr", "hyphenation", "spacing"}
    assert any(e.kind == "ocr" for e in res.edits)


def test_a_spun_article_is_not_an_ocr_page() -> None:
    res = repair_text(SPUN_SEED.read_text(encoding="utf-8"))
    assert res.scores.details["ocr"]["garbled"] is False
    assert not any(s.endswith(":ocr_garbled") for s in res.scores.skipped)
    assert any(e.kind == "spin" for e in res.edits)
