"""Session 66 (learnclean): with ``learn.LEARN_MOVED`` a learned pair is kept only where the
learning corpus's counts moved from its original to its written form (a spinner's habit),
not where the corpus also writes the original freely (an honest word, or a first-pass
misreading)."""

from __future__ import annotations

import pytest

from repair import learn
from repair.learn import LearnedPair, learn_pairs, moved_enough, pair_moved

#: A clean text that writes the original "said" freely.
_SAYS = " ".join(f"The officer said that item {i} was fine." for i in range(300))


def test_pair_moved_reads_the_corpus_rates() -> None:
    moved = LearnedPair("utilize", "use", form_rate=0.002, original_rate=0.0001)
    honest = LearnedPair("permit", "allow", form_rate=0.0002, original_rate=0.001)
    assert pair_moved(moved, 100_000) > 5.0
    assert pair_moved(honest, 100_000) < 2.0
    assert moved_enough(moved, 100_000) and not moved_enough(honest, 100_000)
    assert pair_moved(LearnedPair("make use", "use", form_rate=0.1, original_rate=0.1), 10) is None
    assert pair_moved(LearnedPair("utilize", "use"), 10) is None  # no rates: kept
    assert moved_enough(LearnedPair("utilize", "use"), 10)


@pytest.mark.parametrize("on", [False, True])
def test_a_pair_whose_original_the_corpus_writes_freely_is_dropped(
    monkeypatch: pytest.MonkeyPatch, spun_seed: str, clean_seeds: list[str], on: bool
) -> None:
    monkeypatch.setattr(learn, "LEARN_MOVED", on)
    alone = {p.spun: p.original for p in learn_pairs([spun_seed], clean_seeds, thesaurus=False)}
    assert alone.get("mentioned") == "said"  # the seed's spinner moved every "said"
    both = {
        p.spun: p.original for p in learn_pairs([spun_seed, _SAYS], clean_seeds, thesaurus=False)
    }
    # the corpus now writes "said" more than its form: no move, the pair goes with the flag
    assert ("mentioned" in both) is (not on)
