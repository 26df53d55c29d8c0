"""Session 42 (issue 12, ocrlight42): capitalised words a light page vouches for are kept.

A capitalised form printed twice on the page, once in mid-sentence (``REPEAT_KEEP``), and
a one-word exclamation the frequency list knows (``EXCLAIM_KEEP``) keep their letters on
a light page (:mod:`repair.score.ocr_capkeep`); a mid-sentence name read with no model
evidence (``BARE_KEEP``) is off."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.score import ocr_capkeep as ck
from repair.types import Edit

_CONFIG = RepairConfig(spin=False, tortured=False)

_SONNETT = (
    "The firm said tbe new rules would raise costs for its clients, and Mr. Sonnett said "
    "that clients who pay cash may incur higher fees than they did last year. The lawyers "
    "were not amused by tho change. Several of the largest accounting firms have asked the "
    "agency to delay the rules until the end of next year, saying that their clients need "
    "more time to prepare for the new reporting requirements.\nMr. Sonnett said there also "
    "may be other circumstances in which the rules apply, but he declined to say which "
    "ones. Tbe firm's shares fell 2 percent in heavy trading on Tuesday, while the broader "
    "market rose slightly as investors weighed the latest figures on consumer spending and "
    "business investment."
)


@pytest.fixture
def flags() -> Iterator[None]:
    saved = (ck.REPEAT_KEEP, ck.BARE_KEEP, ck.EXCLAIM_KEEP, ck.LIGHT_MAX)
    yield
    ck.REPEAT_KEEP, ck.BARE_KEEP, ck.EXCLAIM_KEEP, ck.LIGHT_MAX = saved


def _edit(text: str, word: str, read: str, rule: str, at: int = 0, **ev: object) -> Edit:
    """An OCR edit reading the ``at``-th ``word`` of ``text`` as ``read``."""
    starts = [m.start() for m in re.finditer(re.escape(word), text)]
    return Edit(starts[at], len(word), word, read, "ocr", 0.8, rule, evidence=dict(ev))


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(e.original, e.replacement) for e in repair_text(text, config=_CONFIG).edits]


def test_repeated_name_kept(flags: None) -> None:
    ck.REPEAT_KEEP = True
    got = _pairs(_SONNETT)
    assert ("Sonnett", "Bennett") not in got
    assert ("tbe", "the") in got and ("Tbe", "The") in got  # the garble is still read
    ck.REPEAT_KEEP = False
    assert _pairs(_SONNETT).count(("Sonnett", "Bennett")) == 2


def test_repeat_needs_light_page(flags: None) -> None:
    ck.REPEAT_KEEP = True
    e = _edit(_SONNETT, "Sonnett", "Bennett", "OCR_CONFUSION")
    text = _SONNETT
    assert ck.keep(text, [e], garble=0.02) == []
    assert ck.keep(text, [e], garble=ck.LIGHT_MAX + 0.01) == [e]  # a garbled page repeats
    ck.REPEAT_KEEP = False
    assert ck.keep(text, [e], garble=0.02) == [e]


def test_repeat_not_at_sentence_start(flags: None) -> None:
    ck.REPEAT_KEEP = True
    text = "Then it rained.\nWoll, I said.\nWoll, then I go home now."
    e = _edit(text, "Woll", "Well", "OCR_CONFUSION")
    assert ck.keep(text, [e]) == [e]  # only a sentence's capital: no vouching


def test_repeat_yields_to_a_commoner_reading(flags: None) -> None:
    ck.REPEAT_KEEP = True
    text = "the beast of Aaauugh ate the beast of Aaauugh; Aaaaugh, Aaaaugh, Aaaaugh."
    e = _edit(text, "Aaauugh", "Aaaaugh", "OCR_DOC_WORD")
    assert ck.keep(text, [e]) == [e]


def test_exclamation_kept(flags: None) -> None:
    ck.EXCLAIM_KEEP = True
    text = "LAUNCELOT: Ha ha!  Huy!\nGUESTS: Uuh!  Aaah! Come, Sir Huy!"
    huy = _edit(text, "Huy", "Hey", "OCR_CONFUSION")
    huy_mark = _edit(text, "Huy!", "Have", "OCR_STRAY_MARK")
    uuh = _edit(text, "Uuh", "Huh", "OCR_CONFUSION")
    sir = _edit(text, "Huy", "Hey", "OCR_CONFUSION", at=1)  # not alone
    assert ck.keep(text, [huy, uuh, sir]) == [sir]
    assert ck.keep(text, [huy_mark]) == []
    ck.EXCLAIM_KEEP = False
    assert ck.keep(text, [huy, uuh, sir]) == [huy, uuh, sir]


def test_exclamation_of_unknown_form_read(flags: None) -> None:
    ck.EXCLAIM_KEEP = True
    text = "CAMERAMAN: Chriat!"
    e = _edit(text, "Chriat", "Christ", "OCR_CONFUSION")
    assert ck.keep(text, [e]) == [e]  # the frequency list lacks "chriat"


def test_bare_name(flags: None) -> None:
    ck.BARE_KEEP = True
    text = "said the economist John Lonski in a report, and Rachel Wbitey agreed."
    cap = "capitalized_unknown"
    lonski = _edit(text, "Lonski", "Lenski", "OCR_CONFUSION", finding=cap, lm_logprob_gain=0.0)
    wbitey = _edit(text, "Wbitey", "Whitey", "OCR_NAME", finding=cap, fallback=True)
    assert ck.keep(text, [lonski, wbitey]) == [wbitey]  # "Wbitey" spells worse
    ck.BARE_KEEP = False
    assert ck.keep(text, [lonski, wbitey]) == [lonski, wbitey]


def test_shipped_flags() -> None:
    assert ck.REPEAT_KEEP is True
    assert ck.EXCLAIM_KEEP is True
    assert ck.BARE_KEEP is False
    assert ck.LIGHT_MAX == 0.05
