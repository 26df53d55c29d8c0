"""The wide reading: Moby originals past the reverse table's cut, read only for rare written
words the first reading did not restore (repair.candidates.spin_wide,
repair.stages.spin.wide_reading); issue 11."""

from __future__ import annotations

import pytest

import repair.stages.spin as spin
from repair.candidates.spin_wide import wide_originals, wide_table
from repair.document import Document
from repair.score.spin_evidence import candidates_for

TEXT = (
    "Shares fell on the sureness exchange in New York. The sureness market closed lower on "
    "Friday, and sureness prices dropped again."
)


def test_wide_table_holds_originals_past_the_cut() -> None:
    table = wide_table()
    assert "stock" in table["sureness"]
    # the main table's candidates of the word do not include it: only the wide one does
    assert "stock" not in candidates_for("sureness")
    assert "stock" in wide_originals("sureness")
    # a common written word has no wide row (the table holds lemmas below Zipf 4.0)
    assert "important" not in table and wide_originals("important") == ()
    assert wide_originals("the") == () and wide_originals("x1y") == ()


def test_wide_originals_are_inflected_like_the_written_word() -> None:
    past = wide_originals("quavered")
    assert past and all(o.endswith("ed") for o in past)
    assert "noted" in past and "note" not in past


def test_wide_reading_restores_a_word_whose_original_is_past_the_cut() -> None:
    doc = Document(TEXT)
    d = spin.STAGE.detect(doc)
    # the first reading proposes a word of the main table, under the bar
    first = [
        (w.original, p) for w, p in zip(d.words, d.probs, strict=True) if w.written == "sureness"
    ]
    assert first and all(o != "stock" and p < 0.5 for o, p in first)
    out = spin.wide_reading(doc, d, [], 0.5)
    assert out and {c.replacement for c in out} == {"stock"}
    assert all(c.features["wide"] and c.features["model_probability"] >= 0.5 for c in out)
    assert all(TEXT[c.start : c.end] == "sureness" for c in out)
    # a higher bar keeps them out; words already under an edit are not read again
    assert spin.wide_reading(doc, d, [], 0.99) == []


def test_wide_reading_skips_common_written_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin, "WIDE_MAX_ZIPF", 1.0)
    doc = Document(TEXT)
    assert spin.wide_reading(doc, spin.STAGE.detect(doc), [], 0.5) == []


def test_the_shipped_forms_are_the_live_inflection_of_the_lemma_row() -> None:
    from repair.candidates.spin_wide import wide_originals_live

    table = wide_table()
    lemmas = {"quaver": table["quaver"]}
    assert wide_originals_live("quavered", lemmas) == table["quavered"]
    assert wide_originals_live("quaver", lemmas) == table["quaver"]
    assert wide_originals_live("quavered", {}) == ()


def test_a_wide_restoration_says_so_in_its_evidence() -> None:
    from repair.score.spin import score_spin

    doc = Document(TEXT)
    out = spin.wide_reading(doc, spin.STAGE.detect(doc), [], 0.5)
    edits = score_spin(doc, 0.99, out, gate=False)
    assert edits and all(e.evidence.get("wide_candidates") for e in edits)
    assert {e.replacement for e in edits} == {"stock"}
