"""Dump the document spin score's cues, and source-free register-read ones, per dev document.

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_auc_features.py --set eval /tmp/eval_dev.jsonl   # spun + clean
    python benchmarks/spin_auc_features.py --set clean /tmp/clean_dev.jsonl  # clean dev
    python benchmarks/spin_auc_features.py --set eval --skip 40 --cap 200 --spinner phrase \
        --spinner distrib --spinner distrib1 /tmp/train.jsonl   # training rows (dev docs 40-199)

Session 61, spinauc (issue 11): the table :mod:`repair.detect.spin_combo`'s logistic model
was fitted on (``benchmarks/spin_combo_fit.py``).  Rows, one JSON line each: ``eval``, every
spinner's capped *dev* documents of ``benchmarks/spin_eval.py`` spun (``kind`` "spun") and their
clean originals (``kind`` "clean"), the phrase simulator's dev list rows held out as
``spin_eval.py --unlisted`` does; ``clean``, every clean *dev* document of
``benchmarks/spin_calibrate.py`` (registers and abstracts).  Each row holds the document
score (``score``), the surprise behind it (``surprise``), the pipeline's details of the
score, and :func:`repair.detect.spin_combo.cues` of the text.  Never the test half.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_eval import ALL, hold_out_listed, make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402

from repair.detect import spin_document as sd  # noqa: E402
from repair.detect.spin_combo import cues  # noqa: E402
from repair.detect.spin_neighbour_misfit import neighbour_misfit_share  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402


def surprise_of(score: float) -> float:
    """The surprise the document score was mapped from (:func:`spin_document.document_score`)."""
    import math

    if score < 0.5:
        return 2.0 * sd.SPUN_AT * score
    return sd.SPUN_AT - sd.SPREAD * math.log(max(2.0 * (1.0 - score), 1e-12))


def row(text: str, config: object, **meta: object) -> dict[str, object]:
    r = repair_text(text, (), config)  # type: ignore[arg-type]
    d = r.scores.details
    ss = {k: v for k, v in dict(d.get("spin_score", {})).items() if k != "paraphrase_gains"}
    sp = dict(d.get("spin", {}))
    return {
        **meta,
        "words": r.scores.words,
        "score": r.scores.spin,
        "surprise": round(surprise_of(r.scores.spin), 4),
        "collocation": r.scores.collocation,
        "tortured": r.scores.tortured,
        "family_gate": bool(sp.get("family_gate", False)),
        "spin_score": ss,
        "cues": cues(text),
        "neighbour": round(neighbour_misfit_share(text), 4),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--set", choices=("eval", "clean"), required=True)
    ap.add_argument("--cap", type=int, default=40)
    ap.add_argument(
        "--skip",
        type=int,
        default=0,
        help="eval: leave out the first SKIP capped documents (the ones "
        "spin_eval.py reports on: --skip 40 --cap 200 gives training rows)",
    )
    ap.add_argument("--spinner", action="append", help="eval: these spinners (default every one)")
    ap.add_argument("--max-docs", type=int, default=0, help="clean: at most this many (a look)")
    args = ap.parse_args(argv)
    config = make_config("spin,tortured,collocation", False)
    t0 = time.time()
    n = 0
    with open(args.out, "w", encoding="utf-8") as fh:
        if args.set == "eval":
            hold_out_listed("dev")
            seen: set[str] = set()
            for name in args.spinner or ALL:
                docs, spun = spun_docs(name, "dev", args.cap, RATE)
                for doc, s in list(zip(docs, spun, strict=True))[args.skip :]:
                    if doc.doc_id not in seen:
                        seen.add(doc.doc_id)
                        r = row(doc.text, config, kind="clean", doc_id=doc.doc_id,
                                register=doc.register, split="dev", spinner=None)  # fmt: skip
                        fh.write(json.dumps(r) + "\n")
                    if not s.edits:
                        continue
                    r = row(s.spun, config, kind="spun", doc_id=doc.doc_id,
                            register=doc.register, split="dev", spinner=name)  # fmt: skip
                    fh.write(json.dumps(r) + "\n")
                    n += 1
                fh.flush()
                print(f"# {name}: {n} spun rows, {time.time() - t0:.0f} s", file=sys.stderr)
        else:
            from spin_sim.abstracts import abstract_docs
            from spin_sim.corpus import documents

            docs = [d for d in (*documents(), *abstract_docs()) if d.split == "dev"]
            if args.max_docs:
                docs = docs[: args.max_docs]
            for doc in docs:
                r = row(doc.text, config, kind="clean", doc_id=doc.doc_id,
                        register=doc.register, split="dev", spinner=None)  # fmt: skip
                fh.write(json.dumps(r) + "\n")
                n += 1
                if n % 100 == 0:
                    print(f"# {n} clean rows, {time.time() - t0:.0f} s", file=sys.stderr)
    print(f"# {n} rows in {time.time() - t0:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
