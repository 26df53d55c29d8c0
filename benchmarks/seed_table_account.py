"""An account of the seed table's own families on dev: what the pipeline makes of each
substitution, and where the first reading left it (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/seed_table_account.py --unprofiled [--spinner seeddense] [--show 8]

``seeddense`` documents mix the seed table's translation-like families ("agency" for
"company", "in direction of" for "toward") with a WordNet extension whose pairs the
restorer's WordNet tables hold by construction (benchmarks/RESULTS.md, session 24,
seedfam24).  This script classes only the **table** families' substitutions of the dev
half (``spin_sim.seeddense.in_half(g, "dev-table")``; for ``--spinner seed`` every
substitution is a table family's).  ``--unprofiled`` first holds the dev families' pairs
out of the profile (``spin_eval.hold_out_profile``), so the account is of families the
profile was not written for, as the held-out ones are.

Each substitution gets an outcome (``right``: the pipeline's edits restore the original;
``wrong``: another text; ``left``: unchanged) and a reach class from the first reading:
``multiword`` (written span or original of two or more words), ``no_row`` (the first
reading has no word row for the written word: a common or closed-class word, or no
candidate), ``row_wrong`` (a row proposing another original), ``row_right`` (a row
proposing the gold original; ``left`` there means declined).  The test half is never read.

``--why`` splits every cell by the reason it is where it is (:func:`why`): for a row
proposing the gold, whether the document's word gate was shut (``gate_shut``: the word
bar is over 1, no spinner-agnostic word is restored) or the row's probability was under
the bar (``under_bar``); for another proposal or no row, whether any candidate source
holds the gold at all (``gold_unreached``: the reverse synonym table has no such pair, a
translation habit; ``gold_not_first``: it holds it, another original ranked first;
``stopword`` / ``common``: the written word is never read as a word row) and for a
multi-word span, whether the phrase table offers the one-word gold (``phrase_holds`` /
``phrase_lacks``; ``two_word_original`` where the original has two words).
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

from spin_eval import half_spans, hold_out_profile, make_config, restored, spun_docs  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

import repair.stages.spin as spin_stage  # noqa: E402
from repair.candidates.spin_phrase import span_originals  # noqa: E402
from repair.candidates.spin_synonyms import STOPWORDS, originals_of  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402


def reach(written: str, original: str, row: str | None) -> str:
    """The reach class of one substitution given the first reading's proposal ``row``."""
    if len(written.split()) > 1 or len(original.split()) > 1:
        return "multiword"
    if row is None:
        return "no_row"
    return "row_right" if row.lower() == original.lower() else "row_wrong"


def why(written: str, original: str, reach_class: str, bar: float, prob: float | None) -> str:
    """The reason of one substitution's cell (module docstring, ``--why``); ``bar`` is the
    document's word bar, ``prob`` the first reading's probability of the word's row."""
    low, gold = written.lower(), original.lower()
    if reach_class == "multiword":
        if len(gold.split()) > 1:
            return "two_word_original"
        words = tuple(low.split())
        held = len(words) <= 3 and gold in span_originals(words)[0]
        return "phrase_holds" if held else "phrase_lacks"
    if reach_class == "row_right":
        return "gate_shut" if bar > 1.0 else ("under_bar" if (prob or 0.0) < bar else "over_bar")
    if reach_class == "no_row":
        if low in STOPWORDS or not low.isalpha():
            return "stopword"
        if zipf(low) >= spin_stage.MAX_WRITTEN_ZIPF:
            return "common"
    return "gold_not_first" if gold in originals_of(low) else "gold_unreached"


def outcome(spun: str, span: tuple[int, int], original: str, edits: tuple) -> str:
    """``right``, ``wrong`` or ``left`` for the gold span ``span`` of ``spun``."""
    got = restored(spun, span, edits)
    if got == original:
        return "right"
    return "left" if got == spun[span[0] : span[1]] else "wrong"


def table_spans(spinner: str, s) -> dict[tuple[int, int], str]:  # noqa: ANN001
    """The dev table families' gold spans of one spun document (spun offsets)."""
    if spinner == "seeddense":
        return half_spans(s, "dev-table")
    return gold_spans(s)


def account(spinner: str, cap: int, reasons: bool = False) -> tuple[Counter, dict]:
    """(counts by (reach, outcome), examples by (reach, outcome)) over the dev documents;
    with ``reasons`` the keys are (reach, outcome, :func:`why`)."""
    rows: list[dict[tuple[int, int], str]] = []
    probs: list[dict[tuple[int, int], float]] = []
    bars: list[float] = []
    score = spin_stage._Stage.score

    def recording(self, doc, detection, candidates):  # noqa: ANN001, ANN202
        words = getattr(detection, "words", ())
        rows.append({(w.start, w.end): w.original for w in words})
        probs.append(
            {
                (w.start, w.end): p
                for w, p in zip(words, getattr(detection, "probs", ()), strict=False)
            }
        )
        bars.append(spin_stage.word_bar(detection.details))
        return score(self, doc, detection, candidates)

    spin_stage._Stage.score = recording
    cells: Counter = Counter()
    examples: dict = defaultdict(Counter)
    try:
        config = make_config("spin,tortured,collocation", False)
        _docs, spun = spun_docs(spinner, "dev", cap, 0.25)
        for s in spun:
            rows.clear()
            probs.clear()
            bars.clear()
            result = repair_text(s.spun, config=config)
            edits = tuple(sorted(result.edits, key=lambda e: e.offset))
            first = rows[0] if rows else {}
            for span, orig in table_spans(spinner, s).items():
                written = s.spun[span[0] : span[1]]
                key = (reach(written, orig, first.get(span)), outcome(s.spun, span, orig, edits))
                if reasons:
                    bar = bars[0] if bars else 2.0
                    key += (why(written, orig, key[0], bar, probs[0].get(span) if probs else None),)
                cells[key] += 1
                examples[key][(written, orig)] += 1
    finally:
        spin_stage._Stage.score = score
    return cells, examples


def print_reasons(spinner: str, cells: Counter, examples: dict, show: int) -> int:
    """The ``--why`` table: one line per (reach, reason) with its outcomes."""
    n = max(sum(cells.values()), 1)
    print(f"{spinner} dev, table families: {n} substitutions, by reason")
    print("| reach | reason | right | wrong | left | share |")
    print("|---|---|---|---|---|---|")
    pairs = sorted(
        {(r, w) for r, _o, w in cells},
        key=lambda k: (k[0], -sum(cells[(k[0], o, k[1])] for o in ("right", "wrong", "left"))),
    )
    for r, w in pairs:
        got = [cells[(r, o, w)] for o in ("right", "wrong", "left")]
        print(f"| {r} | {w} | {got[0]} | {got[1]} | {got[2]} | {sum(got) / n:.3f} |")
    for key in sorted(examples) if show else ():
        print(f"  {'/'.join(key)}: {examples[key].most_common(show)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", default="seeddense", choices=("seeddense", "seed"))
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument(
        "--unprofiled",
        action="store_true",
        help="hold out the profile rows that are the dev seed families' pairs",
    )
    ap.add_argument("--show", type=int, default=0, help="examples per cell")
    ap.add_argument("--why", action="store_true", help="split each cell by its reason")
    ap.add_argument(
        "--model",
        help="spin model lexicon file (e.g. spin_model_heldseed.json: the seed spinner "
        "held out of training)",
    )
    args = ap.parse_args(argv)
    if args.model:
        from repair.score.spin_model import use_model_file

        use_model_file(args.model)
        print(f"# spin model: {args.model}")
    if args.unprofiled:
        print(f"# profile rows of the dev seed families held out: {hold_out_profile('dev')}")
    cells, examples = account(args.spinner, args.cap, args.why)
    if args.why:
        return print_reasons(args.spinner, cells, examples, args.show)
    n = max(sum(cells.values()), 1)
    print(f"{args.spinner} dev, table families: {n} substitutions")
    print("| reach | right | wrong | left | share |")
    print("|---|---|---|---|---|")
    for r in ("row_right", "row_wrong", "no_row", "multiword"):
        got = [cells[(r, o)] for o in ("right", "wrong", "left")]
        print(f"| {r} | {got[0]} | {got[1]} | {got[2]} | {sum(got) / n:.3f} |")
    tot = [sum(v for (_r, o), v in cells.items() if o == k) for k in ("right", "wrong", "left")]
    print(f"| all | {tot[0]} | {tot[1]} | {tot[2]} | 1.000 |")
    for key in sorted(examples) if args.show else ():
        print(f"  {key[0]}/{key[1]}: {examples[key].most_common(args.show)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
