"""Reports of a :class:`~repair.types.RepairResult`: ``diff``, ``html`` and ``json``.

Each format is one module with a ``render(result, name="input") -> str``:

* :mod:`repair.report.diff`: unified diff, one sentence a line, plus ``#`` edit lines;
* :mod:`repair.report.html`: one self-contained side-by-side HTML page with tooltips;
* :mod:`repair.report.json`: LanguageTool-like ``matches`` with context and evidence.

>>> from repair.types import DocScores, RepairResult
>>> render(RepairResult("Fine.", "Fine.", (), DocScores(words=1)), "diff")
''
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

from repair.types import RepairResult

#: format name -> module (each has ``render(result, name) -> str``).
FORMATS: dict[str, str] = {
    "diff": "repair.report.diff",
    "html": "repair.report.html",
    "json": "repair.report.json",
}


def render(result: RepairResult, fmt: str, name: str = "input") -> str:
    """Render ``result`` in format ``fmt`` (one of :data:`FORMATS`); ``name`` labels the input."""
    try:
        module = FORMATS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown report format {fmt!r}; choose one of: {', '.join(FORMATS)}"
        ) from None
    return importlib.import_module(module).render(result, name=name)


def render_pieces(result: RepairResult, fmt: str, name: str = "input") -> Iterator[str]:
    """:func:`render`'s text in pieces (joined: the same string): a format module's
    ``chunks`` when it has one (``json``: each match built as it is written, issue 14),
    else its whole text as one piece.

    >>> from repair.types import DocScores, RepairResult
    >>> r = RepairResult("Fine.", "Fine.", (), DocScores(words=1))
    >>> "".join(render_pieces(r, "json")) == render(r, "json")
    True
    """
    each = (
        getattr(importlib.import_module(FORMATS[fmt]), "chunks", None) if fmt in FORMATS else None
    )
    if each is None:  # (an unknown format: render raises)
        yield render(result, fmt, name)
    else:
        yield from each(result, name=name)


__all__ = ["FORMATS", "render", "render_pieces"]
