"""The candidate ranker's later-sense term (issue 11, session 46).

A candidate original that shares a WordNet 3.0 synset with the written word only through
one of its own later senses (``maiden`` and ``first`` share a synset that is not
``first``'s first sense) is seldom the spinner's source, while the ranker's WordNet-pair features
reward it like a first-sense pair; :data:`repair.score.spin_rank.LATER_SENSE` adds a
fixed log-odds to such candidates before the best is chosen.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import repair.stages.spin as stage
from repair.document import Document
from repair.score import spin_rank, spin_sense_pick
from repair.score.spin_evidence import evidence

LEFT = ["is", "development", "of", "the"]
RIGHT = ["company's", "initial", "machine", "tied"]


def test_later_sense_reads_the_original_s_sense_rank() -> None:
    assert spin_rank.later_sense("smart", "bright")  # a later sense of "bright"
    assert not spin_rank.later_sense("purchased", "bought")  # the first sense of "bought"
    assert not spin_rank.later_sense("purchased", "table")  # no shared synset


def test_sense_scores_off_or_without_a_later_sense_leave_the_scores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(spin_rank, "LATER_SENSE", None)
    assert spin_rank.sense_scores("smart", ["bright", "clever"], [1.0, 0.5]) is None
    monkeypatch.setattr(spin_rank, "LATER_SENSE", -2.0)
    assert spin_rank.sense_scores("purchased", ["bought"], [1.0]) is None
    got = spin_rank.sense_scores("smart", ["bright", "table"], [1.0, 0.5])
    assert got == [-1.0, 0.5]


@pytest.mark.parametrize("packed", [False, True])
def test_the_term_moves_the_choice_off_a_later_sense_pair(
    monkeypatch: pytest.MonkeyPatch, packed: bool
) -> None:
    """ "the maiden company's" (spun from "the new company's"): the ranker alone proposes
    "first" (a later sense of "first" shares the synset); with the term, "new"."""
    monkeypatch.setattr(spin_rank, "LATER_SENSE", None)
    off = evidence(0, 6, "maiden", LEFT, RIGHT, packed=packed)
    monkeypatch.setattr(spin_rank, "LATER_SENSE", -2.75)
    on = evidence(0, 6, "maiden", LEFT, RIGHT, packed=packed)
    assert off is not None and on is not None
    assert spin_rank.later_sense("maiden", "first") and not spin_rank.later_sense("maiden", "new")
    assert (off.original, on.original) == ("first", "new")
    # the chosen row's score and the others' carry the term (what the later picks read)
    assert on.rank_score == pytest.approx(
        max(s for o, _g, s, _x in on.choices if o == "new"), abs=1e-12
    )
    scores_off = {o: s for o, _g, s, _x in off.choices}
    scores_on = {o: s for o, _g, s, _x in on.choices}
    assert scores_on["first"] == pytest.approx(scores_off["first"] - 2.75)
    assert scores_on["new"] == scores_off["new"]


# a document's confident rows (probability over the bar): Moby pairs sharing no synset
MOBY_ROWS = [("maiden", "new", 0.9)] * 6 + [("purchased", "table", 0.9)] * 3
SENSE_ROWS = [("purchased", "bought", 0.9)] * 9


def test_the_document_term_needs_a_spinner_not_drawing_on_senses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(spin_sense_pick, "LATER_SENSE", None)
    assert spin_sense_pick.later_sense_extra(MOBY_ROWS, 0.5) is None  # off
    monkeypatch.setattr(spin_sense_pick, "LATER_SENSE", -2.75)
    extra = spin_sense_pick.later_sense_extra(MOBY_ROWS, 0.5)
    assert extra is not None
    assert extra("maiden", "first") == -2.75 and extra("maiden", "New") == 0.0
    # a sense spinner's document (its sense table applies), too few confident rows, or
    # rows under the bar: no term
    assert spin_sense_pick.sense_table(SENSE_ROWS, 0.5) is not None
    assert spin_sense_pick.later_sense_extra(SENSE_ROWS, 0.5) is None
    assert spin_sense_pick.later_sense_extra(MOBY_ROWS[:7], 0.5) is None
    assert spin_sense_pick.later_sense_extra(MOBY_ROWS, 0.95) is None


def test_the_stage_hands_the_term_to_the_topic_pick(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_topic_rows`` gives each row read the document's later-sense term (bound to the
    row's written word) where the sense table does not apply."""
    seen: list[float] = []

    def fake_pick(doc, w, wanted=None, extra=None):  # type: ignore[no-untyped-def]
        seen.append(extra("first") if extra is not None else 0.0)

    monkeypatch.setattr(spin_sense_pick, "LATER_SENSE", -2.75)
    monkeypatch.setattr(stage, "topic_pick", fake_pick)
    monkeypatch.setattr(stage, "word_bar", lambda details: 0.5)
    w = evidence(0, 6, "maiden", LEFT, RIGHT)
    assert w is not None
    words = [replace(w, original="new")] * 9  # confident Moby rows
    rows = [(x.written.lower(), x.original.lower(), 0.9) for x in words]
    assert spin_sense_pick.sense_table(rows, 0.5) is None  # not a sense spinner's rows
    stage._topic_rows(Document("maiden"), words, [[]] * 9, [0.9] * 9, {}, 9)  # type: ignore[arg-type]
    assert seen == [-2.75] * 9
    monkeypatch.setattr(spin_sense_pick, "LATER_SENSE", None)
    seen.clear()
    stage._topic_rows(Document("maiden"), words, [[]] * 9, [0.9] * 9, {}, 9)  # type: ignore[arg-type]
    assert seen == [0.0] * 9


def test_shipped_state() -> None:
    """The document-gated term ships on; the term in every document stays off (it costs
    the spinner that draws on later senses: seeddense)."""
    assert spin_sense_pick.LATER_SENSE == -2.75
    assert spin_rank.LATER_SENSE is None
