"""Paper-mill word habits learned from the tortured-phrase list (tortured_words)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from repair.lexicons import read_tsv

from repair.candidates import tortured_rare, tortured_words
from repair.detect import collocation, rareword
from repair.document import Document

ROOT = Path(__file__).resolve().parent.parent


def test_learned_habits_rank_by_families() -> None:
    assert tortured_words.learned("profound")[0] == "deep"
    assert "artificial" in tortured_words.learned("counterfeit")
    assert tortured_words.learned("deep") == ()
    assert len(tortured_words.learned("counterfeit")) <= tortured_words.MAX_LEARNED


def test_lexicon_rows_are_well_formed() -> None:
    rows = read_tsv(tortured_words.LEXICON, tortured_words.COLUMNS)
    assert len(rows) > 3000
    for spun, original, dev, test in rows:
        assert spun != original and spun.isalpha() and original.isalpha()
        assert int(dev) + int(test) >= 1


def test_lexicon_is_current() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_tortured_words import mappings

    built = {
        (a, b): (len(s.get("dev", ())), len(s.get("test", ()))) for (a, b), s in mappings().items()
    }
    shipped = {(a, b): (int(d), int(t)) for a, b, d, t in read_tsv(tortured_words.LEXICON)}
    assert built == shipped


def test_held_out_half_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    # "nervous" -> "neural" is seen only in test-half families
    assert "neural" in tortured_words.learned("nervous")
    monkeypatch.setattr(tortured_words, "HELD_OUT", frozenset({"test"}))
    assert "neural" not in tortured_words.learned("nervous")
    monkeypatch.setattr(tortured_words, "HELD_OUT", frozenset({"dev", "test"}))
    assert tortured_words.learned("profound") == ()


def test_habits_are_candidates_of_terms_and_rare_words() -> None:
    collocation._options.cache_clear()
    assert collocation._options("profound")[:2] == ("profound", "deep")
    doc = Document("The bunching model was tested.")
    [(i, _z, _c)] = [r for r in rareword.scan(doc) if doc.tokens[r[0]].text == "bunching"]
    [found] = [r for r in rareword.find(doc) if r.token.start == doc.tokens[i].start]
    assert "clustering" in {o.word for o in found.options}
    assert tortured_rare.ranked("bunching")[0] == "clustering"


def test_clean_abstract_unchanged() -> None:
    from repair import repair_text

    text = (
        "Deep learning has become the standard approach for image classification. "
        "In this paper we propose a simple method that combines data augmentation "
        "with a small pretrained network.\n"
    )
    assert repair_text(text).text == text


def test_cached_tables_are_the_built_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parsed habit tables come back from the per-user cache equal to a fresh build
    (tuples stay tuples), one cache entry per held-out choice."""
    monkeypatch.setenv("REPAIR_CACHE_DIR", str(tmp_path))
    try:
        for held in (frozenset(), frozenset({"test"})):
            tortured_words._built.cache_clear()
            stored = tortured_words._built(held)  # built, then written to the cache
            tortured_words._built.cache_clear()
            read = tortured_words._built(held)  # read back from the cache
            assert read == tortured_words._build(held) == stored
            assert all(type(v) is tuple for v in read[1].values())
        names = sorted(p.name.rsplit("-", 1)[0] for p in tmp_path.glob("tortured-words-*"))
        assert names == ["tortured-words-all", "tortured-words-test"]
    finally:
        tortured_words._built.cache_clear()
