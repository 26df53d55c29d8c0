"""Self-training on the document being fixed only: how much of the archive-wide
self-training gain survives when the learning sees one SMH article (or a small group).

    python benchmarks/ocr_docself.py --split dev --tables icdar|shipped [--group 1]
        [--limit N] [NAME=VALUE ...]
    python benchmarks/ocr_docself.py --clean /work/shared/data/clean_english

``--tables icdar`` starts from tables built from ICDAR alone (``ocr_xsource.build_tables``,
installed as an OCR profile: the stand-in for an archive the shipped tables never saw);
``shipped`` from the shipped tables.  The split's articles are cut into groups of
``--group`` consecutive articles.  For each group, with the start profile in force, each
article is repaired as is (no self-training), then the profile is self-trained on the
group's raw pages alone (:func:`repair.score.ocr_docself.self_train`, what ``repair fix
--self-train`` does for one file) and each article is repaired again.  Token and char
errors against the gold are summed as ``smh_eval.py`` does, with the articles made better
and worse by the self-training.  ``NAME=VALUE`` sets a setting of a ``repair.score``
module (``ocr_selfmarks.WEIGHT=3.0``).

``--clean DIR`` measures precision instead: each clean text under ``DIR`` (``*.txt``, UTF-8;
others are skipped) is repaired with the shipped tables, then self-trained on alone and
repaired again; it prints the tokens the self-training changes (per 1,000 words) and
each changed place.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import importlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from smh_eval import DEFAULT_DATA, errors, load, split_of  # noqa: E402

from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score import ocr_table  # noqa: E402
from repair.score.ocr_docself import garble_rate, self_train  # noqa: E402
from repair.score.ocr_selftrain import ArchiveCounts, still_unknown  # noqa: E402


def start_profile(tables: str, folder: Path) -> Path | None:
    """The start profile's path (``None``: the shipped tables)."""
    if tables == "shipped":
        return None
    import ocr_selftrain as driver
    import ocr_xsource as xs

    path = folder / f"{tables}.profile"
    note = f"tables built from {tables} alone by benchmarks/ocr_xsource.py (measurement)"
    driver.write_profile(xs.build_tables(tables), path, note)
    return path


def measure(split: str, tables: str, group: int, limit: int) -> dict[str, int]:
    """The totals of both runs (see the module doc)."""
    arts = [a for a in load(DEFAULT_DATA / "allArticles.txt") if split_of(a.ident) == split]
    arts = arts[: limit or None]
    config = RepairConfig()
    rates: list[tuple[float, int, int, int, int]] = []
    tot = dict.fromkeys(
        "raw_tok raw_chr base_tok base_chr self_tok self_chr better worse rows marks".split(), 0
    )
    with tempfile.TemporaryDirectory() as tmp:
        start = start_profile(tables, Path(tmp))
        for k in range(0, len(arts), group):
            part = arts[k : k + group]
            ocr_table.install(start)
            firsts = [repair_text(a.raw, config=config) for a in part]
            base = [r.text for r in firsts]
            if group == 1:
                counts = ArchiveCounts()
                counts.add(base[0], firsts[0].edits, still_unknown(base[0]), part[0].raw)
                rate = garble_rate(counts)
            learned = self_train([a.raw for a in part], config)
            tot["rows"] += learned.repriced + len(learned.new)
            tot["marks"] += len(learned.marks)
            for a, before in zip(part, base, strict=True):
                after = repair_text(a.raw, config=config).text
                rt, _, rc, _ = errors(a.raw, a.gold)
                bt, _, bc, _ = errors(before, a.gold)
                st, _, sc, _ = errors(after, a.gold)
                for key, v in (("raw", (rt, rc)), ("base", (bt, bc)), ("self", (st, sc))):
                    tot[f"{key}_tok"] += v[0]
                    tot[f"{key}_chr"] += v[1]
                tot["better"] += st < bt
                tot["worse"] += st > bt
                if st != bt:
                    print(f"  {a.ident}: {bt} -> {st} tokens", flush=True)
                if group == 1:
                    rates.append((rate, bt, bc, st, sc))
        ocr_table.install(None)
    tot["articles"] = len(arts)
    if rates:
        sweep(rates)
    return tot


#: The garble rates :func:`sweep` prints (``ocr_docself.AUTO_RATE`` candidates).
SWEEP = (0.0, 2.0, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 60.0, 80.0, 120.0)


def sweep(rates: list[tuple[float, int, int, int, int]]) -> None:
    """Totals had each article been self-trained only at a first-pass garble rate of
    ``t`` or more (``repair fix`` with ``ocr_docself.AUTO`` at ``AUTO_RATE = t``)."""
    for t in SWEEP:
        on = [r for r in rates if r[0] >= t]
        tok = sum(r[3] if r[0] >= t else r[1] for r in rates)
        chr_ = sum(r[4] if r[0] >= t else r[2] for r in rates)
        better = sum(r[3] < r[1] for r in on)
        worse = sum(r[3] > r[1] for r in on)
        print(
            f"  AUTO_RATE {t:>5.1f}: {len(on):>3} articles self-trained, {tok:,} tokens "
            f"{chr_:,} chars, better {better} worse {worse}",
            flush=True,
        )


def clean(folder: Path, limit: int) -> int:
    """The ``--clean`` measurement (see the module doc)."""
    config = RepairConfig()
    texts, words, changed, docs = 0, 0, 0, 0
    for path in sorted(folder.rglob("*.txt"))[: limit or None]:
        try:
            raw = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        ocr_table.install(None)
        before = repair_text(raw, config=config).text
        self_train([raw], config)
        after = repair_text(raw, config=config).text
        texts += 1
        words += len(raw.split())
        if after != before:
            docs += 1
            b, a = before.split(), after.split()
            diff = difflib.SequenceMatcher(None, b, a, autojunk=False).get_opcodes()
            for op, i1, i2, j1, j2 in diff:
                if op != "equal":
                    changed += max(i2 - i1, j2 - j1)
                    ctx = " ".join(b[max(0, i1 - 4) : i1])
                    print(
                        f"  {path.name}: [{ctx}] {' '.join(b[i1:i2])!r} -> {' '.join(a[j1:j2])!r}",
                        flush=True,
                    )
    ocr_table.install(None)
    per = 1000.0 * changed / max(1, words)
    print(
        f"clean texts {texts}, {words:,} words: {docs} changed, "
        f"{changed} tokens ({per:.3f} per 1,000)"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--tables", choices=["icdar", "shipped"], default="icdar")
    ap.add_argument("--group", type=int, default=1, help="articles self-trained on together")
    ap.add_argument("--limit", type=int, default=0, help="the first N articles only")
    ap.add_argument("--clean", type=Path, default=None, help="precision on these clean texts")
    ap.add_argument("settings", nargs="*", metavar="NAME=VALUE")
    opts = ap.parse_args(argv)
    for spec in opts.settings:
        name, value = spec.split("=", 1)
        module, _, attr = name.rpartition(".")
        mod = importlib.import_module(f"repair.score.{module or 'ocr_selftrain'}")
        setattr(mod, attr, ast.literal_eval(value))
    if opts.clean:
        return clean(opts.clean, opts.limit)
    t0 = time.perf_counter()
    t = measure(opts.split, opts.tables, max(1, opts.group), opts.limit)
    print(
        f"SMH {opts.split}, {t['articles']} articles, {opts.tables} tables, groups of "
        f"{opts.group}, settings {opts.settings}\n"
        f"  raw                 {t['raw_tok']:>6,} tokens {t['raw_chr']:>7,} chars\n"
        f"  no self-training    {t['base_tok']:>6,} tokens {t['base_chr']:>7,} chars\n"
        f"  self-trained        {t['self_tok']:>6,} tokens {t['self_chr']:>7,} chars\n"
        f"  articles better {t['better']}, worse {t['worse']}; confusion rows learned "
        f"{t['rows']}, mark rows {t['marks']}; {time.perf_counter() - t0:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
