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


def self_train(texts: Sequence[str], config: Any = None) -> LearnedTable:
    """Self-train the OCR profile in force on ``texts`` (raw OCR, no gold) and install
    the learned profile; return what was learned.  ``config`` is the first pass's
    :class:`~repair.config.RepairConfig` (default: the default one)."""
    from repair.score import ocr_table

    learned = learn_table(texts, config, note=[f"self-trained on {len(texts)} text(s) at hand"])
    fd, name = tempfile.mkstemp(prefix="repair-docself-", suffix=".profile")
    os.close(fd)
    try:
        Path(name).write_text(learned.text, encoding="utf-8")
        ocr_table.install(name)
    finally:
        os.unlink(name)
    return learned
