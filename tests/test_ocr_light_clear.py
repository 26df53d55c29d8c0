"""Clear errors of pages the garble gate keeps shut (repair/candidates/ocr_light.py, session 22)."""

from __future__ import annotations

from repair.candidates.ocr_light import light_boundary_candidates, light_candidates
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.tokenize import tokenize

CFG = RepairConfig(spin=False, tortured=False)


def _at(text: str, word: str):
    toks = tokenize(text)
    return toks, next(k for k, t in enumerate(toks) if t.text == word)


def _read(text: str, word: str, reason: str = "nonword") -> list[tuple[str, float]]:
    toks, i = _at(text, word)
    return [
        (c.replacement, c.features["threshold"])
        for c in light_candidates(toks[i], {}, reason, False, toks, i)
    ]


def test_function_word_glue_split_with_a_low_margin() -> None:
    toks, i = _at("to look atthe results", "atthe")  # "atthe" is Zipf 2.0 on the web
    (c,) = light_boundary_candidates(toks, i, {}, "nonword")
    assert (c.replacement, c.features["threshold"]) == ("at the", 0.5)
    toks, i = _at("some nutjob said", "nutjob")  # two content words: no glue
    assert light_boundary_candidates(toks, i, {}, "nonword") == []
    toks, i = _at("I be readin' that", "readin")  # an elided form, not "read in"
    assert all(
        c.replacement != "read in" for c in light_boundary_candidates(toks, i, {}, "nonword")
    )


def test_one_spurious_accent_on_a_common_word() -> None:
    assert _read("the résults of", "résults", "spurious_accent") == [("results", 2.0)]
    # loan words the web writes with their accents, and rare plain forms, stay
    assert _read("the old régime", "régime", "spurious_accent") == []
    assert _read("the débris of", "débris", "spurious_accent") == []
    # a page that writes loan words with their accents keeps "viâ" too
    toks, i = _at("the élite travelled viâ Paris", "viâ")
    assert [c.replacement for c in light_candidates(toks[i], {}, "spurious_accent")] == ["via"]
    counts = {"élite": 1, "viâ": 1}
    assert light_candidates(toks[i], counts, "spurious_accent") == []


def test_short_rare_nonword_read_as_a_commonest_word_only() -> None:
    assert [r for r, _ in _read("and waa told", "waa")] == ["was"]
    assert _read("an expanding fut ure", "ure") == []  # a split word's piece


def test_capitalised_common_word_and_clear_runner_up() -> None:
    assert _read("in Ootober last", "Ootober", "capitalized_unknown") == [("October", 3.0)]
    assert _read("Dr Ian Jerrett said", "Jerrett", "capitalized_unknown") == []  # a name
    # price (2.1 nats) is far cheaper than piece and pace (4.5): a lower margin
    assert _read("the piice of", "piice")[0] == ("price", 1.0)


def test_shut_page_clear_errors_fixed_and_clean_page_kept() -> None:
    clean = (
        "The minister said the results of the survey were the worst in years, and the "
        "government will publish the full report at the end of October after a review "
        "by independent experts, who were told to look at the costs again."
    )
    assert repair_text(clean, config=CFG).text == clean
    garbled = (
        clean.replace("results", "résults")
        .replace("October", "Ootober")
        .replace("at the costs", "atthe costs")
    )
    assert repair_text(garbled, config=CFG).text == clean
