"""Issue 14, session 33: a long text that is not OCR (clean or spun) holds neither the OCR
channel's dictionary / prefix set nor the whole tortured-phrase list.

* :data:`repair.score.ocr_channel.LAZY_OCR_GATE`: past the first questions and walks, the
  dict and the prefix set load only on OCR-like text (the detector's garble score, or
  many confusion walks per question), else the sorted word lines answer (same answers).
* :data:`repair.detect.tortured.LAZY_ENTRIES`: the matcher builds the entries of the first
  units the prefilter points at only (same matches).

The subprocess checks run ``repair_text`` on a spun text long enough to load both on
main (with both settings off they load: the same probe sees them), and compare the outputs.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from repair.detect import tortured
from repair.document import Document
from repair.score import ocr_channel as oc

ROOT = Path(__file__).resolve().parent.parent

_PROBE = r"""
import json, sys
from repair.bench.speed import speed_text
import repair
from repair.score import ocr_channel as oc
from repair.detect import tortured
kind, words, lazy = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
oc.LAZY_OCR_GATE = lazy
tortured.LAZY_ENTRIES = lazy
text = speed_text(kind, words) + "\n\nWe used counterfeit consciousness and profound learning.\n"
r = repair.repair_text(text)
print(json.dumps({
    "dict": oc._loaded_vocabulary is not None,
    "prefix_set": oc.vocabulary_prefixes()._full is not None,
    "targets": oc._target_words is not None,
    "lexicon": tortured.load_lexicon.cache_info().currsize,
    "text": r.text,
    "edits": [repr(e) for e in r.edits],
}))
"""


def _probe(kind: str, words: int, lazy: bool) -> dict[str, object]:
    env = dict(os.environ)
    env.setdefault("REPAIR_SHARED", str(ROOT.parent / "shared"))
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, kind, str(words), "1" if lazy else "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_spun_text_loads_no_ocr_dictionary_nor_phrase_list() -> None:
    _probe("spun", 12_000, True)  # a cold per-user cache: its builders may read the dict
    lazy = _probe("spun", 12_000, True)
    eager = _probe("spun", 12_000, False)
    assert eager["dict"] and eager["prefix_set"] and eager["lexicon"]  # the probe sees them
    assert not lazy["dict"] and not lazy["prefix_set"] and not lazy["targets"]
    assert lazy["lexicon"] == 0
    assert lazy["text"] == eager["text"] and lazy["edits"] == eager["edits"]
    assert lazy["edits"]  # a spun text: repaired
    assert "artificial intelligence" in str(lazy["text"])  # the tortured phrase too


def test_ocr_text_still_loads_the_dictionary() -> None:
    got = _probe("ocr", 800, True)
    assert got["dict"] and got["targets"]  # as with the setting off (the same edits)
    assert got["edits"] == _probe("ocr", 800, False)["edits"]


def test_garble_score_opens_the_gate() -> None:
    saved = oc._garbled_text
    try:
        oc._garbled_text = False
        oc.note_garble(oc.OCR_LOAD_GARBLE / 2)
        assert not oc._garbled_text
        oc.note_garble(oc.OCR_LOAD_GARBLE)
        assert oc._garbled_text and oc.ocr_like()
    finally:
        oc._garbled_text = saved


def test_lazy_walks_follow_the_predicate() -> None:
    calls: list[int] = []

    def more(done: int) -> bool:
        calls.append(done)
        return done < 3

    index = oc.prefixes_of(())
    index.lazy(oc._all_prefixes, oc.vocabulary_lines(), 1, more)
    full = oc.prefixes_of(())
    full.full = oc._all_prefixes()
    for token in ["tbe", "rnodern", "conncil", "goverument", "wi1l"]:
        assert oc.confusion_variants(token, index) == oc.confusion_variants(token, full)
    assert calls[:4] == [0, 1, 2, 3]
    assert index._full is not None  # the fourth walk loaded the set


def test_segment_and_targets_from_the_lines_equal_the_dictionary() -> None:
    vocab = oc.vocabulary()
    assert oc._total_count() == sum(vocab.values())
    rng = random.Random(33)
    words = rng.sample(sorted(vocab), 2000) + ["", "a", "i", "x", "zzqx", "The", "tbe"]
    saved = oc._loaded_vocabulary, oc._target_words
    try:
        oc._loaded_vocabulary, oc._target_words = None, None  # as before the dict loads
        lines_answers = [oc.is_target_unmemoised(w) for w in words]
        counts = [oc._word_count(w) for w in words]
        segs = [oc.segment(s) for s in ("werenoneofthe", "thecatsatonthemat", "qqqzzz")]
    finally:
        oc._loaded_vocabulary, oc._target_words = saved
    assert lines_answers == [oc.is_target(w) for w in words]
    assert counts == [vocab.get(w, 0) for w in words]
    assert segs[0] == ("were", "none", "of", "the") and segs[2] == ()
    assert segs == [oc.segment(s) for s in ("werenoneofthe", "thecatsatonthemat", "qqqzzz")]


def test_entries_by_first_unit_equal_the_lexicon() -> None:
    lex = tortured.load_lexicon()
    for first, entries in lex.by_first.items():
        assert tortured._entries_of(first) == entries, first
    assert tortured._entries_of("no-such-unit-xyz") == ()


def test_lazy_matches_equal_the_whole_lexicon() -> None:
    lex = tortured.load_lexicon()
    rng = random.Random(14)
    picked = rng.sample(list(lex.entries), 400)
    texts = [
        " ".join(f"the {e.tortured}s and {e.tortured} of {e.tortured.upper()}." for e in picked),
        " ".join(e.tortured for e in picked[:60]),
        "Nothing here matches at all, a plain sentence.",
    ]
    long_units = " ".join(["plain words go here"] * 6_000) + " " + picked[0].tortured
    texts.append(long_units)  # past tortured.PRUNED_MIN_UNITS: the pruned key search
    texts.append(" and ".join(e.tortured for e in picked[:700]))  # pruned, many hits
    total = 0
    for text in texts:
        doc = Document(text)
        got = tortured.find_matches(doc)
        assert got == tortured.find_matches(doc, lex)
        starts = tortured._key_starts([tortured.unit_text(t) for t in tortured._units(doc)])
        assert len(starts) >= len(got)
        total += len(got)
    assert total > 400


def test_originals_are_shared_between_memo_rows() -> None:
    from repair.candidates import spin_synonyms

    if spin_synonyms.precomputed() is None:
        return  # a stale forms table: the live path (not interned) answers
    spin_synonyms.originals_of.cache_clear()
    seen: dict[str, str] = {}
    repeats = 0
    for word in ("huge", "enormous", "vast", "large", "giant", "big", "great", "massive"):
        for o in spin_synonyms.originals_of(word):
            repeats += o in seen
            assert seen.setdefault(o, o) is o, (word, o)  # one string per original
    assert repeats > 3


def test_reverse_originals_are_interned() -> None:
    import sys as _sys

    from repair.candidates import spin_mobyrev

    spin_mobyrev.reverse_originals.cache_clear()
    rows = [spin_mobyrev.reverse_originals(w) for w in ("colossal", "humongous", "gigantic")]
    assert any(rows)
    for row in rows:
        for o in row:
            assert _sys.intern(o) is o


_STYLES_PROBE = r"""
import json
from lemminflect.core.Inflections import Inflections
from repair.resources import lemmas, cache
asked = []
orig = cache._cached
cache._cached = lambda name, *a, **k: (asked.append(name), orig(name, *a, **k))[1]
ok = lemmas.install_styles()
model = Inflections().morph_style_model
print(json.dumps({"ok": ok, "table": isinstance(model, lemmas.TableStyles), "asked": asked}))
"""


def test_shipped_style_table_is_used_without_a_cache() -> None:
    env = dict(os.environ, REPAIR_CACHE_DIR="off")
    out = subprocess.run(
        [sys.executable, "-c", _STYLES_PROBE], cwd=ROOT, env=env, capture_output=True,
        text=True, check=True,
    )  # fmt: skip
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["ok"] and got["table"]
    assert "lemminflect-styles" not in got["asked"]


def test_shipped_style_table_is_current_and_the_models(monkeypatch) -> None:
    from lemminflect.core.InflectionRules import MorphologyStyleModel

    from repair.resources import lemmas

    lines = lemmas.shipped_styles()
    assert lines is not None  # current: rebuild with scripts/build_lemminflect_styles.py
    keys = list(lines)
    assert len(keys) > 10_000
    built = lemmas._style_lines()  # the table the per-user cache would hold
    assert built == "".join(f"{k}\t{lines.get(k)}\n" for k in keys)
    model = MorphologyStyleModel()
    for word in keys[:: max(1, len(keys) // 300)]:
        cells = (lines.get(word) or "").split(",")
        for upos, cell in zip(lemmas.STYLE_UPOS, cells, strict=True):
            got = model.getStyle(word, upos)
            assert cell == ("~" if got is None else got), (word, upos)
    monkeypatch.setattr(lemmas, "fingerprint", lambda: "lemminflect=0.0.0")
    assert lemmas.shipped_styles() is None  # built from another lemminflect: not used


def test_style_row_without_four_cells_asks_the_model() -> None:
    from lemminflect.core.InflectionRules import MorphologyStyleModel

    from repair.resources.lemmas import TableStyles
    from repair.resources.sorted_lines import SortedLines

    styles = TableStyles(SortedLines("walk\treg,~\n", 0))
    assert styles.getStyle("walk", "VERB") == MorphologyStyleModel().getStyle("walk", "VERB")


def test_page_habit_forms_pruned_by_the_word_prefix(monkeypatch) -> None:
    from repair.candidates import ocr_pagehabit as ph

    monkeypatch.setattr(oc, "_loaded_vocabulary", None)
    monkeypatch.setattr(oc, "_target_words", None)
    monkeypatch.setattr(ph, "_targets", lambda: None)  # the word lines' path
    words = ["tbe", "rnodern", "conncil", "goverument", "liave", "qzxv", "whicb", "aud", "thc"]
    words += ["blorfle", "xanthoq", "bcause", "peopie", "a", "ab"]
    ph.type_subs.cache_clear()
    pruned = [ph.type_subs(w) for w in words]
    assert all(ph._prefix_reach(w) <= len(w) for w in words)
    monkeypatch.setattr(ph, "_prefix_reach", len)  # every place
    ph.type_subs.cache_clear()
    assert pruned == [ph.type_subs(w) for w in words]
    assert any(pruned)
    ph.type_subs.cache_clear()


def test_vocabulary_total_kept_with_the_lines() -> None:
    assert oc._vocabulary_lines_cached()[3] == sum(oc.vocabulary().values())
