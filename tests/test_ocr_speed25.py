"""Issue 14, session 25: exact speed-ups of the OCR candidates.

* ``ocr_shortreal._no_name`` counts a print's repeats with ``operator.countOf`` over the
  token texts (no list of them built): the same count as ``list.count``, also on a copy
  of the token list with one token swapped (the affix path's copy).
* ``ocr_abbrev.abbrev_candidates`` asks the cheap Zipf test before the slot tests (all
  pure): the same candidates as the old order, on pages with and without readings.
* ``_Generator._token`` makes a reading's case once: the readings between two capitals
  are still never lower case.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from repair.bench.speed import ocr_speed_text
from repair.candidates import ocr_abbrev, ocr_shortreal
from repair.candidates.ocr import ocr_candidates
from repair.candidates.ocr_abbrev import (
    NEVER_ZIPF,
    _after_capital,
    _name_after,
    _standing,
    abbrev_candidates,
    abbrev_reading,
)
from repair.candidates.ocr_rules import cand
from repair.detect.ocr import detect_ocr
from repair.document import Document
from repair.resources.frequency import zipf
from repair.score.ocr_channel import is_known
from repair.tokenize import tokenize
from repair.types import Candidate, Token

ROOT = Path(__file__).resolve().parent.parent

LIST = "Pte Jas Kirk, Pte Chas Ross, Sgt Geo Hall, Sgt Wm Bell, Pte Jos Carr. "
PAGES = (
    LIST + "Pte Clias Alfred Pugh, L Cpl Philip las George Dene, T Set Geo Tarrant.",
    LIST + "I Set The table, and Clias lacker. St Kilda, St Ives, Al Qaeda hid.",
    "a passenger list. Mrs. Parsing, Meséis. Eyre and Batt. Mr Smith, Dr Da Wei, Ms Emily",
    "Pte Clias Alfred Pugh, L Cpl Philip las George Dene, T Set Geo Tarrant.",
)


@lru_cache(maxsize=1)
def _speed_text() -> str:
    return ocr_speed_text(4_000, ROOT)


def _old_abbrev(toks: list[Token], have: frozenset[tuple[int, int]]) -> list[Candidate]:
    """``abbrev_candidates`` as it was before session 25 (the slot tests first)."""
    page: list[Counter[str]] = []
    out: list[Candidate] = []
    for i, t in enumerate(toks):
        text = t.text
        if t.kind != "word" or not (2 <= len(text) <= ocr_abbrev.MAX_LEN) or not text.isalpha():
            continue
        if text.lower() in ocr_abbrev._KEPT or (text.isupper() and len(text) > 1):
            continue
        if text.islower() and len(text) < ocr_abbrev.LOWER_MIN_LEN:
            continue
        if (t.start, t.end) in have:
            continue
        if not _standing(toks, i):
            continue
        sure = _name_after(toks, i)
        if sure is None:
            continue
        if not page:
            page.append(Counter(x.text for x in toks if x.kind == "word"))
        z = zipf(text.lower())
        if z >= NEVER_ZIPF:
            continue
        common = z >= ocr_abbrev.COMMON_ZIPF
        known = is_known(text.lower())
        if known and (not sure or len(text) < ocr_abbrev.KNOWN_MIN_LEN):
            continue
        found = abbrev_reading(text, page[0], common, _after_capital(toks, i), known)
        if found is None:
            continue
        out.append(
            cand(t.start, t.end, found[0], "OCR_CONFUSION", finding="abbrev",
                 fixed=ocr_abbrev.CONFIDENCE, printed=text, channel_cost=found[1])
        )  # fmt: skip
    return out


def _key(cands: list[Candidate]) -> list[tuple]:
    return [(c.start, c.end, c.replacement, c.source, sorted(c.features.items())) for c in cands]


@pytest.mark.parametrize("text", [*PAGES, "speed"])
def test_abbrev_candidates_as_in_the_old_order(text: str) -> None:
    text = _speed_text() if text == "speed" else text
    toks = tokenize(text)
    got = abbrev_candidates(toks, frozenset())
    assert _key(got) == _key(_old_abbrev(toks, frozenset()))
    # a span already read is left in both
    have = frozenset((c.start, c.end) for c in got[:1])
    assert _key(abbrev_candidates(toks, have)) == _key(_old_abbrev(toks, have))


def test_abbrev_pages_read_and_left() -> None:
    """The comparison above is not empty: the list page reads, the bare page does not."""
    assert [c.replacement for c in abbrev_candidates(tokenize(PAGES[0]), frozenset())] == [
        "Chas",
        "Jas",
        "Sgt",
    ]
    assert abbrev_candidates(tokenize(PAGES[3]), frozenset()) == []


def test_no_name_counts_as_a_list_count() -> None:
    text = _speed_text() + " Ashby went home. Ashby came. Tbe Hoad of Wyatt."
    toks = tokenize(text)
    texts = [t.text for t in toks]
    told = Counter()
    for i, t in enumerate(toks):
        if t.kind != "word" or not (t.text[:1].isupper() and t.text[1:].islower()):
            continue
        want = ocr_shortreal.unnamed(t.text, texts.count(t.text))
        assert ocr_shortreal._no_name(toks, i) is want
        told[want] += 1
    assert told[True] and told[False]  # both answers met
    # the affix path's copy with one token swapped: counted in the copy
    i = texts.index("Ashby")
    copy = list(toks)
    copy[i] = Token("Ash", toks[i].start, toks[i].start + 3, "word")
    assert ocr_shortreal._no_name(copy, i) is ocr_shortreal.unnamed("Ash", texts.count("Ash"))
    j = len(texts) - 1 - texts[::-1].index("Ashby")  # the other "Ashby": now printed once
    assert ocr_shortreal._no_name(copy, j) is ocr_shortreal.unnamed("Ashby", 1)
    assert ocr_shortreal._no_name(toks, j) is False  # printed twice: a name


def test_readings_between_capitals_keep_a_capital() -> None:
    text = _speed_text()
    doc = Document(text)
    out = ocr_candidates(doc, detect_ocr(text, doc.tokens), True)
    toks = doc.tokens
    by_start = {t.start: i for i, t in enumerate(toks)}
    between = 0
    for c in out:
        i = by_start.get(c.start)
        if i is None or c.features.get("finding") not in ("nonword", "capitalized_unknown"):
            continue
        if c.source not in ("OCR_CONFUSION", "OCR_SPELLING", "OCR_DOC_WORD"):
            continue
        if toks[i].end != c.end or not toks[i].text[:1].isupper():
            continue
        if 2 <= i < len(toks) - 2 and toks[i - 1].text == toks[i + 1].text == " ":
            if toks[i - 2].text[:1].isupper() and toks[i + 2].text[:1].isupper():
                between += 1
                assert not c.replacement[:1].islower(), c
    assert between  # the test text has such readings
