"""Session 37 (ocrlight37): light pages keep their typed forms (issue 12).

Each guard sits behind a module-level flag; each test fails with its flag off.
"""

from __future__ import annotations

import pytest

from repair.candidates import ocr, ocr_glued, ocr_marks, ocr_possessive
from repair.candidates.ocr_rules import cand
from repair.tokenize import tokenize

PLAY = (
    "Shut up!\nARTHUR: Have at you! Run away!\nKNIGHT: No! Not that! Who goes there?\n"
    "MAN: Agh!, the gir!, crystal thing."
)


def _glued(text: str) -> set[tuple[str, str]]:
    return {
        (text[c.start : c.end], c.replacement) for c in ocr_glued.glued_candidates(tokenize(text))
    }


@pytest.mark.parametrize("flag", [True, False])
def test_typed_stops_keep_exclamations(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(ocr_glued, "TYPED_STOPS", flag)
    found = _glued(PLAY)
    misread = {("you!", "your"), ("No!", "Not"), ("Agh!,", "Agh,")}
    if flag:
        assert not found & misread
        assert ("gir!,", "girl,") in found  # a "!" after a non-word may still be an "l"
    else:
        assert found & misread


def test_typed_stops_page_needs_the_habit() -> None:
    assert ocr_glued.typed_stops_page(tokenize(PLAY))
    assert not ocr_glued.typed_stops_page(tokenize("The stil! water ran. It was wel! done."))


def test_typed_trail_interrobang() -> None:
    assert ocr_glued._typed_trail("Camelot?!") == [7, 8]
    assert ocr_glued._typed_trail("gir!,") == []
    assert ocr_glued._typed_trail("you!") == [3]


def _lone(text: str) -> list[str]:
    return [text[c.start : c.end] for c in ocr_marks.lone_mark_candidates(tokenize(text))]


@pytest.mark.parametrize("flag", [True, False])
def test_typed_page_keeps_lone_stop(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(ocr_glued, "TYPED_STOPS", flag)
    text = PLAY + "\nDUDE: I am going to kill you !\nLADY: Thank you."
    assert any("!" in x for x in _lone(text)) is not flag


@pytest.mark.parametrize("flag", [True, False])
def test_list_marks(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(ocr_marks, "LIST_MARKS", flag)
    bullets = "By 2020:\n• A global network\n• English will rule\n• Virtual reality grows"
    rated = "Good stuff. ***\nNice fruit. *\nSoft and sweet. **\nOdd finish. *\nTop wine. ***"
    for text in (bullets, rated):
        assert bool(_lone(text)) is not flag
    # a speck that the page does not print as a list is still deleted
    assert _lone("the policy of\n• the Water Board")


@pytest.mark.parametrize("flag", [True, False])
def test_light_possessive(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(ocr_possessive, "KEEP_POSSESSIVE_LIGHT", flag)
    text = "an infected computer's mailbox"
    s = text.index("computer's")
    c = cand(s, s + len("computer's"), "computers", "OCR_CONFUSION", finding="nonword")
    kept = ocr_possessive.keep_possessives([c], text, light=True)
    assert (kept == []) is flag
    assert ocr_possessive.keep_possessives([c], text, light=False) == [c]  # heavy pages
    wa = "development. WA's Minister"
    s = wa.index("WA's")
    c2 = cand(s, s + 4, "WArs", "OCR_STRAY_MARK", finding="glued_mark")
    assert (ocr_possessive.keep_possessives([c2], wa, light=True) == []) is flag


def test_hyphen_name_shape() -> None:
    toks = tokenize("But Ian Hore-Lacy from the Uranium Centre")
    i = next(k for k, t in enumerate(toks) if t.text == "Hore")
    assert ocr._hyphen_name(toks, i)
    # a second piece, or a first piece before a non-word, is no double-barrelled name
    toks = tokenize("Eternal Hymn-Eternal Hope-Merey for Ever, the Govemors-Goneral")
    for w in ("Merey", "Hope", "Govemors"):
        i = next(k for k, t in enumerate(toks) if t.text == w)
        assert not ocr._hyphen_name(toks, i)


@pytest.mark.parametrize("flag", [True, False])
def test_hyphen_names_kept(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(ocr, "HYPHEN_NAMES", flag)
    text = "But Ian Hore-Lacy from the Uranium Information Centre"
    toks = tokenize(text)
    by_start = {t.start: k for k, t in enumerate(toks)}
    s = text.index("Hore")
    c = cand(s, s + 4, "Here", "OCR_CONFUSION", finding="capitalized_unknown")
    assert (ocr._keep_hyphen_names(toks, by_start, [c]) == []) is flag


@pytest.mark.parametrize(
    ("flag", "chunk", "bad"),
    [
        ("REAL_CITED_SINGLE", "'ni'", "air"),
        ("REAL_BRACKETS", "[howl]", "[howls"),
        ("REAL_DOUBLE_HYPHEN", "test--to", "tests-to"),
        ("REAL_CAPITAL_HYPHEN", "Retin-A", "RetinA"),
    ],
)
def test_real_forms(monkeypatch: pytest.MonkeyPatch, flag: str, chunk: str, bad: str) -> None:
    text = f"They say the {chunk} at will"
    monkeypatch.setattr(ocr_glued, flag, False)
    ocr_glued.chunk_readings.cache_clear()
    off = {r for _c, r in _glued(text)}
    monkeypatch.setattr(ocr_glued, flag, True)
    ocr_glued.chunk_readings.cache_clear()
    on = {r for _c, r in _glued(text)}
    assert bad in off
    assert bad not in on


@pytest.mark.parametrize("flag", [True, False])
def test_page_compounds(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    from repair.candidates import ocr_closedsplit
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    monkeypatch.setattr(ocr, "PAGE_COMPOUNDS", flag)
    # "redtape" is also a closed compound the web prints (session 52's CLOSED_SPLIT keeps
    # it alone): off here, so that this test measures the page's repeated compound
    monkeypatch.setattr(ocr_closedsplit, "CLOSED_SPLIT", False)
    text = (
        "We must cut the redtape that holds back our schools, and tbe states must do tbeir "
        "part. Tho people want less redtape and more jobs, and they want thc government to "
        "act this ycar. We wi1l work with the Congress to pass tbe bill before tbe end of "
        "the session."
    )
    out = repair_text(text, config=RepairConfig(spin=False, tortured=False)).text
    assert ("red tape" not in out) is flag
    assert "the government" in out  # the page's misreadings are still read
    assert not ocr._content_pair(("of", "the"))


@pytest.mark.parametrize("flag", [True, False])
def test_edge_i_after_closed_stop(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(ocr_marks, "EDGE_STOP_I_CLOSED", flag)
    for text in ("will be done. (Applause.)\nI thank the Congress", "I take the oath"):
        toks = tokenize(text)
        found = [c for c in ocr_marks.edge_speck_candidates(toks) if "I" in text[c.start : c.end]]
        assert (found == []) is flag


@pytest.mark.parametrize("flag", [True, False])
def test_elongated_words(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(ocr, "ELONGATED", flag)
    text = "ROBIN: I don't know that!  Auuuuuuuugh! and aooordingly"
    s = text.index("Auuu")
    c = cand(s, s + len("Auuuuuuuugh"), "Aunuuuuuugh", "OCR_NAME", finding="nonword")
    s2 = text.index("aooordingly")
    c2 = cand(s2, s2 + len("aooordingly"), "accordingly", "OCR_CONFUSION", finding="nonword")
    assert (ocr._keep_elongated(text, [c, c2]) == [c2]) is flag  # "ooo" is old print's "cco"


@pytest.mark.parametrize("flag", [True, False])
def test_lone_quoted_stop(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(ocr_marks, "LONE_QUOTED_STOP", flag)
    text = 'what shall it profit a man to gain the world, and lose his own soul ?"\nThere is'
    assert bool(_lone(text)) is not flag


@pytest.mark.parametrize("flag", [True, False])
def test_hyphen_chains(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(ocr, "HYPHEN_CHAINS", flag)
    text = "say ecky-ecky-ecky-pikang-zoop-boing-goodem now, a well-knowm man"
    toks = tokenize(text)
    by_start = {t.start: k for k, t in enumerate(toks)}
    s = text.index("boing")
    c = cand(s, s + 5, "being", "OCR_CONFUSION", finding="page_habit")
    s2 = text.index("knowm")
    c2 = cand(s2, s2 + 5, "known", "OCR_CONFUSION", finding="nonword")
    assert (ocr._keep_hyphen_chains(toks, by_start, [c, c2]) == [c2]) is flag


@pytest.mark.parametrize("flag", [True, False])
def test_apostrophe_names(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(ocr_glued, "REAL_APOSTROPHE_NAMES", flag)
    text = "Yo, Cam'ron be doin' some stuff. So if Cam'ron asked you to go"
    assert (not any(o == "Cam'ron" for o, _r in _glued(text))) is flag
