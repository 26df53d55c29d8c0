"""The precomputed word-form table (``lexicons/spin_synonym_forms.tsv``) answers exactly
as the live computation (lemminflect + reverse table) does, and is ignored when stale."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.candidates import spin_synonyms as ss


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    ss.precomputed.cache_clear()
    ss.originals_of.cache_clear()
    yield
    ss.precomputed.cache_clear()
    ss.originals_of.cache_clear()


def _known_forms() -> list[str]:
    from lemminflect import getAllLemmas
    from lemminflect.core.Lemmatizer import Lemmatizer

    getAllLemmas("the")
    lem = Lemmatizer()
    return sorted({w.lower() for w in (*lem._getLemmaDict(), *lem._getOverridesDict())})


def test_shipped_forms_are_current() -> None:
    """Fails when spin_synonyms.tsv or lemminflect changed without a rebuild
    (``python scripts/build_spin_synonyms.py --forms-only``); run time then stays
    correct but slow."""
    assert ss.precomputed() is not None


def test_shipped_forms_equal_the_live_computation() -> None:
    table = ss.precomputed()
    assert table is not None
    forms = _known_forms()
    sample = forms[::7] + [w for w in table if hash(w) % 7 == 0]
    sample += ["nations", "advised", "emporiums", "armoured", "the", "said2", "qwxz", "Nations"]
    for word in sample:
        assert ss.originals_of(word) == ss.originals_of_live(word), word
    # any form lemminflect does not know has no candidates, so the table may omit it
    assert ss.originals_of_live("qwxzzy") == () and "qwxzzy" not in table


def test_stale_forms_fall_back_to_the_live_computation(
    fresh_caches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ss, "fingerprint", lambda: "table=other")
    assert ss.precomputed() is None
    assert ss.originals_of("advised") == ss.originals_of_live("advised")
    assert "told" in ss.originals_of("advised")


def test_forms_text_writes_the_shipped_file() -> None:
    from repair.lexicons import read_text

    assert ss.forms_text() == read_text(ss.FORMS)


@pytest.mark.parametrize("bad", ["x\ty\tz\n", "x\n", "\ty\n"])
def test_a_malformed_row_is_an_error_naming_its_line(
    bad: str, fresh_caches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from repair.lexicons import LexiconError, read_text

    text = read_text(ss.FORMS) + bad
    monkeypatch.setattr(ss, "read_text", lambda _name: text)
    with pytest.raises(LexiconError, match=f"line {text.count(chr(10))}:"):
        ss.precomputed()
