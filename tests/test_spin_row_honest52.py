"""A weak profile restoration is declined where the document leaves its written form at
other places unrestored (repair.stages.spin ROW_HONEST, repair.score.spin_row_honest;
session 52, spinseed; issue 11)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_eval import make_config  # noqa: E402

from repair.document import Document  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score.spin_row_honest import left_elsewhere, row_declined  # noqa: E402
from repair.stages import spin as stage  # noqa: E402
from repair.types import Edit  # noqa: E402

#: The opening of a dev document of the simulated seed spinner (Truman's 1949 inaugural
#: address, public domain, spun by benchmarks/spin_sim): the profile's row "nations" ->
#: "countries" fires on "the new nations", an honest word; the document writes "nations"
#: in lower case at three other places that stay ("other nations", "supporting nations",
#: "freedom-loving nations"; "the United Nations", a name, does not count).
TRUMAN = (
    "The initiative is ours.\n\nWe are moving on with other nations to build an even "
    "stronger structure of international order and justice. We shall have as our "
    "partners international locations which, no longer solely concerned with the "
    "drawback of nationwide survival, are now working to enhance the standards of living "
    "of all their folks. We are ready to undertake new projects to strengthen the free "
    "world.\n\nIn the coming years, our program for peace and freedom will emphasize "
    "four major courses of action.\n\nFirst, we will continue to give unfaltering "
    "support to the United Nations and related agencies, and we will continue to search "
    "for ways to strengthen their authority and improve their effectiveness. We imagine "
    "that the United Nations will be strengthened by the new nations which are being "
    "formed in lands now advancing toward self-government under democratic principles.\n"
    "\nSecond, we will continue our programs for world economic recovery.\n\nThis means, "
    "first of all, that we must keep our full weight behind the European recovery "
    "program. We are confident of the success of this major venture in world recovery. "
    "We imagine that our partners in this effort will achieve the status of "
    "self-supporting nations once once more.\n\nIn addition, we must carry out our plans "
    "for reducing the barriers to world commerce and growing its volume. Economic "
    "recovery and peace itself depend on elevated world commerce.\n\nThird, we will "
    "strengthen freedom-loving nations against the dangers of aggression.\n\nWe are now "
    "working out with a number of international locations a joint settlement designed to "
    "strengthen the security of the North Atlantic space."
)


def _pair(start: int, written: str, original: str, strength: str = "weak") -> Edit:
    return Edit(
        start, len(written), written, original, "spin", 0.9, "SPIN_PAIR", "",
        {"strength": strength},
    )  # fmt: skip


def test_shipped_setting() -> None:
    # off: the count reads the whole text, so windowed and whole repairs would differ
    # (tests/test_windows.py); the rule is measured with it set to 2
    assert stage.ROW_HONEST is None
    assert stage.ROW_HONEST_WEAK is True


def test_places_left_elsewhere_are_counted_outside_every_edit() -> None:
    doc = Document("The firm grew. A firm hand helped the firm, and the firm won. Firm Ltd.")
    at = [i for i in range(len(doc.text)) if doc.text.startswith("firm", i)]
    one, two = _pair(at[0], "firm", "company"), _pair(at[1], "firm", "company")
    assert left_elsewhere(doc, [one])[(one.offset, one.end)] == 3
    assert left_elsewhere(doc, [one, two])[(one.offset, one.end)] == 2
    kept, declined = row_declined(doc, [one, two], 3)
    assert (kept, declined) == ([one, two], [])
    kept, declined = row_declined(doc, [one, two], 2)
    assert (kept, declined) == ([], [one, two])


def test_a_capitalised_place_is_a_name_not_an_honest_use() -> None:
    doc = Document("The nations met. The United Nations and the Nations League agreed.")
    e = _pair(4, "nations", "countries")
    assert left_elsewhere(doc, [e])[(4, 11)] == 0
    assert row_declined(doc, [e], 1) == ([e], [])


def test_strong_rows_and_other_rules_are_not_read() -> None:
    doc = Document("The firm grew. A firm hand helped the firm, and the firm won.")
    strong = _pair(4, "firm", "company", "strong")
    other = Edit(4, 4, "firm", "company", "spin", 0.9, "SPIN_SYNONYM", "", {})
    assert row_declined(doc, [strong], 1) == ([strong], [])
    assert row_declined(doc, [strong], 1, weak_only=False) == ([], [strong])
    assert row_declined(doc, [other], 1) == ([other], [])


@pytest.mark.parametrize("setting", [2, None])
def test_the_stage_leaves_an_honest_form_the_document_writes_elsewhere(
    monkeypatch: pytest.MonkeyPatch, setting: int | None
) -> None:
    monkeypatch.setattr(stage, "ROW_HONEST", setting)
    config = make_config("spin,tortured,collocation", False)
    r = repair_text(TRUMAN, (), config)
    at = TRUMAN.index("new nations") + 4
    fixed = {(e.offset, e.replacement) for e in r.edits if e.rule == "SPIN_PAIR"}
    assert fixed, "the profile's gate is open on this document"
    assert ((at, "countries") in fixed) is (setting is None)
