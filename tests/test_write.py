import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repair.types import Edit
from repair.write import EditConflict, apply_edits, compose, select_disjoint


def edit(text: str, a: int, b: int, rep: str, conf: float = 0.9) -> Edit:
    return Edit(a, b - a, text[a:b], rep, "spin", conf, "TEST")


def test_apply_edits_in_any_order() -> None:
    t = "Trump mentioned the assembly"
    e1 = edit(t, 6, 15, "said")
    e2 = edit(t, 20, 28, "meeting")
    assert apply_edits(t, [e2, e1]) == "Trump said the meeting"


def test_apply_rejects_overlaps_and_mismatches() -> None:
    t = "abcdef"
    with pytest.raises(EditConflict):
        apply_edits(t, [edit(t, 0, 3, "x"), edit(t, 2, 4, "y")])
    with pytest.raises(EditConflict):
        apply_edits(t, [Edit(0, 2, "zz", "x", "ocr", 1.0, "T")])


def test_select_disjoint_prefers_confident() -> None:
    t = "abcdef"
    low, high = edit(t, 0, 3, "x", 0.6), edit(t, 2, 4, "y", 0.9)
    assert select_disjoint([low, high]) == [high]


@st.composite
def edits_on(draw, text: str) -> list[Edit]:
    n = len(text)
    out: list[Edit] = []
    pos = 0
    while pos <= n and len(out) < 5:
        a = draw(st.integers(pos, n))
        b = draw(st.integers(a, min(n, a + 3)))
        out.append(edit(text, a, b, draw(st.text("xyZ", max_size=3))))
        pos = b + 1 if b == a else b
        if draw(st.booleans()):
            break
    return out


@settings(max_examples=500, deadline=None)  # behaviour, not timing (shared machine)
@given(st.data())
def test_compose_equals_applying_in_sequence(data) -> None:
    base = data.draw(st.text("abcde ", max_size=14))
    first = data.draw(edits_on(base))
    mid = apply_edits(base, first)
    second = data.draw(edits_on(mid))
    composed = compose(base, first, second)
    assert apply_edits(base, composed) == apply_edits(mid, second)
    for e in composed:
        assert base[e.offset : e.end] == e.original


def test_compose_merges_touching_edits() -> None:
    base = "cafÃ© said"
    first = [edit(base, 0, 5, "café")]
    mid = apply_edits(base, first)
    second = [Edit(0, 4, "café", "coffee", "spin", 0.7, "S")]
    (merged,) = [e for e in compose(base, first, second) if e.offset == 0]
    assert merged.original == "cafÃ©" and merged.replacement == "coffee"
    assert merged.kind == "spin" and merged.confidence == 0.7
    assert merged.evidence["merged"][0]["kind"] == "spin"
    assert apply_edits(base, compose(base, first, second)) == apply_edits(mid, second)
