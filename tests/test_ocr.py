"""OCR stage: data-driven cases (tests/cases/ocr.json), detection, candidates, edits contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repair.config import RepairConfig
from repair.detect.ocr import detect_ocr, is_garbled
from repair.pipeline import repair_text
from repair.score.ocr_channel import (
    archaic_form,
    confusions,
    correction_candidates,
    split_candidates,
    transfer_case,
)
from repair.write import apply_edits
from tests.conftest import CLEAN_SEEDS, SPUN_SEED

CASES = json.loads((Path(__file__).parent / "cases" / "ocr.json").read_text(encoding="utf-8"))
OCR_ONLY = RepairConfig(mojibake=False, spin=False, tortured=False, min_english_share=0.0)
OCR_KINDS = {"ocr", "spacing", "hyphenation"}


def _params():
    for case in CASES["cases"]:
        marks = [pytest.mark.xfail(strict=True)] if case["expect"] == "fail" else []
        yield pytest.param(case, id=case["label"], marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_case(case: dict) -> None:
    result = repair_text(case["original"], config=OCR_ONLY)
    assert result.text == case["fixed"]
    assert apply_edits(case["original"], result.edits) == result.text
    if case.get("negative"):
        assert result.edits == ()
    for e in result.edits:
        assert e.kind in OCR_KINDS and e.rule.startswith("OCR_")
        assert 0.5 <= e.confidence <= 1.0
        assert e.evidence


def test_cases_have_negatives() -> None:
    assert sum(1 for c in CASES["cases"] if c.get("negative")) >= 5


@pytest.mark.parametrize("path", [SPUN_SEED, *CLEAN_SEEDS], ids=lambda p: p.name)
def test_seeds_get_no_ocr_edits(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    result = repair_text(text, config=OCR_ONLY)
    assert [(e.original, e.replacement) for e in result.edits] == []
    assert result.scores.garble < 0.02


def test_edits_are_smallest_spans_and_keep_surroundings() -> None:
    text = "“Tbe kingwas glad,” she said, “and tbe court witb him.”"
    result = repair_text(text, config=OCR_ONLY)
    assert result.text == "“The king was glad,” she said, “and the court with him.”"
    assert [(e.offset, e.original) for e in result.edits][:2] == [(1, "Tbe"), (5, "kingwas")]
    assert {e.kind for e in result.edits} == {"ocr", "spacing"}


def test_detection_score_and_reasons() -> None:
    garbled = detect_ocr("tbe kingwas very glad hereof,and shaU appoint the rnan")
    clean = detect_ocr("The king was very glad of it, and shall appoint the man.")
    assert garbled.score > 0.3 and clean.score == 0.0
    reasons = garbled.details["reasons"]
    assert reasons["garble_form"] == 1 and reasons["comma_no_space"] == 1
    assert reasons["inner_capital"] == 1 and reasons["nonword"] == 2
    # tbe, hereof,and, shaU, rnan, kingwas (a cheap split): all typical OCR patterns
    assert garbled.details["confusion_words"] == 5 and clean.details["confusion_words"] == 0


def test_unknown_words_that_are_not_ocr_patterns_do_not_count_as_ocr_garble() -> None:
    # dialect, foreign words, a name with an inner capital, a rare compound: unknown
    # words, but none looks like OCR, so the garble gate stays shut
    for text in (
        '"We\'s gwyne to be free, sho\' nuff," said Jim. "Dat\'s de way."',
        "The kaumatua spoke about the maunga and the awa, and the tamariki sang a waiata.",
        "McKenzie bowled to McKenzie's brother, who hit an inswinger past McKenzie.",
    ):
        d = detect_ocr(text)
        assert d.details["confusion_words"] == 0, text


def test_join_of_two_valid_words_needs_strong_evidence() -> None:
    # "quicks" is "quick" + "s" (fast bowlers): "quicks and" is two words even on a
    # garbled page, while a non-word piece still joins ("con crete" is covered by cases)
    text = (
        "Australia's quicks and opening batsmen have put tbe side in a dominant position "
        "witb tbe crowd at the ground. Tbe openers went on tbe attack and the bowlers "
        "were tired by the end of the day."
    )
    result = repair_text(text, config=OCR_ONLY)
    assert "quicks and" in result.text and "the side" in result.text


def test_capitalised_unknown_counts_as_name_not_garble() -> None:
    d = detect_ocr("Officials met Lutnick and Gimhae officials at the port.")
    assert d.score == 0.0
    assert {f.reason for f in d.findings} == {"capitalized_unknown"}


def test_confusion_table_loads_with_costs() -> None:
    table = confusions()
    assert table["U"][0] == ("ll", 0.3)  # learned: the commonest misreading of "ll"
    assert all(cost > 0 for pairs in table.values() for _, cost in pairs)


def test_candidates() -> None:
    assert correction_candidates("rnoney")[0].text == "money"
    assert correction_candidates("Tbe")[0].text == "The"
    assert correction_candidates("Hkewise")[0].text == "likewise"
    assert correction_candidates("TBE")[0].text == "THE"
    assert split_candidates("kingwas")[0].parts == ("king", "was")
    assert split_candidates("KingWas")[0].parts == ("King", "Was")
    assert transfer_case("Tbe", "the") == "The"


def test_archaic_forms_are_recognised() -> None:
    assert archaic_form("tooke") == "took"
    assert archaic_form("controversie") == "controversy"
    assert archaic_form("vpon") == "upon"
    assert archaic_form("rnoney") is None


def test_reflow_keeps_paragraphs() -> None:
    text = "The first line\nand the second.\n\nA new para-\ngraph here."
    plain = repair_text(text, config=OCR_ONLY)
    assert plain.text == "The first line\nand the second.\n\nA new paragraph here."
    compound = "It was a long-\nstanding tradition.\n\nNext."
    cfg = RepairConfig(
        mojibake=False, spin=False, tortured=False, min_english_share=0.0, reflow=True
    )
    flowed = repair_text(text, config=cfg)
    assert flowed.text == "The first line and the second.\n\nA new paragraph here."
    assert repair_text(compound, config=OCR_ONLY).text == compound
    assert repair_text(compound, config=cfg).text == "It was a long-standing tradition.\n\nNext."


def test_benchmark_scoring_counts_fixes_and_breaks() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from ocr_eval import score_file

    from repair.types import Edit

    # aligned OCR/gold: "tbe" is wrong, "cat" right; '#' gold is not scored
    oa, ga = "tbe cat sat ###", "the cat sat ###"
    raw = oa
    fix = Edit(0, 3, "tbe", "the", "ocr", 0.9, "OCR_CONFUSION")
    stats = score_file(raw, oa, ga, [fix], "the cat sat ###")
    assert stats["ed_before"] == 1 and stats["ed_after"] == 0
    assert stats["fixed"] == 1 and stats["broken"] == 0
    breaking = Edit(4, 3, "cat", "cot", "ocr", 0.9, "OCR_CONFUSION")
    stats = score_file(raw, oa, ga, [breaking], "tbe cot sat ###")
    assert stats["broken"] == 1 and stats["ed_after"] == 2


ICDAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "ocr" / "icdar2017_eng_monograph"


@pytest.mark.slow
@pytest.mark.skipif(not ICDAR.is_dir(), reason="ICDAR 2017 data not present at ../shared")
def test_icdar_small_files_improve_without_breaking() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from ocr_eval import OCR_ONLY as CFG
    from ocr_eval import load_icdar, score_file

    tot: dict[str, int] = {}
    for n in range(1, 41):
        raw, oa, ga = load_icdar(ICDAR / f"{n}.txt")
        r = repair_text(raw, config=CFG)
        for k, v in score_file(raw, oa, ga, list(r.edits), r.text).items():
            tot[k] = tot.get(k, 0) + v
    assert tot["ed_after"] < tot["ed_before"]
    assert tot["broken"] / tot["correct"] < 0.005


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "a-\n",
        "-\nfoo",
        "conc-\n",
        "1 1 1 1",
        "x" * 300,
        "tbe" + "q" * 80 + " rnan",
        "Ünïcödé ſtraße ﬁnal 1aw 0",
        "hereof,and ,and a,b 1,000 U.S.-China",
        "word-\n\nnext paragraph",
    ],
)
def test_odd_inputs_replay_exactly(text: str) -> None:
    result = repair_text(text, config=OCR_ONLY)
    assert apply_edits(text, result.edits) == result.text


def test_rare_web_word_in_a_garbled_page_stays() -> None:
    # "nuff" is a non-word to the dictionary but a word on the web (dialect): even on a
    # page with OCR garble it is not re-read as "fluff"
    text = (
        "\"We's gwyne to be free, sho' nuff,\" said Jim to tbe old man. Tbe man witb tbe "
        "dog walked down to the river and sat there for a long time witb his friend."
    )
    result = repair_text(text, config=OCR_ONLY)
    assert "sho' nuff" in result.text and "the old man" in result.text


def test_repeated_unknown_word_counts_once_as_ocr_garble() -> None:
    text = "We trained on datasets. The datasets were large, and the datasets were clean."
    assert detect_ocr(text).details["confusion_words"] <= 1


def test_garble_gate_opens_on_ocr_patterns_not_on_unknown_words() -> None:
    foreign = (
        "Tena koe, e hoa. Ko Aoraki te maunga, ko Waitaki te awa, ko Ngai Tahu te iwi. "
        "The whakapapa of the hapu was recited at the hui, and the rangatira spoke."
    )
    garbled = "Tbe kingwas very glad hereof,and shaU appoint tbe rnan witb tbe horse."
    assert detect_ocr(foreign).score > 0.04 and not is_garbled(detect_ocr(foreign))
    assert is_garbled(detect_ocr(garbled))


def test_word_glued_after_a_clitic_is_split_not_read_as_a_speck() -> None:
    """ "it'sbeen" is "it's been", not "it sheen" (session 36; CLITIC_SPLIT)."""
    from repair.candidates import ocr_spacing

    text = (
        "The mayor said it'sbeen a long year for the council, and tbe budget was cut. "
        "Residents of tbe town were told that it'sbeen agreed by the board."
    )
    assert repair_text(text).text.count("it's been") == 2
    assert ocr_spacing.merged_splits("don'tknow", False) == [(("don't", "know"), 1.0)]
    assert ocr_spacing.merged_splits("o'clock", False) == []  # no clitic
    assert ocr_spacing.merged_splits("it'sxqz", False) == []  # the glued piece is no word
    ocr_spacing.CLITIC_SPLIT = False
    try:
        assert "it's been" not in repair_text(text).text
    finally:
        ocr_spacing.CLITIC_SPLIT = True


SELES = """The 28-year-old player, currently ranked eighth, recovered from a sliaky
start. Seles had to fight hard to get home in straight scts, winning 6-3,
6-4 in 62 minutes. Tlie Americans arc aimingto go onebetter than last year.
Seles said she had expected a hard match after tbe draw. "I was nervous,"
she said. Seles, slow into her stride, lost tbe first set and wonld not
say more about tbe match.
"""


def test_a_name_the_page_prints_three_times_is_not_read_as_a_word() -> None:
    """ "Seles" x3 (Zipf 1.9) is a name of the page, not a garbled "Sales" (session 36)."""
    from repair.candidates import ocr_pagename

    out = repair_text(SELES).text
    assert "Sales" not in out and out.count("Seles") == 3
    assert "tbe" not in out and "sliaky" not in out  # the page's garble is still read
    ocr_pagename.KEEP_PRINTED = False
    try:
        assert "Sales" in repair_text(SELES).text
    finally:
        ocr_pagename.KEEP_PRINTED = True
