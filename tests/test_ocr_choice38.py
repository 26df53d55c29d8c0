"""Session 38 (ocrchoice38): the account of the choice among OCR readings and the fold
check of per-builder margin offsets (``scripts/ocr_choice.py``; no pipeline change)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import ocr_choice  # noqa: E402
from ocr_ablation import dev_half  # noqa: E402


def _opt(repl: str, margin: float, right: bool, source: str = "OCR_CONFUSION",
         threshold: float = 1.0, **x: float) -> dict[str, Any]:  # fmt: skip
    feats = dict.fromkeys(ocr_choice.ACCOUNT, 0.0)
    feats.update(x)
    return {"repl": repl, "source": source, "margin": margin, "threshold": threshold,
            "right": right, "orig": ["tho"], "x": feats}  # fmt: skip


def _row(group: str, keep_right: bool, *opts: dict[str, Any]) -> dict[str, Any]:
    return {"group": group, "span": [0, 3], "keep_right": keep_right, "options": list(opts)}


def test_add_builders_marks_each_reading_with_its_builder() -> None:
    rows = [_row("g", False, _opt("the", 5.0, True), _opt("tbe", 2.0, False, "OCR_STRAY_MARK"))]
    ocr_choice.add_builders(rows)
    a, b = rows[0]["options"]
    assert a["x"]["src_confusion"] == 1.0 and a["x"]["src_stray_mark"] == 0.0
    assert b["x"]["src_stray_mark"] == 1.0 and b["x"]["src_confusion"] == 0.0
    assert all(f"src_{n}" in a["x"] for n in ocr_choice.BUILDERS)


def test_outcome_names_each_kind_of_error() -> None:
    right = _row("g", False, _opt("the", 5.0, True))
    kept = _row("g", False, _opt("the", 0.5, True))  # below the bar: the print stays
    broke = _row("g", True, _opt("she", 5.0, False))
    chose = _row("g", False, _opt("she", 6.0, False), _opt("the", 5.0, True))
    chose_declined = _row("g", False, _opt("she", 6.0, False), _opt("the", 0.5, True))
    assert ocr_choice.outcome(right) == ocr_choice.RIGHT
    assert ocr_choice.outcome(kept) == ocr_choice.KEPT_DECLINED
    assert ocr_choice.outcome(broke) == ocr_choice.BROKE
    assert ocr_choice.outcome(chose) == ocr_choice.CHOSEN_WRONG_ACCEPTED
    assert ocr_choice.outcome(chose_declined) == ocr_choice.CHOSEN_WRONG_DECLINED
    # an extra weight can move the choice
    assert ocr_choice.outcome(chose, {"tri_r": 1.0}) == ocr_choice.CHOSEN_WRONG_ACCEPTED
    chose["options"][1]["x"]["tri_r"] = 2.0
    assert ocr_choice.outcome(chose, {"tri_r": 1.0}) == ocr_choice.RIGHT


def test_account_counts_the_features_that_would_pick_the_gold() -> None:
    rows = [
        # a wrong choice: the gold has more right-context gain and a cheaper channel
        _row(
            "g",
            False,
            _opt("she", 6.0, False, tri_r=0.0, cost=3.0),
            _opt("the", 5.9, True, tri_r=1.5, cost=1.0),
        ),  # fmt: skip
        # a right choice among two accepted readings: the other one has more tri_r
        _row("g", False, _opt("the", 6.0, True, tri_r=0.0), _opt("she", 2.0, False, tri_r=1.0)),
        # a right reading declined near the bar, with page support
        _row("g", False, _opt("in", 0.2, True, page_pair=1.0)),
    ]
    got = ocr_choice.account(rows)
    assert got["kinds"][ocr_choice.CHOSEN_WRONG_ACCEPTED] == 1
    assert got["kinds"][ocr_choice.KEPT_DECLINED] == 1
    assert got["n_wrong"] == 1 and got["n_right"] == 1 and got["n_near_right"] == 1
    assert got["table"]["tri_r"][:2] == [1, 1]
    assert got["table"]["cost"][0] == 1  # cheaper is better
    assert got["table"]["page_pair"][2] == 1
    assert ("tho", "she", "the") in got["ties"]  # 6.0 against 5.9: a near tie


def _group(half: str, k: int) -> str:
    found = [g for g in (f"art{i}" for i in range(200)) if dev_half(g) == half]
    return found[k]


def test_folds_fit_on_each_half_and_score_the_other_and_icdar() -> None:
    # a stray-mark reading a little below its bar is right on both dev halves and on
    # ICDAR: an offset fitted on either half carries to the other
    def rows(group: str) -> list[dict[str, Any]]:
        return [_row(group, False, _opt("at", 0.8, True, "OCR_STRAY_MARK")) for _ in range(3)]

    smh = rows(_group("deva", 0)) + rows(_group("devb", 0))
    icdar = rows("7")
    ocr_choice.add_builders(smh)
    ocr_choice.add_builders(icdar)
    lines = ocr_choice.folds(smh, icdar, ["src_stray_mark"])
    assert lines[0].startswith("rule")
    by = {ln.split()[2]: ln for ln in lines[1:]}
    assert set(by) == {"deva", "devb", "dev", "icdar", "all"}
    assert "src_stray_mark" in by["deva"] and "devb +3/+0" in by["deva"]
    assert "icdar +3/+0" in by["devb"]


# --- the looser bar for glued-mark readings on heavy pages (ocr_glued.HEAVY_THRESHOLD) ---


def test_loose_chunks_are_those_of_rarely_kept_marks() -> None:
    from repair.candidates.ocr_glued import _loose_chunk

    for chunk in ("munica!", "measure»,", "arrange!", "poa!"):
        assert _loose_chunk(chunk), chunk
    for chunk in ("(rand", "(or", "NOS)", "designer;", 'W"', "Gleb-^", "voted"):
        assert not _loose_chunk(chunk), chunk


def test_chunk_readings_take_the_base_threshold() -> None:
    from repair.candidates.ocr_glued import THRESHOLD, chunk_readings

    assert chunk_readings("munica!")[0][0] == "musical"
    assert chunk_readings("munica!")[0][2] == THRESHOLD
    assert chunk_readings("munica!", base=-3.0)[0][2] == -3.0


def test_heavy_pages_read_rarely_kept_marks_at_the_looser_bar(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from repair.candidates import ocr_glued
    from repair.tokenize import tokenize

    monkeypatch.setattr(ocr_glued, "HEAVY_THRESHOLD", -3.0)
    toks = tokenize("a special munica! programme and Caudata (or Urodela")
    thr = {c.replacement: c.features["threshold"] for c in ocr_glued.glued_candidates(toks, True)}
    assert thr["musical"] == -3.0
    assert all(v >= 0.0 for k, v in thr.items() if k != "musical")  # "(or": print
    light = ocr_glued.glued_candidates(toks, False)  # not a heavy page: the usual bar
    assert all(c.features["threshold"] >= 0.0 for c in light)


def test_a_heavy_page_reads_a_glued_mark_as_its_letter(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from repair.candidates import ocr_glued
    from tests.ocr_page import GARBLED, repaired_after_page

    text = "A special munica! programme has been arranged for the evening."
    monkeypatch.setattr(ocr_glued, "HEAVY_THRESHOLD", None)
    assert "musical" not in repaired_after_page(text)[len(GARBLED) :]
    monkeypatch.setattr(ocr_glued, "HEAVY_THRESHOLD", -3.0)
    assert "A special musical programme" in repaired_after_page(text)[len(GARBLED) :]


def test_flag() -> None:
    from repair.candidates import ocr_glued

    assert ocr_glued.HEAVY_THRESHOLD == -3.0  # None: the old bar (THRESHOLD) everywhere
