"""For any input the tool does not crash, and its edits reproduce its output."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repair import apply_edits, repair_text

WORDS = [
    "the", "tbe", "mentioned", "said", "assembly", "earlier", "than", "con", "crete", "conc-\nrete",
    "Ã©", "cafÃ©", "&amp;", "profound", "learning", "12", "months", "rn", "Chinese", "language",
    "chief", "Trump", "—", "“", "”", ",", ".", "\n", "  ", "kingwas", "ſ", "1", "l",
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join))
def test_word_soup(text: str) -> None:
    result = repair_text(text)
    assert apply_edits(text, result.edits) == result.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_any_unicode(text: str) -> None:
    result = repair_text(text)
    assert apply_edits(text, result.edits) == result.text
    for e in result.edits:
        assert text[e.offset : e.offset + e.length] == e.original
