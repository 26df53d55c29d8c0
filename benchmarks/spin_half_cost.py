"""Where a ``seeddense`` half row loses: its counts with every edit, and with only the
edits that touch a gold span (the false edits elsewhere dropped), with or without the
seed profile (dev only; issue 11, benchmarks/RESULTS.md "profheld18").

    python benchmarks/spin_half_cost.py [--cap 40]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from spin_eval import DEFAULT_CAP, half_counts, make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from spin_sim.seeddense import HALVES  # noqa: E402

from repair.bench.metrics import Counts  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.types import Edit  # noqa: E402


def gold_cover(s: object) -> list[tuple[int, int]]:
    """The gold spans of a spun document on the spun text."""
    out, delta = [], 0
    for g in sorted(s.edits, key=lambda g: g.start):  # type: ignore[attr-defined]
        a = g.start + delta
        delta += len(g.replacement) - (g.end - g.start)
        out.append((a, a + len(g.replacement)))
    return out


def apply(text: str, edits: tuple[Edit, ...]) -> str:
    """``text`` with ``edits`` (spans on it, not overlapping) applied."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: e.offset):
        out += [text[pos : e.offset], e.replacement]
        pos = e.end
    return "".join([*out, text[pos:]])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cap", type=int, default=DEFAULT_CAP)
    args = ap.parse_args(argv)
    _docs, spun = spun_docs("seeddense", "dev", args.cap, RATE)
    print("| profile | half | edits | err before | err after | err.red | broken |")
    print("|---|---|---|---|---|---|---|")
    for profile in (True, False):
        cfg = make_config("spin,tortured,collocation", not profile)
        rows: dict[tuple[str, str], Counts] = {}
        off: Counter[str] = Counter()
        for s in spun:
            r = repair_text(s.spun, (), cfg)
            cov = gold_cover(s)
            on = tuple(e for e in r.edits if any(e.offset < b and e.end > a for a, b in cov))
            off.update(e.rule for e in r.edits if e not in on)
            for half in HALVES["dev"]:
                for name, out, edits in (
                    ("all", r.text, r.edits),
                    ("on gold", apply(s.spun, on), on),
                ):
                    k = (half, name)
                    rows[k] = rows.get(k, Counts()) + half_counts(s, half, out, edits)
        for (half, name), c in rows.items():
            red = (c.err_before - c.err_after) / max(c.err_before, 1)
            print(f"| {'on' if profile else 'off'} | {half} | {name} | {c.err_before} "
                  f"| {c.err_after} | {red:.3f} | {c.broken} |")  # fmt: skip
        print(f"# profile {'on' if profile else 'off'}: edits on no gold span {dict(off)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
