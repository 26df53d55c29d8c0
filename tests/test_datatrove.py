"""The datatrove step and filter in a small real pipeline: reader -> repair -> filter -> writer."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from repair import repair_text  # noqa: E402
from repair.integrations.datatrove import RepairScoreFilter, RepairStep  # noqa: E402
from tests.conftest import CLEAN_SEEDS, SPUN_SEED  # noqa: E402
from tests.serve_fixture import OCR_PAGE  # noqa: E402

FRENCH = (
    "Le président a rencontré son homologue jeudi à Busan pour apaiser une relation de plus "
    "en plus tendue entre les deux pays, lors de leur première réunion depuis son retour."
)


def _read(folder: Path) -> dict[str, dict]:
    docs = {}
    for f in sorted(folder.rglob("*.jsonl.gz")):
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                docs[d["id"]] = d
    return docs


def _stats(path: Path) -> dict[str, dict[str, int]]:
    """step name -> counter -> total, from datatrove's stats.json."""
    out = {}
    for step in json.loads(path.read_text(encoding="utf-8")):
        out[step["name"]] = {
            k: v["total"] if isinstance(v, dict) else v for k, v in step["stats"].items()
        }
    return out


def test_pipeline_repairs_records_and_filters(tmp_path):
    spun = SPUN_SEED.read_text(encoding="utf-8")
    clean = CLEAN_SEEDS[0].read_text(encoding="utf-8")
    rows = [
        {"id": "spun", "text": spun, "refs": [p.read_text(encoding="utf-8") for p in CLEAN_SEEDS]},
        {"id": "clean", "text": clean},
        {"id": "ocr", "text": OCR_PAGE},
        {"id": "blank", "text": "   \n  "},
        {"id": "binary", "text": "\x00\x01\x02 data \x03\x04"},
        {"id": "french", "text": FRENCH},
    ]
    src = tmp_path / "in"
    src.mkdir()
    (src / "docs.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    step = RepairStep(references_key="refs")
    score_filter = RepairScoreFilter(
        max_spin=0.5, exclusion_writer=JsonlWriter(str(tmp_path / "dropped"))
    )
    pipeline = [
        JsonlReader(str(src)),
        step,
        score_filter,
        JsonlWriter(str(tmp_path / "out")),
    ]
    LocalPipelineExecutor(
        pipeline=pipeline, tasks=1, workers=1, logging_dir=str(tmp_path / "logs")
    ).run()
    stats = _stats(tmp_path / "logs" / "stats.json")

    kept, dropped = _read(tmp_path / "out"), _read(tmp_path / "dropped")
    assert set(kept) == {"clean", "ocr", "blank", "binary", "french"}
    assert set(dropped) == {"spun"}

    # the spun seed: repaired with its references, then dropped by the spin filter
    s = dropped["spun"]
    expected = repair_text(spun, [p.read_text(encoding="utf-8") for p in CLEAN_SEEDS])
    assert s["text"] == expected.text
    rec = s["metadata"]["repair"]
    assert rec["changed"] and rec["skipped"] is None and rec["scores"]["spin"] >= 0.5
    assert len(rec["edits"]) == len(expected.edits)
    assert s["metadata"]["filter_reason"] == "repair_spin"
    out, pos = [], 0
    for e in rec["edits"]:
        out += [spun[pos : e["offset"]], e["replacements"][0]]
        pos = e["offset"] + e["length"]
    assert "".join(out) + spun[pos:] == s["text"]

    # clean text comes out byte-identical; the OCR page is repaired
    assert kept["clean"]["text"] == clean and kept["clean"]["metadata"]["repair"]["edits"] == []
    assert kept["ocr"]["text"] == repair_text(OCR_PAGE).text != OCR_PAGE
    # skip reasons
    skipped = {k: kept[k]["metadata"]["repair"]["skipped"] for k in ("blank", "binary", "french")}
    assert skipped == {"blank": "empty", "binary": "binary", "french": "non_english"}
    assert kept["binary"]["text"] == rows[4]["text"]

    # datatrove's stats counters, as the executor saved them
    ours, filt = stats[str(step)], stats[str(score_filter)]
    assert ours["total"] == 6 and ours["changed"] == 2 and ours["unchanged"] == 2
    assert ours["skipped_empty"] == ours["skipped_binary"] == ours["skipped_non_english"] == 1
    assert ours["edits"] == len(expected.edits) + len(repair_text(OCR_PAGE).edits)
    assert filt["dropped_repair_spin"] == 1 and filt["forwarded"] == 5


def test_filter_scores_documents_the_step_has_not_seen():
    from datatrove.data import Document

    f = RepairScoreFilter(max_spin=None, max_garble=0.02)
    assert f.filter(Document(text=OCR_PAGE, id="o")) == (False, "repair_garble")
    assert f.filter(Document(text=CLEAN_SEEDS[1].read_text(encoding="utf-8"), id="c")) is True


def test_edits_as_json_string_for_columnar_writers():
    from datatrove.data import Document

    doc = RepairStep(edits_json=True).repair(Document(text=OCR_PAGE, id="o"))
    edits = json.loads(doc.metadata["repair"]["edits"])
    assert edits and edits[0]["original"] == "tbe"


def test_filter_takes_any_registered_score_and_refuses_unknown_ones():
    from datatrove.data import Document

    f = RepairScoreFilter(max_spin=None, max_scores={"mojibake": 0.01})
    assert f.filter(Document(text="The cafÃ© opened.\nIt was fine.\n" * 3, id="m")) == (
        False,
        "repair_mojibake",
    )
    with pytest.raises(ValueError, match="unknown score"):
        RepairScoreFilter(max_scores={"colour": 0.5})
