"""``repair batch``'s report lines leave no reference cycles (issue 14, session 46).

Session 45 (mem45) found that ``json.dumps(indent=2)`` called once per match leaves a
reference cycle per call (the pure-Python encoder's closures), never freed where the
collector is off.  A batch worker writes one JSON Lines line per document through the C
encoder (no indent): no cycle, so nothing piles up even with the collector paused.
"""

from __future__ import annotations

import gc

from repair.batch.worker import _line
from repair.report.json import jsonable
from repair.report.json import matches as lt_matches
from repair.types import DocScores, Edit


def test_report_lines_make_no_garbage_cycles() -> None:
    text = "The minister mentioned that the goverment would publish its report.\n" * 20
    edits = [
        Edit(i * 69 + 13, 9, "mentioned", "said", "spin", 0.9, "SPIN_PAIR", "m", {"gain": 3.1})
        for i in range(20)
    ]
    scores = DocScores(words=220, edits=20, edits_by_kind={"spin": 20})
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for _ in range(200):
            report = {
                "id": "doc.txt",
                "changed": True,
                "scores": jsonable(scores.to_json()),
                "matches": lt_matches(text, edits),
            }
            _line(report)
            _line({"id": "doc.txt", "text": text, "x": float("nan")}, strict=False)
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
