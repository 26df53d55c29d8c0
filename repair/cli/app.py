"""The typer application object every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="repair",
    help=(
        "Find the damaged parts of an English text (spun synonyms, tortured phrases, "
        "OCR garble, mojibake) and put the original wording back, explaining every edit."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
