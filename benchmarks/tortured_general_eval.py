"""Do paper-mill word habits learned from some tortured phrases restore unseen ones?

Usage (from the checkout root)::

    python benchmarks/tortured_general_eval.py

Every Problematic Paper Screener pair (``lexicons/tortured_phrases.tsv``) of two or
three words of the same length as its expected term is a test item; its family (the
expected phrase) is ``dev`` or ``test`` (``build_collocations.family_split``).  Three
items of one half at a time go into a three-sentence abstract (a paper mill's text has
several) and through the ``collocation`` stage (the exact-list matcher is not run).
Conditions, for the items of each half:

* ``none``: no learned habit (:mod:`repair.candidates.tortured_words` off) and the
  collocation prior without the half's PPS families: WordNet/Moby reverse synonyms only;
* ``other half, candidates only``: habits learned from the *other* half's families
  only, prior likewise held out, as candidate originals of the collocation stage: the
  phrase and its family were never seen, only habits shared with other families
  ("profound" → "deep" seen in "profound neural network");
* ``other half, + habit terms``: the same, and the tortured stage's habit pass
  (:mod:`repair.detect.tortured_habits`) before it;
* ``all (shipped)``: every family known (habit pass and collocation stage; the exact
  list is still off).

Prints, per half and condition: items, restored exactly, changed to something else.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from build_collocations import family_split  # noqa: E402
from collocation_eval import FRAME, score_group  # noqa: E402  (the same frame and scoring)
from repair.lexicons import read_tsv  # noqa: E402

from repair.candidates import tortured as tortured_candidates  # noqa: E402
from repair.candidates import tortured_words  # noqa: E402
from repair.detect import collocation, tortured  # noqa: E402
from repair.document import Document  # noqa: E402
from repair.score import tortured as tortured_score  # noqa: E402
from repair.stages.collocation import STAGE  # noqa: E402
from repair.types import Detection  # noqa: E402

SPLITS = ("dev", "test")


def items() -> list[tuple[str, str]]:
    """(tortured, expected) pairs of 2-3 lower-case words, same length, some word changed."""
    out = []
    for row in read_tsv("tortured_phrases.tsv"):
        expected = row[1].split(" | ")[0]
        t, e = row[0].split(" "), expected.split(" ")
        plain = all(w.isalpha() and w.islower() for w in t + e)
        if 2 <= len(t) <= 3 and len(t) == len(e) and plain:
            out.append((row[0], expected))
    return out


def _apply(text: str, edits: list) -> str:  # type: ignore[type-arg]
    for e in sorted(edits, key=lambda e: -e.offset):
        text = text[: e.offset] + e.replacement + text[e.end :]
    return text


def run(pairs: list[tuple[str, str]], prior_out: frozenset[str], words_out: frozenset[str],
        use_words: bool, habits: bool = True) -> tuple[int, int, int]:  # fmt: skip
    """(items, restored exactly, changed wrongly)."""
    collocation.HELD_OUT = prior_out
    tortured_words.HELD_OUT = words_out if use_words else frozenset(SPLITS)
    collocation._options.cache_clear()
    restored = wrong = 0
    try:
        for k in range(0, len(pairs) - 2, 3):
            group = pairs[k : k + 3]
            text = FRAME.format(*(t for t, _ in group))
            out = text
            if use_words and habits:  # the tortured stage's habit pass, exact list off
                doc = Document(out)
                found, _ = tortured.habit_findings(doc, [])
                d = Detection(tuple(found), 0.0, {})
                edits = tortured_score.score(doc, d, tortured_candidates.candidates(doc, d))
                out = _apply(out, edits)
            doc = Document(out)
            d = STAGE.detect(doc)
            out = _apply(out, STAGE.score(doc, d, STAGE.candidates(doc, d)))
            ok, bad = score_group(group, text, out)
            restored, wrong = restored + ok, wrong + bad
    finally:
        collocation.HELD_OUT = frozenset()
        tortured_words.HELD_OUT = frozenset()
        collocation._options.cache_clear()
    return len(pairs) - len(pairs) % 3, restored, wrong


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.parse_args(argv)
    pairs = items()
    print("| half | learned habits | items | restored | changed wrongly |")
    print("|---|---|---|---|---|")
    for split in SPLITS:
        rows = [p for p in pairs if family_split(p[1]) == split]
        own = frozenset({split})
        for label, prior_out, words_out, use, habits in (
            ("none", own, own, False, False),
            ("other half, candidates only", own, own, True, False),
            ("other half, + habit terms", own, own, True, True),
            ("all (shipped)", frozenset(), frozenset(), True, True),
        ):
            n, ok, bad = run(rows, prior_out, words_out, use, habits)
            print(f"| {split} | {label} | {n} | {ok} ({ok / n:.3f}) | {bad} ({bad / n:.3f}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
