"""Candidate-ranker rows of several simulated spinners' dev halves (session 38, spinrank38).

Usage (from the checkout root; ``bench``/``train`` extras and ``../shared`` needed)::

    python scripts/spin_rank38_rows.py [--spinner spinbot ...] [--docs 120] [--eval 40]

For each spinner, the dev documents ``benchmarks/spin_eval.py --split dev`` reports on (the
first ``--eval``, tagged ``eval``) and the next ``--docs`` dev documents (tagged ``train``)
are spun and read by the spin stage's own candidate code
(:func:`train_spin_model.rank_rows`: one row per ranked candidate of every examined word
whose gold original is among its candidates).  Each spinner's rows are cached in
``benchmarks/.generated/spin_rank38_rows_<spinner>.npz`` (``--fresh`` recomputes them).
The test half is never read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_spin_model as tsm  # noqa: E402

#: Every simulated spinner whose dev half gives one-word substitutions (``phrase`` gives
#: its one-word rows; ``seeddense``, ``mill``, ``tortured`` and ``distrib1`` are left out:
#: the seed family is ``seed``, the abstracts' spinners are not the stage's reading).
ALL = ("wordnet", "rare", "phrase", "double", "seed", "spinbot", "distrib")
GEN = ROOT / "benchmarks" / ".generated"


def cache_of(spinner: str) -> Path:
    return GEN / f"spin_rank38_rows_{spinner}.npz"


def rows_of(spinner: str, docs: int, n_eval: int, fresh: bool = False) -> dict[str, np.ndarray]:
    """The spinner's ranker rows (cached), with ``part`` "eval" or "train"."""
    path = cache_of(spinner)
    if path.exists() and not fresh:
        with np.load(path) as z:
            return {k: z[k] for k in z.files}
    tsm.SPINNERS = (spinner,)
    ev = tsm.rank_rows(n_eval, 0)
    tr = tsm.rank_rows(docs, n_eval)
    out = {}
    for k in ev:
        out[k] = (
            np.concatenate([ev[k], tr[k]])
            if len(ev[k]) and len(tr[k])
            else (ev[k] if len(tr[k]) == 0 else tr[k])
        )
    off = int(ev["group"].max()) + 1 if len(ev["group"]) else 0
    out["group"] = np.concatenate([ev["group"], tr["group"] + off]).astype(np.int64)
    out["part"] = np.array(["eval"] * len(ev["y"]) + ["train"] * len(tr["y"])).astype(str)
    if out["X"].ndim == 1:
        out["X"] = out["X"].reshape(-1, len(tsm.RANK_FEATURES))
    GEN.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **out)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--spinner", action="append", choices=ALL)
    ap.add_argument("--docs", type=int, default=120, help="train dev documents per spinner")
    ap.add_argument("--eval", type=int, default=40, help="spin_eval's dev documents")
    ap.add_argument("--fresh", action="store_true")
    args = ap.parse_args()
    for s in args.spinner or ALL:
        r = rows_of(s, args.docs, args.eval, args.fresh)
        print(f"{s}: {len(r['y'])} rows, {len(np.unique(r['group']))} groups", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
