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
    read_or_exit,
    read_references,
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
) -> None:
    """Write the substitution pairs the corpus supports, with counts and evidence.

    The output is a lexicon for ``repair fix --lexicon pairs.tsv`` (and batch).
    """
    from repair.config import RepairConfig
    from repair.learn import learn_pairs, write_pairs

    check_writable_target(output, "the pairs")
    files = [f for p in corpus for f in txt_files(p, "corpus")]
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
