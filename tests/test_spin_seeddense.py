"""The seed family at seed 000's density (``benchmarks/spin_sim/seeddense.py``), its
per-half scoring (``benchmarks/spin_eval.py``) and the word model's profile feature."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

pytest.importorskip("spin_sim")
pytest.importorskip("wn")

import spin_eval  # noqa: E402
from spin_sim import DENSE, SPINNERS, spin_doc  # noqa: E402
from spin_sim import seeddense as sd  # noqa: E402
from spin_sim.text import GoldEdit, SpunDoc, apply_edits  # noqa: E402

from repair.bench.metrics import doc_metrics  # noqa: E402
from repair.types import Edit  # noqa: E402


def _text() -> str:
    return next((ROOT / "seeds").glob("001_*.txt")).read_text(encoding="utf-8")


def test_seeddense_is_kept_out_of_the_older_spinner_rows() -> None:
    assert "seeddense" in DENSE and "seeddense" not in SPINNERS
    assert "seeddense" in spin_eval.ALL


def test_seeddense_spins_at_seed_000s_density_with_every_family() -> None:
    text = _text()
    doc = spin_doc("seeds/001", "seeds", text, "seeddense", "dev")
    assert doc == spin_doc("seeds/001", "seeds", text, "seeddense", "dev")
    assert apply_edits(text, doc.edits) == doc.spun
    per_word = len(doc.edits) / len(text.split())
    assert 0.2 <= per_word <= sd.DENSITY + 0.01
    # the sparse seed spinner stays far below
    sparse = spin_doc("seeds/001", "seeds", text, "seed", "dev")
    assert len(sparse.edits) < len(doc.edits) / 2
    halves = {sd.family_half(e.family) for e in doc.edits}
    assert halves == {"dev", "test"}  # every family: the halves are scored apart
    assert any(e.family.startswith("x:") for e in doc.edits)
    assert any(not e.family.startswith("x:") for e in doc.edits)


def test_the_extension_never_swaps_numbers_or_forms_of_one_stem() -> None:
    for lemma, upos in (("million", "NOUN"), ("neighbor", "NOUN"), ("profit", "NOUN")):
        syn = sd.entry(lemma, upos)
        assert syn is None or (syn not in sd.NUMBER_WORDS and not sd.same_stem(syn, lemma))
    assert sd.entry("million", "NOUN") is None
    assert sd.same_stem("neighbour", "neighbor") and not sd.same_stem("market", "trade")


def test_held_half_leaves_out_pairs_the_profile_holds() -> None:
    spun, orig = next(iter(sorted(sd.profile_pairs())))
    held_key = next(
        k for k, _p, _f in sd.seedfamily.sim().families() if sd.seedfamily.split_of(k) == "test"
    )
    known = GoldEdit(0, len(orig), orig, spun, held_key)
    unknown = GoldEdit(0, 5, "zzzzz", "yyyyy", held_key)
    assert sd.half_of(known) == "profile" and not sd.in_half(known, "held-families")
    assert sd.half_of(unknown) == "test" and sd.in_half(unknown, "held-families")


def test_table_halves_score_the_seed_tables_families_only() -> None:
    """``dev-table`` / ``held-table``: a table family's substitution is scored there, an
    extension family's (WordNet, ``x:`` keys) is not; the profile's pairs stay out of
    the held half."""
    fams = sd.seedfamily.sim().families()
    dev_key = next(k for k, _p, _f in fams if sd.seedfamily.split_of(k) == "dev")
    held_key = next(k for k, _p, _f in fams if sd.seedfamily.split_of(k) == "test")
    ext_dev = next(f"x:w{i}" for i in range(50) if sd.family_half(f"x:w{i}") == "dev")
    ext_test = next(f"x:w{i}" for i in range(50) if sd.family_half(f"x:w{i}") == "test")
    table_dev = GoldEdit(0, 5, "zzzzz", "yyyyy", dev_key)
    table_held = GoldEdit(0, 5, "zzzzz", "yyyyy", held_key)
    assert sd.in_half(table_dev, "dev-table") and sd.in_half(table_dev, "dev-families")
    assert not sd.in_half(GoldEdit(0, 5, "zzzzz", "yyyyy", ext_dev), "dev-table")
    assert sd.in_half(GoldEdit(0, 5, "zzzzz", "yyyyy", ext_dev), "dev-families")
    assert sd.in_half(table_held, "held-table") and not sd.in_half(table_held, "dev-table")
    assert not sd.in_half(GoldEdit(0, 5, "zzzzz", "yyyyy", ext_test), "held-table")
    spun, orig = next(iter(sorted(sd.profile_pairs())))
    assert not sd.in_half(GoldEdit(0, len(orig), orig, spun, held_key), "held-table")
    assert "dev-table" in sd.HALVES["dev"] and "held-table" in sd.HALVES["test"]


def test_a_split_name_is_not_a_half() -> None:
    """``in_half(g, "dev")`` used to answer for the held families (benchmarks/spin_outcome.py
    classed the test half's substitutions of seeddense dev documents): it now raises."""
    held_key = next(
        k for k, _p, _f in sd.seedfamily.sim().families() if sd.seedfamily.split_of(k) == "test"
    )
    with pytest.raises(ValueError, match="unknown half"):
        sd.in_half(GoldEdit(0, 5, "zzzzz", "yyyyy", held_key), "dev")


def _two_half_doc() -> tuple[SpunDoc, str, str]:
    dev_fam = next(f"x:w{i}" for i in range(50) if sd.family_half(f"x:w{i}") == "dev")
    test_fam = next(f"x:w{i}" for i in range(50) if sd.family_half(f"x:w{i}") == "test")
    clean = "The large dog saw the big cat today.\n"
    edits = (
        GoldEdit(4, 9, "large", "giant", dev_fam),
        GoldEdit(22, 25, "big", "huge", test_fam),
    )
    return (
        SpunDoc("t", "news", clean, apply_edits(clean, edits), edits, "seeddense"),
        dev_fam,
        test_fam,
    )


def test_a_half_is_scored_on_its_own_spans_only() -> None:
    s, _dev, _test = _two_half_doc()
    assert s.spun == "The giant dog saw the huge cat today.\n"
    dev = "dev-families"
    # the tool restores the other half only: no gain and no loss on the dev half
    other = (Edit(22, 4, "huge", "big", "spin", 0.9, "SPIN_SYNONYM"),)
    out = "The giant dog saw the big cat today.\n"
    c = spin_eval.half_counts(s, dev, out, other)
    assert c.err_before == 1 and c.err_after == 1
    # restoring the dev span fixes the dev half's only error
    mine = (Edit(4, 5, "giant", "large", "spin", 0.9, "SPIN_SYNONYM"),)
    out = "The large dog saw the huge cat today.\n"
    c = spin_eval.half_counts(s, dev, out, mine)
    assert (c.err_before, c.err_after) == (1, 0)
    assert spin_eval.half_spans(s, dev) == {(4, 9): "large"}
    # a false edit elsewhere counts against the half
    bad = (*mine, Edit(10, 3, "dog", "hound", "spin", 0.9, "SPIN_SYNONYM"))
    out = "The large hound saw the huge cat today.\n"
    assert spin_eval.half_counts(s, dev, out, bad).err_after == 1
    # the whole-document scorer sees both spans
    assert doc_metrics(s.spun, s.clean, s.spun).err_before == 2


def test_restored_reads_what_the_edits_made_of_a_span() -> None:
    text = "within the city"
    inner = (Edit(0, 6, "within", "in", "spin", 0.9, "SPIN_PAIR"),)
    assert spin_eval.restored(text, (0, 10), inner) == "in the"
    crossing = (Edit(7, 8, "the city", "town", "spin", 0.9, "SPIN_PAIR"),)
    assert spin_eval.restored(text, (0, 10), crossing) is None


def test_word_model_reads_no_profile_score_where_the_profile_gate_is_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from repair.detect.spin import THRESHOLD
    from repair.stages import spin as stage

    assert stage.word_profile(THRESHOLD - 0.01) == THRESHOLD - 0.01
    assert stage.word_profile(0.9) == 0.0
    monkeypatch.setattr(stage, "WORD_MODEL_PROFILE", True)
    assert stage.word_profile(0.9) == 0.9


def test_unseen_habits_of_a_profiled_dense_document_get_restored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text
    from repair.stages import spin as stage

    text = _text()
    s = spin_doc("seeds/001", "seeds", text, "seeddense", "dev")
    unseen = spin_eval.half_spans(s, "dev-unseen") | spin_eval.half_spans(s, "held-families")

    def right() -> int:
        r = repair_text(s.spun, (), RepairConfig())
        assert r.scores.details["spin"]["profile_score"] >= 0.5
        return sum(spin_eval.restored(s.spun, sp, r.edits) == o for sp, o in unseen.items())

    on = right()
    monkeypatch.setattr(stage, "WORD_MODEL_PROFILE", True)
    assert on > right()
