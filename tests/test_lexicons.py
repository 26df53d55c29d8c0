"""Lexicons are data with a format header, checked on load (repair.lexicons)."""

from __future__ import annotations

import os

import pytest
from repair.lexicons import (
    UNVERSIONED,
    LexiconError,
    format_header,
    lexicon_path,
    parse_tsv,
    read_tsv,
)

HEAD = format_header(("spun", "original")) + "\n"


def test_rows_follow_the_header_and_comments_are_not_rows() -> None:
    rows = parse_tsv(HEAD + "# source: us\n\nmentioned\tsaid\n", "x.tsv")
    assert rows == (("mentioned", "said"),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("mentioned\tsaid\n", r"x\.tsv, line 1: no format header"),
        (HEAD.replace("/1;", "/2;") + "a\tb\n", r"x\.tsv, line 1: format version 2"),
        (HEAD + "# c\nmentioned\tsaid\nadvised\n", r"x\.tsv, line 4: 1 field\(s\), the header"),
        (HEAD + "a\tb\tc\n", r"x\.tsv, line 2: 3 field\(s\)"),
        ("", r"x\.tsv, line 1: no format header"),
    ],
)
def test_a_malformed_file_is_an_error_naming_file_and_line(text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_tsv(text, "x.tsv")


def test_expected_columns_are_checked() -> None:
    with pytest.raises(LexiconError, match="columns spun, original; expected a, b"):
        parse_tsv(HEAD, "x.tsv", ("a", "b"))


def test_shipped_lexicons_load_with_their_headers() -> None:
    names = sorted(p.name for p in lexicon_path("tortured_phrases.tsv").parent.glob("*.tsv"))
    assert "tortured_phrases.tsv" in names
    for name in names:
        rows = read_tsv(name)
        assert rows, name
        head = lexicon_path(name).read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith("# format: repair-lexicon/") or name in UNVERSIONED, name


def test_the_loader_doctests_pass() -> None:
    """``lexicons/`` is outside pytest's doctest paths (it holds build scripts); run them here."""
    import doctest

    import repair.lexicons

    result = doctest.testmod(repair.lexicons)
    assert result.attempted >= 2 and result.failed == 0


def test_unversioned_files_are_still_unversioned() -> None:
    """Once a file carries the header, it must leave UNVERSIONED (and be checked)."""
    for name in UNVERSIONED:
        head = lexicon_path(name).read_text(encoding="utf-8").splitlines()[0]
        assert not head.startswith("# format:"), f"{name} has a header: drop it from UNVERSIONED"


def test_override_folder_takes_the_place_of_shipped_files(tmp_path):
    """``REPAIR_LEXICONS`` names a folder whose files win over the shipped ones of the
    same name (a second checkout's regenerated table); other names still resolve to the
    shipped folder."""
    import subprocess
    import sys

    (tmp_path / "tortured_phrases.tsv").write_text("replaced\n", encoding="utf-8")
    code = (
        "from repair.lexicons import lexicon_path;"
        "print(lexicon_path('tortured_phrases.tsv'));"
        "print(lexicon_path('spin_phrases.tsv').parent)"
    )
    env = {**os.environ, "REPAIR_LEXICONS": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == str(tmp_path / "tortured_phrases.tsv")
    assert out[1] != str(tmp_path)
