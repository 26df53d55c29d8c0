"""Keep glibc's heap from holding freed memory between the windows of a big text.

``repair fix`` repairs a big file window by window (250 k characters each); every window
builds and drops tens of MB of candidates, tokens and memos.  glibc's ``malloc`` serves
blocks above its mmap threshold (128 KB at first) from their own maps, given back when
freed, but it *raises* that threshold to the size of each such block once freed (up to
32 MB) and keeps up to twice that free at the top of the heap: after the first windows,
the big lists and dict tables of a window come from the heap, and the freed space stays
in the process as holes between the long-lived objects of the caches.  Fixing both
thresholds (``mallopt``; the same as the environment variables ``MALLOC_MMAP_THRESHOLD_``
and ``MALLOC_TRIM_THRESHOLD_``) turns that growth off: measured on 5 MB of the speed
suite's OCR text, peak RSS 338 -> 323 MB.  Only where glibc is the C library; the output
does not depend on it (the allocator only).
"""

from __future__ import annotations

import ctypes
import sys

#: ``mallopt`` parameters (glibc ``malloc.h``).
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
#: Blocks of at least this many bytes get their own map; free space above it at the top
#: of the heap is returned (glibc's initial value, kept fixed).
THRESHOLD = 128 * 1024

_applied = False


def bound_heap_growth() -> bool:
    """Fix glibc's mmap and trim thresholds at :data:`THRESHOLD` (once per process);
    True when applied, False where there is no glibc ``mallopt`` (macOS, musl, Windows)."""
    global _applied
    if _applied:
        return True
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None)  # the running process: python and its C library
        gnu = libc.gnu_get_libc_version  # glibc only: musl's mallopt does nothing
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    gnu.restype = ctypes.c_char_p
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    ok = mallopt(M_MMAP_THRESHOLD, THRESHOLD) == 1 and mallopt(M_TRIM_THRESHOLD, THRESHOLD) == 1
    _applied = ok
    return ok
