"""An unknown spinner's big text, written deterministically (issue 14, bounded memory).

Every dev document of the spin simulators' corpus (``spin_sim.corpus.select("dev", None)``)
spun in turn by ``rare`` and by ``wordnet`` (``spin_sim.spin_doc(..., spinner, "dev")``),
joined by blank lines: the pool (~4.8 M code points, all distinct documents) that sessions
38-43 measured as mem38's ``pool``.  ``--mb N`` writes its head cut at a line end when the
pool is longer than N MB, else the pool repeated (blank line between copies) and cut at a
paragraph end, to about N MB (UTF-8 bytes): mem38's ``rare1300k`` is ``--chars 1300000``,
its ``rare50m`` ``--mb 50``.

    python benchmarks/spin_big_text.py --mb 5 --out /tmp/rare5m.txt
    python benchmarks/spin_big_text.py --chars 1300000 --out /tmp/rare1300k.txt
    /usr/bin/time -f '%U+%S s %M KB' python -m repair fix /tmp/rare5m.txt -q -o OUT
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_sim import spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402

SPINNERS = ("rare", "wordnet")


def pool() -> str:
    """Each dev document spun by each of :data:`SPINNERS` in turn, blank line between."""
    docs = select("dev", None)
    spun = [spin_doc(d.doc_id, d.register, d.text, s, "dev").spun for d in docs for s in SPINNERS]
    return "\n\n".join(p.strip("\n") for p in spun) + "\n"


def big_text(mb: float = 0.0, chars: int = 0) -> str:
    """:func:`pool` cut or repeated to about ``mb`` MB (UTF-8) or ``chars`` code points."""
    base = pool()
    if chars:
        if chars >= len(base):
            raise SystemExit(f"--chars {chars}: the pool has only {len(base):,} code points")
        return base[: base.rfind("\n", 0, chars) + 1]
    target = int(mb * 1_000_000)
    size = len(base.encode())
    if target <= size:
        cut = base.encode()[:target].decode("utf-8", "ignore")
        return cut[: cut.rfind("\n") + 1]
    text = "\n".join([base] * (target // size + 1))
    cut = text.encode()[:target].decode("utf-8", "ignore")
    return cut[: cut.rfind("\n\n") + 2]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = ap.add_mutually_exclusive_group(required=True)
    size.add_argument("--mb", type=float, default=0.0, help="about this many MB (UTF-8)")
    size.add_argument("--chars", type=int, default=0, help="the pool's head, this many code points")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    text = big_text(args.mb, args.chars)
    args.out.write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    print(
        f"{args.out}: {len(text.encode()) / 1e6:.2f} MB, {len(text):,} code points, "
        f"{len(text.split()):,} words, sha256 {digest}"
    )


if __name__ == "__main__":
    main()
