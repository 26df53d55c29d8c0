"""The same-line garbled split residue of SMH's heavy pages, by the evidence a joint reading
could use (issue 12, session 61).

    python benchmarks/smh_samesplit_account.py [--split dev] [--limit N] [--examples N]
                                               [MODULE.NAME=VALUE ...]

The raw OCR (line-end hyphens joined, line breaks kept) is aligned to the gold by tokens;
a changed run where two or three raw word tokens stand for one gold word is a *split*.
Each split on a heavy page is told by its separators (``line``: the pieces one plain space
apart on one line; ``break``: a line break among them), whether our repair has the gold
there, and the evidence a joint reading could read:

* ``nonword``: every piece is no dictionary word (``some``: at least one);
* ``far``: the far search of the joined letters (:func:`repair.candidates.ocr_far.far_readings`)
  reaches the gold; ``price``: the channel's price of the gold for the joined letters;
* ``page``: the raw article prints the gold word elsewhere (as a token of its own);
* ``piecez``: the pieces' best Zipf.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from repair.lexicons import format_header  # noqa: E402

from benchmarks.ocr_reach import _Recorder  # noqa: E402
from benchmarks.smh_boundary_account import _set  # noqa: E402
from benchmarks.smh_eval import _HYPHEN_BREAK, add_selection_args, normalise, selected  # noqa: E402
from benchmarks.smh_gap import correct_gold, runs  # noqa: E402
from repair.bench.metrics import token_seq  # noqa: E402
from repair.candidates.ocr_far import far_readings  # noqa: E402
from repair.candidates.ocr_splitprior import COLUMNS, TABLE, pair_class  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402
from repair.score.ocr_channel import is_target  # noqa: E402
from repair.score.ocr_price import channel_cost_upto  # noqa: E402


def _pair_counts(text: str, rs, split_at: set[int], pairs: Counter, splits: Counter) -> None:  # noqa: ANN001
    """Count the plain spaces between two letter words of one line (the later one in lower
    case) by :func:`repair.candidates.ocr_splitprior.pair_class`, and those inside one gold
    word (``split_at``: the raw token indices followed by such a space)."""
    for i in range(len(rs.toks) - 1):
        p, q = rs.toks[i].strip(), rs.toks[i + 1].strip()
        if not (p.isalpha() and q.isalpha() and q.islower() and rs.toks[i + 1].startswith(" ")):
            continue
        if "\n" in text[rs.spans[i][1] : rs.spans[i + 1][0]]:
            continue
        key = pair_class(p, q)
        pairs[key] += 1
        splits[key] += i in split_at


def write_prior(path: Path, pairs: Counter, splits: Counter, split: str) -> None:
    """The learned prior table (``lexicons/ocr_split_prior.tsv``)."""
    lines = [
        format_header(COLUMNS),
        "# Same-line split prior of a heavily garbled page (repair/candidates/ocr_splitprior.py):",
        "# plain spaces between two letter words of one line (the later one in lower case) on",
        "# the heavy pages of the Sydney Morning Herald set of OverProof, "
        f"{split} half of benchmarks/smh_eval.py's split,",
        "# counted by class (pieces that are no dictionary word, shortest piece's length capped",
        "# at 4, first piece capitalised: 1/0), and how many of them the gold reads inside one",
        "# word.  Built by: python benchmarks/smh_samesplit_account.py --split "
        f"{split} --prior-out lexicons/{TABLE}",
        f"# Totals: {sum(pairs.values())} spaces, {sum(splits.values())} inside a word.  Only "
        "counts are shipped, no text.  Licence: MIT (this project).",
    ]
    for key in sorted(pairs):
        lines.append("\t".join(map(str, (key[0], key[1], int(key[2]), pairs[key], splits[key]))))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def account(arts: list, examples: int, prior_out: Path | None = None, split: str = "dev") -> None:
    rec = _Recorder()
    pairs: Counter = Counter()
    splits: Counter = Counter()
    rows: list[dict] = []
    comp: Counter = Counter()
    comp_left: Counter = Counter()
    for a in arts:
        res = repair_text(a.raw, config=RepairConfig())
        page = rec.page if rec.text == a.raw else "-"
        text = _HYPHEN_BREAK.sub(r"\1", a.raw)
        rs = token_seq(text)
        gt = token_seq(normalise(a.gold)).toks
        ot = token_seq(normalise(res.text)).toks
        ok_ours = correct_gold(ot, gt)
        raw_words = Counter(t.strip().lower() for t in rs.toks)
        split_at: set[int] = set()
        for i1, i2, j1, j2 in runs(rs.toks, gt):
            wr = [t.strip() for t in rs.toks[i1:i2] if any(ch.isalnum() for ch in t)]
            wg = [t.strip() for t in gt[j1:j2] if any(ch.isalnum() for ch in t)]
            if page == "heavy" and wg and len(wr) > len(wg):
                shape = (
                    "letters"
                    if all(w.isalpha() for w in wr) and all(g.isalpha() for g in wg)
                    else "digits"
                    if any(ch.isdigit() for w in wr + wg for ch in w)
                    else "marks"
                )
                sep = (
                    "break"
                    if any(
                        "\n" in text[rs.spans[i - 1][1] : rs.spans[i][0]] for i in range(i1 + 1, i2)
                    )
                    else "line"
                )
                key = ("1 word" if len(wg) == 1 else "2+ words", shape, sep)
                comp[key] += len(wg)
                comp_left[key] += sum(not ok_ours[j] for j in range(j1, j2))
            if j2 - j1 == 1 and i2 - i1 >= 2:
                split_at.update(range(i1, i2 - 1))
            if j2 - j1 != 1 or not 2 <= i2 - i1 <= 3:
                continue
            g = gt[j1].strip()
            pieces = [t.strip() for t in rs.toks[i1:i2]]
            if not g.isalpha() or not all(p.isalpha() for p in pieces):
                continue
            if any(not rs.toks[i].startswith(" ") for i in range(i1 + 1, i2)):
                continue  # glued (a mark between)
            gaps = [text[rs.spans[i - 1][1] : rs.spans[i][0]] for i in range(i1 + 1, i2)]
            sep = "break" if any("\n" in s for s in gaps) else "line"
            joined = "".join(pieces)
            low = joined.lower()
            far = any(c.text == g.lower() for c in far_readings(low))
            price = channel_cost_upto(low, g.lower(), 30.0)
            nonword = [not is_target(p.lower()) for p in pieces]
            rows.append(
                dict(
                    page=page, sep=sep, ours=ok_ours[j1], far=far, price=price,
                    nonword="all" if all(nonword) else "some" if any(nonword) else "none",
                    pagep=raw_words[g.lower()], pieces=pieces, gold=g,
                    piecez=max(zipf(p.lower()) for p in pieces),
                    ctx=re.sub(r"\s+", " ", text[max(0, rs.spans[i1][0] - 30) : rs.spans[i2 - 1][1] + 30]),  # noqa: E501
                )
            )  # fmt: skip
        if page == "heavy":
            _pair_counts(text, rs, split_at, pairs, splits)
    heavy = [r for r in rows if r["page"] == "heavy"]
    print("Raw splits on heavy pages (the raw has more word tokens than the gold), gold tokens:")
    print("| gold | tokens | separators | gold tokens | left by us |")
    print("|---|---|---|---:|---:|")
    for key in sorted(comp, key=lambda k: -comp[k]):
        print(f"| {key[0]} | {key[1]} | {key[2]} | {comp[key]} | {comp_left[key]} |")
    print(f"| all | | | {sum(comp.values())} | {sum(comp_left.values())} |\n")
    print("Same-line spaces between letter words on heavy pages, by class (the prior):")
    print(
        "| non-word pieces | shortest piece | first capitalised | spaces | inside a word | rate |"
    )
    print("|---|---|---|---:|---:|---:|")
    for key in sorted(pairs):
        print(
            f"| {key[0]} | {key[1]} | {int(key[2])} | {pairs[key]} | {splits[key]} | "
            f"{splits[key] / pairs[key]:.3f} |"
        )
    print(f"| all | | | {sum(pairs.values())} | {sum(splits.values())} | |\n")
    if prior_out is not None:
        write_prior(prior_out, pairs, splits, split)
    print(
        f"split runs (one gold word, 2-3 letter pieces): {len(rows)}, on heavy pages {len(heavy)}"
    )
    for sep in ("line", "break"):
        s = [r for r in heavy if r["sep"] == sep]
        left = [r for r in s if not r["ours"]]
        print(f"\n## {sep}: {len(s)} runs, ours right {len(s) - len(left)}, left {len(left)}")
        c = Counter((r["nonword"], r["far"], r["pagep"] > 0) for r in left)
        print("| pieces non-words | far reaches gold | page prints gold | left |")
        print("|---|---|---|---:|")
        for k in sorted(c, key=lambda k: -c[k]):
            print(f"| {k[0]} | {k[1]} | {k[2]} | {c[k]} |")
        cheap = Counter(
            (
                "<=6"
                if r["price"] <= 6
                else "<=9"
                if r["price"] <= 9
                else "<=12"
                if r["price"] <= 12
                else ">12"
            )
            for r in left
        )
        print("gold's channel price for the joined letters:", dict(cheap))
        if examples:
            for r in left[:examples]:
                print(
                    f"   {' '.join(r['pieces'])!r} gold {r['gold']!r} nonword={r['nonword']} "
                    f"far={int(r['far'])} price={r['price']:.1f} page={r['pagep']} "
                    f"piecez={r['piecez']:.1f} | {r['ctx']!r}"
                )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_selection_args(ap)
    ap.add_argument("--prior-out", type=Path, default=None, help="write the prior table here")
    ap.add_argument("settings", nargs="*", help="MODULE.NAME=VALUE overrides")
    args = ap.parse_args(argv)
    _set(args.settings)
    account(selected(args.data, args.split, args.limit), args.examples, args.prior_out, args.split)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
