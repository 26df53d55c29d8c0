"""Session 61 (speedspin61): the long wordy-span reader asks its cheap questions first
(``repair.candidates.spin_phrase_self.LONG_EARLY``, a pure speed change): a span whose
places share a neighbour is not read with the LM, and the places are read only against
the originals a mapping could choose.  The mappings are the same either way
(benchmarks/RESULTS.md, "Session 61, speedspin")."""

from __future__ import annotations

import pytest

import repair.candidates.spin_phrase_long as spl
import repair.candidates.spin_phrase_self as sps
from repair.candidates.spin_synonyms import STOPWORDS
from repair.document import Document
from repair.resources.frequency import zipf

#: A phrase spinner's "because" at two unrelated places (tests/test_spin_phrase_long59.py).
SPUN = (
    "Suit on cell: I am going to have to think about this due to the fact that when I do not "
    "I never have any plans.\nHS girl: Okay, so during the American Revolution, the Americans "
    "wanted independence due to the fact that they wanted to be free?\n"
)
#: The same, but both places are followed by "they": a repeated longer phrase.
SHARED = SPUN.replace("that when I do not I never", "that they never")
_SPAN_ROWS = spl.span_rows


def _read(monkeypatch: pytest.MonkeyPatch, text: str, early: bool) -> tuple[list, list]:
    """The long mappings of ``text`` and the originals each place was read against."""
    monkeypatch.setattr(sps, "LONG_EARLY", early)
    monkeypatch.setattr(spl, "LONG_SPANS", True)
    reads: list[int] = []
    real = _SPAN_ROWS

    def counted(doc, start, end, origs=None):  # type: ignore[no-untyped-def]
        rows = real(doc, start, end, origs)
        reads.append(len(rows))
        return rows

    monkeypatch.setattr(spl, "span_rows", counted)
    got = [
        (m.written, m.original, m.places, m.mean_gain, m.lead, m.min_gain)
        for m in sps.document_mappings(Document(text), [], set())
        if len(m.written.split()) >= spl.MIN_WORDS
    ]
    return got, reads


def test_same_mapping_fewer_originals(monkeypatch: pytest.MonkeyPatch) -> None:
    late, late_reads = _read(monkeypatch, SPUN, False)
    early, early_reads = _read(monkeypatch, SPUN, True)
    assert early == late and [m[:2] for m in early] == [("due to the fact that", "because")]
    assert late_reads and set(late_reads) == {len(spl.originals())}
    assert 0 < len(early_reads) < len(late_reads)  # the spans kept would decline: not read
    assert 0 < max(early_reads) < len(spl.originals())  # only the originals it could choose


def test_shared_neighbour_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    late, late_reads = _read(monkeypatch, SHARED, False)
    early, early_reads = _read(monkeypatch, SHARED, True)
    assert early == late == []
    assert len(late_reads) >= 2 and early_reads == []


def _long_spans_60(doc: Document, covered: set[int]) -> dict:
    """Session 60's ``long_spans`` (each start read on word by word), the reference."""
    text = doc.text
    toks = [t for t in doc.tokens if t.kind == "word"]
    ok = [
        bool(spl._WORD.fullmatch(t.text))
        and t.start not in covered
        and zipf(t.text) >= spl.MIN_ZIPF
        for t in toks
    ]
    joined = [j > 0 and text[toks[j - 1].end : toks[j].start] == " " for j in range(len(toks))]
    out: dict = {}
    for i in range(len(toks)):
        if not ok[i] or toks[i].text in spl._OPENERS:
            continue
        words: list[str] = []
        content = 0
        for j in range(i, min(i + spl.MAX_WORDS, len(toks))):
            if not ok[j] or (j > i and not joined[j]):
                break
            words.append(toks[j].text)
            content += toks[j].text not in STOPWORDS
            if content > spl.MAX_CONTENT:
                break
            if len(words) >= spl.MIN_WORDS:
                rest = text[toks[j].end : toks[j].end + 3].lstrip(" ")
                goes_on = bool(rest) and rest[0] not in ".!?\n"
                out.setdefault(" ".join(words), {})[(toks[i].start, toks[j].end)] = goes_on
    return out


def test_long_spans_same_runs_in_order() -> None:
    text = (
        "It was done, due to the fact that we left. Due to the fact that it rained and "
        "it was in the middle of the night when we were at the end of the day and in the "
        "middle of it all; in the middle of the road.  At this point in time it is now, "
        "and so it is  as it was in the end\nof it all.  Or if it is as it was in it then.\n"
    )
    doc = Document(text)
    for covered in (set(), set(range(13, 33)), set(range(100, 160))):
        got, ref = spl.long_spans(doc, covered), _long_spans_60(doc, covered)
        assert list(got.items()) == list(ref.items())  # the same runs and places, in order
        assert [list(v) for v in got.values()] == [list(v) for v in ref.values()]
    assert len(ref) > 10
