"""Form rows and forward Moby originals (repair.candidates.spin_forms) and the spin stage's
form reading (repair.stages.spin.form_reading, FORM_ROWS); issue 11, session 43 (spincand43)."""

from __future__ import annotations

import pytest

import repair.stages.spin as spin
from repair.candidates import spin_forms
from repair.candidates.spin_synonyms import originals_of
from repair.document import Document
from repair.pipeline import repair_text
from repair.score.spin_evidence import WordEvidence

LAMP = (
    "She turned on the atmospheric in the kitchen. The atmospheric was too dim to read by, "
    "so he bought a brighter atmospheric bulb."
)


def test_a_plural_lemma_row_is_read_for_its_own_form() -> None:
    # WordNet's government.n.01 lists "authorities"; lemminflect reads it as "authority"
    assert "government" not in originals_of("authorities")
    assert "government" in spin_forms.form_originals("authorities")
    assert spin_forms.form_originals("house") == ()  # no row of its own beyond its lemma's


def test_form_rows_leave_out_spelling_variants_and_rare_words() -> None:
    assert "colors" not in spin_forms.form_originals("colours")
    for originals in spin_forms.form_index().values():
        assert all(o.isalpha() for o in originals)
        assert len(originals) <= spin_forms.MAX_PER_FORM


def test_forward_originals_are_more_common_and_new() -> None:
    got = spin_forms.moby_forward_originals("necessary")
    assert "important" in got
    assert not set(got) & set(originals_of("necessary"))
    assert spin_forms.moby_forward_originals("the") == ()


def test_extra_originals_read_the_chosen_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin_forms, "SOURCES", ("form",))
    assert spin_forms.extra_originals("necessary") == spin_forms.form_originals("necessary")
    monkeypatch.setattr(spin_forms, "SOURCES", ("form", "forward"))
    assert "important" in spin_forms.extra_originals("necessary")


def _row(start: int, written: str, original: str, gain: float) -> WordEvidence:
    return WordEvidence(start, start + len(written), written, original, gain, 0.0, 0.0, 3,
                        gain)  # fmt: skip


def test_habits_take_their_own_recurrence() -> None:
    rows = [_row(0, "authorities", "government", 6.0), _row(40, "authorities", "government", 6.0)]
    assert spin._habits(rows, 2) == {("authorities", "government")}
    assert spin._habits(rows) == set()  # the hypernym reading's 3


def test_rowless_form_rows_need_a_new_best_original() -> None:
    doc = Document(LAMP)
    d = spin.STAGE.detect(doc)
    rows = spin._rowless_rows(doc, d, [], lambda w: ("light",) if w == "atmospheric" else (), 6.0)
    assert rows and all(r.original == "light" and r.written == "atmospheric" for r in rows)
    assert spin._rowless_rows(doc, d, [], lambda w: (), 6.0) == []


def test_the_stage_reads_form_rows_only_with_the_setting(
    monkeypatch: pytest.MonkeyPatch, spun_seed: str
) -> None:
    calls: list[float] = []
    monkeypatch.setattr(spin, "form_reading", lambda doc, det, edits, bar: calls.append(bar) or [])
    assert not spin.FORM_ROWS  # shipped: off
    repair_text(spun_seed)
    assert calls == []
    monkeypatch.setattr(spin, "FORM_ROWS", True)
    repair_text(spun_seed)
    assert calls and all(b <= 1.0 for b in calls)
