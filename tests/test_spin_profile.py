"""The seed spinner's profile as data: schema checked on load, and one-way rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from repair.lexicons import LexiconError, lexicon_path

from repair.candidates.spin import LEXICON, PROFILE_COLUMNS, builtin_pairs, profile_rows
from repair.config import RepairConfig
from repair.pipeline import repair_text

ROWS = profile_rows(LEXICON)
PAIRS = {(r[0].lower(), r[1].lower()) for r in ROWS}


def test_profile_has_no_no_op_rows() -> None:
    assert [p for p in PAIRS if p[0] == p[1]] == []


def test_profile_has_no_two_way_cycles() -> None:
    assert sorted(p for p in PAIRS if (p[1], p[0]) in PAIRS) == []


def test_success_is_not_restored_as_hit() -> None:
    assert ("success", "hit") not in PAIRS  # it ran backwards once


@pytest.mark.xfail(
    strict=True,
    reason="chains like 'actually -> really' + 'really -> very' "
    "are seed habits; resolving them automatically broke judged cases",
)
def test_no_original_is_a_spun_form_of_the_same_profile() -> None:
    spun = {s for s, _o in PAIRS}
    assert sorted(p for p in PAIRS if p[1] in spun) == []


def test_malformed_profile_row_names_file_and_line(tmp_path: Path, monkeypatch) -> None:
    from repair import lexicons

    good = lexicon_path(LEXICON).read_text(encoding="utf-8")
    bad = good + "lonely spun form without columns\n"
    monkeypatch.setattr(lexicons, "read_text", lambda name: bad)
    n = len(bad.splitlines())
    with pytest.raises(LexiconError, match=rf"{LEXICON}: line {n}"):
        profile_rows(LEXICON)


def test_profile_header_is_required(monkeypatch) -> None:
    from repair import lexicons

    good = lexicon_path(LEXICON).read_text(encoding="utf-8")
    monkeypatch.setattr(lexicons, "read_text", lambda name: good.replace(PROFILE_COLUMNS, "#"))
    with pytest.raises(LexiconError, match="header"):
        profile_rows(LEXICON)


def test_profile_switch_drops_the_seed_profile(spun_seed) -> None:
    assert builtin_pairs() and builtin_pairs(None) == {}
    on = repair_text(spun_seed, (), RepairConfig(mojibake=False, ocr=False, tortured=False))
    off = repair_text(
        spun_seed,
        (),
        RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None),
    )
    assert not any(e.rule in ("SPIN_PAIR", "SPIN_PHRASE") for e in off.edits)
    assert len(off.edits) < len(on.edits)
