"""Smaller windows for a long OCR-garbled text (issue 14: peak memory).

A text up to ``RepairConfig.whole_document_chars`` (1 M code points) is repaired as one
document in one process, and an OCR-garbled document's peak grows with its length: the
speed suite's 100 k-word OCR text (625 k code points) peaks at ~418 MB, where one
250 k-code-point OCR window peaks ~300 MB.  With :data:`OCR_WINDOWS` a text over
:data:`OCR_WHOLE_CHARS` code points whose opening :data:`SAMPLE_CHARS` look OCR-garbled
(:func:`repair.detect.ocr.document_garbled`) is repaired by paragraph windows of
:data:`OCR_WINDOW_CHARS` (``repair fix`` forks one child a window,
:mod:`repair.window_fork`), as a text over 1 M code points already is.

Not exact: the document-level evidence (garble gate, the document's own vocabulary, the
self-trained profile's sample) is each window's.  Session 64 speedwin
(``benchmarks/RESULTS.md``), OCR 100 k: peak 417,812 -> 271,912 KB, CPU 11.94 -> 18.38 s
(+54 %), 487 output tokens changed (audit dev right 50,787 -> 50,864 but broken 0 -> 4,
test broken 9 -> 33); SMH dev unchanged (its articles are short); so shipped OFF.
"""

from __future__ import annotations

from dataclasses import replace

from repair.config import RepairConfig

#: Session 64 speedwin: repair a long OCR-garbled text by smaller windows (OFF: not
#: exact, +54 % CPU on the OCR 100 k text and more broken tokens; see the module doc).
OCR_WINDOWS = False
#: An OCR-garbled text over this many code points is repaired by windows.
OCR_WHOLE_CHARS = 125_000
#: The windows' size then (code points; ~21 k words).
OCR_WINDOW_CHARS = 125_000
#: The opening code points read to decide whether the text is OCR-garbled.
SAMPLE_CHARS = 20_000


def looks_garbled(sample: str, config: RepairConfig) -> bool:
    """Whether ``sample`` (a text's opening) passes the OCR stage's garble gate."""
    from repair.detect.ocr import detect_ocr, document_garbled

    return document_garbled(detect_ocr(sample), config.ocr_realword_min_garble)


def window_config(text: str, config: RepairConfig) -> RepairConfig:
    """``config`` with the smaller windows when :data:`OCR_WINDOWS` is on, ``text`` is
    longer than :data:`OCR_WHOLE_CHARS` (and not already windowed) and it opens garbled;
    else ``config`` itself."""
    n = len(text)
    if (
        not OCR_WINDOWS
        or not config.ocr
        or n <= OCR_WHOLE_CHARS
        or n > config.whole_document_chars
        or not looks_garbled(text[:SAMPLE_CHARS], config)
    ):
        return config
    return replace(
        config,
        whole_document_chars=OCR_WHOLE_CHARS,
        window_chars=min(config.window_chars, OCR_WINDOW_CHARS),
    )
