"""Session 38, ocrcand38: OCR candidate reach (issue 12).

Readings in the period word and name lists for garble no other builder reached
(:mod:`repair.candidates.ocr_periodreach`), and the sorted word list's prefix runs
(:meth:`repair.score.ngrams.WordList.with_prefix`) they are drawn from.
"""

from __future__ import annotations

import pytest

from repair.candidates import ocr_periodreach
from repair.pipeline import repair_text
from repair.score.ngrams import get_ngrams

PAGE = (
    "Tho prisoner, a youug man of twenty, was bouud ovor in recognlsanco of self and ouo "
    "surety\nin £20 to keop tho peaco for six mouths. Tho Bench said tbat tho caso was a "
    "bad ouo, and\nthat tho dofendant had beeu warued boforo by tho police. His Worship "
    "addod that be would\nuot bo so lenieut on auothor occasiou, aud tho prisoner loft tho "
    "court with bis fatbor."
)


@pytest.fixture
def period_reach(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_periodreach, "PERIOD_REACH", True)
    ocr_periodreach._best.cache_clear()


def test_with_prefix_is_the_sorted_run() -> None:
    wl = get_ngrams().word_list()
    got = wl.with_prefix("recognis")
    assert "recognisance" in got
    assert got == sorted(got)
    assert all(w.startswith("recognis") for w in got)
    assert wl.with_prefix("") == []
    assert wl.with_prefix("zzzzqq") == []


def test_period_word_read(period_reach: None) -> None:
    assert [c.replacement for c in ocr_periodreach.period_candidates("recognlsanco")] == [
        "recognisance"
    ]
    # the garbled first letters are reached through one learned confusion ("ro" -> "re")
    assert [c.replacement for c in ocr_periodreach.period_candidates("rocognlsance")] == [
        "recognisance"
    ]


def test_period_reach_shapes(period_reach: None) -> None:
    # a form the lists know, a short token, a mixed-case or non-alphabetic one: no reading
    for text in ("recognisance", "recogn", "reCognlsanco", "recognl5anco"):
        assert ocr_periodreach.period_candidates(text) == []


def test_period_reach_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_periodreach, "PERIOD_REACH", False)
    assert ocr_periodreach.period_candidates("recognlsanco") == []
    edits = repair_text(PAGE).edits
    assert not any(e.original == "recognlsanco" for e in edits)


def test_period_reach_in_pipeline(period_reach: None) -> None:
    edits = repair_text(PAGE).edits
    assert [e.replacement for e in edits if e.original == "recognlsanco"] == ["recognisance"]


def test_sorted_lines_with_prefix() -> None:
    from repair.resources.sorted_lines import SortedLines

    blob = b"# h\nab\t1\nabc\t2\nabd\t3\nb\t4\nba\t5\n"
    lines = SortedLines(blob, 4, block=4)
    assert lines.with_prefix(b"ab") == [(b"ab", b"1"), (b"abc", b"2"), (b"abd", b"3")]
    assert lines.with_prefix(b"b") == [(b"b", b"4"), (b"ba", b"5")]
    assert lines.with_prefix(b"c") == []
    assert lines.with_prefix(b"") == []


def test_wordfreq_pool(monkeypatch: pytest.MonkeyPatch, period_reach: None) -> None:
    # a surname only wordfreq's large list knows (Zipf 1.4), one learned confusion away
    monkeypatch.setattr(ocr_periodreach, "WORDFREQ", False)
    ocr_periodreach._words.cache_clear()
    assert ocr_periodreach.period_candidates("Lewthwarte") == []
    monkeypatch.setattr(ocr_periodreach, "WORDFREQ", True)
    ocr_periodreach._words.cache_clear()
    ocr_periodreach._best.cache_clear()
    got = [c.replacement for c in ocr_periodreach.period_candidates("Lewthwarte")]
    ocr_periodreach._words.cache_clear()
    ocr_periodreach._best.cache_clear()
    assert got == ["Lewthwaite"]


def test_standalone_pieces() -> None:
    from repair.tokenize import tokenize

    toks = tokenize('vita!itiy-which prognostica-tion, \'nonumque (word). "end." ok')
    got = {t.text: ocr_periodreach.standalone(toks, i) for i, t in enumerate(toks)}
    assert not got["itiy"] and not got["prognostica"] and not got["tion"]
    assert got["nonumque"] and got["word"] and got["end"] and got["ok"]


def test_period_reach_skips_pieces(period_reach: None) -> None:
    # a piece of a hyphenated print is read whole or left, never read alone
    page = PAGE.replace("in recognlsanco of", "in recognlsanco-tion of")
    edits = repair_text(page).edits
    assert not any(e.replacement == "recognisance" for e in edits)


def test_printed_otherwise(period_reach: None) -> None:
    counts = {"ANTIQUARIANA": 1, "antiquariana": 1, "Recognlsanco": 0}
    assert ocr_periodreach.printed_otherwise("antiquariana", counts)
    assert not ocr_periodreach.printed_otherwise("recognlsanco", counts)
    # the page prints the form capitalised too: a word of the page, not read
    page = PAGE + " Recognlsanco was the word."
    edits = repair_text(page).edits
    assert not any(e.replacement == "recognisance" for e in edits)
