"""``spin_eval.hold_out_profile`` (``--unprofiled``) holds its rows out through the first
document: the flag-memo check at a document's start (:mod:`repair.flagmemo`) must not
read the profile back whole (session 51, spinseed: it did since the flag memos were
merged, so every ``--unprofiled`` figure was the in-sample one)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_eval import hold_out_profile  # noqa: E402
from spin_sim import seedfamily  # noqa: E402

from repair import flagmemo  # noqa: E402
from repair.candidates import spin as cand  # noqa: E402


def _held_pairs(split: str) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for key, fam, _flags in seedfamily.sim().families():
        if seedfamily.split_of(key) == split:
            for orig, alts in fam:
                out.update((cand._norm(a), cand._norm(orig)) for a in alts)
    return out


def _profile_pairs() -> set[tuple[str, str]]:
    table = cand.profile_table()
    return {(spun, cand._norm(o)) for spun, info in table.items() for o in info.originals}


def test_held_rows_stay_out_through_a_document_start() -> None:
    cand._profile.cache_clear()
    whole = _profile_pairs()
    held = _held_pairs("dev") & whole
    assert held, "the profile holds some dev family pairs"
    saved = flagmemo._last[0]
    flagmemo._last[0] = None  # a fresh process: no flags noted yet
    try:
        n = hold_out_profile("dev")
        assert n >= len(held)
        with flagmemo.document():  # the check at the first document's start
            pass
        assert not (_profile_pairs() & held)
    finally:
        flagmemo._last[0] = saved
        cand._profile.cache_clear()
    assert _profile_pairs() == whole
