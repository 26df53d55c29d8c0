"""``NgramTable._word_id`` by blocks (``ngrams.BLOCK_WORD_ID``; issue 14, session 49): the
same id as the bisection of the word blob for every counted word and for words the table
does not count (listed-only, unknown, before the first and after the last word)."""

from __future__ import annotations

import random

import pytest

from repair.score import ngrams
from repair.score.ngrams import get_ngrams


def _others(words: list[str]) -> list[str]:
    rng = random.Random(49)
    out = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz'-é") for _ in range(rng.randrange(1, 12)))
           for _ in range(5_000)]  # fmt: skip
    out += [w + "a" for w in words[::7]] + [w[:-1] for w in words[::7] if len(w) > 1]
    out += ["", "\x00", "!", "zzzzzzzz", words[0][:-1], words[-1] + "z", "a\nb", "tbe"]
    return out


@pytest.mark.parametrize("block", [32, 1, 5, 100_000])
def test_every_counted_word_and_others_get_the_bisections_id(
    block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ngrams, "ID_BLOCK", block)
    table = get_ngrams()
    table._heads = None  # the sample of this block size
    try:
        words = [table._word(i).decode("utf-8") for i in range(table.size)]
        step = 1 if block == 32 else 11
        for i in range(0, table.size, step):
            assert table._word_id(words[i]) == i
        for w in _others(words):
            assert table._word_id(w) == table._word_id_bisect(w), w
    finally:
        table._heads = None


def test_off_is_the_bisection(monkeypatch: pytest.MonkeyPatch) -> None:
    table = get_ngrams()
    calls: list[str] = []
    plain = table._word_id_bisect
    monkeypatch.setattr(table, "_word_id_bisect", lambda w: calls.append(w) or plain(w))
    assert table._word_id("the") >= 0 and not calls
    monkeypatch.setattr(ngrams, "BLOCK_WORD_ID", False)
    assert table._word_id("the") == plain("the") and calls == ["the"]
