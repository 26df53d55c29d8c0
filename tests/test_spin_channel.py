"""The spinner's channel for the candidate ranker (issue 11): fanout and WordNet pairs,
read from ``lexicons/spin_channel.tsv`` and fed to the ranker's features."""

from __future__ import annotations

import math

import pytest
from repair.lexicons import LexiconError

from repair.candidates import spin_channel
from repair.candidates.spin_channel import fanout, wordnet_shared
from repair.score.spin_evidence import candidate_table, candidates_for
from repair.score.spin_rank import RANK_FEATURES


def test_fanout_counts_written_forms_listing_a_candidate() -> None:
    # "said" is a candidate original of many written forms, "declared" of fewer
    assert fanout("said") > fanout("declared") > 0
    assert fanout("qwxzv") == 0


def test_wordnet_pairs_are_thesaurus_pairs_only() -> None:
    assert wordnet_shared("purchased", "bought") >= 1
    assert wordnet_shared("purchased", "table") == 0
    assert wordnet_shared("qwxzv", "bought") == 0


def test_ranker_features_carry_the_channel() -> None:
    left, word, right = ["the", "company"], "purchased", ["the", "building"]
    table = candidate_table(left, word, right, candidates_for(word), {})
    assert table
    fi, wi = RANK_FEATURES.index("fanout"), RANK_FEATURES.index("wordnet_pair")
    for o, _g, x in table:
        assert (x[wi] == 1.0) == (wordnet_shared(word, o) > 0)
        assert x[fi] == pytest.approx(math.log1p(fanout(o)))


def test_malformed_channel_file_is_refused(monkeypatch) -> None:
    spin_channel._table.cache_clear()
    spin_channel._row.cache_clear()
    monkeypatch.setattr(spin_channel, "read_text", lambda name: "# wrong header\na\t1\t-\n")
    with pytest.raises(LexiconError, match="line 1"):
        spin_channel._table()
    header = spin_channel.format_header(spin_channel.COLUMNS)
    monkeypatch.setattr(spin_channel, "read_text", lambda name: f"{header}\na\tx\n")
    with pytest.raises(LexiconError, match="form<TAB>fanout"):
        spin_channel._table()
    spin_channel._table.cache_clear()
    spin_channel._row.cache_clear()
