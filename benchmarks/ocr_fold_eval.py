"""SMH dev by fold, with module settings overridden: does a setting generalise?

    python benchmarks/ocr_fold_eval.py [--shipped-table] [MODULE.NAME=VALUE ...]

e.g. ``repair.candidates.ocr.CAPITAL_WIDE=False``.  The dev half is cut in two by
article as :func:`ocr_confusion_cv.fold_of` does (the test half is never read); each
fold's token and character errors are printed with their change against raw OCR, so a
threshold chosen on one fold can be checked on the other.

The confusion table (the learned channel) is learned from SMH dev, so the shipped
table has seen both folds' errors.  By default each fold is repaired in a fresh process
whose channel reads a table learned from the *other* fold (and ICDAR, as shipped:
:func:`ocr_confusion_cv.build_table`); ``--shipped-table`` scores both folds with the
shipped table in this process (the figures of sessions 13-17).  The other tables
learned from SMH dev (``ocr_marks.tsv``, ``ocr_drops.tsv``) are the shipped ones either way.
"""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import smh_eval  # noqa: E402
from ocr_confusion_cv import fold_of  # noqa: E402


def _override(spec: str) -> None:
    target, value = spec.split("=", 1)
    module, name = target.rsplit(".", 1)
    mod = importlib.import_module(module)
    if not hasattr(mod, name):
        raise SystemExit(f"{module} has no {name}")
    setattr(mod, name, ast.literal_eval(value))


def _dev_fold(fold: int) -> list[smh_eval.Article]:
    return [
        a
        for a in smh_eval.load(smh_eval.DEFAULT_DATA / "allArticles.txt")
        if smh_eval.split_of(a.ident) == "dev" and fold_of(a.ident) == fold
    ]


def _child(fold: int, table: str, specs: list[str]) -> None:
    """Repair one fold with the channel read from ``table``; print its totals as JSON."""
    from ocr_confusion_cv import use_table

    use_table(table)
    for spec in specs:
        _override(spec)
    print(json.dumps(smh_eval.run(_dev_fold(fold))))


def _held_out(fold: int, specs: list[str], tmp: str) -> dict[str, float]:
    """Fold ``fold`` repaired in a fresh process with a table learned from the other."""
    import build_ocr_confusions as build
    from ocr_confusion_cv import build_table

    path = Path(tmp) / f"fold{fold}.tsv"
    path.write_text(build_table(1 - fold, build.SPARSE_MIN_COUNT), encoding="utf-8")
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); "
        f"import ocr_fold_eval as f; f._child({fold}, {str(path)!r}, {specs!r})"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    args = list(argv if argv is not None else sys.argv[1:])
    shipped = "--shipped-table" in args
    specs = [a for a in args if a != "--shipped-table"]
    for spec in specs:
        _override(spec)  # checked here; the children apply them again
    tots = []
    with tempfile.TemporaryDirectory() as tmp:
        for fold in (0, 1):
            t = smh_eval.run(_dev_fold(fold)) if shipped else _held_out(fold, specs, tmp)
            tots.append(t)
            print(
                f"fold {fold}: token errors {int(t['ours_tok'])} "
                f"WER {smh_eval._pct(t['ours_tok'], t['raw_tok'])} "
                f"chars {int(t['ours_chr'])} CER {smh_eval._pct(t['ours_chr'], t['raw_chr'])}",
                flush=True,
            )
    both = {k: tots[0][k] + tots[1][k] for k in ("ours_tok", "raw_tok", "ours_chr", "raw_chr")}
    print(
        f"dev: token errors {int(both['ours_tok'])} "
        f"WER {smh_eval._pct(both['ours_tok'], both['raw_tok'])} "
        f"CER {smh_eval._pct(both['ours_chr'], both['raw_chr'])}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
