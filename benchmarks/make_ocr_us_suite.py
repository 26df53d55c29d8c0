"""American spellings on lightly garbled US text: do garbled "labor", "neighbors" come back?

    python benchmarks/make_ocr_us_suite.py [--split dev|test] [--rate 0.02] [MODULE.NAME=VALUE ...]

The documents of ``benchmarks/make_ocr_light_suite.py`` (about 300 words of clean
paragraphs, split by the CRC32 of the first paragraph) of the three American registers of
``../shared/data/clean_english`` (WSJ, State of the Union, inaugural addresses) that hold
an American spelling the symspell dictionary lacks (:mod:`repair.score.ocr_usspell`,
derived by rule, here with its switch forced on so both arms test the same words).  Each is
damaged as the light suite damages it (``make_ocr_light_suite.damage``: ``--rate`` of the
tokens get one event of the learned table) **and** every such American word gets one event
too.  Reported per register: gate opened, damaged spans fixed (the American words apart),
edits on undamaged text (broken), and OCR edits on the clean originals.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_ocr_light_suite as light  # noqa: E402
from ocr_light_eval import OCR_KINDS, _edit_right, spans_hit  # noqa: E402

from repair.bench.suites import shared_dir  # noqa: E402

REGISTERS = ("wsj", "state_union", "inaugural")
SEED = 20261223
_LETTERS = re.compile(r"[A-Za-z]+")


def us_words() -> frozenset[str]:
    """The American spellings :mod:`repair.score.ocr_usspell` adds (switch on)."""
    from repair.resources.frequency import zipf
    from repair.score import ocr_channel, ocr_usspell

    titles = ocr_usspell.TITLES_ON
    ocr_usspell.TITLES_ON = False  # the spellings only: the same suite either way
    try:
        base = ocr_channel._read_shipped()
        return frozenset(ocr_usspell.american_spellings(base, zipf, ocr_channel.TARGET_ZIPF))
    finally:
        ocr_usspell.TITLES_ON = titles


def build(data: Path, split: str, rate: float) -> list[dict]:
    """The split's documents with an American spelling, damaged."""
    words = us_words()
    table, n_split, n_merge = light._table()
    rng = random.Random(SEED)
    light.REGISTERS = REGISTERS
    docs = []
    for reg, sp, text in light.documents(data):
        toks = [m.group() for m in light._WORD.finditer(text)]
        force = frozenset(
            k for k, t in enumerate(toks) if any(w.lower() in words for w in _LETTERS.findall(t))
        )
        if sp != split or not force:
            continue
        damaged, spans = light.damage(text, rate, rng, table, n_split, n_merge, force)
        for s in spans:
            s["us"] = any(w.lower() in words for w in _LETTERS.findall(s["gold"]))
        docs.append(dict(register=reg, clean=text, text=damaged, spans=spans))
    return docs


def score(docs: list[dict], show: bool = False) -> dict[str, dict[str, int]]:
    from repair.config import RepairConfig
    from repair.detect.ocr_probe import gate_opens
    from repair.pipeline import repair_text

    config = RepairConfig(spin=False, tortured=False)
    out: dict[str, dict[str, int]] = {}
    keys = ("docs", "opened", "spans", "fixed", "us", "us_fixed", "edits", "broken", "clean")
    for doc in docs:
        for reg in (doc["register"], "all"):
            out.setdefault(reg, dict.fromkeys(keys, 0))
        text, spans = doc["text"], doc["spans"]
        clean = sum(e.kind in OCR_KINDS for e in repair_text(doc["clean"], config=config).edits)
        edits = [e for e in repair_text(text, config=config).edits if e.kind in OCR_KINDS]
        fixed: set[int] = set()
        broken = 0
        for e in edits:
            hit = spans_hit(e, spans)
            good = [k for k in hit if _edit_right(text, e, spans[k])]
            fixed.update(good)
            broken += not hit
            if show and not hit:
                print(f"broken: {text[e.offset : e.end]!r} -> {e.replacement!r}")
        row = dict(
            docs=1,
            opened=int(gate_opens(text)),
            spans=len(spans),
            fixed=len(fixed),
            us=sum(s["us"] for s in spans),
            us_fixed=sum(spans[k]["us"] for k in fixed),
            edits=len(edits),
            broken=broken,
            clean=clean,
        )
        for reg in (doc["register"], "all"):
            for k, v in row.items():
                out[reg][k] += v
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=shared_dir() / "data/clean_english")
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--rate", type=float, default=0.02)
    ap.add_argument("--show-broken", action="store_true", help="print each broken edit")
    ap.add_argument("settings", nargs="*", metavar="MODULE.NAME=VALUE", help="override first")
    args = ap.parse_args(argv)
    import importlib

    for setting in args.settings:  # before anything loads the dictionary
        name, value = setting.split("=", 1)
        mod, attr = name.rsplit(".", 1)
        setattr(importlib.import_module(mod), attr, eval(value))  # noqa: S307
    docs = build(args.data, args.split, args.rate)
    res = score(docs, args.show_broken)
    print(f"US suite, {args.split}, rate {args.rate}, settings {args.settings or 'default'}")
    print("| register | docs (gate open) | spans fixed | US words fixed | edits | broken | clean |")
    print("|---|---|---|---|---|---|---|")
    for reg, t in res.items():
        print(
            f"| {reg} | {t['docs']} ({t['opened']}) | {t['fixed']}/{t['spans']} "
            f"| {t['us_fixed']}/{t['us']} | {t['edits']} | {t['broken']} | {t['clean']} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
