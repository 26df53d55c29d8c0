"""Self-training on the document being fixed (``repair fix --self-train``).

``repair batch --self-train`` and ``repair learn --ocr`` self-train the OCR profile in
force on a whole archive's raw pages (:func:`repair.score.ocr_selftrain.learn_table`).
:func:`self_train` does the same on the texts at hand only (one document, or a small
group of them) and puts the learned profile in force
(:func:`repair.score.ocr_table.install`) for the repair that follows.  The profile is
written to a private temporary file only for the install (which reads it at once) and
removed afterwards; nothing else is kept.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from repair.score.ocr_selftrain import ArchiveCounts, LearnedTable, learn_table

#: A listed confusion row is repriced from the text at hand only when the text used it at
#: least this many times (shares summed): one text's thin evidence otherwise reprices rows
#: that read real words as others.  Measured with ``benchmarks/ocr_docself.py --group 1``
#: (SMH dev tokens / chars, ICDAR-only tables; shipped tables) and ``repair fix
#: --self-train`` on ocr100k (word diff against the plain fix: right / wrong / unclear):
#: 0: 5,723 / 8,900; 4,732 / 7,536; 6 / 10 / 4 ("Itis" -> "His", '"Heis' -> '"Has',
#: "he is" -> "has").  2: 5,730 / 8,909; 4,730 / 7,515; 6 / 4 / 4.  3: 5,734 / 8,903;
#: 4,733 / 7,531; 6 / 4 / 4.  See benchmarks/RESULTS.md, session 28, ocrdocself28.
DOC_MIN_USES = 2.0
#: A text whose garble rate (:func:`garble_rate`: the first pass's OCR substitutions and
#: the unknown words' one-edit support, per 1,000 words) is below this counts as clean and
#: learns no new confusion row and no mark row: its few unknown words are names and rare
#: words, not its engine's habits (``0``: off).  clean300k reads 0.67 (0.04 + 0.63), ocr100k
#: 39.8, the SMH dev articles 0 to 420.  ``repair fix --self-train`` on clean300k: off 6
#: changes (2 right / 3 wrong / 1 unclear: "comparable" -> "compatible", "b0rk" ->
#: "book", "strlen]" -> "stolen]"; 4 new rows, 24 mark rows), 2.0: none (byte-identical to
#: the plain fix).  SMH dev (``benchmarks/ocr_docself.py --group 1``) is the same either
#: way: ICDAR-only 5,730 / 8,897, shipped 4,730 / 7,500 tokens / chars.  Session 28,
#: docself2_28.
GARBLE_FLOOR = 2.0
#: The least support of a new confusion row grows with the text: one word type per this
#: many words (``ocr_selftrain.MIN_SUPPORT`` and ``PRIOR_SUPPORT`` stay the floor; ``0``:
#: off).  A long text's names and rare words support chance edits in proportion to its
#: size.  SMH articles (100-1,000 words) keep the modules' floors (dev unchanged);
#: ocr1m (1 M words) learns 0 new rows instead of 4.
WORDS_PER_SUPPORT = 10_000
#: The least speck evidence of a learned mark grows likewise (``ocr_selfmarks.MIN_SPECKS``
#: stays the floor; ``0``: off).
WORDS_PER_SPECK = 10_000

#: A listed row repriced from the text at hand is made at most this many nats cheaper
#: (``None``: no bound).  Off: it buys ocr100k's precision with the SMH gain.  SMH dev
#: ICDAR-only tokens / chars and ocr100k right / wrong / unclear (against the plain fix):
#: none 5,730 / 8,897, 6 / 4 / 6 (shipped 4,730 / 7,500); 2.0: 5,747 / 8,938, the same
#: 16 changes; 1.5: 5,756 / 8,974, 6 / 3 / 6; 1.0: 5,782 / 9,005, 3 / 0 / 4 (shipped
#: 4,735 / 7,531).  The 13 rows ocr100k reprices are its engines' habits ("c" for "e"
#: 786 uses), not thin evidence; the wrong readings ("movc" -> "more") ride on them.
DOC_MAX_DROP: float | None = None


def garble_rate(counts: ArchiveCounts) -> float:
    """The first pass's OCR substitutions (of readings of non-words) and the one-edit
    support of the words it left unknown (shares), per 1,000 words of the raw texts."""
    words = sum(counts.words.values())
    return 1000.0 * (sum(counts.used.values()) + sum(counts.unseen.values())) / max(1, words)


def floors(counts: ArchiveCounts) -> tuple[float, float | None]:
    """The least support of a new confusion row and the least speck evidence of a learned
    mark for the texts at hand (``learn_table``'s ``floors``): none learned from a clean
    text (:data:`GARBLE_FLOOR`), more needed from a long one."""
    from repair.score.ocr_selfmarks import MIN_SPECKS

    if GARBLE_FLOOR and garble_rate(counts) < GARBLE_FLOOR:
        return math.inf, math.inf
    words = sum(counts.words.values())
    support = words / WORDS_PER_SUPPORT if WORDS_PER_SUPPORT else 0.0
    specks = max(MIN_SPECKS, words / WORDS_PER_SPECK) if WORDS_PER_SPECK else None
    return support, specks


def self_train(texts: Sequence[str], config: Any = None) -> LearnedTable:
    """Self-train the OCR profile in force on ``texts`` (raw OCR, no gold) and install
    the learned profile; return what was learned.  ``config`` is the first pass's
    :class:`~repair.config.RepairConfig` (default: the default one)."""
    from repair.score import ocr_table

    note = [f"self-trained on {len(texts)} text(s) at hand"]
    learned = learn_table(
        texts, config, note, min_uses=DOC_MIN_USES, floors=floors, max_drop=DOC_MAX_DROP
    )
    fd, name = tempfile.mkstemp(prefix="repair-docself-", suffix=".profile")
    os.close(fd)
    try:
        Path(name).write_text(learned.text, encoding="utf-8")
        ocr_table.install(name)
    finally:
        os.unlink(name)
    return learned
