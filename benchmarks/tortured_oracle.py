"""Where the synonym-spun abstracts are lost: reach, ranking, decision or document gate (dev).

Usage (from the checkout root; ``bench`` extra for the simulated spinners)::

    python benchmarks/tortured_oracle.py [--no-profile] [--show 8] [--register] [--open-register]

The dev abstracts of ``benchmarks/spin_eval.py --spinner tortured --split dev`` (each spun
by the WordNet sense spinner or the rare-synonym spinner, dev word families only) go
through the pipeline as that runner does; each gold substitution falls in the first of
these classes, and the table counts them per spinner with the pipeline's outcome
(``restored``, ``wrong`` original, ``missed``):

* ``multiword``: the written or the original side has a space ("thresh out" for
  "investigate", "linguistic communication" for "language");
* ``stop/short``: a stopword, shorter than 3 letters, or not alphabetic;
* ``not_in_pool``: the original is not among the candidate originals of the written word
  (:func:`repair.candidates.tortured_rare.pool`: the mills' habits and the reverse
  synonym table) — a reach loss;
* rare written words (Zipf <= :data:`repair.detect.rareword.MAX_ZIPF`, the rare-word
  pass's): ``rare:gate`` (the document is under the pass's pre-gate), ``rare:not_best``
  (a candidate, ranked below another), ``rare:best_declined`` (ranked first, declined:
  ``lm_against``/``ambiguous``/``weak_evidence``/``sparse``), ``rare:best_applied``;
* commoner written words: ``common:not_best`` / ``common:best_lowp`` /
  ``common:best_p>=0.5`` by the spin stage's word model (its document gate not applied;
  :func:`scripts.train_spin_model.extract`), or ``common:not_read`` (no row).

Besides, per spinner, the spin model's word probabilities: how many rows reach 0.15 in the
spun abstracts, the clean abstracts and (``--clean N``) clean dev documents of the other
registers: the evidence ranks many right originals first in WordNet-spun abstracts, but
the same levels occur in clean news and speeches, so no document gate separates them.
The test half is read only with ``--split test`` (the classes of what is lost there, read
once at the end of a session, never while tuning).  ``--cells`` reads the inner dev cells
of :mod:`tortured_folds` instead (a second dev-like split, by document and word family).

``--open-register`` runs the pipeline with the register test's vocabulary bar off
(:data:`repair.detect.science.MIN_VOCABULARY`; its style bars stay), so every abstract
that reads as impersonal exposition gets the scientific readings: the most a better
register test could give (the ``--register`` split still uses the real test).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import make_config, spun_docs  # noqa: E402
from spin_sim.corpus import select  # noqa: E402
from train_spin_model import extract, gold_spans  # noqa: E402

from repair.candidates.spin_synonyms import STOPWORDS  # noqa: E402
from repair.candidates.tortured_rare import pool  # noqa: E402
from repair.detect import rareword, science  # noqa: E402
from repair.detect.science import is_scientific  # noqa: E402
from repair.document import Document  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402
from repair.score import rareword as rare_score  # noqa: E402
from repair.score.spin_model import probabilities  # noqa: E402
from repair.stages.collocation import RARE_PREGATE, RARE_PREGATE_PER_1000  # noqa: E402

#: A spin-model word probability counted as "high" in the register comparison.
HIGH_P = 0.15
#: The spin stage's word threshold (its document gate aside).
WORD_P = 0.5


def _rare_rows(text: str) -> tuple[bool, dict[int, tuple[str, str]]]:
    """(document past the rare pass's pre-gate, token start -> (pooled best, reason))."""
    doc = Document(text)
    scanned = rareword.scan(doc)
    n_types, density = rareword.type_density(doc, scanned)
    found = rareword.find(doc, rare=scanned)
    decisions = rare_score.decide(found, len(doc.words))
    best = rare_score.pooled(found)
    rows = {d.word.token.start: (best[d.word.token.text][0], d.reason) for d in decisions}
    return n_types >= RARE_PREGATE and density >= RARE_PREGATE_PER_1000, rows


@contextlib.contextmanager
def _register_open(on: bool):  # noqa: ANN202 (a generator context manager)
    """Within: every document past the register test's style bars reads as scientific."""
    saved = science.MIN_VOCABULARY
    if on:
        science.MIN_VOCABULARY = float("-inf")
    try:
        yield
    finally:
        science.MIN_VOCABULARY = saved


def classify(
    profile: bool,
    by_register: bool = False,
    open_register: bool = False,
    cells: tuple[str, ...] = (),
    split: str = "dev",
) -> tuple[Counter, dict, Counter]:
    """(class counts by (spinner, class, outcome), examples by class, high-p rows by kind);
    with ``by_register`` the spinner is suffixed with the spun document's register
    (``/science`` where :func:`repair.detect.science.is_scientific` holds, else ``/plain``);
    with ``cells``, the dev abstracts of those inner cells (:mod:`tortured_folds`)."""
    config = make_config("spin,tortured,collocation", not profile)
    docs, spun = spun_docs("tortured", split, 40, 0.25)
    if cells:
        from tortured_folds import cell_docs

        docs, spun = [], []
        for cell in cells:
            d, s = cell_docs(cell)
            docs += d
            spun += s
    counts: Counter = Counter()
    examples: dict[str, list] = defaultdict(list)
    high: Counter = Counter()
    for clean, s in zip(docs, spun, strict=True):
        spinner = s.spinner.split("/")[-1]
        if by_register:
            spinner += "/science" if is_scientific(Document(s.spun)) else "/plain"
        with _register_open(open_register):
            out = repair_text(s.spun, config=config)
        by_start = {e.offset: e.replacement.lower() for e in out.edits}
        gate, rare_rows = _rare_rows(s.spun)
        words, feats = extract(s.spun, profile)
        probs = probabilities(feats)
        spin_rows = {w.start: (w.original, p) for w, p in zip(words, probs, strict=True)}
        gold = gold_spans(s)
        high[f"spun_{spinner}"] += sum(p >= HIGH_P for p in probs)
        clean_probs = probabilities(extract(clean.text, profile)[1])
        high["clean_abstract"] += sum(p >= HIGH_P for p in clean_probs)
        for (a, b), orig in gold.items():
            written, low, g = s.spun[a:b], s.spun[a:b].lower(), orig.lower()
            if " " in written or " " in orig:
                key = "multiword"
            elif low in STOPWORDS or len(low) < 3 or not low.isalpha():
                key = "stop/short"
            elif g not in pool(low):
                key = "not_in_pool"
            elif zipf(low) <= rareword.MAX_ZIPF:
                best, why = rare_rows.get(a, ("", "unread"))
                if not gate:
                    key = "rare:gate"
                elif best != g:
                    key = "rare:not_best"
                else:
                    key = "rare:best_applied" if why == "applied" else f"rare:best_{why}"
            elif a not in spin_rows:
                key = "common:not_read"
            else:
                best, p = spin_rows[a]
                key = (
                    "common:not_best"
                    if best != g
                    else "common:best_p>=0.5"
                    if p >= WORD_P
                    else "common:best_lowp"
                )
            rep = by_start.get(a)
            outcome = "missed" if rep is None else "restored" if rep == g else "wrong"
            counts[(spinner, key, outcome)] += 1
            examples[key].append((written, orig, outcome))
    return counts, examples, high


def register_rows(n_docs: int, profile: bool) -> tuple[int, int, int]:
    """(documents, rows with p >= HIGH_P, documents with >= 2 such) over clean dev documents."""
    rows = docs_2 = 0
    chosen = select("dev", n_docs)
    for d in chosen:
        n = sum(p >= HIGH_P for p in probabilities(extract(d.text, profile)[1]))
        rows += n
        docs_2 += n >= 2
    return len(chosen), rows, docs_2


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--show", type=int, default=0, help="examples per class")
    ap.add_argument("--register", action="store_true", help="split by the spun document's register")
    ap.add_argument(
        "--open-register",
        action="store_true",
        help="pipeline with the register's vocabulary bar off (an upper bound)",
    )
    ap.add_argument("--clean", type=int, default=200, help="clean dev documents to compare")
    ap.add_argument("--cells", default="", help="inner dev cells (tortured_folds), e.g. aa,bb")
    ap.add_argument(
        "--split", choices=("dev", "test"), default="dev", help="test: once, at the end"
    )
    args = ap.parse_args(argv)
    cells = tuple(c for c in args.cells.split(",") if c)
    counts, examples, high = classify(
        not args.no_profile, args.register, args.open_register, cells, args.split
    )
    spinners = sorted({k[0] for k in counts})
    outcomes = ("restored", "wrong", "missed")
    print("| spinner | class | subs | " + " | ".join(outcomes) + " |")
    print("|---|---|---|---|---|---|")
    for sp in spinners:
        keys = sorted({k[1] for k in counts if k[0] == sp})
        for key in keys:
            row = [counts[(sp, key, o)] for o in outcomes]
            print(f"| {sp} | {key} | {sum(row)} | " + " | ".join(map(str, row)) + " |")
        total = [sum(counts[(sp, k, o)] for k in keys) for o in outcomes]
        print(f"| {sp} | **all** | {sum(total)} | " + " | ".join(map(str, total)) + " |")
    rows = ", ".join(f"{k} {v}" for k, v in sorted(high.items()))
    print(f"\nspin-model word rows with p >= {HIGH_P}: {rows}")
    if args.clean:
        n, rows, docs_2 = register_rows(args.clean, not args.no_profile)
        print(f"clean dev documents of the other registers: {n} documents, {rows} such rows, "
              f"{docs_2} documents with >= 2")  # fmt: skip
    for key, ex in sorted(examples.items()):
        if args.show:
            print(f"# {key}: {ex[: args.show]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
