"""Count the confusion walks of an OCR repair by caller (issue 14, session 17).

    python benchmarks/ocr_walk_counts.py --words 100000
    python benchmarks/ocr_walk_counts.py --smh dev
    python benchmarks/ocr_walk_counts.py --text FILE

Every call of :func:`repair.score.ocr_channel.confusion_variants` (with an index) and
:func:`~repair.score.ocr_channel.confusion_variants_pair` is counted under the first
caller outside ``ocr_channel`` (``correction_candidates`` answers under whoever asked
first), with its index (by size of its prefix set) and bounds: walks, CPU seconds inside
the walks (``time.process_time``), walks that find nothing at all, walks of a
(token, index, bounds) already walked, and distinct tokens.  Then: tokens walked by
more than one caller, tokens whose ``correction_candidates`` answer detection asked
first and the candidate builder used again, and the walk states (position, built
prefix) visited more than once inside one walk (``--states``: a copy of the walk with
counters, slow).  Nothing in ``repair`` changes: the counts are read from wrappers.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _caller(depth: int) -> str:
    f = sys._getframe(depth)
    while f.f_code.co_filename.endswith(("ocr_channel.py", "ocr_walk_counts.py")):
        f = f.f_back
    return f"{Path(f.f_code.co_filename).stem}.{f.f_code.co_name}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=0, help="speed-suite OCR text size")
    parser.add_argument("--text", type=Path, default=None)
    parser.add_argument("--smh", choices=("dev", "test"), default=None)
    parser.add_argument("--states", action="store_true", help="count repeated walk states")
    args = parser.parse_args()

    from repair.score import ocr_channel as oc

    plain, pair, cands = oc.confusion_variants, oc.confusion_variants_pair, oc.correction_candidates
    stats: dict[tuple, list] = collections.defaultdict(lambda: [0, 0.0, 0, 0, set()])
    seen: set[tuple] = set()
    by_token: dict[str, set[str]] = collections.defaultdict(set)
    asked: dict[tuple[str, bool], list[str]] = collections.defaultdict(list)
    states = collections.Counter()

    def count_states(token: str, alive: object, max_cost: float, max_subs: int) -> None:
        options, cheapest, _rest, lows, _low_rest = oc._walk_plan(token)
        size, last = len(token), max_subs - 1
        visits: collections.Counter = collections.Counter()

        def walk(i: int, low: str, cost: float, n_subs: int) -> None:
            settle = n_subs == last
            while True:
                visits[(i, low)] += 1
                for n, rows in options[i]:
                    for _dst, c, dst_low, _sub in rows:
                        states["rows"] += 1
                        new_cost = cost + c
                        if new_cost > max_cost:
                            break
                        new_low = low + dst_low
                        if new_low and new_low not in alive:  # type: ignore[operator]
                            states["dead rows"] += 1
                            continue
                        if settle or new_cost + cheapest[i + n] > max_cost:
                            continue
                        walk(i + n, new_low, new_cost, n_subs + 1)
                if i >= size:
                    return
                low += lows[i]
                i += 1
                if low not in alive:  # type: ignore[operator]
                    return

        if max_subs > 0:
            walk(0, "", 0.0, 0)
        states["state visits"] += sum(visits.values())
        states["distinct states"] += len(visits)

    def record(kind: str, token: str, index: str, bounds: tuple, empty: bool, dt: float) -> None:
        who = _caller(3) + kind
        key = (who, index, *bounds)
        s = stats[key]
        s[0] += 1
        s[1] += dt
        s[2] += empty
        walk_key = (token, index, *bounds)
        s[3] += walk_key in seen
        seen.add(walk_key)
        s[4].add(token)
        by_token[token].add(who)

    def name(index: object) -> str:
        return f"{len(index.all_prefixes()) // 1000}k"  # type: ignore[attr-defined]

    def variants(token, prefixes=None, max_cost=oc.MAX_COST, max_subs=oc.MAX_SUBS):  # noqa: ANN001, ANN202
        if prefixes is None:
            return plain(token)
        t = time.process_time()
        out = plain(token, prefixes, max_cost, max_subs)
        record("", token, name(prefixes), (max_cost, max_subs), not out, time.process_time() - t)
        if args.states:
            count_states(token, prefixes.all_prefixes(), max_cost, max_subs)
        return out

    def variants_pair(token, first, second, max_cost, max_subs):  # noqa: ANN001, ANN202
        t = time.process_time()
        out = pair(token, first, second, max_cost, max_subs)
        index = f"{name(first)}+{name(second)}"
        empty = not out[0] and not out[1]
        record(":pair", token, index, (max_cost, max_subs), empty, time.process_time() - t)
        if args.states:
            both = first.all_prefixes() | second.all_prefixes()
            count_states(token, both, max_cost, max_subs)
        return out

    def candidates(token, unlisted=False):  # noqa: ANN001, ANN202
        f = sys._getframe(1)
        asked[(token, unlisted)].append(Path(f.f_code.co_filename).parent.name)
        return cands(token, unlisted)

    from ocr_walk_replay import rebind

    import repair.candidates.ocr_mixed  # noqa: F401  (imported lazily by the pipeline)
    from repair.pipeline import repair_text

    rebind(oc, {
        "confusion_variants": (plain, variants),
        "confusion_variants_pair": (pair, variants_pair),
        "correction_candidates": (cands, candidates),
    })  # fmt: skip

    if args.smh:
        import smh_eval

        texts = [
            a.raw
            for a in smh_eval.load(smh_eval.DEFAULT_DATA / "allArticles.txt")
            if smh_eval.split_of(a.ident) == args.smh
        ]
    elif args.text is not None:
        texts = [args.text.read_text(encoding="utf-8")]
    else:
        from repair.bench.speed import speed_text

        texts = [speed_text("ocr", args.words or 100_000)]
    t0 = time.process_time()
    for text in texts:
        repair_text(text)
    total = time.process_time() - t0
    walks = sum(s[1] for s in stats.values())
    print(f"{len(texts)} texts, {total:.2f} s CPU, walks {walks:.2f} s ({walks / total:.0%})")
    print(
        f"{'caller':44} {'index':>11} {'bound':>5} {'subs':>4} {'walks':>6} {'s':>6} "
        f"{'empty':>6} {'again':>5} {'tokens':>6}"
    )
    for (who, index, cost, subs), s in sorted(stats.items(), key=lambda x: -x[1][1]):
        print(
            f"{who:44} {index:>11} {cost:5.1f} {subs:4d} {s[0]:6d} {s[1]:6.2f} "
            f"{s[2]:6d} {s[3]:5d} {len(s[4]):6d}"
        )
    kinds: dict[str, set[str]] = collections.defaultdict(set)  # walk kind -> tokens
    for (_who, index, cost, subs), s in stats.items():
        kinds[f"{index} {cost:g}/{subs}"] |= s[4]
    shared = collections.Counter()
    names = sorted(kinds)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if n := len(kinds[a] & kinds[b]):
                shared[(a, b)] = n
    print("tokens walked by two kinds of walk (index, bound/subs):")
    for (a, b), n in shared.most_common(8):
        print(f"  {a:>18} & {b:<18} {n:6d}")
    multi = collections.Counter(len(v) for v in by_token.values())
    print("tokens by number of walking callers:", dict(sorted(multi.items())))
    det_first = [k for k, v in asked.items() if v[0] == "detect"]
    det_only = sum(all(w == "detect" for w in asked[k]) for k in det_first)
    print(
        f"correction_candidates: {len(asked)} (token, unlisted) asked; detection first "
        f"{len(det_first)}, of them asked by detection only {det_only}"
    )
    if args.states:
        print(dict(states))


if __name__ == "__main__":
    main()
