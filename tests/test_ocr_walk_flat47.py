"""Issue 14, session 47: the compiled confusion walk reads each plan's rows flat (once per
options tuple, cached by address, at most ``PLANS_KEPT`` held) and finds a trie node's
child by a letter mask.  The walk must still give what the Python walk gives, also where
the mask cannot answer (31 or more children below "a", glyphs past "z") and after the
cache of flat plans was emptied; a row it cannot read raises only where the walk reaches
it, as before.
"""

from __future__ import annotations

import pytest

from repair.score import ocr_channel
from repair.score.ocr_channel import confusion_variants, prefixes_of
from tests.test_ocr_walk_fast import _both, _garbled, _walks

compiled = pytest.importorskip("repair.score._ocrwalk")

# 32 glyphs below "a": the root of a trie over words starting with each has too many such
# children for the mask's count (the labels are searched there)
_BELOW_A = "!\"#$%&'()*+,-./0123456789:;<=>?@"


def _wide_index() -> ocr_channel.PrefixIndex:
    words = [f"{c}ab" for c in _BELOW_A] + [f"{c}x" for c in _BELOW_A]
    words += ["o'clock", "o-ring", "oat", "ozone", "o1", "olive", "tbe", "the", "then"]
    words += ["mem", "member", "corn", "clock", "straße", "naïve", "élan", "zoo", "z'"]
    return prefixes_of(words)


def _narrow_index() -> ocr_channel.PrefixIndex:
    # no node with 31 children below "a": every letter is found by the mask; "o" has two
    # children below "a" ("'", "-") before its letters, "c" one ("1")
    words = ["o'clock", "o-ring", "oat", "ozone", "olive", "c1", "corn", "clock", "tbe"]
    words += ["the", "then", "mem", "member", "rn", "m", "straße", "naïve", "zoo"]
    return prefixes_of(words)


_TOKENS = [
    "0ab",
    "1ab",
    "'ab",
    "Oab",
    "o'cIock",
    "o-rinq",
    "oxone",
    "olivc",
    "tlie",
    "tbe",
    "rnember",
    "mernber",
    "c0rn",
    "cIock",
    "strasse",
    "naive",
    "elan",
    "2oo",
    "z'",
    "",
    "a",
]


@pytest.mark.parametrize("subs", [1, 2, 3])
def test_walk_matches_python_where_the_mask_cannot_answer(subs: int) -> None:
    _both(_wide_index(), _TOKENS + _garbled(40, seed=subs), 12.0, subs)


@pytest.mark.parametrize("subs", [1, 3])
def test_walk_matches_python_through_the_mask(subs: int) -> None:
    _both(_narrow_index(), _TOKENS + _garbled(40, seed=10 + subs), 12.0, subs)


def test_flat_plans_are_held_once_and_bounded() -> None:
    """A plan's options tuples are read once; past ``PLANS_KEPT`` distinct tuples the held
    ones are let go, and the walks that follow give the same readings."""
    index = _narrow_index()
    with _walks(True, index):
        want = list(confusion_variants("rnember", index, 12.0, 3).items())
        trie = index._trie[1][0] if index._trie is not None and index._trie[1] else None
    assert trie is not None and want
    options, cheapest, rest, lows, low_rest = ocr_channel._walk_plan("rnember")
    held = compiled.plans_cached()
    for _ in range(3):  # the same tuples: nothing more is held
        out: dict[str, object] = {}
        compiled.walk(
            trie, None, "rnember", options, cheapest, rest, lows, low_rest, 12.0, 3, out, None
        )
        assert list(out.items()) == want
    assert compiled.plans_cached() == held
    for _ in range(700):  # ~5,600 fresh tuples (copies of the same rows)
        fresh = [tuple((n, tuple(list(rows))) for n, rows in opts) for opts in options]
        out = {}
        compiled.walk(
            trie, None, "rnember", fresh, cheapest, rest, lows, low_rest, 12.0, 3, out, None
        )
        assert list(out.items()) == want
        assert compiled.plans_cached() <= 4096


def _plan(rows: tuple[object, ...]) -> tuple[list[object], ...]:
    """A hand-made plan of the token "ab": ``rows`` read the printed "a"."""
    return (
        [((1, rows),), (), ()],
        [1.0, float("inf"), float("inf")],
        ["ab", "b", ""],
        ["a", "b"],
        ["ab", "b", ""],
    )


def test_a_row_the_walk_cannot_read_raises_only_where_it_is_reached() -> None:
    trie = compiled.trie(frozenset(["", "a", "ab", "x", "xb", "y", "yb"]))
    rows = (("x", 1.0, "x", ("a", "x")), ("y", 2.0, "y", ("a", "y")), "not a row")
    out: dict[str, object] = {}
    compiled.walk(trie, None, "ab", *_plan(rows), 1.5, 1, out, None)  # "y" is over: stops
    assert out == {"xb": (1.0, (("a", "x"),))}
    with pytest.raises(TypeError, match="not a walk row"):
        compiled.walk(trie, None, "ab", *_plan(rows), 5.0, 1, {}, None)
    bad = (("x", 1, "x", ("a", "x")),)  # an int cost: no row either
    with pytest.raises(TypeError, match="not a walk row"):
        compiled.walk(trie, None, "ab", *_plan(bad), 5.0, 1, {}, None)
    with pytest.raises(TypeError, match="not a walk plan"):
        options, *rest = _plan(rows)
        options[0] = ((-1, rows),)
        compiled.walk(trie, None, "ab", options, *rest, 5.0, 1, {}, None)
    with pytest.raises(TypeError, match="not a walk plan"):
        options, *rest = _plan(rows)
        options[0] = ((3, rows),)  # reads past the token
        compiled.walk(trie, None, "ab", options, *rest, 5.0, 1, {}, None)
    with pytest.raises(TypeError):
        compiled.walk(trie, None, "ab", *_plan(rows), 5.0, 1)  # too few arguments


def test_the_trie_reports_its_letter_masks() -> None:
    """Four bytes a node more than the two tables: the letter masks."""
    words = frozenset(["", "a", "ab", "b"])
    assert (
        compiled.trie_bytes(compiled.trie(words))
        - compiled.trie_bytes(compiled.trie(frozenset(["", "a"])))
        == 24
    )
