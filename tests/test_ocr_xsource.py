"""Across sources (issue 12): glyph-shape table, page habits without a table, the archive suite."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from repair.lexicons import read_tsv

from repair.candidates import ocr_pagehabit
from repair.types import Token

ROOT = Path(__file__).resolve().parent.parent


def _shapes() -> dict[tuple[str, str], float]:
    return {(o, g): float(s) for o, g, s in read_tsv("ocr_glyph_shapes.tsv")}


def test_shape_table_knows_the_classic_glyph_confusions() -> None:
    sim = _shapes()
    for pair in [("rn", "m"), ("m", "rn"), ("li", "h"), ("e", "o"), ("c", "e"), ("l", "i")]:
        assert sim[pair] >= 0.8, pair
    assert ("x", "o") not in sim  # unlike glyphs are not listed
    assert all(o != g for o, g in sim)


def _toks(words: list[str]) -> list[Token]:
    out, pos = [], 0
    for w in words:
        out.append(Token(w, pos, pos + len(w), "word"))
        pos += len(w) + 1
    return out


def test_a_substitution_shared_by_three_non_words_is_a_page_habit() -> None:
    # "d" printed for "il" (ICDAR's books), a confusion the SMH table never counted
    toks = _toks(["the", "Mdes", "and", "wdls", "stdl", "here"])
    found = [(1, "capitalized_unknown"), (3, "nonword"), (4, "nonword")]
    cands = ocr_pagehabit.with_page_habits(toks, found, [])
    got = {(c.start, c.replacement) for c in cands}
    assert (toks[1].start, "Miles") in got
    assert (toks[3].start, "wills") in got
    assert (toks[4].start, "still") in got
    assert all(c.features["subs"] == [["d", "il"]] for c in cands if c.replacement == "still")


def test_no_habit_from_two_non_words() -> None:
    toks = _toks(["the", "Mdes", "and", "wdls", "stdl"])
    assert not ocr_pagehabit.with_page_habits(toks, [(1, "nonword"), (3, "nonword")], [])


def test_page_habits_switch_on_by_default() -> None:
    assert ocr_pagehabit.PAGE_HABITS is True


def test_archive_damage_keeps_words_and_merges_once() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import ocr_archive

    table = {"e": [("c", 5)], "m": [("rn", 5)]}
    text = "the member went home to see them all"
    rng = random.Random(1)
    out = ocr_archive.damage(text, 1.0, rng, table, split=0, merge=10)
    # every word damaged once, and a merge never repeats the next word
    assert out != text
    assert out.replace(" ", "").replace("c", "e").replace("rn", "m") == text.replace(" ", "")
    tok = ocr_archive.token_outcomes("tbe cat sat", "the cat sat", "the cat sat")
    assert (tok["fixed"], tok["broken"], tok["wrong_before"]) == (1, 0, 1)


COLUMN = (
    "Chlamydia infects the back of the\ncrocodiles' throats, causing an inf-\nlammation that "
    "blocks the\nairway. Chlamydia is suffocating thou-\nsands of young, farmed croc-\nodiles "
    "in the north, say experts. The\ndisease is killing saltwater croco-\ndiles across the "
    "region, and the\nvets are worried about the bac-\nteria that multi-\nply in the warm "
    "water of the\nfarms, where the ani-\nmals are kept in pens for their\nskins, a mana-\nger "
    "of one farm says."
)


def test_hyphen_pieces_of_known_words_are_no_garble(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.detect import ocr as detect

    assert detect.HYPHEN_PIECES_UNCOUNTED is True  # on since session 12 (ocrgate)
    monkeypatch.setattr(detect, "HYPHEN_PIECES_UNCOUNTED", False)
    before = detect.detect_ocr(COLUMN)
    monkeypatch.setattr(detect, "HYPHEN_PIECES_UNCOUNTED", True)
    after = detect.detect_ocr(COLUMN)
    assert after.details["garbled_words"] < before.details["garbled_words"]
    assert not detect.is_garbled(after)
    assert [f.reason for f in after.findings] == [f.reason for f in before.findings]


def test_xsource_holds_the_drop_table_out_on_request() -> None:
    # session 43 (ocrxsrc43): ``--hold-drops`` learns ocr_drops.tsv from the training
    # source alone (here none: the build's prior), as the confusion tables are
    sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts")]
    import ocr_xsource

    assert "ocr_drops.tsv" not in ocr_xsource.build_tables("prior")
    held = ocr_xsource.build_tables("prior", hold_drops=True)["ocr_drops.tsv"]
    rows = [r.split("\t") for r in held.splitlines() if r and not r.startswith("#")]
    assert rows and all(len(r) == 4 and float(r[2]) > 0 for r in rows)
    assert "# format: repair-lexicon/1" in held


def test_xsource_child_shows_the_built_tables_to_every_reader(tmp_path: Path) -> None:
    # session 44 (xsrcfix44): the child swapped the tables by patching ``read_tsv`` in four
    # modules, so self-training (``ocr_table.rows_in_force``, read by ocr_docself and
    # ``learn --ocr``) started from the shipped tables, trained on the evaluated archive
    import json
    import os
    import subprocess

    from repair.lexicons import format_header

    from repair.score import ocr_table

    sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts")]
    import ocr_xsource

    drops = ("letter", "position", "cost", "drops")
    columns = {**ocr_table.TABLES, "ocr_drops.tsv": drops}
    built = {name: read_tsv(name, cols)[:3] for name, cols in columns.items()}
    tables = {}
    for name, rows in built.items():
        tables[name] = str(tmp_path / name)
        lines = [format_header(columns[name]), *("\t".join(r) for r in rows)]
        Path(tables[name]).write_text("\n".join(lines) + "\n", encoding="utf-8")
    script = tmp_path / "show.py"
    script.write_text(
        "import json\n"
        "from repair.candidates import ocr_dropped\n"
        "from repair.score import ocr_docself, ocr_table\n"
        "seen = {n: ocr_table.rows_in_force(n) for n in ocr_table.TABLES}\n"
        "seen['ocr_drops.tsv'] = sorted(ocr_dropped.drop_costs())\n"
        "print(json.dumps([seen, ocr_docself.AUTO]))\n",
        encoding="utf-8",
    )
    code = ocr_xsource.child_code(tables, ["repair.score.ocr_docself.AUTO=True"], [str(script)])
    path = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    seen, auto = json.loads(run.stdout.strip().splitlines()[-1])
    for name in ocr_table.TABLES:
        assert [tuple(r) for r in seen[name]] == list(built[name]), name
    assert seen["ocr_drops.tsv"] == sorted([r[0], r[1]] for r in built["ocr_drops.tsv"])
    assert auto is True  # the run-time settings after ``--`` still apply
