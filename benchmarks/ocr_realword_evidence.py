"""Which context evidence separates a real-word reading's gold from the right prints it would break.

    python benchmarks/ocr_realword_cases.py --split dev --out cases.jsonl
    python benchmarks/ocr_realword_evidence.py cases.jsonl [--near 3]

Reads the rows of :mod:`ocr_realword_cases` (each one-word reading of a known printed
word the OCR scorer decided on SMH, with its two words either side as the scorer read
them, its model gain, margin and threshold, labelled by the gold) and computes, for
each row, evidence the shipped scorer does not use:

* ``triL`` / ``triR``: the trigram's gain from the left words alone, and the rest
  (the right words' share);
* ``per`` / ``perL`` / ``perR``: the period bigrams' (:mod:`repair.score.ngrams`)
  two-sided, left and right gains, ``perPMI`` the two-sided gain less the unigram's;
* ``mix``: :func:`repair.score.ngrams.mixed_context_score`'s gain (trigram and period
  bigrams interpolated in probability);
* ``stop``: the trigram's gain with the window cut at a sentence stop (``<s>`` /
  ``</s>``; a stop after a capitalised word of at most three letters, "Mr." / "M.",
  is no stop), read from the article's tokens;
* ``book``: the book-register bigrams' two-sided gain
  (:meth:`repair.resources.bigrams.Bigrams.logprob_next`).

It prints, for gold against right prints, each evidence's AUC over all rows and over
the rows within ``--near`` nats below their threshold or above it, and for each way to
fold an evidence into the margin (``gain + w * E`` or ``(1 - w) * gain + w * E``) how
many decisions would flip: gold readings won (+gold) and lost (-gold), right prints
broken (+break) and saved (-break), wrong-for-wrong swaps (+oth / -oth).  Offline: the
pipeline's knock-on effects (second pass, ranking, guards) are not modelled.
"""

from __future__ import annotations

import argparse
import json
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from smh_eval import DEFAULT_DATA, load  # noqa: E402

from repair.resources.lm import get_lm  # noqa: E402
from repair.score.ngrams import get_ngrams, mixed_context_score  # noqa: E402
from repair.tokenize import tokenize  # noqa: E402
from repair.types import Token  # noqa: E402

STOPS = frozenset(".!?")
FINDINGS = frozenset({"realword", "short_real", "caps_word"})


def _abbrev(toks: list[Token], k: int) -> bool:
    """Whether the stop ``toks[k]`` ends an abbreviation ("Mr.", "M.")."""
    b = toks[k - 1] if k > 0 else None
    return (
        b is not None and b.kind == "word" and b.text[:1].isupper() and len(b.text) <= 3
        and b.end == toks[k].start
    )  # fmt: skip


def stop_window(
    toks: list[Token], start: int, end: int, prev: list[str], nxt: list[str]
) -> tuple[list[str], list[str]]:
    """The scorer's ``prev`` / ``nxt`` cut at a sentence stop between the span and a
    neighbour (``<s>`` before, ``</s>`` after)."""
    i = next((k for k, x in enumerate(toks) if x.start == start), None)
    if i is None:
        return prev, nxt
    j = i
    while j < len(toks) and toks[j].end < end:
        j += 1
    n, k = 0, i - 1
    while k >= 0 and n < 2:
        x = toks[k]
        if x.kind == "word":
            n += 1
        elif x.text in STOPS and not _abbrev(toks, k):
            prev = ["<s>", *prev[len(prev) - n :]] if n else ["<s>"]
            break
        k -= 1
    n, k = 0, j + 1
    while k < len(toks) and n < 2:
        x = toks[k]
        if x.kind == "word":
            n += 1
        elif (
            x.text in STOPS and not _abbrev(toks, k) and k + 2 < len(toks)
            and toks[k + 2].text[:1].isupper()
        ):  # fmt: skip
            nxt = [*nxt[:n], "</s>"]
            break
        k += 1
    return prev, nxt


def features(rows: list[dict]) -> list[dict]:
    """Each row with its evidence (see the module docstring)."""
    from repair.score.ocr import _book_sides, _pair_word

    lm, t = get_lm(), get_ngrams()
    raws = {a.ident: a.raw for a in load(DEFAULT_DATA / "allArticles.txt")}
    toks_of: dict[str, list[Token]] = {}
    out = []
    for r in rows:
        o, a, prev, nxt = r["orig"], r["alt"], r["prev"], r["nxt"]
        left, right = (prev[-1] if prev else None), (nxt[0] if nxt else None)
        f = dict(r)
        f["triL"] = lm.sequence_logprob([a], prev) - lm.sequence_logprob([o], prev)
        f["triR"] = r["gain"] - f["triL"]
        f["per"] = t.context_score(left, a, right) - t.context_score(left, o, right)
        f["perL"] = t.bigram_logprob(left, a) - t.bigram_logprob(left, o) if left else 0.0
        f["perR"] = t.bigram_logprob(a, right) - t.bigram_logprob(o, right) if right else 0.0
        f["perPMI"] = f["per"] - (t.unigram_logprob(a) - t.unigram_logprob(o))
        f["mix"] = mixed_context_score(prev, a, right) - mixed_context_score(prev, o, right)
        if r["art"] not in toks_of:
            toks_of[r["art"]] = tokenize(raws[r["art"]])
        sp, sn = stop_window(toks_of[r["art"]], r["start"], r["end"], prev, nxt)
        f["stop"] = lm.sequence_logprob([a, *sn], sp) - lm.sequence_logprob([o, *sn], sp)
        pl, pr = (_pair_word(left) if left else None), (_pair_word(right) if right else None)
        po, pa = _pair_word(o), _pair_word(a)
        f["book"] = sum(_book_sides(pl, po, pa, pr)) if po and pa else 0.0
        out.append(f)
    return out


def auc(pos: list[float], neg: list[float]) -> float:
    """P(a positive's value > a negative's), ties half."""
    neg = sorted(neg)
    s = sum(bisect_left(neg, p) + 0.5 * (bisect_right(neg, p) - bisect_left(neg, p)) for p in pos)
    return s / max(1, len(pos) * len(neg))


def flips(rows: list[dict], gain: Callable[[dict], float]) -> dict[str, int]:
    """Decisions that change when the model gain is replaced by ``gain(row)``."""
    ch = dict.fromkeys(("+gold", "-gold", "+break", "-break", "+oth", "-oth"), 0)
    for f in rows:
        acc = f["margin"] - f["gain"] + gain(f) >= f["threshold"]
        if acc != f["accept"]:
            lab = {"gold": "gold", "correct": "break", "other": "oth"}[f["label"]]
            ch[("+" if acc else "-") + lab] += 1
    return ch


EVIDENCE = (
    "margin", "gain", "triL", "triR", "per", "perL", "perR", "perPMI", "mix", "stop", "book"
)  # fmt: skip
RULES: tuple[tuple[str, Callable[[dict, float], float]], ...] = (
    ("gain + w*perR", lambda f, w: f["gain"] + w * f["perR"]),
    ("gain + w*per", lambda f, w: f["gain"] + w * f["per"]),
    ("gain + w*perPMI", lambda f, w: f["gain"] + w * f["perPMI"]),
    ("gain + w*book", lambda f, w: f["gain"] + w * f["book"]),
    ("gain + w*triR", lambda f, w: f["gain"] + w * f["triR"]),
    ("(1-w)*gain + w*mix", lambda f, w: (1 - w) * f["gain"] + w * f["mix"]),
    ("(1-w)*gain + w*stop", lambda f, w: (1 - w) * f["gain"] + w * f["stop"]),
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cases", type=Path, help="the rows of ocr_realword_cases.py")
    ap.add_argument("--near", type=float, default=3.0, help="nats below the threshold")
    ap.add_argument("--weights", default="0.25,0.5,1.0")
    args = ap.parse_args(argv)
    rows = [json.loads(x) for x in args.cases.read_text(encoding="utf-8").splitlines() if x]
    rows = features([r for r in rows if r["finding"] in FINDINGS])
    near = [f for f in rows if f["margin"] >= f["threshold"] - args.near]
    for name, sel in (("all", rows), (f"within {args.near} nats or accepted", near)):
        gold = [f for f in sel if f["label"] == "gold"]
        right = [f for f in sel if f["label"] == "correct"]
        print(f"\n{name}: {len(gold)} gold, {len(right)} right prints")
        for k in EVIDENCE:
            print(f"  {k:8s} AUC {auc([f[k] for f in gold], [f[k] for f in right]):.3f}")
    print("\nflips (decided readings; net = gold won - lost - prints broken + saved)")
    for name, rule in RULES:
        for w in (float(x) for x in args.weights.split(",")):
            ch = flips(rows, lambda f, rule=rule, w=w: rule(f, w))
            net = ch["+gold"] - ch["-gold"] - ch["+break"] + ch["-break"]
            print(f"  {name:22s} w {w:<5} net {net:+d}  {ch}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
