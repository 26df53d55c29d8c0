"""CPU time of each stage inside one fresh pipeline run (first call: lazy loads included).

Usage: ``python benchmarks/stage_clock.py seeds/001_6ec5e41faf0dbfb8.txt``.  Wraps
``repair.pipeline.load_stage`` so each stage's detect + candidates + score is timed;
imports done before the stage is first called are not counted.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import repair.pipeline as pipeline  # noqa: E402

_load = pipeline.load_stage
TIMES: dict[str, float] = {}


class _Timed:
    """A stage whose detect, candidates and score add their CPU time to :data:`TIMES`."""

    def __init__(self, name: str) -> None:
        self.stage = _load(name)
        self.name = self.stage.name

    def _clock(self, fn, *args):  # type: ignore[no-untyped-def]
        t = time.process_time()
        out = fn(*args)
        TIMES[self.name] = TIMES.get(self.name, 0.0) + time.process_time() - t
        return out

    def detect(self, doc):  # type: ignore[no-untyped-def]
        return self._clock(self.stage.detect, doc)

    def candidates(self, doc, detection):  # type: ignore[no-untyped-def]
        return self._clock(self.stage.candidates, doc, detection)

    def score(self, doc, detection, candidates):  # type: ignore[no-untyped-def]
        return self._clock(self.stage.score, doc, detection, candidates)


def main(path: str) -> None:
    pipeline.load_stage = _Timed  # type: ignore[assignment]
    text = Path(path).read_text(encoding="utf-8")
    result = pipeline.repair_text(text)
    print({k: round(v, 4) for k, v in TIMES.items()}, "unchanged" if result.text == text else "")


if __name__ == "__main__":
    main(sys.argv[1])
