"""Session 55 (speedocr, issue 14): where a head stands alone on the page is read from one
index of the page's words (``ocr_losthead.HEAD_PLACES``), not a scan of every token a
question, and the channel reading of a join takes the page's names by length
(``ocr_garbledhead.NAME_LENGTHS``); the same answers either way."""

from __future__ import annotations

from collections import Counter

import pytest

from repair.candidates import ocr_garbledhead, ocr_losthead
from repair.tokenize import tokenize
from repair.types import Token

PAGE = (
    "Xi spoke. Xitold them. Xi\ntold the Hamilton team. Hamil said so. Then Hamil\n"
    "ton of coal. Alfred Smith came. Mr. Al\nfred Smith spoke. Mr. Al\nfred left. "
    "tho Gardens at Prank\nfort, and lho Cn airman said. Prank came. at Prank\nfort, and "
    "future James II\nand VII of England. Morrice came. Mor\nrice"
)


class _Reads(list):  # type: ignore[type-arg]
    """A token list that counts the tokens read by index."""

    reads = 0

    def __getitem__(self, k):  # type: ignore[no-untyped-def]
        _Reads.reads += 1
        return super().__getitem__(k)


def _scan(toks: list[Token], text: str) -> list[int]:
    return [k for k, t in enumerate(toks) if t.kind == "word" and t.text == text]


def test_word_places_are_the_scan() -> None:
    toks = tokenize(PAGE)
    places = ocr_losthead.WordPlaces(toks)
    for text in {t.text for t in toks} | {"absent", ""}:
        assert places.of(text) == _scan(toks, text)


def test_head_alone_same_with_the_index() -> None:
    toks = tokenize(PAGE)
    places = ocr_losthead.WordPlaces(toks)
    words = {t.text for t in toks if t.kind == "word"}
    asked = 0
    for head in words:
        for tail in ("told", "ton", "fred", "fort", "and", "rice", "came", "absent"):
            got = ocr_losthead._head_alone(toks, head, tail, places)
            assert got == ocr_losthead._head_alone(toks, head, tail)
            asked += got
    assert asked  # some heads stand alone


def test_head_alone_reads_only_the_heads_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    # fails with HEAD_PLACES off: every token of the page is read a question
    monkeypatch.setattr(ocr_losthead, "HEAD_PLACES", True)
    toks = _Reads(tokenize(PAGE))
    places = ocr_losthead._places(toks, None)
    assert places is not None
    places.of("Xi")  # built on the first question (iteration, not reads by index)
    _Reads.reads = 0
    assert ocr_losthead._head_alone(toks, "Prank", "fort", places)
    assert _Reads.reads < len(toks) // 4


def test_off_is_the_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_losthead, "HEAD_PLACES", False)
    toks = _Reads(tokenize(PAGE))
    assert ocr_losthead._places(toks, None) is None
    _Reads.reads = 0
    assert ocr_losthead._head_alone(toks, "Prank", "fort", None)
    assert _Reads.reads >= len(toks) // 2


def test_one_index_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    # restore_heads builds one index and both readers ask it (fails off: no index is built)
    monkeypatch.setattr(ocr_losthead, "HEAD_PLACES", True)
    monkeypatch.setattr(ocr_garbledhead, "GARBLED_HEAD", True)
    built: list[int] = []
    real = ocr_losthead.WordPlaces.__init__

    def init(self: ocr_losthead.WordPlaces, toks: list[Token]) -> None:
        built.append(len(toks))
        real(self, toks)

    monkeypatch.setattr(ocr_losthead.WordPlaces, "__init__", init)
    ocr_losthead.restore_heads(tokenize(PAGE), [])
    assert len(built) == 1


@pytest.mark.parametrize("garbled", [True, False])
def test_restore_heads_same_on_and_off(garbled: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_garbledhead, "GARBLED_HEAD", garbled)
    monkeypatch.setattr(ocr_garbledhead, "TWO_WORDS_STAY", False)
    toks = tokenize(PAGE)
    got = {}
    for flag in (True, False):
        monkeypatch.setattr(ocr_losthead, "HEAD_PLACES", flag)
        got[flag] = [
            (e.offset, e.original, e.replacement) for e in ocr_losthead.restore_heads(toks, [])
        ]
    assert got[True] == got[False]
    assert got[True]  # the page has names in pieces to read


def test_head_places_ships_on() -> None:
    assert ocr_losthead.HEAD_PLACES


NAMES = Counter(
    {"Murrumburrah": 2, "Frankfort": 1, "Chairman": 3, "Yeomen": 1, "Morrice": 2, "Murrumbidgee": 1}
)


def test_page_words_by_length_are_the_walk() -> None:
    by_len = ocr_garbledhead.name_lengths(NAMES)
    for joined in ("munumburrah", "prankfort", "cnairman", "yeomon", "x", "morrico"):
        got = ocr_garbledhead._page_words(joined, NAMES, by_len)
        assert sorted(got) == sorted(ocr_garbledhead._page_words(joined, NAMES))


@pytest.mark.parametrize(
    ("head", "tail"),
    [("Mun", "umburrah"), ("Prank", "fort"), ("Cn", "airman"), ("Yeo", "mon"), ("Mor", "rico")],
)
def test_reading_same_with_the_lengths(head: str, tail: str) -> None:
    by_len = ocr_garbledhead.name_lengths(NAMES)
    want = ocr_garbledhead.reading(head, tail, NAMES)
    assert ocr_garbledhead.reading(head, tail, NAMES, by_len) == want


def test_reading_reads_a_page_name_through_the_lengths() -> None:
    by_len = ocr_garbledhead.name_lengths(NAMES)
    assert ocr_garbledhead.reading("Mun", "umburrah", NAMES, by_len) == "Murrumburrah"


@pytest.mark.parametrize("flag", [True, False])
def test_garbled_heads_pass_the_lengths(flag: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    # fails with NAME_LENGTHS off (no index passed)
    monkeypatch.setattr(ocr_garbledhead, "NAME_LENGTHS", flag)
    seen: list[object] = []
    real = ocr_garbledhead.reading

    def spy(head, tail, names, by_len=None):  # type: ignore[no-untyped-def]
        seen.append(by_len)
        return real(head, tail, names, by_len)

    monkeypatch.setattr(ocr_garbledhead, "reading", spy)
    toks = tokenize("the Murrumburrah show. At Mun umburrah, and lho Cn airman said")
    out = ocr_garbledhead.garbled_heads(toks, ocr_losthead.page_names(toks), [])
    assert {e.replacement for e in out} >= {"Chairman"}
    assert seen and all((b is not None) is flag for b in seen)


def test_name_lengths_ships_on() -> None:
    assert ocr_garbledhead.NAME_LENGTHS
