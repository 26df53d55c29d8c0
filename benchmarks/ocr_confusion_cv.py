"""Does a confusion-table setting generalize?  Two-fold cross-validation inside SMH dev.

    python benchmarks/ocr_confusion_cv.py [--sparse-min-count N]

The confusion table (``scripts/build_ocr_confusions.py``) is learned from the SMH dev
half, so its own dev figures flatter rows seen once or twice: those are the dev errors
themselves.  Here the dev half is cut in two by article (CRC32 of the NLA id, the bit
after the dev/test one); each fold is repaired with a table learned from the *other*
fold (plus ICDAR, as shipped) and scored as ``smh_eval.py`` does.  The test half is
never read.  ``--sparse-min-count 3`` builds the table without sparse rows (the table of
session 6), the default keeps them as shipped.

Each fold runs in a subprocess whose channel model reads the fold's table instead of
``lexicons/ocr_confusions.tsv`` (the file in the repository is never touched).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import build_ocr_confusions as build  # noqa: E402
import smh_eval  # noqa: E402

ICDAR = smh_eval.DEFAULT_DATA.parent / "icdar2017_eng_monograph"


def fold_of(ident: str) -> int:
    """0 or 1: the article's fold inside the dev half."""
    return (zlib.crc32(ident.encode()) // 2) % 2


def build_table(train_fold: int, sparse_min_count: int) -> str:
    """The confusion table learned from one dev fold (and ICDAR), as TSV text."""
    split_of = smh_eval.split_of
    old = build.SPARSE_MIN_COUNT
    try:
        smh_eval.split_of = lambda ident: (  # type: ignore[assignment]
            "dev" if split_of(ident) == "dev" and fold_of(ident) == train_fold else "other"
        )
        build.SPARSE_MIN_COUNT = sparse_min_count
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            build.main(["--smh", str(smh_eval.DEFAULT_DATA), "--icdar", str(ICDAR)])
        return out.getvalue()
    finally:
        smh_eval.split_of = split_of  # type: ignore[assignment]
        build.SPARSE_MIN_COUNT = old


def evaluate(fold: int, table: Path) -> str:
    """Run :func:`_child` in a fresh process (the table is read once per process)."""
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); "
        f"import ocr_confusion_cv as cv; cv._child({fold}, {str(table)!r})"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return res.stdout.strip()


def use_table(table: str) -> None:
    """Make this (fresh) process read the confusion channel from ``table``, not the shipped file."""
    from repair.score import ocr_channel

    real = ocr_channel.read_tsv

    def read_tsv(name: str, columns: tuple[str, ...] | None = None) -> tuple[tuple[str, ...], ...]:
        if name != "ocr_confusions.tsv":
            return real(name, columns)
        lines = Path(table).read_text(encoding="utf-8").split("\n")
        return tuple(tuple(x.split("\t")) for x in lines if x and not x.startswith("#"))

    ocr_channel.read_tsv = read_tsv  # read at the first call, in this fresh process
    assert ocr_channel.confusions.cache_info().currsize == 0


def _child(fold: int, table: str) -> None:
    use_table(table)
    arts = [
        a
        for a in smh_eval.load(smh_eval.DEFAULT_DATA / "allArticles.txt")
        if smh_eval.split_of(a.ident) == "dev" and fold_of(a.ident) == fold
    ]
    t = smh_eval.run(arts)
    print(
        f"| {fold} | {len(arts)} | {smh_eval._pct(t['ours_tok'], t['raw_tok'])} "
        f"| {smh_eval._pct(t['ours_chr'], t['raw_chr'])} |"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sparse-min-count", type=int, default=build.SPARSE_MIN_COUNT)
    args = ap.parse_args(argv)
    print(f"sparse rows from {args.sparse_min_count} sightings (3: none)\n")
    print("| held-out dev fold | articles | WER change | CER change |\n|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for fold in (0, 1):
            path = Path(tmp) / f"fold{fold}.tsv"
            path.write_text(build_table(1 - fold, args.sparse_min_count), encoding="utf-8")
            print(evaluate(fold, path), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
