"""Exact speed-ups of session 25 (issue 14) on clean varied text: the same outputs, less work.

Each faster path is checked against its definition (the plain code it replaces):

* collocation term windows: :func:`repair.detect.collocation._read_windows` against
  :func:`~repair.detect.collocation._windows` and ``_lower_ok``; ``_product`` against every
  combination with ``_anchored``; ``Terms._index`` against :func:`~repair.detect.collocation.key`;
  the memos of ``Terms.first`` and of the windows' known terms (bounded);
* the phrase spans' gates (:func:`repair.candidates.spin_phrase._opens_span`,
  ``_continues``) against the ungated loop ``_phrase_evidence_any``, and
  :class:`~repair.resources.sorted_lines.SortedLines` with small blocks;
* the tortured matcher's cheap compare before the slice;
* :func:`repair.detect.science.is_scientific` and ``style`` shared by two Document objects
  of one text; :func:`repair.detect.rareword.scan` read once per document.
"""

from __future__ import annotations

import itertools
import random

import pytest

from repair.candidates import spin_phrase
from repair.candidates.spin_synonyms import STOPWORDS
from repair.detect import collocation, rareword, science, tortured
from repair.document import Document
from repair.resources.sorted_lines import SortedLines

TEXTS = [
    "We measured the voltaic conductivity of the films. The neural web was trained on "
    "data agglomerates, and the biorhythm exigency rose. Profound learning helps.",
    "In this descant we proffer a simple comportment for the solar cells and the "
    "blood pressure of patients; the well-known heart rate rose. Dr. Smith said so.",
    "THE END. A noteworthy 42 results - in the long-run, Smith's  double  spaced words: "
    "Electrical Conductivity of metal alloys was measured in the lab.\nNew line starts "
    "here with machine learning methods and support vector machines.",
    "It was a dark and stormy night; the rain fell in torrents, except at occasional "
    "intervals, when it was checked by a violent gust of wind which swept up the streets.",
]


def _find_definition(doc: Document, max_zipf: float) -> list[tuple]:
    """``find``'s windows by the plain loop (every window, every combination)."""
    terms = collocation.load_terms(collocation.HELD_OUT)
    out = []
    for window in collocation._windows(doc):
        written = collocation._lower_ok(doc, window)
        if written is None or sum(w not in STOPWORDS for w in written) < 2:
            continue
        opts = [collocation._options(w, max_zipf) for w in written]
        if all(len(o) == 1 for o in opts):
            continue
        if terms.get(written) is not None:
            cands = []
        else:
            cands = [
                (r, t)
                for r in itertools.product(*opts)
                if collocation._anchored(written, r)
                and (len(r) == 2 or terms.prefix(f"{r[0]} {r[1]}"))
                and terms.first(r[0])
                and (t := terms.get(r)) is not None
            ]
        out.append((tuple(t.start for t in window), written, cands))
    return out


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("max_zipf", [collocation.MAX_SPUN_ZIPF, 5.5])
def test_term_windows_equal_their_definition(text: str, max_zipf: float) -> None:
    doc = Document(text)
    expected = _find_definition(doc, max_zipf)
    terms = collocation.load_terms(collocation.HELD_OUT)
    got = []
    for window, written, opts in collocation._read_windows(doc, max_zipf):
        cands = [] if terms.get(written) is not None else collocation._product(written, opts, terms)
        got.append((tuple(t.start for t in window), written, cands))
    assert got == expected
    assert any(c for *_, c in got) or "stormy" in text or "THE END" in text


def test_read_windows_skips_names_numbers_and_breaks() -> None:
    doc = Document("Voltaic Conductivity rose. Voltaic conductivity rose; 42 voltaic, conductivity")
    read = [w for _win, w, _o in collocation._read_windows(doc)]
    # a capital inside a window is a name; a sentence-initial one is lowered
    assert ("voltaic", "conductivity") in read
    assert all("42" not in w for w in read)
    assert not any(w == ("voltaic", "conductivity", "rose") for w in read[:1])


def test_product_equals_every_anchored_combination() -> None:
    """Random option sets (real words with real terms among them) give the same list, in
    the same order, as trying every combination with ``_anchored``."""
    terms = collocation.load_terms()
    rng = random.Random(25)
    pool = ["neural", "network", "web", "electrical", "voltaic", "conductivity", "blood",
            "pressure", "the", "of", "deep", "learning", "profound", "heart", "rate", "data",
            "sets", "set", "machine", "vector", "support", "solar", "cells", "cell"]  # fmt: skip
    for _ in range(400):
        n = rng.choice((2, 3))
        written = tuple(rng.choice(pool) for _ in range(n))
        opts = [
            (w,) if w in STOPWORDS else (w, *rng.sample(pool, rng.randint(0, 5))) for w in written
        ]
        want = []
        for r in itertools.product(*opts):
            if not terms.first(r[0]) or not collocation._anchored(written, r):
                continue
            if n == 3 and not terms.prefix(f"{r[0]} {r[1]}"):
                continue
            t = terms.get(r)
            if t is not None:
                want.append((r, t))
        assert collocation._product(written, opts, terms) == want, (written, opts)


def test_index_equals_the_key_definition() -> None:
    terms = collocation.load_terms()
    for text in ("neural network", "blood pressure", "neural", "zzzq xx", "data sets", ""):
        k = collocation.key(text)
        b = k >> (64 - collocation.BUCKET_BITS)
        keys = list(terms.keys[terms.offsets[b] : terms.offsets[b + 1]])
        want = terms.offsets[b] + keys.index(k) if k in keys else -1
        assert terms._index(text) == want
    assert terms._index("neural network") >= 0 and terms._index("zzzq xx") == -1


def test_first_memo_is_bounded_and_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    terms = collocation.load_terms()
    monkeypatch.setattr(collocation, "FIRST_MEMO", 3)
    words = ["neural", "blood", "zzzq", "electrical", "qqqz", "neural"]
    got = [terms.first(w) for w in words]
    assert got == [bool(terms._flags(w) & collocation.FIRST) for w in words]
    assert got[:3] == [True, True, False]
    assert len(terms._firsts) <= 3


def test_known_terms_remembered_across_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "We measured the voltaic conductivity of the films."
    first = collocation.find(Document(text))
    calls: list[tuple[str, ...]] = []
    real = collocation._product

    def counted(written, opts, terms):  # type: ignore[no-untyped-def]
        calls.append(written)
        return real(written, opts, terms)

    monkeypatch.setattr(collocation, "_product", counted)
    again = collocation.find(Document(text + " "))
    assert repr(again) == repr(first) and first
    assert ("voltaic", "conductivity") not in calls  # remembered from the first document
    # forgotten: computed again, the same
    collocation.load_terms(collocation.HELD_OUT)._products.clear()
    assert repr(collocation.find(Document(text))) == repr(first)
    assert ("voltaic", "conductivity") in calls
    monkeypatch.setattr(collocation, "PRODUCT_MEMO", 1)  # emptied before each new window
    many = Document(TEXTS[0] + " " + TEXTS[1])
    assert repr(collocation.find(many)) == repr(collocation.find(Document(many.text + " ")))
    assert len(collocation.load_terms(collocation.HELD_OUT)._products) <= 1


PHRASE_TEXTS = [
    "He gave up the fight and set forth by way of the river, earlier than planned; "
    "the adult females turned into leaders. In spite of that, he carried on.",
    "Names like New York and By Way Of stay; by way of the hills, a kind of odd way.",
]


@pytest.mark.parametrize("text", PHRASE_TEXTS + TEXTS)
def test_phrase_gates_give_the_ungated_spans(text: str) -> None:
    doc = Document(text)
    rng = random.Random(len(text))
    for covered in (set(), {t.start for t in doc.words if rng.random() < 0.3}):
        assert spin_phrase.phrase_evidence(doc, covered) == spin_phrase._phrase_evidence_any(
            doc, covered
        )


def test_phrase_gates_answer_the_table() -> None:
    lines = spin_phrase.phrase_lines()
    assert spin_phrase._opens_span("by") and spin_phrase._continues("by", "way")
    assert lines.get("by way of") is not None
    assert not spin_phrase._opens_span("zzqx")
    assert not spin_phrase._continues("by", "zzqx")
    # a word that opens no span has no two-word row either
    assert spin_phrase.span_originals(("zzqx", "of")) == ((), frozenset())


@pytest.mark.parametrize("block", [1, 7, 64, 1024, 4096])
def test_sorted_lines_blocks_answer_alike(block: int) -> None:
    rng = random.Random(block)
    keys = sorted(
        {"".join(rng.choice("ab c") for _ in range(rng.randint(1, 6))) for _ in range(300)}
    )
    keys = [k for k in keys if k.strip() == k and k]
    blob = "# head\n" + "".join(f"{k}\t{i}\n" for i, k in enumerate(keys))
    small, big = SortedLines(blob, 7, block=block), SortedLines(blob, 7)
    probes = keys + ["", "a", "zz", "ab", "b c", "c a b"]
    assert [small.get(p) for p in probes] == [big.get(p) for p in probes]
    assert [small.has_prefix(p) for p in probes] == [big.has_prefix(p) for p in probes]
    assert [small.get(k) for k in keys] == [str(i) for i in range(len(keys))]
    assert list(small) == keys and len(small) == len(keys)


def _matches_definition(doc: Document, lex: tortured.Lexicon) -> list:
    """The matcher before session 25 (a tuple slice per entry)."""
    units = tortured._units(doc)
    keys = [tortured.unit_text(t) for t in units]
    found = []
    i = 0
    while i < len(units):
        hit = None
        for e in lex.by_first.get(keys[i], ()):
            n = len(e.units)
            if hit is not None and n < hit[1]:
                break
            if i + n > len(units) or tuple(keys[i : i + n - 1]) != e.units[:-1]:
                continue
            last = keys[i + n - 1]
            if last != e.units[-1] and (
                not units[i + n - 1].is_word
                or last[:3] != e.units[-1][:3]
                or e.units[-1] not in tortured._lemmas(last)
            ):
                continue
            if not all(
                tortured._joined(doc.text, units[k], units[k + 1]) for k in range(i, i + n - 1)
            ):
                continue
            if last == e.units[-1]:
                hit = (e, n, False)
                break
            hit = hit or (e, n, True)
        if hit is None:
            i += 1
            continue
        e, n, inflected = hit
        found.append((units[i].start, units[i + n - 1].end, e.tortured, inflected))
        i += n
    return found


def test_tortured_matches_equal_the_plain_matcher() -> None:
    lex = tortured.load_lexicon()
    rng = random.Random(7)
    entries = rng.sample(list(lex.entries), 400)
    text = " ".join(
        f"We saw the {e.tortured}{rng.choice(['', 's', 'ed', 'ing'])} in a {f.tortured} study."
        for e, f in zip(entries, reversed(entries), strict=True)
    )
    doc = Document(text + " " + TEXTS[0])
    got = [
        (f.start, f.end, f.data["entry"].tortured, f.data["inflected"])
        for f in tortured.find_matches(doc, lex)
    ]
    assert got == _matches_definition(doc, lex)
    assert len(got) >= 300
    assert tortured.find_matches(Document(TEXTS[3]), lex) == []


SCIENCE = (
    "We propose a neural network for image classification and evaluate its accuracy on "
    "three public data sets. The network is trained with a small amount of labeled data, "
    "and the error rate falls by a third compared with the standard method."
)


def test_science_verdict_shared_by_documents_of_one_text(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = science.register

    def counted(doc, vocabulary=True):  # type: ignore[no-untyped-def]
        calls.append(id(doc))
        return real(doc, vocabulary)

    monkeypatch.setattr(science, "register", counted)
    text = SCIENCE + " "  # a text object of this test's own
    one, two = Document(text), Document(text)
    assert science.is_scientific(one) and science.is_scientific(two)
    assert science.style(two) == real(one, vocabulary=False)
    assert len(calls) == 1  # the second document's verdict and style are the first's
    other = Document("".join([SCIENCE, " "]))  # equal text, another object: read again
    assert science.is_scientific(other) and len(calls) == 2
    news = Document('"I said no," Mr. Brown told the Times on Monday in London.')
    assert not science.is_scientific(news)
    assert science.style(news) == real(news, vocabulary=False)


def test_rare_scan_reads_a_document_once(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(TEXTS[1] + " " + TEXTS[3])
    full = rareword._scan(doc)
    assert full and all(doc.tokens[i].text.islower() for i, _z, _c in full)
    calls: list[int] = []
    real = rareword._scan
    monkeypatch.setattr(rareword, "_scan", lambda d: calls.append(1) or real(d))
    rareword._last_scan = None
    skip = frozenset(doc.tokens[i].start for i, _z, _c in full[::2])
    assert rareword.scan(doc) == full
    assert rareword.scan(doc, skip) == [r for r in full if doc.tokens[r[0]].start not in skip]
    assert rareword.scan(doc, skip) != full
    assert len(calls) == 1
    assert rareword.scan(Document(TEXTS[1] + " " + TEXTS[3])) == full and len(calls) == 2
    monkeypatch.setattr(rareword, "MAX_ZIPF", 0.0)  # the bound is part of what is remembered
    assert rareword.scan(doc) == [] and len(calls) == 3


def test_rare_scan_matches_the_word_rules() -> None:
    doc = Document("Descant proffer tHe comportment Comportment comportment's sesquipedalian")
    got = [doc.tokens[i].text for i, _z, _c in rareword.scan(doc)]
    assert "tHe" not in got and "Descant" not in got and "Comportment" not in got
    assert "proffer" in got and got.count("comportment") == 1
