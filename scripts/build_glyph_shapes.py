"""Glyph-shape similarity of printed letters (``lexicons/ocr_glyph_shapes.tsv``), from type.

    python scripts/build_glyph_shapes.py > lexicons/ocr_glyph_shapes.tsv   # needs Pillow
    python scripts/build_glyph_shapes.py --capital-merges > lexicons/ocr_glyph_shapes_capmerge.tsv

A confusion prior that belongs to no archive: how alike two glyphs (or a glyph and a pair
of glyphs, "m" and "rn") *look*.  Every letter and digit, and every two-letter sequence of
lower-case letters, is rendered in the serif and sans faces of the DejaVu family (the
fonts of the build machine, Bitstream Vera licence; only numbers are shipped), cut to its
ink box, scaled to one height band (cap height for capitals and tall letters, x-height
kept in place) and blurred; the similarity of two renderings is the cosine of the blurred
bitmaps, times a penalty for a different ink width.  Averaged over the faces, it is
written for every pair whose mean similarity is at least MIN_SIM, as ``ocr<TAB>true<TAB>
similarity``, both directions.

``--capital-merges`` writes another table (``lexicons/ocr_glyph_shapes_capmerge.tsv``): every
two-glyph sequence of letters and digits (either case) against each capital ("It" and "R",
"Il" and "H"), one direction (two printed glyphs, the true capital), for
``scripts/build_ocr_confusions.py``'s MERGE_CAPITALS; kept apart so that the readers of
``ocr_glyph_shapes.tsv`` are unchanged.
"""

from __future__ import annotations

import argparse
import itertools
import string
import sys
from pathlib import Path

import numpy as np

FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)
SIZE = 40
#: Columns of the normalised bitmap (the ink is scaled to this width).
COLS = 20
BLUR = 1.5
MIN_SIM = 0.75
SINGLES = string.ascii_letters + string.digits


def _render(font, text: str) -> tuple[np.ndarray, int]:
    """Ink bitmap of ``text`` on a fixed baseline (rows kept), and its ink width."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (SIZE * 4, SIZE * 2), 0)
    ImageDraw.Draw(img).text((SIZE // 2, SIZE // 4), text, fill=255, font=font)
    a = np.asarray(img, dtype=np.float32) / 255.0
    cols = np.nonzero(a.sum(axis=0) > 0)[0]
    if len(cols) == 0:
        return np.zeros((a.shape[0], COLS), np.float32), 0
    a = a[:, cols[0] : cols[-1] + 1]
    return a, a.shape[1]


def _normalise(a: np.ndarray) -> np.ndarray:
    """Scaled to COLS columns (rows kept: ascenders and descenders stay apart), blurred."""
    from PIL import Image, ImageFilter

    img = Image.fromarray((a * 255).astype(np.uint8)).resize((COLS, a.shape[0]), Image.BILINEAR)
    img = img.filter(ImageFilter.GaussianBlur(BLUR))
    v = np.asarray(img, dtype=np.float32).ravel()
    return v / (np.linalg.norm(v) or 1.0)


def similarities(font_path: str, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Normalised bitmaps (rows) and ink widths of ``texts`` in one face."""
    from PIL import ImageFont

    font = ImageFont.truetype(font_path, SIZE)
    vecs, widths = [], []
    for t in texts:
        a, w = _render(font, t)
        vecs.append(_normalise(a))
        widths.append(w)
    return np.stack(vecs), np.array(widths, dtype=np.float32)


def mean_similarity(texts: list[str], heads: int) -> tuple[np.ndarray, list[str]]:
    """(the similarity of each of the first ``heads`` texts to every text, averaged over
    the faces; the faces found): cosine times sqrt of the ink width ratio."""
    fonts = [f for f in FONTS if Path(f).is_file()]
    if not fonts:
        raise SystemExit("no DejaVu fonts found")
    total = np.zeros((heads, len(texts)), np.float32)
    for f in fonts:
        vecs, widths = similarities(f, texts)
        cos = vecs[:heads] @ vecs.T
        ratio = np.minimum.outer(widths[:heads], widths) / np.maximum(
            np.maximum.outer(widths[:heads], widths), 1.0
        )
        total += cos * np.sqrt(ratio)
    return total / len(fonts), fonts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-sim", type=float, default=MIN_SIM)
    ap.add_argument("--capital-merges", action="store_true", help="two glyphs against capitals")
    args = ap.parse_args(argv)
    if args.capital_merges:
        return capital_merges(args.min_sim)
    pairs = ["".join(p) for p in itertools.product(string.ascii_lowercase, repeat=2)]
    texts = list(SINGLES) + pairs
    total, fonts = mean_similarity(texts, len(SINGLES))
    print("# format: repair-lexicon/1; columns: ocr, true, similarity")
    print("# Glyph-shape similarity of rendered type (scripts/build_glyph_shapes.py): cosine of")
    print(
        f"# blurred ink bitmaps times sqrt(ink width ratio), mean over {len(fonts)} DejaVu faces;"
    )
    print(
        f"# single letters/digits against letters, digits and lower-case pairs, >= {args.min_sim}."
    )
    print("# Only numbers derived from the rendered fonts are shipped. MIT, like the code.")
    rows = []
    for i, a in enumerate(SINGLES):
        for j, b in enumerate(texts):
            if a == b or a.lower() == b.lower():
                continue
            s = float(total[i, j])
            if s >= args.min_sim:
                rows.append((a, b, s))
                if len(b) == 2:
                    rows.append((b, a, s))  # one glyph read as two, or two as one
    seen = set()
    for a, b, s in sorted(rows, key=lambda r: -r[2]):
        if (a, b) not in seen:
            seen.add((a, b))
            print(f"{a}\t{b}\t{s:.3f}")
    return 0


def capital_merges(min_sim: float) -> int:
    """Print the ``--capital-merges`` table: two printed glyphs (letters, digits) against
    each capital, at least ``min_sim`` alike (the same measure as the main table)."""
    capitals = list(string.ascii_uppercase)
    pairs = ["".join(p) for p in itertools.product(SINGLES, repeat=2)]
    texts = capitals + pairs
    total, fonts = mean_similarity(texts, len(capitals))
    print("# format: repair-lexicon/1; columns: ocr, true, similarity")
    print("# Glyph-shape similarity of rendered type (scripts/build_glyph_shapes.py")
    print("# --capital-merges): two glyphs (letters, digits) against one capital, mean over")
    print(f"# {len(fonts)} DejaVu faces (as ocr_glyph_shapes.tsv), >= {min_sim}.")
    print("# Only numbers derived from the rendered fonts are shipped. MIT, like the code.")
    rows = [
        (texts[j], capitals[i], float(total[i, j]))
        for i in range(len(capitals))
        for j in range(len(capitals), len(texts))
        if total[i, j] >= min_sim
    ]
    for a, b, s in sorted(rows, key=lambda r: (-r[2], r[0], r[1])):
        print(f"{a}\t{b}\t{s:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
