"""The reverse originals read from the per-user forms table (``spin_mobyrev.FORMS_TABLE``)
are those computed live with lemminflect, form by form (issue 14, session 48)."""

from __future__ import annotations

import random

import pytest

import repair.candidates.spin_mobyrev as mobyrev


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
    table, flags = mobyrev.forms_index()
    assert flags == mobyrev._flags()
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
    mobyrev.forms_index()  # built (or read) first
    calls: list[str] = []
    live = mobyrev.wide_originals_live
    monkeypatch.setattr(
        mobyrev, "wide_originals_live", lambda w, lemmas: (calls.append(w), live(w, lemmas))[1]
    )
    on = _read("metropolis", monkeypatch, True)
    assert on[0] and not calls
    assert _read("metropolis", monkeypatch, False) == on and calls
