"""``repair learn``: learn a spinner's substitution pairs from spun texts; write a TSV lexicon."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from repair.cli.app import app
from repair.cli.common import (
    check_writable_target,
    fail,
    install_ocr_table,
    read_or_exit,
    read_references,
    say,
    txt_files,
)
from repair.io import OutputError


@app.command("learn")
def learn(
    corpus: Annotated[
        list[Path],
        typer.Argument(help="Spun texts (files, or folders of *.txt files).", readable=False),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the pairs TSV.")],
    reference: Annotated[
        list[Path] | None,
        typer.Option(
            "--reference",
            "-r",
            help="Clean texts on the same stories (repeatable).",
            readable=False,
        ),
    ] = None,
    min_count: Annotated[
        int, typer.Option(help="Keep a pair only with at least this many occurrences.")
    ] = 2,
    min_gain: Annotated[
        float, typer.Option(help="Mean LM log-probability gain a pair needs (nats).")
    ] = 1.0,
    thesaurus: Annotated[
        bool, typer.Option(help="Also try the reverse Moby thesaurus for unknown swaps.")
    ] = True,
    profile: Annotated[
        bool,
        typer.Option(
            help="Use the built-in seed spinner profile while learning "
            "(--no-profile: learn an unknown spinner from its output alone)."
        ),
    ] = True,
    ocr: Annotated[
        bool,
        typer.Option(
            "--ocr",
            help="Learn the OCR profile of an archive (confusion, slot and mark tables) "
            "from its raw pages instead (for `repair fix --ocr-table`).",
        ),
    ] = False,
    ocr_table: Annotated[
        Path | None,
        typer.Option(
            "--ocr-table",
            help="With --ocr: start from this profile (or confusion table) instead of the "
            "shipped tables (a second round, or another archive's profile).",
            readable=False,
        ),
    ] = None,
) -> None:
    """Write the substitution pairs the corpus supports, with counts and evidence.

    The output is a lexicon for ``repair fix --lexicon pairs.tsv`` (and batch); with
    ``--ocr``, an OCR profile for ``repair fix --ocr-table archive.tsv``.
    """
    from repair.config import RepairConfig
    from repair.learn import learn_pairs, write_pairs

    check_writable_target(output, "the OCR profile" if ocr else "the pairs")
    files = [f for p in corpus for f in txt_files(p, "corpus")]
    if ocr:
        install_ocr_table(ocr_table)
        _learn_ocr(files, output)
        return
    texts = [read_or_exit(str(f)) for f in files]
    refs = read_references(reference)
    config = RepairConfig(spin_profile="default" if profile else None)
    pairs = learn_pairs(
        texts, refs, min_count=min_count, min_gain=min_gain, thesaurus=thesaurus, config=config
    )
    try:
        write_pairs(pairs, output, sources=[str(f) for f in files])
    except OutputError as exc:
        raise fail(str(exc)) from None
    print(f"repair learn: {len(pairs)} pairs from {len(texts)} texts -> {output}", file=sys.stderr)


def _learn_ocr(files: list[Path], output: Path) -> None:
    """``repair learn --ocr``: self-train the OCR profile in force on the corpus's pages
    (:func:`repair.score.ocr_selftrain.learn_table`); an unreadable file is named and
    left out."""
    from repair.io import InputError, atomic_write, read_input
    from repair.score.ocr_selftrain import learn_table

    pages: list[str] = []
    read: list[Path] = []
    for f in files:
        try:
            pages.append(read_input(str(f)))
        except InputError as exc:
            say(f"repair learn: skipped {exc}")
            continue
        read.append(f)
    sources = [f"corpus: {f}" for f in read[:20]]
    if len(read) > 20:
        sources.append(f"corpus: ... {len(read) - 20} more files")
    learned = learn_table(pages, note=sources)
    if not learned.pages:
        raise fail("no readable text in the corpus: no OCR profile written")
    try:
        atomic_write(output, learned.text, make_parents=False)
    except OutputError as exc:
        raise fail(str(exc)) from None
    print(
        f"repair learn: OCR profile from {learned.pages} texts ({learned.repriced} rows "
        f"repriced, {len(learned.new)} new, {len(learned.refused)} refused as period "
        f"spellings; {len(learned.marks)} mark rows) -> {output}",
        file=sys.stderr,
    )
