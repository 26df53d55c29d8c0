"""Write the synthetic OCR suite: clean text + simulated OCR noise, fixed seed.

    python benchmarks/make_ocr_suite.py            # writes benchmarks/suites/ocr_synthetic/

For each clean seed article (seeds/001-004) it writes ``NAME.clean.txt`` and
``NAME.damaged.txt`` plus ``MANIFEST.md``.  The noise: glyph confusions
(m->rn, h->b, ll->U, d->cl, w->vv, l->1, o->0, e->c, h->li, u->ii, s->long s),
split words ("con crete"), merged words ("kingwas"), a lost space after a comma,
and hard-wrapped lines with line-end hyphens ("conc-⏎rete", "long-⏎standing").
"""

from __future__ import annotations

import random
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.bench.metrics import diff_changed, diff_kept  # noqa: E402

SUITE = ROOT / "benchmarks" / "suites" / "ocr_synthetic"
SEED = 20251030
#: true glyphs -> what a poor OCR prints (the reverse of lexicons/ocr_confusions.tsv).
NOISE = [
    ("m", "rn"),
    ("h", "b"),
    ("ll", "U"),
    ("d", "cl"),
    ("w", "vv"),
    ("l", "1"),
    ("o", "0"),
    ("e", "c"),
    ("c", "e"),
    ("h", "li"),
    ("u", "ii"),
    ("s", "ſ"),
    ("n", "u"),
    ("rn", "m"),
    ("fi", "n"),
    ("li", "H"),
]
P_CONFUSE = 0.06
P_SPLIT = 0.015
P_MERGE = 0.015
P_COMMA = 0.1
P_HYPHEN = 0.5
WIDTH = 72


def confuse(word: str, rng: random.Random) -> str:
    options = [(i, src, dst) for src, dst in NOISE for i in _find_all(word, src)]
    if src_ok := [o for o in options if not (o[1] == "s" and o[0] == len(word) - 1)]:
        i, src, dst = rng.choice(src_ok)
        return word[:i] + dst + word[i + len(src) :]
    return word


def _find_all(word: str, sub: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(sub), word)]


def damage(text: str, rng: random.Random) -> str:
    out_paras = []
    for para in re.split(r"\n\s*\n", text.strip()):
        words = para.split()
        noisy: list[str] = []
        for w in words:
            core = re.match(r"^([^\w]*)([A-Za-z]+)([^\w]*)$", w)
            r = rng.random()
            if core and len(core.group(2)) >= 3 and r < P_CONFUSE:
                w = core.group(1) + confuse(core.group(2), rng) + core.group(3)
            elif core and len(core.group(2)) >= 6 and r < P_CONFUSE + P_SPLIT:
                k = rng.randint(2, len(core.group(2)) - 3)
                w = core.group(1) + core.group(2)[:k] + " " + core.group(2)[k:] + core.group(3)
            elif (
                noisy
                and r < P_CONFUSE + P_SPLIT + P_MERGE
                and core
                and not core.group(1)
                and re.search(r"[a-z]$", noisy[-1])
            ):
                noisy[-1] += w
                continue
            if noisy and noisy[-1].endswith(",") and w[:1].islower() and rng.random() < P_COMMA:
                noisy[-1] += w
                continue
            noisy.append(w)
        out_paras.append(_wrap(" ".join(noisy), rng))
    return "\n\n".join(out_paras) + "\n"


def _wrap(para: str, rng: random.Random) -> str:
    lines = textwrap.wrap(para, WIDTH, break_long_words=False, break_on_hyphens=False)
    out = []
    for i, line in enumerate(lines):
        if i + 1 < len(lines) and rng.random() < P_HYPHEN:
            nxt = lines[i + 1]
            first, _, rest = nxt.partition(" ")
            m = re.match(r"^([a-z]{3,})-([a-z]{3,})([^\w]*)$", first)
            if m:  # a compound: break at its own hyphen
                line += " " + m.group(1) + "-"
                lines[i + 1] = m.group(2) + m.group(3) + (" " + rest if rest else "")
            elif re.match(r"^[a-z]{7,}$", first.rstrip(".,;:")):
                k = rng.randint(3, len(first.rstrip(".,;:")) - 3)
                line += " " + first[:k] + "-"
                lines[i + 1] = first[k:] + (" " + rest if rest else "")
        out.append(line)
    return "\n".join(out)


def matched_words(text: str, clean: str) -> tuple[int, set[int], int]:
    """(clean word count, indices of clean words reproduced exactly, word errors)."""
    a, b = text.split(), clean.split()
    ok = {j for j, kept in enumerate(diff_kept(a, b)) if kept}
    return len(b), ok, diff_changed(a, b)


def main() -> int:
    SUITE.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    rows = []
    for path in sorted((ROOT / "seeds").glob("00[1-4]_*.txt")):
        clean = path.read_text(encoding="utf-8")
        damaged = damage(clean, rng)
        name = path.stem
        (SUITE / f"{name}.clean.txt").write_text(clean, encoding="utf-8")
        (SUITE / f"{name}.damaged.txt").write_text(damaged, encoding="utf-8")
        n, ok, err = matched_words(damaged, clean)
        rows.append(f"| {name} | seeds/{path.name} | {n} | {err} |")
    manifest = [
        "# ocr_synthetic",
        "",
        "Synthetic OCR noise over the clean seed articles (001-004), written by",
        f"`python benchmarks/make_ocr_suite.py` (random seed {SEED}).  Each pair is",
        "`NAME.damaged.txt` (input) / `NAME.clean.txt` (expected output).  Kinds: ocr,",
        "spacing, hyphenation.  The clean side keeps the original line structure; compare",
        "word by word (line breaks are not scored).",
        "",
        "| name | source | words | word errors |",
        "|---|---|---|---|",
        *rows,
        "",
    ]
    (SUITE / "MANIFEST.md").write_text("\n".join(manifest), encoding="utf-8")
    print(f"wrote {len(rows)} pairs to {SUITE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
