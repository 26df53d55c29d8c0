"""Session 64 (issue 12): a second vote on a short print's two top readings
(:mod:`repair.score.ocr_secondvote`): the trigram over a wider window that skips the
garble beside the print (``WIDE``), the period and book bigrams on both sides
(``ACCEPT``, ``ORDER``)."""

from __future__ import annotations

import pytest

from repair.candidates.ocr_realword import PRIOR_PER_ZIPF as PRIOR
from repair.candidates.ocr_rules import cand
from repair.document import Document
from repair.resources.lm import get_lm
from repair.score import ocr_secondvote as sv
from repair.score.ocr import Decision, DecisionMemo

#: "should be paid": the unknown word after the print hides "paid" from the trigram.
LIE = "The sum on the undertaker's account should lie luiuiediutely paid out of the estate."
#: "hive the": a garbled word before the print, the print never seen beside "the".
HIVE = "We rest it there. NKVV BANK IS BUISIUNE -WU hive the best ground for belief."


def _setup(text: str, word: str, readings: list[tuple[str, float, bool]]) -> tuple:
    """``word`` in ``text`` with one-word real-word ``readings`` (reading, margin over a
    2.5-nat threshold, accepted), decided in the two-word context either side."""
    doc = Document(text)
    toks = doc.words
    i = next(k for k, t in enumerate(toks) if t.text == word)
    t = toks[i]
    prev = [x.text for x in toks[max(0, i - 2) : i]]
    nxt = [x.text for x in toks[i + 1 : i + 3]]
    lm = get_lm()
    memo = DecisionMemo()
    cands = []
    groups: dict = {}
    for reading, over, accepted in readings:
        gain = lm.sequence_logprob((reading, *nxt), prev) - lm.sequence_logprob((word, *nxt), prev)
        c = cand(t.start, t.end, reading, "OCR_REALWORD", finding="realword", orig=[word],
                 alt=[reading], cost=1.0, orig_known=True, prior_per_zipf=PRIOR)  # fmt: skip
        reason = "lm_gain" if accepted else "margin_below_threshold"
        d = Decision(accepted, reason, 2.5 + over, 0.9 if accepted else 0.0, gain, 1.0, word, 2.5)
        memo.put(len(cands), (prev, nxt), d)
        cands.append(c)
        if accepted:
            groups.setdefault((t.start, t.end), []).append((2.5 + over, c, d.evidence))
    return doc, cands, memo, groups, (t.start, t.end)


@pytest.fixture
def flags(monkeypatch: pytest.MonkeyPatch):
    for name in ("ORDER", "ACCEPT", "WIDE"):
        monkeypatch.setattr(sv, name, False)
    monkeypatch.setattr(sv, "_TRACE", None)
    return monkeypatch


def test_shipped_flags() -> None:
    assert sv.ORDER is False
    assert sv.ACCEPT is False
    assert sv.WIDE is True and sv.WIDE_SKIP_READ is True
    assert sv.WIDE_READINGS is True and sv.SPLIT_TWO_WORDS is True


def test_wide_context_skips_garble_and_stops_at_a_comma() -> None:
    doc = Document(LIE)
    i = LIE.index(" lie ") + 1
    left, right, skipped = sv.wide_context(doc, (i, i + 3))  # type: ignore[misc]
    assert (left, right, skipped) == (["account", "should"], ["paid", "out"], 1)
    text = "the men, lie luiuiediutely paid"
    j = text.index("lie")
    left, right, _n = sv.wide_context(Document(text), (j, j + 3))  # type: ignore[misc]
    assert left == []  # the comma ends the phrase
    assert sv.wide_context(Document(text), (j, j + 2)) is None  # not one token


@pytest.mark.parametrize("on", [False, True])
def test_wide_reads_a_refused_reading_past_the_garble(flags, on: bool) -> None:
    doc, cands, memo, groups, span = _setup(LIE, "lie", [("be", -1.86, False)])
    flags.setattr(sv, "WIDE", on)
    assert sv.active() is on
    moved = sv.second_vote(doc, cands, memo, groups)
    if on:
        assert moved == 1 and groups[span][0][1].replacement == "be"
        assert groups[span][0][2]["second_vote"]["wide_gain"] >= sv.WIDE_MIN
    else:
        assert moved == 0 and span not in groups


def test_wide_needs_garble_beside_the_print(flags) -> None:
    flags.setattr(sv, "WIDE", True)
    text = "The sum on the account should lie quietly paid out of the estate."
    doc, cands, memo, groups, span = _setup(text, "lie", [("be", -1.86, False)])
    assert sv.wide_gain(doc, span, "be", "lie", ["account", "should"], ["quietly", "paid"]) is None
    assert sv.second_vote(doc, cands, memo, groups) == 0 and span not in groups


def test_wide_reach_and_capitals(flags) -> None:
    flags.setattr(sv, "WIDE", True)
    doc, cands, memo, groups, span = _setup(LIE, "lie", [("be", -3.5, False)])
    assert sv.second_vote(doc, cands, memo, groups) == 0  # beyond WIDE_REACH
    assert sv._capitals(["Mr", "Smith"], ["Paid", "Jones"]) is True
    assert sv._capitals(["account", "should"], ["luiuiediutely", "paid"]) is False


def test_accept_reads_a_print_that_fits_neither_side(flags) -> None:
    doc, cands, memo, groups, span = _setup(HIVE, "hive", [("have", -0.74, False)])
    assert sv.second_vote(doc, cands, memo, groups) == 0
    flags.setattr(sv, "ACCEPT", True)
    assert sv.second_vote(doc, cands, memo, groups) == 1
    assert groups[span][0][1].replacement == "have"


def test_accept_keeps_a_print_seen_beside_its_neighbour() -> None:
    assert sv._fits_neither("wu", "hive", "have", "the") is True
    assert sv._fits_neither("the", "boat", "best", "who") is False  # "the boat" is seen
    assert sv._fits_neither(None, "hive", "have", None) is False


def test_order_swaps_only_on_both_registers_and_the_model(flags) -> None:
    text = "He said it is a fact that they will bo there at noon."
    doc, cands, memo, groups, span = _setup(text, "bo", [("to", 0.6, True), ("be", 0.3, True)])
    before = [x[1].replacement for x in groups[span]]
    assert sv.second_vote(doc, cands, memo, groups) == 0
    assert [x[1].replacement for x in groups[span]] == before
    flags.setattr(sv, "ORDER", True)
    sv.second_vote(doc, cands, memo, groups)
    assert [x[1].replacement for x in groups[span]] == ["be", "to"]


def test_overlaps() -> None:
    spans = [(0, 3), (10, 20), (12, 14), (30, 35)]
    ends = [0]
    for _s, e in spans:
        ends.append(max(ends[-1], e))
    assert sv._overlaps(spans, ends, (15, 17)) is True  # under (10, 20)
    assert sv._overlaps(spans, ends, (20, 25)) is False
    assert sv._overlaps(spans, ends, (3, 10)) is False
    assert sv._overlaps(spans, ends, (34, 40)) is True


def test_free_print() -> None:
    text = "fined lCd co->ts, and -nero borno and hov, F. Beattie lo"
    at = text.index
    assert sv._free(text, (at("co"), at("co") + 2), "co") is False  # "->" glued
    assert sv._free(text, (at("nero"), at("nero") + 4), "nero") is False  # "-" glued
    assert sv._free(text, (at("hov"), at("hov") + 3), "hov") is True  # a comma after
    assert sv._free(text, (at(" lo") + 1, len(text)), "lo") is True  # the text's end


def test_split_piece() -> None:
    text = "A number of cul velts have been damaged by the lie luiuiediutely paid."
    doc = Document(text)
    at = text.index
    assert sv._split_piece(doc, (at("cul"), at("cul") + 3), "cul") is True  # culverts
    assert sv._split_piece(doc, (at("lie"), at("lie") + 3), "lie") is False
    text = "for assaulting n constable in the execution"
    j = text.index(" n ") + 1
    assert sv._split_piece(Document(text), (j, j + 1), "n") is False  # "constable" is known


def test_wide_context_needs_a_word_past_the_garble() -> None:
    text = "with vast tracts of wilderness, lie westof thevalley. Most of the south"
    j = text.index(" lie ") + 1
    assert sv.wide_context(Document(text), (j, j + 3)) is None  # nothing past "westof thevalley"


def test_wide_context_does_not_skip_garble_already_read() -> None:
    text = "delay the rare-earth restrictions fora yearand resume large-scale buying"
    doc = Document(text)
    j = text.index("fora")
    span = (j, j + 4)
    assert sv.wide_context(doc, span) is not None  # "yearand" skipped
    k = text.index("yearand")
    assert sv.wide_context(doc, span, lambda s: s == (k, k + 7)) is None  # it has a reading


FORA = "delay the rare-earth restrictions fora yearand resume large-scale buying"


def _reading_over(doc: Document, text: str, word: str, reading: str) -> tuple:
    """``groups`` with ``reading`` accepted over ``word`` in ``text``."""
    k = text.index(word)
    c = cand(k, k + len(word), reading, "OCR_SPLIT_MERGED", finding="split", orig=[word],
             alt=reading.split(), cost=1.0)  # fmt: skip
    return {(k, k + len(word)): [(3.0, c, {})]}


def test_wide_readings_put_a_read_neighbour_in_the_window() -> None:
    # session 64 ocrwide2: "yearand" read "year and" enters the window as those words,
    # not skipped ("resume large") and not a reason to refuse the window
    doc = Document(FORA)
    j = FORA.index("fora")
    span = (j, j + 4)
    look = sv.readings_of(doc, _reading_over(doc, FORA, "yearand", "year and"))
    left, right, n = sv.wide_context(doc, span, None, look)  # type: ignore[misc]
    assert right == ["year", "and"] and n == 2  # two words read in
    # the scorer's context already reads it so: nothing wider, no second vote
    prev, nxt = ["earth", "restrictions"], ["year", "and"]
    assert sv.wide_context(doc, span, None, look, (prev, nxt))[2] == 0  # type: ignore[index]
    assert sv.wide_gain(doc, span, "for", "fora", prev, nxt, None, look) is None
    # without the reading the window skips "yearand" and reads past it
    assert sv.wide_context(doc, span)[1] == ["resume", "large"]  # type: ignore[index]


@pytest.mark.parametrize("on", [False, True])
def test_wide_readings_flag_keeps_fora(flags, on: bool) -> None:
    flags.setattr(sv, "WIDE", True)
    flags.setattr(sv, "WIDE_READINGS", on)
    doc = Document(FORA)
    toks = doc.words
    i = next(k for k, t in enumerate(toks) if t.text == "fora")
    t = toks[i]
    prev, nxt = ["earth", "restrictions"], ["year", "and"]
    lm = get_lm()
    gain = lm.sequence_logprob(("for", *nxt), prev) - lm.sequence_logprob(("fora", *nxt), prev)
    c = cand(t.start, t.end, "for", "OCR_REALWORD", finding="realword", orig=["fora"],
             alt=["for"], cost=1.0, orig_known=True, prior_per_zipf=PRIOR)  # fmt: skip
    memo = DecisionMemo()
    d = Decision(False, "margin_below_threshold", 0.5, 0.0, gain, 1.0, "fora", 2.5)
    memo.put(0, (prev, nxt), d)
    groups = _reading_over(doc, FORA, "yearand", "year and")
    moved = sv.second_vote(doc, [c], memo, groups)
    span = (t.start, t.end)
    if on:
        assert moved == 0 and span not in groups
    else:  # skipped "yearand": "for resume large" is the wrong edit the flag stops
        assert moved == 1 and groups[span][0][1].replacement == "for"


def test_split_two_words(flags) -> None:
    text = "decision to place se veralChinese companies on a trade blacklist"
    doc = Document(text)
    j = text.index(" se ") + 1
    assert sv._split_piece(doc, (j, j + 2), "se") is True  # "several" + "chinese"
    flags.setattr(sv, "SPLIT_TWO_WORDS", False)
    assert sv._split_piece(doc, (j, j + 2), "se") is False
    assert sv._two_words("luiuiediutely", "lie", False) is False
    assert sv._two_words("nssaultmc", "n", True) is False
