"""A document's repair does not depend on what the process repaired before (issue 16).

Session 56 (determinism): ``page_model``'s memo was keyed by the page's own mark rows
alone, so a page repaired under one OCR profile and then under another (a batch's learned
table installed after its first pass, ``ocr_docself``'s per-document second pass) could be
served the marks model counted on the first profile's table, depending on which pages the
process had read since the 8-entry memo was last emptied.  The memo is now keyed by the
marks model in force too (:data:`repair.candidates.ocr_glued.EXACT_PAGE_MODELS`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from repair.candidates import ocr_glued
from repair.score import ocr_table
from repair.tokenize import tokenize

# a page whose specks give page rows (repair.candidates.ocr_pagemarks): "!" splitting words
PAGE = (
    "The gover!nment said the peo!ple of the dis!trict would vote. The min!ister "
    "said the rail!way to the har!bour was a mat!ter for the coun!cil, and the "
    "mem!bers agreed that the pro!posal should go to the com!mittee next week."
)


def _profile(tmp_path: Path) -> Path:
    """A profile whose marks table differs from the shipped one: every "!" row's count
    multiplied (the other tables as shipped)."""
    rows = ocr_table.rows_in_force(ocr_table.MARKS)
    marks = tuple(
        (m, ctx, fate, str(int(n) * 40 + 3)) if m == "!" else (m, ctx, fate, n)
        for m, ctx, fate, n in rows
    )
    path = tmp_path / "marks.profile"
    path.write_text(ocr_table.profile_text({ocr_table.MARKS: marks}), encoding="utf-8")
    return path


@pytest.fixture
def shipped() -> Iterator[None]:
    ocr_table.install(None)
    ocr_glued._PAGE_MODELS.clear()
    yield
    ocr_table.install(None)
    ocr_glued._PAGE_MODELS.clear()


def _counts(model: ocr_glued.MarkModel | None) -> dict[tuple[str, str], dict[str, int]]:
    assert model is not None
    return {k: dict(v) for k, v in model.exact.items()}


def test_page_model_is_built_on_the_marks_table_in_force(tmp_path: Path, shipped: None) -> None:
    toks = tokenize(PAGE)
    profile = _profile(tmp_path)
    ocr_table.install(profile)
    fresh = _counts(ocr_glued.page_model(toks))  # nothing read before under this profile
    ocr_table.install(None)
    ocr_glued._PAGE_MODELS.clear()
    before = _counts(ocr_glued.page_model(toks))  # the same page under the shipped tables
    assert before != fresh  # the test's premise: the two tables give two models
    ocr_table.install(profile)
    assert _counts(ocr_glued.page_model(toks)) == fresh


def test_a_per_document_second_pass_reads_its_own_marks_table(
    tmp_path: Path, shipped: None
) -> None:
    """``ocr_docself``'s second pass (the learned profile held for one text) after the
    same page's first pass in the same process: the page model of the held profile, as
    when nothing was read before it."""
    from repair.score import ocr_docself

    toks = tokenize(PAGE)
    text = _profile(tmp_path).read_text(encoding="utf-8")
    with ocr_docself._held(text):
        fresh = _counts(ocr_glued.page_model(toks))
    ocr_glued._PAGE_MODELS.clear()
    first = _counts(ocr_glued.page_model(toks))  # the first pass, shipped tables
    with ocr_docself._held(text):
        second = _counts(ocr_glued.page_model(toks))
    assert first != fresh
    assert second == fresh


_ROWS = """
from repair.candidates import ocr_glued
from repair.candidates.ocr_pagemarks import page_mark_rows
chunks = [a + m + b for m in "!§¦%*" for a, b in (("gover", "nment"), ("peo", "ple"),
          ("dis", "trict"), ("har", "bour"), ("coun", "cil"), ("mat", "ter"))]
print(page_mark_rows(chunks, min_chunks=2))
print(ocr_glued.page_vote_rows(chunks, ocr_glued.mark_model()))
"""


def test_a_pages_rows_come_in_one_order_whatever_the_hash_seed() -> None:
    """``page_mark_rows`` / ``page_vote_rows`` read the page's chunks as a set: the rows
    (and ``page_vote_rows``' float sums) must not follow the interpreter's hash seed."""
    import os
    import subprocess
    import sys

    outs = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _ROWS], env=env, capture_output=True, text=True, check=True
        )
        outs.add(run.stdout)
    assert len(outs) == 1
