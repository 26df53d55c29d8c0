"""Issue 14, session 21: the channel price's run loop compiled
(``_ocrwalk.channel_upto``), the printed rows looked up once per block
(:func:`repair.score.ocr_price._reads`) and the context readings' hyphen checks without
a copy of the token list per token: the same floats and the same readings as the Python
loop and the opcode-by-opcode loop it replaced."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from repair.score import ocr_price, ocr_walk_fast


def _upto_opcodes(token: str, word: str, limit: float) -> float:
    """:func:`ocr_price.channel_cost_upto` as written before session 21: the opcode
    objects merged into runs first, then each run priced."""
    from rapidfuzz.distance import Levenshtein

    low, target = token.lower(), word.lower()
    if low == target:
        return 0.0
    cost = 0.0
    runs: list[list[int]] = []
    for op in Levenshtein.opcodes(low, target):
        if op.tag == "equal":
            continue
        if runs and runs[-1][1] == op.src_start and runs[-1][3] == op.dest_start:
            runs[-1][1], runs[-1][3] = op.src_end, op.dest_end
        else:
            runs.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    for i1, i2, j1, j2 in runs:
        a1, a2 = max(0, i1 - 1), min(len(low), i2 + 1)
        b1, b2 = max(0, j1 - 1), min(len(target), j2 + 1)
        if i1 > 0 and j1 > 0 and low[i1 - 1] != target[j1 - 1]:
            a1, b1 = i1, j1
        if i2 < len(low) and j2 < len(target) and low[i2] != target[j2]:
            a2, b2 = i2, j2
        cost += ocr_price._block_cost_plain(token[a1:a2], target[b1:b2])
        if cost > limit:
            return cost
    return cost


@contextmanager
def _compiled(on: bool) -> Iterator[None]:
    saved = ocr_walk_fast.FAST
    ocr_walk_fast.FAST = on
    try:
        yield
    finally:
        ocr_walk_fast.FAST = saved


def _triples() -> list[tuple[str, str, float]]:
    """Garbled tokens (table rows, case, odd glyphs: "İ" lowers to two) and words, with
    limits that cut some sums short and leave others whole."""
    from repair.score.ocr_channel import vocabulary

    rows = sorted(ocr_price._rows())
    words = sorted(w for w in vocabulary() if 4 <= len(w) <= 10 and w.isalpha())
    rng = random.Random(21)
    out = [
        ("tbe", "the", 99.0),
        ("Ijondon", "london", 99.0),
        ("Ijondon", "condor", 0.5),
        ("İstanbul", "istanbul", 99.0),
        ("İİstanbul", "stanbul", 99.0),
        ("ſtrasse", "strasse", 3.0),
        ("THE", "the", 0.0),
        ("", "a", 9.0),
        ("a", "", 9.0),
        ("cipcctcd", "expected", 99.0),
    ]
    for _ in range(3_000):
        word = rng.choice(words)
        chars = list(word)
        for _ in range(rng.randint(1, 4)):
            k = rng.randrange(len(chars))
            p, t = rng.choice(rows)
            if rng.random() < 0.5:
                chars[k] = p
            elif rng.random() < 0.5:
                chars.insert(k, rng.choice("İſ'.,lI1rn"))
            else:
                del chars[k]
                if not chars:
                    chars = [p]
        token = "".join(chars)
        if rng.random() < 0.3:
            token = token.capitalize()
        other = word if rng.random() < 0.6 else rng.choice(words)
        out.append((token, other, rng.choice([0.5, 2.0, 5.0, 12.0, 99.0])))
    return out


def test_compiled_run_loop_is_the_python_loop() -> None:
    pytest.importorskip("repair.score._ocrwalk")
    triples = _triples()
    with _compiled(False):
        assert ocr_price._compiled_channel() is None
        python = [ocr_price.channel_cost_upto(t, w, lim) for t, w, lim in triples]
    with _compiled(True):
        assert ocr_price._compiled_channel() is not None
        fast = [ocr_price.channel_cost_upto(t, w, lim) for t, w, lim in triples]
    assert fast == python  # the same floats, cut or not
    cut = sum(c > lim for c, (_t, _w, lim) in zip(python, triples, strict=True))
    assert 100 < cut < len(triples) - 100  # some sums cut short, some whole


@pytest.mark.parametrize("on", [False, True])
def test_run_loop_is_the_opcode_loop(on: bool) -> None:
    """Both loops price the runs of the opcodes :func:`_upto_opcodes` prices, in its
    order: the same floats (the blocks from looked-up rows are the plain alignment's)."""
    triples = _triples()[:1_500]
    with _compiled(on):
        got = [ocr_price.channel_cost_upto(t, w, lim) for t, w, lim in triples]
    want = [_upto_opcodes(t, w, lim) for t, w, lim in triples]
    assert got == want


def test_reads_are_the_rows_of_each_printed_run() -> None:
    """:func:`ocr_price._reads` holds what ``_block_cost`` looked up per call before."""
    for src in ("tbe", "İstanbul", "rn", "", "Ijo'n"):
        lows, reads = ocr_price._reads(src)
        assert lows == [c.lower() for c in src]
        n = len(src)
        assert reads == [
            [ocr_price._rows_from(src[i : i + a]) for a in range(1, min(3, n - i) + 1)]
            for i in range(n)
        ]


def test_context_candidates_take_any_token_sequence() -> None:
    """The context readings index the tokens they are given (a tuple as a list) and
    find the same readings: no copy of the token list per token (an O(n^2) copy)."""
    from repair.candidates import ocr_context
    from repair.tokenize import tokenize

    text = (
        "The cipcctcd result was announced by tbe committee yesterday. The govcrnmcnt-run "
        "office said the prcsident would arrive."
    )
    toks = list(tokenize(text))
    idx = [i for i, t in enumerate(toks) if t.kind == "word"]
    counts: dict[str, int] = {}
    for t in toks:
        counts[t.text] = counts.get(t.text, 0) + 1
    args = (idx, counts, frozenset(), lambda _w: False, {})
    as_list = ocr_context.context_candidates(toks, *args)
    as_tuple = ocr_context.context_candidates(tuple(toks), *args)
    assert as_list == as_tuple
    # a word next to a hyphen is left to the hyphenation readings
    assert [c.replacement for c in as_list] == ["expected", "president"]
