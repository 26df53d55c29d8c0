"""Does collocation restoration generalize beyond the tortured-phrase list?

Usage (from the checkout root)::

    python benchmarks/collocation_eval.py            # both splits, prior held out or not

The Problematic Paper Screener list (``lexicons/tortured_phrases.tsv``) pairs a
tortured phrase with its expected term ("irregular woodland" → "random forest").
The collocation lexicon uses the expected side as a prior, each phrase family
(the expected phrase) in a ``dev`` or ``test`` half (``scripts/build_collocations.py``).
Here every list pair of two or three words whose changed words the reverse synonym
table can undo (the expected word is among ``originals_of`` of the tortured one) is
put, three pairs of the same split at a time, into a three-sentence abstract (a paper
mill's text has several such phrases; a lone one in honest prose is never restored
from bigram evidence) and given to the collocation stage alone (the exact-list
matcher is not run):

* ``prior: all``: the product (every PPS family known);
* ``prior: dev only``: the ``test`` families' PPS rows are held out
  (:data:`repair.detect.collocation.HELD_OUT`), so a test pair can only be restored
  from WordNet, the bigram counts and the LM.  The gap between the test rows of the two
  conditions is what the list contributes; the test row without the prior is what the
  method does on phrases it was never told about.

Prints, per split and condition: pairs, restored exactly, changed to something else.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_collocations import family_split  # noqa: E402
from repair.lexicons import read_tsv  # noqa: E402

from repair.candidates.spin_synonyms import originals_of  # noqa: E402
from repair.detect import collocation  # noqa: E402
from repair.document import Document  # noqa: E402
from repair.stages.collocation import STAGE  # noqa: E402

FRAME = (
    "In this paper we study the {} of large systems and report new results. "
    "The {} was measured in every experiment with a simple method. "
    "We discuss the {} in the last section."
)


def reachable_pairs() -> list[tuple[str, str]]:
    """(tortured, expected) list pairs the reverse synonym table can undo word by word."""
    out = []
    for row in read_tsv("tortured_phrases.tsv"):
        tortured = row[0]
        expected = row[1].split(" | ")[0]
        t, e = tortured.split(), expected.split()
        if not 2 <= len(t) <= 3 or len(t) != len(e) or not all(w.isalpha() for w in t + e):
            continue
        diff = [(a, b) for a, b in zip(t, e, strict=True) if a != b]
        if diff and all(b in originals_of(a) for a, b in diff) and len(diff) < len(t):
            out.append((tortured, expected))
    return out


def run(pairs: list[tuple[str, str]], held_out: frozenset[str]) -> tuple[int, int, int]:
    """(pairs, restored exactly, changed wrongly) with ``held_out`` PPS splits unknown."""
    collocation.HELD_OUT = held_out
    restored = wrong = 0
    try:
        for k in range(0, len(pairs) - 2, 3):
            group = pairs[k : k + 3]
            text = FRAME.format(*(t for t, _ in group))
            doc = Document(text)
            d = STAGE.detect(doc)
            edits = STAGE.score(doc, d, STAGE.candidates(doc, d))
            out = text
            for e in sorted(edits, key=lambda e: -e.offset):
                out = out[: e.offset] + e.replacement + out[e.end :]
            ok, bad = score_group(group, text, out)
            restored, wrong = restored + ok, wrong + bad
    finally:
        collocation.HELD_OUT = frozenset()
    return len(pairs) - len(pairs) % 3, restored, wrong


def score_group(group: list[tuple[str, str]], text: str, out: str) -> tuple[int, int]:
    """(restored, changed wrongly) of the (written, expected) phrases of ``group`` framed
    in ``text`` (:data:`FRAME`), judged sentence by sentence in the output ``out``."""
    restored = wrong = 0
    for i, (_written, expected) in enumerate(group):
        fixed = [t for t, _ in group]
        fixed[i] = expected
        if FRAME.format(*fixed).split(". ")[i] in out.split(". ")[i]:
            restored += 1
        elif out.split(". ")[i] != text.split(". ")[i]:
            wrong += 1
    return restored, wrong


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.parse_args(argv)
    pairs = reachable_pairs()
    by_split = {s: [p for p in pairs if family_split(p[1]) == s] for s in ("dev", "test")}
    print("| split | prior | pairs | restored | changed wrongly |")
    print("|---|---|---|---|---|")
    for split, rows in by_split.items():
        for label, held in (("all", frozenset()), ("dev only", frozenset({"test"}))):
            n, ok, bad = run(rows, held)
            print(f"| {split} | {label} | {n} | {ok} ({ok / n:.3f}) | {bad} ({bad / n:.3f}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
