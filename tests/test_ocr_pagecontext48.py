"""The page's own phrases as evidence on real-word readings (repair.candidates.ocr_pagecontext)."""

from __future__ import annotations

import math

import pytest

import repair.candidates.ocr as ocr_cands
import repair.candidates.ocr_pagecontext as pc
from repair.candidates.ocr_rules import cand
from repair.tokenize import tokenize


def _reading(start: int, orig: str, alt: str, cost: float = 0.4, known: bool = True) -> object:
    return cand(start, start + len(orig), alt, "OCR_REALWORD", orig=[orig], alt=[alt],
                cost=cost, orig_known=known)  # fmt: skip


def test_a_word_the_page_prints_between_the_same_words_is_dearer_to_change() -> None:
    text = "of the now famous rule; of the now famous case; and the now famous law"
    toks = tokenize(text)
    (c,) = pc.page_context_prior([_reading(text.index("now"), "now", "new")], toks)
    # two other prints of "the now famous", none of "the new famous"
    assert c.features["cost"] == pytest.approx(0.4 + pc.WEIGHT * math.log(3))


def test_a_reading_the_page_prints_there_is_cheaper() -> None:
    text = "the Mayor of Ryde, the Mayor of Kew and the Major of Ashfield"
    toks = tokenize(text)
    (c,) = pc.page_context_prior([_reading(text.index("Major"), "Major", "Mayor", 3.0)], toks)
    assert c.features["cost"] == pytest.approx(3.0 - pc.WEIGHT * math.log(3))


def test_no_shared_phrase_or_a_non_word_changes_nothing() -> None:
    text = "of the now famous rule and the new law"
    toks = tokenize(text)
    (c,) = pc.page_context_prior([_reading(text.index("now"), "now", "new")], toks)
    assert c.features["cost"] == 0.4 and "page_context" not in c.features
    text = "the tbe end; the tbe end"
    (c,) = pc.page_context_prior(
        [_reading(text.index("tbe"), "tbe", "the", 1.0, known=False)], tokenize(text)
    )
    assert c.features["cost"] == 1.0  # non-words: not this module's


def test_a_mark_breaks_the_phrase() -> None:
    text = "the now, famous; the now famous; the now famous"
    toks = tokenize(text)
    (c,) = pc.page_context_prior([_reading(text.index("now"), "now", "new")], toks)
    assert "page_context" not in c.features  # "now," has no right word across a space


def test_the_stage_applies_it_only_when_on(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []

    def spy(cands: list, toks: list) -> list:
        seen.append(len(cands))
        return cands

    monkeypatch.setattr(pc, "page_context_prior", spy)
    from repair.pipeline import repair_text

    text = "Tho Mayor of tho town said tbat tho rates wero high and tbe council agreed.\n" * 4
    monkeypatch.setattr(pc, "PAGE_CONTEXT", False)
    repair_text(text)
    assert not seen
    monkeypatch.setattr(pc, "PAGE_CONTEXT", True)
    repair_text(text)
    assert seen and ocr_cands.ocr_pagecontext is pc
