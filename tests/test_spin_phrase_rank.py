"""Ranking the one-word originals of a written span (WordNet prior, issue 11)."""

from __future__ import annotations

from repair.candidates.spin_phrase import PRIOR_MIN_ZIPF_GAIN, WORDNET_PRIOR, _ranked


def test_wordnet_original_close_to_the_best_is_chosen() -> None:
    rows = [(12.0, 6.0, 6.0, "bill"), (11.0, 5.0, 6.0, "nose"), (2.0, 1.0, 1.0, "trunk")]
    assert _ranked(rows, frozenset({"nose"}), ("olfactory", "organ"))[3] == "nose"


def test_wordnet_original_too_far_behind_is_not() -> None:
    gap = WORDNET_PRIOR + 1.0
    rows = [(12.0, 6.0, 6.0, "bill"), (12.0 - gap, 5.0, 6.0 - gap, "nose")]
    assert _ranked(rows, frozenset({"nose"}), ("olfactory", "organ"))[3] == "bill"


def test_prior_needs_a_more_common_original_than_the_span() -> None:
    """An author's idiom of common words ("at peace") keeps the LM's choice."""
    rows = [(9.0, 5.0, 4.0, "calm"), (8.0, 4.0, 4.0, "gone")]
    assert PRIOR_MIN_ZIPF_GAIN > 0
    assert _ranked(rows, frozenset({"gone"}), ("at", "peace"))[3] == "calm"


def test_best_wordnet_original_stays_best() -> None:
    rows = [(9.0, 5.0, 4.0, "nose"), (8.0, 4.0, 4.0, "bill")]
    assert _ranked(rows, frozenset({"nose", "bill"}), ("olfactory", "organ"))[3] == "nose"
