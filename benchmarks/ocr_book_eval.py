"""ICDAR 2017 monographs, files 1-80 in two folds by file, and what is left per class.

    python benchmarks/ocr_book_eval.py [--classes] [--dump F] [--files 1-80] [MODULE.NAME=VALUE ...]

Files 1-80 of ``../shared/data/ocr/icdar2017_eng_monograph`` (the tuning part; file 81's
held-out part is never read here) are cut in two folds by file number (even: fold 0,
odd: fold 1), so a change tuned on one fold can be checked on the other.  Each file is
repaired as ``benchmarks/ocr_eval.py`` does (OCR stage only) and scored the same way:
relative reduction of character edit distance over the regions the gold does not mark
``#``, correct tokens broken, wrong tokens fixed.  ``MODULE.NAME=VALUE`` overrides a module
setting first (``repair.candidates.ocr.LIGHT=False``), as ``ocr_fold_eval.py`` does.

``--classes`` sorts every gold token still wrong after repair (and every one we broke)
into classes by what the OCR token and its gold are (a non-word never read, a non-word
misread, a real word for another, case, punctuation, a hyphen, long s / ligatures,
word boundaries, digits) with the character errors each class leaves.  ``--dump F``
writes those rows (fold, file, class, gold, OCR, output) as TSV for reading.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ocr_eval import OCR_ONLY, ed, load_icdar, score_file  # noqa: E402
from ocr_fold_eval import _override  # noqa: E402

from repair.bench.suites import shared_dir  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_OLD_GLYPHS = frozenset("ſﬁﬂﬀﬃﬄæœÆŒ")


def fold_of_file(stem: str) -> int:
    """Fold of an ICDAR file by its number: even 0, odd 1."""
    return int(stem) % 2


def _core(tok: str) -> str:
    """The letters of a token without the marks around it."""
    m = _WORD.search(tok)
    return m.group() if m else ""


def classify(gold: str, ocr: str, out: str, bounded: bool) -> str:
    """Class of a gold token that is wrong after repair (see the module docstring)."""
    from repair.score.ocr_channel import is_known

    if ocr == gold and bounded:
        return "broken"
    if any(ch in _OLD_GLYPHS for ch in ocr + gold):
        return "long s / ligature"
    if not bounded or " " in ocr.strip():
        return "boundary (split/merged)"
    if "-" in ocr or "-" in gold:
        return "hyphen"
    g, o = _core(gold), _core(ocr)
    if any(ch.isdigit() for ch in gold + ocr):
        return "digits"
    if g and g == o:
        return "punctuation"
    if g and g.lower() == o.lower():
        return "case"
    if not o:
        return "marks only in OCR"
    if is_known(o) or is_known(o.lower()):
        return "real word"
    if out == ocr:
        return "non-word never read"
    return "non-word misread"


def _files(folder: Path, spec: str) -> list[Path]:
    lo, _, hi = spec.partition("-")
    keep = set(range(int(lo), int(hi or lo) + 1))
    files = [p for p in folder.glob("*.txt") if p.stem.isdigit() and int(p.stem) in keep]
    if any(p.stem == "81" for p in files):
        raise SystemExit("file 81 holds the held-out part: use benchmarks/ocr_eval.py for it")
    return sorted(files, key=lambda p: int(p.stem))


def run(
    folder: Path, spec: str = "1-80", rows: list[tuple] | None = None
) -> dict[int, dict[str, int]]:
    """Per-fold counts (``score_file``'s) over the files of ``spec``; ``rows`` collects
    (fold, file, class, gold, OCR, output, char errors before, after) of every token still
    wrong or broken."""
    tots: dict[int, dict[str, int]] = {0: Counter(), 1: Counter()}
    for p in _files(folder, spec):
        raw, oa, ga = load_icdar(p)
        r = repair_text(raw, config=OCR_ONLY)
        recs: list[tuple[str, str, str, bool]] = []
        fold = fold_of_file(p.stem)
        tots[fold].update(score_file(raw, oa, ga, list(r.edits), r.text, recs))
        if rows is None:
            continue
        for g, o, out, bnd in recs:
            if out == g:
                continue  # right before and after, or fixed
            cls = classify(g, o, out, bnd)
            rows.append((fold, int(p.stem), cls, g, o, out, ed(o, g), ed(out, g)))
    return tots


def _line(name: str, t: dict[str, int]) -> str:
    red = (t["ed_before"] - t["ed_after"]) / max(1, t["ed_before"])
    return (
        f"| {name} | {t['chars']} | {t['ed_before']} -> {t['ed_after']} | {red:+.1%} "
        f"| {t['broken']}/{t['correct']} | {t['fixed']}/{t['wrong']} |"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("settings", nargs="*", metavar="MODULE.NAME=VALUE")
    ap.add_argument("--icdar", type=Path, default=shared_dir() / "data/ocr/icdar2017_eng_monograph")
    ap.add_argument("--files", default="1-80", help="file numbers, e.g. 1-80 or 28-80")
    ap.add_argument("--classes", action="store_true", help="remaining errors per class")
    ap.add_argument("--dump", type=Path, default=None, help="write the error rows as TSV")
    args = ap.parse_args(argv)
    for spec in args.settings:
        _override(spec)
    rows: list[tuple] | None = [] if (args.classes or args.dump) else None
    tots = run(args.icdar, args.files, rows)
    print(
        "| ICDAR files " + args.files + " | chars | char errors raw -> ours | ED reduction "
        "| correct tokens broken | wrong tokens fixed |"
    )
    print("|---|---|---|---|---|---|")
    for fold in (0, 1):
        print(_line(f"fold {fold} ({'even' if fold == 0 else 'odd'} files)", tots[fold]))
    both = Counter(tots[0])
    both.update(tots[1])
    print(_line("both folds", both))
    if rows is not None and args.classes:
        print(
            "\n| class | fold 0 tokens | fold 0 char errors left | fold 1 tokens "
            "| fold 1 char errors left |"
        )
        print("|---|---|---|---|---|")
        agg: dict[str, list[int]] = {}
        for fold, _f, cls, *_rest, after in rows:
            a = agg.setdefault(cls, [0, 0, 0, 0])
            a[2 * fold] += 1
            a[2 * fold + 1] += after
        for cls, a in sorted(agg.items(), key=lambda kv: -(kv[1][1] + kv[1][3])):
            print(f"| {cls} | {a[0]} | {a[1]} | {a[2]} | {a[3]} |")
    if rows is not None and args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write("\t".join(str(x) for x in row) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
