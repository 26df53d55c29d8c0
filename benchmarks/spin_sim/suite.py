"""Write the simulated-spinner suites as JSON Lines (one spun document a line, with gold edits).

* ``benchmarks/suites/spin_sim/{split}_{spinner}.jsonl`` (committed): the documents of
  the evaluation selection whose text may be committed (public-domain speeches and the
  Lee corpus), at most :data:`COMMITTED_PER_FILE` a file, and every tortured abstract;
* ``benchmarks/.generated/spin_sim/{split}_{spinner}.jsonl`` (git-ignored): the whole
  evaluation selection of every register, made from ``../shared`` at bench time.

Each line: ``name``, ``register``, ``spinner``, ``clean``, ``damaged`` and ``edits``
(``start``/``end`` on the clean text, ``original``, ``replacement``, ``family``), the
shape ``repair bench --data FILE.jsonl`` reads.  Deterministic: rerunning rewrites the
same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import RATE, SPINNERS, spin_doc
from .abstracts import abstract_docs, spin_abstract
from .corpus import COMMITTABLE, ROOT, select
from .text import SpunDoc

COMMITTED = ROOT / "benchmarks" / "suites" / "spin_sim"
GENERATED = ROOT / "benchmarks" / ".generated" / "spin_sim"
COMMITTED_PER_FILE = 5
CAP = 40


def _write(path: Path, docs: list[SpunDoc]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d.to_json(), ensure_ascii=False) + "\n")
    return len(docs)


def write_suites(cap: int = CAP, rate: float = RATE) -> dict[str, int]:
    """Write both folders; return documents written per file name."""
    stats: dict[str, int] = {}
    for split in ("dev", "test"):
        docs = select(split, cap)
        for name in SPINNERS:
            spun = [spin_doc(d.doc_id, d.register, d.text, name, split, rate) for d in docs]
            stats[f"generated/{split}_{name}"] = _write(GENERATED / f"{split}_{name}.jsonl", spun)
            mine = [s for s in spun if s.register in COMMITTABLE][:COMMITTED_PER_FILE]
            stats[f"committed/{split}_{name}"] = _write(COMMITTED / f"{split}_{name}.jsonl", mine)
        abstracts = [spin_abstract(d, split, rate) for d in abstract_docs() if d.split == split]
        stats[f"committed/{split}_tortured"] = _write(
            COMMITTED / f"{split}_tortured.jsonl", abstracts
        )
    return stats
