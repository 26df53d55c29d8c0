"""Lightly garbled text: synthetic OCR noise at a tenth of the usual rates over clean English.

    python benchmarks/ocr_light_eval.py [--scale 0.1] [--docs 480]

Clean paragraphs (more than 60 words) of four registers of ``../shared/data/clean_english``
(ABC news, WSJ, State of the Union, inaugural addresses; a fixed-seed shuffle) are paired
into two-paragraph documents and damaged by ``benchmarks/make_ocr_suite.py``'s noise (glyph
confusions, splits, merges, glued commas, line-end hyphens) with every rate multiplied by
``--scale``: at 0.1 about 1.5 % of the words are wrong, the range of a clean-looking page of
real OCR.  Each document is repaired (spin and tortured stages off); reported: documents
whose garble gate opens, word errors before and after (``matched_words``), and correct words
broken.  The clean paragraphs are read in place, never copied.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_ocr_suite as noise  # noqa: E402

from repair.bench.suites import shared_dir  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.detect.ocr import detect_ocr, is_garbled  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402

REGISTERS = ("abc_news", "wsj", "inaugural", "state_union")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=float, default=0.1, help="multiplies every noise rate")
    ap.add_argument("--docs", type=int, default=120, help="documents per register")
    ap.add_argument("--data", type=Path, default=shared_dir() / "data/clean_english")
    args = ap.parse_args(argv)
    for name in ("P_CONFUSE", "P_SPLIT", "P_MERGE", "P_COMMA", "P_HYPHEN"):
        setattr(noise, name, getattr(noise, name) * args.scale)
    config = RepairConfig(spin=False, tortured=False)
    rng = random.Random(7)
    tot = dict.fromkeys(("docs", "opened", "words", "before", "after", "correct", "broken"), 0)
    for reg in REGISTERS:
        files = sorted((args.data / reg).iterdir())
        text = "\n".join(f.read_text(encoding="utf-8", errors="replace") for f in files)
        paras = [p for p in text.split("\n\n") if len(p.split()) > 60]
        random.Random(1).shuffle(paras)
        for k in range(0, min(len(paras), 2 * args.docs), 2):
            clean = "\n\n".join(paras[k : k + 2])
            damaged = noise.damage(clean, rng)
            gold = " ".join(clean.split())
            out = repair_text(damaged, config=config).text
            n, ok_before, err_before = noise.matched_words(damaged, gold)
            _, ok_after, err_after = noise.matched_words(out, gold)
            tot["docs"] += 1
            tot["opened"] += is_garbled(detect_ocr(damaged))
            tot["words"] += n
            tot["before"] += err_before
            tot["after"] += err_after
            tot["correct"] += len(ok_before)
            tot["broken"] += len(ok_before - ok_after)
    fixed = 100.0 * (tot["before"] - tot["after"]) / max(1, tot["before"])
    print(
        f"scale {args.scale}: {tot['docs']} documents, gate opened on {tot['opened']}; "
        f"{tot['words']} words, word errors {tot['before']} -> {tot['after']} "
        f"({fixed:.1f} % fixed); "
        f"correct words broken {tot['broken']}/{tot['correct']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
