"""One row per setting: the leave-one-source-out figures and the in-source ones together.

    python benchmarks/ocr_xsource_sweep.py [--archive] [--test] SETTING ... [-- MODULE.NAME=V ...]

A SETTING is a comma-separated list of ``scripts/build_ocr_confusions.py`` settings
(``SHAPE_PRIOR=True,SHAPE_COST=4.5``) or ``base``.  For each, four evaluations run under
``benchmarks/ocr_xsource.py``: SMH dev with the ICDAR table, ICDAR books (files 1-80) with
the SMH table (the cross-source figures), and both with the table of both sources (the
in-source figures, as shipped when the setting is the build's default).  ``--archive``
adds the simulated archives (dev: SMH channel with the ICDAR table, ICDAR channel with the
SMH table; CER change at 3 %); ``--test`` adds the SMH test half with the ICDAR table
(read it once, at the end, never to tune).  Settings after ``--`` go to the repair.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from runtime_args import split_runtime

ROOT = Path(__file__).resolve().parent.parent
XSOURCE = str(ROOT / "benchmarks" / "ocr_xsource.py")

_SMH = re.compile(r"`repair` \(default\) \| [\d.]+ \| ([-+\d.]+) % \| [\d.]+ \| ([-+\d.]+) %")
_EDITS = re.compile(r"`repair`: (\d+) edits, ([\d,]+) words/s")
_BOOKS = re.compile(r"both folds \| \d+ \| \d+ -> \d+ \| ([-+\d.]+)% \| (\d+)/")
_ARCH = re.compile(r"\| 3% \| .*?\(([-+\d.]+)%\) \| .*? \| ([\d.]+) \|$", re.M)


def run(train: str, evaluation: str, build: list[str], runtime: list[str]) -> str:
    cmd = [sys.executable, XSOURCE, "--train", train, "--eval", evaluation, *build]
    if runtime:
        cmd += ["--", *runtime]
    return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout


def smh(text: str) -> str:
    m, e = _SMH.search(text), _EDITS.search(text)
    return f"{m.group(1)} / {m.group(2)} ({e.group(1)}; {e.group(2)} w/s)" if m and e else "?"


def books(text: str) -> str:
    m = _BOOKS.search(text)
    return f"{m.group(1)} % ({m.group(2)})" if m else "?"


def archive(text: str) -> str:
    m = _ARCH.search(text)
    return f"{m.group(1)} % ({m.group(2)})" if m else "?"


def main(argv: list[str] | None = None) -> int:
    args, runtime = split_runtime(argv)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--archive", action="store_true")
    ap.add_argument("--test", action="store_true")
    ap.add_argument("settings", nargs="+")
    opts = ap.parse_args(args)
    head = "| setting | SMH dev, ICDAR table: WER / CER (edits) | books, SMH table (broken) "
    head += "| SMH dev, both | books, both |"
    if opts.archive:
        head += " archive SMH ch., ICDAR table: CER 3 % (broken/1k) |"
        head += " archive ICDAR ch., SMH table |"
    if opts.test:
        head += " SMH test, ICDAR table |"
    print(head)
    print("|" + "---|" * head.count(" |"))
    for setting in opts.settings:
        build = [] if setting == "base" else setting.split(",")
        row = [
            smh(run("icdar", "smh-dev", build, runtime)),
            books(run("smh", "books", build, runtime)),
            smh(run("both", "smh-dev", build, runtime)),
            books(run("both", "books", build, runtime)),
        ]
        if opts.archive:
            row.append(archive(run("icdar", "archive-smh-dev", build, runtime)))
            row.append(archive(run("smh", "archive-icdar-dev", build, runtime)))
        if opts.test:
            row.append(smh(run("icdar", "smh-test", build, runtime)))
        print(f"| {setting} | " + " | ".join(row) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
