"""Generated two-column lexicons read in place (repair.resources.sorted_lexicon): the wide
and hypernym spin tables are looked up in their file text, not turned into dicts (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from repair.lexicons import LexiconError, format_header, read_tsv

import repair.resources.sorted_lexicon as sl
from repair.candidates.spin_hyper import hyper_table
from repair.candidates.spin_wide import COLUMNS, OriginalsTable, read_originals_table, wide_table
from repair.resources.sorted_lines import SortedLines


@pytest.mark.parametrize(
    ("table", "name"),
    [(wide_table, "spin_synonyms_wide.tsv"), (hyper_table, "spin_synonyms_hyper.tsv")],
)
def test_the_spin_tables_are_read_in_place_and_answer_as_the_parsed_rows(table, name) -> None:
    got = table()
    assert isinstance(got, OriginalsTable) and isinstance(got._lines, SortedLines)
    rows = {r[0]: tuple(r[1].split(",")) for r in read_tsv(name, COLUMNS)}
    assert len(got) == len(rows) and list(got) == list(rows)
    assert all(got.get(k) == v and got[k] == v and k in got for k, v in rows.items())
    assert got.get("zzzz-not-a-word", ()) == () and "zzzz" not in got and got.get(3) is None
    with pytest.raises(KeyError):
        got["zzzz-not-a-word"]


def _lexicon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    path = tmp_path / "t.tsv"
    path.write_text(f"{format_header(COLUMNS)}\n# a comment\n{body}", encoding="utf-8")
    monkeypatch.setattr(sl, "read_text", lambda name: path.read_text(encoding="utf-8"))
    monkeypatch.setattr(sl, "lexicon_path", lambda name: path)
    monkeypatch.setenv("REPAIR_CACHE_DIR", "off")


def test_a_sorted_table_is_read_with_its_comments(tmp_path, monkeypatch) -> None:
    _lexicon(tmp_path, monkeypatch, "able\tx,y\nbaker\tz\n")
    lines, comments = sl.read_sorted_lexicon("t.tsv", COLUMNS)
    assert comments == "# a comment\n" and lines.get("baker") == "z"
    t = read_originals_table("t.tsv")
    assert t["able"] == ("x", "y") and t.get("abl") is None and list(t) == ["able", "baker"]


@pytest.mark.parametrize(
    "body",
    ["baker\tz\nable\tx\n", "able\tx\nable\ty\n", "able\t\n", "able\tx\tw\n", "able x\n", "\n"],
)
def test_a_malformed_or_unsorted_table_is_refused(tmp_path, monkeypatch, body) -> None:
    _lexicon(tmp_path, monkeypatch, body)
    with pytest.raises(LexiconError):
        sl.read_sorted_lexicon("t.tsv", COLUMNS)


def test_the_header_must_name_the_columns(tmp_path, monkeypatch) -> None:
    _lexicon(tmp_path, monkeypatch, "able\tx\n")
    with pytest.raises(LexiconError):
        sl.read_sorted_lexicon("t.tsv", ("written", "other"))
