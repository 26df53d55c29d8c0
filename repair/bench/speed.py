"""Speed: start-up time and peak memory of one ``fix`` in a fresh process, per tool.

Throughput (words/s per core) is measured by the runner on the suites
themselves (CPU time of this process around each tool call, after a warm-up
call, so lazy loading is not counted there: start-up measures it).

Bytecode: a start-up is measured as an installed package runs, with every module's
bytecode already compiled (a wheel's install writes it): the processes share a temporary
``PYTHONPYCACHEPREFIX`` that one warm-up run fills first (:func:`measure_startup`).  An
editable install run under ``PYTHONDONTWRITEBYTECODE`` otherwise compiles ~170 modules
from source in every process (~0.4 s more); ``Startup.bytecode`` says which was measured.

Peak memory is the child's own high-water mark, ``VmHWM`` in ``/proc/self/status``,
which the child writes to a file at exit (:data:`_WRAPPER`).  ``ru_maxrss`` of the
child (from :func:`os.wait4`) is no good on Linux: a forked child inherits the
parent's maximum, so every tool would show this process's size.  Where ``/proc``
is missing (macOS) we fall back to ``ru_maxrss``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from repair.bench.suites import repo_root

#: Issue 2's performance requirement for ``repair fix`` on a seed article.
REQUIRED_WALL_S = 1.0
REQUIRED_PEAK_MB = 300.0


@dataclass
class Startup:
    tool: str
    command: str
    wall_s: float | None = None  # best of the runs
    peak_mb: float | None = None  # largest of the runs
    cpu_s: float | None = None  # user + system CPU of the fastest run (robust on a busy machine)
    runs: tuple[float, ...] = ()
    error: str = ""
    #: how the measured processes found their bytecode (:func:`bytecode_note`)
    bytecode: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "tool": self.tool,
            "command": self.command,
            "wall_s": None if self.wall_s is None else round(self.wall_s, 4),
            "peak_mb": None if self.peak_mb is None else round(self.peak_mb, 1),
            "cpu_s": None if self.cpu_s is None else round(self.cpu_s, 4),
            "runs": [round(r, 4) for r in self.runs],
            "error": self.error,
            "bytecode": self.bytecode,
        }


#: Python source that makes a child process write its own peak RSS (``VmHWM``, KB) at exit
#: to the file named by ``HWM_FILE`` (a name the rest of the child's script defines first).
HWM_AT_EXIT = """\
import atexit
def _hwm():
    try:
        with open('/proc/self/status') as f:
            kb = next(line.split()[1] for line in f if line.startswith('VmHWM:'))
        with open(HWM_FILE, 'w') as f:
            f.write(kb)
    except (OSError, StopIteration):
        pass
atexit.register(_hwm)
"""

#: Runs a module as ``python -m`` would and writes the process's VmHWM (kB) to argv[1] at exit.
_WRAPPER = (
    """\
import runpy, sys
HWM_FILE = sys.argv[1]
"""
    + HWM_AT_EXIT
    + """\
sys.argv = sys.argv[2:]
runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)
"""
)


def fix_command(tool: str, path: Path) -> list[str]:
    """The fresh-process command that fixes ``path`` with ``tool``."""
    if tool == "repair":
        return [sys.executable, "-m", "repair", "fix", str(path)]
    return [sys.executable, "-m", "repair.bench.peers", tool, str(path)]


def _shown(cmd: list[str]) -> str:
    parts = ["python" if c == sys.executable else c for c in cmd]
    try:
        parts = [os.path.relpath(p) if os.path.isabs(p) and os.path.exists(p) else p for p in parts]
    except ValueError:  # different drive on Windows
        pass
    return " ".join(f"'{p}'" if " " in p else p for p in parts)


#: What :attr:`Startup.bytecode` says of a measurement with the bytecode compiled first.
BYTECODE_CACHED = "bytecode cached (compiled into a temporary pycache prefix by a warm-up run)"


def bytecode_note(env: Mapping[str, str] | None = None) -> str:
    """How a process started with ``env`` (this one's by default) finds its bytecode."""
    env = os.environ if env is None else env
    if env.get("PYTHONPYCACHEPREFIX"):
        return f"bytecode in the pycache prefix {env['PYTHONPYCACHEPREFIX']}"
    if env.get("PYTHONDONTWRITEBYTECODE"):
        return (
            "PYTHONDONTWRITEBYTECODE set: modules without a written .pyc "
            "(an editable install's) are compiled in every process"
        )
    return "bytecode as written next to the sources (cached after the first run)"


def bytecode_env(prefix: str) -> dict[str, str]:
    """The environment changes of a child that keeps its bytecode under ``prefix``."""
    return {"PYTHONPYCACHEPREFIX": prefix, "PYTHONDONTWRITEBYTECODE": ""}


def run_once(
    cmd: list[str], env_changes: Mapping[str, str] | None = None
) -> tuple[float, float, int, float]:
    """Wall seconds, peak resident MB, exit code and CPU seconds of one run of ``cmd``
    (a ``python -m ...`` command); ``env_changes``: variables set (an empty value
    removes one)."""
    assert cmd[1] == "-m", "run_once runs python -m MODULE commands"
    fd, hwm_file = tempfile.mkstemp(prefix="repair-bench-", suffix=".hwm")
    os.close(fd)
    cmd = [cmd[0], "-c", _WRAPPER, hwm_file, *cmd[2:]]
    env = dict(os.environ)
    for key, value in (env_changes or {}).items():
        if value:
            env[key] = value
        else:
            env.pop(key, None)
    root = str(repo_root())
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    try:
        with open(hwm_file, encoding="ascii") as fh:
            peak_mb = int(fh.read().strip()) / 1024
    except (OSError, ValueError):
        # ru_maxrss is in kilobytes on Linux, bytes on macOS
        peak_mb = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    finally:
        os.unlink(hwm_file)
    return wall, peak_mb, proc.returncode, usage.ru_utime + usage.ru_stime


def measure_startup(tool: str, path: Path, runs: int = 2, bytecode: bool = True) -> Startup:
    """Best wall time and largest peak memory of ``runs`` fresh processes fixing ``path``.

    ``bytecode``: as an installed package runs (module doc): the processes keep their
    bytecode in a temporary pycache prefix, filled by one warm-up run that is not
    counted; else as this environment has it (:func:`bytecode_note` says how)."""
    cmd = fix_command(tool, path)
    result = Startup(tool, _shown(cmd))
    if not bytecode:
        result.bytecode = bytecode_note()
        return _measured(result, cmd, runs, None)
    with tempfile.TemporaryDirectory(prefix="repair-pycache-") as prefix:
        changes = bytecode_env(prefix)
        if run_once(cmd, changes)[2] != 0:  # the warm-up: writes every module's bytecode
            result.error = "exit code of the warm-up run"
            return result
        result.bytecode = BYTECODE_CACHED
        return _measured(result, cmd, runs, changes)


def _measured(
    result: Startup, cmd: list[str], runs: int, changes: Mapping[str, str] | None
) -> Startup:
    """``result`` with the figures of ``runs`` runs of ``cmd``."""
    walls, peaks, cpus = [], [], []
    for _ in range(max(1, runs)):
        wall, peak, code, cpu = run_once(cmd, changes)
        if code != 0:
            result.error = f"exit code {code}"
            return result
        walls.append(wall)
        peaks.append(peak)
        cpus.append(cpu)
    result.runs = tuple(walls)
    result.wall_s = min(walls)
    result.cpu_s = cpus[walls.index(result.wall_s)]
    result.peak_mb = max(peaks)
    return result


def requirement(ours: Startup) -> dict[str, object]:
    """Issue 2: ``repair fix`` on a seed in < 1 s wall and < 300 MB peak."""
    ok = (
        ours.wall_s is not None
        and ours.peak_mb is not None
        and ours.wall_s < REQUIRED_WALL_S
        and ours.peak_mb < REQUIRED_PEAK_MB
    )
    return {
        "requirement": f"repair fix on a seed: < {REQUIRED_WALL_S:g} s wall, "
        f"< {REQUIRED_PEAK_MB:g} MB peak",
        "wall_s": ours.wall_s,
        "peak_mb": ours.peak_mb,
        "bytecode": ours.bytecode,
        "pass": bool(ok),
    }


# --- The speed suite: throughput and peak memory by kind of text and size -------------
#
# ``repair bench speed`` (issue 14).  Each measurement is one fresh process running
# ``repair fix FILE`` on a synthetic document of N words made by repeating the
# repository's own texts of one kind; its CPU seconds (user + system, from wait4)
# and peak RSS (VmHWM) are what a user pays, start-up included.  The peer is
# symspellpy used carefully (:func:`symspell_careful`): look-ups only for words its
# dictionary does not know, each distinct word once; measured the same way, in the
# same run, on the same files.

#: kind -> (folder or glob under the repository, file pattern): the texts repeated.
SPEED_SOURCES: dict[str, tuple[str, ...]] = {
    "clean": ("seeds/00[1-4]_*.txt", "benchmarks/suites/clean/*.clean.txt"),
    "spun": ("seeds/000_*.txt", "benchmarks/suites/spin_same/*.damaged.txt"),
    # OCR: distinct clean texts, each damaged afresh (see :func:`ocr_speed_text`)
    "ocr": ("seeds/00[1-4]_*.txt", "benchmarks/suites/clean/*.clean.txt"),
}
#: Random seed of the OCR noise of the speed suite (round ``r`` uses ``OCR_NOISE_SEED + r``).
OCR_NOISE_SEED = 20261130
SPEED_SIZES: tuple[int, ...] = (10_000, 100_000)
SPEED_BIG = 1_000_000
SPEED_START = "<!-- speed:start -->"
SPEED_END = "<!-- speed:end -->"


def speed_text(kind: str, words: int, root: Path | None = None) -> str:
    """A document of at least ``words`` words of ``kind``: its source texts, repeated.

    Documents are joined by a blank line, in sorted file order, round-robin, so
    every size mixes the same texts in the same proportions.
    """
    root = root or repo_root()
    if kind == "ocr":
        return ocr_speed_text(words, root)
    files: list[Path] = []
    for pattern in SPEED_SOURCES[kind]:
        files.extend(sorted(root.glob(pattern)))
    texts = [f.read_text(encoding="utf-8").strip("\n") for f in files]
    texts = [t for t in texts if t.strip()]
    if not texts:
        raise FileNotFoundError(f"no {kind} texts under {root} ({', '.join(SPEED_SOURCES[kind])})")
    parts: list[str] = []
    n = i = 0
    while n < words:
        t = texts[i % len(texts)]
        parts.append(t)
        n += len(t.split())
        i += 1
    return "\n\n".join(parts) + "\n"


def _ocr_noise(root: Path) -> Callable[[str, object], str]:
    """``damage(text, rng)`` of ``benchmarks/make_ocr_suite.py``: the suites' OCR noise."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "_repair_make_ocr_suite", root / "benchmarks" / "make_ocr_suite.py"
    )
    if spec is None or spec.loader is None:
        raise FileNotFoundError(root / "benchmarks" / "make_ocr_suite.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.damage  # type: ignore[no-any-return]


def ocr_speed_parts(words: int, root: Path | None = None) -> list[tuple[str, str]]:
    """The ``(clean, damaged)`` parts of :func:`ocr_speed_text`, in order.

    ``clean`` is the source text as read (outer newlines stripped), ``damaged`` its
    OCR-noised copy; :func:`ocr_speed_text` is the damaged parts joined by a blank line.
    The OCR audit (``benchmarks/ocr_audit.py``) scores a repair against the clean parts.
    """
    import random

    root = root or repo_root()
    files: list[Path] = []
    for pattern in SPEED_SOURCES["ocr"]:
        files.extend(sorted(root.glob(pattern)))
    texts = [f.read_text(encoding="utf-8").strip("\n") for f in files]
    texts = [t for t in texts if t.strip()]
    if not texts:
        raise FileNotFoundError(f"no clean texts under {root} ({', '.join(SPEED_SOURCES['ocr'])})")
    damage = _ocr_noise(root)
    parts: list[tuple[str, str]] = []
    n = i = 0
    rng = random.Random(OCR_NOISE_SEED)
    while n < words:
        if i and i % len(texts) == 0:
            rng = random.Random(OCR_NOISE_SEED + i // len(texts))
        clean = texts[i % len(texts)]
        t = damage(clean, rng).strip("\n")
        parts.append((clean, t))
        n += len(t.split())
        i += 1
    return parts


def ocr_speed_text(words: int, root: Path | None = None) -> str:
    """A synthetic OCR document of at least ``words`` words whose garble does not repeat.

    The clean texts of :data:`SPEED_SOURCES` ``["ocr"]`` (seeds 001–004 and the clean
    suite, about 27 k distinct words) are damaged with the OCR noise of the synthetic
    OCR suite (``benchmarks/make_ocr_suite.py``: glyph confusions, split and merged words,
    hard wraps with line-end hyphens).  Round ``r`` through the texts draws fresh noise
    (``random.Random(OCR_NOISE_SEED + r)``), so even past 27 k words the garbled tokens
    are mostly new, as on real OCR pages, and per-word caches cannot flatter the
    figure.  Deterministic and offline.  The parts with their clean sources:
    :func:`ocr_speed_parts`.
    """
    return "\n\n".join(damaged for _, damaged in ocr_speed_parts(words, root)) + "\n"


def symspell_careful(text: str) -> str:
    """symspellpy as a careful user runs it: only unknown words are looked up.

    Its bundled 82 k-word dictionary, ``max_dictionary_edit_distance=2``; words are
    runs of letters (inner apostrophes kept); a word its dictionary knows (lower
    case) or a contraction (the dictionary has none) is left alone; an unknown one
    gets ``lookup(..., Verbosity.TOP, 2)``, once per distinct word; the case of the
    first letter is carried over.
    """
    import re
    from importlib.resources import files

    from symspellpy import SymSpell, Verbosity

    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    base = files("symspellpy")
    dictionary = str(base / "frequency_dictionary_en_82_765.txt")
    sym.load_dictionary(dictionary, term_index=0, count_index=1)
    known = sym.words
    cache: dict[str, str] = {}

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        low = word.lower()
        if low in known or "'" in low or "’" in low:  # its dictionary has no contractions
            return word
        if low not in cache:
            found = sym.lookup(low, Verbosity.TOP, max_edit_distance=2)
            cache[low] = found[0].term if found else low
        best = cache[low]
        if best == low:
            return word
        return best[:1].upper() + best[1:] if word[:1].isupper() else best

    return re.sub(r"[^\W\d_]+(?:['’][^\W\d_]+)*", fix, text)


def _count_words(text: str) -> int:
    return len(text.split())


def run_speed(
    sizes: Sequence[int] = SPEED_SIZES,
    kinds: Sequence[str] = tuple(SPEED_SOURCES),
    peer: bool = True,
    tick: Callable[[str], None] | None = None,
) -> dict[str, object]:
    """Throughput (words per CPU second) and peak RSS of ``repair fix``, per kind and size."""
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="repair-speed-") as tmp:
        for kind in kinds:
            for size in sizes:
                text = speed_text(kind, size)
                path = Path(tmp) / f"{kind}_{size}.txt"
                path.write_text(text, encoding="utf-8")
                words = _count_words(text)
                row: dict[str, object] = {
                    "kind": kind,
                    "words": words,
                    "mb": round(len(text.encode("utf-8")) / 1e6, 2),
                }
                for tool, cmd in (
                    ("repair", [sys.executable, "-m", "repair", "fix", str(path), "-q"]),
                    ("symspellpy", [sys.executable, "-m", "repair.bench.speed", str(path)]),
                ):
                    if tool != "repair" and not peer:
                        continue
                    if tick:
                        tick(f"speed: {tool} {kind} {size:,}")
                    wall, peak, code, cpu = run_once(cmd)
                    row[tool] = {
                        "cpu_s": round(cpu, 3),
                        "wall_s": round(wall, 3),
                        "peak_mb": round(peak, 1),
                        "words_per_cpu_s": round(words / cpu) if cpu > 0 else None,
                        "error": "" if code == 0 else f"exit code {code}",
                    }
                ours, theirs = row.get("repair"), row.get("symspellpy")
                if isinstance(ours, dict) and isinstance(theirs, dict) and theirs["cpu_s"]:
                    row["cpu_ratio"] = round(ours["cpu_s"] / theirs["cpu_s"], 2)
                rows.append(row)
    by_kind: dict[str, list[dict[str, object]]] = {}
    for r in rows:
        by_kind.setdefault(str(r["kind"]), []).append(r)
    scaling = {}
    for kind, rs in by_kind.items():
        rs = sorted(rs, key=lambda r: r["words"])  # type: ignore[arg-type,return-value]
        for small, big in zip(rs, rs[1:], strict=False):
            a, b = small["repair"]["cpu_s"], big["repair"]["cpu_s"]  # type: ignore[index]
            if a:
                extra_words = big["words"] - small["words"]  # type: ignore[operator]
                scaling[f"{kind} {small['words']:,} -> {big['words']:,} words"] = {
                    "words_ratio": round(big["words"] / small["words"], 2),  # type: ignore[operator]
                    "cpu_ratio": round(b / a, 2),
                    # start-up and lazy loading cancel out: the cost of the extra words alone
                    "marginal_words_per_cpu_s": round(extra_words / (b - a)) if b > a else None,
                }
    return {
        "sources": {k: list(v) for k, v in SPEED_SOURCES.items()},
        "rows": rows,
        "scaling": scaling,
    }


def _fmt(x: object, spec: str = ",") -> str:
    if x is None or x == "":
        return "–"
    return format(x, spec) if isinstance(x, (int, float)) else str(x)


def speed_rows(result: dict) -> tuple[list[str], list[list[str]]]:
    """Table header and rows of a :func:`run_speed` result."""
    headers = [
        "text",
        "words",
        "MB",
        "repair CPU s",
        "repair words/s/core",
        "repair peak MB",
        "symspellpy CPU s",
        "symspellpy words/s/core",
        "symspellpy peak MB",
        "CPU ratio (repair / symspellpy)",
    ]
    out = []
    for r in result["rows"]:
        ours = r.get("repair") or {}
        theirs = r.get("symspellpy") or {}
        out.append(
            [
                r["kind"],
                _fmt(r["words"]),
                _fmt(r["mb"], ".2f"),
                _fmt(ours.get("cpu_s"), ".2f") + (f" ({ours['error']})" * bool(ours.get("error"))),
                _fmt(ours.get("words_per_cpu_s")),
                _fmt(ours.get("peak_mb"), ".0f"),
                _fmt(theirs.get("cpu_s"), ".2f"),
                _fmt(theirs.get("words_per_cpu_s")),
                _fmt(theirs.get("peak_mb"), ".0f"),
                _fmt(r.get("cpu_ratio"), ".1f"),
            ]
        )
    return headers, out


def speed_markdown(result: dict, command: str) -> str:
    """The speed-suite section of RESULTS.md, between its markers."""
    headers, rows = speed_rows(result)
    lines = [
        SPEED_START,
        "## Speed suite: clean, spun and OCR text by size",
        "",
        "Generated by `repair bench speed`; do not edit between the markers. Regenerate with:",
        "",
        "```",
        command,
        "```",
        "",
        "Each cell is one fresh process on a document of that many words, made by repeating "
        "the repository's texts of that kind (clean: seeds 001–004 and the clean suite; spun: "
        "seed 000 and `spin_same`). OCR does not repeat its garble: the same clean texts "
        "(about 27 k distinct words), each pass through them damaged afresh with the "
        "synthetic OCR suite's noise (`benchmarks/make_ocr_suite.py`, a new random seed per "
        "pass), so per-word caches cannot flatter it. CPU s = user + system seconds of the "
        "whole process (start-up included); words/s/core = words / CPU s; peak MB = the "
        "process's VmHWM. symspellpy runs in the same bench, on the same files, used "
        "carefully: its 82 k dictionary, `lookup` (distance 2) only for words it does not "
        "know, once per distinct word.",
        "",
        "| " + " | ".join(headers) + " |",
        "|" + "---|" * len(headers),
    ]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    if result.get("scaling"):
        lines += ["", "Scaling (repair CPU seconds, larger / smaller size; linear = words ratio):"]
        lines.append("")
        for k, v in result["scaling"].items():
            marginal = v.get("marginal_words_per_cpu_s")
            lines.append(
                f"* {k}: ×{v['words_ratio']} words → ×{v['cpu_ratio']} CPU"
                + (f"; the extra words alone: {marginal:,} words/s/core" if marginal else "")
            )
    if result.get("machine"):
        m = result["machine"]
        lines += [
            "",
            f"Measured {m.get('date')} at commit `{m.get('commit')}`: {m.get('cores')} cores "
            f"({m.get('cpu')}), Python {m.get('python')}, shared with other jobs.",
        ]
    lines.append(SPEED_END)
    return "\n".join(lines) + "\n"


def write_speed_md(path: Path, result: dict, command: str) -> None:
    """Replace (or append) the speed-suite section of ``path``; the rest is kept."""
    import re

    from repair.io import atomic_write

    section = speed_markdown(result, command)
    old = path.read_text(encoding="utf-8") if path.is_file() else "# Benchmark results\n"
    pattern = re.compile(re.escape(SPEED_START) + r".*?" + re.escape(SPEED_END) + r"\n?", re.DOTALL)
    if pattern.search(old):
        new = pattern.sub(lambda _m: section, old, count=1)
    else:
        new = old.rstrip("\n") + "\n\n" + section
    atomic_write(path, new)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m repair.bench.speed FILE``: symspellpy (careful) on FILE, to stdout."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m repair.bench.speed FILE", file=sys.stderr)
        return 2
    text = Path(args[0]).read_text(encoding="utf-8")
    sys.stdout.write(symspell_careful(text))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def speed_command(
    big: bool = False,
    json_out: Path | None = None,
    results_md: Path | None = None,
    quiet: bool = False,
) -> dict:
    """``repair bench speed``: run the suite, print the table, write JSON / RESULTS.md."""
    import json

    sizes = (*SPEED_SIZES, SPEED_BIG) if big else SPEED_SIZES
    command = "repair bench speed" + (" --speed-1m" if big else "")
    if results_md is not None:
        command += f" --results-md {results_md}"
    tick = None if quiet else (lambda what: print(what, file=sys.stderr, flush=True))
    result = run_speed(sizes, tick=tick)
    result["command"] = command
    from repair.bench.runner import machine_info

    result["machine"] = machine_info()
    if not quiet:
        headers, rows = speed_rows(result)
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
        for line in (headers, *rows):
            print("  ".join(c.rjust(w) for c, w in zip(line, widths, strict=True)))
    if json_out is not None:
        path = json_out.with_name(json_out.stem + "_speed.json")
        path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    if results_md is not None:
        write_speed_md(results_md, result, command)
    return result
