"""A simulated *other archive*: clean English damaged by a channel the repair does not read.

    python benchmarks/ocr_archive.py make [--channel smh|icdar|FILE] [--cer 0.01 0.03 0.06]
    python benchmarks/ocr_archive.py eval [--channel smh|icdar|FILE] [--split dev|test]
        [MODULE.NAME=VALUE ...]

``make``: clean paragraphs of the five registers of ``../shared/data/clean_english``
(``make_ocr_light_suite.documents``: ~300-word documents, split dev/test by the CRC32 of
their first paragraph) are hard-wrapped in a narrow column (WIDTH characters, about half
of them with a line-end hyphen: ``make_ocr_suite._wrap``), then damaged at each target
CER with OCR events sampled from a confusion table *by its learned counts* (glyph runs,
marks, splits and merges, as ``make_ocr_light_suite.damage``).  The channel is the table
learned from **one** source only (``--channel smh``: the SMH dev half; ``icdar``: ICDAR
monographs; or a table file), so the repair should read the table of the *other* source:
run ``eval`` under ``benchmarks/ocr_xsource.py --train icdar --eval archive-dev`` for the
``smh`` channel (and ``--train smh`` for ``icdar``).  The damage rate per token is
calibrated so each document's CER is near the target.  Written to
``benchmarks/.generated/ocr_archive/<channel>/{dev,test}.json`` (git-ignored).

``eval``: each damaged document is repaired (spin and tortured stages off) and scored as
``smh_eval.py`` scores newspapers (line-end hyphens joined, line breaks as spaces): CER and
WER before and after; gold tokens fixed (wrong before, right after: recall over the
wrong ones), broken (right before, wrong after, per 1,000 right ones), precision = fixed /
(fixed + broken + tokens changed from one wrong form to another); documents whose garble
gate opens; and on the clean wrapped originals: the gate, OCR and spacing edits (line-end
hyphens joined are right) and tokens broken (must stay ~0).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_ocr_light_suite as light  # noqa: E402
import make_ocr_suite as noise  # noqa: E402

from repair.bench.metrics import diff_opcodes, token_seq  # noqa: E402
from repair.bench.suites import shared_dir  # noqa: E402

OUT = ROOT / "benchmarks" / ".generated" / "ocr_archive"
SEED = 20261202
#: Column width of the hard wrap (a newspaper column).
WIDTH = 34
#: Documents per register and split.
DOCS = 16
OCR_KINDS = ("ocr", "spacing", "hyphenation")


def _channel_text(channel: str) -> str:
    if channel in ("smh", "icdar"):
        import ocr_xsource

        return ocr_xsource.build_tables(channel)["ocr_confusions.tsv"]
    return Path(channel).read_text(encoding="utf-8")


def channel_table(channel: str) -> tuple[dict[str, list[tuple[str, int]]], int, int]:
    """``make_ocr_light_suite._table``'s view of the channel's confusion table."""
    rows: dict[str, list[tuple[str, int]]] = {}
    split = merge = 0
    for line in _channel_text(channel).split("\n"):
        if not line or line.startswith("#"):
            continue
        src, dst, _cost, count = (line.split("\t") + ["0"])[:4]
        if src == "<split>":
            split = int(count)
        elif src == "<merge>":
            merge = int(count)
        elif dst.isalpha() and dst.isascii() and src and not any(c.isspace() for c in src):
            rows.setdefault(dst, []).append((src, int(count)))
    return rows, split, merge


def normalise(text: str) -> str:
    """As ``smh_eval.normalise``: line-end hyphens joined, whitespace collapsed."""
    import smh_eval

    return smh_eval.normalise(text)


def _cer(text: str, gold: str) -> float:
    from rapidfuzz.distance import Levenshtein

    g = normalise(gold)
    return Levenshtein.distance(normalise(text), g) / max(1, len(g))


def damage(text: str, rate: float, rng: random.Random, table, split: int, merge: int) -> str:
    """``text`` with ``rate`` of its word tokens given one OCR event of the channel (as
    ``make_ocr_light_suite.damage``)."""
    toks = list(light._WORD.finditer(text))
    picks = set(rng.sample(range(len(toks)), k=max(0, round(rate * len(toks)))))
    out: list[str] = []
    pos = 0
    k = 0
    while k < len(toks):
        m = toks[k]
        out.append(text[pos : m.start()])
        word, pos, k = m.group(), m.end(), k + 1
        core = light._CORE.search(word)
        if k - 1 not in picks or core is None:
            out.append(word)
            continue
        events = light._events(core.group(), table)
        weights = [n for *_x, n in events]
        if len(core.group()) >= 4:
            events.append((-1, -1, "<split>", 0))
            weights.append(split)
        if k < len(toks) and text[m.end() : toks[k].start()] == " ":
            events.append((-2, -2, "<merge>", 0))
            weights.append(merge)
        if not events or not sum(weights):
            out.append(word)
            continue
        a, b, src, _n = rng.choices(events, weights=weights)[0]
        if src == "<split>":
            cut = core.start() + rng.randrange(2, len(core.group()) - 1)
            out.append(word[:cut] + " " + word[cut:])
        elif src == "<merge>":
            out.append(word + toks[k].group())  # the space to the next word lost
            pos, k = toks[k].end(), k + 1
        else:
            out.append(word[: core.start() + a] + src + word[core.start() + b :])
    out.append(text[pos:])
    return "".join(out)


def damage_to(
    text: str, cer: float, rng: random.Random, table, split: int, merge: int
) -> tuple[str, float]:
    """``text`` damaged to about ``cer`` (the token rate calibrated in three tries)."""
    rate = min(0.9, cer * 4)
    best = (text, 0.0)
    for _ in range(3):
        damaged = damage(text, rate, rng, table, split, merge)
        got = _cer(damaged, text)
        if abs(got - cer) < abs(best[1] - cer):
            best = (damaged, got)
        if got <= 0:
            break
        rate = min(0.9, rate * cer / got)
    return best


def make(channel: str, cers: list[float], data: Path, out: Path) -> None:
    table, split, merge = channel_table(channel)
    rng = random.Random(SEED)
    suites: dict[str, list[dict]] = {"dev": [], "test": []}
    taken: Counter[tuple[str, str]] = Counter()
    for reg, sp, text in light.documents(data):
        if taken[reg, sp] >= DOCS:
            continue
        taken[reg, sp] += 1
        old = noise.WIDTH
        noise.WIDTH = WIDTH
        try:
            wrapped = "\n\n".join(
                noise._wrap(p.replace("\n", " "), rng) for p in text.split("\n\n")
            )
        finally:
            noise.WIDTH = old
        doc: dict = dict(register=reg, clean=wrapped, damaged={})
        for cer in cers:
            damaged, got = damage_to(wrapped, cer, rng, table, split, merge)
            doc["damaged"][str(cer)] = dict(text=damaged, cer=got)
        suites[sp].append(doc)
    folder = out / Path(channel).stem
    folder.mkdir(parents=True, exist_ok=True)
    for sp, docs in suites.items():
        (folder / f"{sp}.json").write_text(json.dumps(docs, ensure_ascii=False), "utf-8")
        print(f"{sp}: {len(docs)} documents -> {folder / (sp + '.json')}")


def token_outcomes(raw: str, out: str, gold: str) -> Counter[str]:
    """Per gold token: right before / after, fixed, broken, changed between wrong forms."""
    g = token_seq(normalise(gold)).toks
    before = _aligned(token_seq(normalise(raw)).toks, g)
    after = _aligned(token_seq(normalise(out)).toks, g)
    c: Counter[str] = Counter(tokens=len(g))
    for b, a in zip(before, after, strict=True):
        ok_b, ok_a = b == "=", a == "="
        c["right_before"] += ok_b
        c["wrong_before"] += not ok_b
        c["fixed"] += ok_a and not ok_b
        c["broken"] += ok_b and not ok_a
        c["miscorrected"] += not ok_b and not ok_a and a != b
    return c


def _aligned(hyp: tuple[str, ...], gold: tuple[str, ...]) -> list[str]:
    """For each gold token: "=" when aligned equal, else the hypothesis tokens of its block."""
    out = [""] * len(gold)
    for tag, i1, i2, j1, j2 in diff_opcodes(hyp, gold):
        for j in range(j1, j2):
            out[j] = "=" if tag == "equal" else " ".join(hyp[i1:i2])
    return out


def evaluate(docs: list[dict]) -> dict[str, Counter[str]]:
    """Counts per target CER, and ``clean``: OCR edits on the wrapped originals."""
    from rapidfuzz.distance import Levenshtein

    from repair.config import RepairConfig
    from repair.detect.ocr_probe import gate_opens
    from repair.pipeline import repair_text

    config = RepairConfig(spin=False, tortured=False)
    res: dict[str, Counter[str]] = {"clean": Counter()}
    for doc in docs:
        clean = doc["clean"]
        r = repair_text(clean, config=config)
        res["clean"]["docs"] += 1
        res["clean"]["edits"] += sum(e.kind in OCR_KINDS[:2] for e in r.edits)
        res["clean"]["opened"] += gate_opens(clean)
        res["clean"].update(token_outcomes(clean, r.text, clean))
        gnorm = normalise(clean)
        for cer, dmg in doc["damaged"].items():
            text = dmg["text"]
            out = repair_text(text, config=config).text
            t = res.setdefault(cer, Counter())
            t["docs"] += 1
            t["opened"] += gate_opens(text)
            t["chars"] += len(gnorm)
            t["ed_before"] += Levenshtein.distance(normalise(text), gnorm)
            t["ed_after"] += Levenshtein.distance(normalise(out), gnorm)
            t.update(token_outcomes(text, out, clean))
    return res


def report(res: dict[str, Counter[str]], title: str) -> str:
    clean = res["clean"]
    lines = [
        f"{title}: {clean['docs']} documents; clean originals (wrapped): gate opened "
        f"{clean['opened']}, OCR and spacing edits {clean['edits']} (line-end hyphens apart), "
        f"tokens broken {clean['broken']}/{clean['tokens']}",
        "| target CER | docs (gate open) | CER before -> after | wrong tokens fixed (recall) "
        "| precision | broken per 1,000 right tokens |",
        "|---|---|---|---|---|---|",
    ]
    for cer, t in sorted(
        ((k, v) for k, v in res.items() if k != "clean"), key=lambda x: float(x[0])
    ):
        before, after = t["ed_before"] / t["chars"], t["ed_after"] / t["chars"]
        acted = t["fixed"] + t["broken"] + t["miscorrected"]
        lines.append(
            f"| {float(cer):.0%} | {t['docs']} ({t['opened']}) | {before:.4f} -> {after:.4f} "
            f"({(after - before) / max(before, 1e-9):+.1%}) "
            f"| {t['fixed']}/{t['wrong_before']} ({t['fixed'] / max(1, t['wrong_before']):.1%}) "
            f"| {t['fixed'] / max(1, acted):.1%} ({t['broken']} broken, {t['miscorrected']} other) "
            f"| {1000 * t['broken'] / max(1, t['right_before']):.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("action", choices=("make", "eval"))
    ap.add_argument("settings", nargs="*", metavar="MODULE.NAME=VALUE")
    ap.add_argument("--channel", default="smh", help="smh, icdar or a confusion table file")
    ap.add_argument("--cer", type=float, nargs="+", default=[0.01, 0.03, 0.06])
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--data", type=Path, default=shared_dir() / "data/clean_english")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--registers", default="", help="comma-separated subset (eval)")
    args = ap.parse_args(argv)
    if args.action == "make":
        make(args.channel, args.cer, args.data, args.out)
        return 0
    from ocr_fold_eval import _override

    for spec in args.settings:
        _override(spec)
    path = args.out / Path(args.channel).stem / f"{args.split}.json"
    if not path.exists():
        raise SystemExit(f"no {path}: run python benchmarks/ocr_archive.py make --channel ...")
    docs = json.loads(path.read_text(encoding="utf-8"))
    if args.registers:
        docs = [d for d in docs if d["register"] in args.registers.split(",")]
    print(report(evaluate(docs), f"archive suite, channel {args.channel}, {args.split}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
