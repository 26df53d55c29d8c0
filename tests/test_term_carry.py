"""A word the term windows restored is carried to the other places of its written word in
scientific register (repair.score.term_echo.carried_terms).  The text is dev abstract 05 of
benchmarks/spin_sim/abstracts.py spun by the rare-synonym spinner with one half of the dev
word families (benchmarks/tortured_folds.py, cell "ab"): "mores" was written for
"protocol" three times; the term window reads only "routing mores"."""

from __future__ import annotations

import pytest

from repair import repair_text
from repair.score import term_echo, term_pool

PROTOCOL = (
    "Wireless sensor networks must save energy to run for a long time without new batteries. "
    "We proffer a routing mores that espouses the consequent node by its remaining energy and "
    "its distance to the base incumbency. Simulations show that the latticework impetuosity "
    "thirty percent longer than with the common mores, while the delay of each message grows "
    "only slightly. The mores is easy to add to existing devices.\n"
)


@pytest.fixture
def no_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """The carry alone: :mod:`repair.score.term_pool` (session 48) hands these three places
    to the rare-word pass instead (same words, below)."""
    monkeypatch.setattr(term_pool, "TERM_POOL", False)


def _mores(text: str) -> list[tuple[int, str, str]]:
    return [
        (e.offset, e.replacement, e.rule) for e in repair_text(text).edits if e.original == "mores"
    ]


def test_pooled_places_give_the_same_words() -> None:
    """With the term pool on, the rare-word pass reads the three places with their evidence
    pooled: the same restoration at each."""
    assert term_pool.TERM_POOL is True
    mores = [e for e in repair_text(PROTOCOL).edits if e.original == "mores"]
    assert [e.replacement for e in mores] == ["protocol"] * 3


@pytest.mark.usefixtures("no_pool")
def test_term_word_carried() -> None:
    assert term_echo.CARRY_TERMS is True
    edits = repair_text(PROTOCOL).edits
    mores = [e for e in edits if e.original == "mores"]
    assert [(e.replacement, e.rule) for e in mores] == [
        ("protocol", "COLLOCATION_TERM"),
        ("protocol", "CONSISTENT_RESTORATION"),
        ("protocol", "CONSISTENT_RESTORATION"),
    ]
    first = mores[0].offset
    for e in mores[1:]:
        assert e.kind == "collocation" and e.confidence == mores[0].confidence
        assert e.evidence["restored_at"] == first and e.evidence["lm_book_gain"] >= 2.0
        assert PROTOCOL[e.offset : e.offset + e.length] == "mores"


@pytest.mark.usefixtures("no_pool")
def test_switch_off_and_outside_scientific_register(monkeypatch: pytest.MonkeyPatch) -> None:
    on = repair_text(PROTOCOL).edits
    monkeypatch.setattr(term_echo, "CARRY_TERMS", False)
    off = repair_text(PROTOCOL).edits
    assert [r for _o, _r, r in _mores(PROTOCOL)] == ["COLLOCATION_TERM"]
    assert [e for e in on if e.rule != "CONSISTENT_RESTORATION"] == list(off)  # nothing else moves
    monkeypatch.setattr(term_echo, "CARRY_TERMS", True)
    monkeypatch.setattr(term_echo, "is_scientific", lambda doc: False)
    assert [r for _o, _r, r in _mores(PROTOCOL)] == ["COLLOCATION_TERM"]


def test_carried_terms_reads_only_term_windows() -> None:
    from repair.document import Document
    from repair.types import Edit

    doc = Document(PROTOCOL)
    a = PROTOCOL.index("mores")
    rare = Edit(a, 5, "mores", "protocol", "collocation", 0.9, "RARE_WORD")
    assert term_echo.carried_terms(doc, [rare]) == []  # the rare pass carries its own
    term = Edit(a, 5, "mores", "protocol", "collocation", 0.9, term_echo.TERM_RULE)
    assert [
        PROTOCOL[e.offset : e.offset + e.length] for e in term_echo.carried_terms(doc, [term])
    ] == [
        "mores",
        "mores",
    ]
    weak = Edit(a, 5, "mores", "protocol", "collocation", 0.6, term_echo.TERM_RULE)
    assert term_echo.carried_terms(doc, [weak]) == []  # under the carry's confidence bar
