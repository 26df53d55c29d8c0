"""Session 54 (ocrhead, issue 12): a page "name" that is a merge is not read; a word printed
in two pieces with a misread head read through the channel."""

from __future__ import annotations

from collections import Counter

import pytest

from repair.candidates import ocr_garbledhead, ocr_losthead
from repair.tokenize import tokenize


def _read(text: str) -> list[tuple[str, str]]:
    out = ocr_losthead.restore_heads(tokenize(text), [])
    rules = {ocr_losthead.RULE, ocr_garbledhead.RULE}
    return [(e.original, e.replacement) for e in out if e.rule in rules]


@pytest.fixture
def split_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_losthead, "SPLIT_HEAD", True)
    monkeypatch.setattr(ocr_losthead, "LOST_HEAD", False)
    monkeypatch.setattr(ocr_garbledhead, "GARBLED_HEAD", False)


@pytest.mark.parametrize("guard", [True, False])
def test_merge_the_web_never_uses(
    guard: bool, split_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the noise printed "Khalafcame" once; a rare head passes the two-common-words gate
    monkeypatch.setattr(ocr_losthead, "MERGE_GUARD", guard)
    text = "Then Khalafcame home. Later Khalaf\ncame back"
    assert _read(text) == ([] if guard else [("Khalaf\ncame", "Khalafcame")])


@pytest.mark.parametrize("guard", [True, False])
def test_merge_head_printed_alone(
    guard: bool, split_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Hamil" is a word of this page: "Hamil⏎ton" is "Hamil" and "ton" (the web knows "Hamilton")
    monkeypatch.setattr(ocr_losthead, "MERGE_GUARD", guard)
    text = "The Hamilton team. Hamil said so. Then Hamil\nton of coal"
    assert _read(text) == ([] if guard else [("Hamil\nton", "Hamilton")])


@pytest.mark.parametrize("guard", [True, False])
def test_name_of_two_common_pieces_read(
    guard: bool, split_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SMH dev: "Al⏎fred", "New⏎town"; the old gate on two common words stopped them
    monkeypatch.setattr(ocr_losthead, "MERGE_GUARD", guard)
    text = "Alfred Smith came. Mr. Al\nfred Smith spoke"
    assert _read(text) == ([("Al\nfred", "Alfred")] if guard else [])


def test_same_break_twice_is_no_head_alone(split_on: None) -> None:
    # the page breaks the name the same way twice: "Al" is never printed on its own
    text = "Alfred Smith came. Mr. Al\nfred Smith spoke. Mr. Al\nfred left"
    assert _read(text) == [("Al\nfred", "Alfred"), ("Al\nfred", "Alfred")]


def test_hyphen_is_no_merge(split_on: None) -> None:
    assert _read("for Newcastle. New to New-\ncastle") == [("New-\ncastle", "Newcastle")]


def test_merged_predicate() -> None:
    toks = tokenize("Xi spoke. Xitold them. Xi\ntold")
    i = max(k for k, t in enumerate(toks) if t.text == "Xi")
    assert ocr_losthead.merged(toks, i, "Xitold")
    toks = tokenize("Morrice came. Mor\nrice")
    i = max(k for k, t in enumerate(toks) if t.text == "Mor")
    assert not ocr_losthead.merged(toks, i, "Morrice")  # the web knows it; "Mor" never alone


def test_split_head_ships_on() -> None:
    assert ocr_losthead.SPLIT_HEAD and ocr_losthead.MERGE_GUARD


@pytest.mark.parametrize(
    ("head", "tail", "word"),
    [
        ("Prank", "fort", "Frankfort"),
        ("Yeo", "mon", "Yeomen"),
        ("Cn", "airman", "Chairman"),
        ("What", "more", None),  # the plain join: the line join's reading
        ("Chinese", "purchases", None),
        ("Bent", "imin", None),  # two misread letters: dearer than MAX_COST
    ],
)
def test_channel_reading(head: str, tail: str, word: str | None) -> None:
    assert ocr_garbledhead.reading(head, tail, Counter()) == word


def test_channel_reading_page_name() -> None:
    # SMH dev "Mun umburrah": the vocabulary lacks the name, the page must print it
    names = Counter({"Murrumburrah": 2})
    assert ocr_garbledhead.reading("Mun", "umburrah", names) == "Murrumburrah"
    assert ocr_garbledhead.reading("Mun", "umburrah", Counter()) is None


@pytest.mark.parametrize("flag", [True, False])
def test_garbled_head_flag(flag: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_losthead, "SPLIT_HEAD", False)
    monkeypatch.setattr(ocr_losthead, "LOST_HEAD", False)
    monkeypatch.setattr(ocr_garbledhead, "GARBLED_HEAD", flag)
    monkeypatch.setattr(ocr_garbledhead, "TWO_WORDS_STAY", False)
    text = "tho Gardens at Prank\nfort, and lho Cn airman said"
    want = [("Prank\nfort", "Frankfort"), ("Cn airman", "Chairman")]
    assert _read(text) == (want if flag else [])


def test_two_words_stay_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_garbledhead, "GARBLED_HEAD", True)
    monkeypatch.setattr(ocr_garbledhead, "TWO_WORDS_STAY", True)
    assert _read("tho Gardens at Prank\nfort, and lho Cn airman said") == [
        ("Cn airman", "Chairman")
    ]
    assert _read("of swimming He\ngot quickly out") == []  # synthetic ICDAR: not "Begot"


def test_garbled_head_ships_on() -> None:
    assert ocr_garbledhead.GARBLED_HEAD and ocr_garbledhead.TWO_WORDS_STAY


@pytest.mark.parametrize("line_end_only", [True, False])
def test_inline_hyphen_is_the_prints_own(
    line_end_only: bool, split_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # synthetic ICDAR: the monograph prints "Van-dermast" beside "Vandermast"
    monkeypatch.setattr(ocr_losthead, "LINE_END_ONLY", line_end_only)
    text = "the coniurer Vandermast came. Bungye tormented Van-dermast in another"
    want = [] if line_end_only else [("Van-dermast", "Vandermast")]
    assert _read(text) == want
    assert _read("Vandermast came. Bungye tormented Van-\ndermast in") == [
        ("Van-\ndermast", "Vandermast")
    ]


@pytest.mark.parametrize("flag", [True, False])
def test_pipeline_reads_chairman(flag: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_heavyjoin
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    monkeypatch.setattr(ocr_garbledhead, "GARBLED_HEAD", flag)
    if not flag:  # since session 61 the heavy page's same-line reading joins it too (ocrsplit)
        monkeypatch.setattr(ocr_heavyjoin, "SAME_LINE_PRIOR", False)
    text = (
        "Tho meeting of tho Progress Association was hold last night, when lho Cn airman\n"
        "oxplaincd that tho railway to bo built would servo tho district woll, and that tho\n"
        "Minister had promisod to recoivo a deputation from tho residents next wook.\n"
    )
    out = repair_text(text, config=RepairConfig()).text
    assert ("Chairman" in out) is flag


def test_garbled_head_plain_space_needs_a_non_word_head(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_garbledhead, "GARBLED_HEAD", True)
    assert _read("at the Prank fort gate") == []  # "Prank" is a word: a plain space stays
    assert _read("and Ho died at home") == []  # "died" is a common word: not "Bodied"


def test_garbled_head_not_a_numeral_nor_a_word_of_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_garbledhead, "GARBLED_HEAD", True)
    monkeypatch.setattr(ocr_losthead, "SPLIT_HEAD", False)
    # audit dev: "James II⏎and VII" read "Hand" through the row "II" -> "h"
    assert _read("future James II\nand VII of England") == []
    # a head the page prints alone before a common tail: two words
    assert _read("Prank came. at Prank\nfort, and") == []
