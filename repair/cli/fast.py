"""A fast path for running one command: argparse instead of typer's parser (and for the
plainest argument lists, :func:`_plain`, not even argparse's).

typer (0.2x) coerces every parameter through a pydantic ``TypeAdapter``: importing
pydantic and building the adapters costs about 0.13-0.18 s, more than a whole
``repair fix`` of a short file.  :func:`run_fast` reads the command's own typer
declaration (the ``Annotated[..., typer.Option(...)]`` hints of its function),
builds an equivalent argparse parser and calls the function directly.

It handles only the plain shapes our commands use (``str``, ``int``, ``float``
with ``min``/``max``, ``Path``, an ``Enum``, ``bool`` flags, ``list[...]``
options, each optionally ``| None``).  Anything else, ``--help``, and every
argument list it cannot parse or convert returns ``None``: the caller then runs
typer, which parses again and gives its usual messages and exit codes.  A test
(tests/test_speed_cli.py) checks that the option names derived here are the
ones typer builds.
"""

from __future__ import annotations

import inspect
import os
import sys
import types
import typing
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import Any

from repair.cli.params import Exit, Param

_SCALARS = (str, int, float, Path)


class _Unsupported(Exception):
    """The declaration or the arguments need typer itself."""


def _parser() -> Any:
    """An argparse parser that raises :class:`_Unsupported` instead of printing and
    exiting (typer will); argparse is imported here, for argument lists
    :func:`_plain` does not read."""
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> typing.NoReturn:
            raise _Unsupported(message)

    return _Parser(add_help=False, allow_abbrev=False, exit_on_error=False)


def _plain(specs: list[dict[str, Any]], args: Sequence[str]) -> dict[str, Any] | None:
    """What argparse's parser of ``specs`` gives for ``args`` (each parameter's raw value,
    ``None`` when absent), for the plainest argument lists only: every option spelled in
    full, a value-taking option followed by its value, no value or positional starting
    with ``-`` (``-`` alone is a positional), every positional single and required, as
    many given as declared.  ``None`` for any other list: argparse reads it.  Argparse's
    parser and its help formatter (which imports shutil) cost ~22 M instructions, 2 % of
    a cold start (issue 14, session 18)."""
    options: dict[str, tuple[dict[str, Any], bool]] = {}
    positional: list[str] = []
    for s in specs:
        if s["argument"]:
            if s["multiple"] or not s["required"]:
                return None
            positional.append(s["name"])
        else:
            options.update({o: (s, True) for o in s["on"]})
            options.update({o: (s, False) for o in s["off"]})
    raw: dict[str, Any] = {}
    given: list[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a.startswith("-") and a != "-":
            hit = options.get(a)
            if hit is None:
                return None  # "--x=v", "-qo", "--", a negative number: argparse's rules
            s, on = hit
            if s["bool"]:
                raw[s["name"]] = on
            else:
                i += 1
                if i >= len(args) or args[i].startswith("-"):
                    return None
                if s["multiple"]:
                    raw.setdefault(s["name"], []).append(args[i])
                else:
                    raw[s["name"]] = args[i]
        else:
            given.append(a)
        i += 1
    if len(given) != len(positional):
        return None
    raw.update(zip(positional, given, strict=True))
    return raw


def _strip_optional(tp: Any) -> Any:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != 1:
            raise _Unsupported(f"union {tp}")
        return args[0]
    return tp


def _leaf(tp: Any) -> Any:
    if tp in _SCALARS or (isinstance(tp, type) and issubclass(tp, Enum)):
        return tp
    raise _Unsupported(f"type {tp}")


def option_names(name: str, info: Any, is_bool: bool) -> tuple[list[str], list[str]]:
    """The option strings typer gives a parameter: (on, off), ``off`` only for ``--x/--no-x``."""
    decls = list(info.param_decls or ())
    if isinstance(info.default, str) and info.default.startswith("-"):
        decls.insert(0, info.default)
    if not decls:
        flag = "--" + name.replace("_", "-")
        return ([flag], ["--no-" + name.replace("_", "-")] if is_bool else [])
    on: list[str] = []
    off: list[str] = []
    for d in decls:
        if "/" in d:
            a, b = d.split("/", 1)
            on.append(a.strip())
            off.append(b.strip())
        else:
            on.append(d)
    return on, off


def _param_info(meta: Sequence[Any]) -> tuple[Any, bool] | None:
    """The parameter declaration among ``meta``, and whether it is an argument: one of
    :mod:`repair.cli.params` or, in a typer-built command, typer's own."""
    for m in meta:
        if isinstance(m, Param):
            return m, m.is_argument
    tm = sys.modules.get("typer.models")
    if tm is not None:
        for m in meta:
            if isinstance(m, tm.ParameterInfo):
                return m, isinstance(m, tm.ArgumentInfo)
    return None


def _spec(fn: Callable[..., Any]) -> list[dict[str, Any]]:
    hints = typing.get_type_hints(fn, include_extras=True)
    specs = []
    for name, param in inspect.signature(fn).parameters.items():
        hint = hints.get(name)
        if typing.get_origin(hint) is not typing.Annotated:
            raise _Unsupported(f"{name}: not Annotated")
        base, *meta = typing.get_args(hint)
        found = _param_info(meta)
        if found is None:
            raise _Unsupported(f"{name}: no typer metadata")
        info, is_argument = found
        for attr in ("callback", "parser", "click_type", "envvar", "prompt", "is_eager"):
            if getattr(info, attr, None):
                raise _Unsupported(f"{name}: {attr}")
        if getattr(info, "count", False):
            raise _Unsupported(f"{name}: count")
        tp = _strip_optional(base)
        multiple = typing.get_origin(tp) is list
        if multiple:
            tp = typing.get_args(tp)[0]
        is_bool = tp is bool
        if not is_bool:
            tp = _leaf(tp)
        default = None if param.default is inspect.Parameter.empty else param.default
        spec = {
            "name": name,
            "type": tp,
            "multiple": multiple,
            "bool": is_bool,
            "default": default,
            "min": getattr(info, "min", None),
            "max": getattr(info, "max", None),
            "argument": is_argument,
            "required": param.default is inspect.Parameter.empty,
        }
        if spec["argument"]:
            if is_bool:
                raise _Unsupported(f"{name}: bool argument")
        else:
            spec["on"], spec["off"] = option_names(name, info, is_bool)
        specs.append(spec)
    return specs


def _convert(spec: dict[str, Any], raw: str) -> Any:
    tp = spec["type"]
    try:
        value = tp(raw)
    except ValueError as exc:  # a bad number or Enum value: typer says so
        raise _Unsupported(str(exc)) from None
    if tp in (int, float):
        if spec["min"] is not None and value < spec["min"]:
            raise _Unsupported("below min")
        if spec["max"] is not None and value > spec["max"]:
            raise _Unsupported("above max")
    return value


def parse(fn: Callable[..., Any], args: Sequence[str]) -> dict[str, Any] | None:
    """Keyword arguments for ``fn`` from ``args``, or None when typer must parse them."""
    if any(a in ("--help", "--install-completion", "--show-completion") for a in args):
        return None
    try:
        specs = _spec(fn)
        plain = _plain(specs, args)
        if plain is not None:
            return _kwargs(specs, plain)
        parser = _parser()
        for s in specs:
            dest = s["name"]
            if s["argument"]:
                if s["multiple"]:
                    nargs = "+" if s["required"] else "*"
                else:
                    nargs = None if s["required"] else "?"
                parser.add_argument(dest, nargs=nargs)
            elif s["bool"]:
                parser.add_argument(*s["on"], dest=dest, action="store_const", const=True)
                if s["off"]:
                    parser.add_argument(*s["off"], dest=dest, action="store_const", const=False)
            else:
                action = "append" if s["multiple"] else "store"
                parser.add_argument(*s["on"], dest=dest, action=action)
        ns = parser.parse_args(list(args))
        return _kwargs(specs, {s["name"]: getattr(ns, s["name"], None) for s in specs})
    except (_Unsupported, TypeError):
        return None
    except Exception as exc:  # argparse.ArgumentError (argparse imported only if needed)
        if type(exc).__name__ == "ArgumentError" and type(exc).__module__ == "argparse":
            return None
        raise


def _kwargs(specs: list[dict[str, Any]], raw: dict[str, Any]) -> dict[str, Any]:
    """The function's keyword arguments from each parameter's raw value (``None``: absent)."""
    kwargs: dict[str, Any] = {}
    for s in specs:
        value = raw.get(s["name"])
        if value is None or value == []:
            kwargs[s["name"]] = s["default"]
        elif s["bool"]:
            kwargs[s["name"]] = value
        elif s["multiple"]:
            kwargs[s["name"]] = [_convert(s, r) for r in value]
        else:
            kwargs[s["name"]] = _convert(s, value)
    return kwargs


def run_fast(app: Any, command: str, args: Sequence[str]) -> int | None:
    """Run ``command`` of ``app`` (the command registry, or the typer application built
    from it) on ``args`` without typer's parser.

    Returns the exit code, or None (nothing was run) when typer must handle it.
    """
    info = next(
        (
            c
            for c in app.registered_commands
            if (c.name or c.callback.__name__.replace("_", "-")) == command
        ),
        None,
    )
    if info is None or info.callback is None:
        return None
    kwargs = parse(info.callback, args)
    if kwargs is None:
        return None
    try:
        info.callback(**kwargs)
    except Exit as exc:
        return exc.exit_code
    except (KeyboardInterrupt, EOFError):  # as click's standalone mode does
        print("\nAborted!", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `repair fix x | head`: quiet, like click
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - no flush error at exit
        except OSError:
            pass
        return 1
    except Exception as exc:  # typer.Exit, from a typer-built command (not imported here)
        if type(exc).__name__ == "Exit" and isinstance(getattr(exc, "exit_code", None), int):
            return exc.exit_code
        raise
    return 0
