"""Check :func:`repair.candidates.ocr_firstpass.reads_nothing` on every identity input.

    python benchmarks/ocr_firstpass_check.py [--quick] [--wide]

For every word of two letters or more of every input of ``benchmarks/ocr_identity.py``
(the same set, same flags), on a heavy page and on a light one: where ``reads_nothing``
says the real-word readers read nothing, ``_Generator._realword`` must return ``[]``
(it is called for every such word here, whatever the page's gate).  Prints the counts
and every word where the two disagree (exit 1 if any).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ocr_identity import inputs  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--wide", action="store_true")
    args = ap.parse_args()
    from repair.candidates.ocr import _Generator
    from repair.candidates.ocr_firstpass import reads_nothing
    from repair.candidates.ocr_realword import document_names
    from repair.tokenize import tokenize

    gen = _Generator()
    told: Counter[tuple[bool, bool]] = Counter()
    bad: list[tuple[str, str, bool]] = []
    n_inputs = 0
    start = time.process_time()
    for name, text in inputs(quick=args.quick, wide=args.wide):
        n_inputs += 1
        toks = tokenize(text)
        counts = Counter(t.text for t in toks if t.kind == "word")
        names = document_names(toks, counts)
        for i, t in enumerate(toks):
            if t.kind != "word" or len(t.text) < 2:
                continue
            for heavy in (True, False):
                none = reads_nothing(t.text, heavy)
                told[heavy, none] += 1
                if none and gen._realword(t, toks, i, names, heavy):
                    bad.append((name, t.text, heavy))
    cpu = time.process_time() - start
    for heavy in (True, False):
        print(
            f"heavy={heavy}: {told[heavy, True]:,} words read nothing (checked), "
            f"{told[heavy, False]:,} go to the readers"
        )
    print(f"{n_inputs} inputs, {len(bad)} disagreements, {cpu:.1f} s CPU")
    for row in bad[:50]:
        print("  DISAGREE", *row)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
