"""Session 62 (speedspin62): exact cuts of an unknown spinner's topic fits —
``_keyhash``'s pair sums hashed eight texts at once with AVX-512 (``hash8_512``), a
several-word candidate's topic fit read over the stored keys alone
(``spin_topic.STORED_MANY``) and the written word's own fit kept per (written, start)
(``spin_topic.BASE_FIT_MEMO``): the same floats, less work (benchmarks/RESULTS.md,
"Session 62, speedspin")."""

from __future__ import annotations

import random

import pytest

from repair.document import Document
from repair.resources import key_table
from repair.score import spin_topic

try:
    from repair.resources import _keyhash  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not built
    _keyhash = None

TEXT = (
    "The bank raised its interest rate on every loan, and the market fell. "
    "Credit grew scarce; the river of money that fed the boom ran dry. "
    "Judges and police said the crime wave in the market was over. "
    "The central bank and the stock market watched the interest rate of Zorblat Quixar. "
) * 6


def _small_table(texts: list[str], bits: int = 4) -> tuple[object, object]:
    from array import array

    keys = sorted({key_table.key(t) for t in texts})
    offsets = array("I", [0] * ((1 << bits) + 1))
    for k in keys:
        offsets[(k >> (64 - bits)) + 1] += 1
    for b in range(1, len(offsets)):
        offsets[b] += offsets[b - 1]
    return offsets, array("Q", keys)


@pytest.mark.skipif(_keyhash is None, reason="_keyhash not built")
def test_pair_sum_eight_lanes_equal_four() -> None:
    """Every pair stored once (value 1): the sum counts each pair text, so each hash of the
    eight-lane pass (where the CPU has AVX-512) is BLAKE2b-8's, as the four-lane pass's; pair
    texts of 2 to 260 bytes around the 128-byte block, and every leftover count of a group."""
    rng = random.Random(62)
    alpha = "abcdefghijklmnopqrstuvwxyzé中"
    vocab = sorted(
        {"".join(rng.choice(alpha) for _ in range(rng.randrange(1, 130))) for _ in range(150)}
        | {"x" * n for n in (1, 62, 63, 64, 126, 127, 128)}
    )
    try:
        for w in ("m" * 63, "a", "\U0001f600"):
            pairs = [f"{w} {k}" if w < k else f"{k} {w}" for k in vocab if k != w]
            offsets, keys = _small_table(pairs)
            table = _keyhash.Table(offsets, keys, 4)
            py = key_table.PyTable(offsets, keys, 4)  # type: ignore[arg-type]
            values = bytes([1]) * len(keys)
            for n in [*range(0, 40), len(vocab)]:
                got = {on: (_keyhash.hash8_512(on), table.pair_sum(w, vocab[:n], values))[1]
                       for on in (False, True)}  # fmt: skip
                want = len({f"{w} {k}" if w < k else f"{k} {w}" for k in vocab[:n] if k != w})
                assert got[False] == got[True] == want == py.pair_sum(w, vocab[:n], values)
        book = spin_topic.get_table()
        words = list(spin_topic.content_keys(TEXT.split()))
        for w in words:
            sums = {on: (_keyhash.hash8_512(on), book.pair_sum(w, words))[1] for on in (0, 1)}
            assert sums[0] == sums[1]
    finally:
        _keyhash.hash8_512(True)


def _rows(doc: Document) -> list[list[float]]:
    rows = [
        ("bank", ["money", "stock market", "the river bank", "credit"], 4),
        ("market", ["court", "trial", "stock exchange", "bank"], 100),
        ("market", ["exchange", "bazaar"], 100),  # the same row, other originals
        ("bank", ["lender", "treasury"], 4),
    ]
    return [spin_topic.row_topic_gains(doc, w, o, s) for w, o, s in rows]


@pytest.mark.parametrize("flag", ["STORED_MANY", "BASE_FIT_MEMO"])
def test_topic_rows_same_floats_less_work(monkeypatch: pytest.MonkeyPatch, flag: str) -> None:
    doc = Document(TEXT)
    calls = {"pmi": 0, "fit": 0}
    pmi, fit_stored = spin_topic._pmi, spin_topic._fit_stored

    def counted_pmi(a: str, b: str) -> float:
        calls["pmi"] += 1
        return pmi.__wrapped__(a, b)

    def counted_fit(word: str, context: set[str], stored: set[str]) -> float:
        calls["fit"] += 1
        return fit_stored(word, context, stored)

    monkeypatch.setattr(spin_topic, "_pmi", counted_pmi)
    monkeypatch.setattr(spin_topic, "_fit_stored", counted_fit)
    got = {}
    for on in (False, True):
        monkeypatch.setattr(spin_topic, flag, on)
        spin_topic._keys.clear()
        calls.update(pmi=0, fit=0)
        got[on] = (_rows(doc), dict(calls))
    spin_topic._keys.clear()
    assert got[True][0] == got[False][0]
    assert any(g != 0.0 for row in got[True][0] for g in row)
    if flag == "STORED_MANY":  # several-word fits read only stored keys
        assert 0 < got[True][1]["pmi"] < got[False][1]["pmi"]
    else:  # the written word's fit once per (written, start)
        assert got[True][1]["fit"] < got[False][1]["fit"]


def test_fit_many_equals_fit() -> None:
    doc = Document(TEXT)
    stored_doc = spin_topic._doc_stored(doc)
    rng = random.Random(7)
    keys = sorted(spin_topic.content_keys(TEXT.split()) | {"zzyzx", "quux"})
    for word in ("stock market", "the river bank", "money market", "zzyzx quux", "bank bank"):
        for _ in range(30):
            context = set(rng.sample(keys, rng.randrange(0, len(keys))))
            stored = context & stored_doc
            mine = spin_topic._mine(word)
            assert spin_topic._fit_many(mine, context, stored) == spin_topic.fit(word, context)
    spin_topic._keys.clear()
