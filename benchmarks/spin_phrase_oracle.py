"""Where multi-word substitutions are lost (dev only): shapes and outcomes of gold spans.

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_phrase_oracle.py --spinner phrase --spinner seed [--show 8]

For the dev documents that ``benchmarks/spin_eval.py --split dev`` reports on (``--cap``,
default 40), each gold substitution gets a *shape* (``written words > original words``,
capped at 3: ``2>1`` is "prior to" for "before", ``1>2`` is "conduct" for "carry out")
and an *outcome* from the full pipeline (``repair_text``, stages as spin_eval):
``restored`` (an edit on exactly that span with the original, by any rule: profile
``SPIN_PHRASE``, ``SPIN_SYNONYM_PHRASE`` or the collocation stage's ``WORDY_PHRASE``),
``wrong`` (an edit overlapping it with another replacement), ``one_word_missed`` (a
one-word substitution left alone: :mod:`benchmarks.spin_oracle` classifies those), else
why the multi-word span was left:

* ``no_cand_or_unread``: :func:`repair.candidates.spin_phrase.phrase_evidence` has no
  row for the span (no candidate original in the phrase table, a span of function
  words only, a name, under a profile span, or more than three written words);
* ``not_best``: read, another original ranked first;
* ``gate_closed``: proposed, but no document gate of the spin stage was open (model,
  profile, family);
* ``rejected``: proposed, a gate open, the phrase rule declined it;
* ``lost``: kept, then lost to an overlapping edit or the LM in the final round.

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

from spin_eval import make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

from repair.detect.spin import THRESHOLD  # noqa: E402
from repair.document import Document  # noqa: E402
from repair.pipeline import _with_lexicons, repair_text  # noqa: E402
from repair.score.spin_model import get_model  # noqa: E402
from repair.stages.spin import STAGE, _phrase_candidate, _phrase_kept, _recurring  # noqa: E402


def shape(written: str, orig: str) -> str:
    return f"{min(len(written.split()), 3)}>{min(len(orig.split()), 3)}"


def classify(
    spinner: str, cap: int, profile: bool
) -> tuple[Counter[tuple[str, str]], dict[tuple[str, str], list]]:
    """(shape, outcome) counts of ``spinner``'s dev gold substitutions, and examples."""
    config = make_config("spin,tortured,collocation", not profile)
    config, pairs = _with_lexicons(config, None)
    cat: Counter[tuple[str, str]] = Counter()
    ex: dict[tuple[str, str], list] = defaultdict(list)
    _docs, spun = spun_docs(spinner, "dev", cap, RATE)
    for s in spun:
        if not s.edits:
            continue
        r = repair_text(s.spun, (), config)
        doc = Document(s.spun, (), config, pairs, s.doc_id)
        det = STAGE.detect(doc)
        d = det.details
        gate = (
            d.get("model_score", 0.0) >= get_model().doc_gate
            or d.get("prior_profile_score", d.get("profile_score", det.score)) >= THRESHOLD
            or bool(d.get("family_gate", False))
        )
        recur = _recurring(det.phrases)
        by_span = {(p.start, p.end): p for p in det.phrases}
        for (a, b), orig in gold_spans(s).items():
            written = s.spun[a:b]
            sh = shape(written, orig)
            hit = [e for e in r.edits if e.offset < b and e.offset + e.length > a]
            exact = [e for e in hit if (e.offset, e.offset + e.length) == (a, b)]
            if any(e.replacement.lower() == orig.lower() for e in exact):
                key = "restored"
            elif hit:
                key = "wrong"
            elif sh == "1>1":
                key = "one_word_missed"
            else:
                ph = by_span.get((a, b))
                if ph is None:
                    key = "no_cand_or_unread"
                elif ph.original.lower() != orig.lower():
                    key = "not_best"
                elif not gate:
                    key = "gate_closed"
                elif not _phrase_kept(
                    _phrase_candidate(ph, (ph.written.lower(), ph.original) in recur)
                ):
                    key = "rejected"
                else:
                    key = "lost"
            cat[(sh, key)] += 1
            ex[(sh, key)].append((written, orig))
    return cat, ex


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: phrase, seed)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--no-profile", action="store_true", help="without the seed profile")
    ap.add_argument("--show", type=int, default=0, help="examples per class")
    ap.add_argument(
        "--unlisted",
        action="store_true",
        help="hold out the list rows that are dev phrase families' spun forms (as spin_eval.py)",
    )
    args = ap.parse_args(argv)
    if args.unlisted:
        from spin_eval import hold_out_listed

        hold_out_listed("dev")
    for spinner in args.spinner or ["phrase", "seed"]:
        cat, ex = classify(spinner, args.cap, not args.no_profile)
        n = max(sum(cat.values()), 1)
        shapes = Counter()
        for (sh, _k), v in cat.items():
            shapes[sh] += v
        multi = sum(v for sh, v in shapes.items() if sh != "1>1")
        print(f"{spinner}: {n} substitutions, multi-word on either side {multi / n:.3f}; "
              + ", ".join(f"{k} {v}" for k, v in sorted(shapes.items())))  # fmt: skip
        for (sh, k), v in sorted(cat.items()):
            line = f"  {sh} {k:18s} {v:5d}"
            if args.show:
                line += "  " + "; ".join(f"{w!r}>{o!r}" for w, o in ex[(sh, k)][: args.show])
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
