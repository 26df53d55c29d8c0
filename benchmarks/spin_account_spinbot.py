"""Where a spinner's dev substitutions are lost, by the stage's own decision reasons (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_account_spinbot.py [--spinner spinbot] [--cap 40] [--show 5]
        [--set REVERSE_ROWLESS=True]

For the dev documents ``benchmarks/spin_eval.py --spinner spinbot --split dev`` scores,
each gold substitution is repaired by the whole pipeline (``repair.repair_text`` with
``keep_declined``) and put in exactly one class (:func:`classify`), in this order:

* ``e:restored``: an edit at the span writes the original;
* ``d:wrong_edit``: an edit at the span writes another word (by rule);
* ``a:no_candidate``: the original is in no candidate list the stage reads: not among the
  written word's first candidates (:func:`repair.score.spin_evidence.candidates_for`), nor
  the reverse Moby originals with the wide rows
  (:func:`repair.candidates.spin_mobyrev.reverse_originals_deep`); for a multi-word span,
  the one-word original is not among :func:`repair.candidates.spin_phrase.span_originals`;
* ``b:not_read``: in a list, but the span is never read: ``gate_shut`` (the document's word
  gate is shut, :func:`repair.stages.spin.word_bar` > 1), ``not_target:<why>`` (the first
  reading has no row: ``common``, ``stop/short``, ``name``, ``early_stop``, ``covered``;
  :func:`spin_account.skip_why`; ``no_row`` where the reading went on past the word and
  kept no row for it), ``multiword`` (a reachable multi-word span no decision
  saw);
* ``d:other_top``: read, and the stage's best original for the span is another word (no
  edit was made: declined, or under the bar);
* ``c:declined:<reason>``: read with the original on top, declined; ``<reason>`` is the
  reason code the stage books in ``scores.decisions`` for the span (``weak_evidence``,
  ``lm_against``, ``below_threshold``, ``guarded``, ``book_pair``, ... as in
  ``RepairResult.declined``; ``score:<reason>`` where the scorer's own check refused the
  original, :func:`repair.score.spin._accept`; ``unbooked`` where no reason is booked).

``/multiword`` marks a written or original span of several words in ``c`` and ``d``.

Every edit touching no gold span (a wrong edit on an unsubstituted word) is counted by rule
as ``false``.  The test half is never read.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_account import skip_why  # noqa: E402
from spin_eval import make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from spin_sim.text import SpunDoc  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

import repair.score.spin as scorer  # noqa: E402
import repair.stages.spin as stage  # noqa: E402
from repair.candidates.spin_mobyrev import reverse_originals_deep  # noqa: E402
from repair.candidates.spin_phrase import span_originals  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score.spin_evidence import candidates_for  # noqa: E402
from repair.types import RepairResult  # noqa: E402

#: The classes in report order.
ORDER = ("e:restored", "a:no_candidate", "b:not_read", "c:declined", "d:other_top", "d:wrong_edit")


def in_lists(written: str, orig: str) -> bool:
    """Whether the original ``orig`` of ``written`` is in a candidate list the stage reads."""
    w, o = written.lower(), orig.lower()
    if " " in w or " " in o:
        parts = tuple(w.split(" "))
        return 2 <= len(parts) <= 3 and " " not in o and o in span_originals(parts)[0]
    if not w.isalpha():
        return False
    return o in candidates_for(w) or o in reverse_originals_deep(w)


def classify(
    written: str,
    orig: str,
    edit_to: str | None,
    edit_rule: str,
    listed: bool,
    shut: bool,
    top: str | None,
    scored: dict[str, str],
    dropped: str | None,
    skip: str,
) -> tuple[str, str]:
    """The (class, sub-class) of one gold substitution (the module's docstring).

    ``edit_to``: the replacement an edit at the span writes (None: no edit); ``top``: the
    first reading's best original at the span (a multi-word span's: its phrase reading's);
    ``scored``: originals the scorer saw at the span -> the reason it declined them (''
    accepted); ``dropped``: the stage's booked reason for the span
    (``RepairResult.declined``)."""
    multi = " " in written or " " in orig
    k, sub = _classify(written, orig, edit_to, edit_rule, listed, shut, top, scored, dropped, skip)
    return (k, sub + "/multiword") if multi and k in ("c:declined", "d:other_top") else (k, sub)


def _classify(written, orig, edit_to, edit_rule, listed, shut, top, scored, dropped, skip):  # type: ignore[no-untyped-def]
    """:func:`classify` before the multi-word mark."""
    o = orig.lower()
    if edit_to is not None:
        return ("e:restored", edit_rule) if edit_to.lower() == o else ("d:wrong_edit", edit_rule)
    if not listed:
        return "a:no_candidate", "multiword" if " " in written or " " in orig else "word"
    if shut:
        return "b:not_read", "gate_shut"
    if o in scored:
        return "c:declined", dropped or ("score:" + scored[o] if scored[o] else "unbooked")
    if scored:
        return "d:other_top", "scored"
    if top is None:
        if " " in written or " " in orig:
            return "b:not_read", "multiword"
        return "b:not_read", "not_target:" + skip
    if top != o:
        return "d:other_top", "row"
    return "c:declined", dropped or "unbooked"


#: Called per gold substitution with (spun document, its repair, (start, end), original,
#: (class, sub-class), the first reading's (best original, probability) at the span or None);
#: returns the (class, sub-class) to count (:mod:`spin_account_mill` splits classes).
Observer = Callable[
    [SpunDoc, RepairResult, tuple[int, int], str, tuple[str, str], Any], tuple[str, str]
]


def account(
    spinner: str, cap: int, profile: bool = True, observe: Observer | None = None
) -> tuple[Counter[tuple[str, str]], Counter[str], dict[tuple[str, str], list]]:
    """(class, sub-class) -> gold substitutions; false edits by rule; examples (``observe``
    may re-class each gold substitution)."""
    config = dataclasses.replace(make_config("spin,tortured,collocation", not profile),
                                 keep_declined=True)  # fmt: skip
    seen: list[stage.SpinDetection] = []
    shipped_detect, shipped_accept = stage._Stage.detect, scorer._accept
    scored: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)

    def detect(self, doc):  # type: ignore[no-untyped-def]
        d = shipped_detect(self, doc)
        seen.append(d)
        return d

    def accept(doc, doc_score, row, pair_gains, best, *rest):  # type: ignore[no-untyped-def]
        reason = shipped_accept(doc, doc_score, row, pair_gains, best, *rest)
        c = row[0]
        scored[(c.start, c.end)][c.replacement.lower()] = reason
        return reason

    cat: Counter[tuple[str, str]] = Counter()
    false: Counter[str] = Counter()
    ex: dict[tuple[str, str], list] = defaultdict(list)
    stage._Stage.detect = detect  # type: ignore[method-assign]
    scorer._accept = accept  # type: ignore[assignment]
    try:
        for s in spun_docs(spinner, "dev", cap, RATE)[1]:
            if not s.edits:
                continue
            seen.clear()
            scored.clear()
            r = repair_text(s.spun, (), config)
            det = seen[0] if seen else None
            shut = det is None or stage.word_bar(det.details) > 1.0
            rows = {}
            if det is not None:
                for w, p in zip(list(det.words) + list(det.common),
                                list(det.probs) + list(det.common_probs), strict=True):  # fmt: skip
                    rows.setdefault((w.start, w.end), (w.original.lower(), p))
            phrases = (
                {(p.start, p.end): (p.original.lower(), 0.0) for p in det.phrases} if det else {}
            )
            covered = stage._covered([(o.start, o.end) for o in det.occurrences]) if det else set()
            dropped = {(x.offset, x.offset + x.length): x.reason for x in r.declined
                       if x.stage == "spin"}  # fmt: skip
            gold = gold_spans(s)
            by_span = {(e.offset, e.end): e for e in r.edits}
            for (a, b), orig in gold.items():
                written = s.spun[a:b]
                e = by_span.get((a, b))
                if e is None:  # an article fix widens the edit ("a" + word)
                    e = next((x for (x0, x1), x in by_span.items() if x0 < a and x1 == b), None)
                    if e is not None and e.replacement.split(" ")[-1].lower() != orig.lower():
                        e = None
                to = None if e is None else e.replacement
                if e is not None and e.offset < a:
                    to = to.split(" ", 1)[-1]
                row = rows.get((a, b)) or phrases.get((a, b))
                skip = skip_why(s.spun, a, b, covered)
                if skip == "early_stop" and any(x > a for x, _y in rows):
                    skip = "no_row"  # read past it: no candidate kept a row
                k, sub = classify(
                    written, orig, to, e.rule if e else "", in_lists(written, orig), shut,
                    row[0] if row else None, scored.get((a, b), {}), dropped.get((a, b)),
                    skip,
                )  # fmt: skip
                if observe is not None:
                    k, sub = observe(s, r, (a, b), orig, (k, sub), row)
                cat[(k, sub)] += 1
                ex[(k, sub)].append((written, orig, to or (row[0] if row else None)))
            for (a, b), e in by_span.items():
                if any(x < b and a < y for x, y in gold):
                    continue
                false[e.rule] += 1
    finally:
        stage._Stage.detect = shipped_detect  # type: ignore[method-assign]
        scorer._accept = shipped_accept  # type: ignore[assignment]
    return cat, false, ex


def report(spinner: str, cat: Counter, false: Counter, ex: dict, show: int = 0) -> str:
    """The account as text: one line per class, its sub-classes by count."""
    n = max(sum(cat.values()), 1)
    out = [f"{spinner}: {n} dev substitutions, {sum(false.values())} wrong edits on unsubstituted"
           " words"]  # fmt: skip
    for k in ORDER:
        subs = sorted(((s, v) for (k2, s), v in cat.items() if k2 == k), key=lambda x: -x[1])
        tot = sum(v for _s, v in subs)
        if not tot:
            continue
        out.append(f"  {k:15s} {tot:5d}  {tot / n:.3f}   " + ", ".join(f"{s} {v}" for s, v in subs))
        for s, _v in subs if show else ():
            out.append(f"      {s}: {ex[(k, s)][:show]}")
    out.append("  false: " + ", ".join(f"{k} {v}" for k, v in false.most_common()))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: spinbot)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--no-profile", action="store_true", help="without the seed profile")
    ap.add_argument("--show", type=int, default=0, help="examples per cell")
    ap.add_argument(
        "--set", action="append", default=[], metavar="FLAG=VALUE",
        help="a repair.stages.spin setting for this run (a Python literal: REVERSE_ROWLESS=True)",
    )  # fmt: skip
    args = ap.parse_args(argv)
    for kv in args.set:
        name, value = kv.split("=", 1)
        if not hasattr(stage, name):
            ap.error(f"no setting {name} in repair.stages.spin")
        setattr(stage, name, ast.literal_eval(value))
    for spinner in args.spinner or ["spinbot"]:
        cat, false, ex = account(spinner, args.cap, not args.no_profile)
        print(report(spinner, cat, false, ex, args.show))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
