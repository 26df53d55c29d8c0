"""Score ``repair fix`` on seed 000 against its hand-written gold restoration.

``seeds/gold/000_82c06b63a97e6cbd.txt`` is a human restoration of the spun seed
(written from the spun text, the four clean reports 001-004 of the same story and
judgement; ``{a|b}`` where two readings are right).  This runs the ``repair fix``
command on the seed, without and with the four references, and prints the token
error rate before and after, the error reduction, and ERRANT-style edit
precision / recall / F0.5 (:func:`repair.bench.metrics.doc_metrics`, which resolves
the alternatives).

    python benchmarks/seed_gold.py            # a Markdown table
    python benchmarks/seed_gold.py --json     # the raw counts
    python benchmarks/seed_gold.py --no-profile   # without the seed-derived spinner profile
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.bench.metrics import doc_metrics  # noqa: E402

SEED = ROOT / "seeds" / "000_82c06b63a97e6cbd.txt"
GOLD = ROOT / "seeds" / "gold" / "000_82c06b63a97e6cbd.txt"
REFERENCES = sorted((ROOT / "seeds").glob("00[1-4]_*.txt"))


def repair_fix(path: Path, references: list[Path], profile: bool = True) -> str:
    """The text ``repair fix`` writes for ``path`` (run as a command, default options;
    ``profile=False`` leaves out the seed-derived spinner profile)."""
    cmd = [sys.executable, "-m", "repair", "fix", str(path), "-q"]
    for ref in references:
        cmd += ["--reference", str(ref)]
    env = {**os.environ, **({} if profile else {"REPAIR_SPIN_PROFILE": "none"})}
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    ap.add_argument(
        "--no-profile", action="store_true", help="leave out the seed-derived spinner profile"
    )
    args = ap.parse_args(argv)
    spun = SEED.read_text(encoding="utf-8")
    gold = GOLD.read_text(encoding="utf-8")
    rows = {}
    for label, refs in (("without references", []), ("with references 001-004", REFERENCES)):
        out = repair_fix(SEED, refs, profile=not args.no_profile)
        rows[label] = doc_metrics(spun, gold, out).to_json()
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(
        "| repair fix on seed 000 | WER before | WER after | error reduction | precision "
        "| recall | F0.5 |"
    )
    print("|---|---|---|---|---|---|---|")

    def f(x: float | None) -> str:
        return "–" if x is None else f"{x:.3f}"

    for label, m in rows.items():
        cells = [m[k] for k in ("wer_before", "wer_after", "reduction", "precision", "recall")]
        print(f"| {label} | " + " | ".join(f(x) for x in [*cells, m["f05"]]) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
