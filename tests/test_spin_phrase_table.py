"""The multi-word span table's WordNet originals (``scripts/build_spin_phrases.py``, issue 11)."""

from __future__ import annotations

import pytest

from repair.candidates.spin_phrase import span_originals


@pytest.mark.parametrize(
    ("span", "original"),
    [
        (("research", "workers"), "researchers"),  # Zipf 3.9: under the loose floor
        (("prosecuting", "officers"), "prosecutors"),
        (("life", "scientist"), "biologist"),
        (("pass", "on"), "advance"),  # past the 12 commoner Moby originals
    ],
)
def test_wordnet_originals_under_zipf_4_and_past_the_cap(
    span: tuple[str, ...], original: str
) -> None:
    """A WordNet sense spinner writes its own multi-word lemma for a word of the same
    synset; the table keeps that word down to Zipf 3 and whatever Moby lists first."""
    origs, wordnet = span_originals(span)
    assert original in origs and original in wordnet


def test_loose_source_keeps_its_floor_and_cap() -> None:
    """Moby's originals keep Zipf >= 4 and the cap of 12 (WordNet's come on top)."""
    from repair.resources.frequency import zipf

    origs, wordnet = span_originals(("pass", "on"))
    loose = [o for o in origs if o not in wordnet]
    assert loose and all(zipf(o) >= 4.0 for o in loose)
    assert len(loose) <= 12
