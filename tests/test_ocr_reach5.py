"""A word reading just below its margin wins over a fallback guess that is no word."""

from __future__ import annotations

from repair.candidates.ocr_rules import cand
from repair.score import ocr_rescue


def _fallback(repl: str):
    c = cand(0, 6, repl, "OCR_NAME", finding="capitalized_unknown", fixed=0.7)
    return (-100.0, c, {"fallback": True})


def _near(repl: str, orig_known: bool = False):
    c = cand(
        0, 6, repl, "OCR_CONFUSION", finding="capitalized_unknown", orig=["Hnbour"],
        alt=[repl], cost=3.0, orig_known=orig_known,
    )  # fmt: skip
    return (-4.5, c, {"margin": -4.5, "threshold": -4.0})


def test_near_miss_word_replaces_nonword_fallback() -> None:
    groups = {(0, 6): [_fallback("Habour")]}
    ocr_rescue.rescue(groups, {(0, 6): _near("Harbour")})
    assert groups[0, 6][0][1].replacement == "Harbour"
    assert groups[0, 6][0][2]["rescued"] is True


def test_fallback_that_is_a_word_is_kept() -> None:
    groups = {(0, 6): [_fallback("Harbour")]}
    ocr_rescue.rescue(groups, {(0, 6): _near("Hobart")})
    assert [x[1].replacement for x in groups[0, 6]] == ["Harbour"]


def test_accepted_reading_is_not_overridden() -> None:
    accepted = _near("Harbour")
    accepted = (1.5, accepted[1], accepted[2])
    groups = {(0, 6): [accepted, _fallback("Habour")]}
    ocr_rescue.rescue(groups, {(0, 6): _near("Hobart")})
    assert groups[0, 6][0][1].replacement == "Harbour"
    assert len(groups[0, 6]) == 2


def test_eligible_needs_a_nonword_read_as_a_word() -> None:
    assert ocr_rescue.eligible(_near("Harbour")[1])
    assert not ocr_rescue.eligible(_near("Harbour", orig_known=True)[1])
    assert not ocr_rescue.eligible(_near("Hxqzbour")[1])


def test_decide_all_rescues_through_the_scorers_near_misses() -> None:
    """The scorer's hook: a refused reading within the slack replaces the fallback; with
    the switch off, or a margin further below, the fallback stays."""
    from repair.score import ocr as score

    class _Ctx:
        def around(self, start: int, end: int):
            return (["at", "the"], ["yesterday"])

    def scorer_with(margin: float):
        class _Scorer:
            def _decide(self, orig, alt, prev, nxt, cost, known, thr, garbled, prior):
                return score.Decision(False, "margin_below_threshold", margin, 0.0,
                                      1.0, cost, None, -4.0)  # fmt: skip

        return _Scorer()

    fb = _fallback("Habour")[1]
    word = _near("Harbour")[1]
    old = ocr_rescue.RESCUE
    try:
        for switch, margin, want in ((True, -5.0, "Harbour"), (False, -5.0, "Habour"),
                                     (True, -9.0, "Habour")):  # fmt: skip
            ocr_rescue.RESCUE = switch
            groups = score._decide_all(
                scorer_with(margin), _Ctx(), [fb, word], True, score.DecisionMemo()
            )
            assert groups[0, 6][0][1].replacement == want
    finally:
        ocr_rescue.RESCUE = old


def test_affix_stem_split() -> None:
    from repair.candidates.ocr_affix import split_affix

    assert split_affix("Rhodcs's") == (0, 6)
    assert split_affix("M'Lachlnn") == (2, 9)
    assert split_affix("it's") is None  # stem too short
    assert split_affix("O'neil") is None  # a prefix needs a capitalised stem


def test_affix_reading_edits_the_stem_only() -> None:
    """On a garbled page a possessive's garbled stem is read; the "'s" is kept as printed."""
    from repair.candidates import ocr_affix
    from repair.pipeline import repair_text

    text = (
        "Tho caso was hoard by tho Judgo. Mr. Rhodcs's ovidonco was takon, and tho jury "
        "rotirod for an hour."
    )
    old = ocr_affix.AFFIXES
    try:
        ocr_affix.AFFIXES = False
        off = repair_text(text)
        ocr_affix.AFFIXES = True
        on = repair_text(text)
    finally:
        ocr_affix.AFFIXES = old
    assert "Rhodcs's" in off.text
    assert "Rhodes's" in on.text
    stem = [e for e in on.edits if e.original == "Rhodcs"]
    assert stem and stem[0].replacement == "Rhodes"


def test_lone_letter_before_a_capital_and_after_a_comma() -> None:
    """ "m" for "in" before a place name, and after a comma; an initial after a capital or
    before a mark is not read."""
    from repair.candidates import ocr as gen
    from repair.tokenize import tokenize

    def lone(text: str, letter: str = "m") -> bool:
        toks = tokenize(text)
        i = next(k for k, t in enumerate(toks) if t.text == letter)
        return gen._lone_letter(toks[i], toks, i)

    assert lone("she had been m England since")
    assert lone("it appears to me, m all trade disputes")
    assert not lone("Mr John m Smith said")  # after a capital: an initial
    old = gen.LONE_BEFORE_CAPITAL
    try:
        gen.LONE_BEFORE_CAPITAL = False
        assert not lone("she had been m England since")
    finally:
        gen.LONE_BEFORE_CAPITAL = old


def test_consistent_reading_where_the_page_accepts_it_elsewhere() -> None:
    def item(start: int, margin: float, orig: str = "Major", alt: str = "Mayor"):
        c = cand(
            start, start + 5, alt, "OCR_REALWORD", finding="realword", orig=[orig], alt=[alt],
            cost=2.0, orig_known=True,
        )  # fmt: skip
        return (margin, c, {"margin": margin})

    groups = {(0, 5): [item(0, 3.0)]}
    ocr_rescue.consistent(groups, [item(10, 1.0), item(20, 1.0, alt="Manor")])
    assert groups[10, 15][0][1].replacement == "Mayor"
    assert (20, 25) not in groups  # "Manor" is accepted nowhere on the page
    before = {(0, 5): [item(0, 3.0)], (10, 15): [item(10, 2.6, alt="Mayer")]}
    ocr_rescue.consistent(before, [item(10, 1.0)])
    assert before[10, 15][0][1].replacement == "Mayer"  # an accepted reading stays first


def test_short_word_readings() -> None:
    """A rare two-letter word is read as function words one letter away; common ones
    ("mr", "no") and capitals are never read."""
    from repair.candidates.ocr_shortword import short_readings

    assert [w for w, _c in short_readings("tj")] == ["to"]
    assert {w for w, _c in short_readings("bl")} == {"be", "by"}
    assert short_readings("mr") == ()
    assert short_readings("no") == ()
    assert short_readings("Tj") == ()
