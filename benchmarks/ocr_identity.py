"""Byte-identity check for speed work: ``repair_text`` outputs and edits on OCR and clean text.

    PY=/path/to/other/.venv/bin/python
    $PY benchmarks/ocr_identity.py dump OUT_A.jsonl      # with the other checkout's venv
    python benchmarks/ocr_identity.py dump OUT_B.jsonl   # with this checkout's venv
    python benchmarks/ocr_identity.py diff OUT_A.jsonl OUT_B.jsonl

``dump`` repairs, with the default configuration, every input of the set below and
writes one JSON line per input: its name, the SHA-256 of the repaired text and every
edit (offset, original, replacement, kind, confidence, rule).  The script does not put
its own checkout on ``sys.path``: the ``repair`` package is whichever the running
Python imports, so the same file compares two checkouts.  ``diff`` prints the inputs
whose text or edits differ (exit 1 if any).

The set (read in place; nothing is copied): the synthetic OCR suite (damaged and clean),
the speed suite's OCR text (10 k words, non-repeating garble), all 159 SMH articles
(raw OCR lines joined by newlines), every ICDAR 2017 file's raw OCR, the clean suite,
and the first 40,000 characters of the first three files of each clean-English register.
``--quick`` takes every fourth input of each group.  ``--wide`` adds the seeds, the spin,
spin_same and tortured suites, every ``spin_sim`` dev row (damaged and clean) and the speed
suite's clean and spun texts (10 k words).  Each line also holds a hash of the document
scores (``DocScores.to_json()``, stage details included).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
SHARED = HERE.parent / "shared"
if not SHARED.is_dir():
    SHARED = Path("/work/shared")


def inputs(quick: bool = False, wide: bool = False) -> Iterator[tuple[str, str]]:
    """``(name, text)`` of every input, in a fixed order."""
    groups: list[list[tuple[str, str]]] = []
    syn = sorted((HERE / "benchmarks/suites/ocr_synthetic").glob("*.txt"))
    groups.append([(f"synthetic/{p.name}", p.read_text(encoding="utf-8")) for p in syn])
    from repair.bench.speed import ocr_speed_text

    groups.append([("speed/ocr_10k", ocr_speed_text(10_000, HERE))])
    smh = SHARED / "data/ocr/overproof_smh/allArticles.txt"
    arts: list[tuple[str, str]] = []
    if smh.is_file():
        cur: tuple[str, list[str]] | None = None
        for line in smh.read_text(encoding="utf-8").split("\n"):
            if line.startswith("*$*OVERPROOF*$*"):
                if cur:
                    arts.append((f"smh/{cur[0]}", "\n".join(cur[1])))
                cur = (line.split()[1], [])
                continue
            parts = line.split("||@@||")
            if cur is None or not line.strip() or len(parts) != 3:
                continue
            cur[1].append(parts[0])
        if cur:
            arts.append((f"smh/{cur[0]}", "\n".join(cur[1])))
    groups.append(arts)
    icdar = sorted(
        (SHARED / "data/ocr/icdar2017_eng_monograph").glob("*.txt"),
        key=lambda p: (int(p.stem) if p.stem.isdigit() else 10**9, p.stem),
    )
    rows = []
    for p in icdar:
        first = p.read_text(encoding="utf-8").split("\n", 1)[0]
        if first.startswith("[OCR_toInput] "):
            rows.append((f"icdar/{p.name}", first[len("[OCR_toInput] ") :]))
    groups.append(rows)
    clean = sorted((HERE / "benchmarks/suites/clean").glob("*.clean.txt"))
    groups.append([(f"clean/{p.name}", p.read_text(encoding="utf-8")) for p in clean])
    registers = []
    for folder in sorted((SHARED / "data/clean_english").glob("*")):
        if folder.is_dir():
            for p in sorted(folder.glob("*.txt"))[:3]:
                text = p.read_text(encoding="utf-8", errors="replace")[:40_000]
                registers.append((f"register/{folder.name}/{p.name}", text))
    groups.append(registers)
    if wide:
        groups.extend(_wide_groups())
    for group in groups:
        yield from group[::4] if quick else group


def _wide_groups() -> list[list[tuple[str, str]]]:
    """``--wide``: the seeds, the spin and tortured suites (damaged and clean), the
    ``spin_sim`` dev rows (damaged and clean) and the speed suite's clean and spun texts."""
    from repair.bench.speed import speed_text

    groups: list[list[tuple[str, str]]] = []
    seeds = sorted((HERE / "seeds").glob("*.txt"))
    groups.append([(f"seed/{p.name}", p.read_text(encoding="utf-8")) for p in seeds])
    for suite in ("spin", "tortured", "spin_same"):
        files = sorted((HERE / "benchmarks/suites" / suite).glob("*.txt"))
        groups.append([(f"{suite}/{p.name}", p.read_text(encoding="utf-8")) for p in files])
    rows = []
    for p in sorted((HERE / "benchmarks/suites/spin_sim").glob("dev_*.jsonl")):
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line)
            for key in ("damaged", "spun", "clean"):
                if isinstance(row.get(key), str):
                    rows.append((f"spin_sim/{p.stem}/{n}/{key}", row[key]))
    groups.append(rows)
    groups.append([(f"speed/{k}_10k", speed_text(k, 10_000, HERE)) for k in ("clean", "spun")])
    return groups


def dump(out: Path, quick: bool, only: str, wide: bool = False) -> int:
    from repair.pipeline import repair_text

    repair_text("Tbe man.")  # load once
    t0 = time.process_time()
    with out.open("w", encoding="utf-8") as fh:
        for name, text in inputs(quick, wide):
            if only and not name.startswith(only):
                continue
            res = repair_text(text)
            edits = [
                [e.offset, e.original, e.replacement, e.kind, round(e.confidence, 6), e.rule]
                for e in res.edits
            ]
            row = {
                "name": name,
                "sha": hashlib.sha256(res.text.encode("utf-8")).hexdigest(),
                "edits": edits,
                "scores": hashlib.sha256(
                    json.dumps(res.scores.to_json(), sort_keys=True, default=repr).encode()
                ).hexdigest()[:16],
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{out}: {time.process_time() - t0:.1f} s CPU", file=sys.stderr)
    return 0


def diff(a: Path, b: Path) -> int:
    ra = {r["name"]: r for r in map(json.loads, a.read_text(encoding="utf-8").splitlines())}
    rb = {r["name"]: r for r in map(json.loads, b.read_text(encoding="utf-8").splitlines())}
    bad = 0
    for name in sorted(ra.keys() | rb.keys()):
        x, y = ra.get(name), rb.get(name)
        if x is None or y is None:
            print(f"{name}: only in {'b' if x is None else 'a'}")
            bad += 1
            continue
        if x["sha"] != y["sha"] or x["edits"] != y["edits"] or x.get("scores") != y.get("scores"):
            bad += 1
            ex = {tuple(map(str, e)) for e in x["edits"]}
            ey = {tuple(map(str, e)) for e in y["edits"]}
            same = "same" if x["sha"] == y["sha"] else "DIFFERS"
            scores = "same" if x.get("scores") == y.get("scores") else "DIFFER"
            print(f"{name}: text {same}, scores {scores}")
            for e in sorted(ex - ey)[:5]:
                print("   - ", e)
            for e in sorted(ey - ex)[:5]:
                print("   + ", e)
    print(f"{len(ra)} vs {len(rb)} inputs, {bad} differ")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--quick", action="store_true")
    d.add_argument("--only", default="", help="only inputs whose name starts with this")
    d.add_argument(
        "--wide",
        action="store_true",
        help="also the seeds, spin/tortured suites, spin_sim dev rows, speed clean/spun text",
    )
    c = sub.add_parser("diff")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        return dump(args.out, args.quick, args.only, args.wide)
    return diff(args.a, args.b)


if __name__ == "__main__":
    raise SystemExit(main())
