"""The shape of the package: no import cycles, and one declaration per stage."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

from repair.config import RepairConfig
from repair.stages import REGISTRY, edit_kinds
from repair.types import EDIT_KINDS, SCORE_FIELDS, DocScores

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "repair"


def _module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _load_time_imports(tree: ast.Module, name: str, is_package: bool, known: set[str]) -> set[str]:
    """Modules imported when ``name`` is imported: module level, not under TYPE_CHECKING."""
    found: set[str] = set()
    stack: list[ast.stmt] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If):
            if not _is_type_checking(node):
                stack.extend(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            stack.extend(node.body + node.orelse + node.finalbody)
            for h in node.handlers:
                stack.extend(h.body)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            subs = {f"{module}.{a.name}" for a in node.names}
            found.update(subs)
            # ``from pkg import sub`` inside pkg itself needs only pkg.sub: pkg/__init__
            # is already running (Python imports a missing attribute as a submodule)
            if not (name.startswith(module + ".") and subs <= known):
                found.add(module)
    return found


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """module -> the package's modules it imports at load time (a package's __init__ included)."""
    files = {_module_name(p, package.parent): p for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets = set()
        for imp in _load_time_imports(tree, name, path.name == "__init__.py", set(files)):
            if imp in files and imp != name:
                targets.add(imp)
            # importing a.b.c runs a/__init__ and a/b/__init__ first
            parts = imp.split(".")
            for k in range(1, len(parts)):
                parent = ".".join(parts[:k])
                if parent in files and parent != name and not name.startswith(parent + "."):
                    targets.add(parent)
        graph[name] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle (as a path that ends where it starts), or ``[]``."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        state[node] = 2
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_the_graph_walk_sees_imports_and_finds_a_cycle() -> None:
    graph = import_graph()
    assert "repair.types" in graph["repair.pipeline"]
    assert "repair.stages" in graph["repair.config"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_the_graph_walk_tells_a_submodule_import_from_a_cycle(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("from pkg.app import run\nVERSION = 1\n")
    (pkg / "util.py").write_text("X = 1\n")
    (pkg / "app.py").write_text("from pkg import util\n\ndef run():\n    return util.X\n")
    assert find_cycle(import_graph(pkg)) == []  # works at run time
    (pkg / "app.py").write_text("from pkg import VERSION\n")  # a name of the half-run __init__
    assert find_cycle(import_graph(pkg)) == ["pkg", "pkg.app", "pkg"]


def test_no_import_cycles_in_repair() -> None:
    assert find_cycle(import_graph()) == []


def test_every_stage_is_declared_once_and_read_everywhere() -> None:
    names = [s.name for s in REGISTRY]
    assert len(set(names)) == len(names)
    flags = {f.name: f.default for f in dataclasses.fields(RepairConfig)}
    for s in REGISTRY:
        assert flags[s.name] is s.default, s.name
        assert s.score in SCORE_FIELDS
        assert s.load().name == s.name
    assert {f.name for f in dataclasses.fields(DocScores)} >= set(SCORE_FIELDS)
    assert len(SCORE_FIELDS) == len(set(SCORE_FIELDS)) == len(REGISTRY)
    kinds = [k.name for k in edit_kinds()]
    assert list(EDIT_KINDS) == kinds and len(set(kinds)) == len(kinds)


#: Literals that name stages for another reason (benchmark suites are data sets).
_NOT_STAGE_LISTS = {"repair.bench.suites"}


def test_no_module_but_the_registry_lists_the_stages() -> None:
    """A tuple/list/set/dict of 3+ stage names or score fields is a second declaration."""
    names = {s.name for s in REGISTRY} | set(SCORE_FIELDS)
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        module = _module_name(path)
        if module in ("repair.stages", *_NOT_STAGE_LISTS):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            elts = node.keys if isinstance(node, ast.Dict) else getattr(node, "elts", None)
            if not isinstance(node, (ast.Tuple, ast.List, ast.Set, ast.Dict)) or not elts:
                continue
            found = {e.value for e in elts if isinstance(e, ast.Constant) and e.value in names}
            if len(found) >= 3:
                offenders.append(f"{module}:{node.lineno} {sorted(found)}")
    assert not offenders, offenders
