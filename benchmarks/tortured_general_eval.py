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

``--abstracts``: whole abstracts spun by a paper mill's word habits.  The benchmark's
scientific abstracts (``benchmarks/spin_sim/abstracts.py``) of one split have every
word that is the original of a habit of that half's phrase families replaced by its
most frequent written form ("deep" → "profound", "network" → "organization"; inflected
forms as the list shows them), and go through the whole pipeline (spin, tortured,
collocation) with that half's habits and collocation prior held out: the mill's
thesaurus is known only from the *other* half's phrases.  The exact list stays on (it is
what a user has; its matches are counted apart).  Prints error reduction, edit precision
and broken rate (``repair.bench.metrics.doc_metrics``), the clean abstracts' edits, and
the AUC of ``1 - (1 - spin)(1 - collocation)`` (spun against clean abstracts, as the
``AUC doc`` of ``spin_eval.py``).
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


def habit_spinner(half: str) -> dict[str, str]:
    """original -> the written form the phrase families of ``half`` show most often."""
    best: dict[str, tuple[int, str]] = {}
    col = 2 if half == "dev" else 3
    for row in read_tsv(tortured_words.LEXICON, tortured_words.COLUMNS):
        n = int(row[col])
        spun, original = row[0], row[1]
        if n and (n, spun) > best.get(original, (0, "")):
            best[original] = (n, spun)
    return {o: w for o, (_n, w) in best.items()}


def habit_spin(text: str, habits: dict[str, str]) -> str:
    """``text`` with every lower-case word that a habit replaces written as the mill writes
    it (content words only: the list's function words are not habits)."""
    import re

    from repair.candidates.spin_synonyms import STOPWORDS

    def sub(m: re.Match[str]) -> str:
        w = m.group(0)
        return habits.get(w, w) if w not in STOPWORDS else w

    return re.sub(r"\b[a-z]+\b", sub, text)


def run_abstracts(half: str, hold_out: bool = True) -> dict[str, float]:
    """Whole habit-spun abstracts of ``half`` through the pipeline, ``half`` held out
    (``hold_out``; else every family known, as shipped)."""
    from spin_sim.abstracts import abstract_docs
    from spin_sim.roc import auc

    from repair.bench.metrics import Counts, doc_metrics
    from repair.pipeline import repair_text

    habits = habit_spinner(half)
    out = Counts()
    clean_edits = list_edits = subs = 0
    spun_scores: list[float] = []
    clean_scores: list[float] = []

    def doc_score(r: object) -> float:  # the AUC doc of spin_eval.py
        s = r.scores  # type: ignore[attr-defined]
        return 1.0 - (1.0 - s.spin) * (1.0 - s.collocation)

    collocation.HELD_OUT = frozenset({half} if hold_out else ())
    tortured_words.HELD_OUT = frozenset({half} if hold_out else ())
    collocation._options.cache_clear()
    try:
        for doc in abstract_docs():
            if doc.split != half:
                continue
            spun = habit_spin(doc.text, habits)
            if spun == doc.text:
                continue
            subs += sum(a != b for a, b in zip(doc.text.split(), spun.split(), strict=False))
            r = repair_text(spun)
            out = out + doc_metrics(spun, doc.text, r.text, r.edits)
            list_edits += sum(e.rule == "TORTURED_PHRASE" for e in r.edits)
            c = repair_text(doc.text)
            clean_edits += len(c.edits)
            spun_scores.append(doc_score(r))
            clean_scores.append(doc_score(c))
    finally:
        collocation.HELD_OUT = frozenset()
        tortured_words.HELD_OUT = frozenset()
        collocation._options.cache_clear()
    return {
        "docs": out.docs, "substituted words": subs, "error reduction": out.reduction or 0.0,
        "precision": out.precision or 0.0, "broken": out.broken_rate or 0.0,
        "exact-list edits": list_edits, "clean abstract edits": clean_edits,
        "AUC doc": auc(spun_scores, clean_scores) or 0.0,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--abstracts", action="store_true", help="whole habit-spun abstracts")
    ap.add_argument("--split", choices=SPLITS, action="append", help="halves (default both)")
    args = ap.parse_args(argv)
    if args.abstracts:
        for half, hold_out in [(h, k) for h in args.split or SPLITS for k in (True, False)]:
            row = run_abstracts(half, hold_out)
            known = "other half" if hold_out else "all (shipped)"
            print(f"| {half} | {known} | " + " | ".join(
                f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in row.items()
            ) + " |")  # fmt: skip
        return 0
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
