"""Session 59 (speedspin): exact cuts of an unknown spinner's long document (issue 14).

:func:`repair.candidates.spin_phrase.span_rows` (each span candidate the printed-span
cue, the tie-break of near-tied originals and the self-gated phrase reading read again)
copied the document's word list (:meth:`WordContext.of`) at every span: O(words) a call,
quadratic in a long document.  With :data:`repair.candidates.spin_phrase.SHARED_CONTEXT`
it reads :meth:`WordContext.own` (the same lists, not copied): the same rows, and whole
repairs byte-identical.  :data:`repair.stages.spin.REREAD_TYPE_MEMO`: a second reading reads
what depends on the written form alone once per form.
:data:`repair.score.spin_sense_pick.TABLE_MEMO`: the sense table's leave-one-out ratios
computed once per (bin, side), not recounted at every row.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from repair.candidates import spin_phrase
from repair.document import Document
from repair.pipeline import repair_text
from repair.score import spin_context
from repair.score.spin_context import WordContext, context

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_sim import spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402

TEXT = (
    "They live near the sea, bordering on the coast. In the end the town was "
    "bordering on ruin. U.S. policy makers came by way of the old road."
)


def test_own_shares_the_lists_and_reads_as_of() -> None:
    doc = Document(TEXT)
    own, copy = WordContext.own(doc), WordContext.of(doc)
    assert WordContext.own(doc).words is own.words  # shared: no copy per call
    assert copy.words is not own.words and list(own.words) == copy.words
    assert own.starts is copy.starts and own.ends is copy.ends
    for t in doc.tokens:
        assert context(doc, own, t.start, t.end) == context(doc, copy, t.start, t.end)


def test_own_cannot_be_restored() -> None:
    doc = Document(TEXT)
    own = WordContext.own(doc)
    with pytest.raises(TypeError):
        own.restore(24, 36, "near")
    # the copies stay restorable and do not change the shared lists
    copy = WordContext.of(doc)
    copy.restore(24, 36, "near")
    assert list(WordContext.own(doc).words) == WordContext.of(doc).words
    assert copy.words != WordContext.of(doc).words


def _spans(doc: Document) -> list[tuple[int, int]]:
    words = [t for t in doc.tokens if t.kind == "word"]
    return [(a.start, b.end) for a, b in zip(words, words[1:], strict=False)]


def test_span_rows_same_rows_without_a_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(TEXT)
    copies = []
    real_of = WordContext.of.__func__  # type: ignore[attr-defined]

    def counting_of(cls: type, d: Document) -> WordContext:
        copies.append(1)
        return real_of(cls, d)

    monkeypatch.setattr(spin_context.WordContext, "of", classmethod(counting_of))
    spans = _spans(doc)
    monkeypatch.setattr(spin_phrase, "SHARED_CONTEXT", False)
    off = [spin_phrase.span_rows(doc, a, b) for a, b in spans]
    n_off = len(copies)
    monkeypatch.setattr(spin_phrase, "SHARED_CONTEXT", True)
    on = [spin_phrase.span_rows(doc, a, b) for a, b in spans]
    assert on == off and any(on)  # "bordering on", "by way of" ...: rows read
    assert n_off > 0  # off: a copy of the word list per span with originals
    assert len(copies) == n_off  # on: none


@pytest.mark.parametrize("spinner", ["spinbot", "wordnet"])
def test_whole_repairs_identical(monkeypatch: pytest.MonkeyPatch, spinner: str) -> None:
    """Spun dev documents (spinbot's are routed to the any-rank model: the printed-span cue
    reads the span rows; WordNet's read the sense table) repaired with session 59's three
    flags off and on: the same text and edits."""
    from repair.score import spin_sense_pick
    from repair.stages import spin as stage

    pool = select("dev", 400)[:3]
    for d in pool:
        spun = spin_doc(d.doc_id, d.register, d.text, spinner, "dev", 0.25).spun
        got = []
        for flag in (False, True):
            monkeypatch.setattr(spin_phrase, "SHARED_CONTEXT", flag)
            monkeypatch.setattr(stage, "REREAD_TYPE_MEMO", flag)
            monkeypatch.setattr(spin_sense_pick, "TABLE_MEMO", flag)
            r = repair_text(spun)
            got.append((r.text, repr(r.scores.spin), [repr(e) for e in r.edits]))
        assert got[0] == got[1]


def test_reread_reads_each_form_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """:data:`repair.stages.spin.REREAD_TYPE_MEMO`: a second reading asks for a written
    form's new originals once per form (off: at every row of the form), with the same
    repairs."""
    from repair.stages import spin as stage

    pool = select("dev", 400)[3:5]
    texts = [spin_doc(d.doc_id, d.register, d.text, "rare", "dev", 0.25).spun for d in pool]
    real = stage.reverse_originals
    asked: list[str] = []

    def counting(word: str) -> tuple[str, ...]:
        asked.append(word)
        return real(word)

    monkeypatch.setattr(stage, "reverse_originals", counting)
    got, n_asked = [], []
    for flag in (False, True):
        monkeypatch.setattr(stage, "REREAD_TYPE_MEMO", flag)
        asked.clear()
        out = []
        for t in texts:
            r = repair_text(t)
            out.append((r.text, repr(r.scores.spin), [repr(e) for e in r.edits]))
        got.append(out)
        n_asked.append((len(asked), len(set(asked))))
    assert got[0] == got[1]
    (off, off_forms), (on, on_forms) = n_asked
    assert off_forms == on_forms and off > on  # the same forms, read fewer times


def test_sense_table_ratios_once_per_bin(monkeypatch: pytest.MonkeyPatch) -> None:
    """:data:`repair.score.spin_sense_pick.TABLE_MEMO`: each row's leave-one-out ratios are
    computed once per (bin, side) instead of at every row; the same scores."""
    from repair.score import spin_sense_pick as sp

    pairs = [
        ("purchased", "bought"), ("big", "large"), ("quick", "fast"), ("begin", "start"),
        ("shut", "close"), ("purchased", "table"), ("answer", "reply"), ("help", "aid"),
    ]  # fmt: skip
    probs = [0.9, 0.01, 0.3, 0.9, 0.01, 0.3, 0.9, 0.01]
    rows = [(w, o, p) for _k in range(40) for (w, o), p in zip(pairs, probs, strict=True)]
    rows += [(w, o, 0.95) for w, o in pairs[:5] for _ in range(4)]
    table = sp.sense_table(rows, 0.5)
    assert table is not None
    cands = ["bought", "acquired", "large", "huge", "fast", "start", "table", "close"]
    calls: list[int] = []
    real = sp.policy_ratios

    def counting(conf, base):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(conf, base)

    monkeypatch.setattr(sp, "policy_ratios", counting)
    got = []
    for flag in (False, True):
        monkeypatch.setattr(sp, "TABLE_MEMO", flag)
        t = sp.SenseTable(table.conf, table.base)
        calls.clear()
        fns = [t.extra(w, o, p, 0.5) for w, o, p in rows]
        got.append([[f(c) for c in cands] for f in fns])
        got.append(len(calls))
    off, n_off, on, n_on = got
    assert on == off  # the same floats
    assert n_off == len(rows) and n_on < 20
