"""Command lines of the OCR table experiments: build settings, then ``--`` and run-time
settings (``MODULE.NAME=VALUE``) applied in the process that evaluates."""

from __future__ import annotations

import sys


def split_runtime(argv: list[str] | None) -> tuple[list[str], list[str]]:
    """``(arguments before "--", run-time settings after it)``; ``argv`` defaults to
    ``sys.argv[1:]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "--" not in args:
        return args, []
    k = args.index("--")
    return args[:k], args[k + 1 :]
