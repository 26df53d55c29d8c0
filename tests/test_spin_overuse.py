"""The over-use reading of common and closed-class written words
(repair.candidates.spin_overuse; repair.stages.spin.OVERUSE); issue 11."""

from __future__ import annotations

import pytest

import repair.candidates.spin_overuse as so
import repair.stages.spin as spin
from repair import repair_text
from repair.config import RepairConfig
from repair.document import Document

# a spinner's habits: every "said" written "mentioned", every "also" "additionally"
SPUN = (
    "The company mentioned on Monday that profits rose in the third quarter. Sales in "
    "Europe were weak, the chief executive mentioned in a statement. Analysts mentioned the "
    "results were better than expected. The firm additionally mentioned that it would cut "
    "costs next year. It will additionally close two plants in Ohio, a spokesman mentioned. "
    "No jobs will be lost, he mentioned. The board will meet next week to discuss the plan, "
    "and it will additionally review the dividend."
)
# one over-used word only: an author's habit, not a spinner's
ONE = (
    "The company mentioned on Monday that profits rose in the third quarter. Sales in "
    "Europe were weak, the chief executive mentioned in a statement. Analysts mentioned the "
    "results were better than expected. A spokesman mentioned that no jobs will be lost. "
    "Investors mentioned they were still worried about the outlook."
)


@pytest.fixture
def short_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test texts are short: the original's expected count is not asked for."""
    monkeypatch.setattr(so, "MIN_EXPECTED", 0.0)


@pytest.mark.parametrize(
    ("written", "original"), [("however", "but"), ("mentioned", "said"), ("additionally", "also")]
)
def test_reverse_sources_give_common_originals_of_closed_class_words(
    written: str, original: str
) -> None:
    assert original in so.originals(written)


@pytest.mark.parametrize("word", ["the", "and", "of", "x-ray", "ok"])
def test_grammar_words_and_odd_forms_have_none(word: str) -> None:
    assert so.originals(word) == ()


def test_originals_are_more_common_than_the_written_word() -> None:
    assert "state" not in so.originals("said")  # "state" is rarer than "said"


def test_the_count_ratio_favours_an_over_used_form_whose_original_is_missing() -> None:
    spun = so.mapping_llr(6, 0, "mentioned", "said")
    assert spun > 12.0
    assert so.mapping_llr(6, 6, "mentioned", "said") < spun
    assert so.mapping_llr(1, 3, "mentioned", "said") < so.MIN_LLR


def test_a_document_over_using_two_words_gets_every_occurrence(short_documents: None) -> None:
    doc = Document(SPUN)
    got = {(SPUN[c.start : c.end], c.replacement) for c in so.overuse_candidates(doc)}
    assert ("mentioned", "said") in got and ("additionally", "also") in got
    n = SPUN.count("mentioned") + SPUN.count("additionally")
    assert len(so.overuse_candidates(doc)) == n
    taken = {SPUN.index("mentioned")}
    assert len(so.overuse_candidates(doc, taken)) == n - 1


def test_one_over_used_word_is_not_enough(short_documents: None) -> None:
    assert so.overuse_candidates(Document(ONE)) == []


def test_without_the_expected_count_short_documents_get_nothing() -> None:
    assert so.overuse_candidates(Document(SPUN)) == []


def test_the_stage_restores_them_without_the_profile(
    short_documents: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = RepairConfig(spin_profile=None)
    out = repair_text(SPUN, (), config)
    assert "mentioned" not in out.text and "additionally" not in out.text
    assert "a spokesman said" in out.text and "will also close" in out.text
    assert {e.rule for e in out.edits if e.original == "additionally"} == {so.RULE}
    monkeypatch.setattr(spin, "OVERUSE", False)
    assert "additionally" in repair_text(SPUN, (), config).text


def test_one_over_used_word_is_enough_where_the_document_reads_as_spun(
    short_documents: None,
) -> None:
    got = so.overuse_candidates(Document(ONE), gate_open=True)
    assert {(ONE[c.start : c.end], c.replacement) for c in got} == {("mentioned", "said")}
    assert len(got) == ONE.count("mentioned")


def test_a_context_that_wants_the_written_word_keeps_it(
    short_documents: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the LM's gain must exceed what the clean rates explain by MIN_CONTEXT_GAIN
    monkeypatch.setattr(so, "MIN_CONTEXT_GAIN", 8.0)
    assert so.overuse_candidates(Document(SPUN)) == []


def test_long_documents_are_not_read_without_sections(
    short_documents: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(so, "MAX_WORDS", 50)
    monkeypatch.setattr(so, "WINDOWS", False)
    assert so.overuse_candidates(Document(SPUN)) == []


@pytest.mark.parametrize("n", [1, 50, 51, 99, 100, 101, 149, 1000, 12_345])
def test_sections_cover_the_document_each_at_most_the_cap_and_half_of_it(n: int) -> None:
    got = so.windows(n, 50)
    assert got[0][0] == 0 and got[-1][1] == n
    assert all(b == c for (_a, b), (c, _d) in zip(got, got[1:], strict=False))
    assert all(b - a <= 50 for a, b in got)
    assert len(got) == 1 or all(b - a >= 25 for a, b in got)


def test_a_long_document_is_read_by_sections(
    short_documents: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the spun text twice (two sections of one text each), then a clean one of its length
    # that writes "said" and "also": each section is read by its own counts
    clean = SPUN.replace("mentioned", "said").replace("additionally", "also")
    text = SPUN + "\n\n" + SPUN + "\n\n" + clean
    n = len(Document(SPUN).words)
    monkeypatch.setattr(so, "MAX_WORDS", n + 5)
    monkeypatch.setattr(so, "WINDOWS", True)  # shipped off (session 33)
    got = so.overuse_candidates(Document(text))
    assert len(so.windows(len(Document(text).words))) == 3
    assert len(got) == 2 * len(so.overuse_candidates(Document(SPUN)))
    assert max(c.end for c in got) <= 2 * len(SPUN) + 2
    monkeypatch.setattr(so, "WINDOWS", False)
    assert so.overuse_candidates(Document(text)) == []


def test_a_document_under_the_cap_is_read_whole_as_before(short_documents: None) -> None:
    # one section: the same candidates with sections on and off
    doc = Document(SPUN)
    saved = so.WINDOWS
    try:
        so.WINDOWS = True
        on = so.overuse_candidates(doc)
        so.WINDOWS = False
        assert so.overuse_candidates(doc) == on != []
    finally:
        so.WINDOWS = saved


def test_number_words_are_never_originals() -> None:
    assert "one" not in so.originals("joined") and "one" not in so.originals("atomic")


# a spinner's phrase: every "never" written "by no means" (with "said" as "mentioned")
PHRASED = (
    "The company mentioned on Monday that profits rose earlier than expected. Sales fell "
    "earlier than the holiday season, the chief executive mentioned. Analysts mentioned the "
    "results came out earlier than planned. The firm will by no means cut jobs, a spokesman "
    "mentioned. It had by no means done so earlier than, he mentioned. The board will by no "
    "means sell the plant, and it will meet earlier than the vote."
)


@pytest.mark.parametrize(
    ("phrase", "original"), [("by no means", "never"), ("earlier than", "before")]
)
def test_written_phrases_have_one_word_originals(phrase: str, original: str) -> None:
    assert original in so.phrase_originals(phrase)
    assert so._rate(phrase) < so._rate(phrase.split()[0])  # the LM's rate of the phrase


def test_phrase_originals_are_no_nouns_and_no_grammar_words() -> None:
    assert "example" not in so.phrase_originals("for instance")  # a noun
    assert not {"on", "with"} & set(so.phrase_originals("by way of"))


def test_an_over_used_phrase_is_restored_and_counts_for_the_gate(
    short_documents: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = Document(PHRASED)
    monkeypatch.setattr(so, "PHRASES", False)
    assert so.overuse_candidates(doc) == []  # "mentioned" alone: one word is not enough
    monkeypatch.setattr(so, "PHRASES", True)
    got = so.overuse_candidates(doc)
    pairs = [(PHRASED[c.start : c.end], c.replacement) for c in got]
    assert pairs.count(("by no means", "never")) == PHRASED.count("by no means") == 3
    assert ("mentioned", "said") in pairs
    at = PHRASED.index("by no means") + 3
    assert ("by no means", "never") not in [
        (PHRASED[c.start : c.end], c.replacement)
        for c in so.overuse_candidates(doc, {at})
        if c.start < at < c.end
    ]


def test_the_stage_restores_an_over_used_phrase(
    short_documents: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = RepairConfig(spin_profile=None)
    out = repair_text(PHRASED, (), config).text
    assert "by no means" not in out and "will never cut jobs" in out
    monkeypatch.setattr(so, "PHRASES", False)
    # the phrase self-gate (session 50, ON) reads a recurring 3-word span on its own
    monkeypatch.setattr(spin, "PHRASE_SELF_GATE", False)
    assert "by no means" in repair_text(PHRASED, (), config).text


def test_a_section_of_a_long_text_needs_two_words_even_where_the_gate_is_open(
    short_documents: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ONE over-uses one word: enough in a document the stage reads as spun, not in a
    # section of a longer text (the stage's gate reads the whole text)
    text = ONE + "\n\n" + ONE
    monkeypatch.setattr(so, "MAX_WORDS", len(Document(ONE).words) + 5)
    monkeypatch.setattr(so, "WINDOWS", True)  # shipped off (session 33)
    assert so.overuse_candidates(Document(ONE), gate_open=True) != []
    assert so.overuse_candidates(Document(text), gate_open=True) == []
    monkeypatch.setattr(so, "SECTION_GATE", False)
    got = so.overuse_candidates(Document(text), gate_open=True)
    assert len(got) == 2 * ONE.count("mentioned")
