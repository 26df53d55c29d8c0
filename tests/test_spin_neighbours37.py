"""The corpus learner's distributional neighbour pairs (session 37, spinlearn37): the
shipped neighbour table (:mod:`repair.resources.neighbours`), its checks on load,
:func:`repair.learn.neighbour_pairs` and the learned-pair gate ``LEARNED_OPEN``."""

from __future__ import annotations

import pytest
from repair.lexicons import LexiconError

import repair.learn as learn
import repair.resources.neighbours as nb
import repair.stages.spin as spin_stage
from repair.config import RepairConfig
from repair.pipeline import repair_text

#: A spinner that writes "vicar" for "minister" (not a thesaurus synonym the restorer
#: reads), in documents that look like nothing in particular one by one.
_TOWNS = ["Leeds", "York", "Bath", "Derby", "Hull", "Ely"]


def _doc(i: int) -> str:
    town = _TOWNS[i % len(_TOWNS)]
    return (
        f"The prime vicar said on Monday that taxes in {town} will rise next year. "
        f"Farmers near {town} asked for help with the harvest and the roads. "
        "Later the prime minister met teachers and nurses at a school. "
        f"The foreign vicar is expected to visit {town} in the spring. "
        "Officials said the plan would cost more than expected."
    )


@pytest.fixture
def vicar_table(monkeypatch: pytest.MonkeyPatch) -> None:
    table = dict(nb.table())
    table["vicar"] = ("minister", "bishop", "priest")
    monkeypatch.setattr(nb, "table", lambda: table)


def test_shipped_table_loads_and_holds_neighbours() -> None:
    table = nb.table()
    assert len(table) > 10_000
    assert "effect" in nb.neighbours("impact")[:5]
    assert nb.neighbours("no-such-word-xyz") == ()
    # rows hold no form of the word's own lemma and never the word itself
    assert all(w not in ns for w, ns in list(table.items())[:2000])


def test_encode_decode_round_trip_and_checks() -> None:
    data = nb.encode({"big": ["large", "huge"], "large": ["big"]}, 3)
    assert nb.decode(data) == {"big": ("large", "huge"), "large": ("big",)}
    damaged = bytearray(data)
    damaged[20] ^= 1
    with pytest.raises(LexiconError, match="digest"):
        nb.decode(bytes(damaged))
    with pytest.raises(LexiconError, match="short"):
        nb.decode(data[:10])
    with pytest.raises(LexiconError, match="version"):
        body = b"XXXX" + data[4:-16]
        import hashlib

        nb.decode(body + hashlib.blake2b(body, digest_size=16).digest())


def test_neighbour_pairs_learn_a_consistent_swap(vicar_table: None) -> None:
    pairs = learn.neighbour_pairs([_doc(i) for i in range(8)])
    got = {p.spun: p for p in pairs}
    assert "vicar" in got and got["vicar"].original == "minister"
    p = got["vicar"]
    assert p.sources == {"neighbour"} and p.weight <= learn.CORPUS_WEIGHT_CAP
    # a form the learner already has is not proposed again
    assert "vicar" not in {p.spun for p in learn.neighbour_pairs(
        [_doc(i) for i in range(8)], known={"vicar"})}  # fmt: skip


def test_neighbour_pairs_need_a_corpus(vicar_table: None) -> None:
    assert learn.neighbour_pairs([_doc(0)]) == []  # one document: too few occurrences


def test_learn_pairs_writes_neighbour_pairs_only_when_on(
    vicar_table: None, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    texts = [_doc(i) for i in range(8)]
    config = RepairConfig(spin_profile=None)
    monkeypatch.setattr(learn, "CORPUS_NEIGHBOURS", False)
    off = {p.spun: p.original for p in learn.learn_pairs(texts, config=config)}
    assert "vicar" not in off
    monkeypatch.setattr(learn, "CORPUS_NEIGHBOURS", True)
    pairs = learn.learn_pairs(texts, config=config)
    on = {p.spun: p for p in pairs}
    assert on["vicar"].original == "minister" and "neighbour" in on["vicar"].sources
    out = tmp_path / "pairs.tsv"
    learn.write_pairs(pairs, out)
    assert learn.load_pairs(out)["vicar"][0] == "minister"


def test_learned_open_applies_weak_learned_pairs(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    out = tmp_path / "pairs.tsv"
    out.write_text("spun\toriginal\tweight\nvicar\tminister\t0.4900\n", encoding="utf-8")
    text = _doc(0)
    config = RepairConfig(spin_profile=None, lexicons=(out,))
    # spinlearn37's open gate: every document (spinopen37's per-document gate off)
    monkeypatch.setattr(spin_stage, "LEARNED_OPEN_MIN_FORMS", 0)
    monkeypatch.setattr(spin_stage, "LEARNED_OPEN_MIN_EXCESS", None)
    monkeypatch.setattr(spin_stage, "LEARNED_OPEN", False)
    assert repair_text(text, (), config).text == text  # the gates of a plain document shut
    monkeypatch.setattr(spin_stage, "LEARNED_OPEN", True)
    fixed = repair_text(text, (), config).text
    assert "prime minister said" in fixed and "foreign minister" in fixed
    # without a learned profile nothing changes, whatever the setting
    assert repair_text(text, (), RepairConfig(spin_profile=None)).text == text


def test_learned_open_keeps_its_own_lm_bar(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    out = tmp_path / "pairs.tsv"
    out.write_text("spun\toriginal\tweight\nvicar\tminister\t0.4900\n", encoding="utf-8")
    text = _doc(0)
    config = RepairConfig(spin_profile=None, lexicons=(out,))
    monkeypatch.setattr(spin_stage, "LEARNED_OPEN", True)
    monkeypatch.setattr(spin_stage, "LEARNED_OPEN_MIN_FORMS", 0)
    monkeypatch.setattr(spin_stage, "LEARNED_OPEN_MIN_EXCESS", None)
    monkeypatch.setattr(spin_stage, "LEARNED_OPEN_MIN_GAIN", 100.0)
    assert repair_text(text, (), config).text == text
