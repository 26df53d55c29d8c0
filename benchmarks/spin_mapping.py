"""One written form, two restorations: how often a repaired document restores one written
word to two different originals, and which of them the gold edits call right.

Usage (from the checkout root; dev only: the test half is not looked at while tuning)::

    python benchmarks/spin_mapping.py                  # every spinner, dev
    python benchmarks/spin_mapping.py --spinner rare --show 20

For each spun dev document of ``benchmarks/spin_eval.py`` (same documents, same config)
the single-word edits of the repair are grouped by written form (lower case); a form
with two or more different replacements is a *split mapping*.  Each edit is checked
against the gold edit at the same span of the spun text (right: the gold original,
case-insensitive; wrong otherwise).  Also counted: gold forms that the spinner itself
wrote for two originals in one document (the ceiling of a one-form-one-restoration rule).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_eval import ALL, DEFAULT_CAP, make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from spin_sim.text import SpunDoc  # noqa: E402

from repair.pipeline import repair_text  # noqa: E402


def gold_on_spun(s: SpunDoc) -> dict[tuple[int, int], str]:
    """Gold edits as (start, end) spans of the spun text -> the clean original."""
    out, shift = {}, 0
    for e in sorted(s.edits, key=lambda e: e.start):
        a = e.start + shift
        out[(a, a + len(e.replacement))] = e.original
        shift += len(e.replacement) - (e.end - e.start)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", choices=ALL)
    ap.add_argument("--cap", type=int, default=DEFAULT_CAP)
    ap.add_argument("--stages", default="spin,tortured,collocation")
    ap.add_argument("--show", type=int, default=8, help="split mappings printed per spinner")
    args = ap.parse_args(argv)
    config = make_config(args.stages, False)
    total: Counter[str] = Counter()
    for name in args.spinner or ALL:
        docs, spun = spun_docs(name, "dev", args.cap, RATE)
        c: Counter[str] = Counter()
        shown = 0
        for s in spun:
            if not s.edits:
                continue
            gold = gold_on_spun(s)
            by_form: dict[str, set[str]] = defaultdict(set)
            for (a, b), orig in gold.items():
                w = s.spun[a:b].lower()
                if w.isalpha():
                    by_form[w].add(orig.lower())
            c["gold_forms_two_originals"] += sum(len(v) > 1 for v in by_form.values())
            r = repair_text(s.spun, (), config)
            groups: dict[str, list] = defaultdict(list)
            for e in r.edits:
                if " " in e.original.strip() or not e.original.isalpha():
                    continue
                groups[e.original.lower()].append(e)
            for form, es in groups.items():
                reps = {e.replacement.lower() for e in es}
                if len(reps) < 2:
                    continue
                c["split_forms"] += 1
                c["split_docs_edits"] += len(es)
                verdicts = []
                for e in es:
                    g = gold.get((e.offset, e.end))
                    ok = g is not None and g.lower() == e.replacement.lower()
                    key = "right" if ok else ("wrong_unspun" if g is None else "wrong_orig")
                    c[f"split_{key}"] += 1
                    c[f"rule_{e.rule}"] += 1
                    verdicts.append(f"{e.replacement}[{e.rule}:{'ok' if ok else g or '-'}]")
                # would the majority (by count, then summed confidence) have been right?
                score: Counter[str] = Counter()
                for e in es:
                    score[e.replacement.lower()] += 1.0 + e.confidence / 10
                pick = score.most_common(1)[0][0]
                for e in es:
                    g = gold.get((e.offset, e.end))
                    if e.replacement.lower() == pick:
                        continue
                    c["declined_right" if g and g.lower() == e.replacement.lower()
                      else "declined_wrong"] += 1  # fmt: skip
                if shown < args.show:
                    shown += 1
                    print(f"{name} {s.doc_id} {form!r}: " + ", ".join(verdicts))
        c["docs"] = sum(1 for s in spun if s.edits)
        print(f"# {name}: {dict(sorted(c.items()))}", flush=True)
        total.update(c)
    print(f"# all: {dict(sorted(total.items()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
