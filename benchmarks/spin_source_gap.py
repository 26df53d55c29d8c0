"""Which candidate source holds the original of each spun word that has no candidate (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_source_gap.py [--spinner seed --spinner seeddense] [--cap 40] [--show 8]

Gold only (no repair run; seconds): for the dev documents ``benchmarks/spin_eval.py --split
dev`` reads, each gold substitution is put in one class, in this order:

* ``multi>1:reach`` / ``multi>1:none``: a written span of 2-3 words for a one-word original,
  the original among :func:`repair.candidates.spin_phrase.span_originals` or not;
  ``1>multi``, ``multi>multi``: the other multi-word shapes;
* ``number``: a figure or a number word on either side;
* ``has_candidate``: the original is among the written word's first candidates
  (:func:`repair.score.spin_evidence.candidates_for`);
* ``nocand:<source>:<common|rare>`` (the written word's Zipf >= 5 or not), the first source
  that holds the original: ``stopside:moby|none`` (either word a stopword; Moby relates them
  or not), ``form`` (:func:`repair.candidates.spin_forms.form_originals`), ``inflection``
  (a candidate shares the original's lemma), ``rev_deep``
  (:func:`repair.candidates.spin_mobyrev.reverse_originals_deep`), ``moby_fwd`` (the
  written word's own Moby entry lists it), ``moby_rev_any`` (the original's entry lists the
  written word), ``none``.

The test half is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

from repair.candidates.spin import moby_lines  # noqa: E402
from repair.candidates.spin_forms import form_originals  # noqa: E402
from repair.candidates.spin_mobyrev import reverse_originals_deep  # noqa: E402
from repair.candidates.spin_phrase import span_originals  # noqa: E402
from repair.candidates.spin_synonyms import STOPWORDS  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402
from repair.resources.lemmas import getAllLemmas  # noqa: E402
from repair.score.spin_evidence import candidates_for  # noqa: E402

NUMBER_WORDS = frozenset("zero one two three four five six seven eight nine ten".split())


def lemmas(word: str) -> set[str]:
    out = {word}
    for found in getAllLemmas(word).values():
        out.update(found)
    return out


def listed(head: str, word: str) -> bool:
    """Whether a Moby entry of a lemma of ``head`` lists a lemma of ``word``."""
    rows = moby_lines()
    return any(any(f",{x}," in rows.get(h, "") for x in lemmas(word)) for h in lemmas(head))


def source_of(written: str, orig: str, cands: tuple[str, ...]) -> str:
    if written in STOPWORDS or orig in STOPWORDS:
        return "stopside:" + ("moby" if listed(written, orig) or listed(orig, written) else "none")
    if orig in form_originals(written):
        return "form"
    if any(lemmas(c) & lemmas(orig) for c in cands):
        return "inflection"
    if orig in reverse_originals_deep(written):
        return "rev_deep"
    if listed(written, orig):
        return "moby_fwd"
    if listed(orig, written):
        return "moby_rev_any"
    return "none"


def classify(written: str, orig: str) -> str:
    w, o = written.lower(), orig.lower()
    if " " in w or " " in o:
        parts = tuple(w.split())
        if " " not in o and 2 <= len(parts) <= 3:
            return "multi>1:reach" if o in span_originals(parts)[0] else "multi>1:none"
        return "1>multi" if " " not in w else "multi>multi"
    if w.isdigit() or o in NUMBER_WORDS:
        return "number"
    cands = candidates_for(w)
    if o in cands:
        return "has_candidate"
    return f"nocand:{source_of(w, o, cands)}:{'common' if zipf(w) >= 5.0 else 'rare'}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: seed, seeddense)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--show", type=int, default=6, help="most frequent pairs per class")
    args = ap.parse_args(argv)
    for spinner in args.spinner or ["seed", "seeddense"]:
        cls: Counter[str] = Counter()
        ex: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        for s in spun_docs(spinner, "dev", args.cap, RATE)[1]:
            for (a, b), orig in gold_spans(s).items():
                k = classify(s.spun[a:b], orig)
                cls[k] += 1
                ex[k][(s.spun[a:b], orig)] += 1
        print(f"{spinner}: {sum(cls.values())} substitutions")
        for k, v in cls.most_common():
            top = ex[k].most_common(args.show) if k != "has_candidate" else []
            print(f"  {k:28s} {v:5d}  {top}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
