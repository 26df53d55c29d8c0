"""Where each OCR candidate ends, and what a pre-generation bound could save (issue 14, session 28).

    python benchmarks/ocr_fate.py FILE [--bound]              # a text, as ``repair fix`` reads it
    python benchmarks/ocr_fate.py --smh dev|test [--bound]    # the SMH articles of a half
    python benchmarks/ocr_fate.py FILE|--smh HALF --builders    # the classes and CPU by builder
    python benchmarks/ocr_fate.py FILE|--smh HALF --ablate        # each costly builder off
    python benchmarks/ocr_fate.py FILE --drop-realword [--chars N] [--windows W] [--rounds R]

Every candidate the OCR stage builds is put in one class (:func:`fate`):

* ``a chosen``: an edit of the output makes exactly its reading;
* ``b accepted, lost``: the scorer accepted it in some pass, another reading won;
* ``b refused near`` / ``b refused far``: the scorer decided it and refused it in every
  pass, its best margin within :data:`NEAR` nats of its threshold / further;
* ``c never decided``: the scorer never priced it (a fixed reading that lost).

A ``b`` class gets `` (span edited)`` when another reading of its span was chosen.  The
scorer's compiled loop is switched off while recording (the Python loop calls
``DecisionMemo.put`` for every decision it makes; the same decisions and output, as
``tests/test_ocr_speed27.py`` checks).

``--builders`` also tells the classes by the builder that first made each reading (its
span and text; a reading two builders make is the first one's) and each builder's own
CPU (nested builders' time taken out; :func:`building`): what each builder costs for the
readings it wins.

``--ablate`` reads the SMH half (or FILE) once as it is and once with each builder of
:data:`ABLATE` switched off (its module's constant), after a warm-up run, and prints the
token and character errors (SMH) or the edits and changed output (FILE) and the CPU of
each: what a builder's time buys (not exact; nothing is shipped).

``--bound`` also counts, for every one-word real-word reading decided, the readings an
exact bound free of the reading's own language-model score proves refused by more than
:data:`WIDEST_SLACK` nats (the widest slack a refused real-word margin is still read
with: ``ocr_joint.REAL_SLACK``): the model's gain is at most ``-lp(printed)`` (every
log-probability is <= 0), and at most ``lp(reading | two words before) - lp(printed)``
(the reading's two later terms are <= 0).  Either bound being broken is counted too.

``--drop-realword`` times the three OCR stages (CPU, collector paused; the first
``--windows`` windows of ``--chars`` characters of FILE, each one document) with
``_Generator._realword`` as it is and returning nothing, alternated: an upper bound of
what fewer real-word readings could save (not exact: the output changes).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from repair.types import Candidate, Edit  # noqa: E402

#: Margin short of the threshold (nats) still called ``near``.
NEAR = 2.0
#: The widest slack below its threshold a refused real-word margin is read with.
WIDEST_SLACK = 6.0


def fate(
    c: Candidate,
    seen: tuple[bool, float] | None,
    chosen: set[tuple[int, int, str]],
    edited: set[tuple[int, int]],
) -> str:
    """The class of candidate ``c`` (module doc): ``seen`` is (accepted in some pass, best
    margin minus threshold) or ``None`` when never decided; ``chosen`` the output's
    (start, end, replacement), ``edited`` its spans."""
    if (c.start, c.end, c.replacement) in chosen:
        return "a chosen"
    if seen is None:
        return "c never decided"
    accepted, best = seen
    if accepted:
        name = "b accepted, lost"
    else:
        name = "b refused near" if best >= -NEAR else "b refused far"
    return name + (" (span edited)" if (c.start, c.end) in edited else "")


@contextmanager
def recording(
    by_source: dict[str, Counter[str]], tags: dict[tuple[int, int, str], str] | None = None
) -> Iterator[None]:
    """Count every OCR candidate's :func:`fate` into ``by_source`` (by its source, or by
    its builder in ``tags`` when given: cleared after each window) while the block runs;
    the hooks are removed after."""
    import repair.stages.ocr as stage
    from repair.score import ocr as so
    from repair.score import ocr_decide_fast

    current: list[Any] = [None]
    real_put, real_score, real_loop = (
        so.DecisionMemo.put,
        stage.score_candidates,
        ocr_decide_fast.LOOP,
    )

    def put(self: Any, k: int, around: Any, d: Any) -> None:
        rec = current[0]
        if rec is not None and k < rec[0]:
            acc, best = rec[1].get(k, (False, float("-inf")))
            rec[1][k] = (acc or bool(d.accept), max(best, d.margin - d.threshold))
        real_put(self, k, around, d)

    def score(doc: Any, candidates: list[Candidate], garbled: bool, *rest: Any) -> list[Edit]:
        current[0] = (len(candidates), {})
        try:
            edits = real_score(doc, candidates, garbled, *rest)  # rest: the decisions counter
            seen = current[0][1]
        finally:
            current[0] = None
        chosen = {(e.offset, e.offset + e.length, e.replacement) for e in edits}
        edited = {(e.offset, e.offset + e.length) for e in edits}
        for k, c in enumerate(candidates):
            key = c.source if tags is None else tags.get((c.start, c.end, c.replacement), "?")
            by_source[key][fate(c, seen.get(k), chosen, edited)] += 1
        if tags is not None:
            tags.clear()
        return edits

    so.DecisionMemo.put, stage.score_candidates, ocr_decide_fast.LOOP = put, score, False
    try:
        yield
    finally:
        so.DecisionMemo.put, stage.score_candidates = real_put, real_score
        ocr_decide_fast.LOOP = real_loop


@contextmanager
def bounding(counts: Counter[str]) -> Iterator[None]:
    """Count, for every one-word real-word reading decided while the block runs, what
    the two bounds of the module doc prove (``counts``: decided, proved by each bound,
    refused that far in fact, each bound broken)."""
    from repair.resources.frequency import zipf
    from repair.score import ocr as so

    real = so._decider

    def decider(scorer: Any) -> Callable[..., Any]:
        decide = real(scorer)

        def checked(
            orig: list[str], alt: list[str], prev: list[str], nxt: list[str], cost: float,
            orig_known: bool, threshold: Any, garbled: bool, prior_per_zipf: Any,
        ) -> Any:  # fmt: skip
            d = decide(orig, alt, prev, nxt, cost, orig_known, threshold, garbled, prior_per_zipf)
            if orig_known and len(orig) == 1 and len(alt) == 1:
                lp_orig = scorer.seq(orig, prev, nxt)
                first = scorer.lm.sequence_logprob((alt[0],), prev[-2:])
                per = so.PRIOR_PER_ZIPF if prior_per_zipf is None else prior_per_zipf
                price = cost + per * zipf(orig[0].lower())
                below = d.threshold - WIDEST_SLACK
                counts["decided"] += 1
                counts["refused that far in fact"] += d.margin < below
                counts["proved by gain <= -lp(printed)"] += -lp_orig - price < below
                counts["proved by the reading's first term"] += first - lp_orig - price < below
                counts["bound broken: -lp(printed)"] += d.gain > -lp_orig + 1e-9
                counts["bound broken: first term"] += d.margin > first - lp_orig - price + 1e-9
            return d

        return checked

    so._decider = decider
    try:
        yield
    finally:
        so._decider = real


#: Builder-shaped names of ``repair.candidates.ocr`` wrapped besides every ``*_candidates``.
_BUILDERS = (
    "joins", "garbled_joins", "split_pairs", "line_joins", "speck_hyphen_joins",
    "drop_piece_readings", "page_word_prior", "_initial_glyphs", "_glued_fw", "_name_readings",
)  # fmt: skip
#: Builders that pass the readings made so far through: a reading they are first to
#: return was made by the generator's own loops (``_Generator.candidates``' inline ones).
_PASSING = frozenset({"candidates", "drop_piece_readings", "page_word_prior"})
#: Other modules' builders the generator calls through their module.
_MODULE_BUILDERS = (
    ("repair.candidates.ocr_pagefar", "page_far_candidates"),
    ("repair.candidates.ocr_context", "context_candidates"),
    ("repair.candidates.ocr_spacejoin", "space_join_candidates"),
    ("repair.candidates.ocr_pagehabit", "with_page_habits"),
    ("repair.score.ocr_usspell", "guard_page"),
    ("repair.candidates.ocr_accentkeep", "keep_accented_words"),
    ("repair.stages.ocr", "word_readings"),
)


@contextmanager
def building(tags: dict[tuple[int, int, str], str], seconds: Counter[str]) -> Iterator[None]:
    """While the block runs: every builder's own CPU into ``seconds`` (a nested builder's
    time is its own, not its caller's) and the builder that first returned each reading
    into ``tags`` (by span and text); ``_Generator.candidates`` keeps what no builder
    took (its own loops).  The hooks are removed after."""
    import importlib

    from repair.candidates import ocr as co

    stack: list[list[float]] = []
    undo: list[tuple[Any, str, Any]] = []

    def wrap(owner: Any, name: str) -> None:
        real = getattr(owner, name)

        def timed(*a: Any, **k: Any) -> Any:
            stack.append([0.0])
            t = time.process_time()
            try:
                out = real(*a, **k)
            finally:
                spent = time.process_time() - t
                inner = stack.pop()[0]
                seconds[name] += spent - inner
                if stack:
                    stack[-1][0] += spent
            if isinstance(out, list) and out and isinstance(out[0], Candidate):
                tag = "the generator's own loops" if name in _PASSING else name
                for c in out:
                    tags.setdefault((c.start, c.end, c.replacement), tag)
            return out

        undo.append((owner, name, real))
        setattr(owner, name, timed)

    names = [n for n in vars(co) if n.endswith("_candidates") and callable(getattr(co, n))]
    for n in sorted({*names, *_BUILDERS}):
        wrap(co, n)
    for n in ("candidates", "_token", "_stem", "_realword", "_caps_in_text", "_caps_headline"):
        wrap(co._Generator, n)
    for mod, n in _MODULE_BUILDERS:
        wrap(importlib.import_module(mod), n)
    try:
        yield
    finally:
        for owner, name, real in reversed(undo):
            setattr(owner, name, real)


def by_builder(by_source: dict[str, Counter[str]], seconds: Counter[str], top: int = 30) -> str:
    """The classes and own CPU per builder (``by_source`` keyed by builder)."""
    rows = [f"  {'builder':28s} {'own CPU s':>9s} {'readings':>9s} {'chosen':>7s}"]
    for name in sorted(set(seconds) | set(by_source), key=lambda n: -seconds[n])[:top]:
        counts = by_source.get(name, Counter())
        rows.append(
            f"  {name:28s} {seconds[name]:9.2f} {sum(counts.values()):9,d} {counts['a chosen']:7,d}"
        )
    return "\n".join(rows)


#: Builders with their own switch, the costliest per reading won (``--builders``).
ABLATE = (
    ("repair.candidates.ocr_pagefar", "PAGE_FAR"),
    ("repair.candidates.ocr_gluedfw", "GLUED_FW"),
    ("repair.candidates.ocr", "GARBLED_JOIN"),
    ("repair.candidates.ocr_context", "CONTEXT"),
    ("repair.candidates.ocr_slot", "SLOT"),
    ("repair.candidates.ocr_abbrev", "ABBREV"),
    ("repair.candidates.ocr_shortreal", "SHORT_REAL"),
)


def ablate(args: argparse.Namespace) -> str:
    """Errors (SMH) or edits (FILE) and CPU as it is and with each :data:`ABLATE` switch
    off, after one warm-up run."""
    import importlib

    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    if args.smh is not None:
        from smh_eval import DEFAULT_DATA, load, run, split_of

        arts = [a for a in load(DEFAULT_DATA / "allArticles.txt") if split_of(a.ident) == args.smh]

        def once() -> tuple[str, str]:
            tot = run(arts, 0, None)
            return "", (
                f"tokens {int(tot['ours_tok']):6,d} chars {int(tot['ours_chr']):6,d}"
                f" edits {int(tot['edits']):6,d}"
            )
    else:
        text = Path(args.file).read_text(encoding="utf-8")

        def once() -> tuple[str, str]:
            res = repair_text(text, config=RepairConfig())
            return res.text, f"edits {len(res.edits):6,d}"

    base, _ = once()  # warm-up: the disk caches and the process's memos
    rows = []
    for mod, name in (("", "as is"), *ABLATE):
        owner = importlib.import_module(mod) if mod else None
        old = getattr(owner, name) if owner else None
        if owner:
            setattr(owner, name, False)
        try:
            t = time.process_time()
            out, what = once()
            cpu = time.process_time() - t
        finally:
            if owner:
                setattr(owner, name, old)
        changed = "" if args.smh is not None else f" output {'same' if out == base else 'changed'}"
        rows.append(f"  {name:14s} {what}{changed} CPU {cpu:6.2f} s")
    return "\n".join(rows)


def _texts(args: argparse.Namespace) -> list[str]:
    if args.smh is None:
        return [Path(args.file).read_text(encoding="utf-8")]
    from smh_eval import DEFAULT_DATA, load, split_of

    return [a.raw for a in load(DEFAULT_DATA / "allArticles.txt") if split_of(a.ident) == args.smh]


def report(by_source: dict[str, Counter[str]], top: int = 15) -> str:
    """The classes over all candidates, then per source (the ``top`` largest)."""
    total: Counter[str] = Counter()
    for counts in by_source.values():
        total.update(counts)
    n = sum(total.values())
    rows = [f"candidates {n:,}"]
    rows += [f"  {k:34s} {v:8,d} {100 * v / max(n, 1):5.1f} %" for k, v in sorted(total.items())]
    rows.append("by source:")
    for src, counts in sorted(by_source.items(), key=lambda x: -sum(x[1].values()))[:top]:
        parts = ", ".join(f"{k} {v:,}" for k, v in sorted(counts.items()))
        rows.append(f"  {src:22s} {sum(counts.values()):7,d}: {parts}")
    return "\n".join(rows)


def drop_realword(text: str, chars: int, rounds: int) -> str:
    """Stage CPU (detection, candidates, scoring) with real-word readings as they are and
    dropped, alternated ``rounds`` times after one warm-up run."""
    from repair.candidates import ocr as co
    from repair.document import Document
    from repair.stages.ocr import STAGE

    real = co._Generator._realword
    windows = [text[lo : lo + chars] for lo in range(0, len(text), chars)]
    rows = []

    def none(self: Any, *a: Any) -> list[Candidate]:
        return []

    def run(mode: str) -> str:
        co._Generator._realword = real if mode == "as is" else none  # type: ignore[method-assign]
        tot, n_c, n_e = [0.0, 0.0, 0.0], 0, 0
        for w in windows:
            doc = Document(w)
            t0 = time.process_time()
            det = STAGE.detect(doc)
            t1 = time.process_time()
            cands = STAGE.candidates(doc, det)
            t2 = time.process_time()
            edits = STAGE.score(doc, det, cands)
            t3 = time.process_time()
            for i, x in enumerate((t1 - t0, t2 - t1, t3 - t2)):
                tot[i] += x
            n_c, n_e = n_c + len(cands), n_e + len(edits)
            gc.collect()
        return (
            f"{mode:8s} detect {tot[0]:.2f} candidates {tot[1]:.2f} scoring {tot[2]:.2f} "
            f"total {sum(tot):.2f} s; {n_c:,} candidates, {n_e:,} edits"
        )

    gc.disable()
    try:
        rows.append("warm-up " + run("as is"))
        for r in range(rounds):
            for mode in ("dropped", "as is") if r % 2 == 0 else ("as is", "dropped"):
                rows.append(run(mode))
    finally:
        co._Generator._realword = real  # type: ignore[method-assign]
        gc.enable()
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?")
    ap.add_argument("--smh", choices=["dev", "test"])
    ap.add_argument("--bound", action="store_true")
    ap.add_argument("--builders", action="store_true")
    ap.add_argument("--ablate", action="store_true")
    ap.add_argument("--drop-realword", action="store_true")
    ap.add_argument("--chars", type=int, default=250_000)
    ap.add_argument("--windows", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    if (args.file is None) == (args.smh is None):
        ap.error("give FILE or --smh")
    if args.drop_realword:
        if args.file is None:
            ap.error("--drop-realword reads FILE")
        print(drop_realword(_texts(args)[0][: args.chars * args.windows], args.chars, args.rounds))
        return 0
    if args.ablate:
        print(ablate(args))
        return 0
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    by_source: dict[str, Counter[str]] = defaultdict(Counter)
    bounds: Counter[str] = Counter()
    if args.builders:
        tags: dict[tuple[int, int, str], str] = {}
        seconds: Counter[str] = Counter()
        by_builder_counts: dict[str, Counter[str]] = defaultdict(Counter)
        with recording(by_builder_counts, tags), building(tags, seconds):
            for t in _texts(args):
                repair_text(t, config=RepairConfig())
        print(report(by_builder_counts, top=40))
        print(by_builder(by_builder_counts, seconds))
        return 0
    with recording(by_source):
        if args.bound:
            with bounding(bounds):
                for t in _texts(args):
                    repair_text(t, config=RepairConfig())
        else:
            for t in _texts(args):
                repair_text(t, config=RepairConfig())
    print(report(by_source))
    if args.bound:
        print("one-word real-word readings decided, and what an exact bound proves:")
        for k, v in bounds.items():
            print(f"  {k:40s} {v:8,d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
