"""A row the table never counted is repriced from one surprising use (issue 12, session 50)."""

from __future__ import annotations

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


@dataclass
class _First:
    text: str
    edits: list


def _uncounted_dear() -> tuple[str, str, float]:
    """A one-glyph row of the table in force its training never counted, priced dear."""
    counted = {(r[0], r[1]) for r in ocr_table.rows_in_force(ocr_table.CONFUSIONS) if r[3] != "0"}
    for src, rows in confusions().items():
        for dst, c in rows:
            ok = len(src) == 1 and len(dst) == 1 and src.isalpha() and dst.isalpha()
            if ok and c >= 4.0 and (src, dst) not in counted:
                return src, dst, c
    pytest.skip("no uncounted dear one-glyph row in force")


def _counts(sub: tuple[str, str], uses: int) -> st.ArchiveCounts:
    counts = st.ArchiveCounts()
    text = " ".join(["the " + sub[1] * 3] * 20)  # 60 true glyphs
    counts.add(text, [_Edit("zzqx", {"substitutions": [list(sub)]})] * uses, [])
    return counts


def test_one_use_of_a_dear_uncounted_row_is_surprising() -> None:
    src, dst, _c = _uncounted_dear()
    assert (src, dst) in st.surprising_rows(_counts((src, dst), 1), 0.05, uncounted=True)
    assert (src, dst) not in st.surprising_rows(_counts((src, dst), 1), 1e-9, uncounted=True)


def test_a_cheap_row_used_once_is_not_surprising() -> None:
    cheap = next(
        (s, d)
        for s, rows in confusions().items()
        for d, c in rows
        if len(s) == len(d) == 1 and s.isalpha() and d.isalpha() and c <= 1.0
    )
    assert cheap not in st.surprising_rows(_counts(cheap, 1), 0.05)


def test_the_document_reprices_the_row_only_with_the_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    src, dst, cost = _uncounted_dear()
    raw = " ".join(["the " + dst * 3] * 20)
    first = [_First(raw, [_Edit("zzqx", {"substitutions": [[src, dst]]})])]

    def learned() -> dict:
        table = st.learn_table(
            [raw],
            min_uses=ds.DOC_MIN_USES,
            first=first,
            surprise=ds.DOC_SURPRISE,
            surprise_uncounted=ds.DOC_SURPRISE_UNCOUNTED,
        ).table
        rows = [line.split("\t") for line in table.splitlines() if not line.startswith("#")]
        return {(r[0], r[1]): float(r[2]) for r in rows}

    assert ds.DOC_MIN_USES > 1  # one use alone reprices nothing ...
    assert ds.DOC_SURPRISE > 0
    assert learned()[(src, dst)] < cost - 0.5  # ... but one use of a dear uncounted row does
    monkeypatch.setattr(ds, "DOC_SURPRISE", 0.0)
    assert learned()[(src, dst)] == pytest.approx(cost, abs=0.01)
