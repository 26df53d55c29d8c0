"""A heavy page's lower-case non-word read two or three glyph errors away, the channel
proposing its few cheapest words and the language model choosing ("juiuor" -> junior:
issue 12, session 66, ocrheavy)."""

from __future__ import annotations

from collections import Counter

import pytest

import repair.candidates.ocr_heavytwo as heavytwo
from repair.candidates.ocr_rules import word_cand
from repair.tokenize import tokenize
from repair.types import Candidate, Finding


@pytest.fixture(autouse=True)
def _on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heavytwo, "HEAVY_TWO", True)


def _read(
    text: str, word: str, reason: str = "nonword", rivals: tuple[tuple[str, float], ...] = ()
) -> list[Candidate]:
    toks = tokenize(text)
    k = next(i for i, t in enumerate(toks) if t.text == word)
    counts = Counter(t.text for t in toks if t.kind == "word")
    tok = toks[k]
    findings = [Finding(tok.start, tok.end, "ocr", reason)]
    out = [word_cand(tok, w, "OCR_CONFUSION", finding=reason, cost=c) for w, c in rivals]
    return heavytwo.page_candidates(toks, [k], findings, counts, out)


def test_reads_the_channel_s_few_cheapest_words() -> None:
    got = _read("when the juiuor members were present", "juiuor")
    assert "junior" in [c.replacement for c in got]
    junior = next(c for c in got if c.replacement == "junior")
    # one flat price for the scorer (the channel only proposes), the finding named
    assert junior.features["cost"] == heavytwo.COST_CAP
    assert junior.features["finding"] == "heavy_two" and junior.source == "OCR_SPELLING"
    assert len(got) <= heavytwo.READINGS


def test_flag_off_reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heavytwo, "HEAVY_TWO", False)
    assert _read("when the juiuor members were present", "juiuor") == []


def test_guards() -> None:
    # printed twice on the page, capitalised, short, not a plain non-word finding
    assert _read("the juiuor and the juiuor members", "juiuor") == []
    assert _read("when the Juiuor members", "Juiuor", "capitalized_unknown") == []
    assert _read("when the jnor members", "jnor") == []
    assert _read("when the juiuor members", "juiuor", "inner_capital") == []
    # letters glued to a digit are a piece of a garbled chunk ("n0twell"); a comma is not
    assert _read("how this occurs is n0twell understood", "twell") == []
    assert "junior" in [c.replacement for c in _read("the juiuor, members", "juiuor")]


def test_rivals_keep_their_lead() -> None:
    plain = {c.replacement: c for c in _read("when the juiuor members", "juiuor")}
    # a reading another builder made is left to it
    got = _read("when the juiuor members", "juiuor", rivals=(("junior", 3.0),))
    assert "junior" not in [c.replacement for c in got]
    # never priced below the cheapest rival, and not offered when the channel prices it
    # far above that rival
    cheap = next(iter(sorted(heavytwo.cheapest_readings("juiuor"))))
    rival = cheap[0] - heavytwo.RIVAL_GAP - 0.5
    got = _read("when the juiuor members", "juiuor", rivals=(("juicer", rival),))
    assert got == []
    got = _read("when the juiuor members", "juiuor", rivals=(("juicer", 6.0),))
    assert got and all(c.features["cost"] >= 6.0 for c in got)
    assert set(plain) >= {c.replacement for c in got}
