"""Learn what a mark glued to a word stands for (``lexicons/ocr_marks.tsv``) from aligned OCR/gold.

    python scripts/build_ocr_marks.py \\
        --smh ../shared/data/ocr/overproof_smh --icdar ../shared/data/ocr/icdar2017_eng_monograph \\
        > lexicons/ocr_marks.tsv

Newspaper OCR prints specks and broken glyphs as marks inside or at the edge of a word:
"building«" (buildings), ".voted", "v,ill" (will), "th-y" (they), "(ind" (find).  The
same mark in another place is real punctuation ("voted.", "well-known", "(the").  For
every non-alphanumeric character of an OCR chunk (a run of non-space characters with a
letter in it) this script records its **fate** in the gold: ``keep`` (the same mark),
``drop`` (the gold has nothing there), ``space`` (two words glued by a speck) or
``=X`` (the mark is a misread letter X), keyed by the mark, its position in the chunk
(``lead``, ``inner``, ``trail``) and the classes of its two neighbours (``a`` lower,
``A`` upper, ``b``/``B`` a letter alone between marks, ``9`` digit, ``p`` another mark,
``_`` the chunk's edge; :func:`repair.candidates.ocr_glued.context_of`).
:mod:`repair.candidates.ocr_glued` turns the counts into P(fate | mark, context).

Training data are the same as ``scripts/build_ocr_confusions.py``'s (read in place,
only counts written): the dev half of the Sydney Morning Herald set and ICDAR 2017
English monographs files 1-80 plus file 81's first 300,000 characters.

A bracket glued to one word that no partner closes (opens) within a few lines
(:func:`repair.candidates.ocr_glued.text_unmatched`: SMH's lines, ICDAR's joined text by
its character span only) is counted twice: in its plain context and in the context plus
``/u``, so the reader learns the odds of an unmatched bracket (issue 12, session 39).  So is
a trailing apostrophe, under the context plus ``/s`` (after an "s") or ``/n`` (after
another letter; :func:`repair.candidates.ocr_glued.refined_tag`).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_ocr_confusions import MIN_LINE_SIMILARITY, icdar_pairs  # noqa: E402
from rapidfuzz.distance import Indel, Levenshtein  # noqa: E402

from repair.candidates.ocr_glued import (  # noqa: E402
    UNMATCHED_SUFFIX,
    context_of,
    refined_tag,
    text_unmatched,
)

#: A letter fate is kept for at most this many gold letters (longer runs are garble).
MAX_LETTERS = 2


def fates_from_opcodes(ocr: str, gold: str) -> list[str | None]:
    """The gold fate of each OCR character (``None``: part of a longer garbled run)."""
    fate: list[str | None] = [None] * len(ocr)
    for op in Levenshtein.opcodes(ocr, gold):
        s1, s2, d1, d2 = op.src_start, op.src_end, op.dest_start, op.dest_end
        if op.tag == "equal":
            for k in range(s1, s2):
                fate[k] = "keep"
        elif op.tag == "delete":
            for k in range(s1, s2):
                fate[k] = "drop"
        elif op.tag == "replace":
            if s2 - s1 == d2 - d1:
                for k in range(s2 - s1):
                    fate[s1 + k] = _fate(gold[d1 + k])
            elif s2 - s1 == 1:
                fate[s1] = _fate(gold[d1:d2])
    return fate


def _fate(piece: str) -> str | None:
    if piece == " ":
        return "space"
    if piece.isalpha() and len(piece) <= MAX_LETTERS:
        return "=" + piece
    return None


def fates_from_aligned(ocr: str, gold: str) -> tuple[str, list[str | None]]:
    """ICDAR's own alignment (``@`` pads): the OCR text and the fate of each character."""
    text: list[str] = []
    fate: list[str | None] = []
    for o, g in zip(ocr, gold, strict=False):
        if o == "@":
            if fate and fate[-1] and fate[-1].startswith("="):
                fate[-1] = None  # a letter plus an insertion: a longer run
            continue
        text.append(o)
        if g == o:
            fate.append("keep")
        elif g == "@":
            fate.append("drop")
        else:
            fate.append(_fate(g))
    return "".join(text), fate


def smh_lines(folder: Path) -> list[tuple[str, str, str, int]]:
    """The SMH dev lines close enough to their gold (as ``build_ocr_confusions.smh_pairs``):
    (OCR line, gold line, the article's OCR text, the line's offset in it)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import smh_eval

    out = []
    for art in smh_eval.load(folder / "allArticles.txt"):
        if smh_eval.split_of(art.ident) != "dev":
            continue
        offset = 0
        for r, g in zip(art.raw.split("\n"), art.gold.split("\n"), strict=True):
            if Indel.normalized_similarity(r, g) >= MIN_LINE_SIMILARITY:
                out.append((r, g, art.raw, offset))
            offset += len(r) + 1
    return out


def count(
    text: str,
    fate: list[str | None],
    counts: Counter[tuple[str, str, str]],
    skip: str = "",
    whole: str | None = None,
    offset: int = 0,
) -> None:
    """Add the fates of the marks of every chunk of ``text`` to ``counts`` (not ``skip``).
    A bracket no partner closes (opens) nearby in ``whole`` (the page ``text`` starts at
    ``offset`` of; ``text`` itself by default) is counted a second time, under its
    context plus :data:`~repair.candidates.ocr_glued.UNMATCHED_SUFFIX`
    (:func:`~repair.candidates.ocr_glued.text_unmatched`)."""
    whole = text if whole is None else whole
    k = 0
    n = len(text)
    while k < n:
        if text[k].isspace():
            k += 1
            continue
        j = k
        while j < n and not text[j].isspace():
            j += 1
        chunk = text[k:j]
        if any(c.isalpha() for c in chunk):
            loose = (
                text_unmatched(whole, offset + k, offset + j)
                if "(" in chunk or ")" in chunk
                else ()
            )
            for i, ch in enumerate(chunk):
                f = fate[k + i]
                if not ch.isalnum() and f is not None and ch not in skip:
                    counts[(ch, context_of(chunk, i), f)] += 1
                    tag = refined_tag(chunk, i, context_of(chunk, i))
                    if tag:
                        counts[(ch, context_of(chunk, i) + tag, f)] += 1
                    if i in loose:
                        counts[(ch, context_of(chunk, i) + UNMATCHED_SUFFIX, f)] += 1
        k = j


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--smh", type=Path)
    ap.add_argument("--icdar", type=Path)
    args = ap.parse_args(argv)
    counts: Counter[tuple[str, str, str]] = Counter()
    if args.smh:
        for ocr, gold, whole, offset in smh_lines(args.smh):
            count(ocr, fates_from_opcodes(ocr, gold), counts, whole=whole, offset=offset)
    if args.icdar:
        for ocr, gold in icdar_pairs(args.icdar):
            text, fate = fates_from_aligned(ocr, gold)
            # ICDAR's lines are joined, so its hyphens mix line-end breaks ("conc-rete")
            # with compounds: only SMH's in-line hyphens say what an in-line hyphen is
            count(text, fate, counts, skip="-")
    print("# format: repair-lexicon/1; columns: mark, context, fate, count")
    print("# What a mark glued to a word stands for in the gold: keep, drop, space or =letter.")
    print("# Learned by scripts/build_ocr_marks.py (see its docstring) from the dev half of the")
    print("# Sydney Morning Herald set of OverProof (NLA Trove, out of copyright) and ICDAR 2017")
    print("# English monographs files 1-80 and file 81's first 300,000 characters.")
    print("# Only counts are shipped, no text. This table: MIT, like the code.")
    for (mark, ctx, fate), c in sorted(counts.items(), key=lambda x: (x[0][0], x[0][1], -x[1])):
        print(f"{mark}\t{ctx}\t{fate}\t{c}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
