"""Which tokens the in-sample OCR tables fix and the cross-fit tables do not, and why.

    python benchmarks/ocr_fold_account.py [--folds a,b] [--examples N]
        [BUILD.NAME=VALUE ...] [-- MODULE.NAME=VALUE ...]

The shipped tables are learned on SMH dev (both halves) and ICDAR, so on SMH dev they are
read *in sample*; the cross-fit (``benchmarks/ocr_xsource.py --train deva --eval
smh-dev-b`` and ``--train devb --eval smh-dev-a``) learns the confusion, mark and slot
tables on one half (+ ICDAR) and reads the other.  For each fold (``a``: read dev-a with
tables learned on dev-b; ``b`` the other way) every article is repaired twice, with the
shipped tables (in this process) and with the fold's tables (a child, installed as
``ocr_xsource`` does), and the edits that differ are grouped into *sites* with their token
gain (``benchmarks/ocr_xsource_gap.py``'s :func:`sites`: the cross-fit run's errors with
the site swapped for the shipped run's edits).

A site whose shipped edit reads one printed word as another is a *confusion* site: each
glyph block of the reading (printed vs read, lower case) is segmented into the cheapest
rows of the in-sample tables (``ocr_confusions.tsv`` and ``ocr_confusions_indel.tsv``,
generic 5-nat edits where no row fits), and each row is looked up in the fold's tables:

* ``row absent``: the fold's table has no such row (sub-classes by the row's count in the
  in-sample table, its count in the training half's own segmented counts, capital / lower
  case / digit or mark, one glyph a side or a split);
* ``row dearer``: the row costs at least DEARER nats more;
* ``priced alike``: the same rows at the same price (another reader, a page reader, the
  slot table, self-training): by rule.

Other sites: ``glued mark`` (``ocr_marks.tsv``), ``split/merge`` (the ``<split>`` /
``<merge>`` rows, the drop table, page joins: by rule), ``cross-only edit`` (only the
cross-fit run edited).  ``BUILD.NAME=VALUE`` sets a setting of
``scripts/build_ocr_confusions.py`` for both the fold's and a rebuilt in-sample table
(``--rebuild``); after ``--`` come module settings of the repair (both runs).
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

import build_ocr_confusions as build  # noqa: E402
import ocr_xsource  # noqa: E402
from ocr_xsource_gap import diff_runs, dump, sites  # noqa: E402
from runtime_args import split_runtime  # noqa: E402

#: A row priced this much dearer by the fold's table makes a ``row dearer`` site.
DEARER = 0.5
#: The fold's evaluated half and the half its tables are learned from.
#: ``x``: the cross-archive proxy, SMH dev read with tables learned from ICDAR alone
#: (``ocr_xsource.py --train icdar --eval smh-dev``).
FOLDS = {"a": ("dev-a", "devb"), "b": ("dev-b", "deva"), "x": ("dev", "icdar")}
#: The generic edit's price (:data:`repair.score.ocr_price.GENERIC_SUB`).
GENERIC = 5.0
_MAX_RUN = 3
#: The parts of an absent or dearer row's sub-class.
FACETS = ("table", "shape", "in-sample", "half")

Rows = dict[tuple[str, str], tuple[float, int, str]]


def table_rows(text: str, name: str) -> Rows:
    """``{(printed, true lower case): (cost, count, table)}`` of a confusion table's TSV
    text (the cheapest row of each key; ``<split>`` / ``<merge>`` left out).

    >>> table_rows("# c\\nrn\\tm\\t1.00\\t12\\nrn\\tM\\t2.0\\t1\\n", "t")
    {('rn', 'm'): (1.0, 12, 't')}
    """
    out: Rows = {}
    for line in text.split("\n"):
        if not line or line.startswith("#") or line.startswith("<"):
            continue
        o, g, cost, count = line.split("\t")[:4]
        key = (o, g.lower())
        if key not in out or float(cost) < out[key][0]:
            out[key] = (float(cost), int(count), name)
    return out


def segment_rows(src: str, dst: str, rows: Rows) -> list[tuple[str, str]]:
    """The rows (printed, true) of the cheapest reading of printed ``src`` as ``dst``
    (lower case) by ``rows``, equal glyphs free, generic edits (``GENERIC`` nats) written
    as rows too; the printed side as the table holds it (as printed or lowered).

    >>> segment_rows("rn", "m", {("rn", "m"): (1.0, 5, "t")})
    [('rn', 'm')]
    >>> segment_rows("xa", "ya", {})
    [('x', 'y')]
    """
    n, m = len(src), len(dst)
    inf = float("inf")
    best: list[list[tuple[float, tuple[int, int, tuple[str, str] | None]]]] = [
        [(inf, (0, 0, None))] * (m + 1) for _ in range(n + 1)
    ]
    best[0][0] = (0.0, (0, 0, None))
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j][0]
            if here == inf:
                continue
            if i < n and j < m and src[i].lower() == dst[j] and here < best[i + 1][j + 1][0]:
                best[i + 1][j + 1] = (here, (i, j, None))
            for a in range(0, min(_MAX_RUN, n - i) + 1):
                for b in range(0, min(_MAX_RUN, m - j) + 1):
                    if a == b == 0:
                        continue
                    piece, want = src[i : i + a], dst[j : j + b]
                    keys = ((piece, want), (piece.lower(), want)) if a else ()
                    found = [(rows[k][0], k) for k in keys if k in rows]
                    if a + b == 1 or (a == b == 1):
                        found.append((GENERIC, (piece, want)))
                    for cost, key in found:
                        if here + cost < best[i + a][j + b][0]:
                            best[i + a][j + b] = (here + cost, (i, j, key))
    out = []
    i, j = n, m
    while i or j:
        _c, (pi, pj, key) = best[i][j]
        if key is not None:
            out.append(key)
        i, j = pi, pj
    return out[::-1]


def blocks_of(tok: str, word: str) -> list[tuple[str, str]]:
    """The differing glyph blocks (printed as printed, read in lower case) of ``tok``
    read as ``word``.

    >>> blocks_of("Tbe", "The")
    [('b', 'h')]
    """
    low, target = tok.lower(), word.lower()
    runs = diff_runs(low, target)
    return [(tok[a:b], target[c:d]) for a, b, c, d in runs]


def bucket(n: int) -> str:
    """A count's class: ``0``, ``1-2``, ``3-5``, ``6-20``, ``21+``."""
    for top, name in ((0, "0"), (2, "1-2"), (5, "3-5"), (20, "6-20")):
        if n <= top:
            return name
    return "21+"


def shape_of(o: str, g: str) -> str:
    """``capital`` (a printed capital), ``lower`` (letters only), ``digit/mark``; with
    ``/split`` when the sides differ in length.

    >>> shape_of("rn", "m"), shape_of("S", "h"), shape_of("1", "l")
    ('lower/split', 'capital', 'digit/mark')
    """
    if any(c.isupper() for c in o):
        kind = "capital"
    elif (o + g).isalpha():
        kind = "lower"
    else:
        kind = "digit/mark"
    return kind + ("/split" if len(o) != len(g) else "")


def classify(
    x: dict, ship: Rows, fold: Rows, train_counts: Counter[tuple[str, str]]
) -> tuple[str, str]:
    """(class, sub-class) of a site (module doc)."""
    from repair.candidates.ocr_marks import MARKS

    if not x["ship"]:
        return "cross-only edit", x["train"][0][4]
    _o, _n, orig, repl, rule = x["ship"][0]
    if any(ch in MARKS for ch in orig) or rule == "OCR_STRAY_MARK":
        return "glued mark", rule
    if len(orig.split()) != 1 or len(repl.split()) != 1:
        return "split/merge", rule
    worst = worst_row(orig, repl, ship, fold)
    if worst is None:
        return "priced alike", rule
    kind, key, _cost, _there = worst
    count, table = ship[key][1], ship[key][2]
    how = (
        f"{table}; {shape_of(*key)}; in-sample n={bucket(count)}; "
        f"training half n={bucket(train_counts.get((key[0], key[1]), 0))}"
    )
    return kind, how


def worst_row(
    orig: str, repl: str, ship: Rows, fold: Rows
) -> tuple[str, tuple[str, str], float, float | None] | None:
    """The in-sample row of the reading ``orig`` -> ``repl`` the fold's table lacks or
    prices the most above it: (``"row absent"`` / ``"row dearer"``, the row, its in-sample
    cost, its cost in the fold's table or ``None``); ``None`` when every row is priced
    alike (within :data:`DEARER`)."""
    worst: tuple[float, str, tuple[str, str], float, float | None] | None = None
    for src, dst in blocks_of(orig, repl):
        for key in segment_rows(src, dst, ship):
            if key not in ship:
                continue  # a generic edit: priced alike by both
            cost = ship[key][0]
            there = fold.get(key, fold.get((key[0].lower(), key[1])))
            if there is None:
                step = (GENERIC + 10.0, "row absent", key, cost, None)
            elif there[0] >= cost + DEARER:
                step = (there[0] - cost, "row dearer", key, cost, there[0])
            else:
                continue
            if worst is None or step[0] > worst[0]:
                worst = step
    return None if worst is None else worst[1:]


def report_rows(
    found: list[tuple[str, tuple[str, str], dict]], ship: Rows, fold: Rows, top: int
) -> None:
    """Print the absent and dearer rows by their sites' token gain (``--by-row``): which
    rows of the in-sample table the fold's table misses most, with a few readings each."""
    gains: Counter[tuple] = Counter()
    sites_of: dict[tuple, list[dict]] = defaultdict(list)
    for _fold, (kind, _sub), x in found:
        if kind not in ("row absent", "row dearer"):
            continue
        _o, _n, orig, repl, _rule = x["ship"][0]
        worst = worst_row(orig, repl, ship, fold)
        if worst is None:
            continue
        _kind, key, cost, there = worst
        row = (kind, key[0], key[1], cost, there)
        gains[row] += x["gain"]
        sites_of[row].append(x)
    print("\n| row | printed → true | in-sample cost | fold's cost | sites | tokens | readings |")
    print("|---|---|---:|---:|---:|---:|---|")
    for row, gain in gains.most_common(top):
        kind, o, g, cost, there = row
        shown = ", ".join(f"{x['ship'][0][2]} → {x['ship'][0][3]}" for x in sites_of[row][:3])
        fold_cost = "—" if there is None else f"{there:.2f}"
        print(
            f"| {kind} | {o} → {g} | {cost:.2f} | {fold_cost} | {len(sites_of[row])} | {gain} "
            f"| {shown} |"
        )


def _build_text(main, argv: list[str]) -> str:  # noqa: ANN001
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(argv)
    return out.getvalue()


def train_counts(train: str) -> Counter[tuple[str, str]]:
    """The segmented unit counts of the training lines ``train`` (a half of SMH dev +
    ICDAR, or ICDAR alone)."""
    with ocr_xsource.dev_half_only(train):
        pairs, _grams, _spacing, _plain = build.learn(*ocr_xsource.sources(train))
    return pairs


def shipped_rows() -> Rows:
    """The in-sample rows: the repository's confusion and indel tables."""
    lex = ROOT / "lexicons"
    rows = table_rows((lex / "ocr_confusions_indel.tsv").read_text(encoding="utf-8"), "indel")
    rows.update(table_rows((lex / "ocr_confusions.tsv").read_text(encoding="utf-8"), "main"))
    return rows


def run_fold(
    fold: str, runtime: list[str], folder: Path
) -> tuple[list[dict], list[dict], Rows, Counter]:
    """(shipped dump, cross-fit dump, the fold's rows, its training counts) of ``fold``;
    the runs' dumps already in ``folder`` (``--work``) are read, not run again."""
    split, train = FOLDS[fold]
    if not (folder / f"ship_{fold}.json").is_file():
        dump(split, folder / f"ship_{fold}.json")
    texts = ocr_xsource.build_tables(train)
    tables = ocr_xsource.write_tables(texts, folder / fold)
    if not (folder / f"cross_{fold}.json").is_file():
        argv = [__file__, "--dump", str(folder / f"cross_{fold}.json"), "--split", split]
        code = ocr_xsource.child_code(tables, runtime, argv)
        subprocess.run([sys.executable, "-c", code], check=True)
    rows = table_rows((ROOT / "lexicons/ocr_confusions_indel.tsv").read_text("utf-8"), "indel")
    rows.update(table_rows(texts["ocr_confusions.tsv"], "main"))
    read = [json.loads((folder / f"{w}_{fold}.json").read_text("utf-8")) for w in ("ship", "cross")]
    return read[0], read[1], rows, train_counts(train)


def report(
    found: list[tuple[str, tuple[str, str], dict]], examples: int, only: str | None = None
) -> None:
    """Print the gains by class and sub-class, and by each facet of the absent rows."""
    gains: Counter[tuple[str, str]] = Counter()
    count: Counter[tuple[str, str]] = Counter()
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    facets: dict[str, Counter[str]] = defaultdict(Counter)
    for fold, key, x in found:
        gains[key] += x["gain"]
        count[key] += 1
        members[key].append(x)
        facets["fold"][f"{fold} {key[0]}"] += x["gain"]
        if key[0] in ("row absent", "row dearer"):
            for name, part in zip(FACETS, key[1].split("; "), strict=True):
                facets[f"{key[0]} by {name}"][part] += x["gain"]
    print("\n| class | sub-class | sites | tokens |\n|---|---|---:|---:|")
    for key in sorted(gains, key=lambda k: (k[0], -gains[k])):
        if gains[key] or count[key] > 2:
            print(f"| {key[0]} | {key[1]} | {count[key]} | {gains[key]} |")
    for name, cnt in sorted(facets.items()):
        print(f"\n{name}: " + ", ".join(f"{k} {v}" for k, v in cnt.most_common()))
    rng = random.Random(0)
    for key, xs in sorted(members.items()):
        if examples and (only or "row") in key[0]:
            print(f"\n## {key[0]} / {key[1]}")
            for x in rng.sample(xs, min(examples, len(xs))):
                shown = [(e[2], e[3]) for e in x["ship"]], [(e[2], e[3]) for e in x["train"]]
                print(f"  {x['gain']:+d} in-sample {shown[0]} cross {shown[1]} | {x['context']}")


def main(argv: list[str] | None = None) -> int:
    args, runtime = split_runtime(argv)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", default="a,b")
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--class", dest="only", default=None, help="examples of this class only")
    ap.add_argument("--work", type=Path, default=None, help="keep (and reuse) the runs here")
    ap.add_argument(
        "--by-row",
        type=int,
        default=0,
        metavar="N",
        help="also the N absent or dearer rows with the most tokens (one fold only)",
    )
    ap.add_argument("--dump", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--split", default="dev", help=argparse.SUPPRESS)
    ap.add_argument("settings", nargs="*", metavar="BUILD.NAME=VALUE")
    opts = ap.parse_args(args)
    if opts.dump is not None:  # a child: the fold's tables are installed
        dump(opts.split, opts.dump)
        return 0
    for spec in opts.settings:
        name, value = spec.split("=", 1)
        setattr(build, name, ast.literal_eval(value))
    for spec in runtime:
        ocr_xsource_apply(spec)
    ship_rows = shipped_rows()
    fold_rows: Rows = {}
    found: list[tuple[str, tuple[str, str], dict]] = []
    totals = Counter()
    from smh_eval import errors

    with tempfile.TemporaryDirectory() as tmp:
        work = opts.work or Path(tmp)
        for fold in opts.folds.split(","):
            (work / fold).mkdir(parents=True, exist_ok=True)
            ship, cross, rows, counts = run_fold(fold, runtime, work)
            fold_rows = rows
            for run, name in ((ship, "in-sample"), (cross, "cross-fit")):
                totals[f"{fold} {name}"] += sum(errors(x["text"], x["gold"])[0] for x in run)
            for x in sites(ship, cross):
                found.append((fold, classify(x, ship_rows, rows, counts), x))
    print("# token errors: " + ", ".join(f"{k} {v:,}" for k, v in sorted(totals.items())))
    print(f"# sites {len(found):,}, gains sum to {sum(x['gain'] for _f, _k, x in found):,}")
    report(found, opts.examples, opts.only)
    if opts.by_row:
        report_rows(found, ship_rows, fold_rows, opts.by_row)
    return 0


def ocr_xsource_apply(spec: str) -> None:
    """Set one ``MODULE.NAME=VALUE`` run-time setting in this process."""
    import importlib

    target, value = spec.split("=", 1)
    module, name = target.rsplit(".", 1)
    setattr(importlib.import_module(module), name, ast.literal_eval(value))


if __name__ == "__main__":
    raise SystemExit(main())
