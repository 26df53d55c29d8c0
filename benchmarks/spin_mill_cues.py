"""Which cue ranks a paper mill's gold original first among a word row's candidates (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_mill_cues.py [--spinner mill] [--cap 40]

The largest class of the simulated mill's dev losses (``benchmarks/spin_account_mill.py``,
session 65: 110 of 249 gold substitutions once every gate is open) is the ranking: the
spin stage's word row at the span holds the gold among its candidates but proposes
another original.  This script takes every first-reading word row (the spin stage's
``detect_spin`` rows, before the topic re-chooses them) at a gold substitution of the
spinner's dev documents whose candidates hold the gold with a positive LM gain, and counts
how often each cue, picking among the candidates with a positive LM gain, proposes it:

* ``ranker``: the shipped candidate ranker's score (:mod:`repair.score.spin_rank`);
* ``lm``: the both-side LM gain alone; ``ranker+lm``: their sum;
* ``ranker+topic W``: plus ``W`` times the document-topic gain
  (:func:`repair.score.spin_topic.topic_gain`; the topic pick uses 7);
* ``ranker-gap``: minus the Zipf distance between candidate and written word (the mill
  writes synonyms about as common as the original);
* ``ranker+channel``: plus ln P(written | original) of **the simulator's own** synonym
  channel (``benchmarks/spin_sim/mill.py``, fitted on the PPS dev families' pairs) — not
  a method (the simulator's answer key), an upper bound of any channel learned from the
  tortured-phrase list;
* ``pooled``: the LM gain summed over every place of the same written form in the
  document (a mill maps a word the same way everywhere), among the candidates every
  place holds;
* ``ranker+register W`` (session 66): plus ``W`` times the candidate's scientific register
  weight (``lexicons/science_register.tsv``; session 60's ``MILL_RANK`` prior);
* ``ranker+term W`` (session 66): plus ``W`` where the candidate forms a known term
  (:func:`repair.detect.collocation.load_terms`) with the written word before or after it
  (the register's term a neighbour would form);
* ``ranker+echo W`` (session 66): plus ``W`` where a form of the candidate's lemma is
  printed elsewhere in the document (a mill spins a word at some of its places only).

The test half is never read.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import make_config, spun_docs  # noqa: E402
from spin_sim import RATE, mill  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

import repair.stages.spin as stage  # noqa: E402
from repair.document import Document  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402
from repair.score.spin_evidence import _columns  # noqa: E402
from repair.score.spin_topic import topic_gain  # noqa: E402

#: Row: (start, written, candidate names, LM gains, ranker scores).
Row = tuple[int, str, list[str], list[float], list[float]]


def first_rows(text: str) -> list[Row]:
    """The spin stage's first-reading word rows of ``text`` (copied when read: the stage
    drops their choices later)."""
    got: list[Row] = []
    shipped = stage.detect_spin

    def wrap(doc, occ, words, **kw):  # type: ignore[no-untyped-def]
        out = shipped(doc, occ, words, **kw)
        for w in words:
            names, gains, scores = _columns(w.choices)
            got.append((w.start, w.written, [n.lower() for n in names], list(gains),
                        list(scores)))  # fmt: skip
        return out

    stage.detect_spin = wrap  # type: ignore[assignment]
    try:
        repair_text(text, (), make_config("spin,tortured,collocation", False))
    finally:
        stage.detect_spin = shipped  # type: ignore[assignment]
    return got


def best(names: list[str], values: list[float], gains: list[float]) -> str | None:
    """The name of the highest value among the candidates with a positive LM gain.

    >>> best(["a", "b", "c"], [3.0, 2.0, 1.0], [-1.0, 0.5, 0.2])
    'b'
    """
    read = [i for i, g in enumerate(gains) if g > 0]
    return names[max(read, key=lambda i: values[i])] if read else None


def channel_logp(written: str, original: str) -> float | None:
    """ln P(written | original) of the simulator's channel, None where it has no such pair."""
    lp = mill.lemma_pair(written, original)
    if lp is None:
        return None
    lw, lo, upos = lp
    p = mill.channel(lo, upos).get(lw)
    return math.log(p) if p else None


def cue_picks(doc: Document, row: Row, pooled: dict[str, float] | None) -> dict[str, str | None]:
    """Each cue's proposal for ``row`` (module doc)."""
    start, written, names, gains, scores = row
    w = written.lower()
    out = {"ranker": best(names, scores, gains), "lm": best(names, gains, gains)}
    out["ranker+lm"] = best(names, [s + g for s, g in zip(scores, gains, strict=True)], gains)
    pairs = zip(names, gains, strict=True)
    topic = [topic_gain(doc, w, n, start) if g > 0 else 0.0 for n, g in pairs]
    for weight in (1.0, 3.0, 7.0):
        adj = [s + weight * t for s, t in zip(scores, topic, strict=True)]
        out[f"ranker+topic {weight:g}"] = best(names, adj, gains)
    zw = zipf(w)
    gap = [s - abs(zipf(n) - zw) for s, n in zip(scores, names, strict=True)]
    out["ranker-gap"] = best(names, gap, gains)
    ch = [channel_logp(w, n) for n in names]
    adj = [s + (c if c is not None else -8.0) for s, c in zip(scores, ch, strict=True)]
    out["ranker+channel"] = best(names, adj, gains)
    reg = register_weights()
    for weight in (0.5, 1.0):
        adj = [s + weight * reg.get(n, 0.0) for s, n in zip(scores, names, strict=True)]
        out[f"ranker+register {weight:g}"] = best(names, adj, gains)
    term = [1.0 if neighbour_term(doc, start, n) else 0.0 for n in names]
    echo = [1.0 if echoed(doc, start, n) else 0.0 for n in names]
    for weight in (1.0, 2.0):
        adj = [s + weight * t for s, t in zip(scores, term, strict=True)]
        out[f"ranker+term {weight:g}"] = best(names, adj, gains)
        adj = [s + weight * e for s, e in zip(scores, echo, strict=True)]
        out[f"ranker+echo {weight:g}"] = best(names, adj, gains)
    if pooled is not None:
        held = [pooled.get(n, float("-inf")) for n in names]
        out["pooled"] = best(names, held, [g if h > float("-inf") else -1.0
                                           for g, h in zip(gains, held, strict=True)])  # fmt: skip
    return out


def register_weights() -> dict[str, float]:
    """The scientific register weights (:func:`repair.detect.science.weights`)."""
    from repair.detect.science import weights

    return weights()


def _at(doc: Document, start: int) -> int | None:
    return next((i for i, t in enumerate(doc.words) if t.start == start), None)


def neighbour_term(doc: Document, start: int, original: str) -> bool:
    """Whether ``original``, put at the word starting at ``start``, forms a known term with
    the written word joined to it on either side (a space or a hyphen between)."""
    from repair.detect.collocation import load_terms

    terms = load_terms()
    ws = doc.words
    i = _at(doc, start)
    if i is None:
        return False
    pairs = []
    if i and doc.text[ws[i - 1].end : ws[i].start] in (" ", "-"):
        pairs.append((ws[i - 1].text.lower(), original))
    if i + 1 < len(ws) and doc.text[ws[i].end : ws[i + 1].start] in (" ", "-"):
        pairs.append((original, ws[i + 1].text.lower()))
    return any(terms.get(p) is not None for p in pairs)


def _lemmas(word: str) -> set[str]:
    from repair.resources.lemmas import getAllLemmas

    out = {word.lower()}
    for forms in (getAllLemmas(word.lower()) or {}).values():
        out.update(f.lower() for f in forms)
    return out


def echoed(doc: Document, start: int, original: str) -> bool:
    """Whether a form of ``original``'s lemma is printed at another word of ``doc``."""
    mine = _lemmas(original)
    return any(t.start != start and mine & _lemmas(t.text) for t in doc.words)


def pooled_gains(rows: list[Row]) -> dict[str, dict[str, float]]:
    """Per written form with two or more places: each candidate every place holds, its LM
    gains summed over the places."""
    by: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by[r[1].lower()].append(r)
    out: dict[str, dict[str, float]] = {}
    for w, rs in by.items():
        if len(rs) < 2:
            continue
        held = set.intersection(*(set(r[2]) for r in rs))
        out[w] = {n: sum(r[3][r[2].index(n)] for r in rs) for n in held}
    return out


def run(spinner: str, cap: int) -> Counter:
    """Counts: ``rows`` (gold among the positive-gain candidates), each cue's right
    proposals, and ``pooled rows`` / ``pooled`` for the repeated forms."""
    c: Counter[str] = Counter()
    for s in spun_docs(spinner, "dev", cap, RATE)[1]:
        if not s.edits:
            continue
        gold = {a: g.lower() for (a, _b), g in gold_spans(s).items()}
        rows = first_rows(s.spun)
        pools = pooled_gains(rows)
        doc = Document(s.spun)
        for row in rows:
            g = gold.get(row[0])
            if g is None or g not in row[2] or row[3][row[2].index(g)] <= 0:
                continue
            c["rows"] += 1
            pool = pools.get(row[1].lower())
            for cue, pick in cue_picks(doc, row, pool).items():
                c[cue] += pick == g
            if pool is not None:
                c["pooled rows"] += 1
                c["ranker (pooled rows)"] += best(row[2], row[4], row[3]) == g
    return c


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: mill)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    args = ap.parse_args(argv)
    for spinner in args.spinner or ["mill"]:
        c = run(spinner, args.cap)
        print(f"{spinner}: {c['rows']} dev rows with the gold among the candidates "
              "(positive LM gain); gold proposed by:")  # fmt: skip
        for k, v in c.items():
            if k != "rows":
                print(f"  {k:22s} {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
