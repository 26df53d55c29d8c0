"""The OCR'd modern text audit (``benchmarks/ocr_audit.py``) counts what it says it counts.

Hand-made parts with hand-made edits: no model is loaded, so the test is fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from repair.bench.speed import ocr_speed_parts, ocr_speed_text
from repair.types import Edit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import ocr_audit  # noqa: E402


def _edit(text: str, original: str, replacement: str, rule: str, finding: str = "") -> Edit:
    offset = text.index(original)
    evidence = {"finding": finding} if finding else {}
    return Edit(offset, len(original), original, replacement, "ocr", 0.9, rule, evidence=evidence)


CLEAN = "The cat sat on the mat, and the dog slept near the twice-\nweekly market stall today."
DAMAGED = "Tbe cat sat on the mat, and the dog slcpt near the twice- weekly mar-\nket stall to day."


def test_tokens_join_line_end_hyphens_only() -> None:
    toks = ocr_audit.tokens("a mar-\nket and twice- weekly, 1-\n2")
    assert [t.text for t in toks] == ["a", "mar" + "ket", "and", "twice-", "weekly,", "1-", "2"]
    joined = toks[1]
    assert (joined.start, joined.end) == (2, 10)


def test_hand_made_part() -> None:
    edits = [
        _edit(DAMAGED, "Tbe", "The", "OCR_CONFUSION", "nonword"),  # fixed
        _edit(DAMAGED, "cat sat", "catsat", "OCR_JOIN_SPLIT", "page_join"),  # 2 broken
        _edit(DAMAGED, "mat", "man", "OCR_REALWORD", "realword"),  # a right token broken
        _edit(DAMAGED, "slcpt", "slept", "OCR_CONFUSION", "nonword"),  # fixed
        _edit(DAMAGED, "twice-", "twice", "OCR_STRAY_MARK", "trail_speck"),  # gold "twice-"
        _edit(DAMAGED, "to day", "today", "OCR_JOIN_SPLIT", "nonword"),  # fixed (one clean token)
    ]
    score = ocr_audit.score_part(0, CLEAN, DAMAGED, edits)
    assert score.gold_tokens == len(CLEAN.split())
    rows = {(b.gold, b.output): b.rules for b in score.broken}
    assert rows == {
        ("cat", "catsat"): ("OCR_JOIN_SPLIT/page_join",),
        ("sat", "catsat"): ("OCR_JOIN_SPLIT/page_join",),
        ("mat,", "man,"): ("OCR_REALWORD/realword",),
        ("twice-", "twice"): ("OCR_STRAY_MARK/trail_speck",),
    }
    # "market" is right in the input once its line-end hyphen is joined: neither count
    assert score.fixed == 3
    assert score.fixed_rules == {"OCR_CONFUSION/nonword": 2, "OCR_JOIN_SPLIT/nonword": 1}
    assert "slcpt" in next(b.context for b in score.broken if b.gold == "mat,")


def test_no_edits_no_counts() -> None:
    score = ocr_audit.score_part(0, CLEAN, DAMAGED, [])
    assert score.broken == [] and score.fixed == 0
    assert score.input_right == score.output_right


def test_parts_rebuild_the_speed_text() -> None:
    parts = ocr_speed_parts(400)
    assert "\n\n".join(d for _, d in parts) + "\n" == ocr_speed_text(400)
    assert all(c.strip() and d.strip() for c, d in parts)


def test_split_alternates_by_source() -> None:
    n = ocr_audit.n_sources()
    assert n > 10
    halves = [ocr_audit.split_of(i, n) for i in range(2 * n)]
    assert halves[:4] == ["dev", "test", "dev", "test"]
    assert halves[:n] == halves[n:]  # every copy of one source in the same half


def test_whole_text_edits_map_to_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    parts = [("one two", "onc two"), ("three four", "tbree four")]
    text = "onc two\n\ntbree four\n"

    def fake(doc: str) -> SimpleNamespace:
        assert doc == text
        return SimpleNamespace(
            edits=(
                _edit(doc, "onc", "one", "OCR_CONFUSION"),
                _edit(doc, "two\n\ntbree", "two tbree", "OCR_JOIN_SPLIT"),  # crosses the edge
                _edit(doc, "four", "flour", "OCR_REALWORD"),
            )
        )

    import repair.pipeline

    monkeypatch.setattr(repair.pipeline, "repair_text", fake)
    per, crossing = ocr_audit.repair_parts(parts)
    assert crossing == 1
    assert [(e.offset, e.replacement) for e in per[0]] == [(0, "one")]
    assert [(e.offset, e.replacement) for e in per[1]] == [(6, "flour")]
    assert ocr_audit.apply_edits(parts[1][1], per[1]) == "tbree flour"
