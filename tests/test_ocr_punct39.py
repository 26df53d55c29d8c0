"""Session 39 (ocrpunct39, issue 12): the fate odds of a bracket glued to a word that no
partner closes (opens) nearby are learned (``scripts/build_ocr_marks.py`` counts them
under the context plus ``/u``) in place of session 38's fixed 4-nat shift."""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

import pytest

from repair.candidates import ocr_glued

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import build_ocr_marks  # noqa: E402

from repair.tokenize import tokenize  # noqa: E402
from tests.ocr_page import GARBLED, repaired_after_page  # noqa: E402


def _at(text: str, chunk: str) -> frozenset[int]:
    k = text.index(chunk)
    return ocr_glued.text_unmatched(text, k, k + len(chunk))


def test_text_unmatched_mirrors_the_token_rule() -> None:
    assert _at("so made in\n(rand of his partner.", "(rand") == {0}
    assert _at("FORTS.\nYcstcrda) Major-General", "Ycstcrda)") == {8}
    assert _at("the Works), and more", "Works),") == {5}
    assert _at("the members (he said) were", "(he") == frozenset()
    assert _at("the members (he said\nat the meeting) were", "(he") == frozenset()
    assert _at("the law (as amended) stands", "amended)") == frozenset()
    assert _at("said (in a\n\nnew paragraph) he", "(in") == {0}  # a blank line ends it
    far = "said (in a\n" + "word\n" * (ocr_glued.UNMATCHED_LINES + 1) + "end) he"
    assert _at(far, "(in") == {0}
    assert _at("the steamer (a) left", "(a)") == frozenset()


def test_the_builder_counts_unmatched_brackets_twice() -> None:
    text = "in (rand of his (late) partner"
    fate: list[str | None] = ["keep"] * len(text)
    fate[3] = "=g"
    counts: Counter[tuple[str, str, str]] = Counter()
    build_ocr_marks.count(text, fate, counts)
    assert counts[("(", "lead:_a", "=g")] == 1
    assert counts[("(", "lead:_a/u", "=g")] == 1
    assert counts[("(", "lead:_a", "keep")] == 1  # "(late)" has its partner
    assert not any(c.endswith("/u") and f == "keep" for _m, c, f in counts)


ROWS = (
    ("(", "lead:_a", "keep", "40"),
    ("(", "lead:_a", "=g", "8"),
    ("(", "lead:_a/u", "=g", "7"),
    ("(", "lead:_a/u", "keep", "1"),
)


def test_unmatched_rows_do_not_change_the_plain_odds() -> None:
    plain = ocr_glued.MarkModel(ROWS[:2])
    both = ocr_glued.MarkModel(ROWS)
    assert both.probs("(", "lead:_a") == plain.probs("(", "lead:_a")
    assert both.learned_unmatched("(", "lead:_a")
    assert not plain.learned_unmatched("(", "lead:_a")
    loose = both.probs("(", "lead:_a/u")
    assert loose["keep"] < 0.3 < loose["letter"]
    assert plain.probs("(", "lead:_a")["keep"] > 0.7


def test_the_learned_shift_is_the_pooled_odds_ratio() -> None:
    model = ocr_glued.MarkModel(ROWS)
    # matched: keep 40 - 1, other 8 - 7; unmatched: keep 1, other 7 (add-0.5)
    want = math.log(39.5 / 1.5) - math.log(1.5 / 7.5)
    assert model.unmatched_shift() == pytest.approx(want)
    assert ocr_glued.MarkModel(ROWS[:2]).unmatched_shift() is None
    page = model.with_rows((("(", "lead:_a", "keep", "100"),))
    assert page.unmatched_shift() == pytest.approx(want)  # the table's, not the page's


def test_the_learned_shift_replaces_the_fixed_one(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    model = ocr_glued.MarkModel(ROWS)
    one = frozenset({0})

    def costs() -> dict[str, float]:
        ocr_glued.chunk_readings.cache_clear()
        got = ocr_glued.chunk_readings("(rand", model=model, unmatched=one)
        return {t: c for t, c, _thr in got}

    monkeypatch.setattr(ocr_glued, "UNMATCHED_LEARNED", True)
    learned = costs()
    monkeypatch.setattr(ocr_glued, "UNMATCHED_LEARNED", False)
    fixed = costs()
    shift = model.unmatched_shift()
    assert shift is not None
    assert learned["grand"] - fixed["grand"] == pytest.approx(ocr_glued.UNMATCHED_SHIFT - shift)
    ocr_glued.chunk_readings.cache_clear()


def test_per_context_odds(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    model = ocr_glued.MarkModel(ROWS)
    one = frozenset({0})
    monkeypatch.setattr(ocr_glued, "UNMATCHED_PER_CONTEXT", True)
    ocr_glued.chunk_readings.cache_clear()
    got = {t: c for t, c, _thr in ocr_glued.chunk_readings("(rand", model=model, unmatched=one)}
    u = model.probs("(", "lead:_a/u")
    assert got["grand"] == pytest.approx(math.log(u["keep"]) - math.log(u["letter"]))
    ocr_glued.chunk_readings.cache_clear()


def test_the_shipped_table_has_unmatched_rows() -> None:
    ocr_glued.mark_model.cache_clear()
    model = ocr_glued.mark_model()
    assert model.learned_unmatched("(", "lead:_a")
    assert model.learned_unmatched(")", "trail:a_")
    assert model.probs("(", "lead:_a/u")["keep"] < model.probs("(", "lead:_a")["keep"]


def test_the_shipped_shift_is_near_the_tuned_one() -> None:
    ocr_glued.mark_model.cache_clear()
    shift = ocr_glued.mark_model().unmatched_shift()
    assert shift is not None and 3.5 < shift < 5.5  # session 38 tuned 4.0 on SMH dev


def test_flags() -> None:
    assert ocr_glued.UNMATCHED_LEARNED is True
    assert ocr_glued.UNMATCHED_PER_CONTEXT is False
    assert ocr_glued.APOSTROPHE_AFTER is True
    assert ocr_glued.REFINED_SMOOTHING == 2.0
    assert ocr_glued.APOSTROPHE_HEAVY_ONLY is True
    assert ocr_glued.UNMATCHED_SUFFIX == "/u"


def test_a_trailing_apostrophe_is_refined_by_the_letter_before() -> None:
    assert ocr_glued.refined_tag("Sons'", 4, "trail:a_") == "/s"
    assert ocr_glued.refined_tag("and'", 3, "trail:a_") == "/n"
    assert ocr_glued.refined_tag("and',", 3, "trail:ap") == "/n"
    assert ocr_glued.refined_tag("don't", 3, "inner:aa") == ""
    assert ocr_glued.refined_tag("'and", 0, "lead:_a") == ""
    assert ocr_glued.refined_tag("3'", 1, "trail:9_") == ""


def test_the_builder_counts_refined_apostrophes() -> None:
    text = "and' Sons' left"
    fate: list[str | None] = ["keep"] * len(text)
    fate[3] = "drop"
    counts: Counter[tuple[str, str, str]] = Counter()
    build_ocr_marks.count(text, fate, counts)
    assert counts[("'", "trail:a_", "drop")] == 1
    assert counts[("'", "trail:a_/n", "drop")] == 1
    assert counts[("'", "trail:a_/s", "keep")] == 1


APOS = (
    ("'", "trail:a_", "keep", "70"),
    ("'", "trail:a_", "drop", "34"),
    ("'", "trail:a_/n", "keep", "15"),
    ("'", "trail:a_/n", "drop", "31"),
    ("'", "trail:a_/s", "keep", "55"),
    ("'", "trail:a_/s", "drop", "3"),
)


def test_refined_rows_back_off_to_the_plain_context() -> None:
    model = ocr_glued.MarkModel(APOS)
    assert model.probs("'", "trail:a_") == ocr_glued.MarkModel(APOS[:2]).probs("'", "trail:a_")
    assert model.probs("'", "trail:a_/n")["drop"] > model.probs("'", "trail:a_/n")["keep"]
    assert model.probs("'", "trail:a_/s")["keep"] > 0.9
    assert ocr_glued.refined_context("and'", 3, model) == "trail:a_/n"
    assert ocr_glued.refined_context("and'", 3, ocr_glued.MarkModel(APOS[:2])) == "trail:a_"


def test_a_speck_apostrophe_after_a_word_is_dropped(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    model = ocr_glued.MarkModel(APOS)

    def read(chunk: str) -> set[str]:
        ocr_glued.chunk_readings.cache_clear()
        got = ocr_glued.chunk_readings(chunk, model=model, refine=True)
        return {t for t, _c, _thr in got}

    monkeypatch.setattr(ocr_glued, "REFINED_SMOOTHING", 2.0)
    monkeypatch.setattr(ocr_glued, "APOSTROPHE_AFTER", True)
    assert "and" in read("and'")
    assert "Sons" not in read("Sons'")  # a plural possessive stays
    monkeypatch.setattr(ocr_glued, "APOSTROPHE_AFTER", False)
    assert "and" not in read("and'")
    ocr_glued.chunk_readings.cache_clear()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The Courier of the 3rd' instant has the following extracts.",
            "of the 3rd instant has",
        ),
        (
            "Thousands of young' people in their late teens go there.",
            "Thousands of young people in",
        ),
    ],
)
def test_a_garbled_page_drops_the_speck_apostrophe(monkeypatch, text: str, want: str) -> None:  # type: ignore[no-untyped-def]
    from repair.candidates import ocr_strayapos

    # session 43: the stop pass's stray-apostrophe reader would drop it too
    monkeypatch.setattr(ocr_strayapos, "STRAY_APOSTROPHE", False)
    monkeypatch.setattr(ocr_glued, "APOSTROPHE_AFTER", False)
    ocr_glued.chunk_readings.cache_clear()
    assert want not in repaired_after_page(text)[len(GARBLED) :]
    monkeypatch.setattr(ocr_glued, "APOSTROPHE_AFTER", True)
    ocr_glued.chunk_readings.cache_clear()
    assert want in repaired_after_page(text)[len(GARBLED) :]
    ocr_glued.chunk_readings.cache_clear()


@pytest.mark.parametrize(
    "text",
    [
        "The firm of Smith and Sons' premises were sold at auction.",
        "It was the Joneses' house that burned down last night.",
        "Those queens had the 'melon hairstyle' with its sections rolled.",
        "I don't owe nothin' to you and nothing to them either.",
    ],
)
def test_plural_possessives_stay_on_a_garbled_page(text: str) -> None:
    ocr_glued.chunk_readings.cache_clear()
    assert repaired_after_page(text)[len(GARBLED) :] == text


def _refinable(text: str, word: str) -> bool:
    toks = tokenize(text)
    for i, j in ocr_glued._chunk_spans(toks):
        chunk = "".join(t.text for t in toks[i:j])
        if chunk == word:
            return ocr_glued.apostrophe_refinable(toks, i, j, chunk, {})
    raise AssertionError(word)


def test_which_trailing_apostrophes_are_refined() -> None:
    assert _refinable("of the 3rd' instant", "3rd'")
    assert _refinable("we plan foi' the coming year", "foi'")
    assert _refinable("He said 'yes.\n\nThen and' more", "and'")  # another paragraph
    assert not _refinable("wore the 'melon hairstyle' with", "hairstyle'")  # a quotation
    assert not _refinable("the `soft landing' scenario", "landing'")
    assert not _refinable("Dunkin' has set. Later Dunkin' is based", "Dunkin'")  # twice
    assert not _refinable("I don't owe nothin' to you", "nothin'")  # an elision
    assert not _refinable("tracts o' land", "o'")
    assert not _refinable("don't go", "don't")
    assert not _refinable("a 'Win-Win' deal", "'Win-Win'")  # its own quotation


def test_the_refined_reading_is_for_heavily_garbled_pages() -> None:
    toks = tokenize("The Courier of the 3rd' instant has the following extracts.")
    ocr_glued.chunk_readings.cache_clear()
    light = {c.replacement for c in ocr_glued.glued_candidates(toks, heavy=False)}
    heavy = {c.replacement for c in ocr_glued.glued_candidates(toks, heavy=True)}
    assert "3rd" not in light
    assert "3rd" in heavy
    ocr_glued.chunk_readings.cache_clear()
