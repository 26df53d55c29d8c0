"""Issue 14, session 38: exact speed-ups of the OCR candidate builders.

Each change skips work that cannot change a result; each test compares the new path
with the old one (kept here as a reference copy, or behind its switch) on OCR text:
the OCR speed text, the synthetic OCR suite and a seed.
"""

from __future__ import annotations

import random
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from repair.tokenize import tokenize
from repair.types import Token

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def _corpora() -> tuple[str, ...]:
    """OCR test texts: the speed text (modern OCR'd prose), the synthetic suite's
    damaged files and a seed."""
    from repair.bench.speed import speed_text

    texts = [speed_text("ocr", 6_000)]
    suite = ROOT / "benchmarks" / "suites" / "ocr_synthetic"
    texts += [p.read_text(encoding="utf-8") for p in sorted(suite.glob("*.damaged.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("000_*.txt"))]
    # lines the space joins read (tests/test_ocr_spacejoin30.py, test_ocr_glue24.py)
    texts.append(
        "wasps and hoi nets were found; the Foros t Road. The E venin News, the M ijor said."
        " He expressed a dosii o to visit the Minister for Commet ce and the soya bean crop,"
        " the sup portas of the Joint Stock B inking Company.\nfor some timo the police"
    )
    return tuple(texts)


def _with_words(flagged: set[int], toks: list[Token], words: set[str]) -> set[int]:
    return flagged | {t.start for t in toks if t.text in words}


def _flagged(text: str, toks: list[Token]) -> set[int]:
    """The OCR detector's finding starts, and some word starts at random besides."""
    from repair.document import Document
    from repair.stages import load_stage

    det = load_stage("ocr").detect(Document(text))
    rng = random.Random(len(toks))
    flagged = {f.start for f in det.findings}
    flagged |= {t.start for t in toks if t.kind == "word" and rng.random() < 0.03}
    return flagged | {-5, len(text) + 3}  # starts no token has


def test_space_join_pairs_cover_every_pair_the_scan_reads() -> None:
    """The pairs visited are exactly those with a flagged token (the prefilter never
    skips a pair the full scan would read), in ascending order."""
    from repair.candidates.ocr_spacejoin import _pair_starts

    for text in _corpora():
        toks = tokenize(text)
        by_start = {t.start: i for i, t in enumerate(toks)}
        flagged = _flagged(text, toks)
        want = [
            i
            for i in range(len(toks) - 2)
            if toks[i].start in flagged or toks[i + 2].start in flagged
        ]
        got = _pair_starts(len(toks), flagged, by_start)
        assert got == sorted(set(got))
        assert set(want) <= set(got)
        # the extra ones (a flagged token next to no pair) fail the scan's first tests
        for i in set(got) - set(want):
            a, b = toks[i], toks[i + 2]
            assert not (a.start in flagged or b.start in flagged)


def test_space_join_with_token_index_is_the_full_scan() -> None:
    from repair.candidates.ocr_spacejoin import space_join_candidates

    n = 0
    for text in _corpora():
        toks = tokenize(text)
        by_start = {t.start: i for i, t in enumerate(toks)}
        flagged = _with_words(_flagged(text, toks), toks, {"hoi", "Foros", "venin", "dosii"})
        full = space_join_candidates(toks, flagged)
        fast = space_join_candidates(toks, flagged, by_start)
        assert fast == full
        n += len(full)
    assert n > 0


def _old_mark_runs(toks: list[Token], min_piece: int = 1):  # type: ignore[no-untyped-def]
    """:func:`repair.candidates.ocr_glyphjoin.mark_runs` before session 38."""
    from repair.candidates.ocr_glyphjoin import MAX_MARKS

    n = len(toks)
    for i, left in enumerate(toks):
        if left.kind != "word" or len(left.text) < min_piece or not left.text.isalpha():
            continue
        k = i + 1
        while k < n and k - i - 1 <= MAX_MARKS and toks[k].kind == "punct":
            k += 1
        marks = toks[i + 1 : k]
        if not marks or k >= n or len(marks) > MAX_MARKS or toks[k].kind != "word":
            continue
        yield i, k, left, marks, toks[k]


def test_mark_runs_as_before() -> None:
    from repair.candidates.ocr_glyphjoin import mark_runs

    extra = 'end.\nword-, x!y he »as there a.b c,,d e"f tail,'
    n = 0
    for text in (*_corpora(), extra):
        toks = tokenize(text)
        for piece in (1, 2, 3):
            got = list(mark_runs(toks, piece))
            assert got == list(_old_mark_runs(toks, piece))
            n += len(got)
    assert n > 0


def test_page_word_counts_share_one_count() -> None:
    from repair.candidates import ocr_rules
    from repair.candidates.ocr_rules import counting_page, page_word_counts

    toks = tokenize(_corpora()[0])
    want = Counter(t.text for t in toks if t.kind == "word")
    assert list(page_word_counts(toks).items()) == list(want.items())  # none open: counted
    with counting_page(toks):
        first = page_word_counts(toks)
        assert list(first.items()) == list(want.items())  # same keys, counts, order
        first["the"] += 100  # a caller's changes stay its own
        first["zzz-new"] = 1
        again = page_word_counts(toks)
        assert list(again.items()) == list(want.items())
        other = list(toks)  # another list (``_Generator._stem``'s copy): counted anew
        other[1] = Token("Zebra", other[1].start, other[1].end, "word")
        assert page_word_counts(other) == Counter(t.text for t in other if t.kind == "word")
    assert getattr(ocr_rules._PAGE, "counts", None) is None  # closed: nothing kept alive
    saved = ocr_rules.SHARED_COUNTS
    try:
        ocr_rules.SHARED_COUNTS = False
        with counting_page(toks):
            assert getattr(ocr_rules._PAGE, "counts", None) is None
            assert page_word_counts(toks) == want
    finally:
        ocr_rules.SHARED_COUNTS = saved


def test_whole_ocr_document_same_with_and_without_shared_counts() -> None:
    from repair.candidates import ocr_rules
    from repair.pipeline import repair_text
    from repair.resources.memo_reset import reset_token_memos

    text = _corpora()[0]

    def run() -> tuple[str, list[str]]:
        reset_token_memos()
        r = repair_text(text)
        return r.text, [repr(e) for e in r.edits]

    shared = run()
    saved = ocr_rules.SHARED_COUNTS
    try:
        ocr_rules.SHARED_COUNTS = False
        alone = run()
    finally:
        ocr_rules.SHARED_COUNTS = saved
        reset_token_memos()
    assert alone == shared
    assert len(shared[1]) > 50


def _old_slot_eligible(toks: list[Token], i: int, counts) -> bool:  # type: ignore[no-untyped-def]
    """:func:`repair.candidates.ocr_slot._eligible` before session 38."""
    from repair.candidates.ocr_realword import line_broken_piece
    from repair.candidates.ocr_shortreal import _between_words, _piece, unnamed
    from repair.candidates.ocr_slot import CAPITALS, MAX_LEN, MAX_PRINT_ZIPF
    from repair.resources.frequency import zipf
    from repair.score.ocr_channel import ARCHAIC_WORDS, is_known

    text = toks[i].text
    if not (len(text) <= MAX_LEN and text.isalpha()):
        return False
    low = text.lower()
    if zipf(low) > MAX_PRINT_ZIPF or low in ARCHAIC_WORDS or not is_known(low):
        return False
    title = not text.islower()
    if title and not (CAPITALS and len(text) >= 2 and text[1:].islower()):
        return False
    if not _between_words(toks, i) or _piece(toks, i) or line_broken_piece(toks, i):
        return False
    if toks[i - 1].text == "-" or toks[i + 1].text == "-":
        return False
    if title:
        lower_around = toks[i - 2].text.islower() and toks[i + 2].text.islower()
        return lower_around and unnamed(text, counts()[text])
    return True


def _old_nonword_place(toks: list[Token], i: int) -> bool:
    """:func:`repair.candidates.ocr_shortslot._nonword_place` before session 38."""
    from repair.candidates.ocr_realword import line_broken_piece
    from repair.candidates.ocr_shortreal import _between_words
    from repair.candidates.ocr_shortslot import (
        CROSS_COMMA,
        NON_WORD_MAX_LEN,
        _after_comma,
        split_piece,
    )
    from repair.score.ocr_channel import ARCHAIC_WORDS, is_known

    text = toks[i].text
    if not (len(text) <= NON_WORD_MAX_LEN and text.isalpha() and text.islower()):
        return False
    if is_known(text) or text in ARCHAIC_WORDS:
        return False
    if not _between_words(toks, i):
        if not (CROSS_COMMA and _after_comma(toks, i)):
            return False
    elif split_piece(toks, i):
        return False
    if line_broken_piece(toks, i):
        return False
    return toks[i - 1].text != "-" and toks[i + 1].text != "-"


def test_slot_scans_split_by_form_and_place_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_slot
    from repair.candidates.ocr_shortslot import _nonword_form, _nonword_place, _nonword_spot
    from repair.candidates.ocr_slot import _eligible, _eligible_form, _eligible_place

    # the places added since (a comma before, a mark glued after: sessions 63-64) off
    monkeypatch.setattr(ocr_slot, "CROSS_COMMA", False)
    monkeypatch.setattr(ocr_slot, "GLUED_MARK", False)

    extra = "bear their omi costs and Tho rest, tbe hy - lue Mas to be ofthe"
    hits = [0, 0]
    for text in (*_corpora(), extra):
        toks = tokenize(text)
        counts = Counter(t.text for t in toks if t.kind == "word").copy

        for i, t in enumerate(toks):
            if t.kind != "word" or not 0 < i < len(toks) - 2:
                continue
            old = _old_slot_eligible(toks, i, counts)
            assert _eligible(toks, i, counts) == old
            assert (_eligible_form(t.text) and _eligible_place(toks, i, counts)) == old
            old_nw = _old_nonword_place(toks, i)
            assert _nonword_place(toks, i) == old_nw
            assert (_nonword_form(t.text) and _nonword_spot(toks, i)) == old_nw
            hits[0] += old
            hits[1] += old_nw
    assert min(hits) > 0


def test_function_word_readings_as_before() -> None:
    from rapidfuzz.distance import Levenshtein

    from repair.candidates import ocr_gluedfw as g

    def old(piece: str) -> tuple[str, float] | None:
        low = piece.lower()
        edits = g.FW_MAX_EDITS if len(low) > 3 else 1
        if g.CHANNEL_FW and len(low) > 3:
            edits = g.FW_LONG_MAX_EDITS
        most = g.FW_LONG_MAX_COST if g.CHANNEL_FW and len(low) > 3 else g.FW_MAX_COST
        best: tuple[str, float] | None = None
        for w in g.function_words():
            if (
                abs(len(w) - len(low)) > 1
                or Levenshtein.distance(low, w, score_cutoff=edits) > edits
            ):
                continue
            c = 0.0 if w == low else g.channel_cost(piece, w)
            if c <= most and (best is None or c < best[1]):
                best = (w, c)
        return best

    pieces = ["tho", "thc", "aud", "wero", "Tbe", "of", "a", "ii", "uot", "hy", "tlie", "xqz"]
    for text in _corpora()[:2]:
        pieces += [t.text for t in tokenize(text) if t.kind == "word" and len(t.text) <= 6][:400]
    g._fw_reading.cache_clear()
    found = 0
    for p in pieces:
        assert g._fw_reading(p) == old(p), p
        found += g._fw_reading(p) is not None
    assert found > 10


def test_name_shape_longest_key_follows_the_table() -> None:
    from repair.candidates import ocr_nameshape as ns
    from repair.score.ocr_channel import confusions

    table = confusions()
    assert ns._longest_key(table) == max(len(k) for k in table)
    other = {"abcdefghijkl": (("x", 1.0),), "a": (("b", 1.0),)}
    assert ns._longest_key(other) == 12
    other["abcdefghijklmnop"] = (("y", 1.0),)  # grown in place: measured again
    assert ns._longest_key(other) == 16
    assert ns._longest_key(table) == max(len(k) for k in table)


@pytest.mark.parametrize("text", ["Tho rcad was ¡n the Citv of Sydnoy.", "he »as there"])
def test_page_model_one_token_chunks(text: str) -> None:
    """A one-token chunk's text is the token's text (the join of one string)."""
    from repair.candidates.ocr_glued import page_model

    toks = tokenize(text)
    page_model(toks)  # runs; the whole-document tests above compare outputs


def _old_document_names(toks: list[Token], counts: Counter[str]) -> frozenset[str]:
    """:func:`repair.candidates.ocr_realword.document_names` before session 38."""
    from repair.candidates.ocr_realword import (
        NAME_REPEATS,
        _common_lower,
        _inside_sentence,
        realword_suspect,
    )

    names = set()
    prev: list[Token] = []
    for t in toks:
        if t.kind == "space":
            continue
        text = t.text
        if t.kind == "word" and text[:1].isupper() and counts[text] >= NAME_REPEATS:
            if not realword_suspect(text) and not _common_lower(text) and prev:
                if _inside_sentence(prev):
                    names.add(text)
        prev = [*prev[-1:], t]
    return frozenset(names)


def test_document_names_as_before() -> None:
    from repair.candidates.ocr_realword import document_names

    extra = "Mr. Horn met Dr. Bell. Horn and Bell, of Bell; Mr. Horn said to Bell. Tho Tho"
    found = 0
    for text in (*_corpora(), extra):
        toks = tokenize(text)
        counts = Counter(t.text for t in toks if t.kind == "word")
        got = document_names(toks, counts)
        assert got == _old_document_names(toks, counts)
        found += len(got)
    assert found > 0


def test_line_joins_and_speck_joins_as_with_every_token_tested() -> None:
    """The plain-space test before ``_single_break`` skips only what it refuses."""
    from repair.candidates import ocr_line_join as lj

    extra = "ban\nquoted the Satur- ¡\nday and mac- 1\n«danoise Wool«\nloomooloo Com\n| mission"
    for text in (*_corpora(), extra):
        toks = tokenize(text)
        for t in toks:
            if t.kind != "space" or t.text == " ":
                assert not lj._single_break(t)
    toks = tokenize(extra)
    assert lj.line_joins(toks, {}) or lj.speck_hyphen_joins(toks)


def test_accent_keep_skips_only_ascii_prints() -> None:
    from repair.candidates.ocr_accentkeep import _accented, is_accent_strip

    for w in ["the", "Zurich", "naive", "", "a-b", "don't"]:
        assert not _accented(w) and not is_accent_strip(w, w)
    assert is_accent_strip("Zürich", "Zurich") and _accented("thé")


def test_title_page_form_test_as_before() -> None:
    from repair.candidates.ocr_titlepage import GIVEN_NAMES, MAX_LEN, TITLES, _title_form

    words = {t.text for text in _corpora() for t in tokenize(text) if t.kind == "word"}
    words |= {"Mr", "Mrs", "Capt", "John", "MR", "mr", "Mv", "M", "Mi's"}
    for text in words:
        old = (2 <= len(text) <= MAX_LEN and text.isalpha()) and not (
            not text[:1].isupper() or text.isupper() or text in TITLES or text in GIVEN_NAMES
        )
        assert _title_form(text) == old
