"""CPU speed of the spin stage (or the default pipeline) on 100k words of clean and spun text.

Dev documents of the spin harness (``spin_sim.corpus.select("dev", 400)``, cut at 100k
words), clean and spun by the ``rare`` spinner; one process, one warm-up call, CPU
seconds (``time.process_time``).  Prints words/s, edit counts and a hash of the outputs
(repaired text and spin score) so that two versions can be compared for equal outputs::

    python benchmarks/spin_speed.py [--stages spin|all] [--words 100000]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_sim import spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402

from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stages", choices=("spin", "all"), default="spin")
    ap.add_argument("--words", type=int, default=100_000)
    args = ap.parse_args(argv)
    clean, n = [], 0
    for d in select("dev", 400):
        clean.append(d)
        n += len(d.text.split())
        if n >= args.words:
            break
    spun = [spin_doc(d.doc_id, d.register, d.text, "rare", "dev", 0.25).spun for d in clean]
    if args.stages == "spin":
        cfg = RepairConfig(mojibake=False, ocr=False, tortured=False, spin=True)
    else:
        cfg = RepairConfig()
    repair_text("The assembly was held yesterday to debate the proposal.", config=cfg)
    for name, texts in (("clean", [d.text for d in clean]), ("spun", spun)):
        h = hashlib.sha1()
        t0, edits = time.process_time(), 0
        for x in texts:
            r = repair_text(x, config=cfg)
            edits += len(r.edits)
            h.update((r.text + repr(r.scores.spin)).encode())
        dt = time.process_time() - t0
        print(
            f"{name}: {n} words, {dt:.1f} CPU s, {n / dt:,.0f} words/s, {edits} edits, "
            f"outputs {h.hexdigest()[:12]}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
