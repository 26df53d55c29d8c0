"""Per-type triage of a garbled page's unflagged words (:mod:`repair.candidates.ocr_triage`).

Each ``*_may`` test must be False only for words its builder can never read: checked on
every word type of the synthetic OCR suite in the contexts most favourable to the
builder.  The pipeline's candidates and outputs are the same with the switch on and off,
and with it on the builders are not asked of words the triage rules out.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

import repair.stages.ocr as stage
from repair.candidates import ocr as ocr_mod
from repair.candidates import ocr_case, ocr_namecase, ocr_shortreal, ocr_triage
from repair.pipeline import repair_text
from repair.tokenize import tokenize

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "benchmarks/suites/ocr_synthetic"
SHIPPED = ocr_triage.TRIAGE


def _files() -> list[Path]:
    return sorted(SUITE.glob("*.damaged.txt"))


def _words() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in _files())
    seen = dict.fromkeys(re.findall(r"[^\W\d_]+", text))
    extra = ["thomas", "leslie", "jamison", "thursday", "miss", "Tune", "Iune", "tie", "tho"]
    return [*seen, *extra]


def _at(template: str, word: str) -> tuple[list, int]:
    toks = tokenize(template.format(w=word))
    i = next(k for k, t in enumerate(toks) if t.text == word)
    return toks, i


def test_name_capital_may_is_false_only_where_the_builder_reads_nothing() -> None:
    words = [w for w in _words() if w.islower()]
    ruled_out = 0
    for w in words:
        if ocr_triage.name_capital_may(w):
            continue
        ruled_out += 1
        for template in ("Horace {w} Appleton", "the {w} Appleton", "Jane\n{w} Lucas"):
            toks, i = _at(template, w)
            assert ocr_namecase.name_capital_candidates(toks, i, {}) == [], (w, template)
    assert ruled_out > 100
    toks, i = _at("and {w} Hanley for", "thomas")
    assert ocr_triage.name_capital_may("thomas")
    assert [c.replacement for c in ocr_namecase.name_capital_candidates(toks, i, {})] == ["Thomas"]


def test_capital_word_may_is_false_only_where_the_builder_reads_nothing() -> None:
    words = [w for w in _words() if w[:1].isupper() and w[1:].islower()]
    ruled_out = 0
    for w in words:
        if ocr_triage.capital_word_may(w):
            continue
        ruled_out += 1
        for template in ("of {w}, the", "it was {w} that"):
            toks, i = _at(template, w)
            assert ocr_case.capital_word_candidates(toks, i) == [], (w, template)
    assert ruled_out > 50
    toks, i = _at("of {w}, the", "Tune")
    assert ocr_triage.capital_word_may("Tune")
    assert "June" in [c.replacement for c in ocr_case.capital_word_candidates(toks, i)]


@pytest.mark.parametrize("heavy", [True, False])
def test_short_real_may_is_false_only_where_the_builder_reads_nothing(heavy: bool) -> None:
    ruled_out = 0
    for w in _words():
        if ocr_triage.short_real_may(w, heavy):
            continue
        ruled_out += 1
        for template in ("he said {w} use it", "and the {w} was"):
            toks, i = _at(template, w)
            assert ocr_shortreal.short_real_candidates(toks, i, [], heavy) == [], (w, template)
    assert ruled_out > 100
    assert ocr_triage.short_real_may("tie", True)
    assert not ocr_triage.short_real_may("tie", False)


def _digest(cands: list) -> str:
    h = hashlib.sha1()
    for c in cands:
        feats = sorted((k, repr(v)) for k, v in c.features.items())
        h.update(repr((c.start, c.end, c.replacement, c.kind, c.source, feats)).encode())
    return h.hexdigest()


def _run(
    monkeypatch: pytest.MonkeyPatch, on: bool | None, text: str
) -> tuple[str, str, list[str]]:
    """``on``: the switch (``None``: as shipped)."""
    if on is not None:
        monkeypatch.setattr(ocr_triage, "TRIAGE", on)
    got: list[str] = []
    real = ocr_mod.ocr_candidates

    def recorded(doc, detection, garbled):  # type: ignore[no-untyped-def]
        out = real(doc, detection, garbled)
        got.append(_digest(out))
        return out

    monkeypatch.setattr(stage, "ocr_candidates", recorded, raising=False)
    result = repair_text(text)
    edits = repr([(e.offset, e.length, e.replacement) for e in result.edits])
    return result.text, edits, got


def test_candidates_and_outputs_are_the_same_on_and_off(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in _files()[:6])
    off = _run(monkeypatch, False, text)
    on = _run(monkeypatch, True, text)
    assert off[2], "the OCR candidates were not asked"
    assert on == off


def test_builders_are_not_asked_of_ruled_out_words(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _files()[0].read_text(encoding="utf-8")
    asked: list[str] = []
    real_name = ocr_namecase.name_capital_candidates
    real_short = ocr_mod.short_real_candidates

    def name_spy(toks, i, counts):  # type: ignore[no-untyped-def]
        asked.append(toks[i].text)
        return real_name(toks, i, counts)

    def short_spy(toks, i, have, heavy):  # type: ignore[no-untyped-def]
        asked.append(toks[i].text)
        return real_short(toks, i, have, heavy)

    monkeypatch.setattr(ocr_namecase, "name_capital_candidates", name_spy)
    monkeypatch.setattr(ocr_mod, "short_real_candidates", short_spy)
    _run(monkeypatch, False, text)
    off = len(asked)
    asked.clear()
    monkeypatch.setattr(ocr_triage, "TRIAGE", SHIPPED)
    _run(monkeypatch, None, text)  # as shipped (on): fails with the switch off
    assert off > 100  # a garbled page: every lower-case word asked
    assert len(asked) < off / 10
