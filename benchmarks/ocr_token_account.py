"""Where a long OCR text's CPU goes, by token class and by reader (issue 14, session 66).

    python benchmarks/ocr_token_account.py [--text FILE] [--json OUT]
    python benchmarks/ocr_token_account.py --oracle realword|dropall [--text FILE]
    python benchmarks/ocr_token_account.py --regions [--text FILE]

The default text is the speed suite's OCR 100 k text (``speed_text("ocr", 100000)``).

Account (default): one :func:`repair.pipeline.repair_text` in process, every function the
OCR candidate stage calls (the module-level functions of :mod:`repair.candidates.ocr`'s
namespace and of every ``repair.candidates.ocr_*`` module, and the generator's methods)
wrapped with a process-time timer; only the outermost wrapped call counts.  A call is
charged to a token when its arguments name one (``(toks, i)``, ``(tok, toks, i)``, a
``Token``, ``(text, start)``; a per-type test such as ``reads_nothing`` is spread over
the type's tokens), else to a page scan by its name.  The OCR stage's own edits tell
which tokens end edited and :func:`repair.score.ocr_channel.is_known` which are known
words, so each token falls in one class: known / non-word / other (numbers, marks) ×
edited / left.  Printed: the stages' CPU, the per-token CPU by class, the readers by CPU,
and each reader's candidates by the class of the token they start at.  The timers add
~15 % to a run; read the shares, not the seconds.

``--oracle realword``: the most a perfect cheap test in front of the real-word readers
could save — ``_Generator._realword`` returns nothing, without reading, for every word
that ends unedited in a first (plain) run; ``--oracle dropall``: every candidate that
starts at such a token dropped as the generator returns (what the later filters and the
scorer spend on them).  Each prints the plain and the oracle run's CPU, alternated
(``--rounds``), and whether the output changed.

``--regions``: each real-word read's CPU, candidates and fate by its distance (in words)
to the nearest detector finding: what a "page region without garble" test could skip.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import importlib
import json
import pkgutil
import sys
import time
import types
from pathlib import Path
from typing import Any

pt = time.process_time
DEFAULT_TEXT = "/tmp/lead65/speed/ocr100k.txt"


def _text(path: str | None) -> str:
    if path and Path(path).exists():
        return Path(path).read_text(encoding="utf-8")
    sys.path.insert(0, str(Path(__file__).parent))
    from speed_suite import speed_text  # type: ignore[import-not-found]

    return str(speed_text("ocr", 100000))


def _stage_hooks(store: dict[str, Any], stage_t: collections.Counter[str], on_cand=None) -> None:
    from repair.stages import ocr as stage

    for meth in ("detect", "candidates", "score"):
        f = getattr(stage._Stage, meth)

        def m(self: Any, *a: Any, _f: Any = f, _n: str = meth) -> Any:
            if _n == "candidates" and on_cand is not None:
                on_cand(a[0], True)
            t = pt()
            r = _f(self, *a)
            stage_t["stage." + _n] += pt() - t
            if _n == "candidates" and on_cand is not None:
                on_cand(a[0], False)
            store[_n] = (a, r)
            return r

        setattr(stage._Stage, meth, m)


def _edited(toks: list, edits: list) -> set[int]:
    starts = [t.start for t in toks]
    out: set[int] = set()
    for e in edits:
        a, b = e.offset, e.offset + max(e.length, 1)
        k = max(bisect.bisect_right(starts, a) - 1, 0)
        while k < len(toks) and toks[k].start < b:
            if toks[k].end > a:
                out.add(k)
            k += 1
    return out


def account(text: str, out_json: str | None) -> None:
    import repair.candidates as cands_pkg
    import repair.candidates.ocr as C
    from repair.score.ocr_channel import is_known
    from repair.types import Token

    for m in pkgutil.walk_packages(cands_pkg.__path__, "repair.candidates."):
        if m.name.split(".")[-1].startswith("ocr"):
            importlib.import_module(m.name)
    state: dict[str, Any] = {"in": False, "depth": 0, "by_start": {}, "toks": None}
    per_tok: collections.Counter[Any] = collections.Counter()
    tok_fn: collections.Counter[str] = collections.Counter()
    page_fn: collections.Counter[str] = collections.Counter()
    outs: list[tuple[str, Any]] = []

    def charge(name: str, args: tuple, dt: float) -> None:
        toks, bs = state["toks"], state["by_start"]
        a = args[1:] if args and isinstance(args[0], C._Generator) else args
        i: Any = None
        if len(a) >= 2 and a[0] is toks and type(a[1]) is int:
            i = a[1]
        elif len(a) >= 3 and isinstance(a[0], Token) and a[1] is toks and type(a[2]) is int:
            i = a[2]
        elif a and isinstance(a[0], Token):
            i = bs.get(a[0].start)
        elif len(a) >= 2 and isinstance(a[0], str) and type(a[1]) is int:
            i = bs.get(a[1])
        elif a and isinstance(a[0], str) and name.endswith(("reads_nothing", "may")):
            i = ("type", a[0])
        if i is None:
            page_fn[name] += dt
        else:
            per_tok[i] += dt
            tok_fn[name] += dt

    def wrap(f: Any, name: str) -> Any:
        def w(*args: Any, **kw: Any) -> Any:
            if not state["in"] or state["depth"]:
                return f(*args, **kw)
            state["depth"] = 1
            t = pt()
            r = None
            try:
                r = f(*args, **kw)
                return r
            finally:
                dt = pt() - t
                state["depth"] = 0
                charge(name, args, dt)
                outs.append((name, r if isinstance(r, list) else None))

        for attr in ("cache_clear", "cache_info", "cache_parameters", "__wrapped__"):
            if hasattr(f, attr):
                setattr(w, attr, getattr(f, attr))
        return w

    skip = ("ocr_candidates", "_ocr_candidates", "counting_page")
    done: dict[int, Any] = {}
    mods = [C] + [m for n, m in list(sys.modules.items()) if n.startswith("repair.candidates.ocr_")]
    for mod in mods:
        for n, o in list(vars(mod).items()):
            if n.startswith("__") or n[:1].isupper() or n in skip:
                continue
            if not (isinstance(o, types.FunctionType) or hasattr(o, "cache_info")):
                continue
            if not getattr(o, "__module__", "").startswith("repair."):
                continue
            if id(o) not in done:
                short = o.__module__.split(".")[-1]
                done[id(o)] = wrap(o, f"{short}.{getattr(o, '__name__', n)}")
            setattr(mod, n, done[id(o)])
    for n, o in list(vars(C._Generator).items()):
        if isinstance(o, types.FunctionType) and n != "candidates":
            setattr(C._Generator, n, wrap(o, f"_Generator.{n}"))

    def on_cand(doc: Any, entering: bool) -> None:
        state["in"] = entering
        if entering:
            state["toks"] = doc.tokens
            state["by_start"] = {t.start: i for i, t in enumerate(doc.tokens)}

    store: dict[str, Any] = {}
    stage_t: collections.Counter[str] = collections.Counter()
    _stage_hooks(store, stage_t, on_cand)
    from repair.pipeline import repair_text

    t0 = pt()
    repair_text(text)
    total = pt() - t0
    (doc, _det, cands), edits = store["score"]
    toks = doc.tokens
    edited = _edited(toks, edits)

    def klass(k: int) -> str:
        t = toks[k]
        if t.kind != "word":
            return "other-" + ("edited" if k in edited else "left")
        return ("known" if is_known(t.text) else "nonword") + (
            "-edited" if k in edited else "-left"
        )

    by_text: dict[str, list[int]] = collections.defaultdict(list)
    for k, t in enumerate(toks):
        if t.kind == "word":
            by_text[t.text].append(k)
    cls_time: collections.Counter[str] = collections.Counter()
    for i, dt in per_tok.items():
        if isinstance(i, tuple):
            ks = by_text.get(i[1]) or []
            for k in ks:
                cls_time[klass(k)] += dt / len(ks)
        else:
            cls_time[klass(i)] += dt
    cls_n = collections.Counter(klass(k) for k, t in enumerate(toks) if t.kind != "space")
    starts = [t.start for t in toks]

    def cls_at(start: int) -> str:
        return klass(max(bisect.bisect_right(starts, start) - 1, 0))

    cand_cls = collections.Counter(cls_at(c.start) for c in cands)
    fn_cls: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for name, r in outs:
        for c in r or ():
            if hasattr(c, "replacement") and hasattr(c, "start"):
                fn_cls[name][cls_at(c.start)] += 1
    report = {
        "total": total,
        "stages": dict(stage_t),
        "token_classes": dict(cls_n),
        "per_token_cpu_by_class": dict(cls_time),
        "per_token_cpu": sum(tok_fn.values()),
        "page_scan_cpu": sum(page_fn.values()),
        "per_token_readers": tok_fn.most_common(),
        "page_readers": page_fn.most_common(),
        "candidates_by_class": dict(cand_cls),
        "reader_candidates_by_class": {k: dict(v) for k, v in fn_cls.items()},
        "edits": len(edits),
    }
    print(f"total {total:.2f} s; stages", {k: round(v, 2) for k, v in stage_t.items()})
    print("tokens by class", dict(cls_n))
    print(
        f"per-token reads {report['per_token_cpu']:.2f} s by class",
        {k: round(v, 2) for k, v in cls_time.most_common()},
    )
    print(f"page scans and filters {report['page_scan_cpu']:.2f} s")
    print("candidates by class", dict(cand_cls), "edits", len(edits))
    print("per-token readers", [(k, round(v, 3)) for k, v in tok_fn.most_common(12)])
    print("page readers", [(k, round(v, 3)) for k, v in page_fn.most_common(25)])
    print("readers' candidates by class (the candidate-list filters after the generator too):")
    for name, v in sorted(fn_cls.items(), key=lambda x: -sum(x[1].values()))[:40]:
        if not name.startswith(("ocr_pagehabit.", "ocr_variety.", "ocr_hyphenkeep.")):
            print("  ", name, dict(v))
    if out_json:
        Path(out_json).write_text(json.dumps(report, indent=1))


def _left_starts(text: str, edits: Any) -> set[int]:
    """The starts of the words no edit touches."""
    from repair.tokenize import tokenize

    toks = tokenize(text)
    edited = _edited(toks, sorted(edits, key=lambda e: e.offset))
    return {t.start for k, t in enumerate(toks) if t.kind == "word" and k not in edited}


def oracle(text: str, mode: str, rounds: int) -> None:
    """Each round in a fresh process: plain, then the oracle (``mode``)."""
    import subprocess

    for r in range(rounds):
        for side in ("plain", mode):
            cmd = [sys.executable, __file__, "--_one", side, "--text", _saved(text)]
            print(
                f"round {r + 1}", subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
            )


def _saved(text: str) -> str:
    path = Path("/tmp/ocr_token_account_text.txt")
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return str(path)


def _one(text: str, side: str) -> None:
    import hashlib

    import repair.candidates.ocr as C

    left_file = Path("/tmp/ocr_token_account_left.json")
    left = set(json.loads(left_file.read_text())) if side != "plain" else set()
    if side == "realword":
        real = C._Generator._realword

        def rw(self: Any, tok: Any, toks: Any, i: int, *a: Any, **k: Any) -> Any:
            return [] if tok.start in left else real(self, tok, toks, i, *a, **k)

        C._Generator._realword = rw  # type: ignore[method-assign]
    elif side == "dropall":
        gen = C._Generator.candidates

        def g(self: Any, doc: Any, det: Any, garbled: bool, by_start: Any) -> Any:
            return [c for c in gen(self, doc, det, garbled, by_start) if c.start not in left]

        C._Generator.candidates = g  # type: ignore[method-assign]
    from repair.pipeline import repair_text

    t = pt()
    res = repair_text(text)
    dt = pt() - t
    out = res.text
    plain_file = Path("/tmp/ocr_token_account_plain.txt")
    if side == "plain":  # which words end unedited, for the oracle run after it
        left_file.write_text(json.dumps(sorted(_left_starts(text, res.edits))))
        plain_file.write_text(out, encoding="utf-8")
    same = "output = plain" if out == plain_file.read_text(encoding="utf-8") else "output CHANGED"
    print(f"{side} {dt:.2f} s CPU, {same}, sha1 {hashlib.sha1(out.encode()).hexdigest()[:12]}")


def regions(text: str) -> None:
    import repair.candidates.ocr as C

    rec: list[tuple[int, float, int]] = []
    real = C._Generator._realword

    def rw(self: Any, tok: Any, toks: Any, i: int, *a: Any, **k: Any) -> Any:
        t = pt()
        r = real(self, tok, toks, i, *a, **k)
        rec.append((i, pt() - t, len(r)))
        return r

    C._Generator._realword = rw  # type: ignore[method-assign]
    store: dict[str, Any] = {}
    _stage_hooks(store, collections.Counter())
    from repair.pipeline import repair_text

    repair_text(text)
    (doc, det, _cands), edits = store["score"]
    toks = doc.tokens
    edited = _edited(toks, edits)
    widx = [k for k, t in enumerate(toks) if t.kind == "word"]
    wpos = {k: n for n, k in enumerate(widx)}
    by_start = {t.start: k for k, t in enumerate(toks)}
    fpos = sorted(
        wpos[by_start[f.start]]
        for f in det.findings
        if f.start in by_start and by_start[f.start] in wpos
    )

    def dist(n: int) -> int:
        j = bisect.bisect_left(fpos, n)
        d = fpos[j] - n if j < len(fpos) else 10**9
        return min(d, n - fpos[j - 1]) if j else d

    cpu = sum(r[1] for r in rec)
    print(f"real-word reads {len(rec)}, {cpu:.3f} s; findings {len(fpos)} in {len(widx)} words")
    print(
        "reads with candidates",
        sum(1 for r in rec if r[2]),
        "of them on tokens that end edited",
        sum(1 for r in rec if r[2] and r[0] in edited),
    )
    hist = collections.Counter(min(dist(wpos[i]), 20) for i, _, _ in rec)
    print(
        "reads by distance to the nearest finding (words; 20 = 20 or more):", sorted(hist.items())
    )
    for n in (1, 2, 3, 5, 8):
        sk = [r for r in rec if dist(wpos[r[0]]) > n]
        print(
            f"no finding within {n}: skips {len(sk)} reads, {sum(r[1] for r in sk):.3f} s, "
            f"{sum(r[2] for r in sk)} candidates, {sum(1 for r in sk if r[0] in edited)} "
            "of the tokens end edited"
        )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--text", default=DEFAULT_TEXT)
    ap.add_argument("--json")
    ap.add_argument("--oracle", choices=["realword", "dropall"])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--regions", action="store_true")
    ap.add_argument("--_one", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    text = _text(args.text)
    if args._one:
        _one(text, args._one)
    elif args.oracle:
        oracle(text, args.oracle, args.rounds)
    elif args.regions:
        regions(text)
    else:
        account(text, args.json)


if __name__ == "__main__":
    main()
