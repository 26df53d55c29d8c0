"""Session 65 (speedjoin, issue 14): ``ocr_heavyjoin.TOKEN_TABLES`` scans the heavy join's
runs over per-token tables built once a call, each token's tests asked once; the same runs
and the same candidates either way."""

from __future__ import annotations

import random

import pytest

from repair.candidates import ocr_heavyjoin
from repair.tokenize import tokenize

WORDS = (
    "the deaths were recorded during week crowd attracted show appointed office railway "
    "line bright sunshine day close of at in and to a was he it by piece individual "
    "symptoms support introduce chairman despite coop eration repetitive captain river"
).split()
SEPS = [" ", " ", " ", "\n", " \n", "\n\n", "  ", "-\n", "- ", "'", ", ", " . ", "\t"]


def _garble(rng: random.Random, word: str) -> str:
    chars = list(word)
    for _ in range(rng.randint(1, 2)):
        k = rng.randrange(len(chars))
        chars[k] = rng.choice("abcdefghijklmnopqrstuvwxyzilrn1í")
    return "".join(chars)


def _pages(count: int = 60) -> list[str]:
    rng = random.Random(6565)
    pages = [
        "The deaths ra\ncorded during the week were",
        "the crowd was at\ntrscted by the show",
        "he was ap\npo nted to the office",
        "a piece of rall\nw aj and the line",
        "in the bright bun\nshine of the day",
        "the deaths ra corded during the week",
        "individual sy mptoms and su pport of the",
        "coop-\nerat ion and repe-\ntit ive",
        "Captain\ní River\nj the",
        "",
        "x y",
    ]
    for _ in range(count):
        out = []
        for _ in range(rng.randint(5, 40)):
            w = rng.choice(WORDS)
            r = rng.random()
            if r < 0.3 and len(w) >= 3:
                k = rng.randint(1, len(w) - 1)
                w = w[:k] + rng.choice(SEPS) + _garble(rng, w[k:])
            elif r < 0.5:
                w = _garble(rng, w)
            elif r < 0.55:
                w = w.capitalize()
            elif r < 0.6:
                w = rng.choice("aIíj")
            out.append(w + rng.choice(SEPS))
        pages.append("".join(out))
    return pages


def _runs(text: str, tabled: bool, share: float) -> list:
    toks = tokenize(text)
    rng = random.Random(len(text))
    flagged = frozenset(t.start for t in toks if t.kind == "word" and rng.random() < share)
    runs = ocr_heavyjoin._kept_runs_tabled if tabled else ocr_heavyjoin._kept_runs
    return list(runs(toks, flagged))


@pytest.mark.parametrize("share", [0.0, 0.3])
@pytest.mark.parametrize(
    "flags",
    [{}, {"SAME_LINE_OUTER_JOIN": False}, {"SAME_LINE_PRIOR": False}, {"SPECK_GUARD": False},
     {"SAME_LINE_HYPHEN_TAIL": False}, {"MAX_PIECES": 4}],
)  # fmt: skip
def test_same_runs(share: float, flags: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in flags.items():
        monkeypatch.setattr(ocr_heavyjoin, name, value)
    kept = 0
    for text in _pages():
        got = _runs(text, True, share)
        assert got == _runs(text, False, share), text
        kept += len(got)
    assert kept > 20  # the pages reach the readings


@pytest.mark.parametrize("share", [0.0, 0.3])
def test_same_candidates(share: float, monkeypatch: pytest.MonkeyPatch) -> None:
    found = 0
    for text in _pages(30):
        toks = tokenize(text)
        rng = random.Random(len(text))
        flagged = frozenset(t.start for t in toks if t.kind == "word" and rng.random() < share)
        monkeypatch.setattr(ocr_heavyjoin, "TOKEN_TABLES", True)
        on = repr(ocr_heavyjoin.heavy_join_candidates(toks, flagged))
        monkeypatch.setattr(ocr_heavyjoin, "TOKEN_TABLES", False)
        assert on == repr(ocr_heavyjoin.heavy_join_candidates(toks, flagged)), text
        found += on != "[]"
    assert found


def _garble_asks(on: bool, monkeypatch: pytest.MonkeyPatch) -> int:
    asked: list[str] = []
    real = ocr_heavyjoin._garbled

    def count(piece: str) -> bool:
        asked.append(piece)
        return real(piece)

    monkeypatch.setattr(ocr_heavyjoin, "_garbled", count)
    monkeypatch.setattr(ocr_heavyjoin, "TOKEN_TABLES", on)
    text = " ".join(["the deaths were recorded during the week"] * 5)
    ocr_heavyjoin.heavy_join_candidates(tokenize(text))
    return len(asked)


def test_garble_test_once_a_string(monkeypatch: pytest.MonkeyPatch) -> None:
    """On, a printed string's garble test is asked once a call (six distinct words printed
    five times); off, once a token."""
    assert _garble_asks(True, monkeypatch) <= 6
    assert _garble_asks(False, monkeypatch) > 6


def test_ships_on() -> None:
    assert ocr_heavyjoin.TOKEN_TABLES is True
    assert ocr_heavyjoin.CHEAP_FIRST is True


def _last_not_first(on: bool, k: int, last: str, first: str) -> tuple[str, ...]:
    from repair.candidates import ocr_far

    old = ocr_far.FIRST_LETTER_CUTS
    ocr_far.FIRST_LETTER_CUTS = on
    ocr_far._last_not_first.cache_clear()
    try:
        return ocr_far._last_not_first(k, last, first)
    finally:
        ocr_far.FIRST_LETTER_CUTS = old
        ocr_far._last_not_first.cache_clear()


def test_first_letter_cuts_same_lists() -> None:
    """``ocr_far.FIRST_LETTER_CUTS``: the cut lists equal the filtered ones, in order, for
    every (length, last letter) list and every first letter it holds (and a few more)."""
    from repair.candidates import ocr_far

    ends = ocr_far._ends()
    keys = sorted(key for key in ends if key[1] == "last")
    rng = random.Random(65)
    asked = 0
    for k, _end, last in rng.sample(keys, min(400, len(keys))) + [(99, "last", "x")]:
        firsts = {w[0] for w in ends.get((k, "last", last), ())} | {"a", "q", "z", "é"}
        for first in sorted(firsts):
            got = _last_not_first(True, k, last, first)
            assert got == _last_not_first(False, k, last, first), (k, last, first)
            assert type(got) is tuple
            asked += 1
    assert asked > 1000


def test_first_letter_cuts_read_the_heads() -> None:
    """On, a miss reads the lists' first-letter strings (:func:`ocr_far._firsts`); off, it
    never does (fails with the flag ignored)."""
    from repair.candidates import ocr_far

    ocr_far._firsts.cache_clear()
    _last_not_first(False, 7, "s", "t")
    assert ocr_far._firsts.cache_info().currsize == 0
    _last_not_first(True, 7, "s", "t")
    assert ocr_far._firsts.cache_info().currsize == 1
    assert ocr_far.FIRST_LETTER_CUTS is True
