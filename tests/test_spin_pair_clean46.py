"""Weak profile pairs mostly honest in clean English (score/spin.py PAIR_CLEAN, the learned
table lexicons/spin_pair_clean.tsv); issue 11."""

from __future__ import annotations

from collections import Counter

import pytest
from repair.lexicons import LexiconError

from repair.candidates.spin import builtin_pairs
from repair.document import Document
from repair.score import spin as score
from repair.score import spin_pair_clean
from repair.types import Candidate

TEXT = "Leaders of many nations met in Paris on Monday to discuss trade and jobs."


def _nations(text: str = TEXT, source: str = "SPIN_PAIR") -> tuple[Document, Candidate]:
    i = text.index("nations")
    c = Candidate(i, i + 7, "countries", "spin", source, {"strength": "weak", "caps": False})
    return Document(text), c


def _fix(doc: Document, c: Candidate) -> tuple[list[str], Counter[str]]:
    decisions: Counter[str] = Counter()
    edits = score.score_spin(doc, 0.9, [c], gate=False, decisions=decisions)
    return [e.replacement for e in edits], decisions


def test_honest_weak_pair_is_declined_only_with_the_flag(monkeypatch) -> None:
    doc, c = _nations()
    monkeypatch.setattr(score, "PAIR_CLEAN", False)
    assert _fix(doc, c)[0] == ["countries"]
    monkeypatch.setattr(score, "PAIR_CLEAN", True)
    edits, decisions = _fix(doc, c)
    assert edits == [] and decisions["weak_evidence"] == 1


def test_strong_document_evidence_keeps_the_pair(monkeypatch) -> None:
    doc, c = _nations()
    monkeypatch.setattr(score, "PAIR_CLEAN", True)
    monkeypatch.setattr(score, "PAIR_CLEAN_DENSE", 5.0)  # a dense profile: the spinner's work
    assert _fix(doc, c)[0] == ["countries"]
    monkeypatch.setattr(score, "PAIR_CLEAN_DENSE", 10.0)
    monkeypatch.setattr(score, "PAIR_CLEAN_GAIN", 1.0)  # a high gain
    assert _fix(doc, c)[0] == ["countries"]


def test_a_pair_clean_english_rarely_writes_is_kept(monkeypatch) -> None:
    monkeypatch.setattr(score, "PAIR_CLEAN", True)
    text = "He said the plan would work, however nobody else in the room agreed with him."
    i = text.index("however")
    c = Candidate(i, i + 7, "but", "spin", "SPIN_PAIR", {"strength": "weak", "caps": False})
    assert spin_pair_clean.honest_share("however", "but") < score.PAIR_CLEAN_SHARE
    assert not score.honest_pair("however", c, 3.0, 0)
    assert score.honest_pair("nations", _nations()[1], 3.0, 0)
    assert not score.honest_pair("nations", _nations()[1], 3.0, 1)  # reference support


def test_table_covers_every_weak_profile_pair() -> None:
    weak = {
        (spun, orig)
        for spun, info in builtin_pairs().items()
        if info.strength == "weak" and info.source == "lexicon"  # the profile file's rows
        for orig in info.originals
    }
    assert set(spin_pair_clean.table()) == weak


def test_table_is_checked_on_load(monkeypatch) -> None:
    bad = (("nations", "countries", "3", "5", "1"),)
    monkeypatch.setattr(spin_pair_clean, "read_tsv", lambda name, columns: bad)
    spin_pair_clean.table.cache_clear()
    try:
        with pytest.raises(LexiconError, match="more fires than occurrences"):
            spin_pair_clean.table()
        monkeypatch.setattr(
            spin_pair_clean, "read_tsv", lambda name, columns: (("a", "b", "x", "0", "1"),)
        )
        spin_pair_clean.table.cache_clear()
        with pytest.raises(LexiconError, match="integers"):
            spin_pair_clean.table()
    finally:
        spin_pair_clean.table.cache_clear()


def test_table_states_its_source_and_licence() -> None:
    from repair.lexicons import read_text

    head = read_text(spin_pair_clean.TABLE).splitlines()[:5]
    assert any("public domain" in line and "dev half only" in line for line in head)
    assert any(line.startswith("# licence:") for line in head)
