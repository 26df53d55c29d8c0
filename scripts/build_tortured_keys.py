"""Write ``lexicons/tortured_keys.txt``: the prefilter keys of the tortured-phrase list.

Run after ``scripts/build_tortured.py`` (``python scripts/build_tortured_keys.py``).
The file records a fingerprint of ``tortured_phrases.tsv``; when it is stale the
detector computes the keys itself (slower start, same matches).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.detect.tortured import KEYS, keys_text  # noqa: E402

if __name__ == "__main__":
    out = ROOT / "lexicons" / KEYS
    out.write_text(keys_text(), encoding="utf-8")
    print(f"wrote {out}")
