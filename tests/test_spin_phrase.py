"""Written two-word spans restored as one word (SPIN_SYNONYM_PHRASE)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repair.candidates.spin_phrase import phrase_evidence, span_originals
from repair.candidates.spin_phrase import phrase_table as phrase_spans
from repair.candidates.spin_synonyms import phrase_originals, phrase_table
from repair.config import RepairConfig
from repair.document import Document
from repair.pipeline import repair_text
from repair.stages.spin import _phrase_kept, _phrases_win
from repair.types import Candidate

NO_PROFILE = RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None)
SUITE = Path(__file__).resolve().parent.parent / "benchmarks" / "suites" / "spin_sim"


def test_phrase_table_has_two_word_rows_with_one_word_originals() -> None:
    table = phrase_table()
    assert len(table) > 2000
    assert all(len(k) == 2 and all(" " not in o for _u, o in v) for k, v in table.items())


@pytest.mark.parametrize(
    ("first", "second", "original"),
    [
        ("adult", "male", "man"),
        ("adult", "females", "women"),  # noun head inflected
        ("arrived", "at", "reached"),  # verb head inflected
        ("dropped", "dead", "died"),
        ("olfactory", "organ", "nose"),
    ],
)
def test_phrase_originals_inflect_the_head(first: str, second: str, original: str) -> None:
    assert original in phrase_originals(first, second)


def test_phrase_originals_empty_for_ordinary_word_pairs() -> None:
    assert phrase_originals("in", "order") == ()
    assert phrase_originals("the", "house") == ()


def _cand(start: int, end: int, source: str, gain: float, zg: float = 1.0) -> Candidate:
    feats = {"gain0": gain, "zipf_gain": zg}
    return Candidate(start, end, "x", "spin", source, feats)


def test_phrase_rule_needs_gain_and_a_more_ordinary_word() -> None:
    assert _phrase_kept(_cand(0, 11, "SPIN_SYNONYM_PHRASE", 5.0, 1.0))
    assert not _phrase_kept(_cand(0, 11, "SPIN_SYNONYM_PHRASE", 1.0, 1.0))
    assert not _phrase_kept(_cand(0, 11, "SPIN_SYNONYM_PHRASE", 7.0, -0.5))


def test_a_rarer_wordnet_original_needs_strong_evidence(monkeypatch) -> None:
    """A span for a rarer WordNet original ("arrived at" -> "reached") is kept
    on an LM gain of PHRASE_WN_RARER_GAIN, down to PHRASE_WN_MIN_ZIPF_GAIN."""
    import repair.stages.spin as stage

    strong = stage.PHRASE_WN_RARER_GAIN
    assert strong is not None
    low = stage.PHRASE_WN_MIN_ZIPF_GAIN
    assert _phrase_kept(_cand(0, 10, "SPIN_SYNONYM_PHRASE", strong, low))
    assert not _phrase_kept(_cand(0, 10, "SPIN_SYNONYM_PHRASE", strong - 0.1, -0.5))
    assert not _phrase_kept(_cand(0, 10, "SPIN_SYNONYM_PHRASE", strong + 10.0, low - 0.1))
    monkeypatch.setattr(stage, "PHRASE_WN_RARER_GAIN", None)
    assert not _phrase_kept(_cand(0, 10, "SPIN_SYNONYM_PHRASE", strong + 10.0, -0.5))


def test_phrase_wins_over_weaker_word_inside_it_and_loses_to_stronger() -> None:
    phrase = _cand(0, 11, "SPIN_SYNONYM_PHRASE", 8.0)
    weak, strong = _cand(6, 11, "SPIN_SYNONYM", 2.0), _cand(6, 11, "SPIN_SYNONYM", 9.0)
    assert _phrases_win([weak, phrase]) == [phrase]
    assert _phrases_win([strong, phrase]) == [strong]


def test_phrase_evidence_skips_names_and_reads_gain() -> None:
    doc = Document("He said the adult male was seen near the Adult Male club.", config=NO_PROFILE)
    rows = [r for r in phrase_evidence(doc, set()) if "male" in r.written.lower()]
    assert [(r.written, r.original) for r in rows] == [("adult male", "man")]
    assert rows[0].gain > 0 and rows[0].zipf_gain > 0 and rows[0].wordnet


def test_three_word_spans_from_the_phrase_table() -> None:
    """Moby's multi-word entries read backwards, with both sides of the gain."""
    doc = Document("The talks went by way of a third country last week.", config=NO_PROFILE)
    rows = {r.written: r for r in phrase_evidence(doc, set())}
    row = rows["by way of"]
    assert row.words == 3 and row.original in span_originals(("by", "way", "of"))[0]
    assert not row.wordnet  # Moby only: the stricter rule applies
    assert abs(row.left_gain + row.right_gain - row.gain) < 1e-9


def test_phrase_table_rows_are_spans_with_one_word_originals() -> None:
    table = phrase_spans()
    assert len(table) > 20_000
    for span, (origs, wordnet) in table.items():
        words = span.split(" ")
        assert 2 <= len(words) <= 3 and all(w.isalpha() and w.islower() for w in words)
        assert origs and all(o.isalpha() and o not in words for o in origs)
        assert wordnet <= set(origs)


def test_loose_source_needs_both_sides_margin_and_context() -> None:
    base = {
        "gain0": 10.0,
        "zipf_gain": -1.0,
        "context": 8.0,
        "left_gain": 5.0,
        "right_gain": 5.0,
        "has_right": True,
        "margin": 5.0,
        "wordnet": False,
    }

    def kept(**kw: object) -> bool:
        return _phrase_kept(Candidate(0, 9, "x", "spin", "SPIN_SYNONYM_PHRASE", {**base, **kw}))

    assert kept()
    assert not kept(gain0=5.0)  # enough for a WordNet lemma, not for Moby
    assert kept(gain0=5.0, wordnet=True, zipf_gain=0.5)
    assert not kept(right_gain=-1.0)
    assert not kept(right_gain=-0.1)  # the right context speaks against the word
    assert kept(right_gain=0.0)  # it fits both: the left side carries the evidence
    assert kept(right_gain=-1.0, has_right=False)  # the sentence ends after the span
    assert not kept(left_gain=0.0)
    assert not kept(left_gain=0.5)
    assert not kept(margin=0.5)
    assert not kept(context=1.0)


def test_honest_compounds_in_clean_text_stay() -> None:
    text = (
        "The managing director said in order to grow the firm it would arrive at a decision "
        "by March. Of necessity, the board will regard as final the vote of the majority."
    )
    assert repair_text(text, (), NO_PROFILE).text == text


def test_wordnet_spinner_phrases_restored_and_right() -> None:
    """Dev documents of the simulated WordNet and double spinners (spin-eval suite)."""
    right = wrong = 0
    for name in ("dev_wordnet.jsonl", "dev_double.jsonl"):
        for line in (SUITE / name).read_text("utf-8").splitlines():
            d = json.loads(line)
            gold = {(g["replacement"].lower(), g["original"].lower()) for g in d["edits"]}
            assert repair_text(d["clean"], (), NO_PROFILE).text == d["clean"]
            for e in repair_text(d["damaged"], (), NO_PROFILE).edits:
                if e.rule == "SPIN_SYNONYM_PHRASE":
                    ok = (e.original.lower(), e.replacement.lower()) in gold
                    right, wrong = right + ok, wrong + (not ok)
    assert right >= 8 and wrong * 5 <= right


def test_unrolled_scan_equals_the_plain_loop() -> None:
    """Issue 14: the two/three-word loop of ``phrase_evidence`` is unrolled; it finds
    the same evidence, in the same order, as the plain loop over span lengths."""
    from repair.candidates.spin_phrase import _phrase_evidence_any

    root = Path(__file__).resolve().parent.parent
    paths = sorted((root / "seeds").glob("*.txt"))
    paths += sorted((root / "benchmarks/suites/spin").glob("*.txt"))[:6]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    texts += ["Of the in a to. The big dog ran to the store at the end of the day", "a b", ""]
    found = 0
    for text in texts:
        doc = Document(text)
        covered = {t.start for t in doc.words[3::11]}
        for cov in (set(), covered):
            fast = phrase_evidence(doc, cov)
            assert fast == _phrase_evidence_any(doc, cov)
            found += len(fast)
    assert found > 20
