"""The page's vocabulary as evidence: a cache model over its words, and a garbled word one
plain edit from a word the page prints (issue 12, session 14)."""

from __future__ import annotations

from collections import Counter

import pytest

from repair.candidates import ocr_pageedit
from repair.candidates.ocr_docvocab import doc_vocab_candidates
from repair.score import ocr_cache
from repair.tokenize import tokenize


def _page(text: str) -> tuple[Counter[str], int]:
    counts = ocr_cache.page_counts(text.split())
    return counts, sum(counts.values())


def test_a_content_word_the_page_repeats_gains() -> None:
    counts, total = _page("He was fined 5s. She was fined 10s. They were fined. " * 3)
    gain = ocr_cache.cache_gain("lined", "fined", counts, total)
    assert 0.5 < gain <= ocr_cache.CAP


def test_no_gain_for_a_word_the_page_does_not_print() -> None:
    counts, total = _page("He was fined 5s and went home to his family again.")
    assert ocr_cache.cache_gain("lent", "rent", counts, total) == 0.0


def test_function_words_and_unknown_forms_gain_nothing() -> None:
    counts, total = _page("we we we went and we saw Covony Covony there")
    assert ocr_cache.cache_gain("wo", "we", counts, total) == 0.0  # Zipf >= MAX_ZIPF
    assert ocr_cache.cache_gain("Coveny", "Covony", counts, total) == 0.0  # no word


def test_the_span_itself_is_not_counted() -> None:
    counts, total = _page("a trawler sank and the trawler» crew swam home at night")
    with_own = ocr_cache.cache_gain("trawler»", "trawler", counts, total, own=["trawler"])
    without = ocr_cache.cache_gain("trawler»", "trawler", counts, total)
    assert with_own < without


def test_a_refused_nonword_reading_opens_only_when_printed_twice() -> None:
    counts = Counter({"fined": 2, "leon": 1})
    assert ocr_cache.opens({"orig_known": False, "alt": ["fined"]}, counts)
    assert not ocr_cache.opens({"orig_known": False, "alt": ["Leon"]}, counts)
    assert ocr_cache.opens({"orig_known": True, "alt": ["Leon"]}, counts)


def _clean(word: str) -> bool:
    return word.lower() in {"lawrence", "ernest", "challenge", "galahad", "nation"}


@pytest.mark.parametrize(
    ("token", "page", "want"),
    [
        ("Lawence", {"Lawrence": 3}, "Lawrence"),  # an inner letter lost
        ("Lawence", {"Lawence": 2, "Lawrence": 2}, "Lawrence"),  # as often will do
        ("Frnest", {"Ernest": 3}, None),  # a replaced letter: the confusions' job
        ("Ichallenge", {"challenge": 3}, None),  # a glued word, not a lost letter
        ("ation", {"nation": 3}, None),  # half of a broken word
        ("Gallahad", {"Galahad": 3}, None),  # a doubled letter is a spelling
        ("Lawence", {"Lawence": 3, "Lawrence": 5}, None),  # printed so three times
        ("Lawence", {"LAWRENCE": 3}, None),  # capitals are no reading of a word in text
        ("Lawence", {"Lawrence": 1}, None),  # printed once: no evidence
    ],
)
def test_plain_edit_target(token: str, page: dict[str, int], want: str | None) -> None:
    counts = Counter({token: 1, **page})
    hit = ocr_pageedit.plain_edit_target(token, counts, dict(counts), _clean)
    assert (hit[0] if hit else None) == want


def test_replaced_letters_when_switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_pageedit, "SUBSTITUTIONS", True)
    counts = Counter({"Frnest": 2, "Ernest": 2})
    hit = ocr_pageedit.plain_edit_target("Frnest", counts, dict(counts), _clean)
    assert hit is not None and hit[0] == "Ernest"


def _pairs(cands: list) -> set[tuple[str, str]]:
    return {(c.features["orig"][0], c.replacement) for c in cands}


def test_docvocab_reads_a_dropped_letter_from_the_page() -> None:
    text = (
        "Mr Lawrence spoke. Lawrence left. Lawence had absconded from the colony. "
        "Lawrence returned."
    )
    toks = tokenize(text)
    assert not ocr_pageedit.PLAIN  # off by default (session 36)
    assert ("Lawence", "Lawrence") not in _pairs(doc_vocab_candidates(toks, old_print=False))
    ocr_pageedit.PLAIN = True
    try:
        got = _pairs(doc_vocab_candidates(toks, old_print=False))
        assert ("Lawence", "Lawrence") in got
        got = _pairs(doc_vocab_candidates(toks))
    finally:
        ocr_pageedit.PLAIN = False
    assert ("Lawence", "Lawrence") not in got  # early print spells a word several ways
