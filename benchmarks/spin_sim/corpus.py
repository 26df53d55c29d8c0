"""Clean English documents of several registers, cut to news size, split dev/test by id.

Sources (read in place, never copied into the repository except the public-domain
and Lee documents the suite generator may write):

* ``../shared/data/clean_english/{abc_news,wsj,state_union,inaugural,webtext}``;
* the Lee corpus in the gensim wheel (``lee_background.cor``, ``lee.cor``);
* seeds 001-004 of this repository.

Long texts are cut at line ends into documents of :data:`MIN_WORDS` to
:data:`MAX_WORDS` words (a cut waits for a blank line until :data:`MAX_WORDS`).
"""

from __future__ import annotations

import importlib.util
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .text import doc_split, stable_hash

ROOT = Path(__file__).resolve().parent.parent.parent


def _find_shared() -> Path:
    """``../shared/data/clean_english`` beside the checkout (or beside a worktree's parent);
    ``REPAIR_SHARED`` (the ``shared`` folder) overrides."""
    env = os.environ.get("REPAIR_SHARED")
    bases = [Path(env)] if env else [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    for base in bases:
        if (base / "data" / "clean_english").is_dir():
            return base / "data" / "clean_english"
    return bases[0] / "data" / "clean_english"


SHARED = _find_shared()
REGISTERS = ("abc_news", "wsj", "state_union", "inaugural", "webtext", "lee", "seeds")
#: Registers whose text may be committed as suite files (public domain, or the Lee
#: corpus that gensim redistributes); the rest is generated at bench time.
COMMITTABLE = frozenset({"state_union", "inaugural", "lee"})
MIN_WORDS = 300
TARGET_WORDS = 500
MAX_WORDS = 1000


@dataclass(frozen=True)
class Doc:
    doc_id: str
    register: str
    text: str

    @property
    def split(self) -> str:
        return doc_split(self.doc_id)

    @property
    def words(self) -> int:
        return len(self.text.split())


def chunks(text: str, target: int = TARGET_WORDS, max_words: int = MAX_WORDS) -> list[str]:
    """``text`` cut at line ends into pieces of about ``target`` words (the last may be short)."""
    out: list[str] = []
    cur: list[str] = []
    n = 0
    for line in text.splitlines():
        if not cur and not line.strip():
            continue
        cur.append(line)
        n += len(line.split())
        if (n >= target and not line.strip()) or n >= max_words:
            out.append("\n".join(cur).strip() + "\n")
            cur, n = [], 0
    if cur and "".join(cur).strip():
        out.append("\n".join(cur).strip() + "\n")
    return out


def _lee_files() -> list[Path]:
    spec = importlib.util.find_spec("gensim")
    if spec is None or not spec.submodule_search_locations:
        return []
    base = Path(next(iter(spec.submodule_search_locations))) / "test" / "test_data"
    return [base / "lee_background.cor", base / "lee.cor"]


def _iter_register(register: str, shared: Path) -> Iterator[Doc]:
    if register == "lee":
        for path in _lee_files():
            if not path.exists():
                continue
            raw = path.read_bytes().decode("latin-1")
            lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
            for i, line in enumerate(lines):
                if len(line.split()) >= 80:
                    yield Doc(f"lee/{path.stem}#{i:03d}", "lee", line + "\n")
        return
    if register == "seeds":
        for p in sorted((ROOT / "seeds").glob("00[1-4]_*.txt")):
            yield Doc(f"seeds/{p.name[:3]}", "seeds", p.read_text(encoding="utf-8"))
        return
    folder = shared / register
    if not folder.is_dir():
        # a checkout without ../shared beside it would quietly evaluate another document set
        warnings.warn(
            f"spin corpus: no folder {folder} (register {register!r} left out); "
            "set REPAIR_SHARED to the shared folder",
            stacklevel=2,
        )
        return
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        if register == "wsj":
            if len(text.split()) >= 120:
                yield Doc(f"wsj/{path.stem}", register, text.strip() + "\n")
            continue
        for k, piece in enumerate(chunks(text)):
            if len(piece.split()) >= MIN_WORDS:
                yield Doc(f"{register}/{path.stem}#{k:03d}", register, piece)


@cache
def documents(shared: Path = SHARED) -> tuple[Doc, ...]:
    """Every clean document of every register available, in a fixed order."""
    return tuple(d for r in REGISTERS for d in _iter_register(r, shared))


def select(
    split: str, cap: int | None, registers: tuple[str, ...] = REGISTERS, shared: Path = SHARED
) -> list[Doc]:
    """Up to ``cap`` documents of ``split``, taken in turn from each register (fixed order)."""
    by_reg: dict[str, list[Doc]] = {}
    for d in documents(shared):
        if d.split == split and d.register in registers:
            by_reg.setdefault(d.register, []).append(d)
    for docs in by_reg.values():
        docs.sort(key=lambda d: (stable_hash("order", d.doc_id), d.doc_id))
    out: list[Doc] = []
    k = 0
    while (cap is None or len(out) < cap) and any(k < len(v) for v in by_reg.values()):
        for r in registers:
            docs = by_reg.get(r, [])
            if k < len(docs) and (cap is None or len(out) < cap):
                out.append(docs[k])
        k += 1
    return out
