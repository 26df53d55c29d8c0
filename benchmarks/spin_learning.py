"""Learning curves: ``repair learn`` on N spun documents of one spinner, tested on others.

Usage (from the checkout root)::

    python benchmarks/spin_learning.py --spinner wordnet --sizes 10,100,1000
    python benchmarks/spin_learning.py --spinner rare --sizes 10,100 --cap 40 --no-profile

A spinner maps the same word the same way in every document, so here the documents
are spun with **all** word families (unlike ``spin_eval.py``'s family split): the
learner sees N documents of the dev document half (``repair learn DIR -o pairs.tsv``,
the public command, no references; ``--no-profile`` learns and tests without the seed
profile), and the learned pairs are tested
(``RepairConfig(lexicons=(pairs,))``) on ``--cap`` documents of the test half, which
it never saw.  Size 0 is the method without learned pairs.  Same metrics as
``spin_eval.py`` (error reduction, precision, broken rate, clean side, AUC).

``--split dev`` (for tuning) tests on every :data:`HOLD_EVERY`-th dev-half document instead
and learns on the other dev-half documents; the test half stays unseen.  ``--hold-rest N``
adds the dev-half documents after the first N learning documents (learned at no size up to
N) to those held out: 256 documents at N = 1,000 instead of 41.  ``--set module.NAME=literal``
sets a module constant for the run (to compare settings on the same learned pairs).
``--reuse`` on a ``pairs.tsv`` learned before session 38 first adds the learning corpus's
rates (:func:`ensure_rates`).
``--split test --learn-split dev --reuse`` tests the pairs the ``--split dev`` curves learned
(same folders, same learning documents: the test half is read without learning again).
``--first-cache DIR`` (default ``.generated/learn/first_pass``; '' for none) keeps the
learner's first repair pass (``repair.learn_edits``) per document, so a second learning run
on the same documents (another ``--set repair.learn_edits.NAME``, the other split) skips it;
the key holds no code version: empty the folder after a change to the repair itself.
``--spinner mill`` (session 66): the simulated paper mill (``spin_sim/mill.py``: one synonym
per lemma everywhere, so a corpus of its output repeats its mappings) learns on N dev-half
documents spun by it, as above, and is tested on the benchmark abstracts of the split, spun
with the split's families (``spin_eval.py``'s ``mill`` row: the same documents and figures,
now with the learned pairs); ``--clean-cap`` then pushes clean documents of the split through
as for any spinner.
``--drop-source SRC`` tests without the learned rows whose source column names ``SRC``
(e.g. ``neighbour``: the pairs of ``repair.learn.neighbour_pairs``, which are added after
every other pair, so the rest is what the learner writes without them).
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_eval import Runner, make_config, print_table, spun_docs, write_json  # noqa: E402
from spin_halves import set_constant  # noqa: E402
from spin_sim import (  # noqa: E402
    ABSTRACT_SPINNERS,
    DENSE,
    OTHER_SOURCE,
    RATE,
    SPINNERS,
    spin_doc,
)
from spin_sim.corpus import select  # noqa: E402
from spin_sim.text import SpunDoc  # noqa: E402

from repair.bench.metrics import Counts  # noqa: E402
from repair.learn import load_pairs  # noqa: E402

WORK = ROOT / "benchmarks" / ".generated" / "learn"
#: ``--split dev``: every HOLD_EVERY-th dev-half document is a test document (not learned on).
HOLD_EVERY = 30


def split_docs(split: str, n: int | None, cap: int, rest: int = 0) -> tuple[list, list]:
    """(up to ``n`` learning documents, up to ``cap`` test documents): the dev half and
    ``cap`` test-half documents, or (``split`` "dev") the dev half cut in two; ``rest``
    (dev only, > 0): the learning documents after the first ``rest`` are held out too,
    after the others."""
    if split == "test":
        return select("dev", n), select("test", cap)
    dev = select("dev", None)
    learn = [d for i, d in enumerate(dev) if i % HOLD_EVERY != HOLD_EVERY - 1]
    hold = [d for i, d in enumerate(dev) if i % HOLD_EVERY == HOLD_EVERY - 1]
    if rest > 0:
        hold += learn[rest:]
    return learn[:n], hold[:cap]


def learn(
    spinner: str,
    n: int,
    rate: float,
    timeout: float,
    no_profile: bool,
    split: str = "test",
    reuse: bool = False,
    work: Path | None = None,
    sets: Sequence[str] = (),
    first_cache: Path | None = None,
    learn_split: str | None = None,
    no_truth: bool = False,
) -> tuple[Path, Counter[tuple[str, str]]]:
    """Spin ``n`` learning documents (:func:`split_docs`), run ``repair learn`` on them
    (``--no-profile`` with ``no_profile``); the pairs TSV path and the spinner's true
    (spun, original) pairs there.  ``reuse``: keep the pairs of an earlier run of the
    same folder (to measure a change of how learned pairs are applied, not learned);
    ``work``: the folder of the learning runs (default :data:`WORK`); ``sets``: the
    ``--set module.NAME=literal`` specs, applied in the learner's process too (so a
    learner constant such as ``repair.learn.CORPUS_COMMON`` can be compared); ``first_cache``:
    a folder keeping the learner's first repair pass per document (:data:`_SET_AND_RUN`);
    ``learn_split``: learn on this split's learning documents (default ``split``'s: "dev"
    with ``split`` "test" learns on the documents the dev curves learn on, in their folder);
    ``no_truth`` with ``reuse``: do not spin the learning documents again (no true pairs:
    the pair precision is the learning run's)."""
    learn_split = learn_split or split
    folder = (
        work or WORK
    ) / f"{spinner}_{n}{'_np' if no_profile else ''}{'_dev' if learn_split == 'dev' else ''}"
    out = folder / "pairs.tsv"
    reuse = reuse and out.is_file()
    if not reuse:
        shutil.rmtree(folder, ignore_errors=True)
        (folder / "docs").mkdir(parents=True)
    truth: Counter[tuple[str, str]] = Counter()
    if reuse and no_truth:  # the pairs as learned; their quality is the learning run's
        return out, truth
    for k, d in enumerate(split_docs(learn_split, n, 0)[0]):
        s = spin_doc(d.doc_id, d.register, d.text, spinner, None, rate)
        if not reuse:
            (folder / "docs" / f"{k:05d}.txt").write_text(s.spun, encoding="utf-8")
        truth.update(_gold_pairs(s))
    if reuse:
        ensure_rates(out)
        return out, truth
    cmd = [sys.executable, "-m", "repair", "learn", str(folder / "docs"), "-o", str(out)]
    if sets or first_cache:  # set the constants first, then run the same command in that process
        cache = [f"@cache={first_cache}"] if first_cache else []
        cmd[1:3] = ["-c", _SET_AND_RUN, *cache, *sets, "--"]
    if no_profile:
        cmd.append("--no-profile")
    subprocess.run(cmd, check=True, timeout=timeout, cwd=ROOT)
    return out, truth


#: ``python -c`` program: set each ``module.NAME=literal`` before ``--``, then run the
#: ``repair`` command with the arguments after it (the learner subprocess of ``--set``).
#: ``@cache=DIR`` keeps each document's first-pass edits (``repair.pipeline.repair_text``
#: as ``repair.learn.learn_pairs`` calls it, no lexicon) in DIR, keyed by the text, the
#: profile setting and the ``--set`` specs but those of ``repair.learn_edits`` (read only
#: after the first pass): a learner change after the first pass
#: (``repair.learn_edits``) is then measured at 1,000 documents without repairing them again.
_SET_AND_RUN = """
import ast, hashlib, importlib, pickle, sys, types
from pathlib import Path
cut = sys.argv.index("--")
specs = sys.argv[1:cut]
cache = [s.partition("=")[2] for s in specs if s.startswith("@cache=")]
specs = [s for s in specs if not s.startswith("@cache=")]
if cache:
    import repair.pipeline as pipeline
    inner = pipeline.repair_text
    folder = Path(cache[0])
    folder.mkdir(parents=True, exist_ok=True)
    first = [s for s in specs if not s.startswith("repair.learn_edits.")]  # read after it
    tag = repr((first, "--no-profile" in sys.argv[cut + 1 :]))

    def cached(text, references=(), config=None, **kw):
        if references or kw or (config is not None and config.lexicons):
            return inner(text, references, config, **kw)
        key = hashlib.sha1((tag + "\\0" + text).encode("utf-8")).hexdigest()
        path = folder / f"{key}.pkl"
        if path.is_file():
            return types.SimpleNamespace(edits=pickle.loads(path.read_bytes()))
        result = inner(text, references, config, **kw)
        path.write_bytes(pickle.dumps(tuple(result.edits)))
        return result

    pipeline.repair_text = cached
for spec in specs:
    name, _, value = spec.partition("=")
    mod, _, attr = name.rpartition(".")
    setattr(importlib.import_module(mod), attr, ast.literal_eval(value))
sys.argv = ["repair", *sys.argv[cut + 1 :]]
from repair.cli import main
main()
"""


def ensure_rates(pairs: Path) -> bool:
    """Give a ``pairs.tsv`` written before session 38 (no ``form_rate`` column) the
    learning corpus's rates (``repair.learn.pair_rates`` over the ``docs`` folder beside
    it), in place, so ``--reuse`` measures the rate gate on the same pairs; True if done."""
    from repair.learn import RATE_SCALE, LearnedPair, pair_rates

    lines = pairs.read_text(encoding="utf-8").splitlines()
    if any(ln.startswith("spun\t") and "form_rate" in ln.split("\t") for ln in lines):
        return False
    texts = [f.read_text(encoding="utf-8") for f in sorted((pairs.parent / "docs").glob("*.txt"))]
    rows = [ln.split("\t") for ln in lines if ln and not ln.startswith(("#", "spun\t"))]
    learned = [LearnedPair(r[0], r[1]) for r in rows]
    pair_rates(texts, learned)
    out = []
    k = 0
    for ln in lines:
        if ln.startswith("spun\t"):
            out.append(ln + "\tform_rate\toriginal_rate")
        elif ln and not ln.startswith("#"):
            p = learned[k]
            k += 1
            cells = [f"{p.form_rate * RATE_SCALE:.4g}", f"{p.original_rate * RATE_SCALE:.4g}"]
            out.append("\t".join([ln, *cells]))
        else:
            out.append(ln)
    pairs.write_text("\n".join(out) + "\n", encoding="utf-8")
    return True


def drop_source(pairs: Path, source: str) -> Path:
    """A copy of ``pairs`` (beside it) without the rows whose source column names ``source``."""
    out = pairs.with_name(f"pairs_no_{source}.tsv")
    keep = []
    at = 7  # the source column (TSV_COLUMNS); rate columns may follow it
    for ln in pairs.read_text(encoding="utf-8").splitlines():
        cols = ln.split("\t")
        if ln.startswith("spun\t") and "source" in cols:
            at = cols.index("source")
        if ln.startswith(("#", "spun\t")) or len(cols) <= at or source not in cols[at].split("+"):
            keep.append(ln)
    out.write_text("\n".join(keep) + "\n", encoding="utf-8")
    return out


def _gold_pairs(s: SpunDoc) -> Counter[tuple[str, str]]:
    """The spinner's (spun form, original), lower-case, one count per substitution."""
    return Counter((e.replacement.lower(), e.original.lower()) for e in s.edits)


def pair_quality(
    pairs: Path, truth: Counter[tuple[str, str]], test: Counter[tuple[str, str]]
) -> dict[str, float]:
    """How right the learned pairs are: the share that are true pairs of the learning
    documents, and the test substitutions whose spun form a learned pair covers (with
    the right original, and with any original)."""
    learned = load_pairs(pairs)
    right = sum(1 for s, (o, _w) in learned.items() if truth[(s, o.lower())])
    covered = sum(c for (s, _o), c in test.items() if s in learned)
    covered_right = sum(c for (s, o), c in test.items() if s in learned and learned[s][0] == o)
    total = sum(test.values()) or 1
    return {
        "pair_precision": round(right / len(learned), 3) if learned else 0.0,
        "test_covered": round(covered / total, 4),
        "test_covered_right": round(covered_right / total, 4),
    }


def clean_side(runner: Runner, cap: int, split: str = "test") -> dict[str, float]:
    """Changed tokens per 1,000 on ``cap`` clean documents of the ``split`` half (0: not
    measured)."""
    if not cap:
        return {}
    total = Counts()
    docs = select(split, cap)
    for d in docs:
        total = total + runner.clean(d)[1]
    per_1k = 1000 * total.err_after / max(total.tokens_gold, 1)
    return {
        "clean_extra_docs": len(docs),
        "clean_extra_words": total.tokens_gold,
        "clean_extra_per_1k": round(per_1k, 3),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--spinner", choices=[*SPINNERS, *DENSE, *OTHER_SOURCE, *ABSTRACT_SPINNERS], required=True
    )
    ap.add_argument("--sizes", default="10,100,1000", help="comma-separated N (0 = no learning)")
    ap.add_argument("--cap", type=int, default=40, help="test documents")
    ap.add_argument("--rate", type=float, default=RATE)
    ap.add_argument(
        "--split",
        choices=("test", "dev"),
        default="test",
        help="test: test-half documents; dev: held-out dev-half documents (tuning)",
    )
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument(
        "--learn-split",
        choices=("test", "dev"),
        help="learn on this split's learning documents (default: --split's); --split test "
        "--learn-split dev --reuse tests the pairs the dev curves learned",
    )
    ap.add_argument("--work", help=f"learning folder (default {WORK})")
    ap.add_argument("--no-zero", action="store_true", help="leave out N = 0 (no learning)")
    ap.add_argument(
        "--hold-rest",
        type=int,
        default=0,
        metavar="N",
        help="--split dev: also test on the dev-half documents after the first N learning ones",
    )
    ap.add_argument(
        "--set", action="append", default=[], help="module.NAME=literal: set a module constant"
    )
    ap.add_argument("--drop-source", help="test without the learned rows of this source")
    ap.add_argument(
        "--reuse", action="store_true", help="keep pairs.tsv of an earlier run (no learning)"
    )
    ap.add_argument(
        "--no-truth",
        action="store_true",
        help="with --reuse: do not spin the learning documents again (pair precision not shown)",
    )
    ap.add_argument("--stages", default="spin,tortured,collocation")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per repair learn")
    ap.add_argument(
        "--first-cache",
        default=str(WORK / "first_pass"),
        help="folder keeping the learner's first repair pass per document ('' : none)",
    )
    ap.add_argument("--json", help="write every figure to this JSON file")
    ap.add_argument(
        "--clean-cap",
        type=int,
        default=0,
        help="also push this many clean documents of the split through (changed tokens per 1,000)",
    )
    args = ap.parse_args(argv)
    sizes = [0] * (not args.no_zero) + [
        int(x) for x in args.sizes.split(",") if x.strip() and int(x) > 0
    ]
    if args.hold_rest and (args.split != "dev" or max(sizes) > args.hold_rest):
        ap.error("--hold-rest N needs --split dev and every size <= N")
    for spec in args.set:
        set_constant(spec)
    base = make_config(args.stages, args.no_profile)
    if args.spinner in ABSTRACT_SPINNERS:  # the abstracts of the split, its families
        docs, spun = spun_docs(args.spinner, args.split, args.cap, args.rate)
    else:
        docs = split_docs(args.split, 0, args.cap, args.hold_rest)[1]
        spun = [spin_doc(d.doc_id, d.register, d.text, args.spinner, None, args.rate) for d in docs]
    test_truth: Counter[tuple[str, str]] = Counter()
    for s in spun:
        test_truth.update(_gold_pairs(s))
    print(
        f"# {args.spinner}: learn on N dev-half documents (all families), test on {len(docs)} "
        f"{args.split}-half documents; profile {'off' if args.no_profile else 'on'}",
        flush=True,
    )
    rows = []
    for n in sizes:
        t0 = time.perf_counter()
        config = base
        n_pairs = 0
        quality = {"pair_precision": 0.0, "test_covered": 0.0, "test_covered_right": 0.0}
        if n:
            pairs, truth = learn(
                args.spinner, n, args.rate, args.timeout, args.no_profile, args.split,
                args.reuse, Path(args.work) if args.work else None, args.set,
                Path(args.first_cache) if args.first_cache else None, args.learn_split,
                args.no_truth,
            )  # fmt: skip
            if args.drop_source:
                pairs = drop_source(pairs, args.drop_source)
            n_pairs = sum(1 for ln in pairs.read_text(encoding="utf-8").splitlines()
                          if ln and not ln.startswith(("#", "spun\t")))  # fmt: skip
            quality = pair_quality(pairs, truth, test_truth)
            config = dataclasses.replace(base, lexicons=(pairs,))
        runner = Runner(config)
        row = runner.evaluate(args.spinner, f"learn {n}", docs, spun).to_json()
        row["learned_pairs"] = n_pairs
        row.update(quality)
        row["learn_seconds"] = round(time.perf_counter() - t0 - row["seconds"], 1)
        row.update(clean_side(runner, args.clean_cap, args.split))
        rows.append(row)
        print(f"# N={n}: {n_pairs} pairs", file=sys.stderr, flush=True)
    print_table(rows)
    print(
        "| N | learned pairs | pair precision | test subs covered | covered, right original "
        "| clean/1k (extra docs) | learn s |\n|---|---|---|---|---|---|---|"
    )
    for r in rows:
        extra = f"{r['clean_extra_per_1k']} ({r['clean_extra_docs']})" if args.clean_cap else "-"
        print(
            f"| {r['split'].split()[1]} | {r['learned_pairs']} | {r['pair_precision']} "
            f"| {r['test_covered']} | {r['test_covered_right']} | {extra} "
            f"| {r['learn_seconds']} |"
        )
    if args.json:
        write_json(args.json, args, rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
