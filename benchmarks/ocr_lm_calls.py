"""Count the language model's sequence calls of one repair (issue 14, tenth pass).

    python benchmarks/ocr_lm_calls.py FILE [--whole-document-chars N]

Repairs FILE with :func:`repair.pipeline.repair_text` (default configuration; a text
longer than ``--whole-document-chars`` is repaired by paragraph windows, as ``repair
fix`` does) and prints the number of ``LanguageModel.sequence_logprob`` calls, the
number of edits, a hash of the repaired text and the CPU seconds.  The count is
deterministic, so it compares two checkouts on a loaded machine where CPU seconds do
not (run the other checkout with ``PYTHONPATH=<its export>``, from outside this one).
Its ``repair`` package is whichever the running Python imports.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from dataclasses import replace
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--whole-document-chars", type=int, default=None)
    args = ap.parse_args()
    from repair.config import RepairConfig
    from repair.pipeline import repair_text
    from repair.resources import lm as lm_module

    calls = [0]
    real = lm_module.LanguageModel.sequence_logprob

    def counting(self, words, history=()):  # noqa: ANN001, ANN202
        calls[0] += 1
        return real(self, words, history)

    lm_module.LanguageModel.sequence_logprob = counting  # type: ignore[method-assign]
    config = RepairConfig()
    if args.whole_document_chars is not None:
        config = replace(config, whole_document_chars=args.whole_document_chars)
    text = args.file.read_text(encoding="utf-8")
    t = time.process_time()
    result = repair_text(text, config=config)
    cpu = time.process_time() - t
    digest = hashlib.sha256(result.text.encode()).hexdigest()[:12]
    edits = len(result.edits)
    print(f"{args.file}: {calls[0]} LM calls, {edits} edits, text {digest}, {cpu:.1f} s CPU")


if __name__ == "__main__":
    main()
