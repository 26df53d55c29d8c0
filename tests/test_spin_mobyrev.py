"""The reverse reading: Moby headwords whose lists hold the written word, any sense of the
original (repair.candidates.spin_mobyrev, repair.stages.spin.reverse_reading); issue 11."""

from __future__ import annotations

import pytest

import repair.candidates.spin_mobyrev as mobyrev
import repair.stages.spin as spin
from repair.document import Document
from repair.resources.frequency import zipf
from repair.score.spin_evidence import candidates_for

# seed 000's (written, original) pairs whose original no shipped table gives the word
# and whose original's Moby entry lists it (another sense of the original, or no synset shared)
REVERSE_ONLY = [("workplace", "office"), ("navy", "military"), ("items", "things")]
# and pairs the first reading already holds: the reverse reading holds them too
BOTH = [("metropolis", "city"), ("pal", "friend"), ("advised", "told"), ("nations", "countries")]


@pytest.mark.parametrize(("written", "original"), REVERSE_ONLY + BOTH)
def test_reverse_originals_hold_the_seed_original(written: str, original: str) -> None:
    assert original in mobyrev.reverse_originals(written)


@pytest.mark.parametrize(("written", "original"), REVERSE_ONLY)
def test_the_first_reading_lacks_them(written: str, original: str) -> None:
    assert original not in candidates_for(written)


@pytest.mark.parametrize("word", ["the", "however", "at", "u2", "x-ray", "ok", "zzzqqq"])
def test_stopwords_short_odd_and_unknown_words_have_none(word: str) -> None:
    assert mobyrev.reverse_originals(word) == ()


def test_originals_are_inflected_like_the_written_word_and_never_the_word() -> None:
    past = mobyrev.reverse_originals("advised")
    assert past and "tell" not in past and "advised" not in past
    plural = mobyrev.reverse_originals("nations")
    assert "countries" in plural and "country" not in plural


def test_headwords_are_common_and_capped_most_common_first() -> None:
    index = mobyrev.reverse_index()
    assert all(zipf(h) >= mobyrev.MIN_ZIPF for h in index["assembly"])
    ranked = mobyrev._ranked()["assembly"]
    assert 0 < len(ranked) <= mobyrev.MAX_PER_LEMMA < len(index["assembly"])
    zs = [zipf(h) for h in ranked]
    assert zs == sorted(zs, reverse=True)
    assert "assembly" not in index.get("assembly", ())  # a headword never lists itself


def test_reverse_reading_is_off_when_no_row_reaches_the_bar() -> None:
    doc = Document("The navy announced a new policy for its workplace on Monday.")
    d = spin.STAGE.detect(doc)
    assert spin.reverse_reading(doc, d, [], 1.01) == []


PAL = (
    "He told his pal about the game. His best pal was there too, and the two pals "
    "watched it together."
)


def test_reverse_rows_read_the_word_again_with_the_reverse_originals(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the reverse reading alone (the topic's pick adds "pals" -> "friends":
    # tests/test_spin_pick.py)
    monkeypatch.setattr(spin, "TOPIC_PICK_REREAD", False)
    doc = Document(PAL)
    d = spin.STAGE.detect(doc)
    # the first reading proposes a word of the shipped table, not "friend"
    first = {w.original for w in d.words if w.written == "pal"}
    assert first and "friend" not in first
    words, changed = spin._reread_rows(
        doc, d, [], 0.5, 0.0, spin.REVERSE_MAX_ZIPF, mobyrev.reverse_originals
    )
    assert changed and {(words[i].written, words[i].original) for i in changed} == {
        ("pal", "friend")
    }
    # the word model judges the row (under the bar here: the reading proposes nothing)
    rows = spin._decide_rows(doc, d, words, changed, 0.5, spin.get_model(), "reverse", floor=0.0)
    assert rows and all(c.features["reverse"] and c.replacement == "friend" for c in rows)
    assert all(c.features["model_probability"] < 0.5 for c in rows)
    assert spin.reverse_reading(doc, d, [], 0.5) == []


def test_reverse_bar_decides_reverse_rows_at_a_lower_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin, "TOPIC_PICK_REREAD", False)  # the reverse reading alone
    doc = Document(PAL)
    d = spin.STAGE.detect(doc)
    words, changed = spin._reread_rows(
        doc, d, [], 0.5, 0.0, spin.REVERSE_MAX_ZIPF, mobyrev.reverse_originals
    )
    rows = spin._decide_rows(doc, d, words, changed, 0.5, spin.get_model(), "reverse", floor=0.0)
    p = min(c.features["model_probability"] for c in rows)
    assert 0.0 < p < 0.5
    monkeypatch.setattr(spin, "REVERSE_MIN_PROB", 0.0)
    monkeypatch.setattr(spin, "REVERSE_BAR_ROWS", 1)
    monkeypatch.setattr(spin, "REVERSE_BAR", p * 0.99)
    got = spin.reverse_reading(doc, d, [], 0.5)
    assert got and {c.replacement for c in got} == {"friend"}
    assert all(c.features["word_bar"] == p * 0.99 for c in got)
    # ... only where enough of the document's reverse rows reach it (a document habit)
    monkeypatch.setattr(spin, "REVERSE_BAR_ROWS", len(got))
    assert spin.reverse_reading(doc, d, [], 0.5) == got
    monkeypatch.setattr(spin, "REVERSE_BAR_ROWS", len(got) + 1)
    assert spin.reverse_reading(doc, d, [], 0.5) == []
    # never above the document's own bar
    monkeypatch.setattr(spin, "REVERSE_BAR", 0.9)
    assert spin.reverse_reading(doc, d, [], 0.5) == []
