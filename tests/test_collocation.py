"""The collocation stage: spun terms and wordy paraphrases (tests/cases/collocation.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repair.config import RepairConfig
from repair.detect import collocation, tortured
from repair.document import Document
from repair.pipeline import repair_text
from repair.score.collocation import decide
from repair.stages import names
from repair.stages.collocation import RARE_RULE, STAGE

CASES = json.loads((Path(__file__).parent / "cases" / "collocation.json").read_text("utf-8"))


def _edits(text: str) -> list[tuple[str, str]]:
    """The stage's term and wordy-phrase edits (rare words: tests/test_rareword.py)."""
    doc = Document(text)
    d = STAGE.detect(doc)
    return [
        (e.original, e.replacement)
        for e in STAGE.score(doc, d, STAGE.candidates(doc, d))
        if e.rule != RARE_RULE
    ]


def _params() -> list:
    return [
        pytest.param(c, marks=pytest.mark.xfail(reason=c["xfail"], strict=True))
        if "xfail" in c
        else c
        for c in CASES["cases"]
    ]


@pytest.mark.parametrize("case", _params(), ids=[c["name"] for c in CASES["cases"]])
def test_case(case: dict) -> None:
    assert _edits(case["text"]) == [tuple(e) for e in case["expect"]]


@pytest.mark.parametrize("case", _params(), ids=[c["name"] for c in CASES["cases"]])
def test_pipeline_edits_reproduce_output(case: dict) -> None:
    result = repair_text(case["text"], config=RepairConfig(spin=False, tortured=False))
    out = case["text"]
    for e in sorted(result.edits, key=lambda e: -e.offset):
        assert out[e.offset : e.end] == e.original
        out = out[: e.offset] + e.replacement + out[e.end :]
    assert out == result.text
    if not case["expect"]:
        assert result.text == case["text"]


def test_stage_runs_after_spin() -> None:
    order = names()
    assert order.index("spin") < order.index("collocation")


def test_terms_lexicon_and_held_out_split() -> None:
    terms = collocation.load_terms()
    assert terms.get(("neural", "networks")) is not None  # singular lemma of a plural
    assert terms.get(("blood", "pressure")).sources >= {"wordnet"}
    assert terms.get(("data", "agglomerates")) is None
    pps_test = terms.get(("image", "classification"))
    assert pps_test is not None and pps_test.sources == frozenset({"pps"})
    assert collocation.load_terms(frozenset({"test"})).get(("image", "classification")) is None


def test_declined_windows_keep_their_reasons() -> None:
    doc = Document("The lineage is the most parsimonious way of explaining the data.")
    decisions = decide(collocation.find(doc))
    assert decisions and not any(d.applied for d in decisions)
    assert all(d.reasons for d in decisions)


def test_tortured_prefilter_file_is_current() -> None:
    from repair.lexicons import read_text

    assert read_text(tortured.KEYS) == tortured.keys_text()


def test_tortured_fingerprint_is_the_phrase_files_hash_cold_and_warm(tmp_path, monkeypatch) -> None:
    import hashlib

    from repair.lexicons import lexicon_path

    want = hashlib.blake2b(lexicon_path(tortured.LEXICON).read_bytes(), digest_size=12).hexdigest()
    monkeypatch.setenv("REPAIR_CACHE_DIR", str(tmp_path))
    assert tortured.fingerprint() == want  # cold: hashed, then stored
    assert tortured.fingerprint() == want  # warm: read back by the file's stat
    monkeypatch.setenv("REPAIR_CACHE_DIR", "off")
    assert tortured.fingerprint() == want


def test_tortured_prefilter_misses_no_phrase() -> None:
    lex = tortured.load_lexicon()
    pre = tortured.prefilter()
    for e in lex.entries:
        assert tortured.may_match(list(e.units), pre), e.tortured


def test_clean_news_skips_the_phrase_list() -> None:
    tortured.load_lexicon.cache_clear()
    text = Path("seeds/001_6ec5e41faf0dbfb8.txt").read_text("utf-8")
    assert tortured.detect(Document(text)).findings == ()
    assert tortured.load_lexicon.cache_info().currsize == 0


def test_written_pmi_reads_the_pair_holding_the_changed_word(monkeypatch) -> None:
    """In "wireless sensor webs" the honest pair "wireless sensor" is associated, the pair
    that holds the spun word ("sensor webs") is not; the window is not declined as a
    written collocation (spinmill47's finding)."""
    text = "We deployed wireless sensor webs in the field to monitor the soil moisture."

    def window_reasons() -> tuple[float, tuple[str, ...]]:
        rs = [r for r in collocation.find(Document(text)) if len(r.written) == 3]
        d = next(d for d in decide(rs) if d.restoration.written[-1] == "webs")
        return d.restoration.written_pmi, d.reasons

    pmi, reasons = window_reasons()
    assert pmi < 1.0 and "written_collocation" not in reasons
    monkeypatch.setattr(collocation, "PMI_PAIR_OF_CHANGE", False)
    pmi, reasons = window_reasons()
    assert pmi > 1.0 and "written_collocation" in reasons
