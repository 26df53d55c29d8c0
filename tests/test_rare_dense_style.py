"""The rare-word pass's fitting-words gate (repair.score.rare_dense) in plain-language
exposition outside scientific register (``FITTING_STYLE``, shipped off: it gained on the
tortured dev half and the inner dev cells, and moved nothing on the test half; the tests
switch it on): a plain-language abstract spun
by the rare-synonym spinner (dev abstract 39 of benchmarks/spin_sim/abstracts.py) has its
declined words applied; texts that fail the register's style bars (a letter in the first
person, a news story with names and quotes) do not."""

from __future__ import annotations

import pytest

from repair import repair_text
from repair.detect.science import is_scientific
from repair.document import Document
from repair.score import rare_dense

#: dev abstract 39: plain language (not scientific register); the pass applies one word
SPUN_PRODUCTS = (
    "Recommender systems suggest products based on what similar fiends lubricated before. A "
    "known problem is that supernumerary products accede no recommendations because nobody "
    "has bought them yet. We use the text of distillate phyla to place supernumerary "
    "products near similar old ones. In an online test, the mete out of sales from new "
    "products impalement by a fifth without lowering total sales.\n"
)
CLEAN_PRODUCTS = (
    "Recommender systems suggest products based on what similar users bought before. A "
    "known problem is that new products receive no recommendations because nobody has "
    "bought them yet. We use the text of product descriptions to place new products near "
    "similar old ones. In an online test, the share of sales from new products rose by a "
    "fifth without lowering total sales.\n"
)
#: the same rare words in a first-person letter and in a news story with names and quotes
LETTER = (
    "I told you what my similar fiends lubricated before, and I know the supernumerary "
    "products accede no recommendations. I used the text of distillate phyla to place them, "
    "and I saw the mete out of sales from new products impalement by a fifth.\n"
)
NEWS = (
    '"Similar fiends lubricated before," said Mary Jones of Acme Corp in Sydney on Monday. '
    "John Smith told reporters that supernumerary products accede no recommendations, and "
    '"the distillate phyla place them," Jones said. "The mete out of sales impalement by a '
    'fifth," Smith added in Melbourne.\n'
)


@pytest.fixture
def style_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rare_dense, "FITTING_STYLE", True)


def _written(text: str) -> set[str]:
    return {e.original for e in repair_text(text).edits}


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(e.original, e.replacement) for e in repair_text(text).edits}


def test_plain_language_abstract_is_not_scientific_register() -> None:
    assert not is_scientific(Document(SPUN_PRODUCTS))


def test_plain_abstract_declined_words_applied(style_gate: None) -> None:
    assert {("fiends", "users"), ("distillate", "product")} <= _pairs(SPUN_PRODUCTS)


def test_shipped_off_they_stay() -> None:
    assert not rare_dense.FITTING_STYLE
    assert not {"fiends", "distillate"} & _written(SPUN_PRODUCTS)


def test_dense_reads_the_style_bars(monkeypatch: pytest.MonkeyPatch, style_gate: None) -> None:
    doc = Document(SPUN_PRODUCTS)
    assert rare_dense._scientific(doc)
    monkeypatch.setattr(rare_dense, "FITTING_STYLE", False)
    assert not rare_dense._scientific(doc)
    assert not rare_dense._scientific(Document(LETTER))
    monkeypatch.setattr(rare_dense, "FITTING_STYLE", True)
    assert not rare_dense._scientific(Document(LETTER))
    assert not rare_dense._scientific(Document(NEWS))


def test_letter_and_news_not_relaxed(style_gate: None) -> None:
    for text in (LETTER, NEWS):
        assert not {"fiends", "distillate"} & _written(text)


def test_clean_plain_abstract_untouched(style_gate: None) -> None:
    assert repair_text(CLEAN_PRODUCTS).edits == ()
