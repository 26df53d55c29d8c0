"""The spin stage's word statistics (``details["spin"]["word_stats"]``) that the document
spin score reads: the spun seed shows more likely-spun words per 100 words than clean ones."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from repair import repair_text
from repair.config import RepairConfig
from repair.detect.spin_stats import word_stats


def test_rates_are_per_100_words_with_a_floor_on_length() -> None:
    row = [3.0, 0.0, 0.0, 0.0, 2.0, 0.0, 3.0, 4.0] + [0.0] * 14
    long = word_stats([0.5, 0.5], [row, row], 400)
    short = word_stats([0.5, 0.5], [row, row], 20)  # counted as 150 words long
    assert long["p_per_100"] == 0.25 and long["p_over_35"] == 0.5
    assert short["p_per_100"] == round(100 / 150, 3)
    assert long["ordinary_per_100"] == 0.5
    # a synonym that is no more frequent than the written word is not "ordinary"
    rarer = [3.0, 0.0, 0.0, 0.0, 2.0, 0.0, 4.0, 4.0] + [0.0] * 14
    assert word_stats([0.5], [rarer], 400)["ordinary_per_100"] == 0.0


def _cues(text: str) -> tuple[float, dict[str, float]]:
    r = repair_text(text, (), RepairConfig(mojibake=False, ocr=False))
    return r.scores.spin, r.scores.details["spin_score"]


def test_a_synonym_spinner_shows_in_the_word_rate_and_the_seed_spinner_in_its_profile(
    spun_seed: str, clean_seeds: list[str]
) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    sim = pytest.importorskip("spin_sim")
    from spin_sim.corpus import select

    docs = [d for d in select("dev", None) if d.register in ("lee", "state_union")][:3]
    if not docs:
        pytest.skip("no public-domain dev documents")
    clean = [_cues(t)[1] for t in clean_seeds] + [_cues(d.text)[1] for d in docs]
    for d in docs:  # a synonym spinner that knows nothing of the seed's families
        spun = _cues(sim.spin_doc(d.doc_id, d.register, d.text, "wordnet", "dev").spun)[1]
        assert spun["words_per_100"] > max(c["words_per_100"] for c in clean)
    score, seed = _cues(spun_seed)  # the seed's spinner: its habits, not a word rate
    assert seed["profile_per_100"] > max(c["profile_per_100"] for c in clean)
    assert score >= 0.5
