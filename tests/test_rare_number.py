"""A rare written noun that shows no number reads its candidates in the number its place
fits (repair.detect.rareword.REINFLECT), and the form agreement switch of the candidate
list (repair.candidates.tortured_rare.SAME_FORM, off)."""

from __future__ import annotations

import pytest

from repair.candidates import tortured_rare
from repair.detect import rareword
from repair.document import Document

#: "numeration" shows no number; "X-ray numeration show" asks for "measurements".
PLURAL_PLACE = "We took X-ray numeration. X-ray numeration show that the crystal size increases."
SINGULAR_PLACE = "A single numeration of the crystal size was made."


def _options(text: str, reinflect: bool, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    monkeypatch.setattr(rareword, "REINFLECT", reinflect)
    found = rareword.find(Document(text))
    return [[o.word for o in r.options] for r in found if r.token.text == "numeration"]


def test_a_place_asking_for_the_plural_ranks_the_candidate_by_its_plural(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    off = _options(PLURAL_PLACE, False, monkeypatch)
    on = _options(PLURAL_PLACE, True, monkeypatch)
    assert [o[0] for o in off] == ["count", "count"]
    # the first place ("took X-ray numeration.") keeps the singular's reading; the second
    # reads "measurement" by "measurements show"; the word restored stays the singular
    assert [o[0] for o in on] == ["count", "measurement"]


def test_singular_places_and_marked_nouns_are_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _options(SINGULAR_PLACE, True, monkeypatch) == _options(
        SINGULAR_PLACE, False, monkeypatch
    )
    text = "X-ray numerations show that the crystal size increases."  # plural written
    monkeypatch.setattr(rareword, "REINFLECT", True)
    on = [r.options for r in rareword.find(Document(text))]
    monkeypatch.setattr(rareword, "REINFLECT", False)
    assert [r.options for r in rareword.find(Document(text))] == on


def test_other_readings_of_the_evidence_never_reinflect() -> None:
    doc = Document(PLURAL_PLACE)
    i = max(k for k, t in enumerate(doc.tokens) if t.text == "numeration")
    plain = rareword.evidence(doc.tokens, i, 2.0, ("count", "measurement"))
    assert plain.options[0].word == "count"  # the sense, mill and carried readings
    again = rareword.evidence(doc.tokens, i, 2.0, ("count", "measurement"), reinflect=True)
    assert again.options[0].word == "measurement"


@pytest.mark.parametrize(
    ("written", "candidate", "same"),
    [
        ("clamored", "called", True),
        ("agglomerates", "groups", True),
        ("neonates", "child", False),  # plural noun against a singular
        ("solar", "sun", False),  # adjective against a noun
        ("martello", "tower", True),  # no reading for the written word: let through
    ],
)
def test_same_form(written: str, candidate: str, same: bool) -> None:
    assert tortured_rare.same_form(written, candidate) is same


def test_same_form_switch_is_off_and_filters_when_on(monkeypatch: pytest.MonkeyPatch) -> None:
    assert tortured_rare.SAME_FORM is False

    def fresh() -> tuple[str, ...]:
        tortured_rare._ranked.cache_clear()
        return tortured_rare.ranked("elderly", 50)

    try:
        assert "older" in fresh()  # comparative: lemminflect shares no tag with "elderly"
        monkeypatch.setattr(tortured_rare, "SAME_FORM", True)
        on = fresh()
        assert "older" not in on and "old" in on
    finally:
        monkeypatch.undo()
        fresh()
