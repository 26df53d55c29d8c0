"""Count the language model's sequence calls of one repair (issue 14, tenth pass).

    python benchmarks/ocr_lm_calls.py FILE [--whole-document-chars N] [--prefix-tests]

Repairs FILE with :func:`repair.pipeline.repair_text` (default configuration; a text
longer than ``--whole-document-chars`` is repaired by paragraph windows, as ``repair
fix`` does) and prints the number of ``LanguageModel.sequence_logprob`` calls, the
number of edits, a hash of the repaired text and the CPU seconds.  The count is
deterministic, so it compares two checkouts on a loaded machine where CPU seconds do
not (run the other checkout with ``PYTHONPATH=<its export>``, from outside this one).
Its ``repair`` package is whichever the running Python imports.

``--prefix-tests`` also counts the prefix tests (``p in prefixes``) of the single
confusion walks (:func:`repair.score.ocr_channel.confusion_variants`; the paired walk
reads its sets directly and is not counted), by the size of the prefix set walked: a
deterministic measure of the walks' work (issue 14, eleventh pass).  Counting slows the
run (CPU seconds are not comparable then).
"""

from __future__ import annotations

import argparse
import hashlib
import time
from collections import Counter
from collections.abc import Container
from dataclasses import replace
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--whole-document-chars", type=int, default=None)
    ap.add_argument("--prefix-tests", action="store_true", help="count the walks' prefix tests")
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
    tests: Counter[int] = Counter()
    if args.prefix_tests:
        _count_prefix_tests(tests)
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
    if args.prefix_tests:
        by_set = ", ".join(f"{n:,} on a set of {size:,}" for size, n in sorted(tests.items()))
        print(f"prefix tests of single walks: {sum(tests.values()):,} ({by_set})")


def _count_prefix_tests(tests: Counter[int]) -> None:
    """Make every single confusion walk's prefix container count its tests in ``tests``
    (by the size of the set behind it)."""
    from repair.score import ocr_channel

    real = ocr_channel.PrefixIndex.prefix_set

    class Counting:
        __slots__ = ("inner", "size")

        def __init__(self, inner: Container[str], size: int) -> None:
            self.inner, self.size = inner, size

        def __contains__(self, prefix: object) -> bool:
            tests[self.size] += 1
            return prefix in self.inner

    def counting(self: ocr_channel.PrefixIndex) -> Container[str]:
        inner = real(self)
        size = len(inner) if isinstance(inner, frozenset) else -1  # -1: the lazy word lines
        return Counting(inner, size)

    ocr_channel.PrefixIndex.prefix_set = counting  # type: ignore[method-assign]


if __name__ == "__main__":
    main()
