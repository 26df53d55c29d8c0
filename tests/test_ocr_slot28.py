"""The marks table self-trained on an archive's raw pages (repair/score/ocr_selfmarks.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from repair.candidates.ocr_glued import MarkModel
from repair.score import ocr_selfmarks as sm
from repair.score import ocr_selftrain

# "§" stands for a mark no shipped table has seen (a newspaper's speck)
KNOWN: dict[str, int] = {",": 5000, ".": 5000}


def _fates(chunk: str) -> dict[str, float]:
    return {f: w for _k, f, w in sm.chunk_fates(chunk)}


@pytest.mark.parametrize(
    ("chunk", "fate"),
    [
        ("th§", "=e"),  # no word as printed: only letters make one
        ("§ith", "=w"),
        ("gover§nment", "drop"),  # a speck between the letters of one word
        ("Mis§", "=s"),
    ],
)
def test_a_speck_is_read_as_the_letter_or_drop_a_word_needs(chunk: str, fate: str) -> None:
    fates = _fates(chunk)
    assert max(fates, key=fates.__getitem__) == fate
    assert "keep" not in fates


@pytest.mark.parametrize("chunk", ["(From", "months)", "well-known"])
def test_a_mark_beside_a_word_no_letter_extends_is_kept(chunk: str) -> None:
    assert _fates(chunk) == {"keep": 1.0}


@pytest.mark.parametrize(
    "chunk",
    [
        "inves-",  # a line-end hyphen
        "(s.)",  # a piece of one letter says nothing
        "don't",  # apostrophes are word marks
        "the§cat",  # two words: a speck or a space, the dictionary cannot say
        "§",  # no letter
        "12§4",
    ],
)
def test_chunks_the_dictionary_cannot_explain_give_nothing(chunk: str) -> None:
    assert sm.chunk_fates(chunk) == []


def test_a_word_a_letter_also_extends_shares_its_unit_by_kind_then_frequency() -> None:
    fates = _fates("building§")
    assert set(fates) == {"=s", "keep"}
    assert fates["keep"] == pytest.approx(0.5)  # no prior: the kinds share equally
    fates = _fates("wa§")  # the letters share theirs by their words' frequency
    assert fates["=s"] > fates["=y"] > fates["=x"] > 0
    assert sum(fates.values()) == pytest.approx(1.0)


SPECK_PAGES = [
    "th§ man wa§ here and th§ boy",
    "the building§ of the cit§ were old",
    "wit§ the rat§ of the new building§ and th§ dog",
    "the§e were thre§ of them",
]


def test_an_unknown_mark_the_pages_show_as_a_speck_gets_rows() -> None:
    rows = sm.archive_mark_rows(SPECK_PAGES, KNOWN)
    fates = {(r[0], r[2]) for r in rows}
    assert ("§", "=e") in fates and ("§", "=s") in fates
    assert all(r[0] == "§" and int(r[3]) >= 1 for r in rows)
    model = MarkModel(tuple(rows))
    assert any(repl == "e" for repl, _c in model.options("§", "trail:a_"))


def test_the_archive_decides_a_word_both_readings_make() -> None:
    # beside specks the pages show unambiguously, "building§" is mostly "buildings"
    events = {"th§": 20, "wa§": 10, "building§": 1}
    prior = sm._fit_prior(events)
    fates = {f: w for _k, f, w in sm.chunk_fates("building§", prior)}
    assert fates["=s"] > fates["keep"]
    # beside a mark the pages mostly print after words, it stays a mark
    events = {"months§": 20, "today§": 10, "building§": 1}
    fates = {f: w for _k, f, w in sm.chunk_fates("building§", sm._fit_prior(events))}
    assert fates["keep"] > fates["=s"]


def test_no_rows_for_a_mark_the_table_knows_or_too_few_specks() -> None:
    assert sm.archive_mark_rows(SPECK_PAGES, {**KNOWN, "§": sm.LEARN_BELOW}) == []
    assert sm.archive_mark_rows(SPECK_PAGES, {**KNOWN, "§": sm.LEARN_BELOW - 1}) != []
    assert sm.archive_mark_rows(["th§ man"], KNOWN) == []
    assert sm.archive_mark_rows(["(From the said) well-known"] * 5, KNOWN) == []


def test_a_speck_mark_beside_words_is_mostly_dropped() -> None:
    pages = [*SPECK_PAGES, "the man§ and the dog§ were here", "§the end"]
    rows = sm.archive_mark_rows(pages, KNOWN)
    plain = {r[2]: int(r[3]) for r in rows if r[1] == "trail:a_" and r[2] in ("keep", "drop")}
    assert plain.get("drop", 0) > plain.get("keep", 0)
    sm_split = sm.PLAIN_SPLIT
    try:
        sm.PLAIN_SPLIT = False
        rows = sm.archive_mark_rows(pages, KNOWN)
        assert not any(r[2] == "drop" and r[1].startswith("trail") for r in rows)
    finally:
        sm.PLAIN_SPLIT = sm_split


def test_a_quote_beyond_a_full_stop_is_kept_a_speck_run_is_not() -> None:
    assert sm.mark_readings('Glory."') == [(5, {"keep": "Glory"}), (6, {"keep": 'Glory."'})]
    assert all(k == 1 for k, _r in sm.mark_readings("§§as"))  # the outer one: no evidence
    old = sm.OUTER_KEEP
    try:
        sm.OUTER_KEEP = False
        assert sm.mark_readings('Glory."') == [(5, {"keep": "Glory"})]
    finally:
        sm.OUTER_KEEP = old


def test_table_mark_counts_sums_each_marks_uses() -> None:
    rows = (("§", "trail:a_", "keep", "3"), ("§", "lead:_a", "=w", "2"), (",", "x", "keep", "1"))
    assert sm.table_mark_counts(rows) == {"§": 5, ",": 1}


def test_learn_table_adds_the_learned_mark_rows_to_the_profile(tmp_path: Path) -> None:
    from repair.score import ocr_table

    shipped = ocr_table.rows_in_force(ocr_table.MARKS)
    learned = ocr_selftrain.learn_table(SPECK_PAGES)
    assert learned.marks and all(r[0] == "§" for r in learned.marks)
    assert f"{len(learned.marks)} mark rows learned" in learned.text
    path = tmp_path / "archive.profile"
    path.write_text(learned.text, encoding="utf-8")
    marks = ocr_table.read_profile(path)[ocr_table.MARKS]
    assert marks == (*shipped, *learned.marks)
    old = ocr_selftrain.MARK_SELFTRAIN
    try:
        ocr_selftrain.MARK_SELFTRAIN = False
        assert ocr_selftrain.learn_table(SPECK_PAGES).marks == ()
    finally:
        ocr_selftrain.MARK_SELFTRAIN = old
    assert ocr_table.rows_in_force(ocr_table.MARKS) == shipped


def test_clean_text_teaches_no_mark_rows() -> None:
    pages = [
        'He said, "The building (the old one) was well-known; it stood there."',
        "They walked to the station: the trains were late (again). It's fine!",
    ] * 5
    assert sm.archive_mark_rows(pages) == []
