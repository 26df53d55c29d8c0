"""Session 65 (speedocr, issue 14): two exact cuts of the OCR path.

``ocr_heavyjoin.CHEAP_FIRST``: the heavy join asks its garble test first, once a token, and
each joined string's readings once a call.  ``ocr_docname.BY_LENGTH``: ``best_name`` reads
only the page's names of a length within its reach.  The same candidates either way."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from repair.candidates import ocr_docname, ocr_heavyjoin
from repair.tokenize import tokenize

WORDS = (
    "the deaths were recorded during week crowd attracted show appointed office railway "
    "line bright sunshine day close of at in and to a was he it by piece"
).split()


def _garble(rng: random.Random, word: str) -> str:
    chars = list(word)
    for _ in range(rng.randint(1, 2)):
        k = rng.randrange(len(chars))
        chars[k] = rng.choice("abcdefghijklmnopqrstuvwxyzilrn")
    return "".join(chars)


def _heavy_pages() -> list[str]:
    rng = random.Random(65)
    pages = [
        "The deaths ra\ncorded during the week were",
        "the crowd was at\ntrscted by the show",
        "he was ap\npo nted to the office",
        "a piece of rall\nw aj and the line",
        "in the bright bun\nshine of the day",
        "at the close\nol the day",
        "the deaths ra corded during the week",
        "ra\ncorded ra\ncorded and ra\ncorded again",
        "",
        "x",
    ]
    for _ in range(40):
        out = []
        for _ in range(rng.randint(5, 30)):
            w = rng.choice(WORDS)
            r = rng.random()
            if r < 0.25 and len(w) >= 4:
                k = rng.randint(1, len(w) - 1)
                w = w[:k] + rng.choice(["\n", " ", "\n "]) + _garble(rng, w[k:])
            elif r < 0.45:
                w = _garble(rng, w)
            elif r < 0.5:
                w = w.capitalize()
            out.append(w)
        pages.append(" ".join(out) + rng.choice(["", ".", ",", "-"]))
    return pages


def _heavy(text: str, on: bool, flagged_share: float = 0.0) -> str:
    toks = tokenize(text)
    rng = random.Random(len(text))
    flagged = frozenset(t.start for t in toks if t.kind == "word" and rng.random() < flagged_share)
    old = ocr_heavyjoin.CHEAP_FIRST
    ocr_heavyjoin.CHEAP_FIRST = on
    try:
        return repr(ocr_heavyjoin.heavy_join_candidates(toks, flagged))
    finally:
        ocr_heavyjoin.CHEAP_FIRST = old


@pytest.mark.parametrize("share", [0.0, 0.3])
def test_heavy_join_same_candidates(share: float) -> None:
    found = 0
    for text in _heavy_pages():
        got = _heavy(text, True, share)
        assert got == _heavy(text, False, share), text
        found += got != "[]"
    assert found >= 5


@pytest.mark.parametrize("on", [True, False])
def test_heavy_join_asks_once(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    """On, a repeated joined string is read once and the garble test asked once a token;
    off (main's order), once a run."""
    monkeypatch.setattr(ocr_heavyjoin, "CHEAP_FIRST", on)
    monkeypatch.setattr(ocr_heavyjoin, "SAME_LINE_PRIOR", False)
    reads: Counter[str] = Counter()
    tests: Counter[str] = Counter()
    real_readings, real_garbled = ocr_heavyjoin._readings, ocr_heavyjoin._garbled

    def readings(low: str) -> tuple:
        reads[low] += 1
        return real_readings(low)

    def garbled(piece: str) -> bool:
        tests[piece] += 1
        return real_garbled(piece)

    monkeypatch.setattr(ocr_heavyjoin, "_readings", readings)
    monkeypatch.setattr(ocr_heavyjoin, "_garbled", garbled)
    text = "so ra\ncorded it and ra\ncorded it, ra\ncorded"
    got = [c.replacement for c in ocr_heavyjoin.heavy_join_candidates(tokenize(text))]
    assert got == ["recorded"] * 3
    assert reads["racorded"] == (1 if on else 3)
    if on:  # at most once a token: "ra" is printed three times
        assert max(reads.values()) == 1 and tests["ra"] <= 3
    else:  # once a run: a token is a piece of several
        assert tests["ra"] > 3


NAMES = ["Lawrence", "John", "Smith", "Brown", "Ryde", "Sydney", "Wales", "Council", "Major"]


def _name_pages() -> list[str]:
    rng = random.Random(165)
    pages = [
        "Mr John Smith and John Brown met Tohn Smith at noon. Later Mr Lawrence "
        "spoke and Lawrence left; Lawence had gone home.",
        "",
    ]
    for _ in range(60):
        out = []
        for _ in range(rng.randint(5, 40)):
            w = rng.choice(NAMES + WORDS)
            r = rng.random()
            if r < 0.2:
                w = _garble(rng, w)
                w = w[:1].upper() + w[1:]
            elif r < 0.25:
                w = w.upper()
            out.append(w)
        pages.append(" ".join(out) + ".")
    return pages


def _names(text: str, on: bool, heavy: bool) -> str:
    old = ocr_docname.BY_LENGTH
    ocr_docname.BY_LENGTH = on
    try:
        return repr(ocr_docname.doc_name_candidates(tokenize(text), heavy=heavy, force=True))
    finally:
        ocr_docname.BY_LENGTH = old


@pytest.mark.parametrize("heavy", [True, False])
@pytest.mark.parametrize("two", [1, 2])
def test_doc_names_same_candidates(monkeypatch: pytest.MonkeyPatch, heavy: bool, two: int) -> None:
    monkeypatch.setattr(ocr_docname, "MAX_EDITS", two)
    found = 0
    for text in _name_pages():
        got = _names(text, True, heavy)
        assert got == _names(text, False, heavy), text
        found += got != "[]"
    assert found >= 5


def test_best_name_by_length_equals_every_name() -> None:
    rng = random.Random(265)
    pool = NAMES + ["Jon", "Johns", "Smyth", "Lawrenee", "Browns", "JOHN", "Ry", "Sidney"]
    for _ in range(300):
        names = {w: rng.randint(1, 5) for w in rng.sample(pool, rng.randint(1, len(pool)))}
        counts = Counter({w: rng.randint(0, 3) for w in pool})
        by_len = ocr_docname.names_by_length(names)
        for text in pool + [_garble(rng, w).capitalize() for w in NAMES]:
            for heavy in (True, False):
                for two in (True, False):
                    assert ocr_docname.best_name(
                        text, counts, names, heavy, two, by_len
                    ) == ocr_docname.best_name(text, counts, names, heavy, two)


@pytest.mark.parametrize("on", [True, False])
def test_doc_names_read_by_length(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    """On, the names are grouped by length once a call and ``best_name`` reads the groups
    (a group left out is not read); off, every name is read."""
    monkeypatch.setattr(ocr_docname, "BY_LENGTH", on)
    grouped: list[int] = []
    real = ocr_docname.names_by_length

    def by_length(names: dict[str, int]) -> dict[int, list[tuple[str, int, str]]]:
        out = real(names)
        grouped.append(len(names))
        out.pop(len("Lawrence"), None)  # the 8-letter group hidden: "Lawence" finds nothing
        return out

    monkeypatch.setattr(ocr_docname, "names_by_length", by_length)
    got = {c.features["orig"][0]: c.replacement for c in ocr_docname.doc_name_candidates(
        tokenize(_name_pages()[0]), force=True
    )}  # fmt: skip
    if on:
        assert len(grouped) == 1
        assert got == {"Tohn": "John"}
    else:
        assert grouped == []
        assert got == {"Tohn": "John", "Lawence": "Lawrence"}


def test_ship_on() -> None:
    assert ocr_heavyjoin.CHEAP_FIRST is True
    assert ocr_docname.BY_LENGTH is True
