"""``benchmarks/spin_policy_rule.py``: WordNet lemma rules fitted on known spinner pairs,
and their inverse (issue 11, session 24)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

pytest.importorskip("wn")
pytest.importorskip("lemminflect")

import spin_policy_rule as spr  # noqa: E402


def test_forward_rules_read_wordnet_order() -> None:
    assert spr.rule_first("city", "noun") == "metropolis"
    assert spr.forward_hit(spr.rule_first, "cities", "metropolises")
    assert not spr.forward_hit(spr.rule_first, "city", "town")


def test_synset_sharing_separates_wordnet_pairs_from_the_seed_spinners_own() -> None:
    assert spr.shares_synset("countries", "nations")
    assert not spr.shares_synset("said", "mentioned")
    assert not spr.shares_synset("meeting", "assembly")


def test_inverse_gives_the_originals_a_rule_maps_to_a_word() -> None:
    assert "city" in spr.originals("first co-lemma", "metropolis")
    assert "city" in spr.originals("first co-lemma", "metropolises")
    assert "say" not in spr.originals("first co-lemma", "mentioned")


def test_seed_pairs_are_read_off_seed_000_against_its_gold() -> None:
    pairs = set(spr.seed_pairs())
    assert ("said", "mentioned") in pairs
    assert ("meeting", "assembly") in pairs
    tokens, sub = spr.seed_alignment()
    assert any(tokens[i] == "mentioned" and g == "said" for i, g in sub.items())
    assert all(tokens[i] for i in sub)


def test_unique_drops_case_duplicates_and_no_ops() -> None:
    assert spr.unique([("Said", "mentioned"), ("said", "Mentioned"), ("x", "X")]) == [
        ("Said", "mentioned")
    ]
