"""Phrase spinner, families held out inside dev: which restorations are a memory of a list.

Usage (from the checkout root; ``bench`` extra and ``/work/shared`` needed)::

    python benchmarks/phrase_family_heldout.py                 # as shipped
    python benchmarks/phrase_family_heldout.py --drop-half A   # without half A's list rows
    python benchmarks/phrase_family_heldout.py --per-family    # one line per family

The phrase spinner's dev documents (``spin_eval.py --spinner phrase --split dev``, the
same capped 38) carry only dev word families.  Those families are split once more by a
hash of the family (inner halves ``A`` / ``B``), and each family is *listed* when one of
its spun forms is a row of :data:`repair.detect.wordy.FUNCTION_PHRASES` verbatim (the
closed list of complex function words: 12 of its 22 rows are the simulator's spun forms,
of dev and test families alike), else *unseen*.  For each gold substitution: restored
(an edit on exactly its span with the original), wrong (an edit overlapping it) or
missed; printed as restored / gold per inner half and class, with the edits that touch
no gold span (false).  ``--drop-half`` removes the list rows of that half's families
before the run: what those families keep then is what carries to a family no list holds.
The test half is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import make_config, spun_docs  # noqa: E402
from spin_sim import RATE, phrase  # noqa: E402
from spin_sim.text import family_split, stable_hash  # noqa: E402
from train_spin_model import gold_edits  # noqa: E402

from repair.detect import wordy  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402


def families() -> dict[str, list[str]]:
    """Dev family -> its spun forms (the simulator's table)."""
    out: dict[str, list[str]] = defaultdict(list)
    for spun, family in phrase.table().values():
        if family_split(family) == "dev":
            out[family].append(spun)
    return dict(out)


def inner_half(family: str) -> str:
    """``A`` or ``B``: the inner split of the dev families (hash, content-independent)."""
    return "A" if stable_hash("inner", family) % 2 == 0 else "B"


def listed(forms: list[str]) -> bool:
    return any(f in wordy.FUNCTION_PHRASES for f in forms)


def drop_rows(half: str) -> list[str]:
    """Remove the :data:`~repair.detect.wordy.FUNCTION_PHRASES` rows of ``half``'s families."""
    rows = [f for fam, forms in families().items() if inner_half(fam) == half for f in forms
            if f in wordy.FUNCTION_PHRASES]  # fmt: skip
    for row in rows:
        del wordy.FUNCTION_PHRASES[row]
    wordy._pattern.cache_clear()
    return rows


def outcomes(cap: int = 40) -> tuple[list[tuple[str, str, str, str]], Counter[str]]:
    """(family, outcome, written, original) of every dev gold substitution, and the rules
    of the edits touching no gold span."""
    config = make_config("spin,tortured,collocation", False)
    _docs, spun = spun_docs("phrase", "dev", cap, RATE)
    rows, false = [], Counter()
    for s in spun:
        if not s.edits:
            continue
        r = repair_text(s.spun, (), config)
        gold = gold_edits(s)
        for (a, b), (orig, fam) in gold.items():
            hit = [e for e in r.edits if e.offset < b and e.end > a]
            right = any(
                (e.offset, e.end) == (a, b) and e.replacement.lower() == orig.lower() for e in hit
            )
            rows.append((fam, "restored" if right else "wrong" if hit else "missed",
                         s.spun[a:b], orig))  # fmt: skip
        for e in r.edits:
            if not any(e.offset < b and e.end > a for a, b in gold):
                false[e.rule] += 1
    return rows, false


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drop-half", choices=("A", "B"), help="remove that half's list rows")
    ap.add_argument("--cap", type=int, default=40)
    ap.add_argument("--per-family", action="store_true")
    args = ap.parse_args(argv)
    fams = families()
    if args.drop_half:
        print(f"dropped rows: {drop_rows(args.drop_half)}")
    is_listed = {fam: listed(forms) for fam, forms in fams.items()}
    rows, false = outcomes(args.cap)
    cells: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for fam, out, _w, _o in rows:
        cls = "listed" if is_listed.get(fam) else "unseen"
        cells[(inner_half(fam), cls)][out] += 1
        cells[("all", cls)][out] += 1
        per[fam][out] += 1
    for key in sorted(cells):
        c = cells[key]
        print(f"{key[0]:3s} {key[1]:6s} restored {c['restored']:3d} / {sum(c.values()):3d}"
              f"  wrong {c['wrong']:2d}")  # fmt: skip
    print(f"false edits: {sum(false.values())} {dict(false)}")
    if args.per_family:
        for fam, c in sorted(per.items(), key=lambda kv: -sum(kv[1].values())):
            cls = "listed" if is_listed.get(fam) else "unseen"
            print(f"  {fam:16s} {inner_half(fam)} {cls:6s} {dict(c)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
