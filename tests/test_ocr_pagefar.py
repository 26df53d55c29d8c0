"""Heavily garbled words read as a word their page prints (repair.candidates.ocr_pagefar)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_pagefar
from repair.candidates.ocr_pagefar import page_far_candidates
from repair.tokenize import tokenize


def _read(text: str, words: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The readings of the page ``text``, of the tokens ``words`` (as if flagged)."""
    toks = tokenize(text)
    idx = [i for i, t in enumerate(toks) if t.text in words]
    return [(c.features["orig"][0], c.replacement) for c in page_far_candidates(toks, idx)]


def test_a_page_word_three_letters_away_is_read() -> None:
    page = "The Regiment marched. Then the Rognnont halted at the camp."
    assert _read(page, ("Rognnont",)) == [("Rognnont", "Regiment")]


def test_nothing_when_the_page_does_not_print_the_word() -> None:
    page = "The soldiers marched. Then the Rognnont halted at the camp."
    assert _read(page, ("Rognnont",)) == []


def test_a_common_word_cheaper_than_the_page_word_wins_nothing() -> None:
    # "regions" is a cheaper reading of "Rogmiont" than the page's "Regiment": no clear one
    page = "The Regiment marched. Then the Rogmiont halted at the camp."
    assert _read(page, ("Rogmiont",)) == []


def test_casing_follows_the_print() -> None:
    page = "QUEENSLAND NEWS. The rain in Queensland fell. In QUFPNSLAVD today."
    assert _read(page, ("QUFPNSLAVD",)) == [("QUFPNSLAVD", "QUEENSLAND")]
    heading = "PLAINTIFF AND DEFENDANT. The plimitiff said so."
    assert _read(heading, ("plimitiff",)) == [("plimitiff", "plaintiff")]


@pytest.mark.parametrize("token", ["M'Donald", "mot'prisoner", "uiidcrtikcr's"])
def test_marks_next_to_words_are_not_read_away(token: str) -> None:
    page = f"Donald and the prisoner met the undertaker; then {token} left."
    assert _read(page, (token,)) == []


def test_a_glued_piece_is_not_dropped() -> None:
    page = "Trains to Newcastle and Newcastle again, then forNowcastle tomorrow."
    assert _read(page, ("forNowcastle",)) == []


def test_case_garbled_capitalised_forms_without_a_finding() -> None:
    page = "Mr Gifford spoke. Mr Gifford again, and GilTord left."
    assert _read(page) == [("GilTord", "Gifford")]
    # a known mixed-case form stays
    assert _read("McDonald and McDonald met McLeod, a Macleod.") == []


def test_switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_pagefar, "PAGE_FAR", False)
    page = "The Regiment marched. Then the Rognnont halted at the camp."
    assert _read(page, ("Rognnont",)) == []


def test_a_word_is_never_read() -> None:
    page = "The Regiment marched. Then the regimen halted at the camp."
    assert _read(page, ("regimen",)) == []


@pytest.mark.parametrize(
    ("page", "token"),
    [
        ("The defense said any détente could fail; defense again.", "détente"),  # a loan word
        ("The tariffs rose; tariffs fell. The tariffwas reduced.", "tariffwas"),  # run together
        ("He expected rain, as expected. He expecteda storm.", "expecteda"),
    ],
)
def test_words_spelled_or_run_together_are_left(page: str, token: str) -> None:
    assert _read(page, (token,)) == []


def test_an_unflagged_brand_far_from_a_page_word_stays() -> None:
    assert _read("Tokyo and Tokyo again; TikTok faces a ban.") == []


def test_a_glyph_glued_to_a_word_is_not_read_away() -> None:
    page = "They think so; Think again, Ithink not."
    assert _read(page, ("Ithink",)) == []


def test_the_shape_index_pool_is_the_page_scan() -> None:
    """The retrieval pool from :func:`ocr_pagefar.shape_index` is the set a scan of every
    page word by length and first or last letter gives, each word once (issue 14)."""
    import random

    rng = random.Random(7)
    letters = "abcdeo"
    targets = {
        "".join(rng.choice(letters) for _ in range(rng.randint(4, 12))): "x" for _ in range(3000)
    }
    shapes = ocr_pagefar.shape_index(targets)
    for _ in range(300):
        low = "".join(rng.choice(letters) for _ in range(rng.randint(6, 12)))
        n = len(low)
        scan = [
            w
            for w in targets
            if n - ocr_pagefar.SHORTER <= len(w) <= n + ocr_pagefar.LONGER
            and (w[0] == low[0] or w[-1] == low[-1])
        ]
        pool = ocr_pagefar._pool(low, shapes)
        assert len(pool) == len(set(pool))
        assert set(pool) == set(scan)
