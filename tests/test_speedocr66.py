"""Session 66 speedocr (issue 14): the variety count's pair look-ups asked before its
touched test (``ocr_variety.LOOKUP_FIRST``), the same counts and moves."""

from __future__ import annotations

import random

import pytest

from repair.candidates import ocr_variety
from repair.candidates.ocr_variety import move_to_page_variety, page_variety
from repair.types import Candidate, Token

#: Pair forms of both varieties, their readings' garbles and plain words.
PAIRS = ["colour", "color", "centre", "center", "organised", "organized", "labour", "labor"]
PLAIN = ["the", "board", "met", "at", "noon", "and", "was", "of", "by", "Harbour", "Colour"]
READINGS = [
    ("recognlsanco", "recognizance"),
    ("recognlsanco", "recognisance"),
    ("labonr", "labour"),
    ("labonr", "labor"),
    ("coiour", "colour"),
    ("colonr", "color"),
    ("tbe", "the"),
    ("boarcl", "board"),
]


def _page(rng: random.Random, n: int) -> tuple[str, list[Token], list[Candidate]]:
    """A random page of plain words, pair forms and garbled prints, with readings of the
    garbled prints and, now and then, of a printed word (candidates touching it)."""
    parts: list[str] = []
    words: list[Token] = []
    cands: list[Candidate] = []
    at = 0
    for _ in range(n):
        r = rng.random()
        if r < 0.2:
            printed, reading = rng.choice(READINGS)
        elif r < 0.45:
            printed, reading = rng.choice(PAIRS), None
        else:
            printed, reading = rng.choice(PLAIN), None
        words.append(Token(printed, at, at + len(printed), "word"))
        if reading is not None:
            cands.append(_read(at, printed, reading))
            if rng.random() < 0.3:  # the other variety's reading of the same span too
                other = ocr_variety._variant(reading, True) or ocr_variety._variant(reading, False)
                if other:
                    cands.append(_read(at, printed, other))
        elif rng.random() < 0.15:  # a reading of a printed word: it does not vote
            cands.append(_read(at, printed, printed.upper()))
        parts.append(printed)
        at += len(printed) + 1
    rng.shuffle(cands)
    return " ".join(parts), words, cands


def _read(start: int, printed: str, reading: str) -> Candidate:
    return Candidate(start, start + len(printed), reading, "ocr", "OCR_CONFUSION", {})


def _key(cands: list[Candidate]) -> list[tuple]:
    return [(c.start, c.end, c.replacement, c.source, dict(c.features)) for c in cands]


@pytest.mark.parametrize("seed", range(40))
def test_the_counts_and_moves_are_the_same_with_the_look_ups_first(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    monkeypatch.setattr(ocr_variety, "VARIETY_MOVE", True)
    monkeypatch.setattr(ocr_variety, "WINDOW", rng.choice([3, 10, 200]))
    text, words, cands = _page(rng, rng.randint(1, 400))
    got = {}
    for flag in (False, True):
        monkeypatch.setattr(ocr_variety, "LOOKUP_FIRST", flag)
        got[flag] = (page_variety(words, cands), _key(move_to_page_variety(text, words, cands)))
    assert got[True] == got[False]


class _Counted(str):
    """A word's text that counts its ``islower`` calls (the touched test's first question)."""

    asked = 0

    def islower(self) -> bool:
        _Counted.asked += 1
        return super().islower()


@pytest.mark.parametrize("flag", [False, True])
def test_with_the_look_ups_first_only_pair_forms_are_tested_for_touching(
    flag: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr_variety, "LOOKUP_FIRST", flag)
    rng = random.Random(7)
    _text, words, cands = _page(rng, 300)
    counted = [Token(_Counted(t.text), t.start, t.end, t.kind) for t in words]
    _Counted.asked = 0
    page_variety(counted, cands)
    gb_us, us_gb = ocr_variety._pairs()
    forms = sum(1 for t in words if t.text in gb_us or t.text in us_gb)
    assert 0 < forms < len(words)
    assert _Counted.asked == (forms if flag else len(words))  # fails with the flag ignored


def test_the_look_ups_first_ship_on() -> None:
    assert ocr_variety.LOOKUP_FIRST is True


def test_every_extra_rule_needs_the_mark_the_cheap_test_reads() -> None:
    # a rule added without it would be skipped by move_to_page_variety's cheap test
    for pattern, _repl in ocr_variety.EXTRA_RULES:
        body = pattern.pattern.replace("(?<=[a-z]{3})", "")  # the look-behind matches no text
        assert body.startswith(ocr_variety._EXTRA_MARK + "(")


@pytest.mark.parametrize("flag", [False, True])
def test_with_the_look_ups_first_a_reading_no_pair_holds_is_not_looked_up(
    flag: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr_variety, "VARIETY_MOVE", True)
    monkeypatch.setattr(ocr_variety, "LOOKUP_FIRST", flag)
    text, words, cands = _page(random.Random(11), 300)
    asked: list[str] = []
    real = ocr_variety._variant

    def counted(word: str, british: bool) -> str | None:
        asked.append(word)
        return real(word, british)

    monkeypatch.setattr(ocr_variety, "_variant", counted)
    move_to_page_variety(text, words, cands)
    assert "the" in {c.replacement for c in cands}  # a reading no pair holds
    assert ("the" in asked) is not flag  # fails with the flag ignored
