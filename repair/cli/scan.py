"""``repair scan``: one row of document scores per file, as a table or JSON Lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

from repair.cli.app import app
from repair.cli.common import EXIT_INPUT, read_references, reference_option
from repair.cli.params import Argument, Exit, Option
from repair.config import RepairConfig
from repair.decisions import declined
from repair.io import InputError, read_input
from repair.pipeline import repair_text
from repair.stages import score_fields

#: The score columns: those of the stages that run by default (``repair scan`` runs those).
SCORE_FIELDS = tuple(f for f, _label in score_fields(opt_in=False))


def _expand(paths: list[str]) -> list[str]:
    files: list[str] = []
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            files.extend(str(f) for f in sorted(path.rglob("*.txt")))
        else:
            files.append(p)
    return files


@app.command("scan")
def scan(
    paths: Annotated[list[str], Argument(help="Files or folders (their *.txt files), or -.")],
    reference: Annotated[
        list[Path] | None, reference_option("Clean texts on the same story (repeatable).")
    ] = None,
    as_json: Annotated[bool, Option("--json", help="JSON Lines, one object per document.")] = False,
    sort: Annotated[
        str,
        Option("--sort", help=f"Sort rows by this score ({', '.join(SCORE_FIELDS)}) or 'name'."),
    ] = "name",
) -> None:
    """Score documents for damage without changing them.

    Columns: each stage's document score (0-1; a spin score of 0.5 or more
    means spun), the edits `repair fix` would make per 1,000 words and the candidate
    restorations the stages declined (with --json: every stage's decisions by reason
    code).  Exit code 1 if any file could not be read (the others are still scanned).
    """
    references = read_references(reference)
    rows: list[dict] = []
    failed = 0
    for f in _expand(paths):
        try:
            text = read_input(f)
        except InputError as exc:
            print(f"repair: {exc}", file=sys.stderr)
            failed += 1
            continue
        result = repair_text(text, references, RepairConfig())
        row = {"path": "<stdin>" if f == "-" else f, **result.scores.to_json()}
        rows.append(row)
        if as_json:
            print(json.dumps(row, ensure_ascii=False), flush=True)
    if not as_json and rows:
        if sort != "name" and sort in rows[0]:
            rows.sort(key=lambda r: -r[sort])
        from rich.console import Console
        from rich.table import Table

        table = Table(show_edge=False, header_style="bold")
        for col in ("path", "words", *SCORE_FIELDS, "edits/1k", "declined"):
            table.add_column(col, justify="left" if col == "path" else "right")
        for r in rows:
            table.add_row(
                r["path"],
                str(r["words"]),
                *(f"{r[f]:.2f}" for f in SCORE_FIELDS),
                f"{r['edits_per_1000_words']:.1f}",
                f"{declined(r['decisions']):,}",
            )
        Console(width=max(100, Console().width)).print(table)
    if failed:
        raise Exit(EXIT_INPUT)
