"""A declined multi-word span unseen in the book counts, read again (score/spin_span_rare)."""

from __future__ import annotations

import re

import pytest

from repair.document import Document
from repair.score import spin_span_rare as sr
from repair.stages import spin as st
from repair.types import Candidate

SPUN = (
    "The endogamous group met at home. Each endogamous group has its own house and "
    "children. My endogamous group lives in the country."
)


def _declined(text: str, span: str) -> list[Candidate]:
    return [
        Candidate(m.start(), m.end(), "x", "spin", st.PHRASE_RULE, {"gain0": 0.0})
        for m in re.finditer(span, text)
    ]


def _read(text: str, span: str) -> list[tuple[str, str, str]]:
    out = sr.rare_spans(Document(text), _declined(text, span))
    return [(text[c.start : c.end], c.replacement, c.features["span_rare"]) for c in out]


def _permissive(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("POOL_GAIN", "POOL_MARGIN", "SINGLE_GAIN", "SINGLE_MARGIN", "MIN_SIDE"):
        monkeypatch.setattr(sr, name, -99.0)


def test_a_strong_place_alone() -> None:
    # the first place's right side is against "family" (-1.9): no pooling; the last place
    # has a gain of 26 nats and a lead of 7 alone
    assert _read(SPUN, "endogamous group") == [("endogamous group", "family", "alone")]


def test_pooled_places_take_one_original(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sr, "MIN_SIDE", -2.0)
    got = _read(SPUN, "endogamous group")
    assert got == [("endogamous group", "family", "pooled")] * 3
    monkeypatch.setattr(sr, "POOL_MIN", 4)  # three places are too few: alone again
    assert _read(SPUN, "endogamous group") == [("endogamous group", "family", "alone")]


def test_a_book_count_pair_is_the_author_s(monkeypatch: pytest.MonkeyPatch) -> None:
    _permissive(monkeypatch)
    text = "The political parties met at home. Each of the political parties has a house."
    assert _read(text, "political parties") == []


def test_a_pair_the_lm_knows_is_the_author_s(monkeypatch: pytest.MonkeyPatch) -> None:
    _permissive(monkeypatch)
    text = "Each year the council sets aside money for the poor."
    assert sr._lm_pair(("sets", "aside")) and not sr._lm_pair(("endogamous", "group"))
    assert _read(text, "sets aside") == []
    monkeypatch.setattr(sr, "LM_PMI_MAX", 99.0)
    assert [w for w, _o, _h in _read(text, "sets aside")] == ["sets aside"]


def test_the_stage_reads_declined_span_candidates_only(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[Candidate]] = []

    def fake(doc: Document, declined: list[Candidate]) -> list[Candidate]:
        seen.append(list(declined))
        return []

    monkeypatch.setattr(st, "rare_spans", fake)
    kept, declined = _declined(SPUN, "endogamous group")[:2]
    word = Candidate(0, 3, "A", "spin", "SPIN_SYNONYM", {})
    assert st._rare_spans(Document(SPUN), [kept, declined, word], [kept]) == []
    assert seen == [[declined]]
