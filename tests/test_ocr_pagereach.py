"""One unseen confusion for a garbled page's unread words (issue 12; shipped off)."""

from __future__ import annotations

import pytest

from repair.score import ocr_pagereach as pr
from repair.score.ocr_channel import confusions
from repair.tokenize import tokenize


def _words(text: str) -> list:
    return [t for t in tokenize(text) if t.kind == "word"]


def test_shipped_off() -> None:
    assert pr.PAGE_REACH is False


def test_prior_cost_is_the_table_then_the_shape_then_unseen() -> None:
    src, rows = next((s, r) for s, r in confusions().items() if len(s) == 1 and s.isalpha())
    dst, cost = rows[0]
    assert pr.prior_cost((src, dst)) <= cost
    shape = min(pr.shape_costs().items(), key=lambda x: x[1])
    assert pr.prior_cost(shape[0]) <= shape[1] < pr.UNSEEN_COST
    assert pr.prior_cost(("q", "z")) <= pr.UNSEEN_COST


@pytest.mark.parametrize(
    ("printed", "word"),
    [("manlj", "manly"), ("fdward", "edward"), ("wrhen", "when"), ("biing", "being")],
)
def test_one_edit_reaches_the_word(printed: str, word: str) -> None:
    assert word in {w for w, _sub in pr.one_edit_readings(printed)}


def test_a_word_has_no_one_edit_reading_of_itself() -> None:
    assert "house" not in {w for w, _sub in pr.one_edit_readings("house")}


@pytest.mark.parametrize("printed", ["hxuse", "dxctor", "parlizment", "biing"])
def test_walk_readings_use_exactly_one_unseen_edit(printed: str) -> None:
    got = pr.smoothed_readings(printed)
    assert got
    for word, cost, subs in got:
        table = confusions()
        unlisted = [s for s in subs if all(d.lower() != s[1] for d, _c in table.get(s[0], ()))]
        assert len(unlisted) == 1, (word, subs)
        assert cost <= pr.WALK_MAX_COST
        assert len(subs) <= pr.WALK_MAX_SUBS


def test_unread_words_skip_known_covered_and_short_words() -> None:
    words = _words("The Manlj ferry sailed past Kirribilli on Tuesdav at ten.")
    covered = {(w.start, w.end) for w in words if w.text == "Tuesdav"}
    got = [low for _w, low in pr.unread_words(words, covered)]
    assert "manlj" in got
    assert "tuesdav" not in got  # it has a candidate
    assert not {"the", "ferry", "sailed", "past", "on", "at", "ten"} & set(got)


def test_candidates_carry_cost_threshold_and_substitutions() -> None:
    words = _words("Mr. Smith of the Parlizment spoke.")
    got = pr.reach_candidates(words, set(), {})
    by_word = {c.replacement for c in got}
    assert "Parliament" in by_word
    for c in got:
        assert c.features["finding"] == "page_reach"
        assert c.features["threshold"] == pr.THRESHOLD
        assert c.features["cost"] > 0 and c.features["subs"]


def test_an_edit_the_page_repeats_costs_less() -> None:
    one = pr.reach_candidates(_words("the hxuse door"), set(), {})
    two = pr.reach_candidates(_words("the hxuse door and the dxctor"), set(), {})
    cost_one = min(c.features["cost"] for c in one if c.replacement == "house")
    cost_two = min(c.features["cost"] for c in two if c.replacement == "house")
    assert cost_two < cost_one


def test_covered_spans_are_left_alone() -> None:
    words = _words("the hxuse door")
    covered = {(w.start, w.end) for w in words}
    assert pr.reach_candidates(words, covered, {}) == []
