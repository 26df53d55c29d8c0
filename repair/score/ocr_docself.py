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

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from repair.score.ocr_selftrain import LearnedTable, learn_table

#: A listed confusion row is repriced from the text at hand only when the text used it at
#: least this many times (shares summed): one text's thin evidence otherwise reprices rows
#: that read real words as others.  Measured with ``benchmarks/ocr_docself.py --group 1``
#: (SMH dev tokens / chars, ICDAR-only tables; shipped tables) and ``repair fix
#: --self-train`` on ocr100k (word diff against the plain fix: right / wrong / unclear):
#: 0: 5,723 / 8,900; 4,732 / 7,536; 6 / 10 / 4 ("Itis" -> "His", '"Heis' -> '"Has',
#: "he is" -> "has").  2: 5,730 / 8,909; 4,730 / 7,515; 6 / 4 / 4.  3: 5,734 / 8,903;
#: 4,733 / 7,531; 6 / 4 / 4.  See benchmarks/RESULTS.md, session 28, ocrdocself28.
DOC_MIN_USES = 2.0


def self_train(texts: Sequence[str], config: Any = None) -> LearnedTable:
    """Self-train the OCR profile in force on ``texts`` (raw OCR, no gold) and install
    the learned profile; return what was learned.  ``config`` is the first pass's
    :class:`~repair.config.RepairConfig` (default: the default one)."""
    from repair.score import ocr_table

    note = [f"self-trained on {len(texts)} text(s) at hand"]
    learned = learn_table(texts, config, note, min_uses=DOC_MIN_USES)
    fd, name = tempfile.mkstemp(prefix="repair-docself-", suffix=".profile")
    os.close(fd)
    try:
        Path(name).write_text(learned.text, encoding="utf-8")
        ocr_table.install(name)
    finally:
        os.unlink(name)
    return learned
