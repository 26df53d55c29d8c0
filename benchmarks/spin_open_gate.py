"""Per-document gate of ``LEARNED_OPEN``: which documents it should open.

Usage (from the checkout root, after ``spin_learning.py`` has learned the pairs)::

    python benchmarks/spin_open_gate.py --spinner wordnet --n 1000 --split dev

Each held-out spun document (``spin_learning.split_docs``) and each of ``--clean-cap``
clean documents of the split is repaired with the learned pairs twice, with
``repair.stages.spin.LEARNED_OPEN`` off and on (no per-document gate), and the gate's
evidence (distinct weak learned forms, summed surprise, expected forms:
``learned_open_evidence``, then the forms found with their counts and the document's
words) is recorded.  A gate (minimum forms, minimum surprise) then picks per document which of the
two repairs it gets, so every threshold is read off the same two runs: error reduction on
the spun documents and changed tokens per 1,000 on the clean ones.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_eval import Runner, make_config  # noqa: E402
from spin_learning import WORK, ensure_rates, split_docs  # noqa: E402
from spin_sim import RATE, spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402

import repair.stages.spin as spin_stage  # noqa: E402
from repair.bench.metrics import Counts, doc_metrics  # noqa: E402
from repair.stages.spin import learned_open_evidence  # noqa: E402

_SEEN: list[tuple[int, float, float]] = []
#: The weak learned forms found (form -> occurrences) at each gate call of a document.
_FORMS: list[dict[str, int]] = []


def _recording_gate(doc, candidates) -> bool:  # noqa: ANN001
    found = Counter(
        doc.text[c.start : c.end].lower()
        for c in candidates
        if c.source == "SPIN_LEARNED"
        and c.features.get("weight", 1.0) < spin_stage.LEARNED_CONFIDENT
    )
    _SEEN.append(
        learned_open_evidence(doc.text, set(found), spin_stage._weak_forms(doc),
                              spin_stage._weak_rates(doc))
    )  # fmt: skip
    _FORMS.append(dict(found))
    return True


Evidence = tuple


def _counts(runner: Runner, spun: str, clean: str) -> tuple[tuple[Counts, Counts], Evidence]:
    _SEEN.clear()
    _FORMS.clear()
    spin_stage.LEARNED_OPEN = True
    out, _s, edits = runner.repair(spun)
    on = doc_metrics(spun, clean, out, edits)
    ev = max(_SEEN, default=(0, 0.0, 0.0))
    forms: dict[str, int] = {}
    for f in _FORMS:
        for k, v in f.items():
            forms[k] = max(forms.get(k, 0), v)
    ev = (*ev, forms, len(spun.split()))
    spin_stage.LEARNED_OPEN = False
    out, _s, edits = runner.repair(spun)
    off = doc_metrics(spun, clean, out, edits)
    spin_stage.LEARNED_OPEN = True
    return (on, off), ev


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", required=True)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--cap", type=int, default=40)
    ap.add_argument("--clean-cap", type=int, default=40)
    ap.add_argument("--hold-rest", type=int, default=0, help="as spin_learning.py (dev only)")
    ap.add_argument("--out", required=True, help="JSON lines of per-document figures")
    ap.add_argument("--work", help=f"learning folder of spin_learning.py (default {WORK})")
    ap.add_argument(
        "--clean-held",
        action="store_true",
        help="the clean documents are the clean versions of the held-out spun ones "
        "(not --clean-cap documents of the split, which may have been learned on)",
    )
    args = ap.parse_args(argv)
    spin_stage._learned_open_gate = _recording_gate
    work = Path(args.work) if args.work else WORK
    folder = work / f"{args.spinner}_{args.n}_np{'_dev' if args.split == 'dev' else ''}"
    ensure_rates(folder / "pairs.tsv")
    config = dataclasses.replace(
        make_config("spin,tortured,collocation", True), lexicons=(folder / "pairs.tsv",)
    )
    runner = Runner(config)
    docs = split_docs(args.split, 0, args.cap, args.hold_rest)[1]
    rows = []
    for d in docs:
        s = spin_doc(d.doc_id, d.register, d.text, args.spinner, None, RATE)
        if not s.edits:
            continue
        (on, off), ev = _counts(runner, s.spun, s.clean)
        rows.append({"kind": "spun", "id": d.doc_id, "ev": ev, "on": dataclasses.asdict(on),
                     "off": dataclasses.asdict(off)})  # fmt: skip
    clean_docs = docs[: args.clean_cap] if args.clean_held else select(args.split, args.clean_cap)
    for d in clean_docs:
        (on, off), ev = _counts(runner, d.text, d.text)
        rows.append({"kind": "clean", "id": d.doc_id, "ev": ev, "on": dataclasses.asdict(on),
                     "off": dataclasses.asdict(off)})  # fmt: skip
    Path(args.out).write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
