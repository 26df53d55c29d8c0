"""Held-out dev folds with the confusion table learned from the other fold, settings overridden.

    python benchmarks/ocr_table_cv.py [BUILD_NAME=VALUE ...] [-- MODULE.NAME=VALUE ...]

``benchmarks/ocr_confusion_cv.py`` with token and character error counts, any setting of
``scripts/build_ocr_confusions.py`` (before ``--``, e.g. ``DECOMPOSE=False``) and any
module setting of the repair (after it, e.g. ``repair.score.ocr_deep.DEEP=False``).
Each SMH dev fold (:func:`ocr_confusion_cv.fold_of`) is repaired in a fresh process whose
channel model reads a table learned from the *other* fold and ICDAR (the shipped table
is learned from all of dev, so ``ocr_fold_eval.py`` flatters its rows); the test half is
never read.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

import ocr_confusion_cv as cv  # noqa: E402
from runtime_args import split_runtime  # noqa: E402

_CHILD = """
import ast, importlib, sys
from pathlib import Path
sys.path.insert(0, {bench!r})
import ocr_confusion_cv as cv, smh_eval
for spec in {runtime!r}:
    target, value = spec.split("=", 1)
    module, name = target.rsplit(".", 1)
    setattr(importlib.import_module(module), name, ast.literal_eval(value))
from repair.score import ocr_channel
real = ocr_channel.read_tsv
def read_tsv(name, columns=None):
    if name != "ocr_confusions.tsv":
        return real(name, columns)
    lines = Path({table!r}).read_text(encoding="utf-8").split("\\n")
    return tuple(tuple(x.split("\\t")) for x in lines if x and not x.startswith("#"))
ocr_channel.read_tsv = read_tsv
arts = [a for a in smh_eval.load(smh_eval.DEFAULT_DATA / "allArticles.txt")
        if smh_eval.split_of(a.ident) == "dev" and cv.fold_of(a.ident) == {fold}]
t = smh_eval.run(arts)
print(f"fold {fold}: token errors {{int(t['ours_tok'])}} chars {{int(t['ours_chr'])}} "
      f"WER {{smh_eval._pct(t['ours_tok'], t['raw_tok'])}} "
      f"CER {{smh_eval._pct(t['ours_chr'], t['raw_chr'])}}")
"""


def main(argv: list[str] | None = None) -> int:
    args, runtime = split_runtime(argv)
    for spec in args:
        name, value = spec.split("=", 1)
        if not hasattr(cv.build, name):
            raise SystemExit(f"build_ocr_confusions has no {name}")
        setattr(cv.build, name, ast.literal_eval(value))
    with tempfile.TemporaryDirectory() as tmp:
        for fold in (0, 1):
            table = Path(tmp) / f"fold{fold}.tsv"
            table.write_text(cv.build_table(1 - fold, cv.build.SPARSE_MIN_COUNT), "utf-8")
            code = _CHILD.format(
                bench=str(ROOT / "benchmarks"), runtime=runtime, table=str(table), fold=fold
            )
            res = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            )
            print(res.stdout.strip(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
