"""``benchmarks/ocr_fold_eval.py`` reads every learned OCR table from the fold's files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CODE = """
import sys
sys.path.insert(0, {bench!r})
import ocr_fold_eval as f
f.use_tables({tables!r})
from repair.candidates.ocr_dropped import drop_costs
from repair.candidates.ocr_glued import mark_model
from repair.score.ocr_channel import confusions
from repair.score.ocr_slotprice import _by_printed
print(sorted(mark_model().by_mark), sorted(confusions()), len(drop_costs()), sorted(_by_printed()))
"""


def test_fold_tables_replace_marks_drops_confusions_and_slot_units(tmp_path: Path) -> None:
    marks = tmp_path / "marks.tsv"
    marks.write_text("# a fold's table\n~\tinner:aa\tdrop\t5\n", encoding="utf-8")
    conf = tmp_path / "conf.tsv"
    conf.write_text("q\tg\t1.0\t9\n", encoding="utf-8")
    drops = tmp_path / "drops.tsv"
    drops.write_text("e\tinner\t2.0\t4\n", encoding="utf-8")
    slot = tmp_path / "slot.tsv"
    slot.write_text("zq\tw\t3.0\t2\n", encoding="utf-8")
    tables = {
        "ocr_marks.tsv": str(marks),
        "ocr_confusions.tsv": str(conf),
        "ocr_drops.tsv": str(drops),
        "ocr_slot_confusions.tsv": str(slot),
    }
    code = _CODE.format(bench=str(ROOT / "benchmarks"), tables=tables)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[0] == "['~'] ['q'] 1 ['zq']"


def test_help_prints_the_usage_instead_of_reading_it_as_an_override() -> None:
    bench = str(ROOT / "benchmarks")
    code = f"import sys; sys.path.insert(0, {bench!r}); import ocr_fold_eval as m; m.main(['-h'])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "MODULE.NAME=VALUE" in out.stdout
