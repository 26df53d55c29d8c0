"""Issue 14, session 23: exact speed-ups of the OCR path.

* ``ocr_firstpass.reads_nothing``: a word type no real-word table reads is never handed
  to ``_Generator._realword``; for every such word of the test texts (heavy page and
  not) ``_realword`` itself returns ``[]``, and the candidates of a garbled text are the
  same with the first pass on and off.
* ``ocr_shortreal._readings`` reads the targets of the print's length only
  (``_near_targets``): the same readings as the loop over every target.
* ``ocr_fixedlists``: the three vocabulary word lists and the name search's prefix set
  read from the per-user cache equal the ones built in the process.
* ``ocr_numshape.chunks``: all-letter and all-digit chunks are told in C.
* ``ocr_nameshape.name_shape_reading``: a variant's window sum stops once it cannot make
  a step; the same readings and floats as the full sums (``_ROUNDING`` infinite).
* ``ocr_realword.document_names``: the word-alone tests once a type.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from repair.bench.speed import ocr_speed_text
from repair.candidates import (
    ocr_firstpass,
    ocr_garbled_join,
    ocr_gluedfw,
    ocr_nameshape,
    ocr_numshape,
    ocr_realword,
    ocr_shortreal,
    ocr_slot,
)
from repair.candidates.ocr import _Generator, ocr_candidates
from repair.document import Document
from repair.score import ocr_fixedlists
from repair.tokenize import tokenize

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def _texts() -> tuple[str, ...]:
    """Garbled text (the speed suite's OCR, 10 k words) and the synthetic OCR suite."""
    out = [ocr_speed_text(10_000, ROOT)]
    for p in sorted((ROOT / "benchmarks/suites/ocr_synthetic").glob("*.txt"))[:40]:
        out.append(p.read_text(encoding="utf-8"))
    return tuple(out)


def test_reads_nothing_means_no_realword_reading() -> None:
    gen = _Generator()
    told = {True: Counter(), False: Counter()}
    for text in _texts():
        toks = tokenize(text)
        counts = Counter(t.text for t in toks if t.kind == "word")
        names = ocr_realword.document_names(toks, counts)
        for i, t in enumerate(toks):
            if t.kind != "word" or len(t.text) < 2:
                continue
            for heavy in (True, False):
                none = ocr_firstpass.reads_nothing(t.text, heavy)
                told[heavy][none] += 1
                if none:
                    assert gen._realword(t, toks, i, names, heavy) == [], (t.text, heavy)
    for heavy in (True, False):  # the test is no empty one: both answers are common
        assert told[heavy][True] > 1_000 and told[heavy][False] > 100, told


def test_reads_nothing_refuses_lone_letters_and_switched_off(monkeypatch) -> None:
    assert not ocr_firstpass.reads_nothing("m", True)
    assert ocr_firstpass.reads_nothing("the", True)
    monkeypatch.setattr(ocr_firstpass, "FIRST_PASS", False)
    assert not ocr_firstpass.reads_nothing("the", True)


def _candidate_rows(text: str) -> list[tuple]:
    from repair.stages.ocr import STAGE

    doc = Document(text)
    detection = STAGE.detect(doc)
    assert detection.details["garbled"]
    found = ocr_candidates(doc, detection, True)
    return [
        (c.start, c.end, c.replacement, c.source, sorted(map(repr, c.features.items())))
        for c in found
    ]


def test_candidates_same_with_first_pass_off(monkeypatch) -> None:
    text = _texts()[0][:60_000]
    on = _candidate_rows(text)
    monkeypatch.setattr(ocr_firstpass, "FIRST_PASS", False)
    off = _candidate_rows(text)
    assert len(on) > 500
    assert on == off


def _readings_reference(
    text: str, max_len: int, min_zipf: float, max_cost: float
) -> tuple[tuple[str, float], ...]:
    """``ocr_shortreal._readings`` as written before session 23 (every target tested)."""
    from rapidfuzz.distance import Levenshtein

    from repair.resources.frequency import zipf
    from repair.score.ocr_price import channel_cost

    m = ocr_shortreal
    low = text.lower()
    if not (m.MIN_LEN <= len(text) <= max_len and text.isalpha() and low[1:] == text[1:]):
        return ()
    z = zipf(low)
    if z >= m.MAX_PRINT_ZIPF:
        return ()
    out = []
    for word in m._targets(max_len, min_zipf):
        if word == low or not 0 <= len(word) - len(text) <= 1 or zipf(word) < z + m.ZIPF_GAIN:
            continue
        if Levenshtein.distance(low, word, score_cutoff=m.MAX_EDITS) > m.MAX_EDITS:
            continue
        cost = channel_cost(text, word)
        if cost <= max_cost:
            out.append((word, round(cost, 3)))
    out.sort(key=lambda x: x[1])
    return tuple(out[: m.MAX_READINGS])


def test_short_real_readings_as_before() -> None:
    words = sorted({w for t in _texts()[:3] for w in re.findall(r"[^\W\d_]{2,5}", t)})
    assert len(words) > 2_000
    args = (ocr_shortreal.MAX_LEN, ocr_shortreal.TARGET_ZIPF, ocr_shortreal.MAX_COST)
    found = 0
    for w in words:
        got = ocr_shortreal._readings.__wrapped__(w, *args)
        assert got == _readings_reference(w, *args), w
        found += bool(got)
    assert found > 100


def test_fixed_lists_from_cache_equal_built(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("REPAIR_CACHE_DIR", str(tmp_path))
    lists = (
        lambda: ocr_shortreal._targets.__wrapped__(4, 6.0),
        ocr_gluedfw.function_words.__wrapped__,
        ocr_slot._slot_words.__wrapped__,
    )
    for make in lists:
        first = make()  # built and stored
        again = make()  # read back
        monkeypatch.setattr(ocr_fixedlists, "CACHE", False)
        plain = make()
        monkeypatch.setattr(ocr_fixedlists, "CACHE", True)
        assert first == again == plain and len(plain) > 20
        assert all(type(w) is str for w in again)
    assert list(tmp_path.rglob("*ocr-words-*")), "nothing stored"


def test_joined_prefixes_is_the_union(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("REPAIR_CACHE_DIR", str(tmp_path))
    base = frozenset({"", "a", "ab", "abc"})
    src = tmp_path / "src.txt"
    src.write_text("x")

    def more() -> tuple:
        return (w[:i] for w in ("abd", "xy") for i in range(4)), iter(["q", "ab"])

    want = base.union(*more())
    got = ocr_fixedlists.joined_prefixes(base, more, "test", [str(src)])
    assert got == want and type(got) is frozenset
    assert ocr_fixedlists.joined_prefixes(base, more, "test", [str(src)]) == want  # read back
    assert ocr_fixedlists.joined_prefixes(base, more, "test", None) == want


def test_name_prefixes_as_the_plain_union() -> None:
    from repair.score import ngrams, ocr_search

    index = ocr_search.name_prefixes()
    table = ngrams.get_ngrams()
    names = [w for w in table.names() if len(w) >= ocr_search.NAME_MIN_LEN]
    plain = (
        ocr_search._word_prefixes()
        .all_prefixes()
        .union(
            (n.lower()[:i] for n in names for i in range(len(n) + 1)),
            (w[:i] for w in ocr_search._name_forms() for i in range(len(w) + 1)),
        )
    )
    assert index.full == plain


def _chunks_reference(text: str) -> list[tuple[int, int]]:
    out = []
    for m in ocr_numshape._CHUNK.finditer(text):
        s = m.group()
        if (
            len(s) <= ocr_numshape.MAX_LEN
            and any(c.isdigit() for c in s)
            and any(c.isalpha() for c in s)
        ):
            out.append((m.start(), m.end()))
    return out


def test_numshape_chunks_as_before() -> None:
    odd = "x² ²x ٣a a٣ 1,000 3.5 word w0rd 8vo Ⅻ Ⅻa ½a a½ 12ab34 " * 3
    for text in (*_texts()[:3], odd):
        assert list(ocr_numshape.chunks(text)) == _chunks_reference(text)


def test_name_shape_cut_sums_as_full_sums(monkeypatch) -> None:
    words = sorted(
        {w for t in _texts()[:4] for w in re.findall(r"\b[A-Z][a-z]{3,}[a-zA-Z]*\b", t)}
    )[:1_500]
    assert len(words) > 500
    ocr_nameshape.name_shape_reading.cache_clear()
    cut = [ocr_nameshape.name_shape_reading(w) for w in words]
    monkeypatch.setattr(ocr_nameshape, "_ROUNDING", float("inf"))  # every sum in full
    ocr_nameshape.name_shape_reading.cache_clear()
    full = [ocr_nameshape.name_shape_reading(w) for w in words]
    ocr_nameshape.name_shape_reading.cache_clear()
    assert cut == full
    assert sum(x is not None for x in full) > 20


def test_document_names_as_before() -> None:
    m = ocr_realword
    for text in _texts()[:6]:
        toks = tokenize(text)
        counts = Counter(t.text for t in toks if t.kind == "word")
        want = set()
        prev: list = []
        for t in toks:
            if t.kind == "space":
                continue
            if (
                t.kind == "word"
                and t.text[:1].isupper()
                and counts[t.text] >= m.NAME_REPEATS
                and not m.realword_suspect(t.text)
                and not m._common_lower(t.text)
                and prev
                and m._inside_sentence(prev)
            ):
                want.add(t.text)
            prev = [*prev[-1:], t]
        assert m.document_names(toks, counts) == frozenset(want)


def test_word_alone_cached_as_computed() -> None:
    for piece in ("tho", "lato", "wo", "havo", "the", "xqz", "carc"):
        assert ocr_garbled_join._word_alone(piece) == ocr_garbled_join._word_alone.__wrapped__(
            piece
        )


def test_one_edits_in_as_filtered_one_edits() -> None:
    from repair.candidates.ocr_backoff import one_edits, one_edits_in
    from repair.score.ocr_channel import vocabulary

    vocab = vocabulary()
    words = sorted({w for w in re.findall(r"[a-z]{2,12}", _texts()[0])})[:1_500]
    words += ["aa", "abba", "wlak", "beng", "runningr", "tbe", "thë", "a"]
    hits = 0
    for w in words:
        want = [(k, e) for k, e in one_edits(w).items() if k in vocab]
        got = list(one_edits_in(w, vocab).items())
        assert got == want, w
        hits += len(got)
    assert hits > 1_000
