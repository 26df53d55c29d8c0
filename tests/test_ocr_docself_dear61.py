"""Three per-document EM variants for a foreign table's dear rows (issue 12, session 61,
ocrproxy), all shipped off: a counted row at the table's ceiling repriced on one
surprising use (``DOC_SURPRISE_DEAR``, optionally only a confident one:
``DOC_DEAR_CONFIDENCE``), a dear listed row supported by the words the first pass left
unknown (``DOC_LISTED_MIN_COST``), and a second EM round (``DOC_ROUNDS``)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

import pytest

from repair.score import ocr_docself as ds
from repair.score import ocr_selftrain as st
from repair.score import ocr_table
from repair.score.ocr_channel import confusions


@dataclass
class _Edit:
    original: str
    evidence: dict = field(default_factory=dict)
    confidence: float = 0.99


def _counted_dear() -> tuple[str, str, float]:
    """A one-glyph letter row of the table in force that its training counted, priced at
    4.4 nats or more (at the build's 4.5-nat ceiling)."""
    for r in ocr_table.rows_in_force(ocr_table.CONFUSIONS):
        src, dst, cost = r[0], r[1], float(r[2])
        ok = len(src) == 1 and len(dst) == 1 and src.isalpha() and dst.isalpha()
        if ok and cost >= 4.4 and len(r) > 3 and r[3] not in ("0", ""):
            return src, dst, cost
    pytest.skip("no counted dear one-glyph row in force")


def _counts(sub: tuple[str, str], confidence: float, sure: float = 0.0) -> st.ArchiveCounts:
    counts = st.ArchiveCounts(sure_confidence=sure)
    text = " ".join(["the " + sub[1] * 3] * 10)  # 30 true glyphs
    counts.add(text, [_Edit("zzqx", {"substitutions": [list(sub)]}, confidence)], [])
    return counts


def test_flags_ship_off() -> None:
    assert ds.DOC_SURPRISE_DEAR is None
    assert ds.DOC_LISTED_MIN_COST is None
    assert ds.DOC_ROUNDS == 1


def test_one_use_of_a_counted_ceiling_row_is_surprising_only_with_dear() -> None:
    src, dst, _cost = _counted_dear()
    counts = _counts((src, dst), 0.99)
    assert (src, dst) not in st.surprising_rows(counts, 0.05, uncounted=True)
    assert (src, dst) in st.surprising_rows(counts, 0.05, uncounted=True, dear=4.0)


def test_the_dear_row_needs_a_confident_use_when_asked() -> None:
    src, dst, _cost = _counted_dear()
    unsure = _counts((src, dst), 0.6, sure=0.95)
    assert (src, dst) not in st.surprising_rows(unsure, 0.05, uncounted=True, dear=4.0)
    sure = _counts((src, dst), 0.97, sure=0.95)
    assert (src, dst) in st.surprising_rows(sure, 0.05, uncounted=True, dear=4.0)


def test_learn_table_reprices_the_ceiling_row_with_dear() -> None:
    src, dst, cost = _counted_dear()
    raw = " ".join(["the " + dst * 3] * 20)

    @dataclass
    class _First:
        text: str
        edits: list

    first = [_First(raw, [_Edit("zzqx", {"substitutions": [[src, dst]]})])]

    def price(dear: float | None) -> float:
        table = st.learn_table(
            [raw],
            min_uses=2.0,
            first=first,
            surprise=0.05,
            surprise_uncounted=True,
            surprise_dear=dear,
        ).table
        rows = [line.split("\t") for line in table.splitlines() if not line.startswith("#")]
        return {(r[0], r[1]): float(r[2]) for r in rows}[(src, dst)]

    assert price(None) == pytest.approx(cost, abs=0.01)
    assert price(4.0) < cost - 0.5


def _listed_dear_garble() -> tuple[str, tuple[str, str]]:
    """A still-unknown garble of a common word made by one listed row priced >= 4 nats."""
    from repair.score.ocr_pagereach import one_edit_readings

    words = "street council company station evening charges business property".split()
    for src, rows in confusions().items():
        if len(src) != 1 or not src.isalpha():
            continue
        for dst, c in rows:
            if c < 4.0 or len(dst) != 1 or not dst.isalpha():
                continue
            for w in words:
                if dst not in w:
                    continue
                g = w.replace(dst, src, 1)
                if st.unknown_word(g, g) and (w, (src, dst)) in one_edit_readings(g):
                    return g, (src, dst)
    pytest.skip("no listed dear row makes an unknown garble of the sample words")


def test_a_dear_listed_row_is_supported_by_unknown_words() -> None:
    garble, sub = _listed_dear_garble()
    assert sub not in st.unseen_support([garble])  # listed: no new-row support
    assert st.listed_support([garble])[sub] > 0
    counts = st.ArchiveCounts()
    counts.add(f"the {garble} and the {garble}", [], st.still_unknown(f"the {garble}"))
    assert sub in st.dear_listed(counts, 4.0, False)
    assert sub not in st.dear_listed(counts, 99.0, False)


def test_another_round_repairs_again_with_what_it_learns(monkeypatch: pytest.MonkeyPatch) -> None:
    learned = st.LearnedTable("profile", 1, 1, {})
    monkeypatch.setattr(ds, "learn_table", lambda *a, **k: learned)
    monkeypatch.setattr(ds, "_held", lambda text: contextlib.nullcontext())
    assert ds._another_round(lambda t: "third", "raw", "second", (), {}) == "third"
    learned = st.LearnedTable("profile", 1, 0, {})
    assert ds._another_round(lambda t: "third", "raw", "second", (), {}) == "second"
