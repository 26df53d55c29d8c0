"""A rare written noun that shows no number reads its candidates in the number its place
fits (repair.detect.rareword.REINFLECT), and the form agreement switch of the candidate
list (repair.candidates.tortured_rare.SAME_FORM, off)."""

from __future__ import annotations

import pytest

from repair.candidates import tortured_rare
from repair.detect import rareword
from repair.document import Document

#: "counterespionage" shows no number; "We use new ... from" reads as "observations"
#: (a dev abstract's sentence), where "observation" loses to "following".
PLURAL_PLACE = "We use new counterespionage from a large telescope to measure the mass."
SINGULAR_PLACE = "A single counterespionage of the star was made."
WORD = "counterespionage"


def _options(text: str, reinflect: bool, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    monkeypatch.setattr(rareword, "REINFLECT", reinflect)
    found = rareword.find(Document(text))
    return [[o.word for o in r.options] for r in found if r.token.text == WORD]


def test_a_place_asking_for_the_plural_ranks_the_candidate_by_its_plural(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _options(PLURAL_PLACE, False, monkeypatch)[0][0] == "following"
    # the candidate keeps its singular form; plural_forms chooses the form restored
    assert _options(PLURAL_PLACE, True, monkeypatch)[0][0] == "observation"


def test_the_plural_pays_the_channel_price(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rareword, "PLURAL_COST", 10.0)  # a plural original ten nats rarer
    assert _options(PLURAL_PLACE, True, monkeypatch)[0][0] == "following"


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
    i = next(k for k, t in enumerate(doc.tokens) if t.text == WORD)
    cands = ("following", "observation")
    plain = rareword.evidence(doc.tokens, i, 2.0, cands, channel=False)
    assert plain.options[0].word == "following"  # the sense, mill and carried readings
    again = rareword.evidence(doc.tokens, i, 2.0, cands, channel=False, reinflect=True)
    assert again.options[0].word == "observation"


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
