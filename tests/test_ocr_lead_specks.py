"""Specks glued to a word's edge (repair/candidates/ocr_lead_specks.py)."""

from repair.candidates.ocr_lead_specks import lead_speck_candidates, trail_speck_candidates
from repair.candidates.ocr_marks import lone_mark_candidates
from repair.tokenize import tokenize


def _lead(text: str) -> list[str]:
    return [text[c.start : c.end + 3] for c in lead_speck_candidates(tokenize(text))]


def _trail(text: str) -> list[str]:
    return [text[c.start - 3 : c.end] for c in trail_speck_candidates(tokenize(text))]


def test_unmatched_opening_quote_is_a_speck() -> None:
    assert _lead("Board to do short 'extensions. The Housing") == ["'ext"]
    assert _lead('a vote by either "side to the dispute') == ['"sid']


def test_closed_quotation_stays() -> None:
    assert _lead('and his "Victoria" was accordingly sold') == []
    assert _lead("called it 'a short extension' of the line") == []


def test_quotation_opening_after_a_mark_before_a_capital_stays() -> None:
    # a long quotation opens there; its closing mark may be sentences away
    assert _lead('Alderman Solomon said: "There is no doubt. It was so.') == []


def test_elision_stays() -> None:
    assert _lead("and 'tis the season, said he, 'twas ever so") == []


def test_query_glued_to_a_word_start_is_a_speck() -> None:
    assert _lead("was postponed for a ?week. John Cooper") == ["?wee"]


def test_leading_hyphen_stays() -> None:
    # books set an em dash glued to the next word ("umbrella -he never")
    assert _lead("an umbrella -he never lost it; Sugar -Considerable") == []


def test_glued_or_spaced_marks_are_not_leading() -> None:
    assert _lead("it was (the) end - and so 'tis well-known") == []


def test_trailing_hyphen_inside_a_line_is_a_speck() -> None:
    assert _trail("guilty on Thursday- to committing an") == ["day-"]


def test_suspended_compound_and_line_end_stay() -> None:
    assert _trail("two- and three-fold, pre- or post-war") == []
    assert _trail("the licenses-\nthan on any") == []
    assert _trail("the licenses- Than on any") == []


def test_lone_mark_candidates_include_them() -> None:
    text = "guilty on Thursday- to do short 'extensions of"
    assert sorted(text[c.start : c.end] for c in lone_mark_candidates(tokenize(text))) == ["'", "-"]
