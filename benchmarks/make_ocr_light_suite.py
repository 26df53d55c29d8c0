"""Lightly garbled text: clean English with a low rate of OCR confusions of the learned table.

    python benchmarks/make_ocr_light_suite.py [--rates 0.003 0.01 0.02] [--docs 40]

Clean paragraphs (more than 40 words) of the five registers of
``../shared/data/clean_english`` (ABC news, WSJ, State of the Union, inaugural addresses,
web text) are grouped into documents of about 300 words (a fixed-seed shuffle; a
document's split, ``dev`` or ``test``, is the CRC32 of its first paragraph, so tuning
reads only ``dev``).  Each document is damaged at each rate: that share of its word tokens
gets one OCR event sampled from ``lexicons/ocr_confusions.tsv`` in proportion to the
event's learned count (a glyph run for the run it stands for, "U" for "ll", "tb" for
"th"; a space inserted in the word or lost after it at the table's split / merge
counts).  The suite goes to ``benchmarks/.generated/ocr_light/`` (git-ignored), one JSON
file per split: every document's clean text, and per rate its damaged text and the
damaged spans (offsets in the damaged text, the gold text, whether the damaged token is
a known word).  ``benchmarks/ocr_light_eval.py --suite`` scores it.

The events come from the table the ocr stage reads, so this measures how the light
path and the garble gate use the model on text of other registers, not how well the
table fits another OCR engine.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.lexicons import read_tsv  # noqa: E402

from repair.bench.suites import shared_dir  # noqa: E402

REGISTERS = ("abc_news", "wsj", "state_union", "inaugural", "webtext")
OUT = ROOT / "benchmarks" / ".generated" / "ocr_light"
SEED = 20261201
_WORD = re.compile(r"\S+")
_CORE = re.compile(r"[A-Za-z]+")


def _table() -> tuple[dict[str, list[tuple[str, int]]], int, int]:
    """{true run: [(ocr run, count), ...]} of plain-letter true runs, and the split and
    merge counts."""
    rows: dict[str, list[tuple[str, int]]] = {}
    split = merge = 0
    for row in read_tsv("ocr_confusions.tsv"):
        src, dst, count = row[0], row[1], int(row[3]) if len(row) > 3 else 0
        if src == "<split>":
            split = count
        elif src == "<merge>":
            merge = count
        elif dst.isalpha() and dst.isascii() and src and not any(c.isspace() for c in src):
            rows.setdefault(dst, []).append((src, count))
    return rows, split, merge


def _events(word: str, table: dict[str, list[tuple[str, int]]]) -> list[tuple[int, int, str, int]]:
    """(start, end, OCR run, count) of every table row applicable inside ``word``."""
    out = []
    for true, rows in table.items():
        i = word.find(true)
        while i >= 0:
            out.extend((i, i + len(true), src, n) for src, n in rows if n > 0)
            i = word.find(true, i + 1)
    return out


def damage(
    text: str,
    rate: float,
    rng: random.Random,
    table,
    split: int,
    merge: int,
    force: frozenset[int] = frozenset(),
) -> tuple[str, list[dict]]:
    """``text`` with ``rate`` of its word tokens damaged, and the tokens numbered in
    ``force`` (``benchmarks/make_ocr_us_suite.py``); the damaged spans."""
    from repair.score.ocr_channel import is_known

    toks = list(_WORD.finditer(text))
    picks = sorted(rng.sample(range(len(toks)), k=max(0, round(rate * len(toks)))))
    if force:
        picks = sorted(set(picks) | force)
    out: list[str] = []
    spans: list[dict] = []
    pos = 0
    merged = -1  # the token a merge glued to the word before: emitted with it already
    for k, m in enumerate(toks):
        if k == merged:
            continue
        out.append(text[pos : m.start()])
        word = m.group()
        if k not in picks or not _CORE.search(word):
            out.append(word)
            pos = m.end()
            continue
        core = _CORE.search(word)
        assert core is not None
        events = _events(core.group(), table)
        weights = [n for *_x, n in events]
        if len(core.group()) >= 4:
            events.append((-1, -1, "<split>", 0))
            weights.append(split)
        if k + 1 < len(toks) and text[m.end() : toks[k + 1].start()] == " ":
            events.append((-2, -2, "<merge>", 0))
            weights.append(merge)
        if not events or not sum(weights):
            out.append(word)
            pos = m.end()
            continue
        a, b, src, _n = rng.choices(events, weights=weights)[0]
        start = sum(len(x) for x in out)
        if src == "<split>":
            cut = rng.randrange(2, len(core.group()) - 1)
            new = word[: core.start() + cut] + " " + word[core.start() + cut :]
            gold = word
        elif src == "<merge>":
            nxt = toks[k + 1].group()
            new = word + nxt
            gold = word + " " + nxt
            merged = k + 1
            picks = [p for p in picks if p != k + 1]
        else:
            new = word[: core.start() + a] + src + word[core.start() + b :]
            gold = word
        out.append(new if src != "<merge>" else word)
        if src == "<merge>":
            out.append(toks[k + 1].group())
            pos = toks[k + 1].end()
            spans.append(
                dict(start=start, end=start + len(new), gold=gold, kind="merge", real=False)
            )
            continue
        pos = m.end()
        letters = _CORE.findall(new)
        real = src != "<split>" and len(letters) == 1 and is_known(letters[0])
        spans.append(
            dict(
                start=start,
                end=start + len(new),
                gold=gold,
                kind="split" if src == "<split>" else "glyph",
                real=real,
            )
        )
    out.append(text[pos:])
    damaged = "".join(out)
    for s in spans:
        assert s["kind"] == "merge" or damaged[s["start"] : s["end"]] != s["gold"]
    return damaged, spans


def documents(data: Path, words: int = 300) -> list[tuple[str, str, str]]:
    """(register, split, text) of every document."""
    docs = []
    for reg in REGISTERS:
        files = sorted((data / reg).iterdir())
        text = "\n".join(f.read_text(encoding="utf-8", errors="replace") for f in files)
        paras = [p.strip() for p in text.split("\n\n") if len(p.split()) > 40]
        random.Random(3).shuffle(paras)
        cur: list[str] = []
        for p in paras:
            cur.append(p)
            if sum(len(x.split()) for x in cur) >= words:
                split = "dev" if zlib.crc32(cur[0].encode()) % 2 == 0 else "test"
                docs.append((reg, split, "\n\n".join(cur)))
                cur = []
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=shared_dir() / "data/clean_english")
    ap.add_argument("--rates", type=float, nargs="+", default=[0.003, 0.01, 0.02])
    ap.add_argument("--docs", type=int, default=40, help="documents per register and split")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    table, split, merge = _table()
    rng = random.Random(SEED)
    suites: dict[str, list[dict]] = {"dev": [], "test": []}
    taken: dict[tuple[str, str], int] = {}
    for reg, sp, text in documents(args.data):
        if taken.get((reg, sp), 0) >= args.docs:
            continue
        taken[reg, sp] = taken.get((reg, sp), 0) + 1
        doc = dict(register=reg, clean=text, damaged={})
        for rate in args.rates:
            damaged, spans = damage(text, rate, rng, table, split, merge)
            doc["damaged"][str(rate)] = dict(text=damaged, spans=spans)
        suites[sp].append(doc)
    args.out.mkdir(parents=True, exist_ok=True)
    for sp, docs in suites.items():
        (args.out / f"{sp}.json").write_text(json.dumps(docs, ensure_ascii=False), "utf-8")
        n = sum(len(d["damaged"][str(r)]["spans"]) for d in docs for r in args.rates)
        print(f"{sp}: {len(docs)} documents, {n} damaged spans -> {args.out / (sp + '.json')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
