"""Clean text must come out byte-identical: the clean suite and the wide negative cases.

* ``benchmarks/suites/clean/``: 101 clean documents (news, Wikipedia, public-domain
  classics, hand-written risk texts; see its MANIFEST.md), each run through the whole
  pipeline with the default configuration.  Documents a stage still changes are listed
  in :data:`KNOWN_FAILURES` and run as strict xfail, so fixing one forces removing it.
* ``tests/cases/negative_wide.json``: short clean passages that some stage once changed
  (found by ``benchmarks/clean_audit.py``), in the shape of ``tests/cases/negative.json``.

To see what changed and why: ``python benchmarks/clean_audit.py --only NAME``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from repair import apply_edits, repair_text

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "benchmarks" / "suites" / "clean"
CASES = Path(__file__).parent / "cases" / "negative_wide.json"

#: Clean-suite documents the pipeline still changes (strict xfail); see the audit.
KNOWN_FAILURES: dict[str, str] = {}


def _documents() -> list:
    params = []
    for clean in sorted(SUITE.glob("*.clean.txt")):
        name = clean.name[: -len(".clean.txt")]
        reason = KNOWN_FAILURES.get(name)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(name, id=name, marks=marks))
    return params


def _cases() -> list:
    params = []
    for case in json.loads(CASES.read_text(encoding="utf-8")):
        marks = [pytest.mark.xfail(strict=True)] if case["expect"] == "fail" else []
        params.append(pytest.param(case, id=case["label"], marks=marks))
    return params


def test_suite_is_complete() -> None:
    names = {p.name for p in SUITE.glob("*.txt")}
    assert len(names) >= 2 * 80, "clean suite missing: python benchmarks/make_clean_suite.py"
    for name in names:
        stem, side, ext = name.rsplit(".", 2)
        assert side in ("clean", "damaged") and ext == "txt", f"{name}: not NAME.clean/damaged.txt"
        twin = f"{stem}.{'damaged' if side == 'clean' else 'clean'}.txt"
        assert twin in names, f"{name} has no {twin.split('.')[-2]} side"
    stale = set(KNOWN_FAILURES) - {n.split(".")[0] for n in names}
    assert not stale, f"KNOWN_FAILURES names documents not in the suite: {sorted(stale)}"


@pytest.mark.slow
@pytest.mark.parametrize("name", _documents())
def test_clean_document_is_unchanged(name: str) -> None:
    damaged = (SUITE / f"{name}.damaged.txt").read_text(encoding="utf-8")
    clean = (SUITE / f"{name}.clean.txt").read_text(encoding="utf-8")
    assert damaged == clean, "clean-suite pairs are negatives: damaged == clean"
    result = repair_text(damaged)
    changes = [f"{e.offset}: {e.original!r} -> {e.replacement!r} ({e.rule})" for e in result.edits]
    assert result.text == clean, f"{name} changed: {changes}"
    assert result.edits == ()


@pytest.mark.parametrize("case", _cases())
def test_wide_negative_case(case: dict) -> None:
    assert case["original"] == case["fixed"], "negative cases keep the text"
    result = repair_text(case["original"], case.get("references", ()))
    assert apply_edits(case["original"], result.edits) == result.text
    changes = [(e.original, e.replacement, e.rule) for e in result.edits]
    assert result.text == case["fixed"], changes
    assert result.edits == ()


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("gensim") is None, reason="needs the bench extra")
def test_suite_regenerates_byte_for_byte(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import make_clean_suite
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    assert make_clean_suite.main(["--out", str(tmp_path)]) == 0
    made = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    kept = {p.name: p.read_bytes() for p in SUITE.iterdir()}
    assert sorted(made) == sorted(kept)
    different = [n for n in made if made[n] != kept[n]]
    assert not different, f"rerun python benchmarks/make_clean_suite.py: {different}"
