"""Session 57, ocrnever: first-glyph capital confusions (issue 12).

:mod:`repair.candidates.ocr_capswap` reads a capitalised non-word of a heavily garbled
page as a common word with another first letter, priced by the learned channel (generic
edits where the table has no row), behind a name test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.candidates import ocr_capswap
from repair.pipeline import repair_text
from repair.types import Candidate, Token

PAGE = (
    "Tho prisoner, a youug man of twenty, was bouud ovor in the sum of £20 and ouo "
    "surety\nto keop tho peaco for six mouths. Tho Bench said tbat tho evidouce was "
    "clear, and\nthat tho dofendant had beeu warued boforo by tho police. His Worship "
    "addod that be would\nuot bo so lenieut on auothor occasiou, aud tho prisoner loft tho "
    "court with bis fatbor. {W} the cost is paid."
)


@pytest.fixture
def swap(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(ocr_capswap, "CAP_SWAP", True)
    ocr_capswap.swap_readings.cache_clear()
    yield
    ocr_capswap.swap_readings.cache_clear()


def _toks(*words: str) -> list[Token]:
    out: list[Token] = []
    at = 0
    for k, w in enumerate(words):
        if k:
            out.append(Token(" ", at, at + 1, "space"))
            at += 1
        out.append(Token(w, at, at + len(w), "word"))
        at += len(w)
    return out


def _read(toks: list[Token], have: tuple[Candidate, ...] = ()) -> list[str]:
    counts: dict[str, int] = {}
    for t in toks:
        if t.kind == "word":
            counts[t.text] = counts.get(t.text, 0) + 1
    return [
        c.replacement for c in ocr_capswap.capswap_candidates(toks, range(len(toks)), counts, have)
    ]


def test_on_by_default_and_switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ocr_capswap.CAP_SWAP is True
    monkeypatch.setattr(ocr_capswap, "CAP_SWAP", False)
    assert _read(_toks("brother", "Qoseph", "paid")) == []


def test_first_glyph_reading(swap: None) -> None:
    assert ocr_capswap.swap_readings("Qoseph") == (("Joseph", 5.0),)
    assert _read(_toks("brother", "Qoseph", "paid")) == ["Joseph"]
    got = ocr_capswap.capswap_candidates(_toks("Qoseph"), [0], {"Qoseph": 1})
    assert got[0].features["threshold"] == ocr_capswap.THRESHOLD
    # the channel price bounds the search: nothing within BOUND nats
    assert ocr_capswap.swap_readings("Qxzqwv") == ()


def test_name_test_keeps_the_print(swap: None) -> None:
    # the print recurs on the page spelled the same way: a name
    assert _read(_toks("Qoseph", "and", "Qoseph")) == []
    # a word or a listed name is kept
    assert ocr_capswap.swap_readings("London") == ()
    assert ocr_capswap.swap_readings("Hobart") == ()
    # shapes it does not read: lower case, capitals, digits, short
    for text in ("qoseph", "QOSEPH", "Qos3ph", "Qos"):
        assert not ocr_capswap.capital_print(text)


def test_rivals_keep_a_print_near_a_name(swap: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # "Frnest": the name Ernest is as near as any common word the swap reaches
    assert ocr_capswap.swap_readings("Frnest") == ()
    monkeypatch.setattr(ocr_capswap, "RIVALS", False)
    ocr_capswap.swap_readings.cache_clear()
    assert ocr_capswap.swap_readings("Frnest") != ()


def test_a_reading_another_builder_made_is_left_to_it(swap: None) -> None:
    toks = _toks("brother", "Qoseph", "paid")
    other = Candidate(8, 14, "Joseph", "ocr", "OCR_CONFUSION", {"cost": 1.0})
    assert _read(toks, (other,)) == []


def test_pipeline_reads_the_swap_only_with_the_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    page = PAGE.replace("{W}", "Qoseph")
    ocr_capswap.swap_readings.cache_clear()
    monkeypatch.setattr(ocr_capswap, "CAP_SWAP", False)
    before = [(e.original, e.replacement) for e in repair_text(page).edits]
    assert ("Qoseph", "Joseph") not in before
    monkeypatch.setattr(ocr_capswap, "CAP_SWAP", True)
    after = [(e.original, e.replacement) for e in repair_text(page).edits]
    assert ("Qoseph", "Joseph") in after
    ocr_capswap.swap_readings.cache_clear()
