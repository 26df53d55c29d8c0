"""Can the LM tell a spinner's "word kept inside a span" from an author's compound? (dev only)

A dictionary spinner writes some words as a longer span that keeps them ("software" ->
"software program", "campaign" -> "marketing campaign", "Chinese" -> "Chinese language",
"different" -> "completely different").  The one-word reading of such a span is the span
with a word dropped, so no source is needed: the question is whether its evidence
separates the spinner's spans from an author's compounds ("marketing campaign" written
on purpose).  For every two-word span of content words (no stop word, lower-case second
word) of the dev documents of ``benchmarks/spin_eval.py`` (spun, and the same documents
clean), each of its two words is read alone in the span's place, with two words of
context each side (:func:`repair.candidates.spin_phrase._gain_rows`), and the readings
that restore a gold substitution are counted against all others at each floor of:

* ``gain``: the LM gain of the one-word reading over the span (both sides);
* ``sides``: ``gain`` and both of its sides (left, and right where the sentence goes on)
  at least the floor's side value;
* ``context``: the gain beyond the unconditioned one (``PhraseEvidence.context``);
* ``cohesion``: the pointwise association of the span's two words (a compound) with
  ``gain``.

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_kept_span.py [--spinner seedprof --spinner seeddense ...]
        [--unprofiled] [--cap 40]

Session 62 (spinspan): no floor separates them (benchmarks/RESULTS.md, "Session 62,
spinspan").  The test half is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import hold_out_profile, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

from repair.candidates.spin_phrase import _gain_rows  # noqa: E402
from repair.candidates.spin_synonyms import STOPWORDS  # noqa: E402
from repair.document import Document  # noqa: E402
from repair.resources.lm import get_lm  # noqa: E402
from repair.score.spin_context import WordContext, context  # noqa: E402


def readings(text: str, gold: dict[tuple[int, int], str]) -> list[dict[str, float]]:
    """Every kept-word reading of ``text``'s two-word content spans, with its features and
    whether it restores the gold substitution at the span (``lab``)."""
    lm = get_lm()
    doc = Document(text)
    toks = [t for t in doc.tokens if t.kind in ("word", "number")]
    ctx = WordContext.of(doc)
    out = []
    for a, b in zip(toks, toks[1:], strict=False):
        if a.kind != "word" or b.kind != "word" or b.start != a.end + 1 or text[a.end] != " ":
            continue
        if not (a.text.isalpha() and b.text.isalpha() and b.text.islower()):
            continue
        la, lb = a.text.lower(), b.text.lower()
        if la in STOPWORDS or lb in STOPWORDS or len(la) < 2 or len(lb) < 2:
            continue
        left, right, _initial = context(doc, ctx, a.start, b.end)
        g = gold.get((a.start, b.end), "").lower()
        cohesion = lm.sequence_logprob([lb], [la]) - lm.sequence_logprob([lb])
        for kept in (lb, la):
            if not lm.known(kept):
                continue
            gain, lg, rg, _o = _gain_rows((kept,), [la, lb], left, right)[0]
            uni = lm.sequence_logprob([kept]) - lm.sequence_logprob([la, lb])
            out.append(
                {
                    "gain": gain,
                    "left": lg,
                    "right": rg if right else 99.0,
                    "context": gain - uni,
                    "cohesion": cohesion,
                    "lab": float(g == kept),
                }
            )
    return out


def _side(r: dict[str, float]) -> float:
    return min(r["left"], r["right"])


CUTS = {
    "gain": [(f"gain >= {t}", lambda r, t=t: r["gain"] >= t) for t in (4, 6, 8, 10, 12)],
    "sides": [
        (f"gain >= {t}, sides >= {s}", lambda r, t=t, s=s: r["gain"] >= t and _side(r) >= s)
        for t in (4, 8) for s in (1, 2, 3)
    ],
    "context": [
        (f"gain >= 4, context >= {t}", lambda r, t=t: r["gain"] >= 4 and r["context"] >= t)
        for t in (2, 3, 4, 5, 6)
    ],
    "cohesion": [
        (f"cohesion >= {c}, gain >= {t}", lambda r, c=c, t=t: r["cohesion"] >= c and r["gain"] >= t)
        for c in (3, 4, 5) for t in (4, 6, 8)
    ],
}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: seedprof, seeddense)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--unprofiled", action="store_true", help="dev seed families' rows out")
    args = ap.parse_args(argv)
    if args.unprofiled:
        hold_out_profile("dev", True)
    rows: dict[str, list[dict[str, float]]] = {"clean": []}
    for i, spinner in enumerate(args.spinner or ["seedprof", "seeddense"]):
        docs, spun = spun_docs(spinner, "dev", args.cap, RATE)
        rows[spinner] = []
        for d, s in zip(docs, spun, strict=True):
            rows[spinner] += readings(s.spun, gold_spans(s))
            if i == 0:
                rows["clean"] += readings(d.text, {})
    names = list(rows)
    print("readings: " + ", ".join(f"{k} {len(v)}" for k, v in rows.items()))
    print("| floor | restores gold | " + " | ".join(f"other, {k}" for k in names) + " |")
    print("|---|---|" + "---|" * len(names))
    for cuts in CUTS.values():
        for label, keep in cuts:
            right = sum(int(r["lab"]) for k in names for r in rows[k] if keep(r))
            other = Counter({k: sum(1 for r in rows[k] if keep(r) and not r["lab"]) for k in names})
            print(f"| {label} | {right} | " + " | ".join(str(other[k]) for k in names) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
