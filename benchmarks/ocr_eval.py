"""Measure OCR repair: ICDAR 2017 English monographs, the synthetic suite, speed.

    python benchmarks/ocr_eval.py --icdar ../shared/data/ocr/icdar2017_eng_monograph \\
        --max-chars 200000 --suite benchmarks/suites/ocr_synthetic

ICDAR files hold three lines: ``[OCR_toInput]`` (the raw OCR we repair),
``[OCR_aligned]`` and ``[ GS_aligned]`` (aligned character by character, ``@`` pads
gaps, ``#`` marks gold that could not be aligned; those regions are not scored,
as in the competition).  We repair the raw line, map our edits onto the aligned
coordinates and report, over the scored regions: CER before and after, the
relative reduction of edit distance (the competition's metric), and the share of
tokens that were correct in the OCR and that an edit broke.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from bisect import bisect_right
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# Sibling benchmark modules (``make_ocr_suite``) also under runpy (withflags).
sys.path.insert(1, str(Path(__file__).resolve().parent))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.types import Edit  # noqa: E402

OCR_ONLY = RepairConfig(mojibake=False, spin=False, tortured=False, min_english_share=0.0)
#: Files 1-80 and the first TRAIN_CHARS_81 characters of file 81 were used to build the
#: confusion table and tune thresholds; the rest of file 81 is held out.
TRAIN_CHARS_81 = 300_000


def ed(a: str, b: str) -> int:
    return Levenshtein.distance(a, b)


def load_icdar(path: Path, start: int = 0, max_chars: int = 0) -> tuple[str, str, str]:
    """(raw OCR, aligned OCR, aligned gold) of one file, cut to aligned [start, start+max)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    oa, ga = lines[1][14:], lines[2][14:]
    if len(oa) != len(ga):
        raise ValueError(f"{path}: aligned lines differ in length")
    end = len(oa) if not max_chars else min(len(oa), start + max_chars)
    if start or end < len(oa):
        # cut at a space of the gold so no token is split
        while end < len(oa) and ga[end] != " ":
            end += 1
        while start and start < end and ga[start - 1] != " ":
            start += 1
        oa, ga = oa[start:end], ga[start:end]
    return oa.replace("@", ""), oa, ga


def score_file(
    raw: str,
    oa: str,
    ga: str,
    edits: list[Edit],
    out: str,
    records: list[tuple[str, str, str, bool]] | None = None,
    touched_rows: list[tuple[str, str, list[Edit], str]] | None = None,
) -> dict[str, int]:
    """Character and token counts of one file; with ``records``, also append one
    (gold token, OCR token, output piece, same separators) row per scored gold token;
    with ``touched_rows``, one (label, gold token, edits over it, raw context) row per
    gold token an edit touches, labelled ``broken``, ``fixed`` or ``other``."""
    # raw index -> aligned index, and aligned index -> raw index (count of raw chars before)
    raw_before = [0] * (len(oa) + 1)
    n = 0
    for i, ch in enumerate(oa):
        raw_before[i] = n
        if ch != "@":
            n += 1
    raw_before[len(oa)] = n
    shifts = sorted(edits, key=lambda e: e.offset)
    offsets = [e.offset for e in shifts]
    ends = [e.end for e in shifts]
    cum = [0]
    for e in shifts:
        cum.append(cum[-1] + len(e.replacement) - e.length)

    def out_pos(p: int) -> int:
        i = bisect_right(ends, p)
        if i < len(shifts) and offsets[i] < p:  # inside an edit: map to its end
            return ends[i] + cum[i + 1]
        return p + cum[i]

    def touched(ra: int, rb: int) -> bool:
        i = bisect_right(ends, ra)
        return i < len(shifts) and offsets[i] < rb

    stats = dict(chars=0, ed_before=0, ed_after=0, tokens=0, correct=0, broken=0, wrong=0, fixed=0)
    for m in re.finditer(r"[^#]+", ga):
        a, b = m.span()
        # edit distance chunk by chunk, cut where both lines have a space (sync points)
        cut = a
        for c in [*range(a + 200, b, 200), b]:
            while c < b and not (ga[c] == " " and oa[c] == " "):
                c += 1
            if c <= cut:
                continue
            gold = ga[cut:c].replace("@", "")
            ra, rb = raw_before[cut], raw_before[c]
            stats["chars"] += len(gold)
            stats["ed_before"] += ed(raw[ra:rb], gold)
            stats["ed_after"] += ed(out[out_pos(ra) : out_pos(rb)], gold)
            cut = c
        for t in re.finditer(r"[^ ]+", ga[a:b]):
            ta, tb = a + t.start(), a + t.end()
            g = ga[ta:tb].replace("@", "")
            if not g:
                continue
            o = oa[ta:tb].replace("@", "")
            stats["tokens"] += 1
            label = "other"
            tra, trb = raw_before[ta], raw_before[tb]
            hit = touched(tra, trb)
            if records is not None:
                bnd = (ta == 0 or oa[ta - 1] == ga[ta - 1]) and (tb == len(ga) or oa[tb] == ga[tb])
                records.append((g, o, out[out_pos(tra) : out_pos(trb)], bnd))
            # correct = same characters *and* same separators: "of@the" aligned to
            # "of the" is a merged word in the OCR, not two correct tokens
            bounded = (ta == 0 or oa[ta - 1] == ga[ta - 1]) and (tb == len(ga) or oa[tb] == ga[tb])
            if o == g and bounded:
                stats["correct"] += 1
                if hit and out[out_pos(tra) : out_pos(trb)] != g:
                    stats["broken"] += 1
                    label = "broken"
            else:
                stats["wrong"] += 1
                if hit and out[out_pos(tra) : out_pos(trb)] == g:
                    stats["fixed"] += 1
                    label = "fixed"
            if hit and touched_rows is not None:
                over = [e for e in shifts if e.offset < trb and e.end > tra]
                ctx = raw[max(0, tra - 40) : trb + 40].replace("\n", " ")
                touched_rows.append((label, g, over, ctx))
    return stats


def run_icdar(folder: Path, max_chars: int, split: str) -> dict[str, dict[str, float]]:
    files = sorted(folder.glob("*.txt"), key=lambda p: int(p.stem) if p.stem.isdigit() else 0)
    if not files:
        raise SystemExit(f"no ICDAR files in {folder}: pass --icdar DIR")
    parts: dict[str, list[tuple[Path, int, int]]] = {
        "train: files 1-80": [],
        "train: file 81 first 300k": [],
        "heldout: file 81 rest": [],
    }
    for p in files:
        if p.stem == "81":
            parts["train: file 81 first 300k"].append((p, 0, TRAIN_CHARS_81))
            parts["heldout: file 81 rest"].append((p, TRAIN_CHARS_81, max_chars))
        else:
            parts["train: files 1-80"].append((p, 0, 0))
    results = {}
    for name, items in parts.items():
        if split not in ("all", name.split(":")[0]):
            continue
        tot: dict[str, float] = {}
        words = 0
        seconds = 0.0
        for p, start, limit in items:
            raw, oa, ga = load_icdar(p, start, limit)
            t0 = time.process_time()
            r = repair_text(raw, config=OCR_ONLY)
            seconds += time.process_time() - t0
            words += len(raw.split())
            for k, v in score_file(raw, oa, ga, list(r.edits), r.text).items():
                tot[k] = tot.get(k, 0) + v
        tot["words"] = words
        tot["seconds"] = seconds
        results[name] = tot
    return results


def run_suite(folder: Path) -> dict[str, float]:
    """Word errors before/after over NAME.damaged.txt / NAME.clean.txt pairs."""
    from make_ocr_suite import matched_words

    tot = dict(words=0, err_before=0, err_after=0, broken=0, correct=0, seconds=0.0)
    pairs = sorted(folder.glob("*.damaged.txt"))
    if not pairs:
        raise SystemExit(f"no *.damaged.txt in {folder}: run benchmarks/make_ocr_suite.py")
    for dmg in pairs:
        clean = dmg.with_name(dmg.name.replace(".damaged.", ".clean."))
        d, c = dmg.read_text(encoding="utf-8"), clean.read_text(encoding="utf-8")
        _add_pair(tot, d, c, matched_words)
    return tot


def run_synthetic_icdar(folder: Path, limit_files: int) -> dict[str, float]:
    """Synthetic noise over the ICDAR *gold* of files 1-80 (read by path, never stored)."""
    import random

    from make_ocr_suite import SEED, damage, matched_words

    rng = random.Random(SEED)
    tot = dict(words=0, err_before=0, err_after=0, broken=0, correct=0, seconds=0.0)
    files = sorted(folder.glob("*.txt"), key=lambda p: int(p.stem) if p.stem.isdigit() else 0)
    for p in [f for f in files if f.stem != "81"][:limit_files]:
        _raw, _oa, ga = load_icdar(p)
        clean = " ".join(seg.replace("@", "").strip() for seg in ga.split("#") if seg.strip())
        clean = re.sub(r" +", " ", clean)
        _add_pair(tot, damage(clean, rng), clean, matched_words)
    return tot


def _add_pair(tot: dict[str, float], damaged: str, clean: str, matched_words) -> None:
    """Repair ``damaged`` (OCR stage only) and add its word counts to ``tot``."""
    t0 = time.process_time()
    r = repair_text(damaged, config=OCR_ONLY)
    tot["seconds"] += time.process_time() - t0
    n, ok_before, err_before = matched_words(damaged, clean)
    _, ok_after, err_after = matched_words(r.text, clean)
    tot["words"] += n
    tot["err_before"] += err_before
    tot["err_after"] += err_after
    tot["correct"] += len(ok_before)
    tot["broken"] += len(ok_before - ok_after)


def _suite_row(name: str, t: dict[str, float]) -> str:
    red = (t["err_before"] - t["err_after"]) / t["err_before"] if t["err_before"] else 0.0
    return (
        f"| {name} | {int(t['words'])} | {t['err_before'] / t['words']:.4f} "
        f"| {t['err_after'] / t['words']:.4f} | {red:+.1%} "
        f"| {int(t['broken'])}/{int(t['correct'])} ({t['broken'] / max(1, t['correct']):.3%}) "
        f"| {t['words'] / t['seconds']:.0f} |"
    )


def clean_paragraphs(folder: Path, per_register: int) -> dict[str, list[str]]:
    """Per register of ``folder`` (``../shared/data/clean_english``), paragraphs of more
    than 30 words (a fixed-seed sample of ``per_register``)."""
    import random

    out = {}
    for reg in sorted(p for p in folder.iterdir() if p.is_dir()):
        text = "\n".join(
            f.read_text(encoding="utf-8", errors="replace") for f in sorted(reg.iterdir())
        )
        paras = [p for p in text.split("\n\n") if len(p.split()) > 30]
        random.Random(0).shuffle(paras)
        out[reg.name] = paras[:per_register]
    return out


def run_clean_english(folder: Path, per_register: int) -> list[str]:
    """Rows: per register of ``folder`` (``../shared/data/clean_english``), paragraphs of more
    than 30 words (a fixed-seed sample of ``per_register``), the OCR gate and OCR edits."""
    from repair.detect.ocr_probe import gate_opens

    config = RepairConfig(spin=False, tortured=False)
    rows = []
    for reg, paras in clean_paragraphs(folder, per_register).items():
        words = opened = edits = 0
        for para in paras:
            words += len(para.split())
            opened += gate_opens(para)
            edits += sum(
                e.kind in ("ocr", "spacing", "hyphenation")
                for e in repair_text(para, config=config).edits
            )
        rows.append(f"| {reg} | {len(paras)} | {words} | {opened} | {edits} |")
    return rows


def run_clean_wrapped(folder: Path, per_register: int, width: int) -> str:
    """One row: the clean English paragraphs of :func:`clean_paragraphs` hard-wrapped at
    ``width`` characters, about half the lines ending in a hyphen inside a word
    (``make_ocr_suite._wrap``: "inf-⏎lammation"), as a narrow column of clean print:
    the OCR gate, OCR and spacing edits (line-end hyphens joined are right), and tokens
    changed (line-end hyphens joined and line breaks as spaces, as ``smh_eval.py``)."""
    import random

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import make_ocr_suite as noise
    from ocr_archive import token_outcomes

    from repair.detect.ocr_probe import gate_opens

    config = RepairConfig(spin=False, tortured=False)
    rng = random.Random(width)
    paras = words = opened = edits = broken = tokens = 0
    old = noise.WIDTH
    noise.WIDTH = width
    try:
        for reg_paras in clean_paragraphs(folder, per_register).values():
            for para in reg_paras:
                text = "\n\n".join(
                    noise._wrap(p.replace("\n", " "), rng) for p in para.split("\n\n")
                )
                paras += 1
                words += len(text.split())
                opened += gate_opens(text)
                res = repair_text(text, config=config)
                edits += sum(e.kind in ("ocr", "spacing") for e in res.edits)
                t = token_outcomes(text, res.text, text)
                broken += t["broken"]
                tokens += t["tokens"]
    finally:
        noise.WIDTH = old
    return (
        f"| {width} | {paras} | {words} | {opened} | {edits} | {broken}/{tokens} "
        f"({1000 * broken / max(1, tokens):.2f}) |"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--icdar", type=Path, default=Path("../shared/data/ocr/icdar2017_eng_monograph")
    )
    ap.add_argument(
        "--max-chars", type=int, default=200_000, help="held-out chars of file 81 (0: all)"
    )
    ap.add_argument("--split", choices=["all", "train", "heldout"], default="all")
    ap.add_argument("--suite", type=Path, default=None, help="synthetic suite folder")
    ap.add_argument("--no-icdar", action="store_true")
    ap.add_argument(
        "--clean-english",
        type=Path,
        default=None,
        metavar="DIR",
        help="also check the OCR gate and edits on clean English (../shared/data/clean_english)",
    )
    ap.add_argument(
        "--paragraphs", type=int, default=150, help="per register, with --clean-english"
    )
    ap.add_argument(
        "--wrap",
        type=int,
        nargs="+",
        default=[],
        metavar="WIDTH",
        help="with --clean-english: also the paragraphs hard-wrapped at each WIDTH, with "
        "line-end hyphens (a clean narrow column)",
    )
    ap.add_argument("--out", type=Path, default=None, help="also write the tables (markdown)")
    ap.add_argument(
        "--synthetic-icdar",
        type=int,
        default=0,
        metavar="N",
        help="also damage the gold of ICDAR files 1..N with the synthetic noise (in memory)",
    )
    args = ap.parse_args(argv)
    lines: list[str] = []

    def out(line: str) -> None:
        print(line)
        lines.append(line)

    out(
        "command: python benchmarks/ocr_eval.py " + " ".join(sys.argv[1:] if argv is None else argv)
    )

    from repair.resources.lm import get_lm
    from repair.score.ocr_channel import symspell, vocabulary, vocabulary_prefixes

    loads = []
    for name, fn in (
        ("word list + prefixes", lambda: (vocabulary(), vocabulary_prefixes())),
        ("trigram LM", get_lm),
        ("symspell index (edit distance 1; only for unlisted look-ups)", symspell),
    ):
        t0 = time.process_time()
        fn()
        loads.append(f"{name} {time.process_time() - t0:.2f} s")
    out("load (CPU, once per process): " + "; ".join(loads))

    if args.suite or args.synthetic_icdar:
        out(
            "\n| synthetic noise | words | WER before | WER after | word errors reduced "
            "| correct words broken | words/s (CPU) |"
        )
        out("|---|---|---|---|---|---|---|")
        if args.suite:
            out(_suite_row(args.suite.name, run_suite(args.suite)))
        if args.synthetic_icdar:
            t = run_synthetic_icdar(args.icdar, args.synthetic_icdar)
            out(_suite_row(f"ICDAR gold, files 1-{args.synthetic_icdar}", t))
    if not args.no_icdar:
        res = run_icdar(args.icdar, args.max_chars, args.split)
        out(
            "\n| ICDAR 2017 eng monograph | chars | CER before | CER after | ED reduction "
            "| correct tokens broken | wrong tokens fixed | words/s (CPU) |"
        )
        out("|---|---|---|---|---|---|---|---|")
        for name, t in res.items():
            red = (t["ed_before"] - t["ed_after"]) / t["ed_before"] if t["ed_before"] else 0.0
            out(
                f"| {name} | {int(t['chars'])} | {t['ed_before'] / t['chars']:.4f} "
                f"| {t['ed_after'] / t['chars']:.4f} | {red:+.1%} "
                f"| {int(t['broken'])}/{int(t['correct'])} "
                f"({t['broken'] / max(1, t['correct']):.3%}) "
                f"| {int(t['fixed'])}/{int(t['wrong'])} | {t['words'] / t['seconds']:.0f} |"
            )
    if args.clean_english:
        out("\n| clean English register | paragraphs | words | gate opened | OCR edits |")
        out("|---|---|---|---|---|")
        for row in run_clean_english(args.clean_english, args.paragraphs):
            out(row)
        if args.wrap:
            out(
                "\n| clean English wrapped at | paragraphs | words | gate opened "
                "| OCR and spacing edits | tokens changed (per 1,000) |"
            )
            out("|---|---|---|---|---|---|")
            for width in args.wrap:
                out(run_clean_wrapped(args.clean_english, args.paragraphs, width))
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
