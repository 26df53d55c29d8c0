"""SMH dev by fold, with module settings overridden: does a setting generalise?

    python benchmarks/ocr_fold_eval.py [--shipped-table | --shipped-marks] [MODULE.NAME=VALUE ...]

e.g. ``repair.candidates.ocr.CAPITAL_WIDE=False``.  The dev half is cut in two by
article as :func:`ocr_confusion_cv.fold_of` does (the test half is never read); each
fold's token and character errors are printed with their change against raw OCR, so a
threshold chosen on one fold can be checked on the other.

The learned OCR tables (the confusion table, ``ocr_marks.tsv``, ``ocr_drops.tsv``) are
learned from SMH dev, so the shipped ones have seen both folds' errors.  By default each
fold is repaired in a fresh process that reads all three tables learned from the *other*
fold (and ICDAR, as shipped: :func:`ocr_confusion_cv.build_table`,
:func:`fold_tables`); ``--shipped-marks`` learns only the confusion table per fold and
keeps the shipped marks and drops (session 18's figures); ``--shipped-table`` scores
both folds with the shipped tables in this process (the figures of sessions 13-17).
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

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


def fold_tables(train_fold: int, marks: bool = True) -> dict[str, str]:
    """The learned OCR tables of one dev fold (and ICDAR), as TSV text by lexicon name."""
    import build_ocr_confusions as build
    import build_ocr_drops
    import build_ocr_marks
    import build_ocr_slot_confusions
    from ocr_confusion_cv import ICDAR, build_table

    out = {"ocr_confusions.tsv": build_table(train_fold, build.SPARSE_MIN_COUNT)}
    if not marks:
        return out
    split_of = smh_eval.split_of
    try:
        smh_eval.split_of = lambda ident: (  # type: ignore[assignment]
            "dev" if split_of(ident) == "dev" and fold_of(ident) == train_fold else "other"
        )
        builders = (
            ("ocr_marks.tsv", build_ocr_marks),
            ("ocr_drops.tsv", build_ocr_drops),
            ("ocr_slot_confusions.tsv", build_ocr_slot_confusions),
        )
        for name, builder in builders:
            text = io.StringIO()
            with contextlib.redirect_stdout(text):
                builder.main(["--smh", str(smh_eval.DEFAULT_DATA), "--icdar", str(ICDAR)])
            out[name] = text.getvalue()
    finally:
        smh_eval.split_of = split_of  # type: ignore[assignment]
    return out


def use_tables(tables: dict[str, str]) -> None:
    """Make this (fresh) process read the named lexicons from the given files."""
    from repair import lexicons
    from repair.candidates import ocr_dropped, ocr_glued
    from repair.score import ocr_channel, ocr_slotprice

    real = lexicons.read_tsv

    def read_tsv(name: str, columns: tuple[str, ...] | None = None) -> tuple[tuple[str, ...], ...]:
        if name not in tables:
            return real(name, columns)
        lines = Path(tables[name]).read_text(encoding="utf-8").split("\n")
        return tuple(tuple(x.split("\t")) for x in lines if x and not x.startswith("#"))

    for mod in (ocr_channel, ocr_glued, ocr_dropped, ocr_slotprice):
        mod.read_tsv = read_tsv  # type: ignore[attr-defined]  # read at first call
    assert ocr_channel.confusions.cache_info().currsize == 0


def _child(fold: int, tables: dict[str, str], specs: list[str]) -> None:
    """Repair one fold with the learned tables read from ``tables``; print totals as JSON."""
    use_tables(tables)
    for spec in specs:
        _override(spec)
    print(json.dumps(smh_eval.run(_dev_fold(fold))))


def _held_out(fold: int, specs: list[str], tmp: str, marks: bool = True) -> dict[str, float]:
    """Fold ``fold`` repaired in a fresh process with tables learned from the other."""
    tables = {}
    for name, text in fold_tables(1 - fold, marks).items():
        path = Path(tmp) / f"fold{fold}-{name}"
        path.write_text(text, encoding="utf-8")
        tables[name] = str(path)
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); "
        f"import ocr_fold_eval as f; f._child({fold}, {tables!r}, {specs!r})"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    args = list(argv if argv is not None else sys.argv[1:])
    if "-h" in args or "--help" in args:
        print(__doc__)
        return 0
    shipped = "--shipped-table" in args
    marks = "--shipped-marks" not in args
    specs = [a for a in args if a not in ("--shipped-table", "--shipped-marks")]
    for spec in specs:
        _override(spec)  # checked here; the children apply them again
    tots = []
    with tempfile.TemporaryDirectory() as tmp:
        for fold in (0, 1):
            t = smh_eval.run(_dev_fold(fold)) if shipped else _held_out(fold, specs, tmp, marks)
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
