"""Correct OCR tokens that `repair` breaks, listed with the rule that broke them (dev only).

    python benchmarks/ocr_broken.py smh [--split dev] [--limit N] [--jsonl F]
    python benchmarks/ocr_broken.py icdar [--icdar DIR] [--part books|81] [--jsonl F]

``smh``: each printed line of an article is aligned to its gold line token by token
(:func:`difflib.SequenceMatcher` over whitespace tokens); a raw token equal to the gold
token it is paired with is *correct*, and an edit inside it that changes it is *broken*
(an edit over several tokens, a line-end join or a split, and an edit that only moves
spaces or hyphens are labelled ``join`` and not scored).  A paired wrong token an edit
turns into its gold token is ``fixed``.  ``icdar``: the labels of
:func:`ocr_eval.score_file`.  Broken tokens are printed as ``gold -> output [rules] |
raw context`` with a coarse class (:func:`broken_class`); ``--jsonl`` writes every
touched token with its label and edits (rule, evidence) for offline gate studies.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmarks.smh_eval import DEFAULT_DATA, Article, load, split_of  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.types import Edit  # noqa: E402

Row = tuple[str, str, str, list[Edit], str]  # label, gold token, output token, edits, context
_SQUASH = re.compile(r"[\s\-¬]+")


def broken_class(gold: str, out: str) -> str:
    """A coarse class of one broken token: ``number``, ``split/merge``, ``case``,
    ``capital`` (a capitalised word read as another), or ``lower``."""
    if any(c.isdigit() for c in gold + out):
        return "number"
    if len(out.split()) != 1 or _SQUASH.sub("", out) == _SQUASH.sub("", gold) and out != gold:
        return "split/merge"
    if out.lower() == gold.lower():
        return "case"
    if gold[:1].isupper():
        return "capital"
    return "lower"


def gold_tokens(art: Article) -> list[tuple[int, int, str | None]]:
    """Raw (start, end, gold token) of the article's tokens: the gold token where the
    line's alignment pairs it one to one, else None."""
    rows: list[tuple[int, int, str | None]] = []
    base = 0
    gold_lines = art.gold.split("\n")
    for k, line in enumerate(art.raw.split("\n")):
        toks = [(m.start(), m.end()) for m in re.finditer(r"\S+", line)]
        gold = gold_lines[k].split() if k < len(gold_lines) else []
        sm = difflib.SequenceMatcher(None, [line[a:b] for a, b in toks], gold, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            paired = tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1)
            for n, (a, b) in enumerate(toks[i1:i2]):
                rows.append((base + a, base + b, gold[j1 + n] if paired else None))
        base += len(line) + 1
    return rows


def smh_rows(art: Article, edits: list[Edit]) -> list[Row]:
    """One row per token an edit inside it touches; an edit over several tokens (a line-end
    join, a split) is labelled ``join`` and not scored, as are hyphen and space moves."""
    rows: list[Row] = []
    for a, b, gold in gold_tokens(art):
        over = [e for e in edits if e.offset < b and e.end > a]
        if not over:
            continue
        raw = art.raw[a:b]
        ctx = art.raw[max(0, a - 40) : b + 40].replace("\n", " ")
        if any(e.offset < a or e.end > b for e in over):
            rows.append(("join", gold or "", "", over, ctx))
            continue
        out = raw
        for e in sorted(over, key=lambda e: -e.offset):
            out = out[: e.offset - a] + e.replacement + out[e.end - a :]
        if _SQUASH.sub("", out) == _SQUASH.sub("", raw):
            label = "join"
        elif gold is None:
            label = "other"
        elif raw == gold:
            label = "broken"
        else:
            label = "fixed" if out == gold else "other"
        rows.append((label, gold or "", out, over, ctx))
    return rows


def run_smh(split: str, limit: int) -> list[Row]:
    arts = [
        a for a in load(DEFAULT_DATA / "allArticles.txt") if split in ("all", split_of(a.ident))
    ]
    rows: list[Row] = []
    for a in arts[: limit or None]:
        rows.extend(smh_rows(a, list(repair_text(a.raw, config=RepairConfig()).edits)))
    return rows


def run_icdar(folder: Path, part: str) -> list[Row]:
    from ocr_eval import OCR_ONLY, TRAIN_CHARS_81, load_icdar, score_file

    files = sorted(folder.glob("*.txt"), key=lambda p: int(p.stem) if p.stem.isdigit() else 0)
    items = (
        [(p, TRAIN_CHARS_81, 0) for p in files if p.stem == "81"]
        if part == "81"
        else [(p, 0, 0) for p in files if p.stem != "81"]
    )
    rows: list[Row] = []
    for p, start, limit in items:
        raw, oa, ga = load_icdar(p, start, limit)
        r = repair_text(raw, config=OCR_ONLY)
        touched: list[tuple[str, str, list[Edit], str]] = []
        score_file(raw, oa, ga, list(r.edits), r.text, touched_rows=touched)
        for label, g, over, ctx in touched:
            out = " ".join(e.replacement for e in over)
            rows.append((label, g, out, over, ctx))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source", choices=["smh", "icdar"])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument(
        "--icdar", type=Path, default=Path("/work/shared/data/ocr/icdar2017_eng_monograph")
    )
    ap.add_argument("--part", choices=["books", "81"], default="books")
    ap.add_argument("--jsonl", type=Path, default=None, help="write every touched token (JSON)")
    args = ap.parse_args(argv)
    if args.source == "smh":
        rows = run_smh(args.split, args.limit)
    else:
        rows = run_icdar(args.icdar, args.part)
    by_class: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    for label, g, o, over, ctx in rows:
        labels[label] += 1
        if label != "broken":
            continue
        cls = broken_class(g, o)
        rules = ",".join(e.rule for e in over)
        by_class[cls] += 1
        by_rule[rules] += 1
        print(f"{cls:11} {g!r} -> {o!r} [{rules}] | {ctx}")
    print(f"\ntouched tokens: {dict(labels.most_common())}")
    print("broken by class:", dict(by_class.most_common()))
    print("broken by rule:", dict(by_rule.most_common()))
    if args.jsonl:
        with args.jsonl.open("w", encoding="utf-8") as f:
            for label, g, o, over, ctx in rows:
                edits = [e.to_json() for e in over]
                f.write(json.dumps(dict(label=label, gold=g, out=o, edits=edits, ctx=ctx)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
