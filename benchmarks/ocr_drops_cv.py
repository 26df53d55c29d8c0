"""Do dropped-letter readings generalize?  Two-fold cross-validation inside SMH dev.

    python benchmarks/ocr_drops_cv.py [--setting NAME=k:v,k:v ...]
    python benchmarks/ocr_drops_cv.py --shapes DUMP   (DUMP: ocr_reach.py --dump output)

The drop model (``scripts/build_ocr_drops.py``) and the confusion table are both learned
from the SMH dev half, so dev figures flatter them.  As ``ocr_confusion_cv.py`` does,
dev is cut in two by article (CRC32 of the NLA id); each fold is repaired with a drop
model *and* a confusion table learned from the other fold (plus ICDAR, as shipped),
once per setting of :mod:`repair.candidates.ocr_dropped` (``off`` turns the source off),
and scored as ``smh_eval.py`` does.  The test half is never read; the repository's
lexicon files are never touched.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import build_ocr_drops as drops_build  # noqa: E402
import ocr_confusion_cv as cv  # noqa: E402
import smh_eval  # noqa: E402

DEFAULT_SETTINGS = ("off", "on")


def build_drops(train_fold: int) -> str:
    """The drop model learned from one dev fold (and ICDAR), as TSV text."""
    split_of = smh_eval.split_of
    try:
        smh_eval.split_of = lambda ident: (  # type: ignore[assignment]
            "dev" if split_of(ident) == "dev" and cv.fold_of(ident) == train_fold else "other"
        )
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            drops_build.main(["--smh", str(smh_eval.DEFAULT_DATA), "--icdar", str(cv.ICDAR)])
        return out.getvalue()
    finally:
        smh_eval.split_of = split_of  # type: ignore[assignment]


def parse_setting(text: str) -> tuple[str, dict[str, float]]:
    """``name=KEY:value,KEY:value`` (or ``off`` / ``on``) -> (name, module overrides)."""
    name, _, rest = text.partition("=")
    values = {}
    for part in filter(None, rest.split(",")):
        k, _, v = part.partition(":")
        values[k] = float(v)
    return name, values


def _child(fold: int, tables: dict[str, str], setting: str) -> None:
    import repair.candidates.ocr as ocr
    import repair.candidates.ocr_dropped as dropped
    from repair import lexicons
    from repair.score import ocr_channel

    real = lexicons.read_tsv

    def read_tsv(name: str, columns: tuple[str, ...] | None = None) -> tuple[tuple[str, ...], ...]:
        if name not in tables:
            return real(name, columns)
        lines = Path(tables[name]).read_text(encoding="utf-8").split("\n")
        return tuple(tuple(x.split("\t")) for x in lines if x and not x.startswith("#"))

    ocr_channel.read_tsv = read_tsv  # read at the first call, in this fresh process
    dropped.read_tsv = read_tsv
    name, values = parse_setting(setting)
    ocr.DROPPED = name != "off"
    for k, v in values.items():
        if not hasattr(dropped, k):
            raise SystemExit(f"unknown setting {k}")
        setattr(dropped, k, v)
    arts = [
        a
        for a in smh_eval.load(smh_eval.DEFAULT_DATA / "allArticles.txt")
        if smh_eval.split_of(a.ident) == "dev" and cv.fold_of(a.ident) == fold
    ]
    t = smh_eval.run(arts)
    wer = 100 * (t["ours_tok"] - t["raw_tok"]) / t["raw_tok"]
    cer = 100 * (t["ours_chr"] - t["raw_chr"]) / t["raw_chr"]
    print(
        f"| {name} {setting.partition('=')[2]} | {fold} | {wer:+.2f} % | {cer:+.2f} % "
        f"| {t['ours_tok']} | {t['ours_chr']} |"
    )


def evaluate(fold: int, tables: dict[str, str], setting: str) -> str:
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); "
        f"import ocr_drops_cv as m; m._child({fold}, {tables!r}, {setting!r})"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return res.stdout.strip()


def shapes(dump: Path) -> None:
    """The unfixed one-token errors of an ``ocr_reach.py --dump`` file by the Levenshtein
    edits from printed to gold (lower case): a dropped letter alone, with one or more
    other edits, one substitution the confusion table lists or not, other."""
    import json
    from collections import Counter

    from rapidfuzz.distance import Levenshtein

    from repair.score.ocr_channel import confusions

    table = confusions()
    found: Counter[tuple[str, str, str]] = Counter()
    for line in dump.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["state"] == "fixed" or r["cls"] in ("split", "merge"):
            continue
        raw, gold = r["raw"].lower(), r["gold"].lower()
        ops = Levenshtein.editops(raw, gold)
        if any(o.tag == "insert" for o in ops):
            shape = ("drop only", "drop + 1 edit")[len(ops) - 1] if len(ops) <= 2 else "drop + more"
        elif len(ops) == 1 and ops[0].tag == "replace":
            a, b = raw[ops[0].src_pos], gold[ops[0].dest_pos]
            listed = b in {d for d, _c in table.get(a, ())}
            shape = "1 substitution, " + ("listed" if listed else "not listed")
        else:
            shape = "other"
        found[("real" if r["cls"] == "real" else "non-word", shape, r["state"])] += 1
    print("| printed | shape | state | errors |\n|---|---|---|---|")
    for key in sorted(found):
        print(f"| {' | '.join(key)} | {found[key]} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--setting", action="append", default=None)
    ap.add_argument("--shapes", type=Path, default=None)
    args = ap.parse_args(argv)
    if args.shapes:
        shapes(args.shapes)
        return 0
    settings = args.setting or list(DEFAULT_SETTINGS)
    print("| setting | held-out dev fold | WER change | CER change | token errors | char errors |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for fold in (0, 1):
            conf = Path(tmp) / f"conf{fold}.tsv"
            conf.write_text(cv.build_table(1 - fold, cv.build.SPARSE_MIN_COUNT), encoding="utf-8")
            drops = Path(tmp) / f"drops{fold}.tsv"
            drops.write_text(build_drops(1 - fold), encoding="utf-8")
            tables = {"ocr_confusions.tsv": str(conf), "ocr_drops.tsv": str(drops)}
            for setting in settings:
                print(evaluate(fold, tables, setting), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
