"""Ablate OCR-stage flags: each setting's token/char errors on SMH dev halves and ICDAR.

    python benchmarks/ocr_ablation.py [--parts deva,devb,icdar80] [--jobs 1] \\
        repair.candidates.ocr_glued.FLAG=False "mod.A=False mod.B=False" ...

Every positional argument is one *setting*: space-separated ``module.NAME=value``
overrides (``value`` is a Python literal).  The baseline (no override) is always run
first.  Each setting runs in a fresh interpreter, so module-level flags read at import
time and ``functools.lru_cache``'d helpers cannot carry state between settings.

Parts (``--parts``, comma-separated):

* ``deva`` / ``devb``: the SMH ``dev`` split (``smh_eval.split_of``) cut in two by a
  second stable hash of the article id (CRC32 of ``"<id>:half"``, even -> a, odd -> b).
  The two halves detect a rule that fits one set of dev articles only, without
  looking at ``test``.
* ``icdar80``: ICDAR 2017 English monographs, files 1-80, whole (OCR-only config,
  as ``ocr_eval.py``), scored on the aligned regions: char edit distance after
  repair and correct tokens broken.
* ``test``: the SMH ``test`` split (held out: run once per candidate, never tune).
* ``icdar81``: the held-out part of ICDAR file 81 (after its first 300,000 chars).

Each row: token and char errors per SMH part (and the change against the baseline),
ICDAR edit distance after repair (and broken tokens), and CPU seconds of the repair
calls (``time.process_time``; the machine is shared, so CPU deltas under ~3 % are noise).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import subprocess
import sys
import time
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

ALL_PARTS = ("deva", "devb", "icdar80", "test", "icdar81")
SMH_PARTS = ("deva", "devb", "test")


def dev_half(ident: str) -> str:
    """``"deva"`` or ``"devb"``: the stable half of a dev article."""
    return "deva" if zlib.crc32(f"{ident}:half".encode()) % 2 == 0 else "devb"


def apply_overrides(setting: str) -> None:
    """Set every ``module.NAME=value`` of ``setting`` (checks that NAME exists)."""
    for item in setting.split():
        key, value = item.split("=", 1)
        mod, name = key.rsplit(".", 1)
        module = importlib.import_module(mod)
        if not hasattr(module, name):
            raise SystemExit(f"ocr_ablation: {mod} has no {name}")
        setattr(module, name, ast.literal_eval(value))


def measure(parts: list[str]) -> dict[str, dict[str, float]]:
    """Errors and CPU of the current process's settings on ``parts``."""
    import ocr_eval
    import smh_eval

    from repair.bench.suites import shared_dir
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    out: dict[str, dict[str, float]] = {}
    smh = [p for p in parts if p in SMH_PARTS]
    if smh:
        arts = smh_eval.load(smh_eval.DEFAULT_DATA / "allArticles.txt")
        for a in arts:
            split = smh_eval.split_of(a.ident)
            part = dev_half(a.ident) if split == "dev" else "test"
            if part not in smh:
                continue
            t0 = time.process_time()
            text = repair_text(a.raw, config=RepairConfig()).text
            cpu = time.process_time() - t0
            tok, _, chars, _ = smh_eval.errors(text, a.gold)
            row = out.setdefault(part, dict(tok=0, chr=0, cpu=0.0))
            row["tok"] += tok
            row["chr"] += chars
            row["cpu"] += cpu
    folder = shared_dir() / "data/ocr/icdar2017_eng_monograph"
    for part in ("icdar80", "icdar81"):
        if part not in parts:
            continue
        files = sorted(folder.glob("*.txt"), key=lambda p: int(p.stem))
        items = (
            [(p, 0, 0) for p in files if p.stem != "81"]
            if part == "icdar80"
            else [(folder / "81.txt", ocr_eval.TRAIN_CHARS_81, 0)]
        )
        row = dict(ed=0, broken=0, cpu=0.0)
        for p, start, limit in items:
            raw, oa, ga = ocr_eval.load_icdar(p, start, limit)
            t0 = time.process_time()
            r = repair_text(raw, config=ocr_eval.OCR_ONLY)
            row["cpu"] += time.process_time() - t0
            s = ocr_eval.score_file(raw, oa, ga, list(r.edits), r.text)
            row["ed"] += s["ed_after"]
            row["broken"] += s["broken"]
        out[part] = row
    return out


def worker(setting: str, parts: list[str]) -> None:
    apply_overrides(setting)
    print(json.dumps(measure(parts)), flush=True)


def run_setting(setting: str, parts: list[str]) -> dict[str, dict[str, float]]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", setting]
    cmd += ["--parts", ",".join(parts)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode:
        raise SystemExit(f"ocr_ablation: {setting!r} failed:\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def cell(part: str, row: dict[str, float], base: dict[str, float]) -> str:
    if part in SMH_PARTS:
        dt, dc = row["tok"] - base["tok"], row["chr"] - base["chr"]
        return f"{int(row['tok'])} ({dt:+d}) / {int(row['chr'])} ({dc:+d})"
    de = row["ed"] - base["ed"]
    return f"{int(row['ed'])} ({de:+d}), {int(row['broken'])} broken"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("settings", nargs="*", help='"module.NAME=value ..." per setting')
    ap.add_argument("--parts", default="deva,devb,icdar80")
    ap.add_argument("--jobs", type=int, default=1, help="settings run in parallel")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    parts = [p for p in args.parts.split(",") if p]
    if bad := [p for p in parts if p not in ALL_PARTS]:
        raise SystemExit(f"ocr_ablation: unknown parts {bad}; choose from {ALL_PARTS}")
    if args.worker is not None:
        worker(args.worker, parts)
        return 0
    print("command: python benchmarks/ocr_ablation.py " + " ".join(sys.argv[1:]), flush=True)
    head = ["setting", *(f"{p} tok / chr" if p in SMH_PARTS else f"{p} ED" for p in parts)]
    print("| " + " | ".join([*head, "CPU s"]) + " |")
    print("|" + "---|" * (len(head) + 1), flush=True)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        base = run_setting("", parts)
        cpu = sum(r["cpu"] for r in base.values())
        print("| baseline | " + " | ".join(cell(p, base[p], base[p]) for p in parts), end="")
        print(f" | {cpu:.1f} |", flush=True)
        for s, res in pool.map(lambda s: (s, run_setting(s, parts)), args.settings):
            cpu = sum(r["cpu"] for r in res.values())
            cells = [cell(p, res[p], base[p]) for p in parts]
            print(f"| `{s}` | " + " | ".join(cells) + f" | {cpu:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
