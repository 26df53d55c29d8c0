"""The seed profile's edits on honest words (dev only): each ``SPIN_PAIR`` / ``SPIN_PHRASE``
edit of the repaired dev documents, classed by the gold it lands on, with its evidence.

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_profile_honest.py --spinner seeddense [--unprofiled] [--csv out.csv]

Every dev document of each spinner is repaired as ``spin_eval.py --split dev`` does; each
profile edit is ``right`` (its span is a gold span and it restores the original), ``wrong``
(a gold span, another word) or ``honest`` (it touches no gold span: a word the spinner did
not change).  Printed: the counts by class and rule, the most frequent honest rows, and the
edits' evidence (the LM gain, the pair's count in the document, whether the document prints
the original elsewhere, the row's clean-text share ``PAIR_CLEAN``) per class, so that a cut
can be read off before it is tried.  The test half is never read.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import hold_out_profile, make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

from repair.pipeline import repair_text  # noqa: E402
from repair.score.spin_pair_clean import honest_share  # noqa: E402

PROFILE_RULES = ("SPIN_PAIR", "SPIN_PHRASE")
CLASSES = ("right", "wrong", "honest")
FIELDS = (
    "spinner", "doc", "rule", "cls", "written", "replacement", "gain", "pair_count",
    "original_count", "strength", "share", "doc_score", "probability",
    "marks",
)  # fmt: skip


def profile_edits(
    spinner: str, cap: int, rules: tuple[str, ...] | None = PROFILE_RULES, no_profile: bool = False
) -> list[dict[str, object]]:
    """One row (:data:`FIELDS`) per edit of ``rules`` (every rule: None) of ``spinner``'s
    dev documents."""
    config = make_config("spin,tortured,collocation", no_profile)
    out: list[dict[str, object]] = []
    for s in spun_docs(spinner, "dev", cap, RATE)[1]:
        if not s.edits:
            continue
        r = repair_text(s.spun, (), config)
        gold = gold_spans(s)
        for e in r.edits:
            if rules is not None and e.rule not in rules:
                continue
            a, b = e.offset, e.end
            hit = [(x, y) for x, y in gold if x < b and a < y]
            if not hit:
                cls = "honest"
            elif any(e.replacement.lower().endswith(gold[h].lower()) for h in hit):
                cls = "right"
            else:
                cls = "wrong"
            ev = e.evidence or {}
            share = honest_share(" ".join(e.original.lower().split()), e.replacement.lower())
            out.append(
                {
                    "spinner": spinner, "doc": s.doc_id, "rule": e.rule, "cls": cls,
                    "written": e.original, "replacement": e.replacement,
                    "gain": ev.get("lm_logprob_gain"), "pair_count": ev.get("pair_count_in_doc"),
                    "original_count": ev.get("original_count_in_doc"),
                    "strength": ev.get("strength"), "share": share,
                    "doc_score": ev.get("doc_spin_score"),
                    "probability": ev.get("model_probability"),
                    "marks": " ".join(
                        sorted(k for k, v in ev.items() if v is True or k.endswith("_candidates"))
                    ),
                }
            )  # fmt: skip
    return out


def summary(rows: list[dict[str, object]], top: int) -> None:
    """Counts by class and rule, the honest rows, the evidence per class."""
    by = Counter((r["rule"], r["cls"]) for r in rows)
    for rule in PROFILE_RULES:
        print(f"  {rule}: " + ", ".join(f"{c} {by[(rule, c)]}" for c in CLASSES))
    honest = Counter(
        (str(r["written"]).lower(), str(r["replacement"]).lower())
        for r in rows
        if r["cls"] == "honest"
    )
    print("  honest rows: " + ", ".join(f"{w}->{o} {n}" for (w, o), n in honest.most_common(top)))
    for cls in ("right", "wrong", "honest"):
        sub = [r for r in rows if r["cls"] == cls]
        if not sub:
            continue
        n = len(sub)
        printed = sum(1 for r in sub if (r["original_count"] or 0) > 0) / n
        single = sum(1 for r in sub if r["pair_count"] == 1) / n
        strong = sum(1 for r in sub if r["strength"] == "strong") / n
        gains = sorted(float(r["gain"] or 0.0) for r in sub)
        shares = [r["share"] for r in sub if r["share"] is not None]
        print(
            f"  {cls:6s} n {n:4d}  original printed {printed:.2f}  pair once {single:.2f}  "
            f"strong {strong:.2f}  gain median {gains[n // 2]:.2f}  "
            f"share listed {len(shares) / n:.2f}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: seed, seeddense)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--unprofiled", action="store_true", help="as spin_eval.py --unprofiled")
    ap.add_argument("--top", type=int, default=25, help="honest rows printed")
    ap.add_argument("--csv", help="write every profile edit to this CSV file")
    ap.add_argument(
        "--all-rules", action="store_true", help="also count every other rule's honest edits"
    )
    ap.add_argument("--no-profile", action="store_true", help="without the seed profile")
    args = ap.parse_args(argv)
    if args.unprofiled:
        print(f"# profile rows of the dev seed families held out: {hold_out_profile('dev')}")
    rows: list[dict[str, object]] = []
    for spinner in args.spinner or ["seed", "seeddense"]:
        got = profile_edits(
            spinner, args.cap, None if args.all_rules else PROFILE_RULES, args.no_profile
        )
        if args.all_rules:
            by = Counter((r["rule"], r["cls"]) for r in got)
            print(f"{spinner}: {len(got)} edits, right / wrong / honest by rule:")
            for rule in sorted({k for k, _c in by}, key=lambda k: -by[(k, "honest")]):
                print(f"  {rule}: " + " / ".join(str(by[(rule, c)]) for c in CLASSES))
        rows += got
        got = [r for r in got if r["rule"] in PROFILE_RULES]
        print(f"{spinner}: {len(got)} profile edits")
        summary(got, args.top)
    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=FIELDS)
            w.writeheader()
            w.writerows(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
