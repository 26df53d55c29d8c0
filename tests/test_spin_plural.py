"""A restored noun takes the number its context asks for where the written word shows none
(repair.score.spin_plural); issue 11."""

from __future__ import annotations

import pytest

from repair.document import Document
from repair.score import spin_plural
from repair.score.spin_plural import plural_forms, plural_of, unmarked_noun
from repair.types import Edit


def _restore(text: str, written: str, original: str, rule: str = "SPIN_SYNONYM") -> Edit:
    doc = Document(text)
    i = text.index(written)
    e = Edit(
        i, len(written), written, original, "spin", 0.9, rule,
        f"spinner substitution: '{written}' restored as '{original}'",
    )  # fmt: skip
    return plural_forms(doc, [e])[0]


def test_mass_nouns_show_no_number_count_nouns_do() -> None:
    assert unmarked_noun("jurisprudence") and unmarked_noun("detestation")
    assert not unmarked_noun("statute")  # "statutes": the written word shows its number
    assert not unmarked_noun("laws")  # an inflected form
    assert plural_of("law") == "laws" and plural_of("thing") == "things"
    assert plural_of("laws") is None and plural_of("news") is None


def test_plural_context_takes_the_plural() -> None:
    e = _restore(
        "Congress passed many jurisprudence that were never enforced.", "jurisprudence", "law"
    )
    assert e.replacement == "laws"
    assert e.evidence["number"] == "plural" and e.evidence["number_lm_gain"] >= 1.0
    assert e.alternatives[0] == "law" and "'laws'" in e.message
    e = _restore("There are many Detestation that people do not say.", "Detestation", "Thing")
    assert e.replacement == "Things"  # the case of the restoration is kept


def test_singular_context_and_marked_words_are_left_alone() -> None:
    assert (
        _restore("The jurisprudence is strict in this state.", "jurisprudence", "law").replacement
        == "law"
    )
    # a count noun written in the singular: the spinner showed the number
    assert (
        _restore(
            "Congress passed many statute that were never enforced.", "statute", "law"
        ).replacement
        == "law"
    )
    # other rules (profile pairs) are not touched
    text = "Congress passed many jurisprudence that were never enforced."
    assert _restore(text, "jurisprudence", "law", rule="SPIN_PAIR").replacement == "law"


def test_gain_bar_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Congress passed many jurisprudence that were never enforced."
    monkeypatch.setattr(spin_plural, "MIN_GAIN", 1000.0)
    assert _restore(text, "jurisprudence", "law").replacement == "law"


def test_collocation_rules_take_the_plural_too() -> None:
    """The collocation stage's rare-word restorations (RARE_WORD) read the same rule through
    ``rules`` (repair.stages.collocation.PLURAL); the spin stage's default leaves them."""
    text = "Congress passed many jurisprudence that were never enforced."
    doc = Document(text)
    i = text.index("jurisprudence")
    e = Edit(i, 13, "jurisprudence", "law", "collocation", 0.9, "RARE_WORD", "'law'")
    assert plural_forms(doc, [e])[0].replacement == "law"
    got = plural_forms(doc, [e], spin_plural.COLLOCATION_RULES)[0]
    assert got.replacement == "laws" and got.evidence["number"] == "plural"
