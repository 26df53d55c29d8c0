"""Technical chunks stay as they are: no OCR edit inside a URL, file name or identifier.

A bug report's "gkcontent.dll", "MOZ_PHOENIX", "mapy.centrum.cz" or "textbox.focus()" is
technical text (:func:`repair.detect.ocr.technical_spans`), whose pieces are non-words no
OCR made: the stage's stray-mark, confusion and split readers turned them into
"gkcontent dll", "MOZ PHOENIX", "many centrum cz" on the clean bug reports of the spin
suites (``benchmarks/ocr_clean_registers.py``, session 49).

>>> from repair.types import Edit
>>> e = Edit(19, 4, "mapy", "many", "ocr", 0.9, "OCR_CONFUSION")
>>> keep("crash on reload of mapy.centrum.cz (http://x.org, www.y.com)", [e])
[]
"""

from __future__ import annotations

import bisect

from repair.detect.ocr import technical_spans
from repair.types import Edit

#: Drop every OCR edit that touches a technical chunk (gate open or shut).  Census webtext
#: dev (``benchmarks/ocr_clean_registers.py``): 34 -> 32 edits with the detector's guards
#: on ("mapy.centrum.cz" -> "many", ".wav" -> "way"); SMH dev, the light suite's dev half,
#: the audit and ICDAR as main (SMH's OCR holds no chunk with a mark no OCR prints).
#: ``benchmarks/RESULTS.md``, session 49 (ocrtech49).
TECH_KEEP = True


def keep(text: str, edits: list[Edit], spans: list[tuple[int, int]] | None = None) -> list[Edit]:
    """``edits`` without those overlapping a technical chunk of ``text`` (``spans``: its
    :func:`~repair.detect.ocr.technical_spans`, when the detection read them already)."""
    if not TECH_KEEP or not edits:
        return edits
    if spans is None:
        spans, _ = technical_spans(text)
    if not spans:
        return edits
    starts = [s for s, _ in spans]
    out = []
    for e in edits:
        i = bisect.bisect_right(starts, e.offset + max(e.length, 1) - 1) - 1
        if i >= 0 and spans[i][1] > e.offset:
            continue  # the chunk at or before the edit's last character reaches into it
        out.append(e)
    return out
