"""Is the OCR stage's Python glue reachable by compiling it?  (issue 14, session 42)

Usage::

    pip install --target /tmp/cy "cython>=3"        # not a dependency of the project
    PYTHONPATH=/tmp/cy python benchmarks/cython_probe.py /tmp/cytree
    PYTHONPATH=/tmp/cytree python benchmarks/... (any timing, e.g. a ``repair_text`` run)

Copies the checkout's committed files (``git archive HEAD``) and its built extensions to
``DEST``, then compiles every module of ``repair/`` except the packages' ``__init__`` and
the CLI, batch, bench, serve, report and integration code (about 200 modules) with
Cython, untyped (``annotation_typing=False``: a ``float`` annotation must not become a C
double), ``-O1 -ffp-contract=off`` (no fused products: the same floats).  Python imports a
``.so`` before the ``.py`` beside it, so ``DEST`` runs the compiled modules.

Two constructs of the source do not compile as they are; the copy is patched (the same
behaviour): ``del walk`` of a closure that refers to itself (Cython cannot delete a name a
nested scope reads: ``walk = None`` breaks the cycle as well), and the tuple unpacking of
``self._num[i : i + self._N]`` in :class:`repair.score.ocr.DecisionMemo` (a Cython 3.3
compiler crash: the slice is bound to a name first).

Session 42 (speed42): the whole run on the 100 k-word OCR text is 2-3 % faster than the
same code interpreted (paired runs, load 12-16; +19 MB peak for 34 MB of code), with the
same output there and on 300 k clean words, but the compiled tree segfaulted in the compiled
``repair/score/ocr_overlap`` on 1 M OCR words (not investigated).  Untyped compilation removes only
the bytecode dispatch; the glue's cost is the same C-API calls (dict and attribute
look-ups, calls of Python functions, new objects), which CPython 3.11's specialising
interpreter already makes cheap.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import sysconfig
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The packages compiled (their ``__init__`` modules are not).
PATTERNS = (
    "repair/candidates/*.py",
    "repair/score/*.py",
    "repair/detect/*.py",
    "repair/resources/*.py",
    "repair/stages/*.py",
    "repair/types.py",
    "repair/document.py",
    "repair/tokenize.py",
    "repair/write.py",
    "repair/decisions.py",
    "repair/text_utils.py",
    "repair/normalize.py",
)
#: Source patches (file, old, new) Cython needs: the same behaviour.
PATCHES = (
    ("repair/score/ocr_channel.py", "    del walk\n", "    walk = None\n"),
    (
        "repair/score/ocr_channel.py",
        "    del walk  # the closure refers to itself (see confusion_variants)\n",
        "    walk = None\n",
    ),
    (
        "repair/score/ocr.py",
        "        m, c, g, cost, t = self._num[i : i + self._N]\n",
        "        _v = self._num[i : i + self._N]\n        m, c, g, cost, t = _v\n",
    ),
)


def _copy(dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "archive", "HEAD"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    for so in glob.glob(str(ROOT / "repair" / "**" / "_*.so"), recursive=True):
        target = dest / Path(so).relative_to(ROOT)
        shutil.copy2(so, target)
    for name, old, new in PATCHES:
        path = dest / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _compile(c_file: str, include: str) -> str:
    so = c_file[: -len(".c")] + sysconfig.get_config_var("EXT_SUFFIX")
    cmd = ["gcc", "-shared", "-fPIC", "-O1", "-g0", "-fwrapv", "-ffp-contract=off", "-DNDEBUG"]
    subprocess.run([*cmd, "-w", f"-I{include}", c_file, "-o", so], check=True)
    return so


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        raise SystemExit(__doc__)
    from Cython.Build import cythonize  # not a dependency: see the module doc

    dest = Path(args[0]).resolve()
    _copy(dest)
    os.chdir(dest)
    mods = sorted(p for pat in PATTERNS for p in glob.glob(pat) if not p.endswith("__init__.py"))
    directives = {"language_level": 3, "annotation_typing": False, "binding": True}
    cythonize(mods, nthreads=2, quiet=True, compiler_directives=directives)
    include = sysconfig.get_paths()["include"]
    with ThreadPoolExecutor(2) as pool:
        done = list(pool.map(lambda p: _compile(p[:-3] + ".c", include), mods))
    print(f"{len(done)} modules compiled under {dest}")


if __name__ == "__main__":
    main()
