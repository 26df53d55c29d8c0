"""Issue 14, session 22: exact speed-ups of the OCR path.

* ``one_letter_found`` (``repair/score/_ocrwalk.c``) builds the set that
  ``targets.intersection(forms)`` builds for ``ocr_pagehabit.type_subs``: the same
  members added in the same order, so the same iteration order (the order decides
  which word a substitution keeps when two words share it).
* the scorer asks the page's cache gain once per (printed, reading, words inside the
  span) and page, not once per candidate and reading of the page.
* ``ocr_shortreal._no_name`` counts a print's repeats with a C loop: the same answer.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest

from repair.candidates import ocr_pagehabit, ocr_shortreal
from repair.score import ocr_cache, ocr_walk_fast
from repair.score.ocr_channel import vocabulary
from repair.tokenize import tokenize
from tests.ocr_garble import printed_forms

#: one pass: these tests read a single pass's readings (conftest ``one_pass``)
pytestmark = pytest.mark.usefixtures("one_pass")

_LETTERS = ocr_pagehabit._LETTERS


def _intersection(low: str, letters: str, targets: frozenset[str]) -> list[str]:
    forms = [low[:at] + b + low[at + 1 :] for at in range(len(low)) for b in letters]
    return list(targets.intersection(forms))


def _lows(n: int, seed: int) -> list[str]:
    """Lower-case dictionary words with one or two glyphs garbled by the learned table,
    plain one-letter slips, accented and odd strings."""
    printed = printed_forms()
    rng = random.Random(seed)
    words = sorted(w for w in vocabulary() if w.isalpha() and w.islower() and 2 <= len(w) <= 14)
    out = ["", "a", "tbe", "thë", "ſtrasse", "straße", "naïve", "zzzz", "İstanbul".lower()]
    for word in rng.sample(words, n):
        text = word
        for _ in range(rng.randint(1, 2)):
            dsts = [d for d in printed if d in text]
            if dsts and rng.random() < 0.7:
                d = rng.choice(dsts)
                text = text.replace(d, rng.choice(printed[d]).lower(), 1)
            else:
                at = rng.randrange(len(text))
                text = text[:at] + rng.choice(_LETTERS) + text[at + 1 :]
        out.append(text)
    return out


def test_one_letter_found_is_the_intersection_in_order() -> None:
    pytest.importorskip("repair.score._ocrwalk")
    from repair.score import ocr_channel

    targets = ocr_channel._load_target_words()
    small = frozenset(["the", "tho", "she", "thé", "a", "b", "straße", "strasse"])
    checked = 0
    for low in _lows(3000, 22):
        for letters, pool in ((_LETTERS, targets), (_LETTERS + "éß", small), ("", small)):
            fast = ocr_walk_fast.one_letter_found(low, letters, pool)
            assert fast is not None
            assert list(fast) == _intersection(low, letters, pool), (low, letters)
            checked += bool(fast)
    assert checked > 500  # most garbled words do reach some word


def test_type_subs_same_compiled_and_in_python(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("repair.score._ocrwalk")
    from repair.score import ocr_channel

    ocr_channel._load_target_words()  # a garbled page's state: the target set is read
    lows = _lows(600, 7)
    fast = [ocr_pagehabit.type_subs.__wrapped__(low) for low in lows]
    monkeypatch.setattr(ocr_walk_fast, "FAST", False)
    assert ocr_walk_fast.one_letter_found("tbe", _LETTERS, frozenset(["the"])) is None
    slow = [ocr_pagehabit.type_subs.__wrapped__(low) for low in lows]
    assert fast == slow
    assert sum(map(bool, fast)) > 100


def test_one_letter_found_refuses_a_non_set() -> None:
    compiled = pytest.importorskip("repair.score._ocrwalk")
    with pytest.raises(TypeError):
        compiled.one_letter_found("tbe", _LETTERS, ["the"])


def _garbled_page(seed: int) -> str:
    """A page that repeats its misreadings ("tbe", "Sydnoy") among words it prints."""
    rng = random.Random(seed)
    words = (
        "the court heard that the prisoner had been seen near the station of Sydney "
        "on the night of the robbery and the constable said that the prisoner was "
        "found with the money of the station master in his coat"
    ).split()
    garble = {"the": "tbe", "Sydney": "Sydnoy", "prisoner": "prisouer", "station": "statiou"}
    out = []
    for _ in range(60):
        line = [garble[w] if w in garble and rng.random() < 0.4 else w for w in words]
        out.append(" ".join(line) + ".")
    return "\n\n".join(out)


def test_cache_gain_asked_once_per_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.pipeline import repair_text

    asked: Counter[tuple[str, ...]] = Counter()
    real = ocr_cache.cache_gain

    def counted(orig: str, alt: str, counts: Counter[str], total: int, own: list[str]) -> float:
        asked[(orig, alt, *own)] += 1
        return real(orig, alt, counts, total, own)

    text = _garbled_page(3)
    before = repair_text(text)
    monkeypatch.setattr(ocr_cache, "cache_gain", counted)
    after = repair_text(text)
    assert after.text == before.text
    assert [e.to_json() for e in after.edits] == [e.to_json() for e in before.edits]
    assert asked, "the page's vocabulary was never asked: no garbled page"
    assert max(asked.values()) == 1  # one question per page and reading


def _no_name_before(toks: list, i: int) -> bool:
    """The counting of ``_no_name`` before session 22 (a generator over the page)."""
    text = toks[i].text
    return sum(1 for t in toks if t.text == text) >= 2


def test_no_name_counts_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    toks = tokenize("Tho man saw Tho dog and Bill saw the cat near Bill and Ann by the sea.")
    words = [i for i, t in enumerate(toks) if t.kind == "word"]
    for i in words:
        if _no_name_before(toks, i):  # a repeated print: both say no at once
            assert ocr_shortreal._no_name(toks, i) is False
    repeated = [i for i in words if _no_name_before(toks, i)]
    assert {toks[i].text for i in repeated} == {"Tho", "saw", "Bill", "the", "and"}


def _plans(tokens: list[str], fast: bool, kept: int) -> tuple[list, dict]:
    """Each token's walk plan, compiled or in Python, from an empty window table of
    ``kept`` entries at most; and the table left."""
    from repair.score import ocr_channel

    saved = ocr_channel.PLAN_FAST, ocr_channel.WALK_WINDOWS_KEPT, ocr_channel._windows
    ocr_channel.PLAN_FAST, ocr_channel.WALK_WINDOWS_KEPT = fast, kept
    ocr_channel._windows = {}
    try:
        return [ocr_channel._walk_plan(t) for t in tokens], dict(ocr_channel._windows)
    finally:
        ocr_channel.PLAN_FAST, ocr_channel.WALK_WINDOWS_KEPT, ocr_channel._windows = saved


def test_walk_plan_compiled_is_the_python_plan() -> None:
    pytest.importorskip("repair.score._ocrwalk")
    rng = random.Random(5)
    tokens = ["", "a", "I", "tbe", "rn", "Tlie", "WORLD", "o'clock", "l0ng-word", "mm.", "ſtrasse"]
    tokens += [w.capitalize() if rng.random() < 0.3 else w for w in _lows(1500, 11)]
    for kept in (16_384, 50):  # the table emptied on the way too
        fast, fast_windows = _plans(tokens, True, kept)
        slow, slow_windows = _plans(tokens, False, kept)
        assert fast == slow
        assert list(fast_windows.items()) == list(slow_windows.items())
        for plan in fast:  # the cheapest row at or after each place, as doubles
            assert all(a <= b for a, b in zip(plan[1], plan[1][1:], strict=False))


def test_walk_plan_refuses_what_it_cannot_plan() -> None:
    compiled = pytest.importorskip("repair.score._ocrwalk")
    from repair.score import ocr_channel

    with pytest.raises(ValueError):
        compiled.walk_plan("ſtrasse", {}, 3, 10, ocr_channel._window_rows)
    with pytest.raises(TypeError):
        compiled.walk_plan("tbe", {}, 3, 10, lambda w: None)
