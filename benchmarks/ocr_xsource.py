"""Leave one source out: how OCR repair does on an archive its tables never saw.

    python benchmarks/ocr_xsource.py --train icdar|smh|both|prior|deva|devb
        --eval smh-dev|smh-test|smh-dev-a|smh-dev-b|books|icdar81|archive-smh-dev|...
        [BUILD.NAME=VALUE ...] [-- MODULE.NAME=VALUE ...]
    python benchmarks/ocr_xsource.py --train icdar --eval SCRIPT.py --args "..."

The learned OCR tables (``lexicons/ocr_confusions.tsv``, ``lexicons/ocr_marks.tsv``) are
built from the SMH dev half *and* ICDAR monographs, so the figures of either source flatter
what a new archive gets.  Here both tables are rebuilt in memory from one source only
(``--train icdar``: ICDAR files 1-80 + file 81's first 300k characters; ``smh``: the SMH
dev half; ``both``: as shipped; ``prior``: neither, only the build script's prior of
glyph-shape pairs; ``deva`` / ``devb``: one half of SMH dev (``smh_eval.in_split``) and
ICDAR, for a cross-fit evaluated on the other half, ``--eval smh-dev-b`` / ``smh-dev-a``)
and one evaluation runs in a fresh process where every reader sees them
(:func:`install_tables`: the tables a profile holds are installed as one, as
``--ocr-table`` does, so self-training starts from them too):

* ``smh-dev`` / ``smh-test`` / ``smh-dev-a`` / ``smh-dev-b``: ``benchmarks/smh_eval.py
  --split dev|test|dev-a|dev-b``;
* ``books``: ``benchmarks/ocr_book_eval.py`` (ICDAR files 1-80, two folds by file);
* ``icdar81``: ``benchmarks/ocr_eval.py --split heldout`` (file 81's held-out part);
* ``archive-smh-dev`` (``-test``; ``archive-icdar-...``): ``benchmarks/ocr_archive.py eval``,
  clean English damaged by the channel learned from SMH (ICDAR) alone.

``--hold-drops`` also rebuilds the drop table (``lexicons/ocr_drops.tsv``, learned from SMH dev
and ICDAR as shipped) from the training source alone, so that no learned table of the
channel has seen the evaluated archive (session 43; the default keeps the shipped drop
table, as every earlier figure did).

``BUILD.NAME=VALUE`` sets a setting of ``scripts/build_ocr_confusions.py`` before the
build (``PRIOR_RATE=0.004``); after ``--`` come module settings of the repair
(``repair.candidates.ocr.LIGHT=False``).  The repository's tables are never touched.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import build_ocr_confusions as build  # noqa: E402
import build_ocr_drops as drops  # noqa: E402
import build_ocr_marks as marks  # noqa: E402
import build_ocr_slot_confusions as slot_table  # noqa: E402
from runtime_args import split_runtime  # noqa: E402

from repair.bench.suites import shared_dir  # noqa: E402

SMH = shared_dir() / "data/ocr/overproof_smh"
ICDAR = shared_dir() / "data/ocr/icdar2017_eng_monograph"

EVALS = {
    "smh-dev": ["smh_eval.py", "--split", "dev"],
    "smh-test": ["smh_eval.py", "--split", "test"],
    "smh-dev-a": ["smh_eval.py", "--split", "dev-a"],
    "smh-dev-b": ["smh_eval.py", "--split", "dev-b"],
    "books": ["ocr_book_eval.py"],
    "icdar81": ["ocr_eval.py", "--max-chars", "0", "--icdar", str(ICDAR), "--split", "heldout"],
    **{
        f"archive-{ch}-{sp}": ["ocr_archive.py", "eval", "--channel", ch, "--split", sp]
        for ch in ("smh", "icdar")
        for sp in ("dev", "test")
    },
}

_CHILD = """
import ast, importlib, runpy, sys
tables = {tables!r}
sys.path.insert(0, {bench!r})
import ocr_xsource
ocr_xsource.install_tables(tables)
for spec in {runtime!r}:
    target, value = spec.split("=", 1)
    module, name = target.rsplit(".", 1)
    setattr(importlib.import_module(module), name, ast.literal_eval(value))
sys.argv = {argv!r}
runpy.run_path(sys.argv[0], run_name="__main__")
"""
#: The modules that read a built table a profile cannot hold (``ocr_drops.tsv``) through
#: ``read_tsv`` (:func:`install_tables` swaps their reader).
READERS = (
    "repair.score.ocr_channel",
    "repair.candidates.ocr_glued",
    "repair.score.ocr_slotprice",
    "repair.candidates.ocr_dropped",
)
#: The name of the profile :func:`install_tables` writes beside the tables (and ``--save``).
PROFILE = "xsource.profile"


def profile_of(texts: dict[str, str], note: str) -> str:
    """The built tables ``texts`` (``{file name: TSV text}``) an OCR profile holds
    (:data:`repair.score.ocr_table.TABLES`; others left out) as one profile, ``note`` its
    comment."""
    from repair.lexicons import parse_tsv

    from repair.score.ocr_table import TABLES, profile_text

    rows = {name: parse_tsv(text, name, TABLES[name]) for name, text in texts.items()}
    return profile_text({n: r for n, r in rows.items() if n in TABLES}, [note])


def install_tables(tables: dict[str, str]) -> None:
    """Make every reader of this process read the table files ``tables`` (``{file name:
    path}``): the profile tables installed as one profile (:func:`repair.score.ocr_table.
    install`, as ``smh_eval.py --ocr-table`` does), so that self-training
    (:mod:`repair.score.ocr_docself`, ``learn --ocr``) starts from them too, not from the
    shipped tables (session 44, xsrcfix44); any other (``ocr_drops.tsv``) read in place of
    the shipped lexicon by the modules of :data:`READERS`."""
    import importlib

    from repair import lexicons
    from repair.score import ocr_table

    held = {n: p for n, p in tables.items() if n in ocr_table.TABLES}
    if held:
        texts = {n: Path(p).read_text(encoding="utf-8") for n, p in held.items()}
        profile = Path(next(iter(held.values()))).with_name(PROFILE)
        note = "tables built by benchmarks/ocr_xsource.py (measurement)"
        profile.write_text(profile_of(texts, note), encoding="utf-8")
        ocr_table.install(profile)
    rest = {n: p for n, p in tables.items() if n not in held}
    if not rest:
        return
    real = lexicons.read_tsv

    def read_tsv(name: str, columns: tuple[str, ...] | None = None) -> tuple[tuple[str, ...], ...]:
        if name not in rest:
            return real(name, columns)
        return lexicons.parse_tsv(Path(rest[name]).read_text(encoding="utf-8"), name, columns)

    for module in READERS:
        importlib.import_module(module).read_tsv = read_tsv  # type: ignore[attr-defined]


def child_code(tables: dict[str, str], runtime: list[str], argv: list[str]) -> str:
    """The ``python -c`` program that runs ``argv`` (a script and its arguments) with the
    table files ``tables`` (``{file name: path}``) read by every reader
    (:func:`install_tables`) and the ``MODULE.NAME=VALUE`` settings ``runtime`` set."""
    return _CHILD.format(tables=tables, runtime=runtime, argv=argv, bench=str(ROOT / "benchmarks"))


def sources(train: str) -> tuple[Path | None, Path | None]:
    """(SMH folder, ICDAR folder) a training choice reads; ``None`` for a left-out one."""
    return {
        "both": (SMH, ICDAR),
        "smh": (SMH, None),
        "icdar": (None, ICDAR),
        "prior": (None, None),
        "deva": (SMH, ICDAR),
        "devb": (SMH, ICDAR),
    }[train]


@contextlib.contextmanager
def dev_half_only(train: str) -> Iterator[None]:
    """While building: the SMH articles the build scripts take for "dev" are one half of
    it when ``train`` is ``deva`` / ``devb`` (the other half counts as test)."""
    if train not in ("deva", "devb"):
        yield
        return
    import smh_eval
    from ocr_ablation import dev_half

    real = smh_eval.split_of
    smh_eval.split_of = lambda ident: (
        "dev" if real(ident) == "dev" and dev_half(ident) == train else "test"
    )
    try:
        yield
    finally:
        smh_eval.split_of = real


def _build(main, smh: Path | None, icdar: Path | None) -> str:  # noqa: ANN001
    argv = [*(["--smh", str(smh)] if smh else []), *(["--icdar", str(icdar)] if icdar else [])]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(argv)
    return out.getvalue()


def build_tables(train: str, hold_drops: bool = False) -> dict[str, str]:
    """The confusion, mark and slot tables learned from ``train``'s sources, as TSV text
    (and the drop table with ``hold_drops``)."""
    smh, icdar = sources(train)
    with dev_half_only(train):
        out = {
            "ocr_confusions.tsv": _build(build.main, smh, icdar),
            "ocr_marks.tsv": _build(marks.main, smh, icdar),
            "ocr_slot_confusions.tsv": _build(slot_table.main, smh, icdar),
        }
        if hold_drops:
            out["ocr_drops.tsv"] = _build(drops.main, smh, icdar)
    return out


def write_tables(texts: dict[str, str], folder: Path, save: Path | None = None) -> dict[str, str]:
    """Write each built table into ``folder`` (and ``save`` if given, with the profile
    tables also as one profile, :data:`PROFILE`, for ``--ocr-table``): ``{name: path}``."""
    tables = {}
    for name, text in texts.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        tables[name] = str(path)
        if save:
            save.mkdir(parents=True, exist_ok=True)
            (save / name).write_text(text, encoding="utf-8")
    if save:
        note = "tables built by benchmarks/ocr_xsource.py (measurement)"
        (save / PROFILE).write_text(profile_of(texts, note), encoding="utf-8")
    return tables


def main(argv: list[str] | None = None) -> int:
    args, runtime = split_runtime(argv)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--train", choices=["both", "smh", "icdar", "prior", "deva", "devb"], required=True
    )
    ap.add_argument(
        "--eval", required=True, dest="evaluation", help=f"{', '.join(EVALS)} or a script path"
    )
    ap.add_argument("--args", default="", help="arguments of a script given to --eval")
    ap.add_argument("--save", type=Path, default=None, help="also write the tables here")
    ap.add_argument(
        "--hold-drops", action="store_true", help="also learn ocr_drops.tsv from --train alone"
    )
    ap.add_argument("settings", nargs="*", metavar="BUILD.NAME=VALUE")
    opts = ap.parse_args(args)
    for spec in opts.settings:
        name, value = spec.split("=", 1)
        if not hasattr(build, name):
            raise SystemExit(f"build_ocr_confusions has no {name}")
        setattr(build, name, ast.literal_eval(value))
    texts = build_tables(opts.train, opts.hold_drops)
    with tempfile.TemporaryDirectory() as tmp:
        tables = write_tables(texts, Path(tmp), opts.save)
        if opts.evaluation in EVALS:
            script, *rest = EVALS[opts.evaluation]
            script = str(ROOT / "benchmarks" / script)
        else:
            script, rest = opts.evaluation, shlex.split(opts.args)
        code = child_code(tables, runtime, [script, *rest])
        held = " (drops held out)" if opts.hold_drops else ""
        print(
            f"# train {opts.train}{held}, eval {opts.evaluation}, "
            f"settings {opts.settings} {runtime}"
        )
        sys.stdout.flush()
        return subprocess.run([sys.executable, "-c", code], check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
