"""The wide reverse reading: originals ranked past the reverse rows' cut, read where the
reverse reading leaves a word unrestored (repair.candidates.spin_mobyrev.reverse_originals_wide,
repair.stages.spin.wide_reverse_rows); issue 11, session 33 (spincover33)."""

from __future__ import annotations

import pytest

import repair.candidates.spin_mobyrev as mobyrev
import repair.stages.spin as spin
from repair.document import Document
from repair.resources.frequency import zipf

# (written, original) pairs of the any-rank simulator `spinbot` (dev) whose original sits
# past rank MAX_PER_LEMMA of the written word's reverse row
PAST_THE_CUT = [("battle", "breast"), ("fathom", "step")]

BATTLE = (
    "A British study has found that the incidence of battle cancer is higher in rural areas. "
    "The report says battle cancer is now the leading cause of cancer death among women, "
    "and screening for battle cancer should start earlier."
)


@pytest.mark.parametrize(("written", "original"), PAST_THE_CUT)
def test_wide_originals_hold_what_the_ranked_rows_cut(written: str, original: str) -> None:
    assert original not in mobyrev.reverse_originals(written)
    assert original in mobyrev.reverse_originals_wide(written)
    deep = mobyrev.reverse_originals_deep(written)
    assert deep[: len(mobyrev.reverse_originals(written))] == mobyrev.reverse_originals(written)
    assert original in deep


def test_wide_rows_are_the_next_ranks_by_zipf_and_disjoint_from_the_ranked_rows() -> None:
    index = mobyrev.reverse_index()
    ranked = mobyrev._ranked()["assembly"]
    wide = mobyrev._wide_ranked()["assembly"]
    assert len(ranked) == mobyrev.MAX_PER_LEMMA
    assert 0 < len(wide) <= mobyrev.MAX_PER_LEMMA_WIDE - mobyrev.MAX_PER_LEMMA
    assert not set(ranked) & set(wide) and set(wide) <= set(index["assembly"])
    zs = [zipf(h) for h in ranked + wide]
    assert zs == sorted(zs, reverse=True)
    assert len(index["abjection"]) < mobyrev.MAX_PER_LEMMA
    assert "abjection" not in mobyrev._wide_ranked()  # a short row has no wide part
    for word in ("the", "u2", "ok"):
        assert mobyrev.reverse_originals_wide(word) == ()


def test_wide_reverse_rows_restore_an_original_past_the_cut() -> None:
    doc = Document(BATTLE)
    d = spin.STAGE.detect(doc)
    assert not any(w.original == "breast" for w in d.words)
    rows = spin.wide_reverse_rows(doc, d, [], 0.5, [])
    assert rows and {c.replacement for c in rows} == {"breast"}
    assert all(c.features["reverse_wide"] for c in rows)
    assert all(spin.REVERSE_WIDE_BAR <= c.features["model_probability"] < 0.5 for c in rows)
    assert all(doc.text[c.start : c.end] == "battle" for c in rows)
    # rows another reverse row already holds are not read again
    assert spin.wide_reverse_rows(doc, d, [], 0.5, rows) == []


def test_wide_reverse_rows_are_decided_at_their_own_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(BATTLE)
    d = spin.STAGE.detect(doc)
    assert spin.reverse_reading(doc, d, [], 0.5)  # shipped: on, in every reverse reading
    monkeypatch.setattr(spin, "REVERSE_WIDE_BAR", 0.45)
    assert spin.wide_reverse_rows(doc, d, [], 0.5, []) == []
    monkeypatch.setattr(spin, "REVERSE_WIDE_BAR", 0.15)
    assert all(c.features["word_bar"] == 0.15 for c in spin.wide_reverse_rows(doc, d, [], 0.5, []))
    low = spin.wide_reverse_rows(doc, d, [], 0.1, [])  # never above the document's bar
    assert low and all(c.features["word_bar"] == 0.1 for c in low)
    monkeypatch.setattr(spin, "REVERSE_WIDE_GAIN", 100.0)
    assert spin.wide_reverse_rows(doc, d, [], 0.5, []) == []


def test_the_reverse_reading_adds_them_only_with_the_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = Document(BATTLE)
    d = spin.STAGE.detect(doc)
    got = spin.reverse_reading(doc, d, [], 0.5)
    assert any(c.features.get("reverse_wide") for c in got)
    monkeypatch.setattr(spin, "REVERSE_WIDE", False)
    assert not any(c.features.get("reverse_wide") for c in spin.reverse_reading(doc, d, [], 0.5))
    monkeypatch.setattr(spin, "REVERSE_WIDE", True)
    monkeypatch.setattr(spin, "REVERSE_WIDE_ROWS", 3)  # a habit the document does not show
    assert not any(c.features.get("reverse_wide") for c in spin.reverse_reading(doc, d, [], 0.5))


def test_a_wide_lead_reads_the_wide_originals_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(BATTLE)
    d = spin.STAGE.detect(doc)
    assert spin.REVERSE_WIDE_LEAD is None  # shipped: ranked with every other candidate
    monkeypatch.setattr(spin, "REVERSE_WIDE_LEAD", 0.0)
    rows = spin.wide_reverse_rows(doc, d, [], 0.5, [])
    assert rows and {c.replacement for c in rows} == {"breast"}
    monkeypatch.setattr(spin, "REVERSE_WIDE_LEAD", 100.0)
    assert spin.wide_reverse_rows(doc, d, [], 0.5, []) == []
