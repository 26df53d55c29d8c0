"""Record four OCR ``lru_cache``s' call streams, replay them against smaller bounds (issue 14).

    python benchmarks/cache_replay.py record FILE /tmp/streams.pkl
    python benchmarks/cache_replay.py replay /tmp/streams.pkl [--bounds 1024 2048 4096 8192]

``record`` runs ``repair fix FILE`` in-process with ``far_readings``, ``wide_candidates``,
``_window_lp`` and ``_period_word`` wrapped (every module global that is the cached function is
replaced), writing down each call's key in order (a ``wide_candidates`` probe from
``wide_and_doc`` is marked: on a miss it raises and caches nothing).  It then measures, with
the other caches warm, each function's mean uncached cost over up to 1,500 of its distinct
keys and one entry's traced size (``tracemalloc``: the cache cleared, refilled with those keys).
``replay`` simulates an LRU of each bound on each stream and prints hits, misses, the hits lost
against the recorded bound, their CPU (misses x mean cost) and the entries' MB saved when full.
The file is a local pickle: read only files you wrote.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import pickle
import pkgutil
import sys
import time
import tracemalloc
from array import array
from collections import OrderedDict
from pathlib import Path
from typing import Any

TARGETS = {
    "far_readings": ("repair.candidates.ocr_far", "far_readings"),
    "wide_candidates": ("repair.score.ocr_search", "wide_candidates"),
    "_window_lp": ("repair.candidates.ocr_nameshape", "_window_lp"),
    "_period_word": ("repair.candidates.ocr", "_period_word"),
    # session 17 (mem17): the big high-hit caches
    "_listed_candidates": ("repair.score.ocr_channel", "_listed_candidates"),
    "zipf": ("repair.resources.frequency", "zipf"),
    "word_id": ("repair.score.ngrams", "get_ngrams().word_id"),
    "_reason_inside": ("repair.detect.ocr", "_reason_inside"),
    "is_known": ("repair.score.ocr_channel", "is_known"),
    "split_candidates": ("repair.score.ocr_channel", "split_candidates"),
    "is_word_form": ("repair.score.ocr_channel", "is_word_form"),
    "archaic_form": ("repair.score.ocr_channel", "archaic_form"),
    "chunk_readings": ("repair.candidates.ocr_glued", "chunk_readings"),
    "realword._readings": ("repair.candidates.ocr_realword", "_readings"),
    "name_shape_reading": ("repair.candidates.ocr_nameshape", "name_shape_reading"),
    "_block_cost": ("repair.score.ocr_price", "_block_cost"),
    # session 18 (mem18): caches not yet full at 5 MB (they fill on the way to 50 MB)
    "_reason_at_start": ("repair.detect.ocr", "_reason_at_start"),
    "long_reading": ("repair.candidates.ocr_farlong", "long_reading"),
    "_cheap_names_of": ("repair.candidates.ocr", "_cheap_names_of"),
    "single_confusions": ("repair.score.ocr_channel", "single_confusions"),
    "glued_readings": ("repair.candidates.ocr_gluedfw", "glued_readings"),
    "_rows_from": ("repair.score.ocr_price", "_rows_from"),
    # session 20 (mem20): the page passes' and glued readings' caches
    "type_subs": ("repair.candidates.ocr_pagehabit", "type_subs"),
    "garbled_join._readings": ("repair.candidates.ocr_garbled_join", "_readings"),
    "_fw_reading": ("repair.candidates.ocr_gluedfw", "_fw_reading"),
    "shortreal._readings": ("repair.candidates.ocr_shortreal", "_readings"),
}


def _target(mod: str, attr: str) -> tuple[Any, Any]:
    """The cached function and, for an instance's cache (``"get_ngrams().word_id"``), the
    instance whose attribute it is (else ``None``)."""
    module = importlib.import_module(mod)
    if attr.endswith(")") or "()." not in attr:
        return getattr(module, attr), None
    getter, name = attr.split("().")
    owner = getattr(module, getter)()
    return getattr(owner, name), owner


def _import_all() -> None:
    import repair

    for info in pkgutil.walk_packages(repair.__path__, "repair."):
        if info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
        except Exception:  # noqa: BLE001 - optional extras may be missing
            pass


def record(text_file: Path, out: Path, only: list[str] | None = None) -> int:
    _import_all()
    search = importlib.import_module("repair.score.ocr_search")
    # a call is logged as ``2 * key id + probe`` (an int array: zipf is asked ~10^7 times)
    streams: dict[str, tuple[dict[Any, int], array[int]]] = {}
    originals: dict[str, Any] = {}
    for name, (mod, attr) in TARGETS.items():
        if only and name not in only:
            continue
        fn, owner = _target(mod, attr)
        originals[name] = fn
        ids: dict[Any, int] = {}
        log: array[int] = array("q")
        streams[name] = (ids, log)

        def wrapper(
            *args: Any,
            _fn: Any = fn,
            _ids: dict[Any, int] = ids,
            _log: array[int] = log,
            _name: str = name,
            **kw: Any,
        ) -> Any:
            key = (args, tuple(kw.items()))
            walk = getattr(search._walk, "variants", None)
            probe = _name == "wide_candidates" and walk is search._PROBE
            _log.append(2 * _ids.setdefault(key, len(_ids)) + probe)
            return _fn(*args, **kw)

        if owner is not None:
            setattr(owner, attr.split("().")[1], wrapper)
            continue
        for m in list(sys.modules.values()):
            d = getattr(m, "__dict__", None)
            if not d or not getattr(m, "__name__", "").startswith("repair"):
                continue
            for k, v in list(d.items()):
                if v is fn:
                    d[k] = wrapper
    from repair.cli import main

    sys.argv = ["repair", "fix", str(text_file), "-q", "-o", "/dev/null"]
    t0 = time.process_time()
    try:
        main()
    except SystemExit:
        pass
    print(f"fix: {time.process_time() - t0:.1f} s CPU", file=sys.stderr)
    result: dict[str, Any] = {}
    for name, fn in originals.items():
        info = fn.cache_info()
        ids, log = streams[name]
        seq = log
        distinct = list(ids)
        sample = distinct[-1500:]
        # mean uncached cost, other caches warm (the sample was just computed once)
        search._walk.variants = None
        for args, kw in sample:
            fn(*args, **dict(kw))
        t0 = time.perf_counter()
        for args, kw in sample:
            fn.__wrapped__(*args, **dict(kw))
        cost = (time.perf_counter() - t0) / max(1, len(sample))
        # one entry's traced size: the cache cleared, then refilled with the sample
        fn.cache_clear()
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        for args, kw in sample:
            fn(*(a if not isinstance(a, str) else "".join(list(a)) for a in args), **dict(kw))
        gc.collect()
        size = (tracemalloc.get_traced_memory()[0] - before) / max(1, len(sample))
        tracemalloc.stop()
        result[name] = {
            "seq": seq,
            "maxsize": info.maxsize,
            "recorded": tuple(info),
            "cost": cost,
            "entry": size,
        }
        print(
            f"{name}: {len(seq)} calls, {len(distinct)} keys, {info}, cost {cost * 1e6:.0f} us, "
            f"entry {size:.0f} B",
            file=sys.stderr,
        )
    with out.open("wb") as f:
        pickle.dump(result, f)
    return 0


def simulate(seq: array[int], bound: int) -> tuple[int, int]:
    cache: OrderedDict[int, None] = OrderedDict()
    hits = misses = 0
    for v in seq:
        key, probe = v >> 1, v & 1
        if key in cache:
            cache.move_to_end(key)
            hits += 1
            continue
        misses += 1
        if probe:
            continue  # raises: nothing cached
        cache[key] = None
        if len(cache) > bound:
            cache.popitem(last=False)
    return hits, misses


def replay(path: Path, bounds: list[int]) -> int:
    with path.open("rb") as f:
        data = pickle.load(f)
    for name, d in data.items():
        seq, cur = d["seq"], d["maxsize"]
        keys = 1 + (max(seq) >> 1) if seq else 0
        print(
            f"\n{name}: {len(seq)} calls, {keys} keys, recorded {d['recorded']}, "
            f"mean miss {d['cost'] * 1e6:.0f} us, entry {d['entry']:.0f} B"
        )
        base_h, base_m = simulate(seq, cur)
        for b in sorted({*bounds, cur}):
            h, m = simulate(seq, b)
            lost = base_h - h
            print(
                f"  bound {b:>6}: hits {h / len(seq):6.1%}  misses {m:>8}  hits lost {lost:>7} "
                f"({lost / max(1, base_h):5.1%})  CPU +{lost * d['cost']:6.2f} s  "
                f"MB saved {(min(cur, keys) - min(b, keys)) * d['entry'] / 1e6:6.1f}  "
                f"(full: {max(0, cur - b) * d['entry'] / 1e6:5.1f})"
            )
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("record")
    r.add_argument("text", type=Path)
    r.add_argument("out", type=Path)
    r.add_argument("--only", nargs="*", choices=sorted(TARGETS), help="record these caches only")
    p = sub.add_parser("replay")
    p.add_argument("pickle", type=Path)
    p.add_argument("--bounds", type=int, nargs="*", default=[1024, 2048, 4096, 8192])
    a = ap.parse_args()
    return record(a.text, a.out, a.only) if a.cmd == "record" else replay(a.pickle, a.bounds)


if __name__ == "__main__":
    sys.exit(main())
