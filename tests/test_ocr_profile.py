"""An archive's OCR profile: the confusion, slot and mark tables in one checked file
(:mod:`repair.score.ocr_table`; ``repair learn --ocr`` writes it, ``--ocr-table`` reads it;
issue 12, session 27)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from repair.lexicons import LexiconError, read_tsv

from repair.candidates import ocr_glued
from repair.candidates.ocr_glued import chunk_readings, mark_model
from repair.score import ocr_slotprice, ocr_table
from repair.score.ocr_channel import confusions
from repair.score.ocr_price import channel_cost

CONF_HEADER = "# format: repair-lexicon/1; columns: ocr, true, cost, count"
MARK_HEADER = "# format: repair-lexicon/1; columns: mark, context, fate, count"


@pytest.fixture(autouse=True)
def _shipped_tables() -> Iterator[None]:
    ocr_table.install(None)
    yield
    ocr_table.install(None)


def _shipped(name: str) -> tuple[tuple[str, ...], ...]:
    return read_tsv(name, ocr_table.TABLES[name])


def _profile(tmp_path: Path, **drop: str) -> Path:
    """The shipped tables as a profile, without the rows whose first column is ``drop``'s
    value for that table (``slot="ni"``, ``marks="«"``)."""
    keys = {"slot": ocr_table.SLOT, "marks": ocr_table.MARKS}
    tables = {}
    for name in ocr_table.TABLES:
        gone = next((v for k, v in drop.items() if keys[k] == name), None)
        tables[name] = tuple(r for r in _shipped(name) if r[0] != gone)
    path = tmp_path / "archive.profile"
    path.write_text(ocr_table.profile_text(tables, ["a test profile"]), encoding="utf-8")
    return path


def test_a_profile_round_trips_every_table(tmp_path: Path) -> None:
    profile = ocr_table.read_profile(_profile(tmp_path))
    assert set(profile) == set(ocr_table.TABLES)
    for name in ocr_table.TABLES:
        assert profile[name] == _shipped(name)


def test_the_shipped_tables_as_a_profile_change_nothing(tmp_path: Path) -> None:
    before = (confusions(), ocr_slotprice.table_cost("ni", "in"), chunk_readings("building«"))
    ocr_table.install(_profile(tmp_path))
    after = (confusions(), ocr_slotprice.table_cost("ni", "in"), chunk_readings("building«"))
    assert after == before


def test_the_profile_s_slot_table_is_read_and_uninstalling_restores_it(tmp_path: Path) -> None:
    shipped = ocr_slotprice.table_cost("ni", "in")
    assert shipped < channel_cost("ni", "in") - 0.5  # the shipped slot table lists "ni"
    ocr_table.install(_profile(tmp_path, slot="ni"))
    assert ocr_slotprice.table_cost("ni", "in") > shipped + 0.5
    assert ocr_slotprice.read_tsv is read_tsv  # an explicit hook, no reader swapped
    rows = ocr_slotprice.override_rows
    assert rows and not any(r[0] == "ni" for r in rows)
    ocr_table.install(None)
    assert ocr_slotprice.table_cost("ni", "in") == pytest.approx(shipped)
    assert ocr_slotprice.override_rows is None  # the module reads the lexicon again


def test_the_profile_s_mark_table_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a speck glyph the profile never saw would back off to its junk marks (session 44):
    # off here, so that only the profile's own rows read "«"
    monkeypatch.setattr(ocr_glued, "UNSEEN_JUNK", False)
    assert chunk_readings("building«")[0][0] == "buildings"
    ocr_table.install(_profile(tmp_path, marks="«"))
    assert "«" not in mark_model().letters
    assert ocr_glued.read_tsv is read_tsv
    rows = ocr_glued.override_rows
    assert rows and not any(r[0] == "«" for r in rows)
    assert not any(t == "buildings" for t, _c, _thr in chunk_readings("building«"))
    ocr_table.install(None)
    assert chunk_readings("building«")[0][0] == "buildings"
    assert ocr_glued.override_rows is None


def test_a_plain_confusion_table_leaves_the_slot_and_mark_tables_shipped(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plain.tsv"
    rows = "".join("\t".join(r) + "\n" for r in _shipped(ocr_table.CONFUSIONS))
    path.write_text(CONF_HEADER + "\n" + rows + "z\th\t0.50\t0\n", encoding="utf-8")
    assert set(ocr_table.read_profile(path)) == {ocr_table.CONFUSIONS}
    ocr_table.install(path)
    assert ("h", 0.5) in confusions()["z"]
    assert ocr_slotprice.override_rows is None and ocr_glued.override_rows is None


def test_a_profile_may_hold_some_tables_only(tmp_path: Path) -> None:
    path = tmp_path / "marks_only.profile"
    marks = tuple(r for r in _shipped(ocr_table.MARKS) if r[0] != "«")
    path.write_text(ocr_table.profile_text({ocr_table.MARKS: marks}), encoding="utf-8")
    with pytest.raises(LexiconError, match="no ocr_confusions.tsv section"):
        ocr_table.read_table(path)
    before = confusions()
    ocr_table.install(path)
    assert confusions() == before  # the shipped confusion table
    assert "«" not in mark_model().letters


PROFILE = ocr_table.PROFILE_FORMAT + "\n"
SECTION = ocr_table.SECTION
MARKS = f"{SECTION}ocr_marks.tsv\n{MARK_HEADER}\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (PROFILE, "has no '## table: ' section"),
        (PROFILE + "z\th\t0.5\t0\n", "line 2: a row before the first"),
        (
            PROFILE + f"{SECTION}ocr_drops.tsv\n{CONF_HEADER}\n",
            "line 2: unknown table 'ocr_drops.tsv'",
        ),
        (
            PROFILE
            + f"{SECTION}ocr_marks.tsv\n{MARK_HEADER}\n{SECTION}ocr_marks.tsv\n{MARK_HEADER}\n",
            "line 4: table 'ocr_marks.tsv' given twice",
        ),
        (PROFILE + f"{SECTION}ocr_marks.tsv\n{CONF_HEADER}\n", "line 3: columns ocr, true"),
        (PROFILE + f"{SECTION}ocr_marks.tsv\nx\ty\n", "line 3: no format header"),
        (
            PROFILE + f"{SECTION}ocr_confusions.tsv\n{CONF_HEADER}\nz\th\t0.5\t0\n"
            f"{SECTION}ocr_slot_confusions.tsv\n{CONF_HEADER}\nni\tin\tcheap\t3\n",
            "line 7: cost 'cheap' is not a number",
        ),
        (
            PROFILE + f"{SECTION}ocr_slot_confusions.tsv\n{CONF_HEADER}\nni\tin\t0.5\n",
            r"line 4: 3 field\(s\)",
        ),
        (
            PROFILE + f"{SECTION}ocr_marks.tsv\n{MARK_HEADER}\n«\ttrail:a_\t=s\tmany\n",
            "line 4: count 'many'",
        ),
        (PROFILE + f"{SECTION}ocr_confusions.tsv\n{CONF_HEADER}\n", "has no confusion rows"),
    ],
)
def test_a_malformed_profile_is_refused_naming_file_and_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "bad.profile"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as err:
        ocr_table.install(path)
    assert str(path) in str(err.value)
    assert ocr_table.installed() is None
    assert ocr_slotprice.override_rows is None and ocr_glued.override_rows is None


def test_learning_carries_the_start_profile_s_slot_and_mark_tables(tmp_path: Path) -> None:
    from repair.score.ocr_selftrain import learn_table

    ocr_table.install(_profile(tmp_path, slot="ni", marks="«"))
    learned = learn_table(["The ship came in from the south with wool on Monday."])
    out = tmp_path / "learned.profile"
    out.write_text(learned.text, encoding="utf-8")
    profile = ocr_table.read_profile(out)
    assert set(profile) == set(ocr_table.TABLES)
    assert not any(r[0] == "ni" for r in profile[ocr_table.SLOT])
    assert not any(r[0] == "«" for r in profile[ocr_table.MARKS])
    assert len(profile[ocr_table.SLOT]) < len(_shipped(ocr_table.SLOT))
    ocr_table.install(None)
    shipped_start = learn_table(["The ship came in from the south with wool on Monday."])
    assert "«\t" in shipped_start.text  # from the shipped tables: the shipped marks
