"""Per-word memo entries a forked OCR window filled, carried back for the next windows (issue 14).

A big text's windows are each repaired in a ``fork`` of the process
(:mod:`repair.window_fork`), so every window starts from the parent's memos, not from its
predecessor's: on OCR text each fresh child refills the per-word memos of the OCR readers
(``ocr_realword._readings``, the detector's reasons, the channel's prices...), ~1 s of a
~7 s window that one process would have remembered (benchmarks/RESULTS.md, "Session 62,
scale").  Here the parent puts a recording function behind each memo of :func:`memo_names`
(:func:`install`: an ``lru_cache`` of the same size over a function that notes the
arguments of each miss); a child, after its window, looks each noted argument up again in
the memo as it stands at the window's end (:func:`export`: an entry the window emptied or
evicted, or one made in a memo swapped in for a while, such as the self-trained pass's, is
not found and not sent) and sends those entries back, pickled; the parent puts them into
its own memos (:func:`merge`) before its next fork, so later children inherit them
(copy-on-write), as a window in one process finds its predecessor's.

Exact: a memo here is one of :mod:`repair.resources.memo_reset`'s per-token memos, whose
answers depend on their arguments and the loaded tables only (emptied between windows,
carried across windows in one process: the same bytes either way, session 60 rss), and an
entry carried is the memo's own answer at the window's end; :data:`VERIFY` recomputes
every merged entry in the parent and counts those that differ (a check for probes and
tests, off by default).  Selective and bounded: only memos whose misses cost at least
:data:`MIN_MISS_US` each are carried (the cheap ones get a plain memo back); a child sends
at most the memo's ``maxsize`` entries a memo (the most recently noted) and
:data:`MAX_MB` of pickled entries, dearest memos first (with :data:`BY_BYTES`: the most
time saved a byte held first); the parent's memos hold at most :data:`MAX_ENTRIES` entries
(and :data:`MAX_HELD_MB` of them, :data:`BY_BYTES`) together after a merge.
"""

from __future__ import annotations

import functools
import pickle
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any

#: Pickled entries a child sends back at most (MiB, all memos of one window together).
MAX_MB = 24.0

#: Entries the installed memos hold here at most after a merge (their ``currsize`` summed):
#: a child inherits them all, on top of what its own window fills, so this bounds what the
#: carry adds to a child's peak.  A child sends its memos dearest first (mean cost of a
#: miss), and the merge stops at the cap.  Measured (session 63, speedocr1m, 300 k-word
#: OCR speed text): uncapped, the dear memos' ~30 k entries a window grew to ~120 k held and
#: the children's peak 314 -> 352 MB.
MAX_ENTRIES = 40_000

#: Rank a child's memos by the time their entries save per byte they hold (the mean cost of
#: a miss times the entries, over the entries' :func:`deep_size`), not by the mean cost of a
#: miss alone, and bound what the parent holds by :data:`MAX_HELD_MB` as well as by
#: :data:`MAX_ENTRIES` (session 64, speedmem).  By the cost of a miss alone the first carry
#: took the memos whose entries are few, dear and fat (the OCR 1 M speed text's window 1,
#: measured with :func:`deep_size`: ``ocr_letter._readings`` 57 entries, 5.0 MB, ~89 KB an
#: entry; ``ocr_deepreach._by_head`` 32 entries, 4.7 MB; ``ocr_far._last_not_first`` 2.2 MB;
#: 0.02-0.05 us saved a byte, where the other memos save 0.3-100) and the parent held
#: ~27 MiB more after the one merge that filled :data:`MAX_ENTRIES` (51 -> 78 MiB), which
#: every later OCR child inherits: its peak 315 -> 340-369 MB (session 63).  Exact: which
#: entries are carried changes what a child recomputes, never an answer.  Measured
#: (benchmarks/RESULTS.md "Session 64, speedmem"): OCR 1 M peak 340,048 -> 320,324 KB (the
#: parent after its merge 78 -> 64 MiB), 300 k words 326-332 -> 314 MB in 3 alternated
#: pairs with CPU not resolved (-1.1, -1.6, +2.1 s of ~50 s), but OCR 1 M CPU +9.2 / +8.9 s
#: (149.5 -> 158.7, 150.3 -> 159.1 s, two pairs, the second at load 1.7-1.9: +6 %, 1 M / 100 k
#: x11.97 -> x12.77): the fat entries left out are table-like (``_by_head``: 32 keys every
#: window reads), so every later child recomputes them; outputs byte-identical (1 M
#: 4dd2baf50468, 300 k 44f9babc5964).  Shipped **OFF** (a peak cut that does not reach
#: 300 MB for +6 % CPU: the lead's trade-off).  False: the dearest misses first, no byte
#: bound (session 63).
BY_BYTES = False

#: The carried entries' bytes the parent holds at most (MiB of :func:`deep_size`, the
#: entries' arguments and values; with :data:`BY_BYTES`).
MAX_HELD_MB = 12.0

#: Recompute every merged entry in the parent and count those that differ (``mismatches``):
#: a check of the memos' purity for probes and tests (doubles the merged entries' cost).
VERIFY = False

#: Memos whose names (``module.function``) are never carried: none known impure.
EXCLUDED: frozenset[str] = frozenset()

#: A memo is carried only if its misses in the child's window cost at least this many
#: microseconds each on average (inclusive of what they call, timed by the recorder): a
#: cheaper one (``zipf`` ~7 us, ``is_known`` ~13 us, the block prices ~10 us: most of the
#: entries, little of the time) costs about as much to send, merge and hold as to refill,
#: so the child reports it cheap and the parent puts a plain memo back (no more notes).
#: Measured on the 300 k-word OCR speed text's second window (session 63, speedocr1m):
#: carrying all 76 memos sent ~105 k entries (8.7 MB pickled) a window, its export alone
#: 0.8 s, and the children's peak 314 -> 406 MB.
MIN_MISS_US = 40.0

#: Smallest ``maxsize`` of a carried memo (the loaders keep 1-4 entries; their tables are
#: :data:`repair.window_fork.WARM_OCR_TABLES`' business).
MIN_MAXSIZE = 64

#: Counters for probes and tests: entries merged here, merged entries that differed from
#: the parent's own answer (:data:`VERIFY`), entries a child exported.
merged = 0
mismatches = 0
exported = 0


_clock = time.perf_counter


class _Miss(Exception):
    """Raised by a probing recorder: the entry is not in the memo."""


class _Recorder:
    """The function behind an installed memo: calls ``fn``, counts and times each call
    (the memo's misses) and notes its arguments while they are dear (a memo whose first
    :data:`TRIAL` misses cost under :data:`MIN_MISS_US` each on average notes no more: a
    cheap memo's notes, most of a window's misses, would weigh more than they save); while
    ``probing`` it raises :class:`_Miss` instead, and while ``loading`` it answers
    ``value`` (an entry put into the memo)."""

    __slots__ = ("fn", "keys", "probing", "loading", "value", "spent", "misses", "noting")

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.fn = fn
        self.probing = False
        self.loading = False
        self.value: Any = None
        self.forget()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.loading:
            return self.value
        if self.probing:
            raise _Miss
        start = _clock()
        value = self.fn(*args, **kwargs)
        self.spent += _clock() - start
        self.misses += 1
        if self.noting:
            self.keys.append((_KWARGS, args, tuple(kwargs.items())) if kwargs else args)
            if self.misses == TRIAL and not self.dear():
                self.noting = False
                self.keys = []
        return value

    def dear(self) -> bool:
        """Whether the misses so far cost at least :data:`MIN_MISS_US` each on average."""
        return self.spent * 1e6 >= MIN_MISS_US * self.misses

    def forget(self) -> None:
        """Empty the notes and the counts (a child notes its own window's misses)."""
        self.keys: list[Any] = []
        self.spent = 0.0
        self.misses = 0
        self.noting = True


#: Marks a note of a call with keyword arguments: ``(_KWARGS, args, kwargs items)``.
_KWARGS = object()

#: Misses after which a recorder whose misses were cheap stops noting.
TRIAL = 256


def _split(note: Any) -> tuple[tuple[Any, ...], dict[str, Any]]:
    if len(note) == 3 and note[0] is _KWARGS:
        return note[1], dict(note[2])
    return note, {}


def deep_size(obj: Any, seen: set[int]) -> int:
    """Bytes of ``obj`` and what it holds through tuples, lists, sets and dicts
    (``sys.getsizeof`` each object once: ``seen`` holds the ids counted)."""
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, (tuple, list, set, frozenset)):
        size += sum(deep_size(item, seen) for item in obj)
    elif isinstance(obj, dict):
        size += sum(deep_size(k, seen) + deep_size(v, seen) for k, v in obj.items())
    return size


def _entries_size(entries: list[tuple[Any, Any, Any]]) -> int:
    seen: set[int] = set()
    return sum(deep_size(entry, seen) for entry in entries)


#: Installed memos by name: (the memo, its recorder).
_installed: dict[str, tuple[Any, _Recorder]] = {}
#: The installed memos' entries here at the last fork (:func:`snapshot`): a child sends no
#: more than :data:`MAX_ENTRIES` less these (the parent would not merge them).
_held_at_fork = 0
#: The merged entries' bytes here (:func:`deep_size`; :data:`BY_BYTES`), and at the last fork.
_held_bytes = 0
_bytes_at_fork = 0
#: The key of an :func:`export` that filled a bound (its value ``b""``).
FULL = "\0full"
#: A merge here was cut by a bound (:data:`BY_BYTES`): the children send no more entries.
_full = False
#: Memos a child found cheap to refill (:data:`MIN_MISS_US`): not installed again.
_cheap: set[str] = set()


def _memo_name(memo: Any) -> str:
    inner = getattr(memo, "__wrapped__", memo)
    return f"{getattr(inner, '__module__', '')}.{getattr(inner, '__qualname__', '')}"


def _carried_module(name: str) -> bool:
    from repair.resources.memo_reset import SHARED_MODULES

    return name.startswith("repair.") and (
        "ocr" in name.rsplit(".", 1)[-1] or name in SHARED_MODULES
    )


def _is_word_memo(value: Any) -> bool:
    params = getattr(value, "cache_parameters", None)
    if params is None or isinstance(value, type) or not hasattr(value, "__wrapped__"):
        return False
    try:
        maxsize = params()["maxsize"]
    except (TypeError, KeyError):
        return False
    return maxsize is not None and maxsize >= MIN_MAXSIZE


def memo_names() -> list[str]:
    """The memos carried: the bounded ``lru_cache`` globals (``maxsize`` >=
    :data:`MIN_MAXSIZE`) defined in the loaded OCR modules and the shared word tables'
    (:func:`repair.resources.memo_reset.token_memos`' modules), not :data:`EXCLUDED`,
    sorted by name."""
    names: set[str] = set()
    for mod_name, module in list(sys.modules.items()):
        if module is None or not _carried_module(mod_name):
            continue
        for value in list(vars(module).values()):
            if _is_word_memo(value):
                name = _memo_name(value)
                if name.startswith(mod_name + ".") and name not in EXCLUDED:
                    names.add(name)
    return sorted(names)


def install() -> int:
    """Put a recorder behind every memo of :func:`memo_names` not yet installed (an
    ``lru_cache`` of the same ``maxsize`` and ``typed`` over it, its ``__wrapped__`` the
    function, so what replaces or swaps memos by their function makes plain ones), in
    every loaded ``repair`` module that holds the memo as a global; the number installed.
    The memo's entries are not kept (the same answers, recomputed)."""
    fresh: dict[int, Any] = {}
    for mod_name, module in list(sys.modules.items()):
        if module is None or not _carried_module(mod_name):
            continue
        for value in list(vars(module).values()):
            if id(value) in fresh or not _is_word_memo(value):
                continue
            name = _memo_name(value)
            if not name.startswith(mod_name + ".") or name in EXCLUDED:
                continue
            if name in _cheap or (name in _installed and _installed[name][0] is value):
                continue
            params = value.cache_parameters()
            recorder = _Recorder(value.__wrapped__)
            memo = functools.lru_cache(maxsize=params["maxsize"], typed=params["typed"])(recorder)
            functools.update_wrapper(memo, value.__wrapped__)
            _installed[name] = (memo, recorder)
            fresh[id(value)] = memo
    _put(fresh)
    return len(fresh)


def _put(fresh: dict[int, Any]) -> None:
    """Each memo whose id is a key of ``fresh`` replaced by its value in every loaded
    ``repair`` module that holds it as a global (:func:`~repair.resources.memo_reset.put_memos`)."""
    from repair.resources.memo_reset import put_memos

    put_memos(fresh)


def uninstall(name: str) -> None:
    """A plain memo of the same size back in place of ``name``'s installed one (its
    entries kept out: the same answers, recomputed), and ``name`` never installed again."""
    _cheap.add(name)
    memo, recorder = _installed.pop(name, (None, None))
    if memo is None:
        return
    params = memo.cache_parameters()
    plain = functools.lru_cache(maxsize=params["maxsize"], typed=params["typed"])(recorder.fn)
    functools.update_wrapper(plain, recorder.fn)
    _put({id(memo): plain})


def _current(name: str) -> Any:
    """The installed memo of ``name`` if its module still holds it, else None."""
    memo = _installed[name][0]
    module = sys.modules.get(name.rsplit(".", 1)[0])
    attr = name.rsplit(".", 1)[1]
    return memo if module is not None and vars(module).get(attr) is memo else None


def export() -> dict[str, bytes]:
    """The entries this process's window filled (the noted misses still in their memo at
    its end, each memo's most recent ``maxsize`` of them), pickled a memo apiece, under
    :data:`MAX_MB` in all; a memo whose misses cost under :data:`MIN_MISS_US` each is
    sent as ``b""`` (cheap: :func:`merge` puts a plain memo back).  The notes are emptied."""
    global exported
    out: dict[str, bytes] = {}
    budget = int(MAX_MB * (1 << 20))
    dear: list[tuple[float, str]] = []
    for name in sorted(_installed):
        recorder = _installed[name][1]
        if not recorder.misses or _current(name) is None:
            recorder.forget()
        elif not recorder.dear():
            out[name] = b""
            recorder.forget()
        else:
            dear.append((-recorder.spent / recorder.misses, name))
    room = MAX_ENTRIES - _held_at_fork
    if BY_BYTES:
        return _export_by_bytes(out, sorted(dear), budget, room)
    for _cost, name in sorted(dear):  # dearest misses first
        memo, recorder = _installed[name]
        keys = recorder.keys
        recorder.forget()
        if budget <= 0 or room <= 0:
            continue
        entries = _probe(memo, recorder, keys, room)
        if not entries:
            continue
        data = _packed(entries, budget)
        if data is None:
            continue
        budget -= len(data)
        room -= len(entries)
        out[name] = data
        exported += len(entries)
    return out


def _probe(memo: Any, recorder: _Recorder, keys: list[Any], room: int) -> list[Any]:
    """The noted entries still in ``memo`` (the most recent ``maxsize`` and ``room`` of
    them, oldest first) as ``(args, kwargs, value)``."""
    maxsize = memo.cache_parameters()["maxsize"]
    unique = list(dict.fromkeys(reversed(keys)))[: min(maxsize, room)]
    unique.reverse()
    entries = []
    recorder.probing = True
    try:
        for note in unique:
            args, kwargs = _split(note)
            try:
                entries.append((args, kwargs, memo(*args, **kwargs)))
            except _Miss:
                continue
    finally:
        recorder.probing = False
    return entries


def _export_by_bytes(
    out: dict[str, bytes], dear: list[tuple[float, str]], budget: int, room: int
) -> dict[str, bytes]:
    """:func:`export`'s dear memos with :data:`BY_BYTES`: ranked by the time their entries
    save per byte, each memo's most recent entries that fit the parent's room (entries and
    :data:`MAX_HELD_MB` less what it held at the fork)."""
    global exported
    byte_room = int(MAX_HELD_MB * (1 << 20)) - _bytes_at_fork
    found: list[tuple[float, str, list[Any], list[int]]] = []
    for _cost, name in dear:
        memo, recorder = _installed[name]
        keys, spent, misses = recorder.keys, recorder.spent, recorder.misses
        recorder.forget()
        if _full or room <= 0 or byte_room <= 0:
            continue
        entries = _probe(memo, recorder, keys, room)
        if not entries:
            continue
        seen: set[int] = set()
        sizes = [deep_size(entry, seen) for entry in entries]
        found.append((-spent / misses * len(entries) / max(sum(sizes), 1), name, entries, sizes))
    for _rank, name, entries, sizes in sorted(found, key=lambda row: row[:2]):
        keep = used = 0
        for size in reversed(sizes):  # the most recent entries that fit
            if keep >= room or used + size > byte_room:
                out[FULL] = b""  # the parent's memos are full: no child sends more
                break
            keep += 1
            used += size
        if not keep or budget <= 0:
            continue
        data = _packed(entries[len(entries) - keep :], budget)
        if data is None:
            continue
        budget -= len(data)
        room -= keep
        byte_room -= used
        out[name] = data
        exported += keep
    return out


def merge(memos: dict[str, bytes]) -> int:
    """Put a child's :func:`export` into this process's installed memos (a memo not
    installed here, or no longer its module's, is skipped); the number of entries."""
    global merged, mismatches
    count = 0
    if FULL in memos:
        _cut()
    for name, data in memos.items():
        if name in _installed and not data:
            uninstall(name)
    held = sum(memo.cache_info().currsize for memo, _ in _installed.values())
    for name, data in memos.items():
        if not data or name not in _installed or _current(name) is None:
            continue
        memo, recorder = _installed[name]
        room = MAX_ENTRIES - held
        if room <= 0:
            break
        try:
            entries = pickle.loads(data)
        except Exception:  # noqa: BLE001 -- refilled by the children instead
            continue
        if len(entries) > room:
            entries = entries[-room:]
            _cut()
        if BY_BYTES:
            entries = _fit_bytes(entries)
            if not entries:
                break
        before = memo.cache_info().currsize
        recorder.loading = True
        try:
            for args, kwargs, value in entries:
                recorder.value = value
                memo(*args, **kwargs)
        finally:
            recorder.loading = False
            recorder.value = None
        if VERIFY:
            for args, kwargs, value in entries:
                if recorder.fn(*args, **kwargs) != value:
                    mismatches += 1
        count += len(entries)
        held += memo.cache_info().currsize - before
    merged += count
    return count


def _cut() -> None:
    global _full
    _full = True


def _fit_bytes(entries: list[Any]) -> list[Any]:
    """The most recent of ``entries`` whose :func:`deep_size` fits :data:`MAX_HELD_MB` less
    the bytes held here (which it then counts); cut ones mark the memos full."""
    global _held_bytes
    seen: set[int] = set()
    sizes = [deep_size(entry, seen) for entry in entries]
    room = int(MAX_HELD_MB * (1 << 20)) - _held_bytes
    keep = used = 0
    for size in reversed(sizes):
        if used + size > room:
            _cut()
            break
        keep += 1
        used += size
    _held_bytes += used
    return entries[len(entries) - keep :]


def snapshot() -> int:
    """Note here, before a fork, the entries the installed memos hold (:data:`MAX_ENTRIES`)
    and their bytes (:data:`MAX_HELD_MB`)."""
    global _held_at_fork, _bytes_at_fork
    _held_at_fork = sum(memo.cache_info().currsize for memo, _ in _installed.values())
    _bytes_at_fork = _held_bytes
    return _held_at_fork


def clear(names: Iterable[str] | None = None) -> None:
    """Empty the installed memos (all, or ``names``) and their notes: the same answers,
    recomputed."""
    global _held_bytes, _full
    if names is None:
        _held_bytes = 0
        _full = False
    for name in list(_installed) if names is None else names:
        memo, recorder = _installed[name]
        memo.cache_clear()
        recorder.forget()


def _packed(entries: list, budget: int) -> bytes | None:
    """``entries`` pickled for the parent, or None when an answer cannot be pickled (that
    memo is refilled) or the bytes exceed the window's ``budget``."""
    try:
        data = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 -- an unpicklable answer: this memo is refilled
        return None
    return data if len(data) <= budget else None
