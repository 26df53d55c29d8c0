"""Word boundaries in OCR: words broken at a line end whose pieces are both words,
line-end hyphens hidden by a speck, a lone letter split from its word."""

import pytest

import repair.candidates.ocr_line_join as lj
from repair.candidates.ocr_garbled_join import garbled_joins
from repair.candidates.ocr_line_join import line_joins, speck_hyphen_joins
from repair.pipeline import repair_text
from repair.tokenize import tokenize

COLUMN = """The Mayor said tho Council bad resolved to ask
tho Govornment for a grant towards tho now
bridge, and that the work would be com
menced without delay. Tho motion was car
ried, and a vote of thanks was accorded to tho
chairman. Mr. Vin
cent Flynn proposed that tho meeting ad
journ until next Satur- ¡
day at 3 o'clock in tho afternoon."""


def _replacements(cands: list) -> list[str]:
    return [c.replacement for c in cands]


def _index(toks: list, text: str) -> int:
    return next(k for k, t in enumerate(toks) if t.text == text)


def test_two_word_pieces_join_across_a_line_break() -> None:
    assert _replacements(line_joins(tokenize("William Floyd Leslie Vin\ncent Flynn."), {})) == [
        "Vincent"
    ]


def test_joined_pieces_are_read_through_the_confusion_model() -> None:
    toks = tokenize("an increase over the pro\ncoding year of")
    assert "preceding" in _replacements(line_joins(toks, {}))


def test_a_capitalised_piece_joins_into_a_period_name() -> None:
    toks = tokenize("Pts. Robert Edward Broad\nfoot, Robert Edward")
    assert _replacements(line_joins(toks, {})) == ["Broadfoot"]


def test_two_common_words_blank_lines_and_non_word_findings_are_left() -> None:
    assert line_joins(tokenize("they were scarce any\nthing the better"), {}) == []
    assert line_joins(tokenize("Leslie Vin\n\ncent Flynn."), {}) == []
    toks = tokenize("the train, his com\npanions in another")
    findings = {toks[_index(toks, "panions")].start: "nonword"}
    assert line_joins(toks, findings) == []  # the non-word finding's own join


def test_switch_turns_line_joins_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lj, "LINE_JOINS", False)
    assert line_joins(tokenize("William Floyd Leslie Vin\ncent Flynn."), {}) == []


def test_a_speck_after_a_line_end_hyphen_or_in_its_place() -> None:
    assert _replacements(speck_hyphen_joins(tokenize("last Satur- ¡\nday, with"))) == ["Saturday"]
    toks = tokenize("The Housing Com\n| mission does not")
    assert _replacements(speck_hyphen_joins(toks)) == ["Commission"]


def test_real_marks_and_glued_specks_are_no_lost_hyphen() -> None:
    # "¡s" is a misread "is", a comma at a line end is a comma
    assert speck_hyphen_joins(tokenize("this wide privilege\n¡s that the")) == []
    assert speck_hyphen_joins(tokenize("bread,\nbutter and")) == []
    # a plain line-end hyphen is the detector's finding, not this rule's
    assert speck_hyphen_joins(tokenize("last Satur-\nday, with")) == []


def test_lone_lower_case_letter_joins_its_garbled_neighbour() -> None:
    toks = tokenize("the chairman was accorded a v oto of thanks")
    assert "vote" in _replacements(garbled_joins(toks, _index(toks, "oto"), "nonword"))
    toks = tokenize("Messrs. E. M ivor and others")
    assert garbled_joins(toks, _index(toks, "ivor"), "nonword") == []  # an initial


def test_garbled_column_is_joined_in_context() -> None:
    res = repair_text(COLUMN)
    assert "was carried," in res.text
    assert "Mr. Vincent Flynn" in res.text
    assert "next Saturday at" in res.text
    # edits are spans on the original: applying them reproduces the output
    out, last = [], 0
    for e in sorted(res.edits, key=lambda e: e.offset):
        out += [COLUMN[last : e.offset], e.replacement]
        last = e.offset + len(e.original)
    assert "".join(out) + COLUMN[last:] == res.text


def test_clean_text_line_breaks_stay() -> None:
    clean = "We went in\nto the house, and any\none of us could see it.\n"
    assert repair_text(clean).text == clean


def test_garbled_join_keeps_a_compound_only_when_the_kept_piece_is_a_word() -> None:
    toks = tokenize("his vehicles from the ro\ncently established route")
    assert "recently" in _replacements(garbled_joins(toks, _index(toks, "cently"), "nonword"))
    toks = tokenize("a good health carc system")
    assert "healthcare" not in _replacements(garbled_joins(toks, _index(toks, "carc"), "nonword"))
