"""Lightly garbled text: synthetic OCR noise at a tenth of the usual rates over clean English.

    python benchmarks/ocr_light_eval.py [--scale 0.1] [--docs 480]
    python benchmarks/ocr_light_eval.py --suite [--split dev|test]

``--suite`` scores the suite ``benchmarks/make_ocr_light_suite.py`` writes (confusions
sampled from the learned table at 0.3-2 % of tokens, five registers, split by document):
per rate, documents whose gate opens, damaged spans fixed (recall; plain non-words and
real words apart), edits right among all OCR edits (precision), edits touching no
damaged span (broken), and OCR edits on the clean originals (must be 0).  Without it:

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
from repair.detect.ocr_probe import gate_opens  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402

REGISTERS = ("abc_news", "wsj", "inaugural", "state_union")


OCR_KINDS = ("ocr", "spacing", "hyphenation")


def spans_hit(e, spans: list[dict]) -> list[int]:
    """The damaged spans edit ``e`` touches (an insertion: the spans it sits in or beside)."""
    return [
        k
        for k, sp in enumerate(spans)
        if e.offset < sp["end"]
        and sp["start"] < e.end
        or e.length == 0
        and sp["start"] <= e.offset <= sp["end"]
    ]


def _edit_right(damaged: str, e, span: dict) -> bool:
    """Whether edit ``e`` on ``damaged`` restores ``span``'s gold (over their union)."""
    a, b = min(e.offset, span["start"]), max(e.end, span["end"])
    new = damaged[a : e.offset] + e.replacement + damaged[e.end : b]
    want = damaged[a : span["start"]] + span["gold"] + damaged[span["end"] : b]
    return new == want


def _shown(text: str, e, where: str) -> str:
    """One listed edit: where, the print, the reading and the context (``--show``)."""
    ctx = text[max(0, e.offset - 30) : e.end + 30].replace("\n", " ")
    return f"  {where:<22} {e.rule:<18} {text[e.offset : e.end]!r} -> {e.replacement!r}   [{ctx!r}]"


def score_suite(docs: list[dict], shown: list[str] | None = None) -> dict[str, dict[str, int]]:
    """Counts per rate (see the module doc) and the clean originals' OCR edits; the
    edits on undamaged text and on the clean originals are listed into ``shown``."""
    config = RepairConfig(spin=False, tortured=False)
    out: dict[str, dict[str, int]] = {}
    clean_edits = 0
    for n_doc, doc in enumerate(docs):
        for e in repair_text(doc["clean"], config=config).edits:
            if e.kind in OCR_KINDS:
                clean_edits += 1
                if shown is not None:
                    shown.append(_shown(doc["clean"], e, f"clean #{n_doc}"))
        for rate, dmg in doc["damaged"].items():
            t = out.setdefault(
                rate,
                dict.fromkeys(
                    (
                        "docs",
                        "opened",
                        "spans",
                        "nonword",
                        "real",
                        "fixed",
                        "fixed_nonword",
                        "fixed_real",
                        "edits",
                        "right",
                        "broken",
                    ),
                    0,
                ),
            )
            text, spans = dmg["text"], dmg["spans"]
            t["docs"] += 1
            t["opened"] += gate_opens(text)
            edits = [e for e in repair_text(text, config=config).edits if e.kind in OCR_KINDS]
            t["edits"] += len(edits)
            fixed: set[int] = set()
            for e in edits:
                hit = spans_hit(e, spans)
                good = [k for k in hit if _edit_right(text, e, spans[k])]
                if good:
                    t["right"] += 1
                    fixed.update(good)
                elif not hit:
                    t["broken"] += 1
                    if shown is not None:
                        shown.append(_shown(text, e, f"{float(rate):.1%} #{n_doc}"))
            for k, sp in enumerate(spans):
                key = "real" if sp["real"] else "nonword"
                t["spans"] += 1
                t[key] += 1
                if k in fixed:
                    t["fixed"] += 1
                    t["fixed_" + key] += 1
    out["clean"] = {"edits": clean_edits, "docs": len(docs)}
    return out


def suite_main(split: str, show: bool = False) -> int:
    import json

    path = ROOT / "benchmarks" / ".generated" / "ocr_light" / f"{split}.json"
    if not path.exists():
        raise SystemExit(f"no {path}: run python benchmarks/make_ocr_light_suite.py")
    shown: list[str] | None = [] if show else None
    res = score_suite(json.loads(path.read_text(encoding="utf-8")), shown)
    clean = res.pop("clean")
    print(
        f"light suite, {split}: {clean['docs']} documents; OCR edits on the clean "
        f"originals: {clean['edits']}"
    )
    print(
        "| rate | docs (gate open) | damaged spans | fixed (recall) | plain non-words fixed "
        "| real words fixed | OCR edits right / made (precision) | edits on undamaged text |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for rate, t in sorted(res.items(), key=lambda kv: float(kv[0])):
        print(
            f"| {float(rate):.1%} | {t['docs']} ({t['opened']}) | {t['spans']} "
            f"| {t['fixed']} ({t['fixed'] / max(1, t['spans']):.1%}) "
            f"| {t['fixed_nonword']}/{t['nonword']} | {t['fixed_real']}/{t['real']} "
            f"| {t['right']}/{t['edits']} ({t['right'] / max(1, t['edits']):.1%}) "
            f"| {t['broken']} |"
        )
    if shown:
        print("# edits on undamaged text and on the clean originals")
        print("\n".join(shown))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--suite", action="store_true", help="score make_ocr_light_suite.py's suite")
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("settings", nargs="*", metavar="MODULE.NAME=VALUE", help="override first")
    ap.add_argument("--scale", type=float, default=0.1, help="multiplies every noise rate")
    ap.add_argument("--docs", type=int, default=120, help="documents per register")
    ap.add_argument("--data", type=Path, default=shared_dir() / "data/clean_english")
    ap.add_argument(
        "--show", action="store_true", help="list the edits on undamaged text (--suite)"
    )
    args = ap.parse_args(argv)
    for spec in args.settings:
        from ocr_book_eval import _override

        _override(spec)
    if args.suite:
        return suite_main(args.split, args.show)
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
            tot["opened"] += gate_opens(damaged)
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
