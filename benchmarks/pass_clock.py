"""CPU time of named OCR passes inside one pipeline run, without a profiler (issue 14).

Usage::

    python benchmarks/pass_clock.py /tmp/lead41/ocr100k.txt
    python benchmarks/pass_clock.py FILE repair.candidates.ocr_slot:slot_candidates ...
    python benchmarks/pass_clock.py FILE --set repair.candidates.ocr_context.CONTEXT=False

Each named function (``module:function`` or ``module:Class.method``; the default list is
the OCR stage's larger passes) is wrapped so its calls add their CPU time
(:func:`time.process_time`) and count to a table printed after one ``repair_text`` of FILE.
A wrapper replaces the function in every ``repair`` module that imported it by name, so the
pipeline's own calls are the ones clocked.  Nested passes are counted in each (a pass's
time includes the passes it calls); each wrapped call adds ~1 us.  cProfile's per-call
cost (4-8x the run, mostly on the many small helpers) and its wall clock on a shared
machine distort the shares; this does not (session 41, speed41).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The OCR stage's larger passes (session 41's py-spy shares on the 100 k-word OCR text).
DEFAULT = (
    "repair.detect.ocr:detect_ocr",
    "repair.candidates.ocr:ocr_candidates",
    "repair.candidates.ocr:_Generator._token",
    "repair.candidates.ocr:_Generator._corrections",
    "repair.candidates.ocr:_Generator._realword",
    "repair.candidates.ocr:_glued_fw",
    "repair.candidates.ocr:_initial_glyphs",
    "repair.candidates.ocr_garbled_join:garbled_joins",
    "repair.candidates.ocr_pagefar:page_far_candidates",
    "repair.candidates.ocr_context:context_candidates",
    "repair.candidates.ocr_slot:slot_candidates",
    "repair.candidates.ocr_marks:mark_candidates",
    "repair.candidates.ocr_shortslot:short_slot_candidates",
    "repair.candidates.ocr_pagehabit:with_page_habits",
    "repair.candidates.ocr_periodreach:period_candidates",
    "repair.candidates.ocr_firstpass:reads_nothing",
    "repair.score.ocr:score_candidates",
    "repair.score.ocr:_decide_all",
)

TIMES: Counter[str] = Counter()
CALLS: Counter[str] = Counter()


def _timed(spec: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            TIMES[spec] += time.process_time() - t
            CALLS[spec] += 1

    return wrapper


def wrap(spec: str) -> bool:
    """Clock ``module:function`` or ``module:Class.method``; False when not found."""
    name, _, attr = spec.partition(":")
    mod = importlib.import_module(name)
    if "." in attr:
        cls_name, meth = attr.split(".", 1)
        cls = getattr(mod, cls_name, None)
        if cls is None or meth not in vars(cls):
            return False
        setattr(cls, meth, _timed(spec, vars(cls)[meth]))
        return True
    fn = getattr(mod, attr, None)
    if fn is None:
        return False
    new = _timed(spec, fn)
    for other in list(sys.modules.values()):
        if (getattr(other, "__name__", "") or "").startswith("repair"):
            if getattr(other, attr, None) is fn:
                setattr(other, attr, new)
    return True


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("passes", nargs="*", help="module:function (default: the larger passes)")
    ap.add_argument("--set", nargs="*", default=[], help="module.FLAG=value before the run")
    args = ap.parse_args(argv)
    for kv in args.set:
        key, value = kv.split("=", 1)
        mod_name, flag = key.rsplit(".", 1)
        setattr(importlib.import_module(mod_name), flag, eval(value))  # noqa: S307
    import repair.pipeline as pipeline

    for spec in args.passes or DEFAULT:
        if not wrap(spec):
            print("not found:", spec)
    text = Path(args.file).read_text(encoding="utf-8")
    t = time.process_time()
    pipeline.repair_text(text)
    total = time.process_time() - t
    print(f"total {total:.3f} s CPU ({len(text.split()) / total:,.0f} words/s)")
    for spec, v in TIMES.most_common():
        print(f"{v:8.3f} {100 * v / total:5.1f} % {CALLS[spec]:8d}  {spec}")


if __name__ == "__main__":
    main()
