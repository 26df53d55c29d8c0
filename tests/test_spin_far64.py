"""The far reverse reading: reverse-thesaurus originals ranked past the wide cut, kept only
on a large LM lead (repair.candidates.spin_mobyfar, repair.stages.spin_far); issue 11,
session 64 (spinsource).  Shipped off: see benchmarks/RESULTS.md."""

from __future__ import annotations

import pytest

import repair.candidates.spin_mobyrev as mobyrev
import repair.stages.spin as spin
import repair.stages.spin_far as far
from repair.candidates.spin_mobyfar import MAX_PER_LEMMA_FAR, _far_ranked, reverse_originals_far
from repair.document import Document
from repair.resources.frequency import zipf

# "darts" lists "chuck" in Moby, ranked past 48 of the reverse row of "chuck" by Zipf
CHUCKS = (
    "He threw the chucks at the board in the pub, and two of the chucks hit the bullseye. "
    "The chucks game is popular in British pubs, where players throw chucks at a round board."
)


def test_the_far_rows_are_the_ranks_past_the_wide_cut() -> None:
    index = mobyrev.reverse_index()
    near, wide = mobyrev._ranked()["area"], mobyrev._wide_ranked()["area"]
    far_rows = _far_ranked()["area"]
    assert 0 < len(far_rows) <= MAX_PER_LEMMA_FAR - mobyrev.MAX_PER_LEMMA_WIDE
    assert not set(far_rows) & (set(near) | set(wide)) and set(far_rows) <= set(index["area"])
    zs = [zipf(h) for h in (*near, *wide, *far_rows)]
    assert zs == sorted(zs, reverse=True)
    assert "measurement" in reverse_originals_far("area")
    assert not set(reverse_originals_far("area")) & set(mobyrev.reverse_originals_deep("area"))
    assert "darts" in reverse_originals_far("chucks")  # inflected like the written word
    for word in ("the", "u2", "ok"):
        assert reverse_originals_far(word) == ()


def test_far_rows_need_the_lead_the_bar_and_the_document_habit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = Document(CHUCKS)
    d = spin.STAGE.detect(doc)
    assert not any(w.original == "darts" for w in d.words)
    monkeypatch.setattr(far, "FAR_ROWS", 0)
    monkeypatch.setattr(far, "FAR_BAR", 0.1)
    monkeypatch.setattr(far, "FAR_LEAD", 4.0)  # (its lead over "cats" is 4-6 nats)
    rows = far.far_reverse_rows(doc, d, [], 0.5, [])
    assert rows and {c.replacement for c in rows} == {"darts"}
    assert all(c.features["reverse_far"] and c.features["word_bar"] == 0.1 for c in rows)
    assert far.far_reverse_rows(doc, d, [], 0.5, rows) == []  # taken spans are not read
    monkeypatch.setattr(far, "FAR_LEAD", 100.0)  # the far originals must gain far more
    assert far.far_reverse_rows(doc, d, [], 0.5, []) == []
    monkeypatch.setattr(far, "FAR_LEAD", 4.0)
    monkeypatch.setattr(far, "FAR_BAR", 0.3)
    assert far.far_reverse_rows(doc, d, [], 0.5, []) == []
    monkeypatch.setattr(far, "FAR_BAR", 0.1)
    monkeypatch.setattr(far, "FAR_ROWS", 3)  # a reverse habit the document does not show
    assert far.far_reverse_rows(doc, d, [], 0.5, []) == []


def test_the_reverse_reading_adds_them_only_with_the_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(CHUCKS)
    d = spin.STAGE.detect(doc)
    monkeypatch.setattr(far, "FAR_ROWS", 0)
    monkeypatch.setattr(far, "FAR_BAR", 0.1)
    monkeypatch.setattr(far, "FAR_LEAD", 4.0)
    assert far.FAR_REVERSE is False  # shipped off
    assert not any(c.features.get("reverse_far") for c in spin.reverse_reading(doc, d, [], 0.5))
    monkeypatch.setattr(far, "FAR_REVERSE", True)
    got = [c for c in spin.reverse_reading(doc, d, [], 0.5) if c.features.get("reverse_far")]
    assert got and {c.replacement for c in got} == {"darts"}
