"""Which module flags each memo of ``repair`` reads, directly or through its callees.

A static reading of the source (no import): a *flag* is a module-level name in capitals
bound to a literal (``ACCENT_WORD_ZIPF = 2.0``, ``TECH_CHUNKS = True``); a *memo* is a
function under ``functools.lru_cache`` / ``functools.cache``.  A function reads the
flags it names (``FLAG``, ``module.FLAG``, a name imported from a module) and those of
every function, class or method it names (a call, or a function handed on), inside the
package, transitively.  Over-reading is safe (a memo emptied more often than needed);
the test ``tests/test_flagmemo.py`` checks that every memo reading a flag is watched by
:mod:`repair.flagmemo` for at least the flags read here.

Used by the tests and by ``python -m repair.flagreads`` (a listing), never at run time.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

_FLAG = re.compile(r"^[A-Z][A-Z0-9_]*$")
PACKAGE = Path(__file__).resolve().parent

Key = tuple[str, str]  # (module, top-level name)


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _literal(node: ast.AST | None) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant):
        return True
    return False


def _decorated_memo(fn: ast.AST) -> bool:
    for d in getattr(fn, "decorator_list", ()):
        target = d.func if isinstance(d, ast.Call) else d
        name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
        if name in ("lru_cache", "cache", "flag_memo"):
            return True
    return False


class _Module:
    def __init__(self, name: str, tree: ast.Module) -> None:
        self.name = name
        self.tree = tree
        self.flags: set[str] = set()
        self.defs: dict[str, ast.AST] = {}
        self.modules: dict[str, str] = {}  # local alias -> module
        self.names: dict[str, tuple[str, str]] = {}  # local name -> (module, name)
        for node in tree.body:
            targets: list[ast.expr] = []
            value = None
            if isinstance(node, ast.Assign):
                targets, value = node.targets, node.value
            elif isinstance(node, ast.AnnAssign):
                targets, value = [node.target], node.value
            for t in targets:
                if isinstance(t, ast.Name) and _FLAG.match(t.id) and _literal(value):
                    self.flags.add(t.id)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self.defs[node.name] = node
        for node in ast.walk(tree):  # imports anywhere (function-local ones included)
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.startswith("repair"):
                        if a.asname:
                            self.modules[a.asname] = a.name
                        else:
                            self.modules[a.name] = a.name
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if not base.startswith("repair"):
                    continue
                for a in node.names:
                    self.names[a.asname or a.name] = (base, a.name)


def load(package: Path = PACKAGE) -> dict[str, _Module]:
    """Every module of the package, parsed."""
    out = {}
    for path in sorted(package.rglob("*.py")):
        name = _module_name(path)
        out[name] = _Module(name, ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return out


def _reads(
    mods: dict[str, _Module], m: _Module, node: ast.AST, own: str
) -> tuple[set[Key], set[Key]]:
    """The flags ``node`` names and the definitions it names (``own``: its own name)."""
    fl: set[Key] = set()
    ed: set[Key] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load):
            ident = sub.id
            if ident in m.flags:
                fl.add((m.name, ident))
            elif ident in m.defs and ident != own:
                ed.add((m.name, ident))
            elif ident in m.names:
                src, orig = m.names[ident]
                if src in mods and orig in mods[src].flags:
                    fl.add((src, orig))
                elif src in mods and orig in mods[src].defs:
                    ed.add((src, orig))
        elif isinstance(sub, ast.Attribute) and isinstance(sub.ctx, ast.Load):
            base = sub.value
            dotted = []
            while isinstance(base, ast.Attribute):
                dotted.append(base.attr)
                base = base.value
            if not isinstance(base, ast.Name):
                continue
            dotted.append(base.id)
            dotted.reverse()
            head = dotted[0]
            modname = None
            if head in m.modules:
                modname = ".".join([m.modules[head]] + dotted[1:])
            elif head in m.names:
                src, orig = m.names[head]
                modname = ".".join([f"{src}.{orig}"] + dotted[1:])
            if modname is None or modname not in mods:
                continue
            target = mods[modname]
            if sub.attr in target.flags:
                fl.add((modname, sub.attr))
            elif sub.attr in target.defs:
                ed.add((modname, sub.attr))
    return fl, ed


def _direct(mods: dict[str, _Module]) -> tuple[dict[Key, set[Key]], dict[Key, set[Key]]]:
    """Per top-level definition and per method of a top-level class (``Class.name``): the
    flags it names and the definitions it names."""
    flags: dict[Key, set[Key]] = {}
    edges: dict[Key, set[Key]] = {}
    for m in mods.values():
        for dname, node in m.defs.items():
            flags[(m.name, dname)], edges[(m.name, dname)] = _reads(mods, m, node, dname)
            if isinstance(node, ast.ClassDef):
                for sub in node.body:
                    if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        key = (m.name, f"{dname}.{sub.name}")
                        flags[key], edges[key] = _reads(mods, m, sub, dname)
                        edges[key].add((m.name, dname))  # its class's other methods (self.x)

    return flags, edges


#: Module-level dicts used as memos (keyed by their arguments alone), and the functions
#: that fill them: they are watched for the flags those functions read, like a function
#: memo.  The other module-level dicts and one-slot lists of ``repair`` are not memos of
#: a flag-dependent answer (:data:`NOT_DICT_MEMOS`); a new one must be put in one list or
#: the other (``tests/test_flagmemo.py``).
DICT_MEMOS: dict[str, tuple[str, ...]] = {
    "repair.score.ocr_channel:_windows": ("_walk_plan",),
    "repair.score.ocr_channel:_window_plans": ("_window_rows",),
    "repair.candidates.ocr_glued:_PAGE_MODELS": ("page_model",),
    "repair.candidates.ocr_lightmerge:_COMPOUNDS": ("compounds",),
}

#: Reviewed module-level dicts and lists that are not watched, and why.
NOT_DICT_MEMOS: dict[str, str] = {
    "repair.batch.state:_held_locks": "locks held by this process, not a memo",
    "repair.window_fork:_memo_parts": "children's memo entries waiting for the merge",
    "repair.window_memos:_installed": "the installed memos and their recorders, not a memo",
    "repair.candidates.ocr_far:_last_not_first_of": "its own memo of the ``ends`` it read",
    "repair.candidates.ocr_glued:_paired_memo": "keyed by the identity of a page's tokens",
    "repair.candidates.ocr_nameshape:_LONGEST": "reads no flag",
    "repair.candidates.ocr_realfilter:_LOADED": "the shipped model file, reads no flag",
    "repair.candidates.ocr_splitprior:_LOADED": "the shipped prior table, reads no flag",
    "repair.candidates.spin_synonyms:_POS_SETS": "reads no flag",
    "repair.resources.dataclass_code:_table": "compiled code of a dataclass",
    "repair.score.char_ngrams:_MODEL": "a loaded model (left: one-slot list)",
    "repair.score.ocr:_last": "the last document's scores, keyed by the model object (left)",
    "repair.score.ocr_channel:_default_bound": "a wider_walk block's state",
    "repair.score.ocr_channel:_walk_fast": "a loaded C module",
    "repair.score.ocr_channel:_wider_words": "reads no flag",
    "repair.score.ocr_channel:_frequent_index": "keyed by the Zipf floor it reads",
    "repair.score.ocr_search:_PROBE": "a sentinel, not a memo",
    "repair.score.ocr_nearpool:_signatures": "a kept tuple's letter counts; reads no flag",
    "repair.score.ocr_table:_overrides": "installed table rows (state, not a memo)",
    "repair.score.spin_context:_built": "reads no flag",
    "repair.flagmemo:_last": "the flags' values at the last check",
    "repair.score.spin_evidence:_COMPILED": "the C module looked for",
    "repair.score.spin_evidence:_FILLER": "keyed by the identity of a ranker",
    "repair.score.spin_evidence:_CTX": "emptied at each document's spin detection (``drop_held``)",
    "repair.score.spin_form_agree:_SLOT_SETS": "equal frozensets shared (interned), reads no flag",
    "repair.score.spin_rank:_override": "a ranker installed by the caller (state)",
    "repair.score.spin_topic:_keys": "reads no flag",
}

_MEMO_BOUND = re.compile(r"^_\w*$")


def module_containers(package: Path = PACKAGE) -> list[str]:
    """Every module-level ``_name`` bound to an empty dict or list (``{}``, ``[]``,
    ``[None]``, ``dict()``): the places a memo may hide outside ``lru_cache``."""
    out = []
    for m in load(package).values():
        for node in m.tree.body:
            targets: list[ast.expr] = []
            value = None
            if isinstance(node, ast.Assign):
                targets, value = node.targets, node.value
            elif isinstance(node, ast.AnnAssign):
                targets, value = [node.target], node.value
            empty = (
                isinstance(value, ast.Dict)
                and not value.keys
                or isinstance(value, ast.List)
                and all(isinstance(e, ast.Constant) and e.value is None for e in value.elts)
                or isinstance(value, ast.Call)
                and getattr(value.func, "id", "") == "dict"
                and not value.args
            )
            for t in targets:
                if empty and isinstance(t, ast.Name) and _MEMO_BOUND.match(t.id):
                    out.append(f"{m.name}:{t.id}")
    return sorted(out)


def _qualname(m: _Module, fn: ast.AST) -> str:
    """``name`` for a top-level function, ``Class.name`` for a method of a top-level class,
    else the bare name (a nested function: not reachable by name)."""
    name = getattr(fn, "name", "")
    if m.defs.get(name) is fn:
        return name
    for cname, node in m.defs.items():
        if isinstance(node, ast.ClassDef) and fn in node.body:
            return f"{cname}.{name}"
    return name


def memo_flags(package: Path = PACKAGE) -> dict[Key, set[Key]]:
    """Every memo of the package and the flags it reads, directly or through callees."""
    mods = load(package)
    flags, edges = _direct(mods)
    closure: dict[Key, set[Key]] = {}

    def reach(key: Key) -> set[Key]:
        seen = {key}
        stack = [key]
        out: set[Key] = set()
        while stack:
            k = stack.pop()
            out |= flags.get(k, set())
            for e in edges.get(k, ()):
                if e not in seen:
                    seen.add(e)
                    stack.append(e)
        return out

    memos: list[Key] = []
    for m in mods.values():
        for node in ast.walk(m.tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _decorated_memo(node):
                memos.append((m.name, _qualname(m, node)))
    for name, writers in DICT_MEMOS.items():
        module, attr = name.split(":")
        closure[(module, attr)] = set().union(*(reach((module, w)) for w in writers))
    for key in memos:
        if key in flags:
            closure[key] = reach(key)
        else:  # a nested memo or a method: the enclosing definition's reading
            closure[key] = set()
            for m in mods.values():
                if m.name != key[0]:
                    continue
                for dname, node in m.defs.items():
                    if any(
                        isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name == key[1]
                        for s in ast.walk(node)
                    ):
                        closure[key] |= reach((m.name, dname))
    return closure


TABLE = PACKAGE / "flagmemo_table.py"


def table_source(reads: dict[Key, set[Key]] | None = None) -> str:
    """The text of :mod:`repair.flagmemo_table`: the watched flags, the memos reachable by
    name (a module's top-level function) and, per flag, the memos that read it."""
    reads = memo_flags() if reads is None else reads
    mods = load()
    memos = sorted(k for k, fl in reads.items() if fl and _named(mods, k))
    flags = sorted({f for k in memos for f in reads[k]})
    index = {k: i for i, k in enumerate(memos)}
    lines = [
        '"""Generated by ``python -m repair.flagreads --write`` (:mod:`repair.flagreads`); do not',
        "edit.  ``tests/test_flagmemo.py`` checks it is current: regenerate it after adding a memo",
        'or a flag a memo reads."""',
        "",
        "# ruff: noqa: E501",
        "# fmt: off",
        "MEMOS = (",
        *(f'    "{m}:{f}",' for m, f in memos),
        ")",
        "",
        "#: (module, flag) and the indices in MEMOS of the memos that read it",
        "FLAGS = (",
    ]
    for m, f in flags:
        readers = [index[k] for k in memos if (m, f) in reads[k]]
        lines.append(f'    ("{m}", "{f}", {tuple(readers)!r}),')
    lines += [")", "# fmt: on", ""]
    return "\n".join(lines)


def _named(mods: dict[str, _Module], key: Key) -> bool:
    return key[1].split(".")[0] in mods[key[0]].defs or f"{key[0]}:{key[1]}" in DICT_MEMOS


def skipped(reads: dict[Key, set[Key]] | None = None) -> list[Key]:
    """Memos that read a flag but are not reachable by name (a nested function, a method)."""
    reads = memo_flags() if reads is None else reads
    mods = load()
    return sorted(k for k, fl in reads.items() if fl and not _named(mods, k))


if __name__ == "__main__":  # pragma: no cover
    import sys

    if sys.argv[1:] == ["--write"]:
        TABLE.write_text(table_source(), encoding="utf-8")
    else:
        for (mod, fn), fl in sorted(memo_flags().items()):
            if fl:
                names = ", ".join(f"{m.rsplit('.', 1)[-1]}.{f}" for m, f in sorted(fl))
                print(f"{mod}.{fn}: {len(fl)}: {names}")
