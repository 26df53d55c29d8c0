"""Where the reverse reading's gold originals are lost; how its rows' probabilities spread (dev).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_reverse_rows.py [--spinner spinbot] [--cap 15]

For the dev documents of ``benchmarks/spin_eval.py --split dev`` (profile on), every gold
one-word substitution whose original only the reverse source holds (in
:func:`repair.candidates.spin_mobyrev.reverse_originals`, not in
:func:`repair.score.spin_evidence.candidates_for`) falls in one class:

* ``no_first_row``: the first reading has no row at that word (Zipf >= 5, a capitalised
  word, no candidate of its own, under a profile occurrence...): no second reading reads it;
* ``edited_other``: another edit covers the word;
* ``not_changed``: the reverse reading left the row (its best original is an old one, or
  its first probability was over the bar);
* ``changed_wrong``: the row's new best original is another word;
* ``changed_right``: the new best original is the gold one (its model probability listed).

Also the probabilities of the reverse rows read at words the spinner left alone.  The
stage runs with the reverse reading on, every row read (REVERSE_MIN_PROB 0); the rows are
listed whatever the bar.  The test half is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import make_config, spun_docs  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

import repair.stages.spin as S  # noqa: E402
from repair.candidates.spin_mobyrev import reverse_originals  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402
from repair.score.spin_evidence import candidates_for  # noqa: E402
from repair.score.spin_model import probabilities, word_features  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", default="spinbot")
    ap.add_argument("--cap", type=int, default=15)
    args = ap.parse_args(argv)
    S.REVERSE, S.REVERSE_MIN_PROB = True, 0.0
    rec: dict = {}
    reread = S._reread_rows

    def rows(doc, detection, edits, bar, min_prob, max_zipf, origs_of, *a, **k):  # type: ignore[no-untyped-def]
        words, changed = reread(doc, detection, edits, bar, min_prob, max_zipf, origs_of, *a, **k)
        if origs_of is S.reverse_originals:
            feats = word_features(doc, words, S._word_profile_of(detection.details), only=changed)
            rec["first"] = {w.start for w in detection.words}
            rec["changed"] = {words[i].start: words[i].original for i in changed}
            ps = probabilities(feats)
            rec["probs"] = {words[i].start: p for i, p in zip(changed, ps, strict=True)}
        return words, changed

    S._reread_rows = rows
    cfg = make_config("spin,tortured,collocation", False)
    classes: Counter[str] = Counter()
    right: list[float] = []
    wrong: list[float] = []
    clean: list[float] = []
    _docs, spun = spun_docs(args.spinner, "dev", args.cap, 0.25)
    for s in spun:
        rec.clear()
        edited = {e.offset for e in repair_text(s.spun, (), cfg).edits}
        gold = {a: (s.spun[a:b].lower(), o.lower()) for (a, b), o in gold_spans(s).items()}
        changed, probs = rec.get("changed", {}), rec.get("probs", {})
        for a, (w, g) in gold.items():
            if not w.isalpha() or " " in g or g in candidates_for(w):
                continue
            if g not in reverse_originals(w):
                continue
            if "first" not in rec:
                classes["no_reverse_reading"] += 1
            elif a not in rec["first"]:
                classes["no_first_row" + (" (Zipf >= 5)" if zipf(w) >= 5 else "")] += 1
            elif a in edited and a not in changed:
                classes["edited_other"] += 1
            elif a not in changed:
                classes["not_changed"] += 1
            elif changed[a] != g:
                classes["changed_wrong"] += 1
                wrong.append(probs[a])
            else:
                classes["changed_right"] += 1
                right.append(probs[a])
        clean += [p for a, p in probs.items() if a not in gold]
    print(f"{args.spinner}: {sum(classes.values())} gold words only the reverse source holds")
    for k, n in classes.most_common():
        print(f"  {k}: {n}")
    for name, ps in (("right", right), ("wrong original", wrong), ("unspun word", clean)):
        cuts = ", ".join(f">= {c}: {sum(p >= c for p in ps)}" for c in (0.1, 0.15, 0.2, 0.3, 0.5))
        print(f"  reverse rows, {name}: {len(ps)} ({cuts})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
