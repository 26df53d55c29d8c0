"""Where the simulated paper mill's dev substitutions are lost: the spin stage's classes and
the tortured / collocation readers' reach (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_account_mill.py [--spinner mill] [--cap 40] [--show 5]
        [--set repair.stages.spin.SCIENCE_BAND=True]

The mill (``benchmarks/spin_sim/mill.py``) writes, for 25 % of a dev abstract's content words
of the dev word families (the original's lemma, hashed), one synonym per lemma drawn from
Moby and WordNet by a channel fitted on the Problematic Paper Screener pairs: about as common
as the original, so neither the rare-word pass nor the collocation windows (written words
under Zipf 3.0 / 4.5) read most of it, and the spin stage's word gate is shut on most mill
abstracts.  Each gold substitution is put in one spin class as
``benchmarks/spin_account_spinbot.py`` does (``e:restored``, ``a:no_candidate``,
``b:not_read``, ``c:declined``, ``d:other_top``, ``d:wrong_edit``), with the shut gate split
by the first reading's row at the span (:func:`gate_split`): ``gate_shut:gold_top`` (the
gold ranks first), ``gate_shut:other_top``, ``gate_shut:no_row``.

Then the same classes by the gate that loses each (:func:`gate_report`): the document's
word gate (or band) shut, no candidate, the bar, the ranking, another reader's wrong edit;
and, for the shut gate's substitutions, the gate that would lose them were it open.

Every gold substitution not restored is also put in one class of the mill's own readers
(:func:`tortured_reach`), in this order:

* ``declined:<stage>:<reason>``: the tortured or collocation stage read the span and
  declined it (``RepairResult.declined``);
* ``habit:<why>``: the original is a learned mill habit of the written word
  (:func:`repair.detect.tortured_mill.habits_of`); ``<why>`` is ``pregate`` when the
  document is under the habit pass's pre-gate (:data:`repair.detect.tortured_mill.PREGATE_TYPES`
  distinct habit words and ``PREGATE_PER_1000``), else ``read``;
* ``rare``: the written word is under the rare-word pass's Zipf bar
  (:data:`repair.detect.rareword.MAX_ZIPF`) and the original is among its candidates
  (:func:`repair.candidates.tortured_rare.ranked`);
* ``term:<why>``: the original makes a known term (:func:`repair.detect.collocation.load_terms`)
  with a neighbour word (as restored), so a term window could reach it: ``window`` when the
  written word is under ``MAX_SPUN_ZIPF`` and its options hold the original, ``common``
  when the written word is over that bar, ``options`` when the options lack the original;
* ``none``: no reader of the tortured / collocation path reaches it.

``--by-score`` splits the gold substitutions by their document's detection score
(``RepairResult.scores.spin``, :func:`score_band`: ``detected`` at 0.5 or more, ``raised``
from :data:`RAISED`, else ``low``) and, for the shut gate's rows, by the first reading's
probability of its top original (:func:`prob_band`): whether a document the score finds
holds word rows a wider gate could read, and how often their top is the gold
(:func:`band_report`).

The test half is never read.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_account_spinbot import account, report  # noqa: E402
from spin_sim.text import SpunDoc  # noqa: E402
from spin_sim.text import tokens as sim_tokens  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

from repair.candidates import tortured_rare  # noqa: E402
from repair.detect import collocation, rareword, tortured_mill  # noqa: E402
from repair.document import Document  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402
from repair.types import RepairResult  # noqa: E402

#: The reach classes in report order.
REACH_ORDER = ("declined", "habit", "rare", "term", "none")
#: A document score from here (and under 0.5) is ``raised``: over every clean dev
#: abstract's (their maximum is 0.18 on main 72948217), under the spun threshold.
RAISED = 0.2
#: The probability bands of the shut gate's rows (lower bounds).
PROB_BANDS = (0.3, 0.2, 0.1, 0.05, 0.0)


def score_band(score: float) -> str:
    """The detection band of a document score.

    >>> [score_band(x) for x in (0.99, 0.3, 0.1)]
    ['detected', 'raised', 'low']
    """
    return "detected" if score >= 0.5 else "raised" if score >= RAISED else "low"


def prob_band(p: float) -> str:
    """The lower bound of ``p``'s band in :data:`PROB_BANDS`.

    >>> prob_band(0.25), prob_band(0.01)
    ('p>=0.2', 'p>=0.0')
    """
    return "p>=" + str(next(b for b in PROB_BANDS if p >= b))


def gate_split(cls: tuple[str, str], orig: str, row: Any) -> tuple[str, str]:
    """``b:not_read/gate_shut`` split by the first reading's row at the span.

    >>> gate_split(("b:not_read", "gate_shut"), "image", ("image", 0.2))
    ('b:not_read', 'gate_shut:gold_top')
    >>> gate_split(("b:not_read", "gate_shut"), "image", None)
    ('b:not_read', 'gate_shut:no_row')
    >>> gate_split(("c:declined", "lm_against"), "image", None)
    ('c:declined', 'lm_against')
    """
    if cls != ("b:not_read", "gate_shut"):
        return cls
    if row is None:
        return cls[0], "gate_shut:no_row"
    return cls[0], "gate_shut:gold_top" if row[0] == orig.lower() else "gate_shut:other_top"


def habit_pregate(doc: Document) -> bool:
    """Whether ``doc`` passes the habit pass's pre-gate
    (:func:`repair.detect.tortured_mill.find`)."""
    found = tortured_mill.scan(doc)
    n_types = len({doc.tokens[i].text for i, _z, _c in found})
    n = len(doc.words)
    return bool(
        n
        and n_types >= tortured_mill.PREGATE_TYPES
        and 1000.0 * n_types / n >= tortured_mill.PREGATE_PER_1000
    )


def tortured_reach(
    s: SpunDoc, r: RepairResult, span: tuple[int, int], orig: str, pregate: bool
) -> str:
    """The reach class of one gold substitution not restored (the module's docstring)."""
    a, b = span
    for x in r.declined:
        if x.stage != "spin" and x.offset < b and a < x.offset + x.length:
            return f"declined:{x.stage}:{x.reason}"
    written, o = s.spun[a:b].lower(), orig.lower()
    if " " in written or " " in o:
        return "none:multiword"
    if o in tortured_mill.habits_of(written):
        return "habit:" + ("read" if pregate else "pregate")
    if zipf(written) <= rareword.MAX_ZIPF and o in tortured_rare.ranked(written):
        return "rare"
    terms = collocation.load_terms(collocation.HELD_OUT)
    gold = gold_spans(s)
    pos = [t for t in sim_tokens(s.spun) if t.is_word]
    idx = next((i for i, t in enumerate(pos) if t.start == a), None)
    if idx is None:
        return "none"
    left = pos[idx - 1] if idx and s.spun[pos[idx - 1].end : a] in (" ", "-") else None
    joined = idx + 1 < len(pos) and s.spun[b : pos[idx + 1].start] in (" ", "-")
    right = pos[idx + 1] if joined else None
    pairs = []
    if left is not None:
        pairs.append((gold.get((left.start, left.end), left.text).lower(), o))
    if right is not None:
        pairs.append((o, gold.get((right.start, right.end), right.text).lower()))
    if not any(terms.get(p) is not None for p in pairs):
        return "none"
    if zipf(written) > collocation.MAX_SPUN_ZIPF:
        return "term:common"
    return "term:" + ("window" if o in collocation._options(written) else "options")


def mill_account(
    spinner: str, cap: int, bands: Counter | None = None
) -> tuple[Counter, Counter, dict, Counter, dict]:
    """The spin classes (as :func:`spin_account_spinbot.account`, the shut gate split),
    false edits, examples, and the reach classes of the golds not restored with examples;
    ``bands`` (if given) counts (score band, class, row's probability band)."""
    reach: Counter[str] = Counter()
    rex: dict[str, list] = defaultdict(list)
    pregates: dict[str, bool] = {}

    def observe(s, r, span, orig, cls, row):  # type: ignore[no-untyped-def]
        cls = gate_split(cls, orig, row)
        if bands is not None:
            p = prob_band(row[1]) if row is not None and cls[1].startswith("gate_shut") else ""
            bands[(score_band(r.scores.spin), f"{cls[0]}/{cls[1]}", p)] += 1
        if cls[0] != "e:restored":
            if s.doc_id not in pregates:
                pregates[s.doc_id] = habit_pregate(Document(s.spun))
            why = tortured_reach(s, r, span, orig, pregates[s.doc_id])
            reach[why] += 1
            rex[why].append((s.spun[span[0] : span[1]], orig, cls[1]))
        return cls

    cat, false, ex = account(spinner, cap, True, observe)
    return cat, false, ex, reach, rex


def reach_report(reach: Counter, rex: dict, show: int = 0) -> str:
    """The reach classes as text, grouped by their head."""
    n = max(sum(reach.values()), 1)
    out = [f"  tortured/collocation reach of the {sum(reach.values())} not restored:"]
    for head in REACH_ORDER:
        subs = sorted(((k, v) for k, v in reach.items() if k.split(":")[0] == head),
                      key=lambda kv: -kv[1])  # fmt: skip
        tot = sum(v for _k, v in subs)
        if not tot:
            continue
        out.append(
            f"  {head:15s} {tot:5d}  {tot / n:.3f}   " + ", ".join(f"{k} {v}" for k, v in subs)
        )
        for k, _v in subs if show else ():
            out.append(f"      {k}: {rex[k][:show]}")
    return "\n".join(out)


def band_report(bands: Counter) -> str:
    """The gold substitutions by score band, then the shut gate's rows by probability band
    (gold on top / another word on top).

    >>> print(band_report(Counter({("detected", "b:not_read/gate_shut:gold_top", "p>=0.2"): 2,
    ...                            ("low", "e:restored/SPIN_SYNONYM", ""): 1})))
      by document score: detected 2 (restored 0), low 1 (restored 1)
      detected p>=0.2: gold on top 2, another on top 0
    """
    docs: Counter[str] = Counter()
    fixed: Counter[str] = Counter()
    rows: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for (band, cls, p), n in bands.items():
        docs[band] += n
        fixed[band] += n if cls.startswith("e:") else 0
        if p:
            rows[(band, p)][0 if cls.endswith("gold_top") else 1] += n if "top" in cls else 0
    order = ("detected", "raised", "low")
    out = ["  by document score: " + ", ".join(
        f"{b} {docs[b]} (restored {fixed[b]})" for b in order if docs[b])]  # fmt: skip
    for b in order:
        for p in (f"p>={x}" for x in PROB_BANDS):
            if (b, p) in rows:
                g, o = rows[(b, p)]
                out.append(f"  {b} {p}: gold on top {g}, another on top {o}")
    return "\n".join(out)


#: The gates in the order a gold substitution meets them.
GATES = ("restored", "gate", "candidate", "bar", "ranking", "other_reader")


def gate_of(cls: tuple[str, str]) -> tuple[str, str]:
    """(the first gate that loses a gold substitution of spin class ``cls``, the gate that
    would lose it were the document's word gate open): ``gate`` (the document's word gate
    or band shut), ``candidate`` (no row or no gold candidate), ``bar`` (the gold proposed
    under the bar), ``ranking`` (another original proposed), ``other_reader`` (another
    reader's wrong edit); ``restored`` both ways.

    >>> gate_of(("b:not_read", "gate_shut:other_top"))
    ('gate', 'ranking')
    >>> gate_of(("b:not_read", "not_target:common")), gate_of(("c:declined", "weak_evidence"))
    (('gate', 'candidate'), ('bar', 'bar'))
    """
    head, sub = cls
    if head == "b:not_read":
        opened = {"gate_shut:gold_top": "bar", "gate_shut:other_top": "ranking"}
        return "gate", opened.get(sub, "candidate")
    first = {"e:restored": "restored", "a:no_candidate": "candidate", "c:declined": "bar",
             "d:other_top": "ranking", "d:wrong_edit": "other_reader"}[head]  # fmt: skip
    return first, first


def gate_report(cat: Counter) -> str:
    """The gold substitutions by the first gate that loses each, and by the gate that would
    lose each with every document's word gate open (:func:`gate_of`).

    >>> print(gate_report(Counter({("b:not_read", "gate_shut:other_top"): 2,
    ...                            ("d:other_top", "row"): 1, ("e:restored", "X"): 1})))
      first gate lost: restored 1, gate 2, ranking 1
      the word gate open: restored 1, ranking 3
    """
    first: Counter[str] = Counter()
    opened: Counter[str] = Counter()
    for cls, n in cat.items():
        a, b = gate_of(cls)
        first[a] += n
        opened[b] += n
    return "\n".join(
        f"  {name}: " + ", ".join(f"{g} {c[g]}" for g in GATES if c[g])
        for name, c in (("first gate lost", first), ("the word gate open", opened))
    )


def apply_settings(ap: argparse.ArgumentParser, assignments: list[str]) -> None:
    """Set each ``MODULE.FLAG=VALUE`` of ``--set`` (a Python literal); an unknown flag is
    the parser's error."""
    for kv in assignments:
        name, value = kv.split("=", 1)
        mod, flag = name.rsplit(".", 1)
        module = importlib.import_module(mod)
        if not hasattr(module, flag):
            ap.error(f"no setting {flag} in {mod}")
        setattr(module, flag, ast.literal_eval(value))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: mill)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--show", type=int, default=0, help="examples per cell")
    ap.add_argument("--by-score", action="store_true", help="split by the document's score")
    ap.add_argument("--set", action="append", default=[], metavar="MODULE.FLAG=VALUE",
                    help="a setting for this run (a Python literal)")  # fmt: skip
    args = ap.parse_args(argv)
    apply_settings(ap, args.set)
    for spinner in args.spinner or ["mill"]:
        bands: Counter | None = Counter() if args.by_score else None
        cat, false, ex, reach, rex = mill_account(spinner, args.cap, bands)
        print(report(spinner, cat, false, ex, args.show))
        print(gate_report(cat))
        print(reach_report(reach, rex, args.show))
        if bands is not None:
            print(band_report(bands))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
