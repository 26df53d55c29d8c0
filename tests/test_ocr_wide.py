"""The wide channel search and the heavy-garble path of the ocr stage (issue 12).

Heavily garbled newspaper words several learned confusions away are read
(:mod:`repair.score.ocr_search`); names of the period name list too; real forms
(mixed case, units, numbers, names the page repeats, old spellings) stay.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from repair.pipeline import repair_text
from repair.score.ocr_channel import correction_candidates
from repair.score.ocr_search import cost_bound, wide_candidates

#: (token, names, reading the wide search must offer among its three cheapest)
WIDE_CASES = [
    ("atlcndanco", False, "attendance"),  # l/t, c/e, o/e
    ("imprlsonraont", False, "imprisonment"),  # l/i, ra/m, o/e
    ("licutouaiit", False, "lieutenant"),  # four confusions
    ("yosterdiij", False, "yesterday"),
    ("Pittwator", True, "Pittwater"),  # a place of the period name list
    ("Erskinc", True, "Erskine"),
]


@pytest.mark.parametrize(("token", "names", "reading"), WIDE_CASES)
def test_wide_search_reads_heavy_garble(token: str, names: bool, reading: str) -> None:
    assert reading in [c.text for c in wide_candidates(token, names=names)[:3]]


def test_wide_search_goes_beyond_the_default_search() -> None:
    # the default search (three confusions, 7.5 nats) does not reach these
    assert "lieutenant" not in [c.text for c in correction_candidates("licutouaiit")]
    assert "lieutenant" in [c.text for c in wide_candidates("licutouaiit")]


def test_names_only_when_asked_and_casing_kept() -> None:
    assert "Pittwater" not in [c.text for c in wide_candidates("Pittwator")]
    assert all(c.text[:1].isupper() for c in wide_candidates("Pittwator", names=True))
    assert [c.text for c in wide_candidates("ATLCNDANCO")[:1]] == ["ATTENDANCE"]


def test_cost_bound_grows_with_length_and_is_capped() -> None:
    assert cost_bound("tbe") < cost_bound("atlcndanco") <= cost_bound("x" * 40)
    assert cost_bound("x" * 40) == cost_bound("x" * 60)


def test_garbage_runs_get_no_search() -> None:
    assert wide_candidates("x" * 25) == ()
    assert wide_candidates("a") == ()


NEWSPAPER = """Tho mooting of tho Council was hold yesterday in tho Town Hall, whon tho
atlcndanco was vory largo. Tho Mayor said tho Council had rcceivcd a lettor
from tho Minister for Lands, and ho was plcased to say that tho railway to
Pittwator would bo commenced forty-thrco days after tho contract was signed.
Mr. Smith, of Sydney, movod that tho lettor bo recoived. Mr. Brown, also of
Sydney, said ho had rocoived no answor from tho Dopartment, and tho cost of tho
IoT sensor, the iPhone and the pH of 7.5 in 10 km of mRNA was 25 kg.
Mr. Kholer said Kholer would stand by Svdney and the medita-
tion hall."""

#: (printed, expected after repair) in the heavily garbled page above
NEWSPAPER_FIXED = [
    ("atlcndanco", "attendance"),  # three confusions: the wide search
    ("Pittwator", "Pittwater"),  # a period place name
    ("thrco", "three"),  # a word of an in-line compound ("forty-thrco")
    ("Svdney", "Sydney"),  # the page prints "Sydney"
]
#: forms that must come through unchanged
NEWSPAPER_KEPT = ["IoT", "iPhone", "pH", "mRNA", "7.5", "10 km", "25 kg", "Kholer said Kholer"]


def test_heavily_garbled_page_is_read_and_real_forms_stay() -> None:
    res = repair_text(NEWSPAPER)
    changed = {(e.original, e.replacement) for e in res.edits}
    for pair in NEWSPAPER_FIXED:
        assert pair in changed, pair
    for form in NEWSPAPER_KEPT:
        assert form in res.text, form
    assert "medita-\ntion" in res.text or "meditation" in res.text  # a broken word, not a piece
    assert all(e.original not in ("IoT", "iPhone", "pH", "mRNA", "Kholer") for e in res.edits)


EARLY_MODERN = """Then the maister tooke his leaue of the Kinge, and shee went vpon the
way with hir seruants, for hee had sayd that the tyme was come to goe
home. Tbe maister was verie wearie, and hee sate downe by the fyre in
tbe kitchin, and his wyfe brought him meate and drinke, and hee was
glad of tbe cheare she made him, and they spake of manie thinges."""


def test_early_modern_print_is_not_read_loosely() -> None:
    # as garbled as a newspaper page, but its unknown words are old spellings
    res = repair_text(EARLY_MODERN)
    originals = {e.original for e in res.edits}
    assert "tbe" in originals  # garble is still repaired
    assert not originals & {"maister", "cheare", "wearie", "manie", "thinges"}


CLEAN = (
    "The council met yesterday in the town hall. The mayor said the railway to "
    "Pittwater would be commenced within forty days, and the IoT sensors cost 25 kg of "
    "paperwork; Mr Kholer agreed.\n"
)


def test_clean_text_is_unchanged_and_builds_no_wide_index() -> None:
    code = (
        "from repair.pipeline import repair_text\n"
        "from repair.score import ocr_search\n"
        f"text = {CLEAN!r}\n"
        "assert repair_text(text).text == text\n"
        "assert ocr_search._word_prefixes.cache_info().currsize == 0\n"
        "assert ocr_search.name_prefixes.cache_info().currsize == 0\n"
        "print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
