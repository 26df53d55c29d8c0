"""Session 50 (ocrxmarks, issue 12): a speck glyph the marks table never learned is also
read as each letter that makes its letter run a common word
(:data:`repair.candidates.ocr_glued.UNSEEN_WORD_LETTERS`): the pool of junk marks it
backs off to names only that pool's letters ("l", "s"), not the letters a new archive's
speck stands for ("Go\\\\" -> "Gov", "ha>e" -> "have")."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_glued, ocr_reach

#: A table whose only junk mark is "~", read as "l" or "s", or dropped; the full stop is
#: punctuation, kept after a word (a misread "e" between letters).
ROWS = (
    ("~", "inner:aa", "=l", "20"),
    ("~", "inner:aa", "drop", "4"),
    ("~", "trail:a_", "=s", "9"),
    ("~", "trail:a_", "=l", "3"),
    ("~", "trail:a_", "drop", "5"),
    (".", "trail:a_", "keep", "300"),
    (".", "lead:_a", "drop", "40"),
    (".", "inner:aa", "=e", "15"),
)


def _readings(chunk: str, model: ocr_glued.MarkModel) -> set[str]:
    ocr_glued.chunk_readings.cache_clear()
    return {t for t, _c, _thr in ocr_glued.chunk_readings(chunk, " ", model=model)}


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> ocr_glued.MarkModel:
    monkeypatch.setattr(ocr_glued, "UNSEEN_JUNK", True)
    monkeypatch.setattr(ocr_reach, "EDGE_LETTERS", True)
    return ocr_glued.MarkModel(ROWS)


def test_an_unseen_speck_is_read_as_the_letter_a_word_needs(
    monkeypatch: pytest.MonkeyPatch, model: ocr_glued.MarkModel
) -> None:
    monkeypatch.setattr(ocr_glued, "UNSEEN_WORD_LETTERS", False)
    assert "have" not in _readings("ha\\e", model)  # the pool's letters: "hale"
    assert "new" not in _readings("ne»", model)
    monkeypatch.setattr(ocr_glued, "UNSEEN_WORD_LETTERS", True)
    assert {"have", "hale"} <= _readings("ha\\e", model)  # the language model chooses
    assert "new" in _readings("ne»", model)
    assert "Gov" in _readings("Go\\", model)


def test_an_inner_typed_pair_glyph_is_a_speck(
    monkeypatch: pytest.MonkeyPatch, model: ocr_glued.MarkModel
) -> None:
    monkeypatch.setattr(ocr_glued, "UNSEEN_WORD_LETTERS", True)
    assert "have" in _readings("ha>e", model)  # inside a word: no markup
    assert _readings("the}", model) == set()  # at a word's edge: typed, as before
    monkeypatch.setattr(ocr_glued, "WORD_LETTER_INNER_PAIRS", False)
    assert "have" not in _readings("ha>e", model)


def test_learned_marks_and_punctuation_are_left_to_the_table(
    monkeypatch: pytest.MonkeyPatch, model: ocr_glued.MarkModel
) -> None:
    monkeypatch.setattr(ocr_glued, "UNSEEN_WORD_LETTERS", True)
    assert "have" not in _readings("ha~e", model)  # "~" has its own letters
    opts = [("-", 0.0)]
    ocr_glued._word_letters("ha-e", 2, opts, model)  # unseen punctuation ("junk" only)
    assert opts == [("-", 0.0)]
    monkeypatch.setattr(ocr_glued, "WORD_LETTER_MARKS", "all")
    ocr_glued._word_letters("ha-e", 2, opts, model)
    assert "v" in dict(opts)


def test_only_common_words_and_runs_of_two(
    monkeypatch: pytest.MonkeyPatch, model: ocr_glued.MarkModel
) -> None:
    monkeypatch.setattr(ocr_glued, "UNSEEN_WORD_LETTERS", True)
    opts = [("»", 0.0)]
    ocr_glued._word_letters("»", 0, opts, model)  # no letters beside it
    assert opts == [("»", 0.0)]
    ocr_glued._word_letters("ha»e", 2, opts, model)
    letters = {r for r, _c in opts[1:]}
    assert "v" in letters and "z" in letters  # have, haze
    assert all(len(r) == 1 and r.islower() for r in letters)


def test_page_rows_add_to_the_pool_not_replace_it(
    monkeypatch: pytest.MonkeyPatch, model: ocr_glued.MarkModel
) -> None:
    page = model.with_rows((("»", "inner:ab", "drop", "3"),))  # one page chunk's evidence
    monkeypatch.setattr(ocr_glued, "PAGE_ROWS_BACKOFF", False)
    assert page.backoff("»") is None  # "seen" three times: the pool is gone
    assert "l" not in dict(page.options("»", "trail:a_"))
    monkeypatch.setattr(ocr_glued, "PAGE_ROWS_BACKOFF", True)
    assert page.backoff("»") is not None
    assert page.table_count("»") == 0 and model.table_count("~") == 41
    assert "l" in dict(page.options("»", "trail:a_"))  # the pool's letters
    assert page.probs("»", "inner:ab")["drop"] > model.probs("»", "inner:ab")["drop"]


def test_the_page_votes_on_an_unseen_glyph(
    monkeypatch: pytest.MonkeyPatch, model: ocr_glued.MarkModel
) -> None:
    rows = ocr_glued.page_vote_rows(["ha»e", "wa»", "ne»", "~x"], model)
    assert {r[0] for r in rows} == {"»"}  # "~" is learned: no vote
    assert all(r[2].startswith("=") and int(r[3]) >= 1 for r in rows)
    assert ocr_glued.page_vote_rows(["ha»e"], model) == []  # one chunk is no habit
    monkeypatch.setattr(ocr_glued, "mark_model", lambda: model)
    monkeypatch.setattr(ocr_glued, "PAGE_MARKS", True)
    from repair.tokenize import tokenize

    toks = tokenize("they ha»e come and it wa» new and ne» again")
    monkeypatch.setattr(ocr_glued, "PAGE_VOTES", False)
    ocr_glued._PAGE_MODELS.clear()

    def votes() -> int:
        page = ocr_glued.page_model(toks)
        return sum(page.letters.get("»", {}).values()) if page is not None else 0

    before = votes()
    monkeypatch.setattr(ocr_glued, "PAGE_VOTES", True)
    assert votes() > before
