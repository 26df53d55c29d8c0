"""Per-word memos of lemminflect's lemma look-ups for the reverse readings (issue 14,
session 33, spininfl33): fewer ``getAllLemmas`` calls, the same answers."""

from __future__ import annotations

import pytest

import repair.resources.lemmas as lemmas
from repair.candidates import spin_synonyms as ss
from repair.candidates.spin_wide import wide_originals_live

WORDS = ("run", "runs", "better", "leaves", "saw", "fast", "light", "present", "zzzq", "Run")
UPOS = ("NOUN", "VERB", "ADJ", "ADV")


def _clear() -> None:
    ss._is_lemma.cache_clear()
    ss._lemma_pos.cache_clear()
    ss._readings.cache_clear()


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = lemmas.getAllLemmas

    def counting(word: str, upos: str | None = None) -> dict[str, tuple[str, ...]]:
        calls.append(word)
        return real(word, upos)

    monkeypatch.setattr(lemmas, "getAllLemmas", counting)
    _clear()
    yield calls
    _clear()


def test_is_lemma_reads_each_word_once(counted: list[str]) -> None:
    for upos in UPOS:
        ss._is_lemma("light", upos)
    assert counted == ["light"]


def test_readings_of_reads_each_word_once(counted: list[str]) -> None:
    first = ss.readings_of("leaves")
    assert ss.readings_of("leaves") is first
    assert counted == ["leaves"]


def test_is_lemma_same_answers_with_and_without_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    want = {(w, u): w in lemmas.getAllLemmas(w).get(u, ()) for w in WORDS for u in UPOS}
    for on in (True, False):
        monkeypatch.setattr(ss, "LEMMA_MEMO", on)
        _clear()
        assert {(w, u): ss._is_lemma(w, u) for w in WORDS for u in UPOS} == want
    _clear()


def test_readings_of_is_get_all_lemmas() -> None:
    _clear()
    for w in WORDS:
        assert ss.readings_of(w) == lemmas.getAllLemmas(w)


def test_live_originals_same_with_and_without_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = {
        "run": ("operate", "sprint", "dash", "manage", "race", "flow"),
        "light": ("bright", "pale", "lamp", "ignite", "easy"),
        "fast": ("quick", "rapid", "swift", "fix", "secure"),
    }
    words = ("running", "runs", "ran", "lights", "lighter", "faster", "fast", "lit")
    got = {}
    for on in (True, False):
        monkeypatch.setattr(ss, "LEMMA_MEMO", on)
        _clear()
        got[on] = (
            [wide_originals_live(w, rows) for w in words],
            [ss.originals_of_live(w) for w in words],
        )
    _clear()
    assert got[True] == got[False]
    assert any(got[True][0])
