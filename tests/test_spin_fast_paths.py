"""The spin stage's fast paths give the same answers as the slow ones (issue 11)."""

from __future__ import annotations

import pytest
from lemminflect import getAllInflections, getInflection

from repair.candidates.spin import _matches, _pattern, builtin_pairs, find_occurrences
from repair.candidates.spin_synonyms import _inflect, _tags

TEXTS = [
    "The assembly mentioned that it was a U.S. legal professional, within the U.S. too.",
    "Over the past 12 months   prices rose; 12 months-long talks. Non-public, on-line "
    "and p.c. figures (know-how) were life-threatening accidents.",
    "Mentioned\tearlier, the well-mentioned, re-mentioned and 'mentioned' people don't say.",
    "MENTIONED Mentioned mentioned’s mentioned's mentionedx xmentioned _mentioned 2mentioned",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_word_start_matching_equals_full_scan(text: str) -> None:
    keys = tuple(builtin_pairs())
    slow = [(m.start(), m.end()) for m in _pattern(keys).finditer(text)]
    fast = [(m.start(), m.end()) for m in _matches(text, keys)]
    assert fast == slow


def test_matching_falls_back_for_keys_not_starting_with_a_word() -> None:
    keys = ("'em all", "run")
    text = "Get 'em all and run."
    slow = [(m.start(), m.end()) for m in _pattern(keys).finditer(text)]
    assert [(m.start(), m.end()) for m in _matches(text, keys)] == slow
    assert slow  # the fallback found the key that starts with an apostrophe


def test_find_occurrences_finds_profile_forms() -> None:
    occ = find_occurrences("Officials mentioned the plan.", builtin_pairs())
    assert [o.spun for o in occ] == ["mentioned"]


LEMMAS = ["tell", "run", "go", "be", "good", "happy", "child", "datum", "quickly", "zorble"]
TAGS = ["NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBZ", "JJ", "JJR", "JJS", "RB", "RBR"]


@pytest.mark.parametrize("lemma", LEMMAS)
def test_cached_inflection_equals_lemminflect(lemma: str) -> None:
    for tag in TAGS:
        assert _inflect(lemma, tag) == (getInflection(lemma, tag) or ("",))[0]
    for upos in ("NOUN", "VERB", "ADJ", "ADV"):
        infl = getAllInflections(lemma, upos)
        for word in {f[0] for f in infl.values() if f}:
            want = {t for t, f in infl.items() if f and f[0] == word}
            assert set(_tags(word, lemma, upos)) == want
