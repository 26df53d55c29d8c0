"""Self-training of the OCR confusion table on an archive's raw pages (issue 12)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from repair.score import ocr_selftrain as st
from repair.score.ocr_channel import confusions


@dataclass
class _Edit:
    original: str
    evidence: dict = field(default_factory=dict)


def _listed() -> tuple[str, str, float]:
    """A listed one-glyph confusion of the shipped table and its cost (above the floor)."""
    for src, rows in confusions().items():
        for dst, c in rows:
            if len(src) == 1 and len(dst) == 1 and src.isalpha() and dst.isalpha() and c > 1.0:
                return src, dst, c
    raise AssertionError("the table has no one-glyph row")


def test_non_word_readings_are_counted_and_real_words_are_not() -> None:
    counts = st.ArchiveCounts()
    edits = [
        _Edit("tbe", {"substitutions": [["b", "h"]]}),
        _Edit("tho", {"substitutions": [["o", "e"]]}),  # a word of its own ("tho")
        _Edit("xq", {}),
    ]
    counts.add("the the", edits, [])
    assert counts.used == {("b", "h"): 1}
    assert counts.texts == ["the the"]


def test_real_word_readings_count_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(st, "COUNT_REALWORD", True)
    counts = st.ArchiveCounts()
    counts.add("the", [_Edit("tho", {"substitutions": [["o", "e"]]})], [])
    assert counts.used == {("o", "e"): 1}


@pytest.mark.parametrize("uses", [5, 50, 500])
def test_a_confusion_the_archive_uses_costs_less_never_more(uses: int) -> None:
    src, dst, cost = _listed()
    counts = st.ArchiveCounts(texts=[dst * 1000])
    counts.used[(src, dst)] = uses
    rows = st.adapted_rows(counts)
    assert rows[(src, dst)] < cost
    assert rows[(src, dst)] >= st.MIN_COST


def test_more_uses_make_it_cheaper() -> None:
    src, dst, _cost = _listed()
    got = []
    for uses in (5, 50):
        counts = st.ArchiveCounts(texts=[dst * 1000])
        counts.used[(src, dst)] = uses
        got.append(st.adapted_rows(counts)[(src, dst)])
    assert got[1] < got[0]


def test_an_unused_confusion_is_left_alone() -> None:
    counts = st.ArchiveCounts(texts=["plain text"])
    assert st.adapted_rows(counts) == {}


def test_an_unseen_edit_with_support_becomes_a_row() -> None:
    counts = st.ArchiveCounts(texts=["y" * 100])
    counts.unseen[("j", "y")] = st.MIN_SUPPORT
    counts.unseen[("q", "y")] = st.MIN_SUPPORT - 0.5  # too little support
    rows = st.adapted_rows(counts)
    if st._is_unlisted(("j", "y")):
        assert rows[("j", "y")] >= st.UNSEEN_MIN_COST
    assert ("q", "y") not in rows


@pytest.mark.parametrize(
    ("sub", "prior"),
    [
        (("j", "y"), True),  # a narrow glyph: the stem of a broken "y"
        (("l", "t"), True),
        (("i", "a"), True),
        (("x", "q"), False),  # a wide glyph, no look-alike
        (("b", "s"), False),
        (("l", "th"), False),  # a narrow glyph for two letters
    ],
)
def test_the_glyph_class_prior_knows_narrow_glyphs_and_look_alikes(
    sub: tuple[str, str], prior: bool
) -> None:
    assert st._prior_class(sub) is prior


def test_a_look_alike_pair_has_the_prior_only_with_shapes(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.score.ocr_pagereach import shape_costs

    pair = next(s for s in shape_costs() if s[0] not in st.NARROW)
    monkeypatch.setattr(st, "PRIOR_SHAPES", True)
    assert st._prior_class(pair)
    monkeypatch.setattr(st, "PRIOR_SHAPES", False)
    assert not st._prior_class(pair)
    monkeypatch.setattr(st, "GLYPH_PRIOR", False)
    assert not st._prior_class(("j", "y"))


def _unseen(sub: tuple[str, str], support: float) -> dict[tuple[str, str], float]:
    counts = st.ArchiveCounts(texts=[sub[1] * 100_000])
    counts.unseen[sub] = support
    return st.adapted_rows(counts)


@pytest.mark.parametrize("sub", [("l", "y"), ("f", "e")])  # rows the shipped table lacks
def test_a_narrow_glyph_edit_needs_less_support_and_is_priced_by_its_class(
    sub: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert st._is_unlisted(sub)
    assert st.PRIOR_SUPPORT < st.MIN_SUPPORT
    rows = _unseen(sub, st.PRIOR_SUPPORT)
    assert rows == {sub: st.PRIOR_COST}  # its rate alone would price it at MAX_COST
    assert _unseen(sub, st.PRIOR_SUPPORT - 0.5) == {}  # still needs the archive's support
    monkeypatch.setattr(st, "GLYPH_PRIOR", False)
    assert _unseen(sub, st.PRIOR_SUPPORT) == {}
    assert _unseen(sub, st.MIN_SUPPORT)[sub] == st.MAX_COST


def test_other_edits_keep_the_plain_threshold() -> None:
    sub = ("x", "q")
    assert st._is_unlisted(sub) and not st._prior_class(sub)
    assert _unseen(sub, st.PRIOR_SUPPORT) == {}
    assert _unseen(sub, st.MIN_SUPPORT)[sub] >= st.UNSEEN_MIN_COST


@pytest.mark.parametrize("sub", [("i", "j"), ("u", "v"), ("", "d")])
def test_spelling_conventions_and_empty_prints_never_become_rows(sub: tuple[str, str]) -> None:
    assert not st._is_unlisted(sub)


def test_unknown_word_types_count_once_and_short_ones_not() -> None:
    got = st.unseen_support(["Hxuse", "hxuse", "Parlizment", "hxu"])
    assert got == {("x", "o"): 1.0, ("z", "a"): 1.0}


def test_a_type_shares_its_readings() -> None:
    got = st.unseen_support(["fxnd"])  # find, fund, fond, ... one edit each
    assert len(got) > 1
    assert sum(got.values()) == pytest.approx(1.0)


def test_the_adapted_table_reprices_and_adds_rows() -> None:
    rows = [("<split>", "", "4.00", "10"), ("c", "e", "3.00", "12"), ("b", "h", "2.00", "7")]
    text = st.adapted_table(rows, {("c", "e"): 1.5, ("j", "y"): 4.0, ("b", "h"): 2.5})
    lines = text.splitlines()
    assert lines[0].startswith("# format: repair-lexicon/1")
    assert "<split>\t\t4.00\t10" in lines
    assert "c\te\t1.50\t12" in lines
    assert "b\th\t2.00\t7" in lines  # never dearer
    assert lines[-1] == "j\ty\t4.00\t0"


def test_still_unknown_words_are_the_garbled_ones() -> None:
    got = st.still_unknown("The Manlj ferry left Sydnoy, with tho mail; qzxvbn.")
    assert "Manlj" in got and "Sydnoy" in got and "qzxvbn" in got
    assert not {"The", "ferry", "left", "with", "mail", "tho"} & set(got)


@pytest.mark.parametrize(
    ("guard", "left"),
    [(None, {"foorth", "Manlj"}), ("archaic", {"foorth", "Manlj"}), ("all", {"Manlj"})],
)
def test_the_period_guard_leaves_period_spellings_out(
    monkeypatch: pytest.MonkeyPatch, guard: str | None, left: set[str]
) -> None:
    monkeypatch.setattr(st, "PERIOD_GUARD", guard)
    assert set(st.still_unknown("The vertue of the lande went foorth with Manlj.")) == left


# ------------------------------------------------------------------ the old-print guard


def test_period_spellings_are_old_print_not_modern_words_nor_garbles() -> None:
    words = {"seene": 1, "foorth": 2, "scene": 3, "the": 40, "tbe": 9, "beon": 4, "sjdney": 3}
    got = st.period_spellings(words)
    assert set(got) == {"seene", "foorth"}  # the period books print them; not "beon", "tbe"


@pytest.mark.parametrize(
    ("sub", "victims"),
    [
        (("e", "c"), ["seene"]),  # "seene" -> "scene"
        (("o", "u"), ["foorth"]),  # "foorth" -> "fourth"
        (("b", "h"), []),  # "tbe" is no period spelling
        (("z", "h"), []),  # nothing to read
    ],
)
def test_a_row_s_victims_are_the_period_spellings_it_modernises(
    sub: tuple[str, str], victims: list[str]
) -> None:
    words = {"seene": 1, "foorth": 2, "tbe": 9}
    assert st.period_victims(sub, st.period_spellings(words), words) == victims


def _old_book() -> st.ArchiveCounts:
    counts = st.ArchiveCounts()
    counts.add(
        "the fourth of the king",
        [_Edit("tbe", {"substitutions": [("b", "h")]})],
        [],
        "tbe foorth of the king",
    )
    return counts


def test_the_guard_refuses_a_row_that_modernises_the_pages_spellings() -> None:
    kept, refused = st.guarded_rows({("o", "u"): 4.0, ("b", "h"): 1.0}, _old_book())
    assert kept == {("b", "h"): 1.0}
    assert refused == {("o", "u"): ["foorth"]}


def test_the_guard_keeps_every_row_when_off_or_without_raw_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = {("o", "u"): 4.0, ("b", "h"): 1.0}
    no_raw = st.ArchiveCounts()
    no_raw.add("the foorth of the king", [], [])
    assert st.guarded_rows(rows, no_raw) == (rows, {})
    monkeypatch.setattr(st, "PERIOD_VETO", 0)
    assert st.guarded_rows(rows, _old_book()) == (rows, {})


def test_a_listed_row_the_first_pass_used_on_old_spellings_is_not_repriced() -> None:
    e_c = ("e", "c")
    assert any(d == "c" for d, _c in confusions()["e"])  # a listed row
    counts = st.ArchiveCounts()
    for _ in range(40):
        counts.add("a scene", [_Edit("seene", {"substitutions": [e_c]})], [], "a seene")
    assert e_c in st._priced_rows(counts)  # the first pass used it: cheaper ...
    assert e_c not in st.adapted_rows(counts)  # ... but "seene" is the book's spelling
    plain = st.ArchiveCounts()
    for _ in range(40):
        plain.add("a scene", [_Edit("sccne", {"substitutions": [e_c]})], [], "a sccne")
    assert e_c in st.adapted_rows(plain)  # a garble's use still reprices it


def test_slot_rows_take_the_confusion_rows_discount() -> None:
    src, dst, cost = _listed()
    rows = [(src, dst, "2.00", "5"), ("q", "g", "1.00", "2"), (src, dst + "x", "3.00", "1")]
    got = st.discounted_slot_rows(rows, {(src, dst): cost - 0.5, ("q", "g"): 5.0})
    assert got[0] == (src, dst, "1.50", "5")  # 0.5 nats cheaper, as its confusion row
    assert got[1:] == tuple(rows[1:])  # not a listed confusion / not changed: as before
    floor = st.discounted_slot_rows([(src, dst, "0.40", "5")], {(src, dst): 0.0})
    assert floor[0][2] == f"{st.MIN_COST:.2f}"
