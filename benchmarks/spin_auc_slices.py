"""Document-score AUC on many more documents than ``spin_eval``'s 40, and shapes replayed.

Session 66 (spinauc; benchmarks/RESULTS.md, "Session 66, spinauc").  With 40 documents a
side an AUC near 0.75 moves +-0.03 by sampling, and the under-the-cut shapes of sessions 59-65
rose on dev and fell on test.  Two steps:

* ``dump OUT [--from A] -- SPIN_EVAL_ARGS``: runs ``spin_eval`` (``ORDINARY_FIT_DAMPEN`` off:
  main's score) and writes, per repaired text, the score's arguments, the register-read misfit
  surprise (:func:`repair.pipeline._fit_surprise`, computed for every text), the restorer's
  edits; per spinner, each document's place and the clean / spun text hashes.  ``--from A``
  keeps places ``A`` to ``--cap`` only (a slice no earlier run read).
* ``replay DUMP [--slice A:B ...] [--set NAME=VALUE ...]``: the AUC of main's score and of the
  score with ``ORDINARY_FIT_DAMPEN`` on (and any ``spin_document`` constant set), computed by
  :func:`repair.detect.spin_document.surprise` exactly as the pipeline does, per spinner and
  slice of places.

  python benchmarks/spin_auc_slices.py dump /tmp/d.jsonl -- --spinner seed --split dev \
      --cap 400 --unlisted
  python benchmarks/spin_auc_slices.py replay /tmp/d.jsonl --slice 0:40 --slice 200:400
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _h(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def dump(out: str, start: int, args: list[str]) -> int:
    import spin_eval

    import repair.pipeline as pipeline
    from repair.detect import spin_document as sd

    sd.ORDINARY_FIT_DAMPEN = False  # main's score; the fit is read here for every text
    last: dict[str, object] = {}
    real = pipeline.document_spin

    def spy(*a: object, **kw: object) -> float:
        if "fit_surprise" not in kw:
            last["args"] = a
        return real(*a, **kw)  # type: ignore[arg-type]

    pipeline.document_spin = spy
    if start:
        select = spin_eval.select
        spin_eval.select = lambda split, cap: select(split, cap)[start:]
    fh = open(out, "w", encoding="utf-8")  # noqa: SIM115 - closed at exit
    fits: dict[str, float | None] = {}
    ctx = {"spinner": "", "clean": False}

    def repair(self: spin_eval.Runner, text: str, refs: tuple[str, ...] = ()) -> tuple:
        last.clear()
        r = pipeline.repair_text(text, refs, self.config)
        h = _h(text)
        if h not in fits:
            fits[h] = pipeline._fit_surprise(text)
        edits = [e.kind for e in r.edits if e.original != e.replacement]
        kind = "clean" if ctx["clean"] else "spun"
        row = {"h": h, "spinner": ctx["spinner"], "kind": kind, "args": last.get("args"),
               "fit": fits[h], "edits": edits, "score": r.scores.spin}  # fmt: skip
        fh.write(json.dumps(row) + "\n")
        s = r.scores
        return r.text, (s.spin, 1.0 - (1.0 - s.spin) * (1.0 - s.collocation)), r.edits

    clean, evaluate = spin_eval.Runner.clean, spin_eval.Runner.evaluate

    def clean_(self: spin_eval.Runner, doc: object) -> object:
        ctx["clean"] = True
        try:
            return clean(self, doc)
        finally:
            ctx["clean"] = False

    def evaluate_(self: spin_eval.Runner, spinner: str, split: str, docs: list, spun: list):  # noqa: ANN202
        ctx["spinner"] = spinner
        for i, (d, s) in enumerate(zip(docs, spun, strict=True)):
            row = {"pair": spinner, "doc": d.doc_id, "i": start + i, "c": _h(d.text),
                   "s": _h(s.spun) if s.edits else None}  # fmt: skip
            fh.write(json.dumps(row) + "\n")
        return evaluate(self, spinner, split, docs, spun)

    spin_eval.Runner.repair = repair  # type: ignore[method-assign]
    spin_eval.Runner.clean = clean_  # type: ignore[method-assign]
    spin_eval.Runner.evaluate = evaluate_  # type: ignore[method-assign]
    return spin_eval.main(args)


def replay(path: str, slices: list[tuple[int, int]], sets: dict[str, object]) -> None:
    from spin_sim.roc import auc

    from repair.detect import spin_document as sd

    recs, pairs = {}, []
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if "pair" in r:
            pairs.append(r)
        else:
            recs[r["h"]] = r

    def score(r: dict, on: bool) -> float:
        out = sd.surprise(*r["args"])
        if not on or out >= sd.SPUN_AT or r["fit"] is None:
            return out
        restored = sum(1 for k in r["edits"] if k in sd.RESTORING_KINDS)
        sd.ORDINARY_FIT_DAMPEN = True
        try:
            return sd.surprise(*r["args"], fit_surprise=r["fit"], restored=restored)
        finally:
            sd.ORDINARY_FIT_DAMPEN = False

    for name, value in sets.items():
        setattr(sd, name, value)
    print("| spinner | places | pairs | main | on |")
    print("|---|---|---|---|---|")
    for sp in dict.fromkeys(q["pair"] for q in pairs):
        for a, b in slices:
            qs = [q for q in pairs if q["pair"] == sp and a <= q["i"] < b]
            row = []
            for on in (False, True):
                clean = [score(recs[q["c"]], on) for q in qs]
                spun = [score(recs[q["s"]], on) for q in qs if q["s"]]
                row.append(auc(spun, clean) if spun and clean else float("nan"))
            print(f"| {sp} | {a}-{b - 1} | {len(qs)} | {row[0]:.4f} | {row[1]:.4f} |")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["dump"]:
        rest = argv[1:]
        extra = rest[rest.index("--") + 1 :] if "--" in rest else []
        ap = argparse.ArgumentParser(prog="spin_auc_slices.py dump")
        ap.add_argument("out")
        ap.add_argument("--from", dest="start", type=int, default=0)
        a = ap.parse_args(rest[: rest.index("--")] if "--" in rest else rest)
        return dump(a.out, a.start, extra)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=["replay"])
    ap.add_argument("dump")
    ap.add_argument("--slice", action="append", default=[], help="places A:B (B exclusive)")
    ap.add_argument("--set", action="append", default=[], help="spin_document NAME=VALUE")
    a = ap.parse_args(argv)
    slices = [tuple(int(x) for x in s.split(":")) for s in a.slice] or [(0, 10**9)]
    sets = {k: json.loads(v) for k, v in (s.split("=", 1) for s in a.set)}
    replay(a.dump, slices, sets)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
