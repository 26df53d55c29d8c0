"""A written word's static candidate rows computed in one loop (``spin_evidence.STATIC_BATCH``):
the same bytes as one :func:`_pair_static` call per candidate (issue 14, session 51)."""

from __future__ import annotations

from array import array

import pytest

from repair.candidates import spin_channel as channel
from repair.candidates.spin_mobyrev import reverse_originals_deep
from repair.score import spin_evidence as ev

#: Written words with WordNet cells and long candidate lists, rare words, a word the LM
#: does not know, and words whose candidates repeat in other words' lists.
WORDS = (
    "residence", "purchased", "bright", "smart", "slings", "maiden", "utilize", "endeavour",
    "commence", "gargantuan", "ameliorate", "xyzzyq", "houses", "quickly", "declared",
    "vehicle", "automobile", "assist", "individuals", "perceived",
)  # fmt: skip


def _lists(word: str) -> list[tuple[str, ...]]:
    base = ev.candidates_for(word)
    deep = tuple(o for o in reverse_originals_deep(word) if o not in base)
    return [t for t in (base, deep, base + deep, ("house", "home", "house")) if t]


def _rows(s: str, originals: tuple[str, ...], batch: bool) -> bytes:
    old = ev.STATIC_BATCH
    ev.STATIC_BATCH = batch
    try:
        return ev._static_rows.__wrapped__(s, originals)  # not the memo: computed here
    finally:
        ev.STATIC_BATCH = old


@pytest.mark.parametrize("word", WORDS)
def test_batch_rows_are_the_per_pair_rows(word: str) -> None:
    for origs in _lists(word):
        assert _rows(word, origs, True) == _rows(word, origs, False)
        want = [x for o in origs for x in ev._pair_static(word, o)]
        assert array("d", _rows(word, origs, True)).tolist() == want


@pytest.mark.parametrize("word", WORDS)
def test_wordnet_shared_each_is_wordnet_shared_of_each(word: str) -> None:
    for origs in _lists(word):
        assert channel.wordnet_shared_each(word, origs) == [
            channel.wordnet_shared(word, o) for o in origs
        ]
    # an original that is a prefix or suffix of a listed one, and one with a colon
    cell = channel._row(word)[1]
    names = [item.rpartition(":")[0].rpartition(":")[0] for item in cell.split(",")[1:]]
    probes = [*names, *(n[:-1] for n in names if len(n) > 1), *(n + "s" for n in names), "a:b"]
    assert channel.wordnet_shared_each(word, probes) == [
        channel.wordnet_shared(word, o) for o in probes
    ]


def test_batch_makes_no_per_pair_call(monkeypatch: pytest.MonkeyPatch) -> None:
    # fails with STATIC_BATCH off: the rows are then one _pair_static call per candidate
    def no_pair(s: str, o: str) -> tuple[float, ...]:
        raise AssertionError("a per-pair call")

    monkeypatch.setattr(ev, "_pair_static", no_pair)
    origs = ev.candidates_for("purchased")
    assert origs
    got = ev._static_rows.__wrapped__("purchased", origs)
    assert len(got) == 7 * 8 * len(origs)
