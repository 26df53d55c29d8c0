"""The SMH words we leave, by why they are left (issue 12, session 19).

    python benchmarks/ocr_reach.py --dump errors.jsonl   # dev half, one row per error
    python benchmarks/ocr_left.py errors.jsonl [--examples CLASS ...] [--n N] [--shapes]

A *left* word is an error of ``ocr_reach.py``'s dump (the gold differs from the print)
that no applied edit touches: the output is the print.  Each is put in the first class
that applies, and weighed by the letters it keeps wrong (case-blind Levenshtein distance
of print and gold, the word's share of the CER numerator):

* ``gate: page``: the garble gate stayed shut on the article (no candidate was built);
* ``boundary``: a split or merged word;
* ``real-word`` / ``non-word``: the print is / is not a known word, then
* ``no finding``: the detector did not flag the word (non-words only; real words are
  never flagged, their readings run unflagged);
* ``gold oov`` / ``gold name``: no candidate gives the gold and it is no dictionary
  word (period words, names no list knows) / a listed name;
* ``no candidate`` / ``not reached``: no reading at all / readings, none the gold, by
  the gold's distance (``d1``, ``d2``, ``d3+`` letter edits);
* ``declined``: the gold was a candidate; ``near`` when its margin was within 2 nats of
  its threshold, else ``far`` (the language model or the price said no).

Per class: words, letters (the CER weight) and the words OverProof gets right.
``--shapes`` counts the unflagged non-words (``non-word no finding``) by the print's
shape (:func:`shape_of`: accented, all capitals, capitals with a lower-case glyph...).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path


def distance(a: str, b: str) -> int:
    """Case-blind Levenshtein distance."""
    from rapidfuzz.distance import Levenshtein

    return int(Levenshtein.distance(a.lower(), b.lower()))


def _band(d: int) -> str:
    return f"d{d}" if d < 3 else "d3+"


def left_class(row: dict) -> str | None:
    """The class of one dumped error (module doc), or ``None`` if it is not left."""
    if row["state"] == "fixed" or row.get("got"):
        return None
    if row["page"] == "clean":
        return "gate: page"
    if row["cls"] in ("split", "merge"):
        return "boundary"
    kind = "real-word" if row["cls"] == "real" else "non-word"
    if kind == "non-word" and not row.get("finding"):
        return f"{kind} no finding"
    if row["state"] == "rejected":
        ev = row.get("evidence") or {}
        margin, thr = ev.get("margin"), ev.get("threshold")
        near = margin is not None and thr is not None and margin >= thr - 2.0
        return f"{kind} declined {'near' if near else 'far'}"
    if row["target"] != "word":
        return f"{kind} gold {row['target']}"
    state = "no candidate" if row["state"] == "no-cand" else "not reached"
    return f"{kind} {state} {_band(distance(row['raw'], row['gold']))}"


def shape_of(raw: str) -> str:
    """The shape of a printed token: what kind of form the detector's word gate sees."""
    from repair.score.ocr_channel import strip_accents

    if strip_accents(raw) != raw:
        return "accented"
    if not raw.isalpha():
        return "not letters only (digits, apostrophes)"
    up, lo = sum(ch.isupper() for ch in raw), sum(ch.islower() for ch in raw)
    if lo == 0:
        return "all capitals, <= 5" if len(raw) <= 5 else "all capitals, 6+"
    if up >= 2 and up >= lo:
        return "capitals with a lower-case glyph (COUNTnY)"
    if up >= 2 and raw[0].isupper():
        return "capitalised, a capital inside (MeBsrs)"
    if up:
        return "lower-case, a capital inside" if raw[0].islower() else "capitalised"
    return "lower case"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump", type=Path)
    ap.add_argument("--examples", nargs="*", default=[])
    ap.add_argument("--n", type=int, default=12)
    ap.add_argument("--shapes", action="store_true", help="unflagged non-words by shape")
    args = ap.parse_args(argv)
    rows = [json.loads(x) for x in args.dump.read_text(encoding="utf-8").splitlines()]
    n, letters, op = Counter(), Counter(), Counter()
    shapes: dict[str, list[tuple[int, str]]] = defaultdict(list)
    examples: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        k = left_class(r)
        if k is None:
            continue
        d = distance(r["raw"], r["gold"])
        n[k] += 1
        letters[k] += d
        op[k] += bool(r["op_fixed"])
        examples[k].append(f"{r['raw']!r} -> {r['gold']!r} ({r.get('finding') or '-'})")
        if k == "non-word no finding":
            shapes[shape_of(r["raw"])].append((d, f"{r['raw']} -> {r['gold']}"))
    total = sum(letters.values())
    print("| class | words | letters | share | OverProof right |")
    print("|---|---|---|---|---|")
    for k, v in letters.most_common():
        print(f"| {k} | {n[k]} | {v} | {100.0 * v / max(1, total):.1f} % | {op[k]} |")
    print(f"| total | {sum(n.values())} | {total} | | {sum(op.values())} |")
    if args.shapes:
        print("\n| unflagged non-word, shape | words | letters | examples |")
        print("|---|---|---|---|")
        for k, v in sorted(shapes.items(), key=lambda kv: -sum(d for d, _ in kv[1])):
            ex = "; ".join(x for _, x in v[: args.n])
            print(f"| {k} | {len(v)} | {sum(d for d, _ in v)} | {ex} |")
    for k in args.examples:
        print(f"\n== {k} ({len(examples[k])})")
        for line in examples[k][: args.n]:
            print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
