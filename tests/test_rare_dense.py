"""Declined rare words in a densely spun document (repair.score.rare_dense) and the rare-word
pass's pre-gate read on every rare word (repair.stages.collocation.GATE_UNSKIPPED): spun
abstracts of benchmarks/spin_sim/abstracts.py (dev half) through the rare-synonym spinner."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair import repair_text
from repair.candidates import tortured_rare
from repair.document import Document
from repair.score import rare_dense
from repair.stages import collocation

#: dev abstract 42: the pass applies one word alone (``sparse``), five fit
SPUN_IMAGES = (
    "Image compression reduces the bigness of pictures so that they can be stored and "
    "titillated cheaply. We train a neural latticework that learns to retrench images and to "
    "rebuild them with little visible disablement. At the same file bigness, our images look "
    "sharper than those of the standard getup in a test with human hearers. Decoding is fast "
    "enough for use on mobile phones.\n"
)
#: dev abstract 39: the pass applies two words and declines others
SPUN_PRODUCTS = (
    "Recommender systems suggest products based on what similar fiends lubricated before. A "
    "known problem is that supernumerary products accede no recommendations because nobody "
    "has bought them yet. We use the text of distillate phyla to place supernumerary "
    "products near similar old ones. In an online test, the mete out of sales from new "
    "products impalement by a fifth without lowering total sales.\n"
)
#: dev abstract 5: "protocol" is written twice beside the spun "mores"
SPUN_ROUTING = (
    "Wireless sensor networks must save cogency to run for a long time without new "
    "batteries. We proffer a roiling mores that espouses the next node by its tarrying energy "
    "and its frigidity to the base incumbency. Simulations show that the network lives thirty "
    "percent longer than with the common protocol, while the delay of each message grows only "
    "insignificantly. The protocol is easy to add to existing devices.\n"
)
#: dev abstract 7: the term windows restore three words, and the rest fell under the
#: pre-gate once those were skipped (the spin stage had left them to this pass)
SPUN_CORPUS = (
    "Natural palaver processing pickaxes often fail on text written by neonates. We collected "
    "a clod of stories written by pupils tottered eight to eleven and annotated the spelling "
    "and grammar misfeasance in them. A standard parser made twice as many misfeasance on "
    "this clod as on newspaper text. Training on a small part of the corpus reduced the "
    "misfeasance rate by half, which shows the value of data from the target agglomerate.\n"
)
CLEAN_IMAGES = (
    "Image compression reduces the size of pictures so that they can be stored and sent "
    "cheaply. We train a neural network that learns to compress images and to rebuild them "
    "with little visible loss. At the same file size, our images look sharper than those of "
    "the standard format in a test with human viewers. Decoding is fast enough for use on "
    "mobile phones.\n"
)
#: rare words of a personal letter (not scientific register)
LETTER = (
    "I told you the bigness of the lunchroom titillated my uncle, and you said the hearers of "
    "his stories were worse. I cannot retrench my apologies for the getup; you know how the "
    "fiends of dust gather there, and the mildness of it all.\n"
)


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(e.original, e.replacement) for e in repair_text(text).edits}


@pytest.fixture
def closed_class_candidates(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The rare-word pass with closed-class candidates (``tortured_rare.CONTENT_ONLY``
    off): SPUN_PRODUCTS's second applied word was "lubricated" -> "had" (gold "bought")."""
    monkeypatch.setattr(tortured_rare, "CONTENT_ONLY", False)
    tortured_rare._ranked.cache_clear()
    yield
    monkeypatch.undo()
    tortured_rare._ranked.cache_clear()


def test_fitting_words_applied_in_a_dense_abstract() -> None:
    pairs = _pairs(SPUN_IMAGES)
    assert {("bigness", "size"), ("titillated", "sent"), ("hearers", "viewers")} <= pairs


def test_switched_off_the_pass_leaves_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rare_dense, "DENSE_RELAX", False)
    written = {w for w, _r in _pairs(SPUN_IMAGES)}
    assert not {"titillated", "hearers"} & written


def test_fitting_gate_off_needs_applied_words(
    monkeypatch: pytest.MonkeyPatch, closed_class_candidates: None
) -> None:
    monkeypatch.setattr(rare_dense, "MIN_FITTING", None)
    assert ("titillated", "sent") not in _pairs(SPUN_IMAGES)
    # the applied-words gate alone: two applied words open it ("rose" is a hub original,
    # left declined by MAX_LOG_DEGREE: switched off to read the gate alone)
    monkeypatch.setattr(rare_dense, "MAX_LOG_DEGREE", None)
    assert {("fiends", "users"), ("impalement", "rose")} <= _pairs(SPUN_PRODUCTS)


def test_applied_words_gate(monkeypatch: pytest.MonkeyPatch, closed_class_candidates: None) -> None:
    assert ("distillate", "product") in _pairs(SPUN_PRODUCTS)
    monkeypatch.setattr(rare_dense, "DENSE_RELAX", False)
    assert "distillate" not in {w for w, _r in _pairs(SPUN_PRODUCTS)}


def test_content_candidates_only_leave_the_gate_shut(monkeypatch: pytest.MonkeyPatch) -> None:
    # the measured cost of tortured_rare.CONTENT_ONLY on dev abstract 39: without the wrong
    # "had" only one word is applied, so the declined "fiends", "distillate" stay (with the
    # fitting-words gate in scientific register only: dev abstract 39 is plain language,
    # and rare_dense.FITTING_STYLE, off, opens it, tests/test_rare_dense_style.py)
    monkeypatch.setattr(rare_dense, "FITTING_STYLE", False)
    pairs = _pairs(SPUN_PRODUCTS)
    assert ("supernumerary", "new") in pairs
    assert not {"lubricated", "distillate", "fiends"} & {w for w, _r in pairs}


def test_confidence_under_the_pass_bar() -> None:
    edits = [e for e in repair_text(SPUN_IMAGES).edits if e.original == "titillated"]
    assert [e.confidence for e in edits] == [rare_dense.CONFIDENCE]


def test_echo_ranks_a_word_written_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ("mores", "protocol") in _pairs(SPUN_ROUTING)
    monkeypatch.setattr(rare_dense, "ECHO_BONUS", 0.0)
    assert ("mores", "protocol") not in _pairs(SPUN_ROUTING)


def test_echoed() -> None:
    words = rare_dense.doc_lemmas(Document("The protocols differ, and the networks too.\n"))
    assert rare_dense.echoed("protocol", "mores", words)
    assert rare_dense.echoed("network", "latticework", words)
    assert not rare_dense.echoed("routing", "mores", words)
    # a form of the written word itself is no echo
    assert not rare_dense.echoed("protocol", "protocols", words)


def test_pregate_counts_the_term_windows_words(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ("neonates", "children") in _pairs(SPUN_CORPUS)
    monkeypatch.setattr(collocation, "GATE_UNSKIPPED", False)
    assert "neonates" not in {w for w, _r in _pairs(SPUN_CORPUS)}


def test_clean_abstract_untouched() -> None:
    assert repair_text(CLEAN_IMAGES).edits == ()


def test_letter_not_relaxed() -> None:
    # not scientific register: the fitting-words gate stays shut
    assert not {"titillated", "hearers", "retrench"} & {w for w, _r in _pairs(LETTER)}
