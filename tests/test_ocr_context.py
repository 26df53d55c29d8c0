"""Errors decided by context (issue 12, ocrctx): lost full stops, real words read on both
sides, names by document consistency; each with the real forms that must stay."""

from __future__ import annotations

from collections import Counter

from repair.candidates.ocr_docvocab import doc_vocab_candidates
from repair.candidates.ocr_realword import line_broken_piece, realword_candidates
from repair.candidates.ocr_stops import lost_stop_candidates
from repair.document import Document
from repair.pipeline import repair_text
from repair.tokenize import tokenize
from tests.ocr_page import GARBLED, OCR_ONLY, repaired_after_page

# a newspaper column: short hard-wrapped lines, garbled ("tho", "bo", "tbe")
COLUMN = (
    "A meeting of tho council was hold last\n"
    "evening, when tho Mayor presided. Tbe\n"
    "minutes of tbe previous meeting wero\n"
    "read and confirmed. A letter was ro-\n"
    "ceived from tho Minister for Works, who\n"
    "stated that tho matter would bo dealt\n"
    "with at an early date by tho Depart-\n"
    "ment. Tho council thon considered tho\n"
    "question of tho now bridge over tho\n"
    "creek, and it was resolved that tbe\n"
    "engineer bo instructed to report on tho\n"
    "cost of the work before the next meeting\n"
)


def _stops(text: str) -> list[tuple[str, str]]:
    toks = tokenize(text)
    return [(text[c.start - 8 : c.start], c.replacement) for c in lost_stop_candidates(toks, ())]


def test_a_lost_full_stop_before_a_sentence_opener_is_proposed() -> None:
    found = _stops("He left the sea ahead It was Ardnamurchan Point where they stood.")
    assert found == [("ea ahead", ". ")]
    # across a line break too
    assert _stops("They had drifted in the wrong direction\nThe Neptune left St John")


def test_no_stop_before_a_name_a_title_case_run_or_a_fragment() -> None:
    assert _stops("She went to read The Times in the garden.") == []  # one sentence
    assert _stops("It was seen by Mr Thomas Sterling and his men.") == []  # names
    assert _stops("Meet Face-To-Face After 6 Years Amid Trade War The talks began") == []
    assert _stops("news from India and around the world Follow us: Trump") == []  # a label
    assert _stops("He went to tho The men said so") == []  # a garbled word before the gap
    assert _stops("He went home\n\nThe men said nothing more") == []  # a paragraph


def test_the_stop_is_put_back_in_a_garbled_column_only() -> None:
    lost = COLUMN + "they were sent forward with the men It was\nimpossible to remain.\n"
    out = repair_text(lost, config=OCR_ONLY).text
    assert "the men. It was" in out
    # verse and clean text keep their capitals
    clean = "She walked along the shore at evening It was late and the tide was out.\n" * 3
    assert repair_text(clean, config=OCR_ONLY).text == clean


def test_real_words_read_on_both_sides_in_a_garbled_page() -> None:
    cases = {
        "whether no should not protest against the Act.": "whether we should not",
        "commended the project m similar terms to those used.": "project in similar",
        "The men worn met on the wharf by a number of friends.": "men were met",
        "after the now punt was put on the passenger service.": "the new punt",
    }
    for text, expect in cases.items():
        assert expect in repaired_after_page(text)[len(GARBLED) :], text


def test_a_common_word_repeated_with_a_capital_is_no_name() -> None:
    text = "He served in the Now South Wales Lancers, and came to Now South Wales."
    out = repaired_after_page(text)[len(GARBLED) :]
    assert out.count("New South Wales") == 2, out
    # a title the dictionary lacks but the period table knows well
    out = repaired_after_page("I support the remarks of Mi Charles Lloyd Jones here.")
    assert out.endswith("the remarks of Mr Charles Lloyd Jones here."), out


def test_real_words_that_fit_their_context_stay() -> None:
    for text in (
        "He is now at home with us and the men are here.",
        "The IoT sensor is read by the men now and then.",  # never "loT"
        "The men were drilled in the yard and the lads were sent home.",
        "The ship reached the port, and Mr. Moors said so.",
    ):
        assert repaired_after_page(text)[len(GARBLED) :] == text


def test_half_of_a_word_broken_at_a_line_end_is_not_read_alone() -> None:
    doc = Document("He went to the Carl-\nton police and seule-\nment was made.")
    toks = doc.tokens
    for word in ("ton", "Carl", "seule", "ment"):
        i = next(k for k, t in enumerate(toks) if t.text == word)
        assert line_broken_piece(toks, i), word
    i = next(k for k, t in enumerate(toks) if t.text == "police")
    assert not line_broken_piece(toks, i)
    i = next(k for k, t in enumerate(toks) if t.text == "ton")
    assert realword_candidates(toks, i, frozenset()) == []


def test_a_garbled_form_of_an_unlisted_name_the_page_repeats_is_read_as_it() -> None:
    text = "Mr Coveny said so. Mr Coveny left. A cheque from Covcny was paid by Mr Coveny."
    found = {(c.features["orig"][0], c.replacement) for c in doc_vocab_candidates(tokenize(text))}
    assert found == {("Covcny", "Coveny")}


def test_unlisted_names_need_repeats_capitals_and_a_cheap_confusion() -> None:
    # printed once: not a target
    once = "Mr Coveny said so. A cheque from Covcny was paid."
    assert doc_vocab_candidates(tokenize(once)) == []
    # a lower-case token is not read as an unlisted name
    lower = "Mr Coveny said so. Mr Coveny left. The covcny was paid by Mr Coveny."
    assert doc_vocab_candidates(tokenize(lower)) == []


def test_an_old_spelling_form_is_read_only_outside_old_print() -> None:
    text = "The stones were cut. The stones fell, and the etones lay by the stones."
    toks = tokenize(text)
    counts = Counter(t.text for t in toks if t.kind == "word")
    found = doc_vocab_candidates(toks, None, counts, old_print=False)
    assert [(c.features["orig"][0], c.replacement) for c in found] == [("etones", "stones")]
    assert doc_vocab_candidates(toks, None, counts, old_print=True) == []


def test_a_capitalised_name_the_page_prints_once_is_a_target_for_cheap_garble() -> None:
    text = "Charles Armstrong was fined. Chartes Armstrong, 69, was charged with theft."
    toks = tokenize(text)
    counts = Counter(t.text for t in toks if t.kind == "word")
    found = {
        (c.features["orig"][0], c.replacement)
        for c in doc_vocab_candidates(toks, None, counts, old_print=False)
    }
    assert found == {("Chartes", "Charles")}
    # a lower-case token, or a short one, is not read as a name printed once
    assert doc_vocab_candidates(tokenize("Charles said so. The chartes were read.")) == []
    assert doc_vocab_candidates(tokenize("Mr Hale left, and Mr Hals came.")) == []


def test_a_garbled_name_no_list_knows_is_read_by_the_shape_of_names() -> None:
    from repair.candidates.ocr_nameshape import name_shape_applies, name_shape_reading

    for garbled, name in (("Chivcrs", "Chivers"), ("Bcehag", "Beehag"), ("Coppcn", "Coppen")):
        found = name_shape_reading(garbled)
        assert found is not None and found[0] == name, garbled
    # plausible names keep their shape; known words and repeated forms are not read
    for name in ("Bascom", "Olley", "Rookwood", "Thureson", "Eozoa", "Mbua"):
        assert name_shape_reading(name) is None, name
    assert not name_shape_applies("Charles", 1)  # a listed name
    assert not name_shape_applies("Chivcrs", 2)  # the page repeats it
    assert not name_shape_applies("chivcrs", 1)  # not capitalised


def test_name_shapes_are_read_in_garbled_pages_only() -> None:
    text = "The cheque was sent by Mrs. Chivcrs to the bank yesterday."
    assert "Mrs. Chivers to" in repaired_after_page(text)
    assert repair_text(text, config=OCR_ONLY).text == text  # the gate is shut


def test_a_piece_of_a_hyphenated_compound_is_not_re_read_alone() -> None:
    from repair.candidates.ocr_realword import compound_piece

    doc = Document("the 23-ton gun, women of ill-fame, and yesterday.-Tho men")
    toks = doc.tokens
    pos = {t.text: k for k, t in enumerate(toks)}
    assert compound_piece(toks, pos["ton"]) and compound_piece(toks, pos["ill"])
    assert not compound_piece(toks, pos["Tho"])  # a dash after a full stop joins nothing
    for word in ("ton", "ill"):
        assert realword_candidates(toks, pos[word], frozenset()) == [], word
    assert "The" in [c.replacement for c in realword_candidates(toks, pos["Tho"], frozenset())]


def test_a_name_printed_twice_is_read_by_its_shape_only_when_clearly_garbled() -> None:
    from repair.candidates.ocr_nameshape import repeated_name_shape_candidates

    toks = tokenize("Robert Fdward Brampton and George Fdward Reynolds")
    i = next(k for k, t in enumerate(toks) if t.text == "Fdward")
    assert [c.replacement for c in repeated_name_shape_candidates(toks, i, "x", 2)] == ["Edward"]
    assert repeated_name_shape_candidates(toks, i, "x", 3) == []  # printed three times: a name
    toks = tokenize("Mr Thlrza and Mrs Thlrza")  # gain below the repeated bar
    i = next(k for k, t in enumerate(toks) if t.text == "Thlrza")
    assert repeated_name_shape_candidates(toks, i, "x", 2) == []
