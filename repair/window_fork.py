"""A big text's windows each repaired in a child process (issue 14, peak memory).

``repair fix`` repairs a text over ``config.whole_document_chars`` window by window
(:func:`repair.pipeline.repair_stream`).  In one process the memos the windows fill and
the pymalloc arenas their short-lived objects leave half empty stay for the rest of the
run: an unknown spinner's 5 MB text peaks ~400 MB, its 50 MB ~450-570 MB, where its first
window alone peaks ~290 MB.  With :data:`FORK_WINDOWS`, after the first pass
(:mod:`repair.window_counts`, ~45 MB held on 5 MB of text) each window is repaired by a
``fork`` of this process, which sends back only what the caller keeps of its result (the
window's repaired text and the summary counts) and exits: every window starts from the
same small parent, so the peak is the parent plus one window, whatever the text's length.

Exact: a window's repair reads the first pass's counts and the tables, and the state it
leaves behind for the next windows is memos of pure functions (the same answers
recomputed) and the lazy OCR gate's counters, which choose when a table is loaded, not
what it answers (:mod:`repair.score.ocr_channel`).  Checked byte for byte on spun, OCR,
clean and mixed texts (benchmarks/RESULTS.md, "Session 60, rss"; tests/test_window_fork60.py).

The price is CPU: each child loads the tables its window reads (the per-user cache's
copies) and starts with the parent's memos, not the previous window's.  Most of it was
imports (~350-380 modules a window, each child importing them again): with
:data:`WARM_IMPORTS` the parent imports what the children imported before its next fork,
and :data:`FREEZE_BEFORE_FORK` keeps the inherited objects out of the child's collections
(session 60, forkwarm).  A child that
fails for any reason (it is killed, its result does not pickle) is not an error: the
window is repaired again in this process, the same bytes.
"""

from __future__ import annotations

import gc
import importlib
import os
import pickle
import sys
from collections.abc import Callable
from typing import TypeVar

_T = TypeVar("_T")

#: Repair each window of a big text in a ``fork`` of the process (the module docstring).
#: Measured (session 60, rss; benchmarks/RESULTS.md "Session 60, rss"): an unknown
#: spinner's 5 MB (``benchmarks/spin_big_text.py --mb 5``, 20 windows) peak RSS
#: 422,916 -> 307,676 KB (the largest child; the parent 45 MB) for CPU 110.9 -> 131.7 s
#: (+19 %), output byte-identical; its 50 MB's children (12 of 200 windows run) peak
#: 288-301 MiB over a 49 MB parent; a spun / OCR / clean mix of 1.37 M code points in
#: 100 k windows 338,320 -> 238,632 KB, byte-identical; CPU +20 % on 1 M code points
#: (3 alternated pairs, 5 windows: each child loads its tables and fills its memos
#: afresh), +41 % on the mix's 100 k windows (one pair).  False: every window in this
#: process (before session 60).
FORK_WINDOWS = True

#: Each child sends back, with its value, the names of the modules its call imported, and
#: this process imports them before its next fork (session 60, forkwarm): a window's code
#: (~350-380 modules, most of ``repair.candidates`` / ``repair.score``, rapidfuzz,
#: lemminflect, wordfreq, ftfy) is then imported once in the parent and inherited by every
#: later child, not imported again by each (the first child still imports it).  Exact: an
#: import loads code, no window's state.  Measured (benchmarks/RESULTS.md "Session 60,
#: forkwarm"): ``head1m`` (1.01 M code points, 5 windows; 2 alternated pairs, CPU
#: user+sys medians) one process 22.97 s, forked 27.02 s (+17.6 %), forked with this
#: 25.09 s (+9.2 %: the fork's extra CPU halved), peaks 292 MB either way; outputs
#: byte-identical (also the 5 MB text and the 1.37 M mix).  False: each child imports what
#: its window needs (session 60, rss).
WARM_IMPORTS = True

#: ``gc.freeze()`` in this process before each fork (and ``gc.unfreeze()`` after): the
#: objects a child inherits sit in the collector's permanent generation, so the child's
#: collections neither walk them nor write their pages (copy-on-write kept shared).
#: Session 60, forkwarm; exact (the collector frees no object either way: it only finds
#: cycles, and the frozen objects are the parent's, alive).  Measured only together with
#: :data:`WARM_IMPORTS` (its figures), not apart: the window runs with the collector
#: paused (``pipeline._gc_paused_document``), so little is expected of it alone.
FREEZE_BEFORE_FORK = True

#: Each child also sends back the names of this package's zero-argument cached loaders
#: (module-level ``functools.lru_cache`` / ``cache`` functions without parameters: the
#: lazily loaded tables, the language model, the compiled trees) its call filled, and this
#: process calls them before its next fork, so later children inherit the tables
#: (copy-on-write) instead of reading them again.  Exact by the same account as the
#: windows in one process: a window after another finds every such table loaded.
#: Session 60, forkwarm, **off**: ``head1m`` (5 windows) 23.46 -> 22.98 s CPU in one pair
#: (within noise), byte-identical (also the 1.37 M mix), but the mix's peak 238,220 ->
#: 266,072 KB: the parent then holds every kind of window's tables (spin, OCR, the LM),
#: and each child carries those its own window never reads.
WARM_TABLES = False

#: :data:`WARM_TABLES` for OCR texts only: a child whose window the OCR stage found
#: garbled (its result's ``scores.skipped`` lists a stage skipped as ``ocr_garbled``)
#: sends back the zero-argument cached loaders its window filled, and this process calls
#: them before its next fork, so later OCR children inherit the tables (copy-on-write)
#: instead of reading them again (session 62, forkocr).  Only while every window of the
#: text so far was OCR-garbled: once one was not (a mixed text) nothing more is loaded here
#: until :func:`release`, so a spin window's child never carries the OCR tables (the
#: peak that kept :data:`WARM_TABLES` off: session 60, forkwarm's mix).  Exact by the
#: same account as :data:`WARM_TABLES`.  Measured (benchmarks/RESULTS.md "Session 62,
#: forkocr"; ``benchmarks/window_scale.py --kind ocr --words 1000000``, alternated pairs at
#: load 3-5): output sha256 5815975b8c29 either way; the OCR children's ``ocr.detect``
#: median 0.41-0.42 -> 0.26-0.28 s a window (the tables it read now inherited); CPU
#: user+sys medians of 3 pairs 160.27 -> 153.98 s (pair differences +1.8, -12.3, -8.8 s:
#: not resolved), 1 M / 100 k x12.36 -> x11.87; peak 314-316 MB either way;
#: the 5 MB unknown spinner (no OCR window: nothing loaded) 291,672 KB
#: (main 291,272), sha256 3db090b59df1.  False: each OCR child loads its tables (before).
#: Shipped **OFF** by the lead (session 62): exact, but the CPU gain is not resolved at the
#: load it was measured at (one of three pairs slower), and the forked window tests once
#: failed beside a 1 M run during its development; to be re-measured at a quiet load.
WARM_OCR_TABLES = False

#: A child whose window the OCR stage found garbled sends back the per-word memo entries
#: its window filled (:mod:`repair.window_memos`: the OCR readers' and the word tables'
#: bounded ``lru_cache`` memos, each entry looked up again at the window's end), and this
#: process puts them into its own memos before its next fork, so later OCR children inherit
#: them (copy-on-write) instead of refilling them, as a window in one process finds its
#: predecessor's (session 63, speedocr1m).  Only while every window of the text so far was
#: OCR-garbled (from the second window: the recorders are put in after the first garbled
#: window); once one was not, the carried entries are emptied here.  Exact: the memos'
#: answers depend on their arguments and the loaded tables only
#: (:data:`repair.window_memos.VERIFY` recomputes every merged entry: 0 of 738 k differed
#: on the 300 k-word OCR speed text).  Only memos whose misses cost >= 40 us each are
#: carried, at most 40 k entries held here (:mod:`repair.window_memos`).  Measured
#: (benchmarks/RESULTS.md "Session 63, speedocr1m"; ``benchmarks/window_scale.py --kind ocr
#: --words 100000 1000000``, 3 alternated pairs at load 2.4-8): OCR 1 M words' windows 2-24
#: median 7.23 -> 6.66 s CPU, the whole run 182.20 -> 170.11 s (every pair lower: -16.7,
#: -12.1, -12.0 s), 1 M / 100 k x12.78 -> x10.94 by each run's own 100 k (x12.11 -> x11.31
#: against the median 100 k), output sha256 1f67482de177 either way; peak 315-316 ->
#: 340-369 MB (the carried entries in every child; session 64, speedmem: bounded by bytes,
#: :data:`repair.window_memos.BY_BYTES`, off: 343-352 -> 316-320 MB for +6 % CPU).
#: Texts with no OCR-garbled window install nothing (clean 1 M, the 5 MB unknown spinner:
#: outputs and peaks as off).  False: every OCR child refills its memos (before).
MERGE_OCR_MEMOS = True

#: A child whose resident memory after its window is still under :data:`KEEP_CHILD_MB`
#: stays alive and repairs the next window too (its arguments sent down a pipe), as the
#: windows run in one process; one whose memory passed it reports its window and exits,
#: and the next window forks anew from the small parent (session 61, forkpolicy).
#: Exact: the windows one child repairs in turn are repaired as in one process
#: (:data:`FORK_WINDOWS` False), each from its predecessor's state (outputs byte-identical:
#: clean / OCR 1 M words, the 5 MB unknown-spinner text, tests/test_window_fork_keep61.py).
#: Measured (benchmarks/RESULTS.md "Session 61, forkpolicy", CPU user+sys, bar 175 MiB):
#: clean 1 M words 31.10 -> 21.03 s (one child for all 25 windows; 1 M / 100 k x11.6 ->
#: x7.8) but its peak 163,860 -> 194,036 KB (the one-process figure); OCR 1 M words
#: unchanged (every child ~290-300 MiB exits); the 5 MB spinner's peak 315,700 ->
#: 321,288 KB: a light window's child (171 MiB) kept its next, heavy, window (313 MiB where
#: a fresh child peaks 300): the bar cannot tell what the next window will need.  The
#: helper shipped it off for that; the lead turned it **on** (session 61): the clean text's
#: peak stays the one-process figure, far under the 300 MB target, the spinner's rises
#: 1.8 % on a peak over the target either way, and clean text (most of a corpus) meets
#: "1 M words <= 11x 100 k" only with it.  False: one child a window (session 60).
KEEP_CHILD = True
#: The bar (MiB of the child's ``/proc/self/statm`` resident pages after a window):
#: clean windows' children sit at 156-164 MiB, a spinner's / OCR window's at 285-308,
#: the spinner text's lighter windows at 171-186 (at 200 they kept three heavy windows:
#: peak 328,016 KB).
KEEP_CHILD_MB = 175

#: A text one of whose windows, repaired by a fresh child (its first window), left that
#: child over :data:`KEEP_CHILD_MB` has shown it has heavy windows: no child is kept for
#: the rest of that text (every later window forks anew from the small parent), so a
#: light window's kept child never takes the heavy window after it (session 61,
#: forkpolicy: the 5 MB unknown spinner's light window 3 kept, its heavy window 4 then
#: peaked 313 MiB where a fresh child peaks 300).  A kept child that passes the bar by
#: what its windows added (clean text's carry) does not count: the next fresh child is
#: kept as before.  Session 62, rss; exact (which process repairs a window changes no
#: byte, as :data:`KEEP_CHILD`).  Measured (benchmarks/RESULTS.md "Session 62, rss"): on
#: the 5 MB text main's kept child took window 4 at 314 MiB (its fresh children 296-304);
#: with this every window is a fresh child; clean 1 M words keep one child for all 25
#: windows as before (peak 193-194 MB either way).  False: a fresh child under the bar is
#: always kept (session 61).
KEEP_UNTIL_HEAVY = True

#: Memos bounded in this process before each fork (``module.function`` -> ``maxsize``),
#: so that every window's child, the first too, starts with them bounded (the modules are
#: imported here at the first fork; a window imports them anyway, and
#: :data:`WARM_IMPORTS` imports them here after it).  Each is an ``lru_cache`` of a pure
#: function that holds 2.7-9.8 MB after one heavy spin window (250 k code points of an
#: unknown spinner's text: 4-27 k entries) and is cheap to refill at these bounds (each
#: bound's extra misses measured in that window: ~0.3 s of a ~7 s window in all), or is
#: never hit within a window (``agree``: 26 k entries, 0 hits; its callers remember their
#: rows); clean text fills none of them past its bound.  A child's peak is its window's
#: live data (the HWM is reached at the end of the spin stage's scoring), so less held is
#: a lower peak.  Exact: the same function behind a smaller pure cache
#: (:func:`repair.resources.memo_reset.bound_memos`).  Only the forked windows of a big
#: text read this; a single document (the 100 k speed texts) never forks.  Measured
#: (session 62, rss; benchmarks/RESULTS.md "Session 62, rss"): ``head1m``'s heavy windows
#: 292-293 -> 270-273 MiB (peak 300,272 -> 280,528 KB); the 5 MB unknown spinner's peak
#: (with :data:`KEEP_UNTIL_HEAVY`, :data:`KEEP_CHILD` on) 321,620 -> 294,908 KB (heavy
#: windows 19-23 MiB lower each), output byte-identical; ~0.3 s more CPU a heavy window.
#: Empty: off.
CHILD_MEMO_BOUNDS: dict[str, int] = {
    "repair.score.spin_form_agree.agree": 1_024,
    "repair.score.spin_evidence._lowered": 2_048,
    "repair.score.spin_evidence._written_static": 2_048,
    "repair.score.spin_topic._own": 2_048,
    "repair.score.spin_topic._mine": 2_048,
    "repair.score.spin_topic._pmi": 4_096,
    "repair.score.spin_evidence._static_rows": 6_144,
    "repair.candidates.spin_channel._row": 12_288,
    "repair.score.ocr_channel._target_test": 8_192,
}

#: Children started, and windows that fell back to this process (for tests and probes);
#: ``kept`` counts the windows a live child repaired after its first.
forks = 0
fallbacks = 0
kept = 0

#: Module names the children imported that this process has not tried yet (WARM_IMPORTS).
_to_import: set[str] = set()
#: Module names this process tried to import for the children (imported or not).
warmed: set[str] = set()
#: Loaders (module, name) the children filled that this process has not called yet, and
#: those it called (WARM_TABLES).
_to_load: set[tuple[str, str]] = set()
loaded: set[tuple[str, str]] = set()


def can_fork() -> bool:
    """Whether a window may run in a child: a POSIX ``fork`` on Linux (macOS's system
    libraries are not fork-safe) and no other thread alive (a fork copies only this one)."""
    if not hasattr(os, "fork") or not sys.platform.startswith("linux"):
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


class _Child:
    """A live child kept for the next window (:data:`KEEP_CHILD`): its pid, the pipe ends
    this process writes the next call's arguments to and reads its answers from, and the
    function it calls."""

    def __init__(self, pid: int, send: int, receive: int, fn: Callable[..., object]) -> None:
        self.pid, self.send, self.receive, self.fn = pid, send, receive, fn


#: The kept child, if one is alive.
_child: _Child | None = None
#: Whether this text has shown a heavy window (:data:`KEEP_UNTIL_HEAVY`); :func:`release`
#: forgets it at the text's end.
_heavy = False
#: Whether this text has shown a window that was not OCR-garbled (:data:`WARM_OCR_TABLES`);
#: :func:`release` forgets it at the text's end.
_not_ocr = False
#: Whether this text has shown an OCR-garbled window (:data:`MERGE_OCR_MEMOS`), and the
#: memo entries its children sent back that this process has not merged yet.
_garbled_seen = False
_memo_parts: list[dict[str, bytes]] = []


def _write(fd: int, obj: object) -> None:
    """``obj`` pickled to ``fd``, its length first."""
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(len(data).to_bytes(8, "little") + data)
    while view:
        view = view[os.write(fd, view) :]


def _read(fd: int) -> object:
    """The next object :func:`_write` sent down ``fd`` (EOFError at its end)."""

    def exactly(n: int) -> bytes:
        parts: list[bytes] = []
        while n:
            part = os.read(fd, min(n, 1 << 20))
            if not part:
                raise EOFError
            parts.append(part)
            n -= len(part)
        return b"".join(parts)

    return pickle.loads(exactly(int.from_bytes(exactly(8), "little")))


def _resident_mb() -> float:
    """This process's resident memory in MiB (``/proc/self/statm``), inf if unread."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, IndexError, ValueError):
        return float("inf")
    return pages * os.sysconf("SC_PAGE_SIZE") / (1 << 20)


def release() -> None:
    """End the kept child, if any (it exits when its pipe closes), and forget whether the
    text had a heavy window (:data:`KEEP_UNTIL_HEAVY`): called when a text's windows are
    done."""
    global _heavy, _not_ocr, _garbled_seen
    _heavy = _not_ocr = _garbled_seen = False
    _end_child()
    _drop_memos()


def _drop_memos() -> None:
    """Forget the memo entries not merged yet and empty the merged ones
    (:data:`MERGE_OCR_MEMOS`): the same answers, recomputed."""
    _memo_parts.clear()
    window_memos = sys.modules.get("repair.window_memos")
    if window_memos is not None:
        window_memos.clear()


def _merging() -> bool:
    """Whether the next child records its memo entries and this process merges them
    (:data:`MERGE_OCR_MEMOS`: a text whose windows so far were all OCR-garbled)."""
    return MERGE_OCR_MEMOS and _garbled_seen and not _not_ocr


def _prepare_memos() -> None:
    """Before a fork (:data:`MERGE_OCR_MEMOS`): the recorders put behind the memos, the
    children's entries merged, the notes emptied (a child notes its own window's)."""
    if not _merging():
        return
    from repair import window_memos

    window_memos.install()
    while _memo_parts:
        window_memos.merge(_memo_parts.pop(0))
    for _memo, recorder in window_memos._installed.values():
        recorder.forget()
    window_memos.snapshot()


def _memo_entries(garbled: bool) -> dict[str, bytes]:
    """In a child after its window: the memo entries it filled, if it records them."""
    window_memos = sys.modules.get("repair.window_memos")
    if not (garbled and _merging()) or window_memos is None or not window_memos._installed:
        return {}
    return window_memos.export()


def _end_child() -> None:
    """End the kept child, if any (it exits when its pipe closes)."""
    global _child
    child, _child = _child, None
    if child is None:
        return
    for fd in (child.send, child.receive):
        try:
            os.close(fd)
        except OSError:
            pass
    try:
        os.waitpid(child.pid, 0)
    except ChildProcessError:
        pass


def _run_kept(fn: Callable[..., _T], args: tuple[object, ...]) -> tuple[bool, _T | None]:
    """``fn(*args)`` run by the kept child, if one is alive for ``fn``: (True, its value),
    or (False, None) when there is none or it failed (then it is ended)."""
    global kept
    child = _child
    if child is None:
        return False, None
    if child.fn is not fn:
        _end_child()
        return False, None
    try:
        _write(child.send, args)
        ok, value, new, full, garbled, stay, memos = _read(child.receive)  # type: ignore[misc]
    except (OSError, EOFError, pickle.PickleError, ValueError, TypeError):
        _end_child()
        return False, None
    if not ok:
        _end_child()
        return False, None
    kept += 1
    _learn(new, full, garbled, memos)
    if not stay:
        _end_child()
    return True, value


def _warming() -> bool:
    """Whether a child reports the loaders its window filled (WARM_TABLES, WARM_OCR_TABLES)."""
    return WARM_TABLES or WARM_OCR_TABLES


def _reporting() -> bool:
    """Whether a child reports whether its window was OCR-garbled."""
    return _warming() or MERGE_OCR_MEMOS


def _ocr_garbled(value: object) -> bool:
    """Whether a window's result (or what the caller kept of it) says the OCR stage found
    its page garbled: a stage skipped as ``ocr_garbled`` (:data:`WARM_OCR_TABLES`)."""
    parts = value if isinstance(value, tuple) else (value,)  # a kept (text, ..., scores)
    for part in parts:
        skipped = getattr(getattr(part, "scores", part), "skipped", None)
        if isinstance(skipped, tuple):
            return any(str(reason).endswith(":ocr_garbled") for reason in skipped)
    return False


def _filled(value: object, empty: set[tuple[str, str]]) -> tuple[list[tuple[str, str]], bool]:
    """The loaders of ``empty`` the child's call filled (what :func:`_learn` may load here)
    and whether its window was OCR-garbled."""
    if not _reporting():
        return [], False
    garbled = _ocr_garbled(value)
    if not _warming() or (not WARM_TABLES and not garbled):
        return [], garbled
    return sorted(empty & _loaders(filled=True)), garbled


def _learn(
    new: list[str],
    full: list[tuple[str, str]],
    garbled: bool = True,
    memos: dict[str, bytes] | None = None,
) -> None:
    """What a child imported, loaded and remembered, for the next fork (WARM_IMPORTS,
    WARM_TABLES, WARM_OCR_TABLES, MERGE_OCR_MEMOS)."""
    global _not_ocr, _garbled_seen
    _to_import.update(name for name in new if name not in warmed)
    if MERGE_OCR_MEMOS:
        if not garbled:
            if not _not_ocr:
                _drop_memos()  # an OCR window's entries: not for this mixed text's children
        elif not _not_ocr:
            _garbled_seen = True
            if memos:
                _memo_parts.append(memos)
    if not garbled:
        _not_ocr = True
        if not WARM_TABLES:
            _to_load.clear()  # an OCR window's tables: not for this mixed text's next child
    if not WARM_TABLES and (_not_ocr or not WARM_OCR_TABLES):
        return
    _to_load.update(tuple(name) for name in full if tuple(name) not in loaded)  # type: ignore[misc]


def _serve(fn: Callable[..., object], send: int, receive: int) -> None:
    """The kept child's loop (:data:`KEEP_CHILD`): while its memory is under the bar it
    reads the next call's arguments, calls ``fn`` and sends back (ok, value, the modules
    it imported, the loaders it filled, whether it stays); it returns at the end of its
    pipe or once its memory passed the bar."""
    while True:
        try:
            args = _read(receive)
        except EOFError:
            return
        had = set(sys.modules) if WARM_IMPORTS else None
        empty = _loaders(filled=False) if _warming() else set()
        try:
            value = fn(*args)  # type: ignore[operator]
        except BaseException:  # noqa: BLE001 -- the parent repairs the window itself
            _write(send, (False, None, [], [], True, False, {}))
            return
        new = sorted(set(sys.modules) - had) if had is not None else []
        full, garbled = _filled(value, empty)
        memos = _memo_entries(garbled)
        stay = KEEP_CHILD and _resident_mb() < KEEP_CHILD_MB
        _write(send, (True, value, new, full, garbled, stay, memos))
        if not stay:
            return


def run_apart(fn: Callable[..., _T], *args: object, keep: bool = False) -> _T:
    """``fn(*args)`` run in a forked child, its value sent back pickled; this process
    keeps nothing the call made.  If the child fails (killed, an exception, a value that
    does not pickle) ``fn(*args)`` runs here instead: an error is then raised as it would
    have been.  ``keep`` (and :data:`KEEP_CHILD`): a child still under its bar stays
    alive for the next call of the same ``fn``, which the caller ends with
    :func:`release` when its calls are done."""
    global forks, fallbacks, _child, _heavy
    if _child is not None and keep:
        done, value = _run_kept(fn, args)
        if done:
            return value  # type: ignore[return-value]
    elif _child is not None:
        _end_child()
    for stream in (sys.stdout, sys.stderr):  # the child must not write the parent's buffers
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    if WARM_IMPORTS or _warming() or CHILD_MEMO_BOUNDS or MERGE_OCR_MEMOS:
        _import_for_children()
        if _warming():
            _load_for_children()
        _bound_child_memos()
        _prepare_memos()
        if not can_fork():  # an import started a thread: this window runs here
            return fn(*args)
    read_end, write_end = os.pipe()
    keeping = keep and KEEP_CHILD and not (KEEP_UNTIL_HEAVY and _heavy)
    down_read, down_write = os.pipe() if keeping else (-1, -1)
    parent = os.getpid()
    frozen = FREEZE_BEFORE_FORK
    if frozen:
        gc.freeze()
    pid = -1
    try:
        pid = os.fork()
    finally:
        if frozen and pid:  # this process (or a failed fork): collect as before
            gc.unfreeze()
    if pid == 0:  # the child: never returns, never unwinds into the caller's handlers
        code = 1
        try:
            os.close(read_end)
            if down_write >= 0:
                os.close(down_write)
            _die_with(parent)
            had = set(sys.modules) if WARM_IMPORTS else None
            empty = _loaders(filled=False) if _warming() else set()
            value = fn(*args)
            new = sorted(set(sys.modules) - had) if had is not None else []
            full, garbled = _filled(value, empty)
            memos = _memo_entries(garbled)
            if down_read >= 0:
                stay = _resident_mb() < KEEP_CHILD_MB
                _write(write_end, (value, new, full, garbled, stay, memos))
                if stay:
                    _serve(fn, write_end, down_read)
            else:
                data = pickle.dumps(
                    (value, new, full, garbled, memos), protocol=pickle.HIGHEST_PROTOCOL
                )
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(data)
            code = 0
        except BaseException:  # noqa: BLE001 -- the parent repairs the window itself
            pass
        finally:
            try:
                sys.stderr.flush()
            finally:
                os._exit(code)
    forks += 1
    os.close(write_end)
    if down_read >= 0:
        os.close(down_read)
        try:
            value, new, full, garbled, stay, memos = _read(read_end)  # type: ignore[misc]
        except (OSError, EOFError, pickle.PickleError, ValueError, TypeError):
            stay = None
        if stay:
            _child = _Child(pid, down_write, read_end, fn)
        else:
            if stay is not None:  # a fresh child over the bar: a heavy window
                _heavy = True
            for fd in (down_write, read_end):
                os.close(fd)
            _pid, status = os.waitpid(pid, 0)
        if stay is not None:
            _learn(new, full, garbled, memos)
            return value
        fallbacks += 1
        return fn(*args)
    try:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
    finally:
        _pid, status = os.waitpid(pid, 0)
    if status == 0 and data:
        value, new, full, garbled, memos = pickle.loads(data)
        _learn(new, full, garbled, memos)
        return value
    fallbacks += 1
    return fn(*args)


def _import_for_children() -> None:
    """Import here the modules earlier children imported (:data:`WARM_IMPORTS`), each
    name tried once; one that does not import by its name (an extension's private
    module) is skipped.  (An import that started a thread would stop the forks:
    :func:`run_apart` then runs the window here, as :func:`can_fork` asks.)"""
    while _to_import:
        name = min(_to_import)
        _to_import.discard(name)
        warmed.add(name)
        if name in sys.modules:
            continue
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 -- not importable by name: the child imports it
            continue


def _bound_child_memos() -> None:
    """Bound here the memos of :data:`CHILD_MEMO_BOUNDS` (each module imported if it is
    not yet; one that does not import, or a name that is no memo, is left alone), so the
    next child inherits them bounded."""
    if not CHILD_MEMO_BOUNDS:
        return
    from repair.resources.memo_reset import _replace_memos

    limits: list[tuple[object, int]] = []
    for name, bound in CHILD_MEMO_BOUNDS.items():
        module_name, _, attr = name.rpartition(".")
        module = sys.modules.get(module_name)
        if module is None:
            try:
                module = importlib.import_module(module_name)
            except Exception:  # noqa: BLE001 -- the child imports it, unbounded, as before
                continue
        info = getattr(getattr(module, attr, None), "cache_info", None)
        if info is None:
            continue
        maxsize = info().maxsize
        if maxsize is None or maxsize > bound:
            limits.append((getattr(module, attr), bound))
    if limits:
        _replace_memos(limits, "repair")


def _die_with(parent: int) -> None:
    """The child ends when ``parent`` does (``prctl(PR_SET_PDEATHSIG, SIGKILL)``): a killed
    ``repair fix`` leaves no window running."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it ended before the call
        os._exit(1)


def _loaders(*, filled: bool) -> set[tuple[str, str]]:
    """This package's zero-argument cached loaders (:data:`WARM_TABLES`) whose cache is
    ``filled`` (or empty), as (module, name)."""
    import inspect

    found: set[tuple[str, str]] = set()
    for module_name, module in list(sys.modules.items()):
        if module is None or not module_name.startswith("repair."):
            continue
        for name, value in list(vars(module).items()):
            info = getattr(value, "cache_info", None)
            if info is None or getattr(value, "__module__", None) != module_name:
                continue
            try:
                if inspect.signature(value).parameters or (info().currsize > 0) is not filled:
                    continue
            except (TypeError, ValueError):
                continue
            found.add((module_name, name))
    return found


def _load_for_children() -> None:
    """Call here the loaders earlier children filled (:data:`WARM_TABLES`), each once; one
    that fails is left to the children (they call it as before)."""
    while _to_load:
        key = min(_to_load)
        _to_load.discard(key)
        loaded.add(key)
        module = sys.modules.get(key[0])
        if module is None:
            continue
        try:
            getattr(module, key[1])()
        except Exception:  # noqa: BLE001 -- the child loads it as before
            continue
