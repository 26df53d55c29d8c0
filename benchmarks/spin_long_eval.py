"""Long documents for the over-use reading (issue 11, session 33): dev documents joined.

The over-use reading (:mod:`repair.candidates.spin_overuse`) read documents of at most
3,000 words; with ``WINDOWS`` on it reads longer ones by sections.  This script measures
that on long texts made by joining documents: ``--join N`` consecutive documents of one
spinner and split (spun and clean versions joined the same way, a blank line between), and
the clean calibration corpus joined by register.

Usage (from the checkout root)::

    python benchmarks/spin_long_eval.py --spinner seed --spinner seeddense --unprofiled
    python benchmarks/spin_long_eval.py --spinner seed --unprofiled --off   # sections off
    python benchmarks/spin_long_eval.py --clean            # the reading alone, joined corpus
    python benchmarks/spin_long_eval.py --clean --pipeline  # full repair where it fires

Spinner rows: error reduction, precision, recall on the joined spun texts (the full repair,
``spin,tortured,collocation``), the reading's own edits (rule SPIN_OVERUSE) right/wrong,
and the tokens changed on the joined clean originals.  ``--clean``: the reading alone on the
joined calibration corpus, with the stage's word gate taken as shut and as open (an upper
bound), words proposed; with ``--pipeline`` the full repair (sections on and off) of each
joined text where that upper bound is not empty (elsewhere the reading adds nothing).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_eval import DEFAULT_CAP, hold_out_profile, make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from spin_sim.corpus import documents  # noqa: E402

from repair.bench.metrics import Counts, doc_metrics  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402

SEP = "\n\n"


def groups(items: list, n: int) -> list[list]:
    """``items`` in consecutive groups of ``n`` (the last may be shorter)."""
    return [items[i : i + n] for i in range(0, len(items), n)]


def spinner_row(name: str, split: str, cap: int, rate: float, join: int, config) -> dict:
    """The figures of one spinner's joined documents (module doc)."""
    docs, spun = spun_docs(name, split, cap, rate)
    counts, clean, words = Counts(), Counts(), 0
    right = wrong = 0
    t0 = time.perf_counter()
    for group in groups(list(zip(docs, spun, strict=True)), join):
        s_text = SEP.join(s.spun.strip() for _d, s in group)
        c_text = SEP.join(s.clean.strip() for _d, s in group)
        words += len(c_text.split())
        r = repair_text(s_text, (), config)
        counts = counts + doc_metrics(s_text, c_text, r.text, r.edits)
        gold = _gold(group)
        for e in r.edits:
            if e.rule == "SPIN_OVERUSE":
                if gold.get((e.offset, e.end)) == e.replacement:
                    right += 1
                else:
                    wrong += 1
        rc = repair_text(c_text, (), config)
        clean = clean + doc_metrics(c_text, c_text, rc.text, rc.edits)
    return {
        "spinner": name,
        "texts": len(groups(docs, join)),
        "words": words,
        "err.red": counts.reduction,
        "prec": counts.precision,
        "recall": counts.recall,
        "overuse right/wrong": f"{right}/{wrong}",
        "clean/1k": 1000 * clean.err_after / max(clean.tokens_gold, 1),
        "s": time.perf_counter() - t0,
    }


def _gold(group: list) -> dict[tuple[int, int], str]:
    """The gold spans of a joined spun text (its documents' substitutions) -> original."""
    out, base = {}, 0
    for _d, s in group:
        lead = len(s.spun) - len(s.spun.lstrip())
        delta = -lead
        for g in sorted(s.edits, key=lambda g: g.start):
            a = base + g.start + delta
            delta += len(g.replacement) - (g.end - g.start)
            out[(a, a + len(g.replacement))] = g.original
        base += len(s.spun.strip()) + len(SEP)
    return out


def clean_rows(join: int, max_docs: int, pipeline: bool, config) -> None:
    """The reading on the clean calibration corpus joined by register: its candidates with
    the stage's word gate taken as shut and as open (an upper bound); with ``pipeline``, the
    full repair of each joined text where the upper bound is not empty (elsewhere the
    reading adds nothing), sections on and off, and the reading's edits."""
    import repair.candidates.spin_overuse as so
    from repair.document import Document

    docs = list(documents())[: max_docs or None]
    by_reg: dict[str, list] = {}
    for d in docs:
        by_reg.setdefault(d.register, []).append(d)
    texts = [
        SEP.join(d.text.strip() for d in g) for ds in by_reg.values() for g in groups(ds, join)
    ]
    words = sum(len(t.split()) for t in texts)
    shut = opened = 0
    shown: list[str] = []
    fired: list[str] = []
    t0 = time.perf_counter()
    for t in texts:
        doc = Document(t)
        a = so.overuse_candidates(doc, frozenset(), False)
        b = so.overuse_candidates(doc, frozenset(), True)
        shut += len(a)
        opened += len(b)
        shown += [f"{t[c.start : c.end]}->{c.replacement}" for c in b][:5]
        if b:
            fired.append(t)
    print(f"# clean corpus joined by {join}: {len(texts)} texts, {words} words, "
          f"{time.perf_counter() - t0:.1f} s")  # fmt: skip
    print(f"reading alone: gate shut {shut} words, gate open (upper bound) {opened} words "
          f"in {len(fired)} texts")  # fmt: skip
    if shown:
        print("  e.g. " + ", ".join(shown[:20]))
    if not pipeline:
        return
    windows, edits = so.WINDOWS, []
    differ = 0
    for t in fired:
        outs = []
        for on in (True, False):
            so.WINDOWS = on
            r = repair_text(t, (), config)
            outs.append(r.text)
            if on:
                edits += [
                    f"{t[e.offset : e.end]}->{e.replacement}" for e in r.edits if e.rule == so.RULE
                ]
        differ += outs[0] != outs[1]
    so.WINDOWS = windows
    print(f"full repair of those {len(fired)} texts: sections on and off differ in {differ}; "
          f"the reading's edits ({len(edits)}): {', '.join(edits[:20]) or 'none'}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", default=[], help="repeatable")
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--cap", type=int, default=DEFAULT_CAP)
    ap.add_argument("--rate", type=float, default=RATE)
    ap.add_argument("--join", type=int, default=6, help="documents per joined text")
    ap.add_argument("--unprofiled", action="store_true", help="as spin_eval.py")
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--off", action="store_true", help="sections off (spin_overuse.WINDOWS)")
    ap.add_argument("--clean", action="store_true", help="the clean calibration corpus joined")
    ap.add_argument("--pipeline", action="store_true", help="with --clean: the full repair")
    ap.add_argument("--max-docs", type=int, default=0, help="with --clean: the first N documents")
    args = ap.parse_args(argv)
    import repair.candidates.spin_overuse as so

    so.WINDOWS = not args.off
    config = make_config("spin,tortured,collocation", args.no_profile)
    if args.clean:
        clean_rows(args.join, args.max_docs, args.pipeline, config)
        return 0
    held = hold_out_profile(args.split) if args.unprofiled else 0
    print(f"# split {args.split}, cap {args.cap}, joined by {args.join}, sections "
          f"{'off' if args.off else 'on'}, profile rows held out {held}")  # fmt: skip
    rows = [
        spinner_row(n, args.split, args.cap, args.rate, args.join, config) for n in args.spinner
    ]
    keys = list(rows[0]) if rows else []
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for r in rows:
        cells = [f"{v:.4f}" if isinstance(v, float) else str(v) for v in r.values()]
        print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
