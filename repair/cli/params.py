"""Command parameters declared without importing typer.

``typer.Option(...)`` / ``typer.Argument(...)`` need typer (and click) imported:
~40 ms of a ``repair fix`` that the argparse fast path (:mod:`repair.cli.fast`)
does not otherwise need.  A command declares its parameters with :class:`Option`
and :class:`Argument` here instead, with exactly typer's arguments; the fast path
reads them as they are, and :meth:`repair.cli.app.Commands.typer` turns each into
the typer object (:meth:`Param.to_typer`) when typer runs the command.

:class:`Exit` is the exit a command raises; under typer it becomes ``typer.Exit``.
"""

from __future__ import annotations

from typing import Any


class Exit(Exception):  # noqa: N818 - named as typer.Exit, which it stands for
    """Stop the command with ``exit_code`` (``typer.Exit`` under typer)."""

    def __init__(self, code: int = 0) -> None:
        super().__init__(code)
        self.exit_code = code


class Param:
    """A parameter declaration: typer's positional ``param_decls`` and keywords."""

    is_argument = False

    def __init__(self, *param_decls: str, **kwargs: Any) -> None:
        self.param_decls = param_decls
        self.kwargs = kwargs

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.kwargs.get(name)  # min, max, help...: None when not given

    def to_typer(self) -> Any:
        """The equivalent ``typer.Option`` / ``typer.Argument``."""
        import typer

        make = typer.Argument if self.is_argument else typer.Option
        return make(*self.param_decls, **self.kwargs)


class Option(Param):
    """``typer.Option(*param_decls, **kwargs)``, built when typer needs it."""


class Argument(Param):
    """``typer.Argument(**kwargs)``, built when typer needs it."""

    is_argument = True


__all__ = ["Argument", "Exit", "Option", "Param"]
