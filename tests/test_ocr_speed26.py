"""Issue 14, session 26: exact speed-ups of the OCR candidates and the decision loop.

* ``ocr_money.money_candidates`` matches each chunk's sum shape once and marks the chunks
  near a sum (printed, or read earlier) instead of scanning every sum per chunk: the same
  readings as the old loop (kept here as the reference) on random money runs, with and
  without "costs", and none on pages without sums.
* ``ocr_numshape.chunks`` finds a page's mixed chunks once (both readers ask).
* ``ocr_rules.with_features`` equals ``dataclasses.replace(c, features=...)``.
* ``score.ocr._Context.around`` reads two one-word neighbours directly: the same lists as
  the loops, also after revisions to several words or none.
* ``DecisionMemo.get_in`` / ``put`` / ``codes``: the same decisions read back; a decision
  kept whole is forgotten when a plain one replaces it.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest

from repair.candidates import ocr_money, ocr_numshape, ocr_rules
from repair.candidates.ocr_money import money_candidates
from repair.candidates.ocr_rules import cand, with_features
from repair.document import Document
from repair.score.ocr import Decision, DecisionMemo, _Context
from repair.types import Candidate


def _old_reading(chunks: list[str], units: list[str | None], sums: list[int], k: int):
    """``ocr_money._reading`` as it was before session 26 (every sum scanned per chunk)."""
    m = ocr_money._SHAPE.match(chunks[k])
    if m is None:
        return None
    glyphs, unit, _tail = m.groups()
    if glyphs.isdigit() and unit in "sd":
        return None
    j_prev = ocr_money._neighbour_index(chunks, k, -1)
    j_next = ocr_money._neighbour_index(chunks, k, 1)
    nxt = chunks[j_next] if j_next is not None else ""
    costs = ocr_money._COSTS.match(nxt.lower()) is not None
    if not costs and not any(abs(j - k) <= ocr_money.RUN_REACH for j in sums):
        return None
    prev_unit = units[j_prev] if j_prev is not None else None
    next_unit = units[j_next] if j_next is not None else None
    if prev_unit is None and next_unit is None and not costs:
        return None
    if next_unit == "£":
        return None
    pence_next = unit in "sd" and ocr_money._sum_unit(ocr_money._adjacent(chunks, k, 1)) == "d"
    if ocr_money._word(glyphs + unit) and not pence_next:
        return None
    digits = ocr_money._digits(glyphs)
    options = ocr_money._unit_readings(unit)
    if digits is None or not options:
        return None
    before = units[k - 1] if k > 0 else None
    if before == "s":
        want = "d"
    elif next_unit == "d" or prev_unit == "£" or unit not in "sd" and "s" in options:
        want = "s"
    else:
        want = unit if unit in "sd" else next(iter(options))
    if want not in options:
        return None
    return digits + want


def _old_money(text: str) -> list[Candidate]:
    """``money_candidates`` as it was before session 26."""
    if "s" not in text and "d" not in text:
        return []
    spans = [(m.start(), m.end()) for m in ocr_money._CHUNK.finditer(text)]
    chunks = [text[s:e] for s, e in spans]
    units = [ocr_money._sum_unit(c) for c in chunks]
    sums = [k for k, u in enumerate(units) if u is not None]
    if not sums and "cost" not in text:
        return []
    read: dict[int, tuple[str, str]] = {}
    for _round in range(2):
        for k, chunk in enumerate(chunks):
            if units[k] is not None or k in read:
                continue
            got = _old_reading(chunks, units, sums + sorted(read), k)
            if got is not None:
                read[k] = (got, chunk)
        for k, (got, _chunk) in read.items():
            units[k] = got[-1]
    out = []
    for k in sorted(read):
        got, chunk = read[k]
        start = spans[k][0]
        end = start + len(chunk.rstrip(".,;:"))
        out.append(
            cand(start, end, got, "OCR_CONFUSION", finding="money_shape",
                 orig=[text[start:end]], fixed=ocr_money.CONFIDENCE)
        )  # fmt: skip
    return out


_MONEY_WORDS = (
    "10s 6d. £3 £12, 4s Gd GJ Is. Is 40a. 5« Ss in on and nnd & , . costs cost» costa. "
    "COSTS Costs; costing fined the of was 2s lOd 1l« ot or ld Id. 8d. a week"
).split()


def test_money_runs_read_as_the_old_loop_read_them() -> None:
    rng = random.Random(26)
    found = 0
    for _ in range(1_500):
        text = " ".join(rng.choice(_MONEY_WORDS) for _ in range(rng.randint(1, 50)))
        got = money_candidates(text)
        assert got == _old_money(text), text
        found += len(got)
    assert found > 1_000  # the runs read many sums: the comparison is not of empty lists


@pytest.mark.parametrize(
    "text",
    [
        "the king was glad and the people sang in the streets of the town",
        "he paid the costs of the action and left",  # "costs", no chunk of a sum's shape near
        "In 1905 the Gd and Is were read",  # no printed sum and no "costs"
    ],
)
def test_pages_without_a_money_run_read_nothing(text: str) -> None:
    assert money_candidates(text) == [] == _old_money(text)


def test_a_chunk_before_costs_across_joining_words_is_read() -> None:
    # "Ss" stands before "and" then "costs": the run reads across the joining word
    text = "was fined Ss and costs for being drunk"
    assert [c.replacement for c in money_candidates(text)] == [
        c.replacement for c in _old_money(text)
    ]
    assert ocr_money._before_costs(text.split(), text)[2] == 1


def test_mixed_chunks_are_found_once_and_as_the_scan_finds_them() -> None:
    text = "In 1905 tho 8ydnoy Morning Hcrald, p. 4, cost 2s6d; H.M.S. 1l0 and l9th."
    scan = []
    for m in ocr_numshape._CHUNK.finditer(text):
        s = m.group()
        if len(s) <= ocr_numshape.MAX_LEN and re.search(r"\d", s) and re.search(r"[^\W\d_]", s):
            scan.append((m.start(), m.end()))
    assert list(ocr_numshape.chunks(text)) == scan
    assert len(scan) >= 3
    assert ocr_numshape.chunks(text) is ocr_numshape.chunks(text)  # the same page: one search
    assert list(ocr_numshape.chunks("no figures here at all")) == []


def test_with_features_equals_replace(monkeypatch: pytest.MonkeyPatch) -> None:
    c = cand(3, 9, "the", "OCR_CONFUSION", finding="nonword", cost=1.5, orig=["tlie"])
    new = {**c.features, "cost": 0.5}
    got = with_features(c, new)
    want = replace(c, features=new)
    assert got == want and type(got) is Candidate and hash(got) == hash(want)
    assert got.features is new and c.features["cost"] == 1.5  # the old one untouched
    monkeypatch.setattr(ocr_rules, "_FAST", False)  # the constructor path
    assert with_features(c, new) == want


def _old_around(ctx: _Context, start: int, end: int) -> tuple[list[str], list[str]]:
    """``_Context.around`` as it was before session 26 (the loops only)."""
    from bisect import bisect_left, bisect_right

    i = bisect_right(ctx.ends, start)
    j = bisect_left(ctx.starts, end)
    prev: list[str] = []
    k = i - 1
    while k >= 0 and len(prev) < 2:
        prev[:0] = ctx.texts[k]
        k -= 1
    nxt: list[str] = []
    k = j
    while k < len(ctx.texts) and len(nxt) < 2:
        nxt += ctx.texts[k]
        k += 1
    return prev[-2:], nxt[:2]


def test_context_around_reads_as_the_loops() -> None:
    text = " ".join(f"w{i}" for i in range(400))
    words = Document(text).words
    ctx = _Context(words)
    rng = random.Random(5)
    for _ in range(3_000):
        w = rng.randrange(len(words))
        if rng.random() < 0.3:  # a revision to one word, several or none
            w2 = min(len(words) - 1, w + rng.randrange(3))
            ctx.revise(words[w].start, words[w2].end, rng.choice(["x", "two words", "", "a b c"]))
        e = words[min(len(words) - 1, w + rng.randrange(2))].end
        assert ctx.around(words[w].start, e) == _old_around(ctx, words[w].start, e)
    # the edges: the first and last words, and spans past either end
    for s, e in (
        (0, 2),
        (words[-1].start, words[-1].end),
        (-5, -1),
        (len(text) + 3, len(text) + 9),
    ):
        assert ctx.around(s, e) == _old_around(ctx, s, e)


def test_decision_memo_reads_back_what_was_put() -> None:
    memo = DecisionMemo()
    memo.grow(4)
    assert list(memo.codes()) == [0, 0, 0, 0]
    plain = Decision(True, "lm_gain", 2.5, 0.9, 4.0, 1.5, "tbe", 0.0)
    odd = Decision(False, "other_reason", -1.0, 0.0, 0.5, 1.5, None, 1)  # kept whole
    around = (["a", "b"], ["c"])
    memo.put(1, around, odd)
    assert memo.codes()[1] == 255 and memo.get_in(1, ["a", "b"], ["c"]) == odd
    memo.put(1, around, plain)  # a plain decision replaces the whole one
    got = memo.get_in(1, ["a", "b"], ["c"])
    assert got == plain and type(got) is Decision and memo.codes()[1] not in (0, 255)
    assert memo.get_in(1, ["a"], ["c"]) is None  # another context
    assert memo.get_in(0, [], []) is None and memo.get_in(9, [], []) is None
    memo.put(7, around, plain)  # past the end: the memo grows
    assert memo.get_in(7, ["a", "b"], ["c"]) == plain and len(memo.codes()) == 8
    memo.pop(1)
    assert memo.codes()[1] == 0 and memo.get_in(1, ["a", "b"], ["c"]) is None
