"""Spin evaluation: simulated spinners over clean text of several registers, dev/test halves.

Usage (from the checkout root; needs the ``bench`` extra for WordNet and the Lee corpus)::

    python benchmarks/spin_eval.py --spinner wordnet --split dev      # one spinner
    python benchmarks/spin_eval.py --all --split test --json out.json # every spinner
    python benchmarks/spin_eval.py --all --split dev --no-profile     # without the seed profile
    python benchmarks/spin_eval.py --spinner tortured --references    # known source as reference
    python benchmarks/spin_eval.py --spinner rare --show 10           # wrong/missed edits (dev)

For each spinner (``benchmarks/spin_sim``: wordnet, rare, phrase, double, seed, and
``tortured``: scientific abstracts spun by the wordnet/rare spinners; ``seeddense``: the
seed family at seed 000's density, :mod:`spin_sim.seeddense`; ``mill``: the same abstracts
spun by a simulated paper mill whose synonym choice is fitted on real PPS pairs,
:mod:`spin_sim.mill`; ``distrib``: distributional neighbours from running text, the one
simulator whose synonyms come from no source the restorer reads, :mod:`spin_sim.distrib`)
and split, the
same capped set of clean documents (``--cap``, default 40, taken in turn from each
register) is spun with the families of that split only, repaired through the public
API (``repair.repair_text``) and scored with the one token-alignment scorer
(``repair.bench.metrics.doc_metrics``):

* error reduction: (token errors before - after) / before, over spun documents;
* edit precision: tool edits equal to a gold edit / tool edits (ERRANT style);
* broken rate: correct tokens of the spun documents the tool changed / correct tokens;
* clean side: tokens changed per 1,000 when the clean originals go through;
* detection AUC: ``RepairResult.scores.spin`` of the spun vs the clean versions;
  ``AUC doc``: the same with the noisy-OR of ``spin`` and ``collocation``,
  ``1 - (1 - spin) * (1 - collocation)`` (the collocation stage's score reads
  wordy-paraphrase density and restored terms).

``seeddense`` documents carry every family at seed 000's density, so besides the
whole-document row they get one row per scored family half (``seeddense:dev-families``,
``seeddense:dev-unseen`` on dev, ``seeddense:held-families`` on test: the held families'
substitutions the profile does not hold), counted by :func:`half_counts`; ``dev-table`` and
``held-table`` narrow them to the seed table's own translation-like families (no WordNet
extension).  ``--unprofiled`` holds the dev seed families' pairs out of the profile, so that
``seed`` and ``seeddense:dev-table`` on dev measure families the profile was not written for.

``seedprof`` (:mod:`spin_sim.seedprof`, session 61) is seed 000's spinner on a new article:
the profile's own rows read forwards plus the WordNet extension, at seed 000's density,
every family in every document.  Its rows: the whole document, ``seedprof:dev-rows`` /
``seedprof:test-rows`` (the profile rows of each half of its families) and
``seedprof:extension``.  ``--spinner seedprof --unprofiled`` (run alone) takes the
document split's own half of the profile's rows out of the profile, so the split's own
``-rows`` figure is the spinner's habits the profile does not hold, the other half's
the habits it holds, on the same documents.

**The test half holds no list row of its own families.** 12 of the 22 rows of
:data:`repair.detect.wordy.FUNCTION_PHRASES` are the phrase simulator's spun forms word for
word, 5 of them of test families ("prior to", "in excess of": benchmarks/RESULTS.md,
"Phrase spinner: families held out inside dev"); on ``--split test`` those rows are taken
out of the list before any text is repaired (:func:`hold_out_listed`; clean and spun
texts of every spinner alike), so the test figures measure what carries to families no
list holds.  ``--listed`` keeps them (the figures before session 21); ``--unlisted``
holds out the dev families' rows on ``--split dev`` too (the dev figure of what carries).
The seed profile also holds three forms of phrase test families, as seed 000's own
habits ("whether or not", "one another", "up to now"): ``--no-profile`` runs without
any of them.

``--no-profile`` passes ``RepairConfig(spin_profile=None)``: the method
must then run without the seed-derived profile (the runner says whether the code on
this branch reads that option).  The old whole-suite report moved to
``benchmarks/spin_eval_legacy.py`` (run without ``--spinner``/``--all`` it still runs).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_sim import (  # noqa: E402
    ABSTRACT_SPINNERS,
    DENSE,
    HALF_SCORED,
    OTHER_SOURCE,
    RATE,
    SPINNERS,
    mill,
    seeddense,
    seedinfl,
    seedprof,
    spin_doc,
)
from spin_sim.abstracts import abstract_docs, spin_abstract  # noqa: E402
from spin_sim.corpus import Doc, select  # noqa: E402
from spin_sim.roc import auc  # noqa: E402
from spin_sim.text import SpunDoc  # noqa: E402

from repair.bench.metrics import Counts, doc_metrics, edit_blocks, token_seq  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402

ALL = (*SPINNERS, "tortured", *DENSE, *ABSTRACT_SPINNERS, *OTHER_SOURCE)
DEFAULT_CAP = 40
PROFILE_OPTION = "spin_profile"
#: (``scores.spin``, noisy-OR of ``scores.spin`` and ``scores.collocation``) of one text.
Scores = tuple[float, float]


def write_json(path: str, args: argparse.Namespace, rows: list[dict]) -> None:
    """The run's arguments and rows as JSON (``--json``)."""
    Path(path).write_text(
        json.dumps({"args": vars(args), "rows": rows}, indent=1) + "\n", encoding="utf-8"
    )


def make_config(stages: str, no_profile: bool) -> RepairConfig:
    """The config running ``stages`` ("all": every stage on by default; else a comma list,
    each name checked against the registry), with or without the seed profile."""
    from repair.stages import REGISTRY, spec

    if stages == "all":
        on = {s.name for s in REGISTRY if s.default}
    else:
        on = {spec(n.strip()).name for n in stages.split(",") if n.strip()}
    flags = {s.name: s.name in on for s in REGISTRY}
    return RepairConfig(**flags, spin_profile=None if no_profile else "default")


def profile_switch_read() -> bool:
    """Whether any module of the installed ``repair`` mentions the profile option."""
    import repair

    base = Path(repair.__file__).parent
    return any(PROFILE_OPTION in p.read_text(encoding="utf-8") for p in base.rglob("*.py"))


@dataclass
class Row:
    spinner: str
    split: str
    counts: Counts = field(default_factory=Counts)
    clean: Counts = field(default_factory=Counts)
    spun_scores: list[float] = field(default_factory=list)
    clean_scores: list[float] = field(default_factory=list)
    spun_doc_scores: list[float] = field(default_factory=list)
    clean_doc_scores: list[float] = field(default_factory=list)
    registers: dict[str, int] = field(default_factory=dict)
    gold_edits: int = 0
    seconds: float = 0.0
    #: ``seeddense`` only: the figures on each scored half (:func:`half_reference`), and
    #: (restored exactly, gold substitutions) of each.
    halves: dict[str, Counts] = field(default_factory=dict)
    half_recall: dict[str, list[int]] = field(default_factory=dict)

    def to_json(self, half: str | None = None) -> dict[str, object]:
        c = self.halves[half] if half else self.counts
        per_1k = 1000 * self.clean.err_after / max(self.clean.tokens_gold, 1)
        return {
            "spinner": f"{self.spinner}:{half}" if half else self.spinner,
            "split": self.split,
            "docs": c.docs,
            "registers": self.registers,
            "gold_substitutions": self.half_recall[half][1] if half else self.gold_edits,
            "error_reduction": _r(c.reduction),
            # on one half, the other half's spans hold the tool's own edits: no precision
            "edit_precision": None if half else _r(c.precision),
            "recall": _r(self.half_recall[half][0] / max(self.half_recall[half][1], 1))
            if half
            else _r(c.recall),
            "broken_rate": _r(c.broken_rate),
            "clean_docs": self.clean.docs,
            "clean_docs_changed": self.clean.changed_docs,
            "clean_changed_per_1k_tokens": round(per_1k, 3),
            "auc": _r(auc(self.spun_scores, self.clean_scores)),
            "auc_doc": _r(auc(self.spun_doc_scores, self.clean_doc_scores)),
            "spun_score_median": _r(_median(self.spun_scores)),
            "clean_score_median": _r(_median(self.clean_scores)),
            "seconds": round(self.seconds, 1),
            "counts": c.to_json(),
        }


#: The scored halves and the half test of each half-scored spinner (``spin_sim.HALF_SCORED``).
HALVES_OF = {
    "seeddense": (seeddense.HALVES, seeddense.in_half),
    "seedprof": (seedprof.HALVES, seedprof.in_half),
    "seedinfl": (seedinfl.HALVES, seedinfl.in_half),
}
HALVES = seeddense.HALVES


def in_half(g, half: str, spinner: str = "seeddense") -> bool:  # type: ignore[no-untyped-def]
    """Whether the gold edit ``g`` of a ``spinner`` document is scored in ``half``."""
    return HALVES_OF[spinner][1](g, half)


def half_spans(s: SpunDoc, half: str) -> dict[tuple[int, int], str]:
    """``half``'s gold spans of a ``seeddense`` document on the spun text -> original
    (:func:`spin_sim.seeddense.in_half`)."""
    out, delta = {}, 0
    for g in sorted(s.edits, key=lambda g: g.start):
        a = g.start + delta
        delta += len(g.replacement) - (g.end - g.start)
        if in_half(g, half, s.spinner):
            out[(a, a + len(g.replacement))] = g.original
    return out


def restored(text: str, span: tuple[int, int], edits: tuple) -> str | None:
    """What the tool's ``edits`` made of ``text[a:b]``, or None if an edit crosses its ends."""
    a, b = span
    out, pos = [], a
    for e in edits:
        if e.end <= a or e.offset >= b:
            continue
        if e.offset < a or e.end > b:
            return None
        out += [text[pos : e.offset], e.replacement]
        pos = e.end
    return "".join([*out, text[pos:b]])


def half_reference(s: SpunDoc, half: str, edits: tuple = ()) -> str:
    """The reference that scores only ``half``'s substitutions of a ``seeddense`` document:
    the spun text with that half's spans restored and every other gold span as ``edits``
    left it (:func:`restored`; the spun words where an edit crosses its ends), so the other
    half counts neither for nor against (edits elsewhere still count).  Errors before are
    counted against ``half_reference(s, half)`` (no edits: the half's spans alone)."""
    out, pos, delta = [], 0, 0
    for g in sorted(s.edits, key=lambda g: g.start):
        a, b = g.start + delta, g.start + delta + len(g.replacement)
        delta += len(g.replacement) - (g.end - g.start)
        out.append(s.spun[pos:a])
        if in_half(g, half, s.spinner):
            out.append(g.original)
        else:
            out.append(restored(s.spun, (a, b), edits) or s.spun[a:b])
        pos = b
    out.append(s.spun[pos:])
    return "".join(out)


def half_counts(s: SpunDoc, half: str, out: str, edits: tuple) -> Counts:
    """The counts of one ``seeddense`` document on ``half``: errors after against
    :func:`half_reference` with the tool's edits, errors before against it without."""
    counts = doc_metrics(s.spun, half_reference(s, half, edits), out, edits)
    counts.err_before = doc_metrics(s.spun, half_reference(s, half), s.spun).err_before
    return counts


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _median(xs: list[float]) -> float | None:
    return sorted(xs)[len(xs) // 2] if xs else None


def _pair(score: float | Scores) -> Scores:
    """A runner's scores as a pair (a subclass may return ``scores.spin`` alone)."""
    return score if isinstance(score, tuple) else (score, score)


class Runner:
    """Repairs texts once each (clean originals are shared between spinners)."""

    def __init__(self, config: RepairConfig, references: bool = False, show: int = 0) -> None:
        self.config = config
        self.references = references
        self.show = show
        self._clean: dict[str, tuple[str, Scores, Counts]] = {}

    def repair(self, text: str, refs: tuple[str, ...] = ()) -> tuple[str, float | Scores, tuple]:
        r = repair_text(text, refs, self.config)
        s = r.scores
        return r.text, (s.spin, 1.0 - (1.0 - s.spin) * (1.0 - s.collocation)), r.edits

    def clean(self, doc: Doc) -> tuple[Scores, Counts]:
        if doc.doc_id not in self._clean:
            out, score, edits = self.repair(doc.text)
            self._clean[doc.doc_id] = (
                out, _pair(score), doc_metrics(doc.text, doc.text, out, edits)
            )  # fmt: skip
        _out, score, counts = self._clean[doc.doc_id]
        return score, counts

    def evaluate(self, spinner: str, split: str, docs: list[Doc], spun: list[SpunDoc]) -> Row:
        row = Row(spinner, split)
        t0 = time.perf_counter()
        for doc, s in zip(docs, spun, strict=True):
            score, counts = self.clean(doc)
            row.clean = row.clean + counts
            row.clean_scores.append(score[0])
            row.clean_doc_scores.append(score[1])
            if not s.edits:
                continue
            out, spun, edits = self.repair(s.spun, (s.clean,) if self.references else ())
            spun_score = _pair(spun)
            row.counts = row.counts + doc_metrics(s.spun, s.clean, out, edits)
            for half in HALVES_OF[spinner][0][split] if spinner in HALF_SCORED else ():
                counts = half_counts(s, half, out, edits)
                row.halves[half] = row.halves.get(half, Counts()) + counts
                spans = half_spans(s, half)
                right = sum(1 for sp, orig in spans.items() if restored(s.spun, sp, edits) == orig)
                cell = row.half_recall.setdefault(half, [0, 0])
                cell[0] += right
                cell[1] += len(spans)
            if self.show:
                show_differences(s, out, self.show)
            row.spun_scores.append(spun_score[0])
            row.spun_doc_scores.append(spun_score[1])
            row.gold_edits += len(s.edits)
            row.registers[doc.register] = row.registers.get(doc.register, 0) + 1
        row.seconds = time.perf_counter() - t0
        return row


def show_differences(s: SpunDoc, out: str, limit: int) -> None:
    """Print up to ``limit`` wrong tool edits and missed gold edits of one document."""
    d, g, h = token_seq(s.spun), token_seq(s.clean), token_seq(out)
    gold, hyp = edit_blocks(d.toks, g.toks), edit_blocks(d.toks, h.toks)
    gold_set, hyp_set = set(gold), set(hyp)

    def text(i1: int, i2: int) -> str:
        return "".join(d.toks[i1:i2]).strip()

    lines = [
        f"  wrong  {text(i1, i2)!r} -> {''.join(new).strip()!r}"
        for i1, i2, new in hyp
        if (i1, i2, new) not in gold_set
    ] + [
        f"  missed {text(i1, i2)!r} -> {''.join(new).strip()!r}"
        for i1, i2, new in gold
        if (i1, i2, new) not in hyp_set
    ]
    if lines:
        print(f"# {s.doc_id} ({s.spinner})", file=sys.stderr)
        print("\n".join(lines[:limit]), file=sys.stderr)


def hold_out_listed(split: str) -> list[str]:
    """Take out of :data:`repair.detect.wordy.FUNCTION_PHRASES` the rows that are the phrase
    simulator's spun forms of ``split``'s families (module doc); return them."""
    from spin_sim import phrase

    from repair.detect import wordy

    rows = phrase.listed_forms(split, wordy.FUNCTION_PHRASES)
    for row in rows:
        del wordy.FUNCTION_PHRASES[row]
    wordy._pattern.cache_clear()
    wordy._last_scan = ("", [])
    return rows


def hold_out_profile(split: str, profile_rows: bool = False) -> int:
    """Take out of the seed profile every (spun form, original) row that is one of the
    ``seed`` simulator's pairs of ``split``'s families (``--unprofiled``): on dev, the
    profile then holds this half's families no more than it holds the test half's, so
    the dev figure measures what carries to families the profile was not written
    for.  Rows the profile shares with the other half's families stay (the test half
    keeps them too).  With ``profile_rows`` (``--spinner seedprof``, which is run alone
    with ``--unprofiled``) the rows taken out are instead the profile's own rows of
    ``split``'s ``seedprof`` families (:func:`spin_sim.seedprof.held_pairs`).  Returns the
    number of (spun form, original) rows taken out."""
    from spin_sim import seedfamily, seedprof

    from repair import flagmemo
    from repair.candidates import spin as cand

    # The profile memo reads module flags (repair.flagmemo): the first document's check
    # empties every memo of the modules it has not seen yet, and the profile would be read
    # back whole (every --unprofiled figure in-sample).  Checked here first, the flags are
    # noted before the table is taken in hand, and no later check empties it.
    flagmemo.check()
    pairs: set[tuple[str, str]] = set()
    for key, fam, _flags in () if profile_rows else seedfamily.sim().families():
        if seedfamily.split_of(key) != split:
            continue
        for orig, alts in fam:
            for alt in alts:
                pairs.add((cand._norm(alt), cand._norm(orig)))
    if profile_rows:
        pairs |= {(cand._norm(s), cand._norm(o)) for s, o in seedprof.held_pairs(split)}
    table = cand.profile_table()
    n = 0
    for spun in list(table):
        info = table[spun]
        keep = tuple(o for o in info.originals if (spun, cand._norm(o)) not in pairs)
        n += len(info.originals) - len(keep)
        if not keep:
            del table[spun]
        elif keep != info.originals:
            table[spun] = dataclasses.replace(info, originals=keep)
    return n


#: The two halves of a split by document (``--half``): the capped documents at even
#: (``a``) or odd (``b``) places, as ``benchmarks/spin_reread_refit.py`` folds them, so
#: that a model fitted on one half is measured on the other.
HALVES_BY_DOC = {"a": 0, "b": 1}


def spun_docs(
    spinner: str, split: str, cap: int, rate: float, half: str | None = None
) -> tuple[list[Doc], list[SpunDoc]]:
    """The capped documents of ``split`` and their spun versions (families of ``split``);
    ``half`` ("a" / "b"): only the even / odd places of them (:data:`HALVES_BY_DOC`)."""
    if spinner in ("tortured", "mill"):
        docs = [d for d in abstract_docs() if d.split == split][:cap]
    else:
        docs = select(split, cap)
    if half is not None:
        docs = docs[HALVES_BY_DOC[half] :: 2]
    if spinner == "tortured":
        return docs, [spin_abstract(d, split, rate) for d in docs]
    if spinner == "mill":
        return docs, [mill.spin_abstract(d, split, rate) for d in docs]
    return docs, [spin_doc(d.doc_id, d.register, d.text, spinner, split, rate) for d in docs]


def evaluate(
    names: list[str],
    split: str,
    cap: int = DEFAULT_CAP,
    rate: float = RATE,
    runner: Runner | None = None,
    half: str | None = None,
) -> list[dict[str, object]]:
    """One row of figures per spinner (the Python entry point: ``evaluate(["wordnet"], "dev")``)."""
    runner = runner or Runner(make_config("spin,tortured,collocation", False))
    rows = []
    for name in names:
        docs, spun = spun_docs(name, split, cap, rate, half)
        row = runner.evaluate(name, split, docs, spun)
        rows.append(row.to_json())
        rows += [row.to_json(half) for half in row.halves]
        print(f"# {name}: done in {rows[-1]['seconds']} s", file=sys.stderr, flush=True)
    return rows


def fmt(x: object, digits: int = 3) -> str:
    return "-" if x is None else f"{x:.{digits}f}" if isinstance(x, float) else str(x)


#: Columns printed with 4 decimals (rates that should be near 0).
FINE = ("broken", "clean/1k")


def print_table(rows: list[dict[str, object]]) -> None:
    cols = (
        ("spinner", "spinner"), ("split", "split"), ("docs", "docs"),
        ("gold_substitutions", "subs"), ("error_reduction", "err.red"),
        ("edit_precision", "prec"), ("recall", "recall"), ("broken_rate", "broken"),
        ("clean_changed_per_1k_tokens", "clean/1k"), ("auc", "AUC"), ("auc_doc", "AUC doc"),
        ("spun_score_median", "spun med"), ("clean_score_median", "clean med"),
        ("seconds", "s"),
    )  # fmt: skip
    print("| " + " | ".join(h for _k, h in cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        print("| " + " | ".join(fmt(r[k], 4 if h in FINE else 3) for k, h in cols) + " |")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not any(
        a in ("--spinner", "--all", "-h", "--help") or a.startswith("--spinner=") for a in argv
    ):
        import spin_eval_legacy

        sys.argv = [sys.argv[0], *argv]
        return spin_eval_legacy.main()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", choices=ALL, help="repeatable")
    ap.add_argument("--all", action="store_true", help="every spinner")
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--cap", type=int, default=DEFAULT_CAP, help="documents per spinner/split")
    ap.add_argument(
        "--half",
        choices=tuple(HALVES_BY_DOC),
        help="dev only: the even (a) / odd (b) places of the capped documents (a cross-fit)",
    )
    ap.add_argument("--rate", type=float, default=RATE, help="share of content words spun")
    ap.add_argument("--no-profile", action="store_true", help="run without the seed profile")
    ap.add_argument("--stages", default="spin,tortured,collocation", help="stages to run, or 'all'")
    ap.add_argument(
        "--references",
        action="store_true",
        help="pass each document's clean original as a reference (a known source paper)",
    )
    ap.add_argument(
        "--show", type=int, default=0, help="print N wrong/missed edits per document (dev only)"
    )
    ap.add_argument("--json", help="write every figure to this JSON file")
    ap.add_argument(
        "--listed",
        action="store_true",
        help="on test, keep the list rows that are test families' spun forms (in-sample)",
    )
    ap.add_argument(
        "--unlisted",
        action="store_true",
        help="on dev too, hold out the list rows that are this half's families' spun forms",
    )
    ap.add_argument(
        "--unprofiled",
        action="store_true",
        help="hold out the seed profile's rows that are this half's seed families' pairs",
    )
    ap.add_argument(
        "--model",
        help="spin model lexicon file (spin_model_heldseed.json: the seed spinner's "
        "families held out of training, so seed rows are out-of-sample by family)",
    )
    ap.add_argument(
        "--old-ranker",
        action="store_true",
        help="the candidate ranker before session 38 (spin_rank.RANKER_FILE = None)",
    )
    ap.add_argument(
        "--ranker-file", help="the candidate ranker's lexicon file (spin_rank.RANKER_FILE)"
    )
    args = ap.parse_args(argv)
    names = list(ALL) if args.all else args.spinner
    if args.old_ranker or args.ranker_file:
        from repair.score import spin_rank

        spin_rank.RANKER_FILE = args.ranker_file
    if args.model:
        from repair.score.spin_model import use_model_file

        use_model_file(args.model)
    if not names:
        ap.error("give --spinner NAME or --all")
    if args.half and args.split != "dev":
        ap.error("--half is for the dev split (cross-fits are tuned and read on dev)")
    if args.show and args.split != "dev":
        ap.error("--show is for the dev split: the test half is never looked at while tuning")
    runner = Runner(make_config(args.stages, args.no_profile), args.references, args.show)
    hold = args.unlisted or (args.split == "test" and not args.listed)
    held = hold_out_listed(args.split) if hold else []
    if args.unprofiled and "seedprof" in names and len(names) > 1:
        ap.error("--unprofiled holds seedprof's own rows out: run --spinner seedprof alone")
    unprofiled = hold_out_profile(args.split, "seedprof" in (names or ())) if args.unprofiled else 0
    print(
        f"# split {args.split}{'-' + args.half if args.half else ''}; at most {args.cap} "
        f"documents per spinner (--cap); rate "
        f"{args.rate}; stages {args.stages}; references "
        f"{'the clean original' if args.references else 'none'}; profile "
        + ("off (--no-profile: option "
           + ("read" if profile_switch_read() else "NOT read by this branch: same as on")
           + ")" if args.no_profile else "on")
        + f"; list rows of this half's phrase families held out: {held or 'none'}"
        + f"; profile rows of this half's seed families held out: {unprofiled}"
        + f"; spin model {args.model or 'shipped'}"
        + ("; ranker before session 38" if args.old_ranker else "")
        + (f"; ranker {args.ranker_file}" if args.ranker_file else ""),
        flush=True,
    )  # fmt: skip
    rows = evaluate(names, args.split, args.cap, args.rate, runner, args.half)
    print_table(rows)
    if args.json:
        write_json(args.json, args, rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
