"""Where the SMH character errors are: raw OCR vs `repair` vs OverProof, by class.

    python benchmarks/smh_cer.py [--split dev] [--examples CLASS ...] [--n 20] [--cache FILE]

Dev half only by default (tune there; see ``smh_eval.py``).  Each text is normalised as
``smh_eval.py`` scores it (line-end hyphens joined, whitespace collapsed) and aligned to
the gold by characters (one optimal Levenshtein alignment, so the counts add up to the
CER numerator).  Each character edit is charged to one gold *unit* (a gold word with the
space before it; an extra character at a word's end goes to that word) and classed by
the characters it touches and by the unit:

* ``space``: a space inserted or deleted (split and merged words, "t he");
* ``mark:X``: a mark inserted, deleted or replaced by a mark (``X`` the mark; a
  hyphen or dash is ``mark:-``);
* ``case``: a letter for the same letter in the other case;
* ``number``: any edit in a unit whose gold or system text has a digit;
* ``letters-dN``: a letter edit in a unit whose letters are ``N`` edits from the gold's
  (``3+``: long garbled words), split by whether the system left the raw OCR's unit as
  it was (``left``) or changed it (``read``); ``mark->letter`` / ``letter->mark``: a
  mark and a letter swapped ("i" for "!").

The table: characters per class for raw, ours and OverProof, and the gap (ours minus
OverProof), the share of the whole dev gap each class holds.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from benchmarks.smh_eval import DEFAULT_DATA, load, normalise, split_of  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402


def units(gold: str) -> list[int]:
    """For each gold position (and one past the end), its unit index."""
    out: list[int] = []
    k = 0
    for i, c in enumerate(gold):
        if c == " " and i > 0 and gold[i - 1] != " ":
            k += 1
        out.append(k)
    out.append(k)
    return out


def _unit_at(gold: str, unit: list[int], pos: int) -> int:
    """The unit an extra character before gold ``pos`` is charged to."""
    if pos >= len(gold) or (gold[pos] == " " and pos > 0):
        return unit[max(pos - 1, 0)]
    return unit[pos]


def segments(hyp: str, gold: str, unit: list[int]) -> tuple[dict[int, str], list]:
    """Each unit's system text, and the edit ops as (unit, hyp char, gold char)."""
    seg: dict[int, list[str]] = defaultdict(list)
    ops = []
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(hyp, gold):
        if tag == "equal":
            for k in range(j2 - j1):
                seg[unit[j1 + k]].append(hyp[i1 + k])
        elif tag == "replace":
            for k in range(j2 - j1):
                seg[unit[j1 + k]].append(hyp[i1 + k])
                ops.append((unit[j1 + k], hyp[i1 + k], gold[j1 + k]))
        elif tag == "delete":
            u = _unit_at(gold, unit, j1)
            for k in range(i2 - i1):
                seg[u].append(hyp[i1 + k])
                ops.append((u, hyp[i1 + k], ""))
        else:
            for k in range(j2 - j1):
                ops.append((unit[j1 + k], "", gold[j1 + k]))
    return {u: "".join(v) for u, v in seg.items()}, ops


def _letters(s: str) -> str:
    return "".join(c for c in s if c.isalpha())


def op_class(h: str, g: str, sys_seg: str, raw_seg: str, gold_word: str) -> str:
    """The class of one character edit ``h`` -> ``g`` in a unit."""
    chars = h + g
    if chars.strip() == "":
        return "space"
    if any(c.isdigit() for c in sys_seg + gold_word):
        return "number"
    if not any(c.isalnum() for c in chars.replace(" ", "")):
        mark = (h or g).strip() or g or h
        return "mark:-" if mark in "-—–" else f"mark:{mark}"
    if h and g and h.lower() == g.lower():
        return "case"
    if (h and not h.isalnum()) or (g and not g.isalnum()):
        return "letter->mark" if g and not g.isalnum() else "mark->letter"
    d = Levenshtein.distance(_letters(sys_seg).lower(), _letters(gold_word).lower())
    how = "left" if sys_seg.strip() == raw_seg.strip() else "read"
    return f"letters-d{min(d, 3)}{'+' if d >= 3 else ''}-{how}"


def classify(hyp: str, gold: str, raw_seg: dict[int, str] | None = None) -> tuple[Counter, list]:
    unit = units(gold)
    words = defaultdict(str)
    for i, c in enumerate(gold):
        words[unit[i]] += c
    seg, ops = segments(hyp, gold, unit)
    rs = raw_seg if raw_seg is not None else seg
    cnt: Counter[str] = Counter()
    ex = []
    for u, h, g in ops:
        c = op_class(h, g, seg.get(u, ""), rs.get(u, ""), words[u])
        cnt[c] += 1
        ex.append((c, u, seg.get(u, ""), words[u]))
    return cnt, ex


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--examples", nargs="*", default=[], help="classes to show examples of")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--cache", type=Path, help="read/write our repaired texts here (JSON)")
    args = ap.parse_args(argv)
    path = args.data / "allArticles.txt" if args.data.is_dir() else args.data
    arts = [a for a in load(path) if args.split == "all" or split_of(a.ident) == args.split]
    cache: dict[str, str] = {}
    if args.cache and args.cache.is_file():
        cache = json.loads(args.cache.read_text(encoding="utf-8"))
    tot: dict[str, Counter[str]] = {k: Counter() for k in ("raw", "ours", "op")}
    shown: dict[str, list[str]] = defaultdict(list)
    gold_chars = 0
    for a in arts:
        if a.ident not in cache:
            cache[a.ident] = repair_text(a.raw, config=RepairConfig()).text
        gold = normalise(a.gold)
        gold_chars += len(gold)
        raw_seg, _ = segments(normalise(a.raw), gold, units(gold))
        for name, text in (("raw", a.raw), ("ours", cache[a.ident]), ("op", a.overproof)):
            cnt, ex = classify(normalise(text), gold, raw_seg)
            tot[name].update(cnt)
            if name == "ours":
                seen = set()
                for c, u, s, w in ex:
                    if c in args.examples and (c, u) not in seen and len(shown[c]) < args.n:
                        seen.add((c, u))
                        shown[c].append(f"{raw_seg.get(u, '')!r} -> {s!r} (gold {w!r})")
    if args.cache:
        args.cache.write_text(json.dumps(cache), encoding="utf-8")
    gap_all = sum(tot["ours"].values()) - sum(tot["op"].values())
    print(
        f"SMH {args.split}: {len(arts)} articles, {gold_chars:,} gold characters; "
        f"errors raw {sum(tot['raw'].values()):,} ours {sum(tot['ours'].values()):,} "
        f"OverProof {sum(tot['op'].values()):,} (gap {gap_all:,})"
    )
    print()
    print("| class | raw | ours | OverProof | gap (ours - OP) | share of gap |")
    print("|---|---|---|---|---|---|")
    classes = sorted(set().union(*tot.values()), key=lambda c: -tot["ours"][c])
    for c in classes:
        r, o, p = tot["raw"][c], tot["ours"][c], tot["op"][c]
        if max(r, o, p) < 15:
            continue
        print(f"| {c} | {r} | {o} | {p} | {o - p:+d} | {100.0 * (o - p) / gap_all:+.1f} % |")
    for c in args.examples:
        print(f"\n## {c}")
        for line in shown[c]:
            print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
