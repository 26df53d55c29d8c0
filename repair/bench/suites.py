"""Benchmark suites: aligned pairs (damaged text, clean gold) in every format we read.

Formats:

* a **folder** of ``NAME.damaged.txt`` / ``NAME.clean.txt`` pairs (``benchmarks/suites/spin/``);
* a **JSON Lines** file, one ``{"damaged": ..., "clean": ..., "name": ...}`` object a line;
* the **ICDAR 2017** post-OCR files: line 1 ``[OCR_toInput] ...`` (the damaged text), line 3
  ``[ GS_aligned] ...`` (the gold, aligned char by char with line 2: ``@`` pads gaps, ``#``
  marks gold the competition did not align and did not score; we drop those parts too);
* ftfy's **mojibake** cases (``original`` → ``fixed-encoding`` or ``fixed``);
* **clean** text (damaged == clean: nothing may change).

A built-in suite whose data is missing comes back with ``skipped`` set to a
sentence saying what is missing and how to provide it; it never raises.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: The built-in suites, in report order.
#: ``spin``: a WordNet spinner (a spinner we do not know); ``spin_same``: simulated
#: articles of the seed's spinner (benchmarks/spinner_sim.py; half its habits held out).
BUILTIN_SUITES: tuple[str, ...] = ("spin", "spin_same", "tortured", "ocr", "mojibake", "clean")
#: Where the ICDAR 2017 English monographs are looked for (relative to the repo or the CWD).
DEFAULT_ICDAR = Path("..") / "shared" / "data" / "ocr" / "icdar2017_eng_monograph"
DEFAULT_MOJIBAKE = Path("..") / "shared" / "data" / "mojibake"
#: ICDAR default caps: the evaluation set is ~760 k characters; this keeps a run affordable.
DEFAULT_ICDAR_FILES = 20
DEFAULT_ICDAR_CHARS = 3000
#: ICDAR segments shorter than this (characters) are dropped: too little context to score.
_MIN_SEGMENT_CHARS = 40
_MOJIBAKE_FILES = (
    "in-the-wild.json",
    "synthetic.json",
    "language-names.json",
    "known-failures.json",
    "negative.json",
)


class SuiteError(ValueError):
    """A user-given suite cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class Pair:
    """One damaged text and its clean gold; ``references`` are passed to our tool only."""

    name: str
    damaged: str
    clean: str
    references: tuple[str, ...] = ()
    meta: dict[str, object] = field(default_factory=dict, hash=False, compare=False)


@dataclass
class Suite:
    name: str
    pairs: list[Pair] = field(default_factory=list)
    #: why the suite was not run (missing data), or ``""``
    skipped: str = ""
    #: what was capped or left out, in words, for the report
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


def repo_root() -> Path:
    """The checkout this package lives in (the parent of ``repair/``)."""
    return Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """The shared data folder: ``$REPAIR_SHARED``, else ``../shared`` beside the checkout
    (or beside a worktree's parent folder)."""
    env = os.environ.get("REPAIR_SHARED")
    if env:
        return Path(env)
    root = repo_root()
    for base in (root.parent / "shared", root.parent.parent / "shared"):
        if base.is_dir():
            return base
    return root.parent / "shared"


def resolve_data_path(path: Path) -> Path | None:
    """``path`` as given if absolute or found from the CWD, else relative to the repo; or None."""
    if path.is_absolute():
        return path if path.exists() else None
    for base in (Path.cwd(), repo_root()):
        candidate = (base / path).resolve()
        if candidate.exists():
            return candidate
    return None


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# ---------------------------------------------------------------- user formats


def load_folder(path: Path, name: str | None = None) -> Suite:
    """Every ``NAME.damaged.txt`` with a ``NAME.clean.txt`` beside it, sorted by name."""
    suite = Suite(name or path.name, sources=[str(path)])
    damaged = sorted(path.glob("*.damaged.txt"))
    if not damaged:
        raise SuiteError(f"{path}: no NAME.damaged.txt / NAME.clean.txt pairs in this folder")
    orphans = []
    for d in damaged:
        stem = d.name[: -len(".damaged.txt")]
        c = d.with_name(f"{stem}.clean.txt")
        if not c.is_file():
            orphans.append(d.name)
            continue
        suite.pairs.append(Pair(stem, _read(d), _read(c), meta={"file": str(d)}))
    if orphans:
        suite.notes.append(f"{len(orphans)} damaged file(s) without a .clean.txt left out")
    return suite


def load_jsonl(path: Path, name: str | None = None) -> Suite:
    """A JSON Lines file: each line an object with ``damaged`` and ``clean`` (``name`` optional)."""
    suite = Suite(name or path.stem, sources=[str(path)])
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SuiteError(f"{path}:{lineno}: not JSON ({exc.msg})") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("damaged"), str):
                raise SuiteError(f"{path}:{lineno}: needs string fields 'damaged' and 'clean'")
            if not isinstance(obj.get("clean"), str):
                raise SuiteError(f"{path}:{lineno}: needs string fields 'damaged' and 'clean'")
            refs = obj.get("references") or []
            if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
                raise SuiteError(f"{path}:{lineno}: 'references' must be a list of strings")
            pair_name = str(obj.get("name") or f"{suite.name}:{lineno}")
            suite.pairs.append(Pair(pair_name, obj["damaged"], obj["clean"], tuple(refs)))
    if not suite.pairs:
        raise SuiteError(f"{path}: no pairs (expected JSON Lines with 'damaged' and 'clean')")
    return suite


def load_user_suite(path: Path) -> Suite:
    """A folder of pairs or a JSON Lines file (``--data``)."""
    if path.is_dir():
        return load_folder(path)
    if path.is_file():
        return load_jsonl(path)
    raise SuiteError(f"{path}: no such file or folder (give a folder of pairs or a .jsonl file)")


# ---------------------------------------------------------------- ICDAR 2017


def _cut_at_space(ocr: str, gold: str, limit: int) -> int:
    """The last aligned position <= limit where both strings have a space (or ``limit``)."""
    for i in range(min(limit, len(ocr)) - 1, max(0, limit - 400), -1):
        if ocr[i] == " " and gold[i] == " ":
            return i
    return limit


def icdar_pairs(path: Path, max_chars: int | None = DEFAULT_ICDAR_CHARS) -> tuple[list[Pair], int]:
    """The scored segments of one ICDAR file as pairs; also how many characters were cut off.

    Runs of ``#`` in the gold split the file: the competition excluded them from
    scoring, so we score the aligned parts between them.  ``max_chars`` caps the
    damaged characters taken from one file (cut at an aligned space).
    """
    lines = _read(path).split("\n")
    if len(lines) < 3 or not lines[0].startswith("[OCR_toInput] "):
        raise SuiteError(f"{path}: not an ICDAR 2017 file (line 1 must start with [OCR_toInput])")
    ocr = lines[1][len("[OCR_aligned] ") :]
    gold = lines[2][len("[ GS_aligned] ") :]
    if len(ocr) != len(gold):
        raise SuiteError(f"{path}: OCR and gold lines are not aligned (lengths differ)")
    total = len(ocr)
    if max_chars is not None and total > max_chars:
        total = _cut_at_space(ocr, gold, max_chars)
    pairs: list[Pair] = []
    i = 0
    while i < total:
        if gold[i] == "#":
            i += 1
            continue
        j = i
        while j < total and gold[j] != "#":
            j += 1
        damaged = ocr[i:j].replace("@", "").strip()
        clean = gold[i:j].replace("@", "").strip()
        if len(damaged) >= _MIN_SEGMENT_CHARS and clean:
            pairs.append(Pair(f"{path.stem}@{i}", damaged, clean, meta={"file": str(path)}))
        i = j
    dropped = len(lines[0]) - len("[OCR_toInput] ") - len(ocr[:total].replace("@", ""))
    return pairs, max(0, dropped)


def _icdar_order(p: Path) -> tuple[int, str]:
    return (int(p.stem) if p.stem.isdigit() else 10**9, p.stem)


def load_icdar(
    path: Path,
    max_files: int | None = DEFAULT_ICDAR_FILES,
    max_chars: int | None = DEFAULT_ICDAR_CHARS,
) -> Suite:
    suite = Suite("ocr", sources=[str(path)])
    files = sorted(path.glob("*.txt"), key=_icdar_order)
    if not files:
        suite.skipped = f"no ICDAR 2017 *.txt files in {path}"
        return suite
    used = files if max_files is None else files[:max_files]
    cut = 0
    for f in used:
        pairs, dropped = icdar_pairs(f, max_chars)
        suite.pairs.extend(pairs)
        cut += dropped
    if len(used) < len(files):
        suite.notes.append(f"ICDAR: {len(used)} of {len(files)} files (--icdar-files)")
    if cut:
        suite.notes.append(
            f"ICDAR: {cut:,} characters beyond {max_chars:,} a file left out (--icdar-chars)"
        )
    return suite


# ---------------------------------------------------------------- mojibake, clean


def load_mojibake(path: Path) -> Suite:
    """ftfy cases: ``original`` → ``fixed-encoding`` (or ``fixed``); negatives stay unchanged."""
    suite = Suite("mojibake", sources=[str(path)])
    for fname in _MOJIBAKE_FILES:
        f = path / fname
        if not f.is_file():
            continue
        for k, case in enumerate(json.loads(_read(f))):
            gold = case.get("fixed-encoding", case.get("fixed"))
            if not isinstance(gold, str):
                continue
            meta = {"file": fname, "label": case.get("label", ""), "expect": case.get("expect")}
            suite.pairs.append(Pair(f"{Path(fname).stem}:{k}", case["original"], gold, meta=meta))
    if not suite.pairs:
        suite.skipped = f"no ftfy test-case JSON files in {path}"
    return suite


def _seed_files(root: Path) -> list[Path]:
    return sorted((root / "seeds").glob("[0-9][0-9][0-9]_*.txt"))


def load_clean(root: Path, icdar: Path | None = None, icdar_docs: int = 5) -> Suite:
    """Text that must come out byte-identical: the pairs of ``benchmarks/suites/clean/``
    (made by ``benchmarks/make_clean_suite.py``; without it, seeds 001–004 alone), seeds
    001–004 with the other seeds as references, and the gold of a few ICDAR files."""
    suite = Suite("clean")
    folder = root / "benchmarks" / "suites" / "clean"
    has_folder = folder.is_dir() and any(folder.glob("*.damaged.txt"))
    if has_folder:
        loaded = load_folder(folder, "clean")
        suite.pairs.extend(loaded.pairs)
        suite.notes.extend(loaded.notes)
        suite.sources.append(str(folder))
    all_seeds = _seed_files(root)
    seeds = [s for s in all_seeds if not s.name.startswith("000_")]
    for s in seeds:
        text = _read(s)
        refs = tuple(_read(o) for o in all_seeds if o != s)
        if not has_folder:
            suite.pairs.append(Pair(f"seed{s.stem[:3]}", text, text, meta={"file": str(s)}))
        suite.pairs.append(Pair(f"seed{s.stem[:3]}+refs", text, text, refs, meta={"file": str(s)}))
    if seeds:
        suite.sources.append(f"{root / 'seeds'} (001-004, with the other seeds as references)")
    if icdar is not None and icdar_docs > 0:
        for f in sorted(icdar.glob("*.txt"), key=_icdar_order)[:icdar_docs]:
            for p in icdar_pairs(f, DEFAULT_ICDAR_CHARS)[0]:
                suite.pairs.append(Pair(f"icdar-gold-{p.name}", p.clean, p.clean))
        suite.sources.append(f"{icdar} (gold of the first {icdar_docs} files)")
    if not suite.pairs:
        suite.skipped = f"no clean text found (seeds/ or benchmarks/suites/clean/ under {root})"
    return suite


def _generated_folder(root: Path, name: str) -> Suite:
    folder = root / "benchmarks" / "suites" / name
    if not folder.is_dir() or not any(folder.glob("*.damaged.txt")):
        return Suite(
            name,
            skipped=f"no pairs in {folder} yet (NAME.damaged.txt / NAME.clean.txt; "
            "see benchmarks/README or the suite generator)",
        )
    return load_folder(folder, name)


def load_builtin(
    name: str,
    icdar_path: Path | None = None,
    mojibake_path: Path | None = None,
    icdar_files: int | None = DEFAULT_ICDAR_FILES,
    icdar_chars: int | None = DEFAULT_ICDAR_CHARS,
) -> Suite:
    """One built-in suite by name; missing data gives a skipped suite with the reason."""
    root = repo_root()
    if name in ("spin", "spin_same", "tortured"):
        return _generated_folder(root, name)
    if name == "ocr":
        icdar = resolve_data_path(icdar_path or DEFAULT_ICDAR)
        synth = _generated_folder(root, "ocr_synthetic")
        if icdar is None:
            suite = Suite("ocr")
            suite.notes.append(
                f"ICDAR 2017 data not found at {icdar_path or DEFAULT_ICDAR}: pass --icdar PATH"
            )
        else:
            suite = load_icdar(icdar, icdar_files, icdar_chars)
            if suite.skipped:
                suite.notes.append(suite.skipped)
                suite.skipped = ""
        if synth.skipped:
            suite.notes.append(synth.skipped)
        else:
            suite.pairs.extend(Pair(f"synthetic:{p.name}", p.damaged, p.clean) for p in synth.pairs)
            suite.sources.extend(synth.sources)
        if not suite.pairs:
            suite.skipped = "; ".join(suite.notes)
        return suite
    if name == "mojibake":
        path = resolve_data_path(mojibake_path or DEFAULT_MOJIBAKE)
        if path is None:
            return Suite(
                name, skipped=f"ftfy cases not found at {mojibake_path or DEFAULT_MOJIBAKE}"
            )
        return load_mojibake(path)
    if name == "clean":
        return load_clean(root, resolve_data_path(icdar_path or DEFAULT_ICDAR))
    raise SuiteError(f"unknown suite {name!r}; built-in suites: {', '.join(BUILTIN_SUITES)}")


def cap_pairs(suite: Suite, max_pairs: int | None) -> Suite:
    """Keep the first ``max_pairs`` pairs of ``suite`` (noting it); None keeps all."""
    if max_pairs is not None and len(suite.pairs) > max_pairs:
        suite.notes.append(f"{max_pairs} of {len(suite.pairs)} pairs (--max-pairs)")
        del suite.pairs[max_pairs:]
    return suite


def load_suites(
    names: Sequence[str],
    data: Sequence[Path] = (),
    max_pairs: int | None = None,
    **options: object,
) -> list[Suite]:
    """The named built-in suites (all of them if none are named and no ``data``), then user data."""
    chosen = list(names) or ([] if data else list(BUILTIN_SUITES))
    suites = [load_builtin(n, **options) for n in chosen]  # type: ignore[arg-type]
    suites.extend(load_user_suite(Path(os.fspath(p))) for p in data)
    return [cap_pairs(s, max_pairs) for s in suites]
