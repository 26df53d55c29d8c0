"""Session 41 (issue 12): a garbled non-word's only reading in reach, taken when it falls
just short of its threshold (:mod:`repair.score.ocr_sole`)."""

from __future__ import annotations

from typing import Any

import pytest

from repair.candidates.ocr_rules import cand
from repair.pipeline import repair_text
from repair.score import ocr_docself, ocr_sole
from repair.score.ocr import Decision
from repair.types import Candidate


class _Memo:
    """The scorer's decisions by candidate index (``DecisionMemo.get``'s shape)."""

    def __init__(self, decisions: list[Decision | None]) -> None:
        self.decisions = decisions

    def get(self, k: int) -> tuple[list[str], list[str], Decision] | None:
        d = self.decisions[k]
        return None if d is None else ([], [], d)


def _cand(text: str, word: str, repl: str, source: str = "OCR_CONFUSION") -> Candidate:
    start = text.index(word)
    feats: dict[str, Any] = {"orig": [word], "alt": [repl], "cost": 1.0, "finding": "nonword"}
    return cand(start, start + len(word), repl, source, **feats)


def _refused(margin: float, threshold: float) -> Decision:
    return Decision(False, "margin_below_threshold", margin, 0.0, 0.0, 0.0, None, threshold)


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(ocr_sole, "SOLE", True)
    return monkeypatch


def test_flag_values() -> None:
    assert ocr_sole.SOLE is True  # on: see benchmarks/RESULTS.md, session 41, lead
    assert (ocr_sole.SLACK, ocr_sole.GAP, ocr_sole.MIN_LEN) == (2.0, 3.0, 5)


def test_sole_near_miss_taken(on: pytest.MonkeyPatch) -> None:
    text = "life aluays in them"
    c = _cand(text, "aluays", "always", "OCR_SPELLING")
    groups: dict = {}
    added = ocr_sole.accept_sole([c], _Memo([_refused(1.44, 1.5)]), groups)
    assert added == [(c.start, c.end)]
    ((margin, got, ev),) = groups[(c.start, c.end)]
    assert got.replacement == "always" and ev["sole"] is True and margin == 1.44


def test_off_takes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_sole, "SOLE", False)
    text = "life aluays in them"
    c = _cand(text, "aluays", "always", "OCR_SPELLING")
    groups: dict = {}
    assert ocr_sole.accept_sole([c], _Memo([_refused(1.44, 1.5)]), groups) == []
    assert groups == {}


def test_a_close_rival_leaves_the_print(on: pytest.MonkeyPatch) -> None:
    text = "after a contle by Leslie"
    a, b = _cand(text, "contle", "centre"), _cand(text, "contle", "gentle")
    groups: dict = {}
    memo = _Memo([_refused(0.6, 1.0), _refused(0.2, 1.0)])
    assert ocr_sole.accept_sole([a, b], memo, groups) == []


def test_far_rivals_and_the_same_word_twice(on: pytest.MonkeyPatch) -> None:
    text = "last October dunns a Liberty"
    cands = [_cand(text, "dunns", w) for w in ("dunes", "during", "during", "dunne")]
    memo = _Memo([_refused(-4.6, 1.0), _refused(0.5, 1.0), _refused(0.2, 1.0), None])
    groups: dict = {}
    ocr_sole.accept_sole(cands, memo, groups)
    assert [c.replacement for _m, c, _e in groups[(cands[0].start, cands[0].end)]] == ["during"]


def test_too_far_short(on: pytest.MonkeyPatch) -> None:
    text = "the eheqim found"
    c = _cand(text, "eheqim", "cheque")
    assert ocr_sole.accept_sole([c], _Memo([_refused(-8.0, -1.0)]), {}) == []


@pytest.mark.parametrize(
    ("text", "word", "repl"),
    [
        ("found in tci during", "tci", "tea"),  # short
        ("the Rrounds were", "Rrounds", "grounds"),  # capitalised
        ("the »ranch of", "»ranch", "branch"),  # a mark in the span
    ],
)
def test_shape_guards(on: pytest.MonkeyPatch, text: str, word: str, repl: str) -> None:
    c = _cand(text, word, repl)
    assert ocr_sole.accept_sole([c], _Memo([_refused(0.5, 1.0)]), {}) == []


def test_accepted_or_overlapping_span_left_alone(on: pytest.MonkeyPatch) -> None:
    text = "the aluays in"
    c = _cand(text, "aluays", "always")
    groups: dict = {(c.start, c.end + 3): [(2.0, c, {})]}  # a wider edit over the print
    assert ocr_sole.accept_sole([c], _Memo([_refused(1.44, 1.5)]), groups) == []
    groups = {(c.start, c.end): [(-100.0, c, {"fallback": True})]}  # a fallback stands
    assert ocr_sole.accept_sole([c], _Memo([_refused(1.44, 1.5)]), groups) == []


def test_known_print_never(on: pytest.MonkeyPatch) -> None:
    text = "the case is part hoard."
    c = _cand(text, "hoard", "heard")
    c.features["orig_known"] = True
    assert ocr_sole.accept_sole([c], _Memo([_refused(2.0, 2.5)]), {}) == []


@pytest.mark.parametrize("flag", ["far", "context"])
def test_far_and_context_proposals_never(on: pytest.MonkeyPatch, flag: str) -> None:
    text = "dances, and builcsqucs, together"
    c = _cand(text, "builcsqucs", "burlesque", "OCR_SPELLING")
    c.features[flag] = True
    assert ocr_sole.accept_sole([c], _Memo([_refused(-4.3, -3.0)]), {}) == []


def test_a_print_the_web_knows_is_a_rare_word(on: pytest.MonkeyPatch) -> None:
    text = "whenever my hypos get such an upper hand"
    c = _cand(text, "hypos", "hypes")  # Zipf 1.5: a rare word, not garble
    assert ocr_sole.accept_sole([c], _Memo([_refused(-0.9, 1.0)]), {}) == []


@pytest.mark.parametrize(
    ("text", "word", "alone"),
    [
        ("Ins r.icolleiicy the", "icolleiicy", False),  # a stop glued before
        ("even ia aclvun^otl utages", "aclvun", False),  # a mark glued after
        ("wore very ruergoi], und", "ruergoi", False),
        ("required proDor comuiuni\ncntlon to", "comuiuni", False),  # a word cut at a line end
        ("last October dunns\na Liberty", "dunns", True),
        ("the machine's over-runningr ft", "runningr", True),  # a compound's hyphen
        ("rivers are\nbunkere. Narrowgut", "bunkere", True),
    ],
)
def test_alone(text: str, word: str, alone: bool) -> None:
    i = text.index(word)
    assert ocr_sole._alone(text, i, i + len(word)) is alone


def test_glued_print_left_alone(on: pytest.MonkeyPatch) -> None:
    text = "wore very ruergoi], und"
    c = _cand(text, "ruergoi", "merger")
    assert ocr_sole.accept_sole([c], _Memo([_refused(0.5, 1.0)]), {}, text) == []


def test_old_print_page_never(on: pytest.MonkeyPatch) -> None:
    words = "then shee tooke the praier booke and went vnto him".split()
    assert ocr_sole.old_print(words)
    assert not ocr_sole.old_print("the man went to the meeting of the council".split())
    text = "and went to amuseiueuts then"
    c = _cand(text, "amuseiueuts", "amusements")
    assert ocr_sole.accept_sole([c], _Memo([_refused(0.5, 1.0)]), {}, text, words) == []
    assert ocr_sole.accept_sole([c], _Memo([_refused(0.5, 1.0)]), {}, text, ["and"] * 60)


# SMH 1880s (public domain), a whole dev article
_RAGGED = (
    ";SYDNEY RAGGED SCHOOLS.\n? ' ?-?,\nThe annual picnic given to the children attending\n"
    "the Sydney Itajigod Schools by Mrs. E. C. Mere«\nwether »nu family was hold ut Bonni "
    "Beach oa\\\nFi ¡clay lust. The scholars from the Barrington«\nstreet, Glebe, Waterloo, "
    "Bri.ib.-imj-itteet, and Wool«\nloomooloo branches word conveyed by special tram to\n"
    "thou' destination. lu addition to the teachers and\nother helnors there wero present "
    ":-The Kov«. R.\nS. 1'ateraoD, Dr. Clouston, J. Gr. Soutbby, Jame«\nBuchan, Meaars. T. "
    "I', lieeve, and John Marshall\n(city missionaries), ïïsslniiet, Cooper, Mills, Mathers,"
    "\nauü Mercer, A bountiful (tumor and lea were pro-\nvided. Tho intervale botwi en meal, "
    "were Ulled up\nwith races and various amuseiueuts. The weather\nwas all that could be "
    "desired, and the childrou (many\nof whom wore very ruergoi], und most with bira\nfeet) "
    "thoroughly oojoyed thnranelves. The order\nprevailing and tim behaviour of tha children "
    "wera\nvery tuvourably commented upon by the visitors.\n"
)


def _read(text: str, word: str) -> list[str]:
    return [e.replacement for e in repair_text(text).edits if e.original == word]


def test_end_to_end(monkeypatch: pytest.MonkeyPatch) -> None:
    # the self-trained pass's wider walk (ocr_docself.SECOND_PASS_MAX_COST, session 46) reads
    # "ruergoi]" as "rugged" (the gold has "ragged"): this test is about the sole reader alone
    monkeypatch.setattr(ocr_docself, "SECOND_PASS_MAX_COST", None)
    monkeypatch.setattr(ocr_sole, "SOLE", False)
    assert _read(_RAGGED, "amuseiueuts") == []
    monkeypatch.setattr(ocr_sole, "SOLE", True)
    assert _read(_RAGGED, "amuseiueuts") == ["amusements"]
    assert _read(_RAGGED, "ruergoi") == []  # glued to a bracket: not alone


def test_foreign_phrase_never(on: pytest.MonkeyPatch) -> None:
    text = ", Union des républiques socialistes soviétiques. Orwell"
    c = _cand(text, "socialistes", "socialists")
    assert ocr_sole._foreign(text, c.start)
    assert ocr_sole.accept_sole([c], _Memo([_refused(0.5, 1.0)]), {}, text) == []
    assert not ocr_sole._foreign("last October dunns", 13)


def test_a_period_word_is_no_garble(on: pytest.MonkeyPatch) -> None:
    from repair.score.ngrams import get_ngrams

    assert get_ngrams().count("effluence") > 0  # the period n-grams count it
    text = "sent him the effluence of"
    c = _cand(text, "effluence", "affluence")
    assert ocr_sole.accept_sole([c], _Memo([_refused(0.5, 1.0)]), {}) == []
