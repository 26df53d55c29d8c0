"""Clean text that ``repair.score.rare_dense.FITTING_STYLE`` can reach, repaired with it off and on.

Usage (from the checkout root; ``bench`` extra)::

    python benchmarks/tortured_style_gate_clean.py

The switch opens the rare-word pass's fitting-words gate in plain-language exposition as
well as in scientific register.  It can only act on a text that meets the pass's pre-gate
(:data:`repair.stages.collocation.RARE_PREGATE` distinct rare words with candidates and
:data:`~repair.stages.collocation.RARE_PREGATE_PER_1000` per 1,000 words), is not of
scientific register and passes the register's style bars.  This reads every clean text of
``benchmarks/spin_calibrate.py`` (the register documents, the abstracts, the clean suite and
the short pieces), keeps those (tested on the input text: the earlier stages change almost
no clean word), repairs each with the switch off and on, and prints the words that change.
Session 29: 1 of 5,199 texts (1.91 M words), an inaugural address, and 26 wrong words in it.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_calibrate import clean_suite_docs, short_pieces  # noqa: E402
from spin_sim.abstracts import abstract_docs  # noqa: E402
from spin_sim.corpus import REGISTERS, documents  # noqa: E402

from repair.detect import rareword  # noqa: E402
from repair.detect.science import MIN_VOCABULARY, is_scientific, style  # noqa: E402
from repair.document import Document  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score import rare_dense  # noqa: E402
from repair.stages.collocation import RARE_PREGATE, RARE_PREGATE_PER_1000  # noqa: E402


def reachable(text: str) -> bool:
    """Whether the switch can act on ``text`` (the module doc's three conditions)."""
    doc = Document(text)
    n, density = rareword.type_density(doc, rareword.scan(doc))
    if n < RARE_PREGATE or density < RARE_PREGATE_PER_1000 or is_scientific(doc):
        return False
    return replace(style(doc), vocabulary=MIN_VOCABULARY).scientific


def main() -> int:
    docs = [*documents(), *abstract_docs(), *clean_suite_docs()]
    regs = [d for d in docs if d.register in REGISTERS]
    items = [(d.doc_id, d.text) for d in docs]
    items += [(f"{d.doc_id}~short", t) for d, t in short_pieces(regs)]
    n_words = sum(len(Document(t).words) for _i, t in items)
    found = [(i, t) for i, t in items if reachable(t)]
    print(f"{len(items)} clean texts, {n_words:,} words; {len(found)} reachable")
    changed = 0
    for doc_id, text in found:
        rare_dense.FITTING_STYLE = False
        off = repair_text(text)
        rare_dense.FITTING_STYLE = True
        on = repair_text(text)
        rare_dense.FITTING_STYLE = False
        if on.text != off.text:
            changed += 1
            extra = {(e.original, e.replacement) for e in on.edits}
            extra -= {(e.original, e.replacement) for e in off.edits}
            print(f"{doc_id}: {len(extra)} more edits: {sorted(extra)}")
    print(f"{changed} texts changed by the switch")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
