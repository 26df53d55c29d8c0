"""``repair fix``: repair one text; corrected text to stdout or ``-o``, report to stderr."""

from __future__ import annotations

import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from repair.cli.app import app
from repair.cli.common import EXIT_CHANGES, EXIT_INPUT, fail, read_or_exit, read_references
from repair.config import RepairConfig
from repair.io import atomic_write, same_file
from repair.pipeline import repair_text
from repair.stages import REGISTRY, names, score_fields

#: The scores the summary line shows: those of the stages that run by default.
SCORE_FIELDS = tuple(f for f, _label in score_fields(opt_in=False))
_ONLY_HELP = "Run only these stages (repeatable): " + "; ".join(
    f"{s.name}: {s.help}{'' if s.default else ' (off by default)'}" for s in REGISTRY
)


class ReportFormat(str, Enum):
    none = "none"
    diff = "diff"
    html = "html"
    json = "json"


def _summary(name: str, result) -> str:
    s = result.scores
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(s.edits_by_kind.items())) or "none"
    skipped = sorted({r.split(":", 1)[1] for r in s.skipped if r.endswith("non_english")})
    note = "; not repaired: the text does not look like English" if skipped else ""
    scores = ", ".join(f"{f} {getattr(s, f):.2f}" for f in SCORE_FIELDS)
    return f"{name}: {s.edits} edits ({kinds}) in {s.words} words{note}; scores: {scores}"


@app.command("fix")
def fix(
    file: Annotated[str, typer.Argument(help="Text file to repair (UTF-8), or - for stdin.")],
    reference: Annotated[
        list[Path] | None,
        typer.Option(
            "--reference",
            "-r",
            help="Clean text on the same story (repeatable; a folder means its *.txt files).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the repaired text here (atomically) instead of stdout."
        ),
    ] = None,
    report: Annotated[
        ReportFormat,
        typer.Option("--report", help="Report format: a unified diff, an HTML page, or JSON."),
    ] = ReportFormat.none,
    report_file: Annotated[
        Path | None,
        typer.Option("--report-file", help="Write the report here instead of stderr."),
    ] = None,
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence", min=0.0, max=1.0, help="Apply only edits at least this confident."
        ),
    ] = RepairConfig.min_confidence,
    lexicon: Annotated[
        list[Path] | None,
        typer.Option(
            "--lexicon", help="Substitution pairs learned by `repair learn` (repeatable)."
        ),
    ] = None,
    only: Annotated[
        list[str] | None,
        typer.Option("--only", help=_ONLY_HELP),
    ] = None,
    reflow: Annotated[
        bool, typer.Option("--reflow", help="Re-flow hard-wrapped (OCR) lines into paragraphs.")
    ] = False,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 3 if the text would be changed.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No summary line on stderr.")
    ] = False,
) -> None:
    """Repair FILE and print the corrected text.

    Exit codes: 0 done, 1 input/output problem, 2 bad usage, 3 changes found (--check).
    """
    stages = names()
    if only:
        unknown = sorted(set(only) - set(stages))
        if unknown:
            raise fail(
                f"unknown stage(s) for --only: {', '.join(unknown)}; known: {', '.join(stages)}", 2
            )
    if output is not None and file != "-":
        if same_file(output, file):
            raise fail(f"{output}: refusing to overwrite the input file; choose another -o path")
    for ref in reference or []:
        if output is not None and same_file(output, ref):
            raise fail(f"{output}: refusing to overwrite a reference file")
    if report_file is not None and (
        same_file(report_file, file) or (output and same_file(report_file, output))
    ):
        raise fail(f"{report_file}: refusing to overwrite the input or output with the report")
    for lx in lexicon or []:
        if not lx.is_file():
            raise fail(f"{lx}: no such lexicon file")

    text = read_or_exit(file)
    references = read_references(reference)
    config = RepairConfig(
        min_confidence=min_confidence, lexicons=tuple(lexicon or ()), reflow=reflow
    )
    if only:
        config = replace(config, **{s: s in only for s in stages})
    result = repair_text(text, references, config)
    name = "<stdin>" if file == "-" else file

    if check:
        if not quiet:
            print(_summary(name, result), file=sys.stderr)
        raise typer.Exit(EXIT_CHANGES if result.changed else 0)

    try:
        if output is not None:
            atomic_write(output, result.text)
        else:
            sys.stdout.write(result.text)
            sys.stdout.flush()
        if report is not ReportFormat.none:
            from repair.report import render

            rendered = render(result, report.value, name=name)
            if report_file is not None:
                atomic_write(report_file, rendered)
            else:
                sys.stderr.write(rendered)
                if rendered and not rendered.endswith("\n"):
                    sys.stderr.write("\n")
    except OSError as exc:
        raise fail(
            f"{exc.filename or output}: cannot write: {exc.strerror or exc}", EXIT_INPUT
        ) from None
    if not quiet:
        print(_summary(name, result), file=sys.stderr)
