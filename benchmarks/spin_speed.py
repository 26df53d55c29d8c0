"""CPU speed of the spin stage (or the default pipeline) on clean and spun text.

Dev documents of the spin harness (``spin_sim.corpus.select("dev", 400)``, cut at
``--words`` words), clean and spun by each ``--spinner`` (default ``rare``; any of
``benchmarks/spin_sim``'s simulators, the dense seed family ``seeddense`` too; ``all`` for
every one but the dense ones); one process, warm-up
calls (a sentence, and the next dev document clean and spun by each spinner), CPU seconds
(``time.process_time``).  Prints words/s, edit counts and a hash of the outputs (repaired
text and spin score) so that two versions can be compared for equal outputs;
``--stage-times`` adds each stage's CPU seconds (detect + candidates + score)::

    python benchmarks/spin_speed.py [--stages spin|all] [--words 100000] \\
        [--spinner rare --spinner wordnet ...] [--stage-times]
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

from spin_sim import DENSE, SPINNERS, spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402
from stage_clock import TIMES, _Timed  # noqa: E402  (each stage's CPU time, by name)

import repair.pipeline as pipeline  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402


def register_texts(words: int) -> list[tuple[str, list[str]]]:
    """Clean English of each register (``../shared/data/clean_english/*``): its files in
    name order, cut at blank lines into documents of about 5,000 words, up to ``words``."""
    shared = ROOT.parent / "shared"
    if not shared.is_dir():
        shared = Path("/work/shared")
    out = []
    for folder in sorted((shared / "data/clean_english").glob("*")):
        if not folder.is_dir():
            continue
        docs: list[str] = []
        n = 0
        for p in sorted(folder.glob("*.txt")):
            paras = p.read_text(encoding="utf-8", errors="replace").split("\n\n")
            cur: list[str] = []
            for para in paras:
                cur.append(para)
                if sum(len(x.split()) for x in cur) >= 5_000:
                    docs.append("\n\n".join(cur))
                    n += sum(len(x.split()) for x in cur)
                    cur = []
                if n >= words:
                    break
            if cur and n < words:
                docs.append("\n\n".join(cur))
                n += sum(len(x.split()) for x in cur)
            if n >= words:
                break
        out.append((f"clean/{folder.name}", docs))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stages", choices=("spin", "all"), default="spin")
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--spinner", action="append", choices=(*SPINNERS, *DENSE, "all"))
    ap.add_argument("--no-clean", action="store_true", help="skip the clean text")
    ap.add_argument("--stage-times", action="store_true")
    ap.add_argument(
        "--registers",
        action="store_true",
        help="also clean text of each register of ../shared/data/clean_english (documents of "
        "about 5,000 words, up to --words words per register)",
    )
    args = ap.parse_args(argv)
    spinners = args.spinner or ["rare"]
    if "all" in spinners:
        spinners = list(SPINNERS)
    clean, n = [], 0
    pool = select("dev", 400)
    for d in pool:
        clean.append(d)
        n += len(d.text.split())
        if n >= args.words:
            break
    warm = pool[len(clean)] if len(clean) < len(pool) else pool[0]
    if args.stages == "spin":
        cfg = RepairConfig(mojibake=False, ocr=False, tortured=False, spin=True)
    else:
        cfg = RepairConfig()
    if args.stage_times:
        pipeline.load_stage = _Timed  # type: ignore[assignment]
    # warm-up: every lazily loaded resource (LM, tables, OCR and collocation lexicons)
    repair_text("The assembly was held yesterday to debate the proposal.", config=cfg)
    repair_text(warm.text, config=cfg)
    for s in spinners:
        spun_warm = spin_doc(warm.doc_id, warm.register, warm.text, s, "dev", 0.25).spun
        repair_text(spun_warm, config=cfg)
    runs = [] if args.no_clean else [("clean", [d.text for d in clean])]
    for s in spinners:
        spun = [spin_doc(d.doc_id, d.register, d.text, s, "dev", 0.25).spun for d in clean]
        runs.append((s, spun))
    if args.registers:
        runs += register_texts(args.words)
    for name, texts in runs:
        words = sum(len(x.split()) for x in texts)
        TIMES.clear()
        h = hashlib.sha1()
        t0, edits = time.process_time(), 0
        for x in texts:
            r = repair_text(x, config=cfg)
            edits += len(r.edits)
            h.update((r.text + repr(r.scores.spin)).encode())
        dt = time.process_time() - t0
        print(
            f"{name}: {words} words, {dt:.1f} CPU s, {words / dt:,.0f} words/s, {edits} edits, "
            f"outputs {h.hexdigest()[:12]}"
        )
        if args.stage_times:
            print("  " + ", ".join(f"{k} {v:.2f}" for k, v in TIMES.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
