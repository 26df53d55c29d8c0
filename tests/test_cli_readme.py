"""The README's first commands work as pasted (issue 16): a virtualenv in one line (PEP 668
systems refuse a bare pip), the test command CI runs, and example outputs git-ignored."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT


def _first_block() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"```bash\n(.*?)```", text, re.S)
    assert block is not None
    return [ln.split("#", 1)[0].strip() for ln in block.group(1).splitlines() if ln.strip()]


def test_install_line_creates_and_uses_a_virtualenv_in_one_line() -> None:
    install, test = _first_block()[:2]
    steps = [s.strip() for s in install.split("&&")]
    assert re.fullmatch(r"python3? -m venv (\S+)", steps[0]), install
    venv = steps[0].split()[-1]
    assert steps[1] in (f". {venv}/bin/activate", f"source {venv}/bin/activate"), install
    assert steps[2].startswith("pip install -e ") or steps[2].startswith("python -m pip install")
    assert test == "python -m pytest -q"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "\npython -m pytest -q\n" in ci


def test_readme_example_outputs_are_git_ignored() -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    for name in ("repaired.txt", "report.html"):
        proc = subprocess.run(
            ["git", "check-ignore", "-q", name], cwd=ROOT, capture_output=True, timeout=30
        )
        assert proc.returncode == 0, f"{name} is not git-ignored"
