"""SMH dev by fold, with module settings overridden: does a setting generalise?

    python benchmarks/ocr_fold_eval.py [MODULE.NAME=VALUE ...]

e.g. ``repair.candidates.ocr.CAPITAL_WIDE=False``.  The dev half is cut in two by
article as :func:`ocr_confusion_cv.fold_of` does (the test half is never read); each
fold's token and character errors are printed with their change against raw OCR, so a
threshold chosen on one fold can be checked on the other.
"""

from __future__ import annotations

import ast
import importlib
import sys
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


def main(argv: list[str] | None = None) -> int:
    for spec in argv if argv is not None else sys.argv[1:]:
        _override(spec)
    arts = [
        a
        for a in smh_eval.load(smh_eval.DEFAULT_DATA / "allArticles.txt")
        if smh_eval.split_of(a.ident) == "dev"
    ]
    tots = []
    for fold in (0, 1):
        t = smh_eval.run([a for a in arts if fold_of(a.ident) == fold])
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
