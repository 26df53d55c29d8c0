"""Session 59 (spindist): the neighbour-misfit cue of the document spin score — the share of
content words that misfit their context where a distributional neighbour from the shipped
table (``lexicons/spin_neighbours.bin``) fits better, read where a spinner with a thesaurus
of its own writes neighbours; capped under the cut; shipped OFF
(``NEIGHBOUR_MISFIT_WEIGHT`` 0.0, tuned 1.0)."""

from __future__ import annotations

import pytest

from repair.detect import spin_document as sd
from repair.detect import spin_neighbour_misfit as nm
from repair.resources.neighbours import neighbours
from tests.test_spin_common_misfit40 import PLAIN as COMMON_PLAIN

PLAIN = COMMON_PLAIN + (  # the session-40 cue's clean paragraph, and one more
    "Farmers in the north said the rain had come too late for most of their crops, and "
    "many of them would have to borrow money to buy seed for the next planting. The local "
    "mayor said the council was working with the state to find ways to support families "
    "who had lost their income, and that a public meeting would be held next week.\n"
)
#: The same with content words swapped for words whose table rows hold them (a
#: distributional spinner's choice: "reporters" -> "priests", "crops" -> "salaries").
SWAPS = {
    "reporters": "priests",
    "money": "stuff",
    "plan": "consultant",
    "important": "attractive",
    "families": "friends",
    "crops": "salaries",
    "farmers": "politicians",
    "income": "payroll",
    "meeting": "reception",
    "seed": "livestock",
    "prices": "fares",
    "projects": "objects",
    "land": "territory",
    "hard": "cool",
    "low": "weak",
    "time": "moment",
    "councils": "pilots",
    "schools": "industry",
    "spent": "entered",
    "working": "looking",
    "ways": "kinds",
}


def _spun(text: str) -> str:
    import re

    return re.sub(r"[A-Za-z]+", lambda m: SWAPS.get(m.group(), m.group()), text)


SPUN = _spun(PLAIN)


def test_candidates_are_neighbours_of_the_same_shape_both_ways() -> None:
    # forward: the written word's own row; reverse: rows that hold the written word
    assert "nation" in nm.candidates("country")
    for orig, written in SWAPS.items():
        if written in neighbours(orig)[: nm.RANK]:
            assert orig in nm.candidates(written), (orig, written)
    # a form of the word's own lemma is no candidate; every one shares a part of speech
    # and an inflection with it
    assert "countries" not in nm.candidates("country")
    assert all(not c.endswith("s") or c == "nations" for c in nm.candidates("country")[:3])


def test_share_rises_where_neighbours_were_written_and_short_texts_read_zero() -> None:
    hits_plain, n_plain = nm.neighbour_misfits(PLAIN)
    hits_spun, n_spun = nm.neighbour_misfits(SPUN)
    assert n_plain == n_spun >= nm.MIN_WORDS
    assert hits_spun > hits_plain
    assert nm.neighbour_misfit_share(SPUN) == hits_spun / n_spun
    assert nm.neighbour_misfit_share(SPUN) > nm.neighbour_misfit_share(PLAIN)
    assert nm.neighbour_misfit_share("Too short to say anything.") == 0.0
    first = PLAIN.split("\n")[0]
    assert nm.neighbour_misfits(first)[1] < nm.MIN_WORDS
    assert nm.neighbour_misfit_share(_spun(first)) == 0.0  # too few content words


def test_cue_raises_the_surprise_but_alone_never_reaches_the_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert sd.NEIGHBOUR_MISFIT_WEIGHT == 0.0  # shipped off: benchmarks/RESULTS.md, session 59
    assert sd.surprise(0.1, 0.0, neighbour_misfit=0.2) == sd.surprise(0.1, 0.0)
    monkeypatch.setattr(sd, "NEIGHBOUR_MISFIT_WEIGHT", sd.NEIGHBOUR_MISFIT_WEIGHT_TUNED)
    assert sd.surprise(0.1, 0.0, neighbour_misfit=0.2) > sd.surprise(0.1, 0.0)
    for share in (0.12, 0.2, 0.5, 1.0):  # capped: under the cut for any text
        assert sd.surprise(0.0, 0.0, neighbour_misfit=share) < sd.SPUN_AT
        assert sd.document_score(0.0, 0.0, neighbour_misfit=share) < 0.5
    # not in the tie term either: a document just under the cut stays under it
    just_under = sd.surprise(0.0, 0.0, span=sd.SPAN_TAIL[-1][0])
    assert just_under < sd.SPUN_AT
    assert sd.surprise(0.0, 0.0, span=sd.SPAN_TAIL[-1][0], neighbour_misfit=0.3) == max(
        just_under, sd.NEIGHBOUR_MISFIT_WEIGHT * sd.NEIGHBOUR_MISFIT_CAP
    )


def test_pipeline_reads_the_cue_only_when_on_and_never_changes_an_edit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from repair import repair_text

    off = repair_text(SPUN)
    assert "neighbour_misfit_share" not in off.scores.details.get("spin_score", {})
    monkeypatch.setattr(sd, "NEIGHBOUR_MISFIT_WEIGHT", sd.NEIGHBOUR_MISFIT_WEIGHT_TUNED)
    on = repair_text(SPUN)
    assert on.scores.details["spin_score"]["neighbour_misfit_share"] == round(
        nm.neighbour_misfit_share(SPUN), 4
    )
    assert on.scores.spin > off.scores.spin  # the swapped text reads as more spun
    assert on.text == off.text and on.edits == off.edits  # a score users read, never an edit
