"""Session 40 (issue 12): the order of a garbled page's accepted OCR readings
(:mod:`repair.score.ocr_reorder`)."""

from __future__ import annotations

from typing import Any

import pytest

from repair.candidates.ocr_rules import cand
from repair.document import Document
from repair.pipeline import repair_text
from repair.score import ocr_reorder
from repair.types import Candidate


def _item(
    text: str,
    start: int,
    end: int,
    repl: str,
    margin: float,
    subs: list[list[str]] | None,
    **ev: Any,
) -> tuple[float, Candidate, dict[str, Any]]:
    feats: dict[str, Any] = {"orig": [text[start:end]], "alt": [repl], "cost": 1.0}
    if subs is not None:
        feats["subs"] = subs
    c = cand(start, end, repl, "OCR_CONFUSION", **feats)
    return margin, c, {"margin": margin, "finding": "nonword", **ev}


def _order(groups: dict) -> list[str]:
    return [c.replacement for _m, c, _ev in next(iter(groups.values()))]


@pytest.fixture
def flags(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(ocr_reorder, "SUB_PENALTY", 0.5)
    monkeypatch.setattr(ocr_reorder, "NAME_SLOT", False)
    return monkeypatch


def test_flag_values() -> None:
    assert ocr_reorder.SUB_PENALTY == 0.5
    assert ocr_reorder.NAME_SLOT is True
    assert ocr_reorder.LM_SHARE == 0.25


def test_fewer_substitutions_first(flags: pytest.MonkeyPatch) -> None:
    text = "there were ovor 300 applications"
    s, e = text.index("ovor"), text.index("ovor") + 4
    ever = _item(text, s, e, "ever", 8.97, [["o", "e"], ["o", "e"]])
    over = _item(text, s, e, "over", 8.74, [["o", "e"]])
    groups = {(s, e): [ever, over]}
    assert ocr_reorder.rerank(Document(text), groups) == 1
    assert _order(groups) == ["over", "ever"]
    # off: the margins' order stands
    flags.setattr(ocr_reorder, "SUB_PENALTY", 0.0)
    groups = {(s, e): [ever, over]}
    assert ocr_reorder.rerank(Document(text), groups) == 0
    assert _order(groups) == ["ever", "over"]


def test_reading_without_subs_counts_its_distance(flags: pytest.MonkeyPatch) -> None:
    text = "from Oslo sayn that"
    s, e = text.index("sayn"), text.index("sayn") + 4
    say = _item(text, s, e, "say", 6.44, None)  # one letter dropped: distance 1
    says = _item(text, s, e, "says", 5.92, [["n", "s"]])
    groups = {(s, e): [say, says]}
    ocr_reorder.rerank(Document(text), groups)
    assert _order(groups) == ["say", "says"]  # 1 substitution each: the margin decides
    far = _item(text, s, e, "seen", 6.1, None)  # distance 3
    groups = {(s, e): [far, says]}
    ocr_reorder.rerank(Document(text), groups)
    assert _order(groups) == ["says", "seen"]


def test_print_with_marks_left_alone(flags: pytest.MonkeyPatch) -> None:
    text = "found wanderin?; about"
    s, e = text.index("wanderin?;"), text.index("wanderin?;") + len("wanderin?;")
    a = _item(text, s, e, "wandering;", 5.0, [["?", "g"], [";", ";"], ["x", "y"]])
    b = _item(text, s, e, "wandering", 4.9, [["?;", "g"]])
    groups = {(s, e): [a, b]}
    assert ocr_reorder.rerank(Document(text), groups) == 0
    assert _order(groups) == ["wandering;", "wandering"]


def test_known_form_status_kept(flags: pytest.MonkeyPatch) -> None:
    # the new first reading would be refused by the known-form gate where the old one is
    # not: whether the span is read may not change here, so the order stands
    text = "the connel was"
    s, e = text.index("connel"), text.index("connel") + 6
    a = _item(text, s, e, "council", 3.0, [["n", "u"], ["n", "n"], ["e", "c"], ["l", "i"]])
    b = _item(text, s, e, "conner", 2.9, [["l", "r"]], original_zipf=2.0, confusion_cost=6.0)
    groups = {(s, e): [a, b]}
    assert ocr_reorder.rerank(Document(text), groups) == 0
    assert _order(groups) == ["council", "conner"]


def test_name_slot(flags: pytest.MonkeyPatch) -> None:
    text = "CATEE.\nMr Cator, of the Bellambi Colliery"
    s, e = text.index("Cator"), text.index("Cator") + 5
    gates = _item(text, s, e, "gates", 5.28, [["C", "G"], ["o", "e"], ["r", "s"]],
                  lm_logprob_gain=11.24)  # fmt: skip
    cater = _item(text, s, e, "Cater", 1.59, [["o", "e"]], lm_logprob_gain=-0.01)
    flags.setattr(ocr_reorder, "SUB_PENALTY", 0.0)
    groups = {(s, e): [gates, cater]}
    ocr_reorder.rerank(Document(text), groups)
    assert _order(groups) == ["gates", "Cater"]
    flags.setattr(ocr_reorder, "NAME_SLOT", True)
    groups = {(s, e): [gates, cater]}
    assert ocr_reorder.rerank(Document(text), groups) == 1
    assert _order(groups) == ["Cater", "gates"]
    assert ocr_reorder.name_slot_spans(Document("the Cator of"), [(4, 9)]) == set()


# SMH 1880s (public domain), a dev article's 600 characters around the misprint
PAGE = (
    "oso of\ndealing with the application for ronowals of publicans'\nlicenses in the "
    "metropolitan district, wob held at the\nWater Polico Court yesterday, whon Mr. A. M. "
    "Fisher\nand Mr. John Macintosh, L.M.'s., yvoro present.\nThere aro in nil 858 publio "
    "houses in the metro-\npolitan district, and there were ovor 300 ap-\nplications for "
    "renewals of publicans' licenses.\nEight of the applications yvoro objected ' to ;\n"
    "tho remaindor were granted. Transfors of pub-\nlicans' licenses wore granted as "
    "follows:-hroni\nSobastian Hodge (deceased) to Emily H. Hodge\n(widow), for tho "
    "Commercial Hotel, King and\nCastlere"
)


def _reading(text: str, word: str) -> str | None:
    for e in repair_text(text).edits:
        if e.original == word:
            return e.replacement
    return None


def test_end_to_end(flags: pytest.MonkeyPatch) -> None:
    assert _reading(PAGE, "ovor") == "over"
    flags.setattr(ocr_reorder, "SUB_PENALTY", 0.0)
    assert _reading(PAGE, "ovor") == "ever"


def test_name_slot_fixed_name_first(flags: pytest.MonkeyPatch) -> None:
    text = "Mrs. Q. S. Speddlng, Mrs. T. W. Spencer"
    s, e = text.index("Speddlng"), text.index("Speddlng") + 8
    spending = _item(text, s, e, "Spending", -2.07, [["d", "n"], ["l", "i"]],
                     lm_logprob_gain=4.09)  # fmt: skip
    name = cand(s, e, "Spedding", "OCR_NAME", fixed=0.6, subs=[["l", "i"]])
    fallback = (-100.0, name, {"fallback": True, "finding": "nonword"})
    flags.setattr(ocr_reorder, "NAME_SLOT", True)
    groups = {(s, e): [spending, fallback]}
    assert ocr_reorder.rerank(Document(text), groups) == 1
    assert _order(groups) == ["Spedding", "Spending"]
    # a scored reading the model favours (margin >= NAME_FIXED_MARGIN) keeps its place
    strong = _item(text, s, e, "Spending", 0.5, [["d", "n"], ["l", "i"]], lm_logprob_gain=0.1)
    groups = {(s, e): [strong, fallback]}
    ocr_reorder.rerank(Document(text), groups)
    assert _order(groups) == ["Spending", "Spedding"]
    # not a name slot: the fallback stays last
    plain = "the Speddlng, of"
    groups = {(4, 12): [_item(plain, 4, 12, "Spending", -2.07, [["d", "n"]]), fallback]}
    ocr_reorder.rerank(Document(plain), groups)
    assert _order(groups) == ["Spending", "Spedding"]


# SMH 1900s (public domain), the head of a dev article
PAGE_MR = (
    "STATEMENT BV MR. CATEE.\nMr Cator, of the Bellambi Colliery, returned to\nSydnoy "
    'vcstorday morning, and gave tho particulars\ntoa "Herald " representative Ho said \' '
    "Wben\ntho vessel struck thero woro about 100 people on tho\nbeach , but no attempt "
    "was made to savo life as\nthero was no apparatus nvailablo, and boats could\nnot li"
)


def test_name_slot_end_to_end(flags: pytest.MonkeyPatch) -> None:
    assert _reading(PAGE_MR, "Cator") == "gates"
    flags.setattr(ocr_reorder, "NAME_SLOT", True)
    assert _reading(PAGE_MR, "Cator") == "Cater"
