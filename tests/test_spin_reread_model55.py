"""The reverse readings' own model (repair.score.spin_reread_model, REREAD_MODEL) and its
benchmark (benchmarks/spin_reread_refit.py); issue 11, session 55 (spinword)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from repair.lexicons import LexiconError, lexicon_path, read_text

import repair.stages.spin as spin
from repair.candidates.spin_mobyrev import reverse_originals_deep
from repair.document import Document
from repair.score import spin_reread_model as refit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

# tests/test_spin_reverse_wide.py's text: the wide reverse reading restores "breast"
BATTLE = (
    "A British study has found that the incidence of battle cancer is higher in rural areas. "
    "The report says battle cancer is now the leading cause of cancer death among women, "
    "and screening for battle cancer should start earlier."
)


def test_shipped_setting_and_model_file() -> None:
    assert refit.REREAD_MODEL is True  # session 56: on, behind REREAD_MIN_ROWS
    assert refit.REREAD_BAR == 0.3
    assert refit.REREAD_FLAGS == {"reverse", "reverse_wide"}
    d = json.loads(read_text(lexicon_path(refit.MODEL_FILE)))
    assert d["training"]["split"] == "dev" and "spinbot" in d["training"]["spinners"]
    m = refit.get_model()
    assert m.coef[0] > 0  # the word model's log-odds still lead
    # monotone in the word model's probability, everything else fixed
    ps = [refit.probability(refit.features(p, 1.0, 5, 0.05, False)) for p in (0.05, 0.2, 0.6)]
    assert ps == sorted(ps) and ps[0] < ps[-1]


def test_parse_checks_the_schema() -> None:
    good = json.loads(read_text(lexicon_path(refit.MODEL_FILE)))
    assert refit.parse(json.dumps(good)) == refit.get_model()
    for bad in ({**good, "format": "x"}, {**good, "features": ["word_logit"]},
                {**good, "scale": [0.0] * 5}, {**good, "coef": [1.0]}):  # fmt: skip
        with pytest.raises(LexiconError):
            refit.parse(json.dumps(bad))


def _rows(monkeypatch: pytest.MonkeyPatch, on: bool) -> tuple[Document, list]:
    monkeypatch.setattr(refit, "REREAD_MODEL", on)
    doc = Document(BATTLE)
    d = spin.STAGE.detect(doc)
    return doc, spin.wide_reverse_rows(doc, d, [], 0.5, [], refit=on)


def test_the_refit_decides_the_wide_reverse_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    _doc, off = _rows(monkeypatch, False)
    doc, on = _rows(monkeypatch, True)
    assert off and on and {c.replacement for c in on} == {"breast"}
    word_p = {c.start: c.features["model_probability"] for c in off}
    assert all("word_probability" not in c.features for c in off)
    deep = reverse_originals_deep("battle")
    for c in on:
        assert c.features["reverse_wide"] and c.features["word_bar"] == refit.REREAD_BAR
        p = c.features["word_probability"]
        if c.start in word_p:
            assert p == pytest.approx(word_p[c.start])
        q = c.features["model_probability"]
        assert q >= refit.REREAD_BAR and q != pytest.approx(p)
        assert deep.index("breast") >= 0
    # the flag decides: the rows' probabilities are the refit's, not the word model's
    assert {round(c.features["model_probability"], 6) for c in on} != {
        round(v, 6) for v in word_p.values()
    }


def test_only_the_reverse_readings_are_refitted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(refit, "REREAD_MODEL", True)
    doc = Document(BATTLE)
    d = spin.STAGE.detect(doc)
    words = list(d.words)
    every = list(range(len(words)))
    model = spin.get_model()
    wide = spin._decide_rows(doc, d, words, every, 0.0, model, "wide")
    rev = spin._decide_rows(doc, d, words, every, 0.0, model, "reverse", refit=True)
    assert wide and rev and len(wide) == len(rev)
    assert all("word_probability" not in c.features for c in wide)
    assert all("word_probability" in c.features for c in rev)
    assert [spin._word_probability(c) for c in rev] == [
        c.features["model_probability"] for c in wide
    ]


def test_kept_reads_the_document_rule() -> None:
    import spin_reread_refit as bench

    def row(doc: int, p: float, q: float, kind: str, flag: str = "reverse") -> dict:
        return {"sp": "s", "doc": doc, "flag": flag, "p": p, "q": q, "kind": kind,
                "bar": 0.2, "dbar": 0.5}  # fmt: skip

    rows = [row(0, 0.25, 0.1, "gold"), row(0, 0.3, 0.4, "gold"), row(0, 0.21, 0.35, "unspun"),
            row(1, 0.25, 0.9, "gold"), row(1, 0.6, 0.9, "other"),
            row(1, 0.16, 0.2, "gold", "reverse_wide")]  # fmt: skip
    shipped = bench.kept(rows, "p", None, None)
    # doc 0 has 3 rows at 0.2: kept at 0.2; doc 1 has 2: kept at its own bar 0.5 (word model)
    assert (shipped[("s", "gold")], shipped[("s", "other")], shipped[("s", "unspun")]) == (2, 1, 1)
    refitted = bench.kept(rows, "q", 0.3, 0.3)
    assert (refitted[("s", "gold")], refitted[("s", "other")]) == (0, 1)
    assert bench.band(0.19) == "0.1-0.2"
