"""British / period spellings the OCR scorer's language model prices at its unknown-word floor.

    python benchmarks/ocr_variant_account.py [--split dev] [--decisions] [--top 30]

Part 1 (gold text; issue 12, session 57): the word tokens of the SMH gold (``--split``) and
of the ICDAR 2017 monographs' gold (files 1-80) that the trigram model does not know, and
of those the ones :func:`repair.score.ocr_variantlm.variant_of` maps to a spelling it
knows (the British → American rules; with ``--archaic`` also the early modern → modern
form), with the top forms.

Part 2 (``--decisions``): every decision of the OCR scorer (:meth:`repair.score.ocr.Scorer.decide`,
run in Python) on the raw OCR of the same texts, made twice, once with the model as
shipped (the floor) and once with the variant back-off: how many decisions read a word the
back-off maps (in the print, the reading or the two words of context each side) and how
many change their verdict (accepted ↔ refused).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(1, str(Path(__file__).resolve().parent))

from ocr_eval import load_icdar  # noqa: E402
from smh_eval import DEFAULT_DATA, selected  # noqa: E402

from repair.bench.suites import shared_dir  # noqa: E402
from repair.resources.lm import get_lm  # noqa: E402

ICDAR = shared_dir() / "data/ocr/icdar2017_eng_monograph"
_WORD = re.compile(r"[A-Za-z]+")


def texts(split: str) -> dict[str, tuple[list[str], list[str]]]:
    """``{corpus: (raw pages, gold pages)}``: SMH ``split`` and ICDAR files 1-80."""
    arts = selected(DEFAULT_DATA, split)
    icdar_raw, icdar_gold = [], []
    for i in range(1, 81):
        raw, _oa, ga = load_icdar(ICDAR / f"{i}.txt")
        icdar_raw.append(raw)
        icdar_gold.append(ga.replace("@", "").replace("#", ""))
    return {
        f"SMH {split}": ([a.raw for a in arts], [a.gold for a in arts]),
        "ICDAR 1-80": (icdar_raw, icdar_gold),
    }


def gold_account(name: str, pages: list[str], top: int) -> None:
    from repair.score.ocr_variantlm import variant_of

    lm = get_lm()
    words = [w.lower() for p in pages for w in _WORD.findall(p)]
    unknown = Counter(w for w in words if not lm.known(w))
    mapped = Counter({(w, variant_of(w)): n for w, n in unknown.items() if variant_of(w)})
    print(f"\n### {name} gold: {len(words):,} word tokens")
    n_unknown = sum(unknown.values())
    print(f"- unknown to the model (floor): {n_unknown:,} tokens, {len(unknown):,} forms")
    print(f"- of those mapped by the rules: {sum(mapped.values()):,} tokens, {len(mapped):,} forms")
    shown = ", ".join(f"{w} → {v} {n}" for (w, v), n in mapped.most_common(top))
    print(f"- top: {shown}")


def decision_account(name: str, pages: list[str]) -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text
    from repair.score import ocr_decide_fast, ocr_variantlm
    from repair.score.ocr import Scorer

    ocr_decide_fast.FAST = ocr_decide_fast.LOOP = False
    floor = Scorer()
    floor.lm = get_lm()
    ocr_variantlm.VARIANT_BACKOFF = True
    tally: Counter[str] = Counter()
    flips: Counter[tuple[str, str, str]] = Counter()
    own = Scorer._decide

    def both(self: Scorer, orig: list[str], alt: list[str], prev: list[str], nxt: list[str],
             *rest: object) -> object:  # fmt: skip
        d = own(self, orig, alt, prev, nxt, *rest)  # type: ignore[arg-type]
        tally["decisions"] += 1
        words = [*orig, *alt, *prev[-2:], *nxt[:2]]
        if any(ocr_variantlm.variant_of(w.lower()) for w in words):
            tally["touched"] += 1
            d0 = own(floor, orig, alt, prev, nxt, *rest)  # type: ignore[arg-type]
            if d0.accept != d.accept:
                key = "accepted by the back-off" if d.accept else "refused by the back-off"
                tally[key] += 1
                flips[(key, " ".join(orig), " ".join(alt))] += 1
        return d

    Scorer._decide = both  # type: ignore[method-assign]
    try:
        for page in pages:
            repair_text(page, config=RepairConfig())
    finally:
        Scorer._decide = own  # type: ignore[method-assign]
        ocr_variantlm.VARIANT_BACKOFF = False
    print(f"\n### {name} raw OCR: the scorer's decisions, floor vs back-off")
    for k in ("decisions", "touched", "accepted by the back-off", "refused by the back-off"):
        print(f"- {k}: {tally[k]:,}")
    for (key, o, a), n in flips.most_common(40):
        print(f"  - {key}: {o!r} → {a!r} ×{n}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test", "dev-a", "dev-b"])
    ap.add_argument("--decisions", action="store_true", help="also the A/B decision count")
    ap.add_argument("--archaic", action="store_true", help="ocr_variantlm.ARCHAIC_BACKOFF on")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)
    if args.archaic:
        from repair.score import ocr_variantlm

        ocr_variantlm.ARCHAIC_BACKOFF = True
    for name, (raw, gold) in texts(args.split).items():
        gold_account(name, gold, args.top)
        if args.decisions:
            decision_account(name, raw)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
