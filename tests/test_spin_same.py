"""The same-spinner benchmark (benchmarks/spinner_sim.py, suites/spin_same) and its rules."""

from __future__ import annotations

import importlib.util
import random
import re
from pathlib import Path

import pytest

from repair.config import RepairConfig
from repair.pipeline import repair_text

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "benchmarks" / "suites" / "spin_same"
SPIN_ONLY = RepairConfig(mojibake=False, ocr=False, tortured=False)


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def sim():
    return _load("spinner_sim", ROOT / "benchmarks" / "spinner_sim.py")


def test_families_split_into_two_nonempty_halves(sim) -> None:
    halves = [sim.split_of(key) for key, _pairs, _flags in sim.families()]
    assert halves.count("dev") > 50 and halves.count("held") > 50


def test_spinning_is_deterministic_keeps_names_and_casing(sim) -> None:
    text = "Before the meeting, Mayor Said told the city council. People said it was over.\n"
    a = sim.spin(text, random.Random(1))
    assert a == sim.spin(text, random.Random(1))
    assert "Mayor Said" in a  # a capitalized word inside a sentence is a name
    starts = {sim.spin(text, random.Random(seed)).split(" the ")[0] for seed in range(8)}
    assert starts == {"Earlier than", "Before"}  # swapped or kept, capital kept either way


def test_dev_additions_to_the_lexicon_hold_no_held_out_family(sim) -> None:
    """Lexicon blocks written after the split may not restore a held-out family's original."""
    held = {
        orig.lower()
        for key, pairs, _flags in sim.families()
        if sim.split_of(key) == "held"
        for orig, _alts in pairs
    }
    source = (ROOT / "lexicons" / "build_spin_lexicon.py").read_text(encoding="utf-8")
    lines = []
    for head in ("# --- dev half of benchmarks/spinner_sim.py", "# --- more habits of the same"):
        block = source.split(head)[1].split("\n# ---")[0]
        lines += [ln for ln in block.splitlines()[1:] if "|" in ln]
    assert lines
    for line in lines:
        origs = [o.strip().lower() for o in line.split("|")[1].split(",")]
        assert not held.intersection(origs), line


@pytest.mark.slow
def test_spin_same_all_pairs_error_reduction() -> None:
    """Realistic-density pairs: the spin step removes most of the spinner's damage."""
    tok = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
    import difflib

    damaged = restored = broken = 0
    for dmg_path in sorted(SUITE.glob("all_*.damaged.txt")):
        dmg = dmg_path.read_text(encoding="utf-8")
        gold = dmg_path.with_name(dmg_path.name.replace(".damaged", ".clean")).read_text("utf-8")
        out = repair_text(dmg, (), SPIN_ONLY).text
        g = tok.findall(gold)

        def ok(hyp: list[str], g: list[str] = g) -> list[bool]:
            mask = [False] * len(g)
            sm = difflib.SequenceMatcher(None, hyp, g, autojunk=False)
            for b in sm.get_matching_blocks():
                mask[b.b : b.b + b.size] = [True] * b.size
            return mask

        before, after = ok(tok.findall(dmg)), ok(tok.findall(out))
        damaged += before.count(False)
        restored += sum(1 for b, a in zip(before, after, strict=True) if not b and a)
        broken += sum(1 for b, a in zip(before, after, strict=True) if b and not a)
    assert damaged > 1000
    assert (restored - broken) / damaged >= 0.6
