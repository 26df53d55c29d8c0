"""Build ``lexicons/zipf_en_buckets.tsv``: wordfreq's English table, searchable in place.

:func:`repair.resources.frequency.zipf` needs, per word, the centibel bucket of
wordfreq's ``large_en`` list.  Reading that list (gzip + msgpack) and building a
321k-entry dict costs ~0.1 s of every start and ~40 MB per process.  This file
holds the same word -> bucket table as sorted ``word<TAB>bucket`` lines (UTF-8
byte order), so a process reads it as one bytes object and finds a word by
bisection over ~4 KB blocks, without building anything per word.

The header records the size and SHA-256 of the wordfreq file it was made from;
on load a different installed file (another wordfreq version) makes
``frequency`` fall back to reading wordfreq's own file, so values never change,
only their cost.  ``tests/test_startup_frequency.py`` compares the shipped file
with the installed table, word by word.

Usage::

    python scripts/build_zipf_table.py        # writes lexicons/zipf_en_buckets.tsv
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.resources.frequency import ZIPF_TABLE, _buckets, table_text  # noqa: E402


def main() -> None:
    table = _buckets()
    if table is None:
        raise SystemExit("wordfreq's large_en table is not installed")
    out = ROOT / "lexicons" / ZIPF_TABLE
    out.write_bytes(table_text(table))
    print(f"wrote {out} ({len(table):,} words)")


if __name__ == "__main__":
    main()
