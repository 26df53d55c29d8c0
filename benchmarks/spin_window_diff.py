"""Whole vs windowed repair of one big spun document (issues 11/14).

Builds one document from the ``spinbot`` simulator's dev documents (spun texts joined by
blank lines up to ``--words`` words), repairs it whole and by paragraph windows of
``--window`` code points (``RepairConfig(window_chars=W, whole_document_chars=W)``, as
tests/test_windows.py forces small windows), and prints the edits that differ, each with
the window it falls in and its rule::

    python benchmarks/spin_window_diff.py --words 3000 --window 3000
    python benchmarks/spin_window_diff.py --copies 4 --docs 20   # the invariance contract

``--copies K``: each of the first ``--docs`` spun documents repeated K times (blank lines
between), cut into windows of exactly one copy each: a document-level statistic that is a
rate (not a raw count) gives the whole text's output in every window (the contract of
tests/test_windows.py's repeated seed 000).  The mixed document of the first mode is not
expected to match: its windows hold different documents, and the document-level
statistics are each window's (``repair.pipeline.repair_windows``).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_sim import spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402

from repair.bench.metrics import doc_metrics  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import paragraph_windows, repair_text  # noqa: E402


def build(spinner: str, split: str, words: int) -> tuple[str, str]:
    """The spun texts of ``split``'s documents joined by blank lines, up to ``words`` words,
    and their clean texts joined the same way."""
    parts: list[str] = []
    clean: list[str] = []
    n = 0
    for d in select(split, None):
        s = spin_doc(d.doc_id, d.register, d.text, spinner, split)
        parts.append(s.spun.strip())
        clean.append(s.clean.strip())
        n += len(parts[-1].split())
        if n >= words:
            break
    return "\n\n".join(parts) + "\n", "\n\n".join(clean) + "\n"


def override(setting: str) -> None:
    """Set ``MODULE.NAME`` to the Python literal ``VALUE`` (``repair.`` may be left off)."""
    name, _, value = setting.partition("=")
    module, _, attr = name.rpartition(".")
    if not module.startswith("repair."):
        module = "repair." + module
    mod = importlib.import_module(module)
    if not hasattr(mod, attr):
        raise SystemExit(f"no {attr} in {module}")
    setattr(mod, attr, ast.literal_eval(value))


def cap_counts() -> None:
    """Hold the word model's raw document counts at ``min(count, 1)`` (a diagnostic: how
    many of the differences those counts make; the model was fitted on the raw counts)."""
    import repair.detect.spin as detect_spin
    import repair.score.spin_common as spin_common
    import repair.score.spin_model as spin_model

    real = spin_model.word_features
    names = ("written_count", "original_count", "same_mapping")
    cols = [spin_model.FEATURES.index(n) for n in names]

    def capped(*a: object, **k: object) -> list[list[float]]:
        out = real(*a, **k)  # type: ignore[arg-type]
        for v in out:
            for i in cols:
                v[i] = min(v[i], 1.0)
        return out

    for mod in (spin_model, detect_spin, spin_common):
        mod.word_features = capped  # type: ignore[assignment]


def keyed(edits: tuple) -> set[tuple[int, str, str, str]]:
    return {(e.offset, e.original, e.replacement, e.rule) for e in edits}


def tally_line(rules: Counter[str]) -> str:
    """The differing edits by rule, most first (which reader each comes from)."""
    return "# by rule: " + ", ".join(f"{r} {n}" for r, n in rules.most_common())


def copies(spinner: str, split: str, k: int, docs: int, shown: int = 6) -> int:
    """The repeated-copy mode: one line per document whose windowed output differs, its
    first ``shown`` differing edits each way, and a tally of them all by rule."""
    bad = diff_edits = 0
    rules: Counter[str] = Counter()
    for d in select(split, docs):
        one = spin_doc(d.doc_id, d.register, d.text, spinner, split).spun.strip()
        text = "\n\n".join([one] * k)
        size = len(one)
        spans = list(paragraph_windows(text, size))
        assert len(spans) == k, (d.doc_id, len(spans))
        whole = repair_text(text)
        cfg = RepairConfig(window_chars=size, whole_document_chars=size)
        windowed = repair_text(text, config=cfg)
        w, v = keyed(whole.edits), keyed(windowed.edits)
        if w != v:
            bad += 1
            diff_edits += len(w ^ v)
            rules.update(e[3] for e in w ^ v)
            print(f"{d.doc_id}: {len(one.split())} words x{k}: whole {len(w)}, windowed {len(v)}")
            for tag, diff in (("whole", w - v), ("windowed", v - w)):
                for off, orig, rep, rule in sorted(diff)[:shown]:
                    print(f"  only {tag:8s} @{off} {orig!r} -> {rep!r} [{rule}]")
    print(f"# {bad} of {docs} documents differ whole vs windowed ({k} copies), {diff_edits} edits")
    print(tally_line(rules))
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", default="spinbot")
    ap.add_argument("--split", default="dev", choices=("dev",))
    ap.add_argument("--words", type=int, default=3000)
    ap.add_argument("--window", type=int, default=3000)
    ap.add_argument("--out", help="write the built document here")
    ap.add_argument("--copies", type=int, default=0, help="the repeated-copy mode (K copies)")
    ap.add_argument("--docs", type=int, default=20, help="documents in the repeated-copy mode")
    ap.add_argument(
        "--shown", type=int, default=6, help="differing edits listed per document and side (copies)"
    )
    ap.add_argument(
        "--cap-counts",
        action="store_true",
        help="diagnostic: the word model's raw document counts (written_count, original_count, "
        "same_mapping) held at min(count, 1) in both runs",
    )
    ap.add_argument("settings", nargs="*", help="MODULE.NAME=VALUE overrides (A/B runs)")
    args = ap.parse_args(argv)
    for setting in args.settings:
        override(setting)
    if args.cap_counts:
        cap_counts()
    if args.copies:
        return copies(args.spinner, args.split, args.copies, args.docs, args.shown)
    text, clean = build(args.spinner, args.split, args.words)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    spans = list(paragraph_windows(text, args.window))
    whole = repair_text(text)
    cfg = RepairConfig(window_chars=args.window, whole_document_chars=args.window)
    windowed = repair_text(text, config=cfg)
    w, v = keyed(whole.edits), keyed(windowed.edits)
    print(
        f"# {len(text.split())} words, {len(text)} code points, {len(spans)} windows of "
        f">= {args.window}: whole {len(w)} edits, windowed {len(v)}, "
        f"only whole {len(w - v)}, only windowed {len(v - w)}"
    )

    for tag, r in (("whole", whole), ("windowed", windowed)):
        c = doc_metrics(text, clean, r.text, r.edits)
        print(
            f"# {tag}: token errors {c.err_before} -> {c.err_after} "
            f"(error reduction {(c.err_before - c.err_after) / max(c.err_before, 1):.4f})"
        )

    def window_of(off: int) -> int:
        return next(k for k, (a, b) in enumerate(spans) if a <= off < b)

    for tag, diff in (("whole", w - v), ("windowed", v - w)):
        for off, orig, rep, rule in sorted(diff):
            print(f"only {tag:8s} w{window_of(off)} @{off} {orig!r} -> {rep!r} [{rule}]")
    print(tally_line(Counter(e[3] for e in w ^ v)))
    return 0 if w == v else 1


if __name__ == "__main__":
    raise SystemExit(main())
