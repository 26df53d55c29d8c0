"""The command registry every command module registers on (``@app.command("fix")``).

Registering imports nothing: :class:`Commands` only records each command, so the
fast path (:mod:`repair.cli.fast`) can run ``fix`` without typer.  :meth:`Commands.typer`
builds the typer application (``repair --help``, the other commands, bad usage),
converting the :mod:`repair.cli.params` declarations to typer's and a raised
:class:`~repair.cli.params.Exit` to ``typer.Exit``.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from typing import Any, NamedTuple

from repair.cli.params import Exit, Param


class Registered(NamedTuple):
    """One command: its name, its function and typer's ``command()`` keywords."""

    name: str | None
    callback: Callable[..., Any]
    kwargs: dict[str, Any]


class Commands:
    """A typer-like ``command`` decorator that only records the commands."""

    def __init__(self, **settings: Any) -> None:
        self.settings = settings
        self.registered_commands: list[Registered] = []

    def command(self, name: str | None = None, **kwargs: Any) -> Callable[[Any], Any]:
        def register(fn: Callable[..., Any]) -> Callable[..., Any]:
            self.registered_commands.append(Registered(name, fn, kwargs))
            return fn

        return register

    def typer(self) -> Any:
        """A new ``typer.Typer`` with every command registered so far."""
        import typer

        from repair.cli.common import hide_flag_types

        hide_flag_types()
        built = typer.Typer(**self.settings)
        for c in self.registered_commands:
            built.command(c.name, **c.kwargs)(for_typer(c.callback))
        return built


def for_typer(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` as typer must see it: its :class:`Param` declarations turned into typer's,
    and :class:`Exit` into ``typer.Exit``."""
    import typer

    hints = typing.get_type_hints(fn, include_extras=True)
    sig = inspect.signature(fn)
    params = []
    annotations: dict[str, Any] = {}
    for name, p in sig.parameters.items():
        hint = hints.get(name, p.annotation)
        if typing.get_origin(hint) is typing.Annotated:
            base, *meta = typing.get_args(hint)
            meta = [m.to_typer() if isinstance(m, Param) else m for m in meta]
            hint = typing.Annotated[(base, *meta)]  # type: ignore[valid-type]
        params.append(p.replace(annotation=hint))
        annotations[name] = hint
    annotations["return"] = hints.get("return", None)

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exit as exc:
            raise typer.Exit(exc.exit_code) from None

    del run.__wrapped__  # type: ignore[attr-defined]
    run.__signature__ = sig.replace(  # type: ignore[attr-defined]
        parameters=params, return_annotation=annotations["return"]
    )
    run.__annotations__ = annotations
    return run


app = Commands(
    name="repair",
    help=(
        "Find the damaged parts of an English text (spun synonyms, tortured phrases, "
        "OCR garble, mojibake) and put the original wording back, explaining every edit."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
