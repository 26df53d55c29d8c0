"""A big text's windows read the whole text's counts in the spin stage's recurrence,
overuse, profile, document-score and family readers (repair.window_counts; session 58)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import repair.pipeline as pipeline
from repair import RepairConfig, repair_text, window_counts
from repair.candidates import spin_overuse
from repair.candidates.spin_phrase import PhraseEvidence
from repair.document import Document
from repair.score.spin_evidence import WordEvidence
from repair.score.spin_model import doc_features
from repair.score.spin_route import every_place_forms
from repair.stages.spin import _habits, _recurring
from tests.test_window_counts import _keyed, _twice

ROOT = Path(__file__).resolve().parent.parent
#: A spinbot-spun document (benchmarks/spin_sim, dev half: abc_news/science#275).
SPUN = (ROOT / "tests" / "cases" / "spin_windows58.txt").read_text(encoding="utf-8").strip()

#: The flags of this session (all off: the windows read as session 57's).
FLAGS = ("RECURRENCE", "OVERUSE", "PROFILE_FIT", "DOC_TOP", "FAMILY", "SCALE_LETTERS")


def test_a_spun_text_in_windows_is_its_whole_repair() -> None:
    """Twice the document, one copy a window: the windowed repair is the whole one."""
    text, config = _twice(SPUN)
    whole = repair_text(text)
    assert whole.edits
    assert _keyed(repair_text(text, config=config)) == _keyed(whole)


def test_without_the_flags_the_windows_differ(monkeypatch: pytest.MonkeyPatch) -> None:
    """The contrast the test above relies on (session 57's windows differ here)."""
    for name in FLAGS:
        monkeypatch.setattr(window_counts, name, False)
    text, config = _twice(SPUN)
    assert _keyed(repair_text(text, config=config)) != _keyed(repair_text(text))


def _window(text: str = "the cat saw the cat.\n\nA cat and a cow.\n\nthe end.\n") -> tuple:
    spans = list(pipeline.paragraph_windows(text, 12))
    counts = pipeline.first_pass(lambda: (text[a:b] for a, b in spans), config=RepairConfig())
    a, b = spans[1]
    return window_counts.in_window(counts, 1, text[a:b]), text[a:b]


def _phrase(start: int, written: str, original: str) -> PhraseEvidence:
    return PhraseEvidence(start, start + len(written), written, original, 9.0, 5.0, 1.0, 2.0, 1.0)


def _row(start: int, written: str, original: str) -> WordEvidence:
    return WordEvidence(start, start + len(written), written, original, 8.0, 1.0, 3.0, 3, 4.0)


def test_recurrence_counts_a_mapping_as_the_whole_text() -> None:
    """One row of "cat" in a window of a text writing "cat" 3 times reads as 3 rows."""
    ctx, text = _window()
    one = [_phrase(2, "cat and", "plus")]
    rows = [_row(2, "cat", "kitten")] * 2
    assert _recurring(one, Counter({"cat": 1})) == set()
    assert _habits(rows, 3, Counter({"cat": 1})) == set()
    with ctx:
        counts = Document(text).word_counts
        assert window_counts.recurrence(1, "cat and", counts) == 3.0
        assert _recurring(one, counts) == {("cat and", "plus")}
        assert _habits(rows, 3, counts) == {("cat", "kitten")}
        assert window_counts.written_elsewhere({"a"}) >= {"a", "the", "saw", "end"}
    assert window_counts.recurrence(1, "cat and", counts) == 1  # outside a window


def test_every_place_forms_counts_the_whole_text() -> None:
    """A form read at its one place in the window, written 3 times in the whole text."""
    ctx, text = _window()
    rows = [_row(2, "cat", "kitten")]
    assert every_place_forms(rows, ["A", "cat", "and", "a", "cow"]) == 0
    with ctx:
        counts = Document(text).word_counts
        assert every_place_forms(rows, ["A", "cat", "and", "a", "cow"], counts) == 1


def test_overuse_reads_the_whole_text_length(monkeypatch: pytest.MonkeyPatch) -> None:
    """A window of a text over MAX_WORDS words is not read, as the whole text is not."""
    monkeypatch.setattr(window_counts, "OVERUSE", True)  # shipped off (the lead, session 58)
    ctx, text = _window()
    seen: list[int | None] = []
    monkeypatch.setattr(
        spin_overuse, "_section_candidates", lambda *a, **_k: seen.append(a[-1]) or []
    )
    with ctx:
        monkeypatch.setattr(spin_overuse, "MAX_WORDS", 8)
        assert spin_overuse.overuse_candidates(Document(text)) == []
        assert seen == []
        monkeypatch.setattr(spin_overuse, "MAX_WORDS", 3_000)
        spin_overuse.overuse_candidates(Document(text))
        assert seen == [12]  # the whole text's words, not the window's 5


def test_overuse_counts_scale_to_the_whole_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's one "cat" reads as the whole text's 3 (past MIN_COUNT 2)."""
    monkeypatch.setattr(window_counts, "OVERUSE", True)  # shipped off (the lead, session 58)
    monkeypatch.setattr(spin_overuse, "_originals", lambda w: ("dog",) if w == "cat" else ())
    ctx, text = _window()
    assert spin_overuse.mappings(["cat"], 2, -1e9) == []  # once: under MIN_COUNT
    with ctx:
        counts = Document(text).word_counts
        (m,) = spin_overuse.mappings(["cat"], 2, -1e9, None, counts)
    assert (m.written, m.original, m.written_count) == ("cat", "dog", 3.0)
    assert m.llr == pytest.approx(3 * spin_overuse.mapping_llr(1.0, 0.0, "cat", "dog"))


def test_document_top_five_counts_each_row_its_weight() -> None:
    probs = [0.9, 0.5, 0.4]
    once = doc_features(probs, [], 0.0)
    twice = doc_features(probs, [], 0.0, [2.0, 2.0, 2.0])
    assert once[1] == pytest.approx(1.8 / 5)
    assert twice[1] == pytest.approx((0.9 * 2 + 0.5 * 2 + 0.4) / 5)
    assert doc_features(probs + probs, [], 0.0)[1] == pytest.approx(twice[1])
    ctx, text = _window()
    with ctx:
        counts = Document(text).word_counts
        assert window_counts.row_weights(["cat", "cow"], counts) == [3.0, 1.0]
    assert window_counts.row_weights(["cat"], counts) is None


def test_family_marks_read_the_whole_length_and_letter_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """FAMILY (shipped off) reads the whole length; SCALE_LETTERS reads "cat." as "cat"."""
    monkeypatch.setattr(window_counts, "FAMILY", True)
    ctx, text = _window()
    assert window_counts.family_counts(2, 5) == (2, 5)
    with ctx:
        n = len(Document(text).words)
        whole = n + window_counts.other_length()
        assert window_counts.family_counts(2, n) == (round(2 * whole / n), whole)
        counts = Counter({"p": 2})
        assert window_counts.scale("p.c.", counts) == 1.0  # no "p" elsewhere in this text
        assert window_counts.scale("cat.", Document(text).word_counts) == 3.0
