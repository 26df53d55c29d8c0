"""The glued-mark residue of an SMH run, by kind (issue 12, session 59).

    python benchmarks/ocr_glue_account.py RUN.json [RUN2.json ...] [--examples N] [--kind K]

A *run* is a dump of ``benchmarks/ocr_xsource_gap.py``'s :func:`dump` (what
``benchmarks/ocr_fold_account.py --work W`` keeps as ``W/ship_x.json``, the shipped tables,
and ``W/cross_x.json``, the ICDAR-only tables): every article's raw text, gold, our output
and our edits.  Each text is normalised as ``smh_eval.py`` does; every raw *chunk* (a run
of non-space characters) that holds a letter and a mark (any character that is neither a
letter, a digit nor a space) is mapped to its counterpart in the gold and in our output by
character alignments (raw to gold, raw to ours).  A chunk whose gold counterpart is not the
chunk as printed is *damaged*; it is *fixed* when our counterpart equals the gold's, else
*left* (its token errors: the token distance of the two counterparts).

Each damaged chunk is classed by what the gold does to its marks (:func:`kind`):

* ``glued: space at a mark``: the gold has a space beside a mark the print fused to a word
  ("word,the", "it'sthe", '"The', "the.Minister");
* ``merge beside a mark``: a space the gold has elsewhere in the chunk ("it'sthe");
* ``mark dropped`` / ``mark read as a letter``: a speck the gold does not have, or a glyph
  it reads as a letter ("tbe»" -> "the", "v,ill" -> "will");
* ``mark changed``: another mark in the gold ("the," -> "the.");
* ``letters only``: the marks stand as printed, a letter beside them is misread
  ("tbe." -> "the.");
* ``other``: the rest (a split word, a lost mark, several kinds at once).

and by the mark and its place (lead / inner / trail).  The edits our run made over a left
chunk are named by rule (``untouched`` when none).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from repair.bench.metrics import token_distance, token_seq  # noqa: E402

_HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*\n[ \t]*(?=\w)")
_SPECKS = frozenset("»«*\\<>|¿¡~{}^_•■")
_QUOTES = frozenset("'\"‘’“”`")
_STOPS = frozenset(".,;:!?")


def normalise_map(text: str) -> tuple[str, list[int]]:
    """``smh_eval.normalise`` of ``text`` and, for each output character, its offset in
    ``text``."""
    keep: list[int] = []
    out: list[str] = []
    drop = set()
    for m in _HYPHEN_BREAK.finditer(text):
        drop.update(range(m.start() + 1, m.end()))
    prev_space = True
    for i, ch in enumerate(text):
        if i in drop:
            continue
        if ch.isspace():
            if prev_space:
                continue
            out.append(" ")
            keep.append(i)
            prev_space = True
        else:
            out.append(ch)
            keep.append(i)
            prev_space = False
    while out and out[-1] == " ":
        out.pop()
        keep.pop()
    return "".join(out), keep


def position_map(a: str, b: str) -> list[int]:
    """For each offset 0..len(a) of ``a``, the offset in ``b`` it aligns to."""
    pos = [0] * (len(a) + 1)
    for tag, s1, e1, s2, e2 in Levenshtein.opcodes(a, b).as_list():
        for k in range(s1, e1 + 1):
            if tag in ("equal", "replace") and e1 - s1 == e2 - s2:
                pos[k] = s2 + (k - s1)
            elif k == s1:
                pos[k] = s2
            else:
                pos[k] = e2 if k == e1 else s2
    return pos


def is_mark(ch: str) -> bool:
    return not (ch.isalnum() or ch.isspace())


def mark_class(ch: str) -> str:
    if ch in _SPECKS:
        return "speck"
    if ch in _QUOTES:
        return "quote"
    if ch in _STOPS:
        return "stop"
    if ch in "-–—":
        return "dash"
    return "other"


def place(chunk: str, i: int) -> str:
    before = any(c.isalnum() for c in chunk[:i])
    after = any(c.isalnum() for c in chunk[i + 1 :])
    return "inner" if before and after else "lead" if after else "trail"


def kind(raw: str, gold: str) -> tuple[str, str]:
    """(kind, mark / place) of a damaged chunk ``raw`` whose gold counterpart is ``gold``."""
    ops = Levenshtein.opcodes(raw, gold).as_list()
    kinds = []
    where = ""
    for tag, s1, e1, s2, e2 in ops:
        if tag == "equal":
            continue
        rs, gs = raw[s1:e1], gold[s2:e2]
        near = raw[max(0, s1 - 1) : e1 + 1]
        if " " in gs and not rs.strip() and any(is_mark(c) for c in near):
            m = next(c for c in near if is_mark(c))
            kinds.append("glued: space at a mark")
            where = where or f"{mark_class(m)} {m!r} {place(raw, raw.index(m))}"
        elif " " in gs and not rs.strip():
            kinds.append("merge beside a mark")
        elif rs and all(is_mark(c) for c in rs) and not gs:
            kinds.append("mark dropped")
            where = where or f"{mark_class(rs[0])} {rs[0]!r} {place(raw, s1)}"
        elif rs and any(is_mark(c) for c in rs) and gs.isalpha():
            kinds.append("mark read as a letter")
            m = next(c for c in rs if is_mark(c))
            where = where or f"{mark_class(m)} {m!r} {place(raw, s1)}"
        elif rs and all(is_mark(c) for c in rs) and gs and all(is_mark(c) for c in gs):
            kinds.append("mark changed")
            where = where or f"{mark_class(rs[0])} {rs[0]!r}->{gs!r} {place(raw, s1)}"
        elif rs.isalpha() and (gs.isalpha() or not gs) or (not rs and gs.isalpha()):
            kinds.append("letters only")
        else:
            kinds.append("other")
    main = [k for k in kinds if k != "letters only"]
    if not main:
        return "letters only", ""
    first = main[0]
    for pref in ("glued: space at a mark", "merge beside a mark"):
        if pref in main:
            return pref, where
    return first, where


def chunks(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def account(run: list[dict]) -> list[dict]:
    """One row per raw chunk with a letter and a mark whose gold counterpart differs."""
    out = []
    for art in run:
        raw, _rm = normalise_map(art["raw"])
        gold, _gm = normalise_map(art["gold"])
        ours, _om = normalise_map(art["text"])
        to_gold = position_map(raw, gold)
        to_ours = position_map(raw, ours)
        spans = [(e[0], e[0] + e[1], e[4]) for e in art["edits"]]
        _r, raw_map = normalise_map(art["raw"])
        for s, e in chunks(raw):
            ch = raw[s:e]
            if not any(c.isalpha() for c in ch) or not any(is_mark(c) for c in ch):
                continue
            g = gold[to_gold[s] : to_gold[e]].strip()
            o = ours[to_ours[s] : to_ours[e]].strip()
            if g == ch:
                if o != ch:
                    out.append({"id": art["id"], "raw": ch, "gold": g, "ours": o,
                                "state": "broken", "kind": "clean", "where": "",
                                "tokens": token_distance(token_seq(o).toks, token_seq(g).toks),
                                "rules": [], "ctx": raw[max(0, s - 30) : e + 30]})  # fmt: skip
                continue
            k, where = kind(ch, g)
            a, b = raw_map[s], raw_map[e - 1] + 1
            rules = sorted({r for x, y, r in spans if x < b and y > a}) or ["untouched"]
            out.append(
                {
                    "id": art["id"],
                    "raw": ch,
                    "gold": g,
                    "ours": o,
                    "state": "fixed" if o == g else "left",
                    "kind": k,
                    "where": where,
                    "tokens": token_distance(token_seq(o).toks, token_seq(g).toks),
                    "raw_tokens": token_distance(token_seq(ch).toks, token_seq(g).toks),
                    "rules": rules,
                    "ctx": raw[max(0, s - 30) : e + 30],
                }
            )
    return out


def report(rows: list[dict], name: str, examples: int, only: str | None) -> None:
    print(f"\n# {name}")
    by: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in rows:
        c = by[(r["kind"], r["state"])]
        c["chunks"] += 1
        c["tokens"] += r["tokens"]
        c["raw_tokens"] += r.get("raw_tokens", 0)
    print("\n| kind | state | chunks | token errors left | raw token errors |")
    print("|---|---|---:|---:|---:|")
    for key in sorted(by, key=lambda k: (k[0], k[1])):
        c = by[key]
        print(f"| {key[0]} | {key[1]} | {c['chunks']} | {c['tokens']} | {c['raw_tokens']} |")
    left = [r for r in rows if r["state"] == "left"]
    where: Counter[tuple[str, str]] = Counter()
    rules: Counter[tuple[str, str]] = Counter()
    for r in left:
        cls, _, at = r["where"].rpartition(" ")
        where[(r["kind"], cls.split(" ")[0] + " " + at)] += r["tokens"]
        rules[(r["kind"], ",".join(r["rules"]))] += r["tokens"]
    print("\nleft, tokens by kind / mark class and place:")
    for (k, w), n in where.most_common(30):
        print(f"  {n:4d}  {k} | {w}")
    print("\nleft, tokens by kind / our edits' rules:")
    for (k, w), n in rules.most_common(30):
        print(f"  {n:4d}  {k} | {w}")
    rng = random.Random(0)
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["state"] != "fixed":
            groups[r["kind"]].append(r)
    for k, xs in sorted(groups.items()):
        if examples and (only is None or only in k):
            print(f"\n## {k} ({len(xs)})")
            for r in rng.sample(xs, min(examples, len(xs))):
                print(
                    f"  {r['state']} {r['raw']!r} gold {r['gold']!r} ours {r['ours']!r} "
                    f"[{','.join(r['rules'])}] | {r['ctx']!r}"
                )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("runs", nargs="+", type=Path)
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--kind", default=None)
    ap.add_argument("--json", type=Path, default=None, help="write the rows here")
    opts = ap.parse_args(argv)
    every = {}
    for path in opts.runs:
        rows = account(json.loads(path.read_text(encoding="utf-8")))
        every[str(path)] = rows
        report(rows, str(path), opts.examples, opts.kind)
    if opts.json:
        opts.json.write_text(json.dumps(every), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
