"""Issue 14, memory of big texts: :func:`repair.resources.heap.bound_heap_growth`.

A process frees every other one of many mid-sized blocks (like a window's lists and dict
tables between long-lived cache entries).  With glibc's default, dynamic mmap
threshold, the blocks came from the heap and their memory stays in the process; with the
bounded thresholds each had its own map and is given back.  Each case runs in a fresh
process (the setting is process-wide)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from repair.resources.heap import bound_heap_growth

_PROBE = r"""
import sys
from repair.resources.heap import bound_heap_growth
if sys.argv[1] == "1":
    assert bound_heap_growth()

def rss_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])

def block(n):
    b = bytearray(n)
    b[::4096] = b"x" * len(range(0, n, 4096))  # touch every page
    return b

big = [block(1 << 20) for _ in range(4)]
del big  # glibc's default raises its mmap threshold to 1 MB here
before = rss_kb()
blocks = [block(256 << 10) for _ in range(160)]  # 40 MB
del blocks[::2]  # every other block freed, the rest (20 MB) lives on between them
print(rss_kb() - before)
"""


def _retained_kb(bounded: bool) -> int:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, "1" if bounded else "0"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout.strip())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc mallopt only")
def test_freed_mid_sized_blocks_go_back_once_the_heap_is_bounded() -> None:
    if not bound_heap_growth():
        pytest.skip("no glibc mallopt here")
    default, bounded = _retained_kb(False), _retained_kb(True)
    # 20 MB stay alive either way; the default heap also holds the 20 MB freed between them
    assert default > 35_000  # the probe does show the held memory ...
    assert bounded < 25_000  # ... and the bounded heap gives it back
