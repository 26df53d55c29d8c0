"""Speed of the second readings on unknown spinners' text (issue 14, session 33,
spinspeed33): the wide reverse reading reads no evidence for a row it would drop, second
readings join the memo's static rows instead of recomputing them, and the chosen row's
margin and lead are the same floats."""

from __future__ import annotations

from array import array

import pytest

import repair.candidates.spin_mobyrev as mobyrev
import repair.score.spin_evidence as ev
import repair.stages.spin as spin
from repair.document import Document
from repair.score.spin_evidence import candidates_for

BATTLE = (  # tests/test_spin_reverse_wide.py's text: "battle" is written for "breast"
    "A British study has found that the incidence of battle cancer is higher in rural areas. "
    "The report says battle cancer is now the leading cause of cancer death among women, "
    "and screening for battle cancer should start earlier."
)


def _recording(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[str, ...], tuple]]:
    calls: list[tuple[str, tuple[str, ...], tuple]] = []
    real = spin.evidence

    def evidence(start, end, written, *a, **k):  # type: ignore[no-untyped-def]
        calls.append((written.lower(), k.get("origs"), (start, end)))
        return real(start, end, written, *a, **k)

    monkeypatch.setattr(spin, "evidence", evidence)
    return calls


def test_wide_reverse_rows_read_only_rows_they_could_keep(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = Document(BATTLE + " The assembly approved the measure after a long debate.")
    d = spin.STAGE.detect(doc)
    calls = _recording(monkeypatch)
    rows = spin.wide_reverse_rows(doc, d, [], 0.5, [])
    assert {c.replacement for c in rows} == {"breast"}
    assert calls
    for low, _origs, _span in calls:  # each read row has a wide original of its own
        base = candidates_for(low)
        assert any(o not in base for o in mobyrev.reverse_originals_wide(low))
    calls.clear()
    assert spin.wide_reverse_rows(doc, d, [], 0.5, rows) == []
    taken = {(c.start, c.end) for c in rows}
    assert not any(span in taken for _low, _origs, span in calls)  # taken rows: not read


def test_wide_reverse_rows_equal_the_unskipped_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(BATTLE)
    d = spin.STAGE.detect(doc)
    fast = spin.wide_reverse_rows(doc, d, [], 0.5, [])
    real = spin._reread_rows

    def unskipped(*a, **k):  # type: ignore[no-untyped-def]
        k.pop("skip", None)
        k.pop("read_of", None)
        return real(*a, **k)

    monkeypatch.setattr(spin, "_reread_rows", unskipped)
    slow = spin.wide_reverse_rows(doc, d, [], 0.5, [])
    assert [(c.start, c.end, c.replacement, c.features) for c in fast] == [
        (c.start, c.end, c.replacement, c.features) for c in slow
    ]


def test_split_rows_are_the_static_rows_bytes_from_the_pieces_memo() -> None:
    s = "battle"
    base = candidates_for(s)
    near = tuple(o for o in mobyrev.reverse_originals(s) if o not in base)
    wide = tuple(o for o in mobyrev.reverse_originals_wide(s) if o not in base)
    origs = base + near + wide
    assert near and wide
    whole = ev._static_rows(s, origs)
    ev._static_rows.cache_clear()
    assert ev._split_rows(s, origs, (len(base), len(base) + len(near))) == whole
    info = ev._static_rows.cache_info()
    assert info.currsize == 3  # the pieces are held, not the joined tuple
    assert ev._split_rows(s, origs, ()) == whole
    assert ev._split_rows(s, origs, (0, len(origs))) == whole  # empty pieces skipped


def test_splits_cut_after_the_candidates_and_the_earlier_readings_run() -> None:
    assert spin._splits("x", ("a", "b"), ("c", "d", "e"), None) == (2,)
    assert spin._splits("x", ("a",), ("c", "d", "e"), lambda w: ("d", "c")) == (1, 3)
    assert spin._splits("x", ("a",), ("e", "c"), lambda w: ("c",)) == (1, 1)


def test_second_readings_compute_only_the_new_candidates_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ev._static_rows.cache_clear()
    doc = Document(BATTLE)
    d = spin.STAGE.detect(doc)  # the first reading's rows
    monkeypatch.setattr(spin, "REVERSE_WIDE", False)
    spin.reverse_reading(doc, d, [], 0.5)  # the reverse reading's rows
    pairs: list[tuple[str, str]] = []
    real = ev._pair_static

    def counted(s: str, o: str) -> tuple[float, ...]:
        pairs.append((s, o))
        return real(s, o)

    real_each = ev.wordnet_shared_each

    def counted_each(s: str, origs: tuple[str, ...]) -> list[int]:
        # STATIC_BATCH: a piece's rows read the written word's cell once for its candidates
        pairs.extend((s, o) for o in origs)
        return real_each(s, origs)

    monkeypatch.setattr(ev, "_pair_static", counted)
    monkeypatch.setattr(ev, "wordnet_shared_each", counted_each)
    assert spin.wide_reverse_rows(doc, d, [], 0.5, [])
    assert pairs and all(o in mobyrev.reverse_originals_wide(s) for s, o in pairs)


def test_chosen_margin_and_lead_are_the_loops_floats() -> None:
    names = ("a", "b", "c", "d")
    data = array("d")
    for g, sc in ((1.5, 0.25), (-0.0, 3.0), (0.0, 3.0), (2.0, -1.0)):
        data.extend((g, sc, 0.1, 0.2, 1.0))
    packed = ev.Packed(names, data)
    for k in range(4):
        got = ev._chosen(0, 1, "w", 4, packed, k)
        gains, scores = data[0::5], data[1::5]
        want_margin = gains[k] - max(gains[i] for i in range(4) if i != k)
        want_lead = scores[k] - max(scores[i] for i in range(4) if i != k)
        assert repr(got.margin) == repr(want_margin)
        assert repr(got.rank_margin) == repr(want_lead)
