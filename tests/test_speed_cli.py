"""Start-up: what ``repair fix`` and ``repair --help`` import, and the argparse fast path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from repair.cli import app
from repair.cli.fast import option_names, parse, run_fast

ROOT = Path(__file__).resolve().parents[1]
SEED_CLEAN = next((ROOT / "seeds").glob("001_*.txt"))
SEED_SPUN = next((ROOT / "seeds").glob("000_*.txt"))


def _imported(*args: str) -> set[str]:
    """Modules a fresh ``python -m repair ARGS`` process imports (from -X importtime)."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "repair", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    return {
        line.rsplit("|", 1)[1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def test_fix_imports_no_typer_coercion_batch_bench_ray_or_rich_tables() -> None:
    mods = _imported("fix", str(SEED_CLEAN), "-q")
    assert "repair.pipeline" in mods  # the check can see imports at all
    for heavy in ("pydantic", "repair.batch", "repair.bench", "ray", "rich.table"):
        assert heavy not in mods, heavy


def test_help_loads_no_model() -> None:
    mods = _imported("--help")
    assert "typer" in mods
    for heavy in ("pocketsphinx", "repair.resources.lm", "symspellpy", "ftfy", "wordfreq"):
        assert heavy not in mods, heavy


def test_fast_path_option_names_are_typers() -> None:
    """Every option of a command the fast path takes has the names typer gives it."""
    command = typer.main.get_command(app)
    checked = 0
    for info in app.registered_commands:
        name = info.name or info.callback.__name__
        if parse(info.callback, []) is None and name != "fix":
            continue  # not a fast-path command (the fast path returns None: typer runs)
        import inspect
        import typing

        hints = typing.get_type_hints(info.callback, include_extras=True)
        click_params = {p.name: p for p in command.commands[name].params}
        for pname in inspect.signature(info.callback).parameters:
            meta = typing.get_args(hints[pname])[1]
            if isinstance(meta, typer.models.ArgumentInfo):
                continue
            on, off = option_names(pname, meta, typing.get_args(hints[pname])[0] is bool)
            p = click_params[pname]
            assert sorted(on) == sorted(p.opts), pname
            assert sorted(off) == sorted(p.secondary_opts), pname
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize(
    "args",
    [
        [str(SEED_CLEAN), "-q"],
        [str(SEED_SPUN), "--min-confidence", "0.7", "--only", "spin", "--only", "ocr"],
        [str(SEED_SPUN), "--check", "-q"],
        [str(SEED_SPUN), "--report", "json", "-r", str(SEED_CLEAN), "--reflow"],
        [str(SEED_SPUN), "--only", "nonsense"],
    ],
)
def test_fast_path_runs_fix_as_typer_does(args: list[str], capfd: pytest.CaptureFixture) -> None:
    code = run_fast(app, "fix", args)
    fast = capfd.readouterr()
    result = CliRunner().invoke(app, ["fix", *args])
    assert code == result.exit_code
    assert fast.out == result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--min-confidence", "2", "x.txt"],  # out of range: typer's message
        ["--report", "pdf", "x.txt"],  # not a choice
        ["--no-such-option", "x.txt"],
        [],  # missing FILE
        ["a.txt", "b.txt"],
    ],
)
def test_fast_path_leaves_help_and_bad_usage_to_typer(args: list[str]) -> None:
    assert run_fast(app, "fix", args) is None


@pytest.mark.parametrize(
    "args",
    [
        [str(SEED_CLEAN), str(SEED_SPUN)],
        [str(SEED_SPUN), "--json", "-r", str(SEED_CLEAN)],
    ],
)
def test_fast_path_runs_scan_as_typer_does(args: list[str], capfd: pytest.CaptureFixture) -> None:
    code = run_fast(app, "scan", args)
    fast = capfd.readouterr()
    result = CliRunner().invoke(app, ["scan", *args])
    assert code == result.exit_code
    assert fast.out == result.stdout


_TOKENS = (
    "- -- -q -o out.txt FILE x.txt --check --report json --min-confidence 0.5 -0.5 --only ocr "
    "spin --no-profile --profile --lexicon a.tsv --window-chars 300000 --out=x -qo --bogus"
).split() + [""]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=7))
def test_plain_argument_lists_read_as_argparse_reads_them(args: list[str]) -> None:
    """:func:`repair.cli.fast._plain` (no argparse) gives argparse's values or declines."""
    from repair.cli import fast
    from repair.cli.fix import fix

    specs = fast._spec(fix)
    plain = fast._plain(specs, args)
    parser = fast._parser()
    for s in specs:
        if s["argument"]:
            parser.add_argument(s["name"], nargs=None if s["required"] else "?")
        elif s["bool"]:
            parser.add_argument(*s["on"], dest=s["name"], action="store_const", const=True)
            if s["off"]:
                parser.add_argument(*s["off"], dest=s["name"], action="store_const", const=False)
        else:
            action = "append" if s["multiple"] else "store"
            parser.add_argument(*s["on"], dest=s["name"], action=action)
    try:
        ns = vars(parser.parse_args(list(args)))
    except Exception:  # argparse refuses: the plain reading must decline too
        assert plain is None
        return
    if plain is not None:
        assert {k: plain.get(k) for k in ns} == ns


def test_fix_of_a_file_imports_no_argparse() -> None:
    assert "argparse" not in _imported("fix", str(SEED_CLEAN), "-q", "-o", "/dev/null")
