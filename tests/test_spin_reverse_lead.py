"""The reverse reading's lead (repair.stages.spin.REVERSE_LEAD, off: session 32)."""

from __future__ import annotations

import pytest

import repair.stages.spin as st


def _captured(monkeypatch: pytest.MonkeyPatch) -> list:
    seen: list = []

    def fake(doc, detection, edits, bar, min_prob, max_zipf, originals_of, extra_lead=None,
             min_recur=None, **_more):  # fmt: skip
        seen.append(extra_lead)
        return [], []

    monkeypatch.setattr(st, "_reread_rows", fake)
    monkeypatch.setattr(st, "_decide_rows", lambda *a, **k: [])
    return seen


def test_reverse_reading_ranks_with_the_old_candidates_by_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert st.REVERSE_LEAD is None
    seen = _captured(monkeypatch)
    assert st.reverse_reading(None, None, [], 0.5) == []
    assert seen and set(seen) == {None}  # the reverse reading, and its wide reading (session 33)


def test_reverse_lead_reads_the_reverse_originals_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _captured(monkeypatch)
    monkeypatch.setattr(st, "REVERSE_LEAD", -1.0)
    st.reverse_reading(None, None, [], 0.5)
    assert seen and set(seen) == {-1.0}
