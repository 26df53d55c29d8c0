"""Issue 14, session 37: exact speed-ups of the OCR channel price.

``_ocrwalk.channel_cost`` (the whole of :func:`repair.score.ocr_price.channel_cost_upto`
compiled: lowering, opcodes, run loop) gives what the Python function gives (float
equality, cut short at the same bound), and it is used only when on.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from repair.score import ocr_price, ocr_walk_fast
from repair.score.ocr_channel import vocabulary
from tests.ocr_garble import garble, printed_forms

compiled = pytest.importorskip("repair.score._ocrwalk")


@contextmanager
def _mode(fast: bool, call: bool = True) -> Iterator[None]:
    saved = ocr_walk_fast.FAST, ocr_price.COMPILED_CALL
    ocr_walk_fast.FAST, ocr_price.COMPILED_CALL = fast, call
    ocr_price._block_cost.cache_clear()
    try:
        yield
    finally:
        ocr_walk_fast.FAST, ocr_price.COMPILED_CALL = saved
        ocr_price._block_cost.cache_clear()


def _pairs(n: int, seed: int) -> list[tuple[str, str, float]]:
    """(printed, word, limit): dictionary words garbled by the table's rows, with case,
    odd glyphs ("İ" lowers to two) and limits from none to tight."""
    printed = printed_forms()
    rng = random.Random(seed)
    words = sorted(w for w in vocabulary() if w.isalpha() and 3 <= len(w) <= 12)
    out = [
        ("tbe", "the", 99.0), ("Ijondon", "london", 99.0), ("Ijondon", "condor", 0.5),
        ("the", "the", 1.0), ("THE", "the", 0.0), ("İstanbul", "istanbul", 99.0),
        ("ſtrasse", "strasse", 9.0), ("ǅemal", "džemal", 9.0), ("", "a", 9.0), ("a", "", 9.0),
        ("Müller", "muller", float("inf")),
    ]  # fmt: skip
    for word in rng.sample(words, n):
        text = garble(word.capitalize() if rng.random() < 0.2 else word, printed, rng, 4)
        other = rng.choice(words) if rng.random() < 0.3 else word
        out.append((text, other, rng.choice([0.0, 0.5, 2.0, 5.0, 12.0, float("inf")])))
    return out


def test_compiled_channel_cost_is_the_python_function() -> None:
    pairs = _pairs(1_500, 37)
    with _mode(False):
        want = [ocr_price.channel_cost_upto(t, w, lim) for t, w, lim in pairs]
    with _mode(True, call=False):  # only the run loop compiled
        loop = [ocr_price.channel_cost_upto(t, w, lim) for t, w, lim in pairs]
    with _mode(True):
        got = [ocr_price.channel_cost_upto(t, w, lim) for t, w, lim in pairs]
    assert got == want
    assert loop == want
    assert len(set(want)) > 100  # costs vary
    assert any(c > lim for c, (_t, _w, lim) in zip(want, pairs, strict=True))  # some cut short


def test_compiled_channel_cost_is_used_only_when_on(monkeypatch: pytest.MonkeyPatch) -> None:
    # session 56's aligner (``_ocralign``) goes first when on: this entry is its fallback
    monkeypatch.setattr(ocr_price, "COMPILED_ALIGN", False)
    calls: list[tuple[str, str]] = []
    mod = ocr_walk_fast.module()
    assert mod is not None
    real = mod.channel_cost

    def spy(token: str, word: str, *rest: object) -> float:
        calls.append((token, word))
        return real(token, word, *rest)  # type: ignore[no-any-return]

    mod.channel_cost = spy
    try:
        with _mode(True):
            ocr_price.channel_cost_upto("tbe", "the", 9.0)
        with _mode(True, call=False):
            ocr_price.channel_cost_upto("tbe", "the", 9.0)
        with _mode(False):
            ocr_price.channel_cost_upto("tbe", "the", 9.0)
    finally:
        mod.channel_cost = real
    assert calls == [("tbe", "the")]


def test_compiled_channel_cost_refuses_bad_arguments() -> None:
    with pytest.raises(TypeError):
        compiled.channel_cost("tbe", 3, 1.0, None, None)
    with pytest.raises(TypeError):
        compiled.channel_cost("tbe", "the")


def test_compiled_reads_are_the_python_reads() -> None:
    """``_ocrwalk.reads`` gives :func:`ocr_price._reads`'s lowered glyphs and rows (the
    same ``_rows_from`` objects), on printed runs with case and odd glyphs."""
    rng = random.Random(370)
    printed = sorted({src for src, _dst in ocr_price._rows()})
    srcs = ["", "a", "tbe", "İstanbul", "ſtr", "ǅe", "RN", "o'c", "Ijondon"]
    for _ in range(2_000):
        srcs.append("".join(rng.choice(printed) for _ in range(rng.randint(1, 4)))[:9])
    for src in srcs:
        with _mode(False):
            ocr_price._reads.cache_clear()
            want = ocr_price._reads(src)
        with _mode(True):
            ocr_price._reads.cache_clear()
            got = ocr_price._reads(src)
        assert got == want, src
        assert all(
            g is w
            for gr, wr in zip(got[1], want[1], strict=True)
            for g, w in zip(gr, wr, strict=True)
        )
    with _mode(True):
        ocr_price._reads.cache_clear()
        calls: list[str] = []

        def rows_from(piece: str) -> tuple[dict[str, float], int]:
            calls.append(piece)
            return ocr_price._rows_from(piece)

        compiled.reads("abcd", rows_from, 3)
    assert calls == ["a", "ab", "abc", "b", "bc", "bcd", "c", "cd", "d"]


def test_compiled_bigrams_are_the_python_method() -> None:
    """The loaded table's ``_bi_lp`` is ``_ocrwalk.bigrams``'s (switch on) and gives the
    Python method's float exactly: pairs the table lists, random ids, unknown (-1) and
    listed-only (-2) words, ids out of range (the same error)."""
    from repair.score import ngrams

    t = ngrams.get_ngrams()
    assert "built-in" in repr(t._bi_lp)
    py = ngrams.NgramTable._bi_lp
    rng = random.Random(37)
    n = t.size
    pairs = [(a, b) for a in (-2, -1, 0, 1, n - 1) for b in (-2, -1, 0, 1, n - 1)]
    pairs += [(rng.randrange(-2, n), rng.randrange(-2, n)) for _ in range(20_000)]
    for a in range(0, n, max(1, n // 3_000)):
        lo, hi = t._off[a], t._off[a + 1]
        pairs += [(a, t._next[j]) for j in range(lo, min(hi, lo + 4))]
    for a, b in pairs:
        assert t._bi_lp(a, b) == py(t, a, b), (a, b)
    for a, b in ((n, 0), (0, n), (n + 5, -1)):
        with pytest.raises(IndexError):
            py(t, a, b)
        with pytest.raises(IndexError):
            t._bi_lp(a, b)


def test_compiled_bigrams_switch_off_keeps_the_method() -> None:
    from repair.score import ngrams

    t = ngrams.get_ngrams()
    saved = ngrams.C_BIGRAMS
    try:
        ngrams.C_BIGRAMS = False
        plain = ngrams.NgramTable(t.path)
    finally:
        ngrams.C_BIGRAMS = saved
    assert "_bi_lp" not in vars(plain)
    assert plain.bigram_logprob("per", "cent") == t.bigram_logprob("per", "cent")
    assert plain.context_score("came", "from", "the") == t.context_score("came", "from", "the")


def test_compiled_slot_loop_is_the_python_loop() -> None:
    """``slot_scores`` with the compiled word loop gives the Python loop's floats exactly
    (contexts of 0-3 words each side, cased and unknown words, with and without floors;
    some words cut to ``-inf`` by their floor)."""
    import math

    from repair.candidates import ocr_slot

    rng = random.Random(371)
    words = sorted(w for w in vocabulary() if w.isalpha())
    common = ["the", "of", "and", "to", "a", "in", "was", "he", "it", "that", "his", "for"]
    cases = []
    for _ in range(1_500):
        pool = common if rng.random() < 0.6 else words
        left = [rng.choice(pool).capitalize() for _ in range(rng.randint(0, 3))]
        right = [rng.choice(pool) for _ in range(rng.randint(0, 3))]
        ws = [rng.choice(words if rng.random() < 0.7 else common) for _ in range(rng.randint(1, 8))]
        if rng.random() < 0.2:
            ws += ["Xqzzt", "Straße", "İs"]
        floors = [rng.uniform(-40, -5) for _ in ws] if rng.random() < 0.5 else None
        cases.append((left, ws, right, floors))
    saved = ocr_slot.C_LOOP
    try:
        ocr_slot.C_LOOP = False
        want = [ocr_slot.slot_scores(*c) for c in cases]
        ocr_slot.C_LOOP = True
        assert ocr_slot._compiled_loop() is compiled.slot_loop
        got = [ocr_slot.slot_scores(*c) for c in cases]
    finally:
        ocr_slot.C_LOOP = saved
    assert got == want
    assert any(x == -math.inf for r in want for x in r)
    assert len({x for r in want for x in r}) > 1_000


def test_zipf_table_blocks_answer_as_before() -> None:
    """The zipf table is searched in :data:`frequency.ZIPF_BLOCK`-byte blocks (1 KB):
    every 7th key of the table, near misses and random strings get the same value as
    with the 4 KB blocks of before."""
    from repair.resources import frequency
    from repair.resources.sorted_lines import SortedLines

    table = frequency._table()
    if not isinstance(table, frequency.SortedTable):
        pytest.skip("no shipped zipf table")
    lines = table._lines
    assert frequency.ZIPF_BLOCK == 1024
    assert len(lines._heads) > 3 * len(SortedLines(lines._blob, lines._starts[0])._heads)
    old = SortedLines(lines._blob, lines._starts[0], 4096)
    keys = [line.split(b"\t")[0] for line in lines._blob[lines._starts[0] :].split(b"\n")[::7]]
    rng = random.Random(372)
    keys += [k + b"s" for k in keys[::11]] + [k[:-1] for k in keys[::13] if k]
    keys += [
        bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz'") for _ in range(rng.randint(1, 9)))
        for _ in range(5_000)
    ]
    keys += [b"", b"\xc3\xa9t\xc3\xa9", b"zzzzzz", b"a", b"\t", b"aaaa\n"]
    assert [lines.get(k) for k in keys] == [old.get(k) for k in keys]
    assert sum(old.get(k) is not None for k in keys) > 10_000


def test_whole_ocr_document_same_with_and_without_the_compiled_parts() -> None:
    """A few thousand words of the OCR speed text repaired with this session's compiled
    parts (and the older ones) and with the Python code only: the same text and edits."""
    from repair.bench.speed import speed_text
    from repair.pipeline import repair_text
    from repair.resources.memo_reset import reset_token_memos
    from repair.score import ngrams

    text = speed_text("ocr", 4_000)
    table = ngrams.get_ngrams()

    def run() -> tuple[str, list[str]]:
        reset_token_memos()
        ocr_price._reads.cache_clear()
        r = repair_text(text)
        return r.text, [repr(e) for e in r.edits]

    fast = run()
    saved = ocr_walk_fast.FAST, vars(table).get("_bi_lp")
    try:
        ocr_walk_fast.FAST = False
        if saved[1] is not None:
            del table._bi_lp  # the Python method
        plain = run()
    finally:
        ocr_walk_fast.FAST = saved[0]
        if saved[1] is not None:
            table._bi_lp = saved[1]
        reset_token_memos()
        ocr_price._reads.cache_clear()
    assert plain == fast
    assert len(fast[1]) > 50


def test_an_older_build_without_the_new_entries_falls_back() -> None:
    """An ``_ocrwalk`` built before this session (no ``channel_cost``, ``reads``,
    ``slot_loop``): the Python paths run, with the same results."""
    import types

    from repair.candidates import ocr_slot

    old = types.SimpleNamespace(channel_upto=compiled.channel_upto, block_cost=compiled.block_cost)
    pairs = _pairs(200, 373)
    slots = [(["of", "the"], ["house", "horse", "hoUse"], ["was", "sold"], None)]
    with _mode(True):
        ocr_price._reads.cache_clear()
        want = [ocr_price.channel_cost_upto(t, w, lim) for t, w, lim in pairs]
        want_slots = [ocr_slot.slot_scores(*c) for c in slots]
    saved = ocr_walk_fast._module, ocr_walk_fast._loaded
    try:
        ocr_walk_fast._module, ocr_walk_fast._loaded = old, True  # type: ignore[assignment]
        with _mode(True):
            ocr_price._reads.cache_clear()
            assert ocr_slot._compiled_loop() is None
            got = [ocr_price.channel_cost_upto(t, w, lim) for t, w, lim in pairs]
            got_slots = [ocr_slot.slot_scores(*c) for c in slots]
    finally:
        ocr_walk_fast._module, ocr_walk_fast._loaded = saved
        ocr_price._reads.cache_clear()
    assert got == want
    assert got_slots == want_slots
