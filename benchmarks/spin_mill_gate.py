"""Document cues for a paper mill's abstract against clean formal text (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_mill_gate.py [--cap 40]

The first loss of the simulated mill's dev substitutions is the document's shut word gate
(``benchmarks/spin_account_mill.py``, session 65: 100 of 249).  A cue that opens it must
tell a thesaurus-spun abstract from clean scientific and formal prose.  This script reads
every formal-style document (:func:`repair.detect.science.formal_style`, no audience
addressed: :func:`repair.score.spin_lone.addresses_audience`) of the dev half — the mill's
and the tortured suite's spun abstracts, the clean abstracts and the calibration's clean
formal items (registers, clean suite, short pieces) — and prints, per cue, its AUC of the
mill (and tortured) abstracts against the clean abstracts and against the other clean
formal items, the highest clean value, and how many mill abstracts lie above every clean
item (the documents a gate on that cue alone could open with no clean one):

* ``vocabulary`` (negated): the mean scientific register weight of the content words
  (``lexicons/science_register.tsv``, :func:`repair.detect.science.weights`);
* ``lift T``: the share of content words with a reverse-synonym original
  (:func:`repair.candidates.spin_synonyms.originals_of`) weighing ``T`` nats more in that
  register than the written word (no context read);
* ``row lift``: per 1,000 words, the spin stage's first-reading word rows (as
  ``benchmarks/spin_mill_cues.py`` reads them) with a candidate of LM gain >= 2 nats whose
  register weight is >= 1 nat over the written word's (a more register-typical word that
  the context asks for);
* ``windows``: the distinct written words of session 59's tortured term windows
  (:func:`repair.score.mill_windows.tortured_windows`), per 1,000 words.

The test half is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

#: Least LM gain (nats) of a row's candidate for ``row lift``.
ROW_GAIN = 2.0
#: Least register lift (nats) of that candidate over the written word.
ROW_LIFT = 1.0
#: Register lifts of the context-free cue.
LIFTS = (1.0, 2.0, 3.0)


def auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    """The probability that a positive scores above a negative (ties count half).

    >>> auc([3.0, 2.0], [1.0, 2.0])
    0.875
    """
    if not pos or not neg:
        return float("nan")
    s = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return s / (len(pos) * len(neg))


def above(pos: Sequence[float], neg: Sequence[float]) -> int:
    """How many positives score above every negative.

    >>> above([3.0, 2.0, 5.0], [1.0, 2.5])
    2
    """
    top = max(neg, default=float("-inf"))
    return sum(p > top for p in pos)


def content_words(doc) -> list[str]:  # type: ignore[no-untyped-def]
    """Lower-case alphabetic content words of ``doc`` (the register test's reading)."""
    from repair.candidates.spin_synonyms import STOPWORDS

    return [
        t.text for t in doc.words
        if t.text.islower() and t.text.isalpha() and t.text not in STOPWORDS and len(t.text) >= 3
    ]  # fmt: skip


def cues(text: str, rows: Callable[[str], list]) -> dict[str, float] | None:
    """Every cue of ``text`` (None: not formal style, or addresses an audience)."""
    from repair.candidates.spin_synonyms import originals_of
    from repair.detect.science import formal_style, weights
    from repair.document import Document
    from repair.score import mill_windows
    from repair.score.spin_lone import addresses_audience

    doc = Document(text)
    if not formal_style(doc) or addresses_audience(doc):
        return None
    table = weights()
    words = content_words(doc)
    n = max(len(words), 1)
    per = 1000.0 / max(len(doc.words), 1)
    out = {"vocabulary": -sum(table.get(w, 0.0) for w in words) / n}
    lifts = []
    for w in words:
        opts = [table.get(o.lower(), 0.0) for o in originals_of(w) if " " not in o]
        best = max(opts, default=None)
        if best is not None:
            lifts.append(best - table.get(w, 0.0))
    for t in LIFTS:
        out[f"lift {t:g}"] = sum(x >= t for x in lifts) / n
    k = 0
    for _start, written, names, gains, _scores in rows(text):
        ww = table.get(written.lower(), 0.0)
        pairs = zip(names, gains, strict=True)
        k += any(g >= ROW_GAIN and table.get(nm, 0.0) - ww >= ROW_LIFT for nm, g in pairs)
    out["row lift"] = k * per
    out["windows"] = mill_windows.tortured_windows(doc) * per
    return out


def collect(cap: int) -> dict[str, list[dict[str, float]]]:
    """Cue values by group (``mill``, ``tortured``, ``clean abstracts``, ``clean other``)."""
    from spin_calibrate import clean_suite_docs, short_pieces
    from spin_eval import spun_docs
    from spin_mill_cues import first_rows
    from spin_sim import RATE
    from spin_sim.abstracts import abstract_docs
    from spin_sim.corpus import REGISTERS, documents

    groups: dict[str, list[dict[str, float]]] = defaultdict(list)
    for spinner in ("mill", "tortured"):
        for s in spun_docs(spinner, "dev", cap, RATE)[1]:
            c = cues(s.spun, first_rows)
            if c is not None:
                groups[spinner].append(c)
    docs = [*documents(), *abstract_docs(), *clean_suite_docs()]
    items = [(d.register, d.split, d.text) for d in docs]
    regs = [d for d in docs if d.register in REGISTERS]
    items += [("short", d.split, t) for d, t in short_pieces(regs)]
    for register, split, text in items:
        if split != "dev":
            continue
        c = cues(text, first_rows)
        if c is not None:
            groups["clean abstracts" if register == "abstract" else "clean other"].append(c)
    return groups


def report(groups: dict[str, list[dict[str, float]]]) -> list[str]:
    """The table's lines."""
    sizes = ", ".join(f"{k} {len(v)}" for k, v in groups.items())
    out = [
        f"formal dev documents: {sizes}",
        "| cue | mill / clean abstracts | mill / clean other | tortured / clean abstracts "
        "| max clean abstract / other | mill above every clean |",
        "|---|---|---|---|---|---|",
    ]
    keys = list(next(iter(groups.values()))[0]) if groups else []
    for key in keys:
        m, t = ([d[key] for d in groups.get(g, [])] for g in ("mill", "tortured"))
        ca = [d[key] for d in groups.get("clean abstracts", [])]
        co = [d[key] for d in groups.get("clean other", [])]
        out.append(
            f"| {key} | {auc(m, ca):.3f} | {auc(m, co):.3f} | {auc(t, ca):.3f} "
            f"| {max(ca, default=0):.3f} / {max(co, default=0):.3f} "
            f"| {above(m, ca + co)} of {len(m)} |"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    args = ap.parse_args(argv)
    print("\n".join(report(collect(args.cap))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
