"""Smaller memos and tables of the spin path, the same answers (issue 14, session 32)."""

from __future__ import annotations

import subprocess
import sys
from array import array

import pytest

from repair.candidates import spin_mobyrev as mobyrev
from repair.resources.sorted_lines import SortedLines
from repair.score import spin_evidence as ev

ORIGINALS = ("home", "house", "dwelling", "abode")


def test_static_rows_are_packed_doubles_of_the_pair_features() -> None:
    rows = ev._static_rows("residence", ORIGINALS)
    assert isinstance(rows, bytes) and len(rows) == 7 * 8 * len(ORIGINALS)
    want = tuple(ev._pair_static("residence", o) for o in ORIGINALS)
    assert ev._statics("residence", ORIGINALS) == want
    assert array("d", rows).tolist() == [x for row in want for x in row]


def test_compiled_fill_reads_packed_rows_as_the_float_tuples() -> None:
    fast = ev._compiled()
    if fast is None:
        pytest.skip("_spingains not built")
    read = ev._gains(["the", "old"], "residence", ["was", "sold"], ORIGINALS)
    assert read is not None
    _s, s_hist, gains, top, cut = read
    w = tuple(float(k + 1) / 7 for k in range(16))
    packed = ev._static_rows("residence", ORIGINALS)
    tuples = ev._statics("residence", ORIGINALS)
    args = (gains, cut, top, s_hist)
    rest = (ORIGINALS, {"house": 2}, len(ORIGINALS), w, 0.25, ev._CLIP)
    assert fast.fill(*args, packed, *rest) == fast.fill(*args, tuples, *rest)
    with pytest.raises(TypeError):
        fast.fill(*args, packed[:-1], *rest)


def test_lowered_keeps_a_lower_case_tuple_itself() -> None:
    ev._lowered.cache_clear()  # an equal tuple an earlier test left would be returned
    origs = ("house", "home")
    assert ev._lowered(origs) is origs
    mixed = ("House", "home")
    low = ev._lowered(mixed)
    assert low == ("house", "home") and low[1] is mixed[1]


def test_reverse_index_is_read_in_place_with_the_same_rows() -> None:
    index = mobyrev.ranked_index()
    assert isinstance(index, SortedLines)
    rows = mobyrev._ranked_rows()
    ranked = mobyrev._ranked()
    for lemma in ("assembly", "navy", "coverage", "mentioned"):
        if lemma in rows:
            assert ranked[lemma] == tuple(rows[lemma].split(","))
            assert ranked.get(lemma) == ranked[lemma]
    assert len(ranked) == len(rows)
    assert "zzzqqq" not in ranked and ranked.get("zzzqqq", ()) == ()
    with pytest.raises(KeyError):
        ranked["zzzqqq"]


_NO_NUMPY = """
import sys
from repair.resources.lemmas import getAllInflections, getAllInflectionsOOV
from repair.resources.lemminflect_lazy import models_loaded
assert getAllInflections("walk", "VERB")["VBD"] == ("walked",)
print("numpy" in sys.modules, models_loaded())
print(getAllInflectionsOOV("blorfle", "VERB")["VBD"], "numpy" in sys.modules, models_loaded())
"""


def test_lemminflect_imports_numpy_only_when_its_model_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _NO_NUMPY], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == "False False"
    assert out[1] == "('blorfled',) True True"


def test_table_styles_answer_from_the_table_else_the_model() -> None:
    from lemminflect.core.InflectionRules import MorphologyStyleModel

    from repair.resources.lemmas import TableStyles

    styles = TableStyles(SortedLines("walk\treg,~,~,regd\n", 0))
    assert styles.getStyle("walk", "VERB") == "reg"
    assert styles.getStyle("walk", "ADJ") is None
    assert styles.getStyle("walk", "NOUN") == "regd"
    model = MorphologyStyleModel()
    assert styles._model is None
    assert styles.getStyle("blorfle", "VERB") == model.getStyle("blorfle", "VERB")
    assert styles.getStyle("walk", "PROPN") == model.getStyle("walk", "PROPN")


def test_style_table_gives_the_models_styles() -> None:
    from lemminflect.core.InflectionRules import MorphologyStyleModel

    from repair.resources.lemmas import STYLE_UPOS, _style_lines

    lines = _style_lines().splitlines()
    assert len(lines) > 5000
    model = MorphologyStyleModel()
    for line in lines[:: max(1, len(lines) // 300)]:
        word, _, cells = line.partition("\t")
        for upos, cell in zip(STYLE_UPOS, cells.split(","), strict=True):
            got = model.getStyle(word, upos)
            assert cell == ("~" if got is None else got), (word, upos)


def _dict_row(value: str) -> tuple[dict[str, int], dict[str, str]]:
    """The WordNet cell parsed into two dicts, as ``spin_channel._row`` did before."""
    pairs: dict[str, int] = {}
    ranks: dict[str, str] = {}
    if value != "-":
        for item in value.split(","):
            rest, _, r = item.rpartition(":")
            o, _, n = rest.rpartition(":")
            pairs[o] = int(n)
            ranks[o] = r
    return pairs, ranks


def test_channel_cell_searched_in_place_answers_as_the_dicts() -> None:
    from repair.candidates import spin_channel

    table = spin_channel._table()
    checked = 0
    for k, form in enumerate(table):
        if k % 97:
            continue
        value = table.get(form)
        assert value is not None
        pairs, ranks = _dict_row(value.partition("\t")[2])
        for o in (*pairs, "zzzqqq", form):
            assert spin_channel.wordnet_shared(form, o) == pairs.get(o, 0)
            r = ranks.get(o)
            want = None if r is None else (int(r[0]), int(r[1]))
            assert spin_channel.sense_ranks(form, o) == want
            checked += 1
    assert checked > 1000


def test_channel_cell_search_skips_look_alike_items_and_takes_the_last(monkeypatch) -> None:
    from repair.candidates import spin_channel

    cell = "a:b:1:23,a:2:45,z:3:67,a:4:89,b:c:5:01,zz:a:6:12"
    pairs, ranks = _dict_row(cell)
    monkeypatch.setattr(spin_channel, "_row", lambda form: (1, "," + cell))
    for o in ("a", "b", "a:b", "b:c", "z", "zz", "zz:a", "c", "45,z", ""):
        got = spin_channel._pair("w", o)
        assert (None if got is None else (int(got[0]), got[1])) == (
            (pairs[o], ranks[o]) if o in pairs else None
        ), o


def test_no_style_table_without_a_cache(monkeypatch) -> None:
    from lemminflect.core.Inflections import Inflections

    from repair.resources import lemmas

    infl = Inflections()
    had = infl.__dict__.get("morph_style_model")
    monkeypatch.delitem(infl.__dict__, "morph_style_model", raising=False)
    monkeypatch.setenv("REPAIR_CACHE_DIR", "off")
    monkeypatch.setattr(lemmas, "SHIPPED_STYLES", False)  # session 33: else the shipped table
    lemmas.install_styles.cache_clear()
    try:
        assert lemmas.install_styles() is False
        assert getattr(infl, "morph_style_model", None) is None
    finally:
        lemmas.install_styles.cache_clear()
        if had is not None:
            infl.morph_style_model = had
