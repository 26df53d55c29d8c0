"""Newspaper OCR: the Sydney Morning Herald set of OverProof, raw vs `repair` vs OverProof.

    python benchmarks/smh_eval.py --split dev|test|all [--data DIR] [--show N] [--limit N] [--speed]

``allArticles.txt`` (read in place from ``../shared/data/ocr/overproof_smh``, never
copied) holds 159 articles; each printed line is ``raw OCR||@@||gold||@@||OverProof``.
Articles are split deterministically by the CRC32 of their NLA id: even -> ``dev``
(tune here only), odd -> ``test`` (held out).

Each article's raw OCR is repaired as one hard-wrapped text (its lines joined with
newlines) by :func:`repair.repair_text` with the default configuration.  All four
texts (raw, gold, ours, OverProof) are normalised the same way before scoring: a
line-end hyphen joins its two pieces ("Thorns-⏎hope" -> "Thornshope") and line breaks
become spaces.  WER is the token edit distance over words and punctuation
(:func:`repair.bench.metrics.token_seq`, the alignment used by ``repair bench``)
divided by the gold's token count; CER is the character edit distance of the
whitespace-collapsed texts divided by the gold's length.  Reported per split:
error rates and their relative reduction against the raw OCR, for us and OverProof.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# Sibling benchmark modules (``ocr_ablation``) also under runpy, where the
# script's own folder is not put on the path.
sys.path.insert(1, str(Path(__file__).resolve().parent))

from repair.bench.metrics import char_distance, collapse_space, token_distance, token_seq  # noqa: E402
from repair.bench.suites import shared_dir  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402

DEFAULT_DATA = shared_dir() / "data/ocr/overproof_smh"
HEADER = "*$*OVERPROOF*$*"
_HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*\n[ \t]*(?=\w)")


@dataclass
class Article:
    ident: str
    raw: str
    gold: str
    overproof: str


def load(path: Path) -> list[Article]:
    arts: list[Article] = []
    cur: tuple[str, list[str], list[str], list[str]] | None = None
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith(HEADER):
            if cur:
                arts.append(Article(cur[0], *("\n".join(x) for x in cur[1:])))
            cur = (line.split()[1], [], [], [])
            continue
        if cur is None or not line.strip():
            continue
        parts = line.split("||@@||")
        if len(parts) != 3:
            continue
        for k in range(3):
            cur[k + 1].append(parts[k])
    if cur:
        arts.append(Article(cur[0], *("\n".join(x) for x in cur[1:])))
    return arts


def split_of(ident: str) -> str:
    return "dev" if zlib.crc32(ident.encode()) % 2 == 0 else "test"


#: The split names an SMH script takes: the dev halves ``dev-a`` / ``dev-b`` (by
#: ``ocr_ablation.dev_half``) for cross-fitting tables learned from the other half.
SPLITS = ("dev", "test", "all", "dev-a", "dev-b")


def in_split(ident: str, split: str) -> bool:
    """Whether article ``ident`` belongs to ``split`` (one of :data:`SPLITS`)."""
    if split == "all":
        return True
    if split in ("dev-a", "dev-b"):
        from ocr_ablation import dev_half

        return split_of(ident) == "dev" and dev_half(ident) == split.replace("-", "")
    return split_of(ident) == split


def add_selection_args(ap: argparse.ArgumentParser) -> None:
    """``--data``, ``--split``, ``--limit`` and ``--examples`` of the SMH account scripts."""
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", choices=SPLITS, default="dev")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--examples", type=int, default=0)


def selected(data: Path, split: str, limit: int = 0) -> list[Article]:
    """The articles of ``split`` ("dev", "test" or "all") in ``data`` (the folder or its
    ``allArticles.txt``), the first ``limit`` of them if ``limit``."""
    path = data / "allArticles.txt" if data.is_dir() else data
    arts = [a for a in load(path) if in_split(a.ident, split)]
    return arts[:limit] if limit else arts


def normalise(text: str) -> str:
    """Line-end hyphens joined, line breaks as spaces, runs of spaces collapsed."""
    return collapse_space(_HYPHEN_BREAK.sub(r"\1", text))


def errors(hyp: str, gold: str) -> tuple[int, int, int, int]:
    """(token errors, gold tokens, char errors, gold chars) of normalised texts."""
    h, g = normalise(hyp), normalise(gold)
    ht, gt = token_seq(h).toks, token_seq(g).toks
    return token_distance(ht, gt), len(gt), char_distance(h, g), len(g)


def page_name(i: int) -> str:
    """The file name of the ``i``-th article of a split (``--write-raw``, ``--outputs``)."""
    return f"{i + 1:03d}.txt"


def run(arts: list[Article], show: int = 0, outputs: Path | None = None) -> dict[str, float]:
    """Score the repair of every article (or, with ``outputs``, the repaired texts a
    ``repair fix`` / ``repair batch`` run wrote there, :func:`page_name`)."""
    tot = dict.fromkeys(
        "gold_tok gold_chr raw_tok raw_chr ours_tok ours_chr op_tok op_chr words edits".split(), 0
    )
    seconds = 0.0
    shown = 0
    for i, a in enumerate(arts):
        t0 = time.perf_counter()
        if outputs is not None:
            text, edits = (outputs / page_name(i)).read_text(encoding="utf-8"), []
        else:
            res = repair_text(a.raw, config=RepairConfig())
            text, edits = res.text, res.edits
        seconds += time.perf_counter() - t0
        rt, gtok, rc, gchr = errors(a.raw, a.gold)
        ot, _, oc, _ = errors(text, a.gold)
        pt, _, pc, _ = errors(a.overproof, a.gold)
        for k, v in (
            ("gold_tok", gtok), ("gold_chr", gchr), ("raw_tok", rt), ("raw_chr", rc),
            ("ours_tok", ot), ("ours_chr", oc), ("op_tok", pt), ("op_chr", pc),
            ("words", len(a.raw.split())), ("edits", len(edits)),
        ):  # fmt: skip
            tot[k] += v
        if shown < show:
            shown += 1
            print(f"== {a.ident}: raw {rt} ours {ot} overproof {pt} token errors")
            for e in edits:
                print(f"   {e.original!r} -> {e.replacement!r} [{e.rule} {e.confidence}]")
    tot["seconds"] = seconds
    return tot


def _pct(after: float, before: float) -> str:
    return f"{100.0 * (after - before) / before:+.1f} %" if before else "n/a"


def report(name: str, n: int, t: dict[str, float]) -> str:
    g, c = t["gold_tok"], t["gold_chr"]
    rows = [
        f"### SMH {name} ({n} articles, {int(g)} gold tokens)",
        "",
        "| system | WER | WER change | CER | CER change |",
        "|---|---|---|---|---|",
        f"| raw OCR | {t['raw_tok'] / g:.3f} | | {t['raw_chr'] / c:.4f} | |",
        f"| `repair` (default) | {t['ours_tok'] / g:.3f} | {_pct(t['ours_tok'], t['raw_tok'])} "
        f"| {t['ours_chr'] / c:.4f} | {_pct(t['ours_chr'], t['raw_chr'])} |",
        f"| OverProof | {t['op_tok'] / g:.3f} | {_pct(t['op_tok'], t['raw_tok'])} "
        f"| {t['op_chr'] / c:.4f} | {_pct(t['op_chr'], t['raw_chr'])} |",
        "",
        f"`repair`: {int(t['edits'])} edits, {t['words'] / max(t['seconds'], 1e-9):,.0f} words/s "
        "(whole pipeline, one core, after start-up); errors: "
        f"{int(t['ours_tok'])} tokens (raw {int(t['raw_tok'])}), "
        f"{int(t['ours_chr'])} chars (raw {int(t['raw_chr'])})",
    ]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", choices=SPLITS, default="dev")
    ap.add_argument("--show", type=int, default=0, help="print the edits of N articles")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument(
        "--speed", action="store_true", help="also time the ocr stage alone (CPU, cold caches)"
    )
    ap.add_argument(
        "--ocr-table",
        type=Path,
        default=None,
        help="repair with this OCR confusion table (`repair learn --ocr`), as --ocr-table does",
    )
    ap.add_argument(
        "--write-raw", type=Path, default=None, help="write the raw pages here (001.txt ...), stop"
    )
    ap.add_argument(
        "--outputs",
        type=Path,
        default=None,
        help="score the repaired pages found here (001.txt ..., a repair batch output)",
    )
    args = ap.parse_args(argv)
    if args.ocr_table is not None:
        from repair.score.ocr_table import install

        install(args.ocr_table)
    path = args.data / "allArticles.txt" if args.data.is_dir() else args.data
    if not path.is_file():
        print(f"smh_eval: {path} not found (pass --data)", file=sys.stderr)
        return 1
    arts = [a for a in load(path) if in_split(a.ident, args.split)]
    if args.limit:
        arts = arts[: args.limit]
    if args.write_raw is not None:
        args.write_raw.mkdir(parents=True, exist_ok=True)
        for i, a in enumerate(arts):
            (args.write_raw / page_name(i)).write_text(a.raw, encoding="utf-8")
        return 0
    if args.speed:
        print(speed(arts))  # first: the caches are cold
    print(report(args.split, len(arts), run(arts, args.show, args.outputs)))
    return 0


def speed(arts: list[Article]) -> str:
    """Words per CPU second of the ocr stage alone (other stages off), cold caches."""
    repair_text("Tbe man.")  # load the model and tables once
    config = RepairConfig(spin=False, tortured=False, mojibake=False)
    words = sum(len(a.raw.split()) for a in arts)
    t0 = time.process_time()
    for a in arts:
        repair_text(a.raw, config=config)
    cpu = time.process_time() - t0
    return f"ocr stage alone: {words:,} words in {cpu:.1f} s CPU = {words / cpu:,.0f} words/s\n"


if __name__ == "__main__":
    raise SystemExit(main())
