"""A given-name abbreviation in a run of capitalised names, read by the page (session 53)."""

from __future__ import annotations

from collections import Counter

import pytest

from repair.candidates import ocr_abbrev, ocr_abbrevrun
from repair.tokenize import tokenize

LIST = "Ptes Jas Brown, Wm Hart, Philip las Ocorgc Denehey, Jas Smith, Joseph lim Hey wood."


def _index(toks, text: str) -> int:
    return next(k for k, t in enumerate(toks) if t.text == text)


def _page(toks) -> Counter[str]:
    return Counter(t.text for t in toks if t.kind == "word")


def test_in_name_run_needs_capitals_both_sides() -> None:
    toks = tokenize("Philip las Ocorgc and the las vegas")
    assert ocr_abbrevrun.in_name_run(toks, _index(toks, "las"))
    toks = tokenize("went to las Vegas")
    assert not ocr_abbrevrun.in_name_run(toks, _index(toks, "las"))


def test_in_name_run_across_a_list_comma() -> None:
    toks = tokenize("Chas Packer, las Wm Pattie")
    assert ocr_abbrevrun.in_name_run(toks, _index(toks, "las"))


def test_run_reading_reads_the_abbreviation_the_page_prints() -> None:
    toks = tokenize(LIST)
    found = ocr_abbrevrun.run_reading(toks, _index(toks, "las"), _page(toks), 4.28)
    assert found is not None and found[0] == "Jas"


def test_no_reading_when_the_page_never_prints_it() -> None:
    toks = tokenize("Ptes Brown, Philip las Ocorgc Denehey, Smith.")
    assert ocr_abbrevrun.run_reading(toks, _index(toks, "las"), _page(toks), 4.28) is None


def test_common_word_never_read() -> None:
    toks = tokenize(LIST)
    assert ocr_abbrevrun.run_reading(toks, _index(toks, "las"), _page(toks), 5.0) is None


@pytest.mark.parametrize("on", [True, False])
def test_slot_reads_las_only_with_the_flag(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(ocr_abbrevrun, "NAME_RUN", on)
    toks = tokenize(LIST)
    found = ocr_abbrev.abbrev_candidates(toks, frozenset())
    got = {(c.features["printed"], c.replacement) for c in found}
    assert (("las", "Jas") in got) is on
