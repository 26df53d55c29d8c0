"""Session 64 (spinpool64): a restored word mapping carried to the written word's inflections."""

from __future__ import annotations

import pytest

import repair.score.spin_lemma_carry as lc
from repair.document import Document
from repair.score.consistency import RULE as CARRIED
from repair.types import Edit

TEXT = (
    "The bank sells a sling to every client. The bank also sells other slings to small "
    "firms, and its financial slings are cheap."
)


def _edit(word: str = "sling", original: str = "service", rule: str = "SPIN_SYNONYM") -> Edit:
    k = TEXT.find(word + " ")
    return Edit(k, len(word), word, original, "spin", 0.8, rule)


@pytest.fixture(autouse=True)
def _on(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(lc, "LEMMA_CARRY", True)
    monkeypatch.setattr(lc, "MIN_GAIN", 8.0)


def test_shipped_setting() -> None:
    import importlib

    fresh = importlib.reload(lc)
    assert fresh.LEMMA_CARRY is True and fresh.MIN_GAIN == 8.0


def test_the_original_inflected_like_the_written_word() -> None:
    assert lc.inflected_like("sling", "service", "slings") == {"services"}
    assert lc.inflected_like("used", "employed", "uses") == {"employs"}
    assert lc.inflected_like("sling", "service", "table") == set()


def test_a_restoration_carries_to_its_inflections_only_with_the_flag(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    doc = Document(TEXT)
    got = lc.inflected_edits(doc, [_edit()])
    assert [(TEXT[e.offset : e.end], e.replacement) for e in got] == [
        ("slings", "services"),
        ("slings", "services"),
    ]
    assert all(e.rule == CARRIED and e.evidence[lc.FEATURE] == "sling -> service" for e in got)
    assert all(e.evidence["lm_book_gain"] >= lc.MIN_GAIN for e in got)
    monkeypatch.setattr(lc, "LEMMA_CARRY", False)
    assert lc.inflected_edits(doc, [_edit()]) == []


def test_not_under_an_edit_nor_against_the_context(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    doc = Document(TEXT)
    k = TEXT.find("slings")
    covering = Edit(k, 6, "slings", "products", "spin", 0.8, "SPIN_SYNONYM")
    got = lc.inflected_edits(doc, [_edit(), covering])
    # "slings" restored itself (to another original) is no inflection to carry to: the
    # written form is read by the same-form carry, not this one
    assert got == []
    monkeypatch.setattr(lc, "MIN_GAIN", 1000.0)
    assert lc.inflected_edits(doc, [_edit()]) == []


def test_a_word_restored_two_ways_or_by_another_rule_is_not_read() -> None:
    doc = Document(TEXT + " A sling is a sling.")
    k = len(TEXT) + 3
    other = Edit(k, 5, "sling", "tool", "spin", 0.8, "SPIN_SYNONYM")
    assert lc.inflected_edits(doc, [_edit(), other]) == []
    assert lc.inflected_edits(Document(TEXT), [_edit(rule="SPIN_SYNONYM_PHRASE")]) == []
