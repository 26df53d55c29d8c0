"""Hot OCR helpers run no import statement per call (issue 14, session 36).

A function-level ``from repair.x import y`` costs ~0.6 us each time it runs; on 100 k
OCR words these helpers ran ~600 k of them (``_nonword_place`` alone 404 k).
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from repair.tokenize import tokenize


@contextmanager
def _imports_counted() -> Iterator[list[str]]:
    seen: list[str] = []
    real = builtins.__import__

    def counting(name: str, *args: object, **kwargs: object) -> object:
        seen.append(name)
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    builtins.__import__ = counting  # type: ignore[assignment]
    try:
        yield seen
    finally:
        builtins.__import__ = real


def _no_import(call: Callable[[], object]) -> None:
    call()  # the first call may load a table
    with _imports_counted() as seen:
        call()
    assert seen == []


def test_nonword_place_imports_nothing() -> None:
    from repair.candidates.ocr_shortslot import _nonword_place

    toks = tokenize("bear their omi costs and the rest")
    for i, t in enumerate(toks):
        if t.kind == "word" and 0 < i < len(toks) - 2:
            _no_import(lambda i=i: _nonword_place(toks, i))


@pytest.mark.parametrize(
    "module, name, args",
    [
        ("repair.candidates.ocr_docvocab", "_clean", ("Sydney",)),
        ("repair.candidates.ocr_docvocab", "_is_name", ("Sydney",)),
        ("repair.score.ocr_rescue", "_word", ("Sydney",)),
        ("repair.candidates.ocr_pagehabit", "_is_reading", ("house",)),
        ("repair.score.ocr_slotprice", "slot_cost", ("hy", "by", 9.0)),
    ],
)
def test_helpers_import_nothing(module: str, name: str, args: tuple[object, ...]) -> None:
    import importlib

    fn = getattr(importlib.import_module(module), name)
    _no_import(lambda: fn(*args))


def test_piece_and_name_after_import_nothing() -> None:
    from repair.candidates.ocr_abbrev import _name_after
    from repair.candidates.ocr_shortreal import _piece

    toks = tokenize("the bo ard met Mr. Smith there")
    _no_import(lambda: _piece(toks, 2))
    _no_import(lambda: _name_after(toks, 8))


def test_slot_scores_import_nothing() -> None:
    from repair.candidates.ocr_slot import slot_scores

    _no_import(lambda: slot_scores(["bulk", "of"], ["the", "tin"], ["new", "crop"]))
