"""A garbled name beside its clean form prefers the page's name (session 32, ocrdoc32:
``repair.candidates.ocr_pagename``) and a name's place asks a margin of costly readings
(``repair.candidates.ocr_nameplace.NAME_PLACE_MARGIN``)."""

from __future__ import annotations

from collections import Counter

import pytest

from repair.candidates import ocr_nameplace, ocr_pagename
from repair.candidates.ocr_nameplace import name_place_margin
from repair.candidates.ocr_pagename import page_name, prefer_page_names
from repair.candidates.ocr_rules import cand
from repair.tokenize import tokenize

#: the settings as the modules define them (read before any test changes them)
DEFAULTS = (ocr_pagename.PAGE_NAME, ocr_nameplace.NAME_PLACE_MARGIN)


def _mbiia() -> list:
    return [
        cand(
            0,
            5,
            "Mbua",
            "OCR_DOC_WORD",
            orig=["Mbiia"],
            alt=["Mbua"],
            cost=1.2,
            threshold=0.0,
            subs=[["ii", "u"]],
        ),
        cand(0, 5, "while", "OCR_CONFUSION", orig=["Mbiia"], alt=["while"], cost=10.8),
        cand(0, 5, "Moira", "OCR_CONFUSION", orig=["Mbiia"], alt=["Moira"], cost=6.0),
        cand(0, 2, "Mb", "OCR_CONFUSION", orig=["Mbiia"], alt=["Mb"], cost=6.0),
        cand(6, 9, "the", "OCR_CONFUSION", orig=["tbe"], alt=["the"], cost=1.0),
    ]


def _read(cands: list) -> list[tuple[str, object]]:
    return [(c.replacement, c.features.get("threshold")) for c in cands]


@pytest.fixture(autouse=True)
def _on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both settings on (PAGE_NAME ships on since session 41; the margin is off)."""
    monkeypatch.setattr(ocr_pagename, "PAGE_NAME", True)
    monkeypatch.setattr(ocr_nameplace, "NAME_PLACE_MARGIN", 1.5)


def test_page_name_on_and_margin_off_by_default() -> None:
    # PAGE_NAME on since session 41 (ocrname41); NAME_PLACE_MARGIN still off
    assert DEFAULTS == (True, None)


def test_the_pages_name_wins_over_a_common_word_and_an_unprinted_name() -> None:
    kept = prefer_page_names(_mbiia(), Counter({"Mbua": 3, "Mbiia": 1}))
    # "while" and "Moira" go; readings of other spans stay; "Mbua" on the page's margin
    assert _read(kept) == [
        ("Mbua", ocr_pagename.THRESHOLD),
        ("Mb", None),
        ("the", None),
    ]


def test_off_keeps_every_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_pagename, "PAGE_NAME", False)
    kept = prefer_page_names(_mbiia(), Counter({"Mbua": 3, "Mbiia": 1}))
    assert [c.replacement for c in kept] == ["Mbua", "while", "Moira", "Mb", "the"]


def test_a_name_the_page_prints_as_often_as_the_token_is_no_evidence() -> None:
    kept = prefer_page_names(_mbiia(), Counter({"Mbua": 1, "Mbiia": 1}))
    assert [c.replacement for c in kept] == ["Mbua", "while", "Moira", "Mb", "the"]


def test_another_printed_name_competes() -> None:
    cands = [*_mbiia(), cand(0, 5, "Mbiri", "OCR_NAME", orig=["Mbiia"], alt=["Mbiri"], cost=3.0)]
    kept = prefer_page_names(cands, Counter({"Mbua": 3, "Mbiri": 2, "Mbiia": 1}))
    assert [c.replacement for c in kept] == ["Mbua", "Mb", "the", "Mbiri"]


def test_a_listed_token_is_left_to_its_readings() -> None:
    # the page prints the garble "Balgownio" more often than the listed name itself
    cands = [
        cand(0, 9, "Balgownio", "OCR_DOC_WORD", orig=["Balgownie"], alt=["Balgownio"], cost=1.0),
        cand(0, 9, "Balgowan", "OCR_CONFUSION", orig=["Balgownie"], alt=["Balgowan"], cost=6.0),
    ]
    kept = prefer_page_names(cands, Counter({"Balgownio": 3, "Balgownie": 1}))
    assert [c.replacement for c in kept] == ["Balgownio", "Balgowan"]
    assert kept[0].features.get("threshold") is None


@pytest.mark.parametrize(
    ("word", "counts", "expected"),
    [
        ("Mbua", {"Mbua": 2}, True),
        ("Mbua", {"Mbua": 1}, False),
        ("Mbua", {"Mbua": 4, "mbua": 1}, False),  # printed in lower case: no name
        ("Company", {"Company": 9}, False),  # a common word
        ("MBUA", {"MBUA": 9}, False),
    ],
)
def test_page_name(word: str, counts: dict[str, int], expected: bool) -> None:
    assert page_name(word, counts) is expected


TEXT = "In 1915. Mr. Tooso (instructed by Mr. Androws) and the Tooso of Reese"


def _margins(text: str, pairs: list[tuple[str, str, int, float]]) -> list[tuple[str, object]]:
    toks = tokenize(text)
    by_start = {t.start: k for k, t in enumerate(toks)}
    counts = Counter(t.text for t in toks if t.kind == "word")
    out = []
    for word, reading, n, cost in pairs:
        tok = [t for t in toks if t.text == word][n]
        out.append(
            cand(
                tok.start,
                tok.end,
                reading,
                "OCR_CONFUSION",
                orig=[word],
                alt=[reading],
                cost=cost,
                threshold=-4.0,
            )
        )
    kept = name_place_margin(out, toks, by_start, counts)
    return [(c.replacement, c.features.get("threshold")) for c in kept]


def test_a_costly_reading_in_a_names_place_needs_the_margin() -> None:
    got = _margins(TEXT, [("Tooso", "Loose", 0, 3.9)])
    assert got == [("Loose", ocr_nameplace.NAME_PLACE_MARGIN)]


def test_a_cheap_reading_a_printed_word_and_other_places_keep_their_margin() -> None:
    got = _margins(
        TEXT,
        [
            ("Androws", "Andrews", 0, 0.4),  # one cheap confusion: the name's own reading
            ("Tooso", "Reese", 0, 6.7),  # the page prints "Reese"
            ("Tooso", "Loose", 1, 3.9),  # after "the": no name's place
        ],
    )
    assert got == [("Andrews", -4.0), ("Reese", -4.0), ("Loose", -4.0)]


def test_name_place_margin_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_nameplace, "NAME_PLACE_MARGIN", None)
    assert _margins(TEXT, [("Tooso", "Loose", 0, 3.9)]) == [("Loose", -4.0)]


def test_a_garble_the_page_prints_twice_is_no_name() -> None:
    # an old book prints "Devdl" twice beside "Devill": less name-like than the print
    cands = [cand(0, 6, "Devdl", "OCR_DOC_WORD", orig=["Devill"], alt=["Devdl"], cost=1.0)]
    kept = prefer_page_names(cands, Counter({"Devdl": 2, "Devill": 1}))
    assert kept[0].features.get("threshold") is None


def test_a_repeated_token_or_a_plain_edit_is_left() -> None:
    counts = Counter({"Mueggelberge": 3, "Mueggelsee": 2})

    def mueggel(**more: object) -> list:
        return [
            cand(
                0,
                10,
                "Mueggelberge",
                "OCR_DOC_WORD",
                orig=["Mueggelsee"],
                alt=["Mueggelberge"],
                cost=4.0,
                **more,
            )
        ]

    plain, subs = mueggel(), mueggel(subs=[["see", "berge"]])
    assert prefer_page_names(plain, counts)[0].features.get("threshold") is None
    assert prefer_page_names(subs, counts)[0].features.get("threshold") is None
    counts["Mueggelsee"] = 1
    assert prefer_page_names(plain, counts)[0].features.get("threshold") is None
    assert prefer_page_names(subs, counts)[0].features.get("threshold") == ocr_pagename.THRESHOLD
