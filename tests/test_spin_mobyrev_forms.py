"""The reverse originals read from the per-user forms table (``spin_mobyrev.FORMS_TABLE``)
are those computed live with lemminflect, form by form (issue 14, session 48)."""

from __future__ import annotations

import random

import pytest

import repair.candidates.spin_mobyrev as mobyrev


@pytest.fixture(autouse=True)
def _table(monkeypatch: pytest.MonkeyPatch) -> None:
    """The table in force for each test (built in the per-user cache when missing)."""
    state = {"table": mobyrev.forms_index(), "peeked": True, "live": 0}
    monkeypatch.setattr(mobyrev, "_forms_state", state)


def _live(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    near = mobyrev._live(word, mobyrev._ranked())
    return near, mobyrev._live(word, mobyrev._wide_ranked(), set(near))


def _read(word: str, monkeypatch: pytest.MonkeyPatch, on: bool) -> tuple[tuple[str, ...], ...]:
    monkeypatch.setattr(mobyrev, "FORMS_TABLE", on)
    mobyrev.reverse_originals.cache_clear()
    mobyrev.reverse_originals_wide.cache_clear()
    try:
        return mobyrev.reverse_originals(word), mobyrev.reverse_originals_wide(word)
    finally:
        mobyrev.reverse_originals.cache_clear()
        mobyrev.reverse_originals_wide.cache_clear()


def test_table_rows_equal_the_live_readings() -> None:
    found = mobyrev.forms_index()
    assert found is not None and found[1] == mobyrev._flags()
    universe = mobyrev.forms_universe()
    words = random.Random(48).sample(universe, 1_500)
    words += ["advised", "nations", "metropolis", "workplace", "colossal", "items", "gigantic"]
    with_rows = 0
    for w in words:
        row = mobyrev._table_row(w)
        assert row is not None
        near, _, far = row.partition("|")
        assert (mobyrev._split(near), mobyrev._split(far)) == _live(w), w
        with_rows += bool(near or far)
    assert with_rows > 500  # the sample reads real rows, not only empty ones


def test_forms_outside_the_table_have_no_live_originals() -> None:
    universe = set(mobyrev.forms_universe())
    odd = ["zzzqqq", "blorpings", "unspinnable", "orbiters", "copped", "xyzzyed", "flimflams"]
    for w in odd:
        if w not in universe:
            assert _live(w) == ((), ()), w
            assert mobyrev._table_row(w) == "|"


@pytest.mark.parametrize("word", ["advised", "nations", "Advised", "the", "u2", "zzzqqq", "huge"])
def test_on_and_off_agree(word: str, monkeypatch: pytest.MonkeyPatch) -> None:
    on = _read(word, monkeypatch, True)
    assert on == _read(word, monkeypatch, False)


def test_the_table_answers_only_under_its_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    assert mobyrev._table_row("advised") is not None
    monkeypatch.setattr(mobyrev, "MAX_PER_LEMMA", 5)
    assert mobyrev._table_row("advised") is None  # another cut: computed live
    monkeypatch.setattr(mobyrev, "FORMS_TABLE", False)
    assert mobyrev._table_row("nations") is None


def test_the_table_spares_the_live_inflection(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    live = mobyrev.wide_originals_live
    monkeypatch.setattr(
        mobyrev, "wide_originals_live", lambda w, lemmas: (calls.append(w), live(w, lemmas))[1]
    )
    on = _read("metropolis", monkeypatch, True)
    assert on[0] and not calls
    assert _read("metropolis", monkeypatch, False) == on and calls


def test_a_process_builds_the_table_only_after_enough_live_words(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.setenv("REPAIR_CACHE_DIR", str(tmp_path))
    built: list[int] = []

    def small() -> tuple[str, list[int], list[str], tuple[object, ...]]:
        built.append(1)
        text = "advised\tsaid,told|warned\n"
        starts, heads = mobyrev.SortedLines(text, 0).index()
        return text, starts, heads, mobyrev._flags()

    monkeypatch.setattr(mobyrev, "_forms_text", small)
    monkeypatch.setattr(mobyrev, "FORMS_BUILD_AFTER", 2)
    monkeypatch.setattr(mobyrev, "_forms_state", {"table": None, "peeked": False, "live": 0})
    assert mobyrev.forms_index(build=False) is None  # not in this (empty) cache
    assert [mobyrev._table_row(w) for w in ("nations", "advised")] == [None, None]  # live
    assert not built
    assert mobyrev._table_row("advised") == "said,told|warned" and built == [1]
    assert mobyrev._table_row("nations") == "|" and built == [1]
    # a new process finds it in the cache: read, not built
    monkeypatch.setattr(mobyrev, "_forms_state", {"table": None, "peeked": False, "live": 0})
    assert mobyrev._table_row("advised") == "said,told|warned" and built == [1]


def test_with_the_cache_off_the_table_is_never_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPAIR_CACHE_DIR", "off")
    monkeypatch.setattr(mobyrev, "FORMS_BUILD_AFTER", 0)
    monkeypatch.setattr(mobyrev, "_forms_state", {"table": None, "peeked": False, "live": 0})
    monkeypatch.setattr(mobyrev, "_forms_text", lambda: pytest.fail("built"))
    assert [mobyrev._table_row(w) for w in ("advised", "advised", "nations")] == [None] * 3
