"""Document mappings of the phrase self-gate at other floors (dev tuning; session 50, spinphrase).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_phrase_self_sweep.py record spun /tmp/rec_spun.jsonl [--cap 240]
    python benchmarks/spin_phrase_self_sweep.py record clean /tmp/rec_clean.jsonl
    python benchmarks/spin_phrase_self_sweep.py sweep /tmp/rec_spun.jsonl /tmp/rec_clean.jsonl

``record`` runs the pipeline (``repair_text``, stages as ``spin_eval.py``) with
:data:`repair.stages.spin.PHRASE_SELF_GATE` and ``PHRASE_SELF_OPEN`` on, but replaces
:func:`repair.candidates.spin_phrase_self.document_mappings` by a recorder that writes, for
every written span at two or more contexts, each place's one-word originals with their gain
and sides (:func:`repair.candidates.spin_phrase.span_rows`) and how often the document writes
each original; it makes no mapping edit.  ``spun``: the phrase spinner's dev documents
(``select("dev", cap)``, this half's list rows held out as ``--unlisted``), with gold spans;
``clean``: the calibration corpus (every register, both halves, abstracts, the clean suite).
``sweep`` then rebuilds the mappings offline at a grid of right-side floors, mean gains, the
unwritten-first choice and least span words, and counts right / wrong / no-gold places on
the spun documents and places in clean documents by half.  The test half of the spinner's
documents is never read.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))


def record(mode: str, out_path: str, cap: int) -> None:
    from spin_calibrate import clean_suite_docs
    from spin_eval import hold_out_listed, make_config, spun_docs
    from spin_sim import RATE
    from spin_sim.abstracts import abstract_docs
    from spin_sim.corpus import documents
    from train_spin_model import gold_spans

    import repair.candidates.spin_phrase_self as sps
    import repair.stages.spin as stage
    from repair.candidates.spin_phrase import phrase_evidence, span_rows
    from repair.pipeline import repair_text

    rec: list[dict] = []

    def recorder(doc, phrases, covered):  # type: ignore[no-untyped-def]
        rows = [*phrases, *phrase_evidence(doc, covered, function_only=True)]
        places: dict[str, dict[tuple[int, int], bool]] = {}
        for ph in rows:
            if not any(i in covered for i in range(ph.start, ph.end)):
                places.setdefault(ph.written.lower(), {})[(ph.start, ph.end)] = ph.has_right
        written = collections.Counter(t.text.lower() for t in doc.words)
        spans = []
        for w, at in places.items():
            if sps._contexts(doc.text, at) < 2:
                continue
            pl = [
                {
                    "a": a, "b": b, "right": right,
                    "rows": [(o, round(g, 2), round(lg, 2), round(rg, 2))
                             for g, lg, rg, o in span_rows(doc, a, b)],
                }
                for (a, b), right in at.items()
            ]  # fmt: skip
            origs = {r[0] for p in pl for r in p["rows"]}
            spans.append({"w": w, "places": pl, "written": {o: written[o.lower()] for o in origs}})
        rec.append({"spans": spans})
        return []

    stage.PHRASE_SELF_GATE = True
    stage.PHRASE_SELF_OPEN = True
    stage.document_mappings = recorder
    config = make_config("spin,tortured,collocation", False)
    if mode == "clean":
        docs = list(documents()) + abstract_docs() + clean_suite_docs()
        items = [(d.doc_id, d.split, d.text, None) for d in docs]
    else:
        hold_out_listed("dev")
        _docs, spun = spun_docs("phrase", "dev", cap, RATE)
        items = [
            (s.doc_id, "dev", s.spun, {f"{a},{b}": g for (a, b), g in gold_spans(s).items()})
            for s in spun
        ]
    with open(out_path, "w", encoding="utf-8") as out:
        for doc_id, split, text, gold in items:
            rec.clear()
            repair_text(text, (), config)
            row = {"doc_id": doc_id, "split": split, "rec": rec[:1], "gold": gold}
            out.write(json.dumps(row) + "\n")


def mappings(rec: dict, right_floor: float, mean: float, unwritten: bool, min_words: int,
             lead_floor: float = 2.0, max_written: int = 1) -> list[tuple]:  # fmt: skip
    """The document mappings of one recorded document (as ``spin_phrase_self._mapping``)."""
    from repair.detect.span_echo import closed_class

    out = []
    for sp in rec["spans"]:
        if len(sp["w"].split()) < min_words:
            continue
        total: collections.Counter[str] = collections.Counter()
        seen: collections.Counter[str] = collections.Counter()
        ok: dict[str, bool] = {}
        for p in sp["places"]:
            for o, g, lg, rg in p["rows"]:
                total[o] += g
                seen[o] += 1
                ok[o] = ok.get(o, True) and lg > 0 and (rg >= right_floor or not p["right"])
        n = len(sp["places"])
        cands = [
            o for o in total
            if not unwritten or (sp["written"].get(o, 0) <= max_written and closed_class(o.lower()))
        ]  # fmt: skip
        if not cands:
            continue
        ranked = sorted(cands, key=lambda o: -total[o])
        best = ranked[0]
        lead = total[best] - (total[ranked[1]] if len(ranked) > 1 else total[best] - 10)
        if lead < lead_floor or total[best] / n < mean or not ok.get(best) or seen[best] < n:
            continue
        if not any(p["right"] for p in sp["places"]) or not closed_class(best.lower()):
            continue
        if sp["written"].get(best, 0) > max_written:
            continue
        places = [(p["a"], p["b"]) for p in sp["places"]]
        out.append((sp["w"], best, round(total[best] / n, 1), places))
    return out


def sweep(spun_path: str, clean_path: str, show: bool) -> None:
    spun = [json.loads(line) for line in open(spun_path, encoding="utf-8")]
    clean = [json.loads(line) for line in open(clean_path, encoding="utf-8")]
    print("| right floor | mean | unwritten first | min words | right | wrong | no gold "
          "| clean dev | clean test |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    grid = itertools.product((0.0, -0.5, -1.0), (9.0, 8.0, 7.0), (False, True), (2, 3))
    for rf, mean, unwritten, mw in grid:
        right = wrong = nog = 0
        for d in spun:
            for _w, o, _m, places in (mappings(d["rec"][0], rf, mean, unwritten, mw)
                                       if d["rec"] else []):  # fmt: skip
                for a, b in places:
                    g = d["gold"].get(f"{a},{b}")
                    if g is None:
                        nog += 1
                    elif g.lower() == o.lower():
                        right += 1
                    else:
                        wrong += 1
        cm: collections.Counter[str] = collections.Counter()
        ex = []
        for d in clean:
            for m in mappings(d["rec"][0], rf, mean, unwritten, mw) if d["rec"] else []:
                cm[d["split"]] += len(m[3])
                ex.append((d["doc_id"], m[0], m[1], m[2]))
        print(f"| {rf} | {mean} | {unwritten} | {mw} | {right} | {wrong} | {nog} "
              f"| {cm['dev']} | {cm['test']} |")  # fmt: skip
        if show and ex:
            print("  " + "; ".join(f"{i} {w!r}->{o} ({m})" for i, w, o, m in ex))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("record")
    r.add_argument("mode", choices=("spun", "clean"))
    r.add_argument("out")
    r.add_argument("--cap", type=int, default=240)
    s = sub.add_parser("sweep")
    s.add_argument("spun")
    s.add_argument("clean")
    s.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    if args.cmd == "record":
        record(args.mode, args.out, args.cap)
    else:
        sweep(args.spun, args.clean, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
