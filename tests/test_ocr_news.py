"""Newspaper OCR: lists of names, document-level consistency, precision guards."""

from __future__ import annotations

from repair.config import RepairConfig
from repair.detect.ocr_language import english_list_text
from repair.pipeline import repair_text

ROLL_CALL = (
    "TIIE LIST.\n"
    "Tho following l8 a list of tho soldiers who\n"
    "will disembark to-day -\n"
    "Captain Stanley Ourles Calderwood.\n"
    "Lieut Charlea Thomnson Wood\n"
    "Ptes Alfred John Alexander Frrol Angus, Sgt.\n"
    "Horace leslie Appleton Pte Frlc Edmund Apps.\n"
    "I'tes Gilbert Jamca Batea Gerald Beckett, ltobert\n"
    "William Hell, L cpl Melton Henry Ilenjaniin,\n"
    "Spr George Wm Harry lllakewa», Pte Samuel Bott\n"
    "zeil, Cpl T Archibald David Uowcr, Pte William\n"
    "Llojd Botvron, Gur Jolin Harold Boyd, Ftr But\n"
    "George Ilcnrj llrlndlev Pte Robert Edward Broad\n"
    "foot, Robert Fdward Brampton Jatnea ltobert Bur\n"
    "nett Ilarrj Bush Jeffrey Butcliard, and the rest of the men.\n"
)


def test_a_roll_call_is_english_and_gets_repaired() -> None:
    assert english_list_text(ROLL_CALL)
    result = repair_text(ROLL_CALL, config=RepairConfig())
    assert "ocr:non_english" not in result.scores.skipped
    assert result.text != ROLL_CALL


def test_foreign_lists_of_names_stay_refused() -> None:
    french = (
        "Le président et les représentants des syndicats sont à Paris avec Jean, Pierre "
        "et Marie. Les délégués de Lyon et de Marseille sont arrivés hier pour la réunion."
    )
    german = (
        "Der Kanzler ist mit Herrn Müller und Frau Schmidt in Berlin, auch Hans und Peter "
        "sind dabei. Die Vertreter der Gewerkschaften werden sich auf den Plan einigen."
    )
    for text in (french, german):
        assert not english_list_text(text + " the of and")
        assert "ocr:non_english" in repair_text(text, config=RepairConfig()).scores.skipped


def test_a_garbled_form_of_a_word_the_page_repeats_is_read_as_it() -> None:
    from repair.candidates.ocr_docvocab import doc_vocab_candidates
    from repair.tokenize import tokenize

    text = (
        "Mr Charles Darragh moved the motion. Mr Charles Darragh said the Committee "
        "would meet. Charlea Dirragh and the Comrnitteo agreed; the Committee rose."
    )
    found = {(c.features["orig"][0], c.replacement) for c in doc_vocab_candidates(tokenize(text))}
    assert found == {("Charlea", "Charles"), ("Dirragh", "Darragh"), ("Comrnitteo", "Committee")}


def test_document_consistency_leaves_words_and_old_spellings() -> None:
    from repair.candidates.ocr_docvocab import doc_vocab_candidates
    from repair.tokenize import tokenize

    # a known word, a possessive, an old spelling near a repeated word: no reading
    text = "The Times and the Times. Time's up; he did protest, protest, and profest it."
    assert doc_vocab_candidates(tokenize(text)) == []


CLIPPING = (
    "The pilot jumped unhurt\n"
    "? from the blazing cockpit of\n"
    ". a small aircraft which\n"
    ": crashed in the front garden\n"
    "of a house in the main street\n"
    "! yesterday. The machine\n"
    ". exploded, and the fire\n"
    "destroyed the plane. He had been\n"
    "? working on it for three weeks.\n"
)


def test_specks_at_a_column_edge_open_the_gate_and_are_deleted() -> None:
    from repair.detect.ocr import detect_ocr, is_garbled

    assert is_garbled(detect_ocr(CLIPPING))
    out = repair_text(CLIPPING, config=RepairConfig()).text
    assert "\nfrom the blazing" in out and "\na small aircraft" in out
    assert "\nexploded, and" in out and "\nworking on it" in out


def test_wrapped_punctuation_and_tables_are_no_specks() -> None:
    from repair.detect.ocr_specks import speck_count

    text = "He came, like\n, swiftly as ever\n| name | words |\n| a | b |\nso it goes\n- a list\n"
    assert speck_count(text) == 0
    assert repair_text(text, config=RepairConfig()).text == text


MINUTES = (
    "Tho Council mot yesterday, and tho motion was carried. By Alderman Smith : That tho\n"
    "Improvement Committee bo asked to report on tho matter. Tho Mayor said it waa\n"
    "wrong. M. Caron had written to tho Council. M. Caron waa not present, but M.\n"
    "Caron sent a letter to tho Town Clerk, who rcad it aloud to tho mooting.\n"
)


def test_names_the_page_repeats_are_not_split_nor_lowered() -> None:
    result = repair_text(MINUTES, config=RepairConfig())
    assert result.text.count("M. Caron") == 2 and "\nCaron sent" in result.text
    assert "Improvement Committee" in result.text
    assert "The Council met yesterday" in result.text  # the garble around them is repaired


def test_a_word_of_a_name_keeps_its_capital() -> None:
    from repair.candidates.ocr_case import case_candidates
    from repair.tokenize import tokenize

    toks = tokenize("sent to tho Industrial School and the Improvement Committee met")
    for i, t in enumerate(toks):
        if t.text in ("Industrial", "Improvement"):
            assert case_candidates(toks, i, frozenset(), {}, garbled=True) == []


def test_clear_errors_of_lightly_garbled_text_are_fixed() -> None:
    from repair.detect.ocr import detect_ocr, is_garbled

    text = (
        "The court held that the appellant had not shown any error in the record, and "
        "the judgment of the lower court was affirmed. It was announced recentlv that "
        "the parties had agreed to the terms of the settlement before the hearing."
    )
    assert not is_garbled(detect_ocr(text))  # one error: the gate stays shut
    assert "announced recently that" in repair_text(text, config=RepairConfig()).text


def test_light_reading_leaves_rare_words_names_and_hyphen_pieces() -> None:
    text = (
        "The Quixley estate was sold to the transfor-mation company, and the "
        "defendant said the claim was baseless. The judge agreed with him."
    )
    assert repair_text(text, config=RepairConfig()).text == text


def test_a_glued_mark_reading_prefers_a_word_the_page_prints() -> None:
    from repair.candidates.ocr_glued import glued_candidates
    from repair.tokenize import tokenize

    toks = tokenize("Pte Smith, Pte Jones, Pte« Brown and Pte Green")
    by_text = {c.replacement: c.features["cost"] for c in glued_candidates(toks)}
    alone = {c.replacement: c.features["cost"] for c in glued_candidates(tokenize("Pte« Brown"))}
    assert "Pte" in by_text and by_text["Pte"] < alone["Pte"]


def test_a_capitalised_token_between_names_is_not_read_as_a_lower_case_word() -> None:
    from repair.candidates.ocr import _between_capitals
    from repair.tokenize import tokenize

    toks = tokenize("Ptes Gilbert James Batea Gerald Beckett and was Bont to the school")
    at = {t.text: i for i, t in enumerate(toks)}
    assert _between_capitals(toks, at["Batea"])
    assert not _between_capitals(toks, at["Bont"])


def test_surnames_after_a_title_are_not_re_read_as_words() -> None:
    from repair.candidates.ocr import _name_context
    from repair.tokenize import tokenize

    toks = tokenize("said Mr. Moors and the Great Australian Bight Railway, but Bight")
    idx = [i for i, t in enumerate(toks) if t.text in ("Moors", "Bight")]
    assert [_name_context(toks, i) for i in idx] == [True, True, False]


def test_the_second_half_of_a_word_broken_at_a_line_end_is_not_read_alone() -> None:
    from repair.candidates.ocr import _after_line_hyphen
    from repair.tokenize import tokenize

    toks = tokenize("the rc-\ncently established route and the\ntions of it")
    at = {t.text: i for i, t in enumerate(toks)}
    assert _after_line_hyphen(toks, at["cently"])
    assert not _after_line_hyphen(toks, at["tions"])
