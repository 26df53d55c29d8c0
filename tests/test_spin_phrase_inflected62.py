"""Session 62 (spinspan): a span Moby lists on its own in an inflected form ("passed on",
"brought about") also gets the WordNet originals of its base span re-inflected ("pass on"
-> advance: "advanced"; "bring about" -> produce: "produced"), behind
``spin_phrase.INFLECTED_ROWS``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from repair.lexicons import format_header, read_text

from repair.candidates import spin_phrase
from repair.candidates.spin_phrase import span_originals
from repair.candidates.spin_phrase_inflected import COLUMNS, TABLE, merged_row


@pytest.fixture
def inflected_rows(request: pytest.FixtureRequest) -> Iterator[None]:
    old = spin_phrase.INFLECTED_ROWS
    spin_phrase.INFLECTED_ROWS = request.param
    span_originals.cache_clear()
    yield
    spin_phrase.INFLECTED_ROWS = old
    span_originals.cache_clear()


@pytest.mark.parametrize("inflected_rows", [True], indirect=True)
@pytest.mark.usefixtures("inflected_rows")
def test_the_head_reinflected_reaches_the_original() -> None:
    assert "produced" in span_originals(("brought", "about"))[0]
    assert "advanced" in span_originals(("passed", "on"))[0]
    # the span's own row stays part of it; Moby's loose originals are not merged
    assert {"made", "done"} <= set(span_originals(("brought", "about"))[0])
    assert "caused" not in span_originals(("brought", "about"))[0]


@pytest.mark.parametrize("inflected_rows", [False], indirect=True)
@pytest.mark.usefixtures("inflected_rows")
def test_without_the_flag_the_main_row_stands() -> None:
    assert "produced" not in span_originals(("brought", "about"))[0]
    assert "advanced" not in span_originals(("passed", "on"))[0]


def test_merged_rows_only_for_spans_of_the_main_table() -> None:
    assert read_text(TABLE).splitlines()[0] == format_header(COLUMNS)
    assert merged_row("brought about") is not None
    assert merged_row("bring about") is None  # a base span keeps its own row
    table = spin_phrase.phrase_lines()
    assert table.get("brought about") is not None
