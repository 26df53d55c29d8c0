"""Byte-identity check for speed work on spun text: ``repair_text`` outputs, edits, scores.

    cd /tmp && PYTHONPATH=/other/checkout python /this/checkout/benchmarks/spin_identity.py \
        dump A.jsonl
    python benchmarks/spin_identity.py dump B.jsonl       # this checkout
    python benchmarks/spin_identity.py diff A.jsonl B.jsonl

``dump`` repairs the inputs of ``benchmarks/spin_eval.py --all`` (dev and test splits,
``--cap`` documents each, default 40: every simulator's spun documents, the tortured
abstracts and the clean originals) under the configurations that matter: the default
pipeline with the profile (what ``repair fix`` runs), and ``spin_eval``'s stages
(spin, tortured, collocation) with and without the profile.  One JSON line per
(configuration, input): the SHA-256 of the repaired text, every edit (offset, original,
replacement, kind, confidence, rule) and a hash of the document scores
(``DocScores.to_json()``, stage details included).  The script puts only its own
``benchmarks`` folder (the simulators) on ``sys.path``: the ``repair`` package is
whichever the running Python imports, so the same file compares two checkouts.
``diff`` prints the inputs whose text, edits or scores differ (exit 1 if any).  ``dump``
refuses (exit 2) when a register of the corpus is missing: set ``REPAIR_SHARED`` when
running it from an export outside the checkout.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from ocr_identity import diff  # noqa: E402  (the same record format: name, sha, edits, scores)


def inputs(cap: int, splits: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """``(name, text)``: clean originals, then each spinner's spun documents, per split."""
    from spin_sim import RATE, SPINNERS, spin_doc
    from spin_sim.abstracts import abstract_docs, spin_abstract
    from spin_sim.corpus import select

    for split in splits:
        docs = select(split, cap)
        for d in docs:
            yield f"{split}/clean/{d.doc_id}", d.text
        for name in SPINNERS:
            for d in docs:
                s = spin_doc(d.doc_id, d.register, d.text, name, split, RATE)
                if s.edits:
                    yield f"{split}/{name}/{d.doc_id}", s.spun
        for d in [d for d in abstract_docs() if d.split == split][:cap]:
            yield f"{split}/tortured-clean/{d.doc_id}", d.text
            s = spin_abstract(d, split, RATE)
            if s.edits:
                yield f"{split}/tortured/{d.doc_id}", s.spun


def configs() -> dict[str, object]:
    from repair.config import RepairConfig
    from repair.stages import REGISTRY

    def only(no_profile: bool) -> RepairConfig:
        on = {"spin", "tortured", "collocation"}
        flags = {s.name: s.name in on for s in REGISTRY}
        return RepairConfig(**flags, spin_profile=None if no_profile else "default")

    return {"default": RepairConfig(), "eval": only(False), "eval-noprofile": only(True)}


def dump(out: Path, cap: int, splits: tuple[str, ...], names: list[str]) -> int:
    import repair
    from repair.pipeline import repair_text

    print(f"repair from {Path(repair.__file__).parent}", file=sys.stderr)
    cfgs = {k: v for k, v in configs().items() if not names or k in names}
    repair_text("The assembly was held yesterday to debate the proposal.")  # load once
    # a register left out (no ../shared beside the checkout) would make a smaller dump
    # that "differs" from a full one, or matches another partial one: refuse it
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message="spin corpus: no folder")
        try:
            texts = list(inputs(cap, splits))
        except UserWarning as exc:
            print(f"spin_identity: {exc}", file=sys.stderr)
            return 2
    t0 = time.process_time()
    with out.open("w", encoding="utf-8") as fh:
        for cname, cfg in cfgs.items():
            for name, text in texts:
                res = repair_text(text, config=cfg)  # type: ignore[arg-type]
                edits = [
                    [e.offset, e.original, e.replacement, e.kind, round(e.confidence, 6), e.rule]
                    for e in res.edits
                ]
                row = {
                    "name": f"{cname}/{name}",
                    "sha": hashlib.sha256(res.text.encode("utf-8")).hexdigest(),
                    "edits": edits,
                    "scores": hashlib.sha256(
                        json.dumps(res.scores.to_json(), sort_keys=True, default=repr).encode()
                    ).hexdigest()[:16],
                }
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{out}: {len(texts)} texts x {len(cfgs)} configurations, "
          f"{time.process_time() - t0:.1f} s CPU", file=sys.stderr)  # fmt: skip
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--cap", type=int, default=40, help="documents per split (spin_eval's cap)")
    d.add_argument("--split", action="append", choices=("dev", "test"))
    d.add_argument("--config", action="append", choices=("default", "eval", "eval-noprofile"))
    c = sub.add_parser("diff")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        return dump(args.out, args.cap, tuple(args.split or ("dev", "test")), args.config or [])
    return diff(args.a, args.b)


if __name__ == "__main__":
    raise SystemExit(main())
