"""Self-training on an unseen archive: the confusion table re-learned from a first repair
of the archive's own raw pages, no gold (:mod:`repair.score.ocr_selftrain`).

    python benchmarks/ocr_selftrain.py --train icdar --eval smh-dev [--rounds 1] [NAME=VALUE ...]
    python benchmarks/ocr_selftrain.py --train smh --eval books
    python benchmarks/ocr_selftrain.py --cli --train icdar --eval smh-test [--learn-on smh-dev]
        [--no-self-train] [--keep DIR]

``--train`` builds the tables from one source as ``ocr_xsource.py`` does; the archive is
``--eval``'s pages (SMH dev or test articles' raw OCR, or ICDAR files 1-80's raw OCR for
``books``).  Round ``k`` repairs every page with round ``k - 1``'s table, pools what it
read (:class:`~repair.score.ocr_selftrain.ArchiveCounts`) and writes an adapted table;
the evaluation then runs with the last one.  ``NAME=VALUE`` sets a setting of
``repair.score.ocr_selftrain`` (``ALPHA=100``), ``MODULE.NAME=VALUE`` one of another
module of ``repair.score`` (``ocr_selfmarks.WEIGHT=3.0``).  Only raw OCR is read before the final
evaluation scores against the gold.

``--cli`` measures the same through the command line only, as a user would: the
``--train`` tables (not ``both``) are written as an OCR profile
(:mod:`repair.score.ocr_table`) that stands for another archive's (measurement only:
one-source tables are never shipped); the SMH split's raw pages are written out
(``smh_eval.py --write-raw``); ``repair learn --ocr [--ocr-table START] PAGES -o
learned.profile`` self-trains on ``--learn-on``'s pages (default: the evaluated ones);
``repair batch PAGES OUT --ocr-table learned.profile`` repairs them; ``smh_eval.py
--outputs OUT`` scores them.  ``--no-self-train`` skips the learning (the START profile or
the shipped tables).  ``--keep DIR`` keeps the profiles.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import ocr_xsource as xs  # noqa: E402

#: The pages each evaluation's archive offers for self-training (its raw OCR only).
ARCHIVES = {"smh-dev": "smh:dev", "smh-test": "smh:test", "books": "icdar:1-80"}


def archive_pages(spec: str) -> list[str]:
    """The raw OCR pages of an archive (``smh:dev``, ``smh:test``, ``icdar:1-80``)."""
    kind, _, part = spec.partition(":")
    if kind == "smh":
        from smh_eval import DEFAULT_DATA, load, split_of

        return [a.raw for a in load(DEFAULT_DATA / "allArticles.txt") if split_of(a.ident) == part]
    from ocr_book_eval import _files
    from ocr_eval import load_icdar

    return [load_icdar(p)[0] for p in _files(xs.ICDAR, part)]


def first_pass(spec: str, out: Path, settings: dict[str, object], pages: int = 0) -> None:
    """Repair the archive's pages with the tables in force, write the adapted table."""
    from ocr_eval import OCR_ONLY

    from repair.config import RepairConfig
    from repair.score import ocr_selftrain

    for name, value in settings.items():
        module, _, attr = name.rpartition(".")
        setattr(
            importlib.import_module(f"repair.score.{module}") if module else ocr_selftrain,
            attr,
            value,
        )
    # the child reads the one-source tables through the readers' patched ``read_tsv``;
    # the profile's start tables (``ocr_table.rows_in_force``) must read them too
    from repair.candidates import ocr_glued
    from repair.score import ocr_table

    ocr_table.read_tsv = ocr_glued.read_tsv
    config = OCR_ONLY if spec.startswith("icdar") else RepairConfig()
    learned = ocr_selftrain.learn_table(archive_pages(spec)[: pages or None], config)
    out.write_text(learned.table, encoding="utf-8")
    marks_out = marks_path(out)
    if learned.marks:
        from repair.score import ocr_table

        start = ocr_table.rows_in_force(ocr_table.MARKS)
        columns = ocr_table.TABLES[ocr_table.MARKS]
        header = f"# format: repair-lexicon/1; columns: {', '.join(columns)}\n"
        marks_out.write_text(
            header + "".join("\t".join(r) + "\n" for r in (*start, *learned.marks)),
            encoding="utf-8",
        )
    elif marks_out.exists():
        marks_out.unlink()
    new = sorted((c, s) for s, c in learned.new.items())
    print(
        json.dumps(
            {
                "pages": learned.pages,
                "repriced": learned.repriced,
                "new": len(new),
                "new_rows": [f"{o}>{g} {c:.2f}" for c, (o, g) in new[:40]],
                "mark_rows": len(learned.marks),
                "refused": {f"{o}>{g}": v[:5] for (o, g), v in sorted(learned.refused.items())},
            }
        )
    )


def marks_path(table: Path) -> Path:
    """Where :func:`first_pass` writes the marks table it learned beside ``table``."""
    return table.with_suffix(".marks.tsv")


def _child(tables: dict[str, str], argv: list[str]) -> int:
    code = xs.child_code(tables, [], argv)
    sys.stdout.flush()
    return subprocess.run([sys.executable, "-c", code], check=False).returncode


def write_profile(texts: dict[str, str], path: Path, note: str) -> None:
    """Write the built tables (``{file name: TSV text}``) as one OCR profile."""
    path.write_text(xs.profile_of(texts, note), encoding="utf-8")


def _run(args: list[str]) -> None:
    """Run a command with this checkout first on the path; stop on failure."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    print("$", " ".join(shlex.quote(a) for a in args), flush=True)
    subprocess.run(args, check=True, env=env, cwd=tempfile.gettempdir())


def cli(train: str, evaluation: str, learn_on: str, self_train: bool, keep: Path | None) -> int:
    """The ``--cli`` measurement (see the module doc)."""
    repair = [sys.executable, "-m", "repair"]
    smh = [sys.executable, str(ROOT / "benchmarks" / "smh_eval.py")]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        start = None
        if train != "both":
            start = tmp / f"{train}.profile"
            note = f"tables built from {train} alone by benchmarks/ocr_xsource.py (measurement)"
            write_profile(xs.build_tables(train), start, note)
        pages = {}
        for name in {evaluation, learn_on if self_train else evaluation}:
            pages[name] = tmp / f"raw-{name}"
            _run([*smh, "--split", name.split("-")[1], "--write-raw", str(pages[name])])
        table = start
        if self_train:
            table = tmp / "learned.profile"
            begin = ["--ocr-table", str(start)] if start else []
            _run([*repair, "learn", "--ocr", str(pages[learn_on]), "-o", str(table), *begin])
        out = tmp / "out"
        use = ["--ocr-table", str(table)] if table else []
        _run([*repair, "batch", str(pages[evaluation]), str(out), "-q", "-j", "2", *use])
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            for path in (start, table):
                if path:
                    shutil.copy(path, keep / path.name)
        print(f"# cli: train {train}, self-train {self_train} on {learn_on}, eval {evaluation}")
        sys.stdout.flush()
        _run([*smh, "--split", evaluation.split("-")[1], "--outputs", str(out)])
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", choices=["both", "smh", "icdar", "prior"])
    ap.add_argument("--eval", dest="evaluation", choices=sorted(ARCHIVES))
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--script", default=None, help="evaluate with this script instead")
    ap.add_argument("--args", default="", help="arguments of --script")
    ap.add_argument("--save", type=Path, default=None, help="also write the adapted table here")
    ap.add_argument("--pages", type=int, default=0, help="self-train on the first N pages only")
    ap.add_argument(
        "--archive", default=None, help="self-train on these pages (smh:dev, smh:test, icdar:1-80)"
    )
    ap.add_argument("--cli", action="store_true", help="measure through the command line")
    ap.add_argument("--learn-on", choices=["smh-dev", "smh-test"], default=None)
    ap.add_argument("--no-self-train", action="store_true", help="with --cli: no learning")
    ap.add_argument("--keep", type=Path, default=None, help="with --cli: keep the profiles here")
    ap.add_argument("--first-pass", nargs=2, metavar=("ARCHIVE", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("settings", nargs="*", metavar="NAME=VALUE")
    opts = ap.parse_args(argv)
    settings = {}
    for spec in opts.settings:
        name, value = spec.split("=", 1)
        settings[name] = ast.literal_eval(value)
    if opts.first_pass:
        first_pass(opts.first_pass[0], Path(opts.first_pass[1]), settings, opts.pages)
        return 0
    if not opts.train or not opts.evaluation:
        ap.error("--train and --eval are required")
    if opts.cli:
        if not opts.evaluation.startswith("smh-") or opts.settings:
            ap.error("--cli evaluates smh-dev or smh-test, with the shipped settings")
        learn_on = opts.learn_on or opts.evaluation
        return cli(opts.train, opts.evaluation, learn_on, not opts.no_self_train, opts.keep)
    texts = xs.build_tables(opts.train)
    with tempfile.TemporaryDirectory() as tmp:
        tables = xs.write_tables(texts, Path(tmp))
        archive = opts.archive or ARCHIVES[opts.evaluation]
        for k in range(opts.rounds):
            out = Path(tmp) / f"adapted{k}.tsv"
            print(f"# round {k + 1}: first pass over {archive}")
            rc = _child(
                tables,
                [
                    __file__,
                    *("--first-pass", archive, str(out)),
                    *("--pages", str(opts.pages)),
                    *opts.settings,
                ],
            )
            if rc:
                return rc
            tables = {**tables, "ocr_confusions.tsv": str(out)}
            if marks_path(out).exists():
                tables["ocr_marks.tsv"] = str(marks_path(out))
        if opts.save:
            opts.save.write_text(Path(tables["ocr_confusions.tsv"]).read_text(encoding="utf-8"))
        script, *rest = xs.EVALS[opts.evaluation]
        script = str(ROOT / "benchmarks" / script)
        if opts.script:
            script, rest = opts.script, shlex.split(opts.args)
        print(f"# train {opts.train} self-trained on {opts.evaluation}, settings {settings}")
        return _child(tables, [script, *rest])


if __name__ == "__main__":
    raise SystemExit(main())
