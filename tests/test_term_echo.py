"""A restored term echoed elsewhere with both of its words spun (repair.score.term_echo).
Abstract 03 of benchmarks/spin_sim/abstracts.py (dev half) through the WordNet sense
spinner: "neural networks" was written "nervous webs" in one place and "neural web" in
another; the term window restores the second, the echo the first."""

from __future__ import annotations

import pytest

from repair import repair_text
from repair.document import Document
from repair.score import term_echo
from repair.types import Edit

SPUN_NETWORKS = (
    "Support vector machines rest a strong baseline for text classification. We compare them "
    "with nervous webs on short messages from social media and find that the simpler model "
    "executes as well when the preparation set is small. The neural web is better only when "
    "more than ten yard labeled examples are available. We talk about what this means for "
    "practical systems with limited budgets.\n"
)
CLEAN_NETWORKS = (
    "Support vector machines remain a strong baseline for text classification. We compare "
    "them with neural networks on short messages from social media and find that the simpler "
    "model performs as well when the training set is small. The neural network is better only "
    "when more than ten thousand labeled examples are available. We discuss what this means "
    "for practical systems with limited budgets.\n"
)


def _anchor(doc: Document, written: str, original: str) -> Edit:
    at = doc.text.index(written + " ")
    return Edit(at, len(written), written, original, "collocation", 0.63, "COLLOCATION_TERM")


def _changes(text: str) -> dict[str, tuple[str, str]]:
    return {e.original: (e.replacement, e.rule) for e in repair_text(text).edits}


def test_spun_abstract_echo_restores_both_words() -> None:
    changes = _changes(SPUN_NETWORKS)
    assert changes["web"] == ("network", "COLLOCATION_TERM")  # the anchor
    assert changes["nervous"] == ("neural", term_echo.RULE)
    assert changes["webs"] == ("networks", term_echo.RULE)


def test_switch_off_leaves_the_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    on = _changes(SPUN_NETWORKS)
    monkeypatch.setattr(term_echo, "ECHO", False)
    off = _changes(SPUN_NETWORKS)
    assert "nervous" not in off and "webs" not in off
    assert {k: v for k, v in on.items() if v[1] != term_echo.RULE} == off  # nothing else moves


def test_clean_twin_untouched() -> None:
    assert repair_text(CLEAN_NETWORKS).text == CLEAN_NETWORKS


def test_edit_carries_kind_confidence_evidence() -> None:
    doc = Document(SPUN_NETWORKS)
    anchor = _anchor(doc, "web", "network")
    edits = term_echo.echo_edits(doc, [anchor])
    assert [(e.original, e.replacement) for e in edits] == [
        ("nervous", "neural"),
        ("webs", "networks"),
    ]
    for e in edits:
        assert SPUN_NETWORKS[e.offset : e.end] == e.original
        assert e.kind == "collocation" and e.confidence == term_echo.CONFIDENCE
        assert e.evidence["term"] == "neural networks"
        assert e.evidence["restored_at"] == anchor.offset
        assert e.evidence["lm_logprob_gain"] >= term_echo.MIN_GAIN


@pytest.mark.parametrize(
    "text",
    [
        # the author's own unedited term anchors nothing
        "We compare them with nervous webs here. The neural networks are better.\n",
        # nor does a pair the document merely repeats
        "The major cause was heat. The main source of the heat was the sun.\n",
    ],
)
def test_no_restoration_no_echo(text: str) -> None:
    assert term_echo.echo_edits(Document(text), []) == []
    assert repair_text(text).text == text


def test_one_word_replaced_is_not_an_echo() -> None:
    # "neural webs": only one word needs a synonym to echo "neural network"
    doc = Document("We compare neural webs here. The neural web is better.\n")
    assert term_echo.echo_edits(doc, [_anchor(doc, "web", "network")]) == []


def test_words_inside_an_edit_are_not_read_again() -> None:
    doc = Document(SPUN_NETWORKS)
    anchor = _anchor(doc, "web", "network")
    at = doc.text.index("nervous")
    other = Edit(at, 7, "nervous", "anxious", "collocation", 0.6, "RARE_WORD")
    assert term_echo.echo_edits(doc, [anchor, other]) == []


def test_lm_against_the_composed_pair() -> None:
    # the reverse table composes "sparked calls" into "looked backs", a pair a restoration
    # anchors; the LM speaks against it (dev news document, -2.3 nats)
    doc = Document("The judge had sparked calls for a review. Then they looked rear at it.\n")
    anchor = _anchor(doc, "rear", "back")
    pairs = term_echo.anchored_pairs(doc, [anchor])
    assert ("look", "back") in pairs
    hit = term_echo._compose("sparked", "calls", pairs)
    assert hit is not None and hit[0] == ("looked", "backs")
    assert term_echo.echo_edits(doc, [anchor]) == []


NEWS = (
    "Japan has agreed on steps to reopen that country's beef market. The minister said the "
    "plant will be inspected and set in motion steps to resume beef trade, starting with a "
    "plant safety checklist.\n"
)


def test_outside_scientific_register_no_echo(monkeypatch: pytest.MonkeyPatch) -> None:
    # the clean 300 k-word text: a term window's false "beef market" -> "energy market"
    # echoed as "beef trade" -> "energy market" (rural news, not scientific register)
    doc = Document(NEWS)
    anchor = _anchor(doc, "beef", "energy")
    assert [e.originals for e in term_echo.find(doc, [anchor])] == [("energy", "market")]
    assert term_echo.echo_edits(doc, [anchor]) == []
    monkeypatch.setattr(term_echo, "SCIENCE_ONLY", False)
    assert [e.replacement for e in term_echo.echo_edits(doc, [anchor])] == ["energy", "market"]
