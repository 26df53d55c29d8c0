"""Capital-letter confusions in the learned OCR channel (issue 12, session 20).

    python benchmarks/ocr_reach.py --dump errors.jsonl          # dev half
    python benchmarks/ocr_capconf.py errors.jsonl [--fold-cost 0.5 1 2] [--examples]

The SMH dev non-words the detector does not flag with capitals in them ("MeBsrs",
"TnBATRn", "WOB"; shapes of :func:`ocr_left.shape_of`) are read through the channel's
candidate search (:func:`repair.score.ocr_channel.correction_candidates`) with

* ``now``: the shipped table (case-specific rows: printed ``B`` -> ``s`` is its own row,
  pure case changes are not rows, and a reading of a mixed-case token that keeps a
  capital inside is no reading);
* ``sparse capitals`` (``--sparse``): the confusions with a printed capital the build
  drops as seen only 1-2 times, added at its SPARSE_COST (6.5 nats; with or without
  the J <-> I pairs it drops as an old print convention); since session 20 the build
  keeps them (``build_ocr_confusions.SPARSE_CAPITALS``), so only J <-> I is new;
* ``fold K``: the table made case-blind for printed capitals: a printed form with
  capitals also reads as its lower-case form's rows at ``+K`` nats, and a capital glyph
  read as its own lower case costs ``K`` (one substitution).

For each mode: how many words' gold is a candidate (reachable), and how many have the
gold as the cheapest candidate; the gold being no target word (``Messrs``) is counted
apart, since no table reaches it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ocr_left import left_class, shape_of  # noqa: E402

from repair.score import ocr_channel as ch  # noqa: E402

CAPITAL_SHAPES = (
    "capitalised, a capital inside (MeBsrs)",
    "capitals with a lower-case glyph (COUNTnY)",
    "all capitals, <= 5",
    "all capitals, 6+",
)
_SHIPPED = ch.confusions
SMH = Path("/work/shared/data/ocr/overproof_smh")
ICDAR = Path("/work/shared/data/ocr/icdar2017_eng_monograph")


def folded_table(k: float) -> dict[str, tuple[tuple[str, float], ...]]:
    """The shipped table with printed capitals read case-blind at ``+k`` nats (module doc)."""
    base = _SHIPPED()
    table: dict[str, dict[str, float]] = {s: dict(rows) for s, rows in base.items()}
    # capital variants of every lower-case printed form (and every capital letter)
    for s in list(base):
        if s != s.lower():
            continue
        for cap in _capital_forms(s):
            for d, c in base[s]:
                old = table.setdefault(cap, {}).get(d)
                if old is None or c + k < old:
                    table[cap][d] = c + k
    for x in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        old = table.setdefault(x, {}).get(x.lower())
        if old is None or k < old:
            table[x][x.lower()] = k
    return {s: tuple(sorted(d.items(), key=lambda r: r[1])) for s, d in table.items()}


def sparse_capitals_table(
    conventions: bool = False,
) -> tuple[dict[str, tuple[tuple[str, float], ...]], int]:
    """The shipped table plus the confusions with a printed capital that the build drops
    as sparse (seen 1-2 times in SMH dev and ICDAR), at the build's SPARSE_COST (above
    the real-word search's bound); ``conventions``: also J <-> I.  Returns the table and
    the number of rows added."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_ocr_confusions as b

    pairs, _grams, _spacing, _plain = b.learn(SMH, ICDAR)
    table: dict[str, dict[str, float]] = {s: dict(rows) for s, rows in _SHIPPED().items()}
    added = 0
    for (o, g), n in pairs.items():
        if not any(c.isupper() for c in o) or not n or n >= b.MIN_COUNT:
            continue
        if not g or not g.isalnum() or o.lower() == g.lower() or '"' in o + g:
            continue
        if (o, g) in b._CONVENTIONS and not conventions:
            continue
        if g in table.get(o, {}):
            continue
        table.setdefault(o, {})[g] = b.SPARSE_COST
        added += 1
    if conventions:
        for o, g in (("J", "I"), ("I", "J")):
            table.setdefault(o, {}).setdefault(g, b.SPARSE_COST)
    return {s: tuple(sorted(d.items(), key=lambda r: r[1])) for s, d in table.items()}, added


def _capital_forms(s: str) -> list[str]:
    """``s`` with any non-empty set of its letters capitalised (forms are <= 3 glyphs)."""
    idx = [i for i, c in enumerate(s) if c.isalpha() and c.upper() != c]
    out = []
    for mask in range(1, 1 << len(idx)):
        chars = list(s)
        for b, i in enumerate(idx):
            if mask >> b & 1:
                chars[i] = chars[i].upper()
        out.append("".join(chars))
    return out


def use_table(table: dict[str, tuple[tuple[str, float], ...]] | None) -> None:
    """Read ``table`` (``None``: the shipped one) in this process, caches cleared."""
    ch.confusions = _SHIPPED if table is None else (lambda: table)  # type: ignore[assignment]
    for f in (ch._lowered_confusions, ch._walk_rows, ch._max_src_len, ch._dictionary_variants,
              ch._listed_candidates, ch._unlisted_candidates, ch.single_confusions,
              ch._single_rows):  # fmt: skip
        f.cache_clear()
    ch._windows.clear()
    ch._window_plans.clear()


def gold_rank(raw: str, gold: str) -> tuple[int | None, float | None, str]:
    """(rank of the gold among the candidates, its cost, the cheapest candidate)."""
    cands = ch.correction_candidates(raw)
    top = cands[0].text if cands else ""
    for i, c in enumerate(cands):
        if c.text.lower() == gold.lower():
            return i, c.cost, top
    return None, None, top


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump", type=Path)
    ap.add_argument("--fold-cost", type=float, nargs="*", default=[0.5, 1.0, 2.0])
    ap.add_argument("--all-left", action="store_true", help="every left word with a capital")
    ap.add_argument("--examples", action="store_true")
    ap.add_argument("--sparse", action="store_true", help="also the sparse capital rows")
    args = ap.parse_args(argv)
    rows = [json.loads(x) for x in args.dump.read_text(encoding="utf-8").splitlines()]
    words = []
    for r in rows:
        k = left_class(r)
        if k is None or shape_of(r["raw"]) not in CAPITAL_SHAPES:
            continue
        if args.all_left or k == "non-word no finding":
            words.append((r["raw"], r["gold"], shape_of(r["raw"])))
    modes: list[tuple[str, float | None]] = [("now", None)]
    modes += [(f"fold {k:g}", k) for k in args.fold_cost]
    if args.sparse:
        modes += [("sparse capitals", -1.0), ("sparse capitals + J/I", -2.0)]
    print(f"{len(words)} words; gold no target word: "
          f"{sum(not ch.is_target(g) for _r, g, _s in words)}")  # fmt: skip
    print("| mode | shape | words | gold a target | reached | cheapest |")
    print("|---|---|---|---|---|---|")
    for name, k in modes:
        if k is None:
            use_table(None)
        elif k < 0:
            table, added = sparse_capitals_table(conventions=k < -1.5)
            print(f"{name}: {added} rows added")
            use_table(table)
        else:
            use_table(folded_table(k))
        per: dict[str, Counter[str]] = {}
        for raw, gold, shape in words:
            c = per.setdefault(shape, Counter())
            c["words"] += 1
            if not ch.is_target(gold):
                continue
            c["target"] += 1
            rank, cost, top = gold_rank(raw, gold)
            if rank is not None:
                c["reached"] += 1
                c["cheapest"] += rank == 0
            if args.examples:
                shown = "-" if cost is None else f"{cost:.2f} rank {rank}"
                print(f"  {name}: {raw!r} -> {gold!r}: {shown}; top {top!r}")
        for shape, c in sorted(per.items()):
            print(f"| {name} | {shape} | {c['words']} | {c['target']} | {c['reached']} "
                  f"| {c['cheapest']} |")  # fmt: skip
    use_table(None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
