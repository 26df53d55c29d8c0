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
  (:meth:`repair.resources.bigrams.Bigrams.logprob_next`);
* ``webL`` / ``webR`` / ``web``: the Google Web Trillion Word bigrams' (Norvig's
  count_1w / count_2w as shipped by the optional ``wordsegment`` package, read from its
  installed data files; the columns are 0 when it is absent) left, right and two-sided
  gains, ln P(reading | left) - ln P(print | left) and ln P(right | reading) -
  ln P(right | print); a pair the table lacks (it keeps pairs counted at least 100,000
  times) is estimated as independent, capped at that count;
* ``webPMIL`` / ``webPMI``: the left gain less the unigram ratio, and that plus the
  right gain (already a PMI difference: P(right | w) / P(right)), so a side the table
  covers for neither word gives 0 and the readings' frequency drops out;
* ``webBoth``: ``web`` counted only on a side where the table holds both the
  reading's and the print's pair (no estimate at all).

It also prints how many rows' bigrams the web table covers.

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
import math
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


WEB_TOTAL = 1_024_908_267_229  # words in the Web Trillion Word corpus (wordsegment's TOTAL)
WEB_PRUNE = 100_000  # the smallest pair count count_2w keeps
WEB_FLOOR = 10_000  # the count given a word count_1w lacks (its smallest is 12,711)


class WebBigrams:
    """Norvig's Web Trillion Word unigram and bigram counts (lower-cased; duplicate
    lower-cased pairs summed), read from the installed ``wordsegment`` package."""

    def __init__(self, uni: dict[str, int], bi: dict[tuple[str, str], int]) -> None:
        self.uni, self.bi = uni, bi

    @classmethod
    def load(cls) -> WebBigrams | None:
        """The table, or ``None`` when ``wordsegment`` is not installed."""
        try:
            import wordsegment
        except ImportError:
            return None
        d = Path(wordsegment.__file__).parent
        uni: dict[str, int] = {}
        for line in (d / "unigrams.txt").read_text(encoding="utf-8").splitlines():
            w, _, c = line.partition("\t")
            uni[w] = uni.get(w, 0) + int(c)
        bi: dict[tuple[str, str], int] = {}
        for line in (d / "bigrams.txt").read_text(encoding="utf-8").splitlines():
            ab, _, c = line.partition("\t")
            a, _, b = ab.partition(" ")
            bi[(a, b)] = bi.get((a, b), 0) + int(c)
        return cls(uni, bi)

    def count(self, w: str) -> int:
        """The word's count (``WEB_FLOOR`` when the table lacks it)."""
        return self.uni.get(w.lower(), WEB_FLOOR)

    def pair(self, a: str, b: str) -> float:
        """The pair's count, or, when the table lacks it, the independent estimate
        capped below ``WEB_PRUNE``."""
        c = self.bi.get((a.lower(), b.lower()))
        if c is not None:
            return float(c)
        return min(self.count(a) * self.count(b) / WEB_TOTAL, WEB_PRUNE - 1.0)

    def has(self, a: str, b: str) -> bool:
        """Whether the table counts the pair."""
        return (a.lower(), b.lower()) in self.bi

    def gain(self, left: str | None, o: str, a: str, right: str | None) -> tuple[float, float]:
        """(left, right) log-ratio of the reading ``a`` over the print ``o``."""
        g_l = math.log(self.pair(left, a) / self.pair(left, o)) if left else 0.0
        g_r = 0.0
        if right:
            g_r = math.log(self.pair(a, right) / self.count(a)) - math.log(
                self.pair(o, right) / self.count(o)
            )
        return g_l, g_r


def features(rows: list[dict]) -> list[dict]:
    """Each row with its evidence (see the module docstring)."""
    from repair.score.ocr import _book_sides, _pair_word

    lm, t, web = get_lm(), get_ngrams(), WebBigrams.load()
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
        f["webL"], f["webR"], f["web"] = 0.0, 0.0, 0.0
        f["webPMIL"], f["webPMI"], f["webBoth"] = 0.0, 0.0, 0.0
        f["webcov"] = (0, 0)
        if web is not None:
            f["webL"], f["webR"] = web.gain(left, o, a, right)
            f["web"] = f["webL"] + f["webR"]
            uni = math.log(web.count(a) / web.count(o))
            f["webPMIL"] = f["webL"] - uni if left else 0.0
            f["webPMI"] = f["webPMIL"] + f["webR"]
            both_l = bool(left) and web.has(left, a) and web.has(left, o)
            both_r = bool(right) and web.has(a, right) and web.has(o, right)
            f["webBoth"] = (f["webL"] if both_l else 0.0) + (f["webR"] if both_r else 0.0)
            f["webcov"] = (
                int(bool(left) and web.has(left, a)) + int(bool(right) and web.has(a, right)),
                int(bool(left) and web.has(left, o)) + int(bool(right) and web.has(o, right)),
            )
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
    "margin", "gain", "triL", "triR", "per", "perL", "perR", "perPMI", "mix", "stop", "book",
    "webL", "webR", "web", "webPMIL", "webPMI", "webBoth",
)  # fmt: skip


def _added(col: str) -> Callable[[dict, float], float]:
    """The margin with ``w`` times an evidence column added."""
    return lambda f, w: f["gain"] + w * f[col]


def _mixed(col: str) -> Callable[[dict, float], float]:
    """The margin and an evidence column mixed, ``w`` the column's share."""
    return lambda f, w: (1 - w) * f["gain"] + w * f[col]


#: (name, rule): each rule scores a case from its evidence row and a weight.
RULES: tuple[tuple[str, Callable[[dict, float], float]], ...] = (
    *((f"gain + w*{c}", _added(c)) for c in ("perR", "per", "perPMI", "book", "triR")),
    *((f"(1-w)*gain + w*{c}", _mixed(c)) for c in ("mix", "stop")),
    *((f"gain + w*{c}", _added(c)) for c in ("webR", "web", "webPMIL", "webPMI", "webBoth")),
    ("(1-w)*gain + w*web", _mixed("web")),
)


def coverage(rows: list[dict]) -> None:
    """How many rows' bigrams (left and right of the reading and of the print) the web
    table counts, for the gold and the right prints."""
    groups = (
        ("gold", [f for f in rows if f["label"] == "gold"]),
        ("gold not applied", [f for f in rows if f["label"] == "gold" and not f["applied"]]),
        ("right prints", [f for f in rows if f["label"] == "correct"]),
    )
    for lab, sel in groups:
        n_a = sum(f["webcov"][0] for f in sel)
        n_o = sum(f["webcov"][1] for f in sel)
        some = sum(1 for f in sel if f["webcov"][0] or f["webcov"][1])
        both = sum(1 for f in sel if f["webcov"][0] and f["webcov"][1])
        pairs = sum(int(bool(f["prev"])) + int(bool(f["nxt"])) for f in sel)
        print(
            f"  {lab}: {len(sel)} rows, {pairs} neighbours; pairs counted: the reading's {n_a}, "
            f"the print's {n_o}; rows with any counted {some}, with both words' {both}"
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
    print("\nweb bigram coverage (all rows)")
    coverage(rows)
    print("\nflips (decided readings; net = gold won - lost - prints broken + saved)")
    for name, rule in RULES:
        for w in (float(x) for x in args.weights.split(",")):
            ch = flips(rows, lambda f, rule=rule, w=w: rule(f, w))
            net = ch["+gold"] - ch["-gold"] - ch["+break"] + ch["-break"]
            print(f"  {name:22s} w {w:<5} net {net:+d}  {ch}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
