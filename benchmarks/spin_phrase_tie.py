"""Study (dev only): the near-tied one-word originals of the multi-word spans that
session 41's ``PHRASE_TIE_GAIN`` keeps (``repair/stages/spin.py``).

For each dev document of the given spinners, the spun text is repaired with the tie flag
at its tuned value; every ``SPIN_SYNONYM_PHRASE`` edit is classed against the gold
substitutions (right: the gold span and original; near: the gold span, another original;
off: no gold span there) and, where its best original led the runner-up by less than
``PHRASE_MIN_MARGIN``, its candidate originals within that lead are written with their
features (one JSON line each) for choosing a tie-break.

    python benchmarks/spin_phrase_tie.py --spinner spinbot --spinner double --out /tmp/tie.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_eval import DEFAULT_CAP, RATE, make_config, spun_docs  # noqa: E402

import repair.stages.spin as stage  # noqa: E402
from repair.candidates.spin_doc_channel import policy_bin  # noqa: E402
from repair.candidates.spin_phrase import phrase_evidence, span_originals, span_rows  # noqa: E402
from repair.document import Document  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score.spin_topic import topic_gain  # noqa: E402


def gold_spans(s) -> dict[tuple[int, int], str]:
    """Gold spans on the spun text -> original (lower case)."""
    out, delta = {}, 0
    for g in sorted(s.edits, key=lambda g: g.start):
        a = g.start + delta
        delta += len(g.replacement) - (g.end - g.start)
        out[(a, a + len(g.replacement))] = g.original.lower()
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--spinner", action="append", required=True)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--cap", type=int, default=DEFAULT_CAP)
    ap.add_argument("--out", required=True)
    ap.add_argument("--gain", type=float, default=stage.PHRASE_TIE_GAIN_TUNED)
    args = ap.parse_args()
    if args.split != "dev":
        raise SystemExit("dev only")
    stage.PHRASE_TIE_GAIN = args.gain
    config = make_config("spin,tortured,collocation", False)
    with open(args.out, "w", encoding="utf-8") as fh:
        for name in args.spinner:
            docs, spun = spun_docs(name, args.split, args.cap, RATE)
            for d, s in zip(docs, spun, strict=True):
                if not s.edits:
                    continue
                gold = gold_spans(s)
                r = repair_text(s.spun, (), config)
                phr = [e for e in r.edits if e.rule == "SPIN_SYNONYM_PHRASE"]
                if not phr:
                    continue
                doc = Document(s.spun)
                counts = Counter(t.text.lower() for t in doc.words)
                ev = {(p.start, p.end): p for p in phrase_evidence(doc, set())}
                for e in phr:
                    span = (e.offset, e.offset + e.length)
                    ph = ev.get(span)
                    g = gold.get(span)
                    cls = "off" if g is None else "right" if g == e.replacement.lower() else "near"
                    row = {
                        "spinner": name,
                        "doc": d.doc_id,
                        "span": span,
                        "written": s.spun[span[0] : span[1]],
                        "chosen": e.replacement.lower(),
                        "gold": g,
                        "cls": cls,
                        "margin": None if ph is None else ph.margin,
                        "wordnet": None if ph is None else ph.wordnet,
                        "gain": None if ph is None else ph.gain,
                    }
                    if ph is not None:
                        low = tuple(row["written"].lower().split())
                        order = span_originals(low)[0]
                        row["rows"] = [
                            [*x, counts[x[3]], order.index(x[3]) if x[3] in order else -1,
                             [policy_bin(w, x[3]) for w in low],
                             topic_gain(doc, row["written"], x[3], span[0])]
                            for x in span_rows(doc, span[0], span[1])
                        ]  # fmt: skip
                    fh.write(json.dumps(row) + "\n")
            print(f"# {name} done", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
