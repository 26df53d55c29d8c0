"""Does a distributional candidate source the restorer could ship reach the ``distrib``
spinner's originals?  (dev only; measures, changes nothing)

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_neighbour_reach.py [--spinner distrib --spinner distrib1] [--cap 40]

The ``distrib`` simulator (:mod:`spin_sim.distrib`) writes distributional neighbours
computed from running text (``../shared/data/clean_english``); main restores none of it
because most of its originals are in no candidate list the restorer reads (WordNet/Moby
tables of ``lexicons/``; benchmarks/RESULTS.md, "Session 36, spinsrc36").  This script
measures a candidate source built from **another** text: word-context neighbours over
symspellpy's bundled bigram list (``frequency_bigramdictionary_en_243_342.txt``, 242,342
word pairs with Google Books Ngram counts, 19.8 k distinct words; no evaluation text is
in it and it is not the simulator's corpus).  ``lexicons/bigram_counts.bin`` and
``collocations.bin`` hold the same pairs as hashed keys only (no word can be read back
from them), so the neighbours are computed from the text list they were built from.

Neighbours: each lower-case alphabetic word of the list with at least
:data:`MIN_CONTEXTS` context entries gets a vector of its left words (``a w``) and right
words (``w b``), kept apart, weighted by positive PMI over the pair counts (context
smoothing alpha 0.75); similarity is the cosine; a written word's candidates are its
nearest targets that are no stop word, not a form of the written word's lemma
(lemminflect) and known to the LM, best first (cached under ``$REPAIR_CACHE_DIR``).

Printed, per spinner, over the single-word gold substitutions of the dev half (the
simulator's gold edits, ``--cap`` documents as ``spin_eval.py``):

* **reach**: the share whose original is among the written word's top-k neighbours
  (k = 5, 20, 50), its median rank, the share reached by the current tables
  (:func:`repair.score.spin_evidence.candidates_for`, WordNet then Moby) and by either;
  the *lemma* reach (the original's lemma among the top-k neighbours' lemmas) bounds
  what re-inflecting the neighbours would add;
* **fires**: with the top-k neighbours as candidates ranked by the restorer's two-sided
  LM gain (:func:`repair.score.spin_context.lm_gain`, two words either side within the
  sentence), a content word *fires* when its best neighbour gains >= a bar of
  :data:`GAINS` nats (2, then 4 and 6).
  On the spun text: fires at gold positions with the original (right) or another word
  (wrong), and fires at the unchanged content words (false); on the same documents
  clean: the share of content words that fire (every one a false edit; also per 1,000
  words, against main's 0.036 changed per 1,000 on these documents).  Precision
  proxy = right / all fires on the spun text.  A second table gates every fire on the
  written word's own misfit (its two-sided context fit below :data:`FIT_BELOW`, the
  measure of :mod:`repair.detect.spin_misfit`), a source-free gate; a third keeps only
  the top-k neighbours that the document writes (as the same form) somewhere: a
  spinner swaps a share of a lemma's occurrences, so the original is often written
  elsewhere.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import re
import statistics
import sys
import tempfile
from collections import Counter
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from build_spin_neighbours import bigram_path, build, lemmas  # noqa: E402
from spin_eval import spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from spin_sim.distrib import write_json  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

from repair.candidates.spin_synonyms import STOPWORDS  # noqa: E402
from repair.resources.lm import get_lm  # noqa: E402
from repair.score.spin_context import lm_gain  # noqa: E402
from repair.score.spin_evidence import candidates_for  # noqa: E402

#: A target needs this many context entries (left and right pairs) in the list.
MIN_CONTEXTS = 3
#: Neighbours kept per target before filtering (the largest k read is 50).
TOP = 80
KS = (5, 20, 50)
#: A content word fires when its best neighbour's LM gain reaches this (nats); the
#: first is the brief's bar, the others show whether a stricter bar buys precision.
GAINS = (2.0, 4.0, 6.0)
#: The source-free gate: fire only where the written word itself misfits (nats).
FIT_BELOW = -1.0
VERSION = 1
_TOKEN = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*|\d+(?:[.,]\d+)*|\s+|[^\w\s]|\w+")
_WORD = re.compile(r"[A-Za-z]+")
_BREAK = re.compile(r"[.!?;:()\[\]\"“”—]")


def _cache_path(src: Path) -> Path:
    h = hashlib.blake2b(digest_size=8)
    h.update(f"{VERSION}:{MIN_CONTEXTS}:{TOP}:{src.name}:{src.stat().st_size}".encode())
    env = os.environ.get("REPAIR_CACHE_DIR")
    base = Path(env) if env and env != "off" else Path(tempfile.gettempdir())
    return base / f"spin_neighbour_reach_{h.hexdigest()}.json"


@cache
def table() -> dict[str, list[str]]:
    """The neighbour table (built on first use, ~20 s, then read from the cache)."""
    src = bigram_path()
    path = _cache_path(src)
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    out = build(src)
    write_json(path, out)
    return out


@cache
def neighbours(word: str) -> tuple[str, ...]:
    """``word``'s candidates from the bigram neighbours, best first (module doc)."""
    lm = get_lm()
    own = lemmas(word)
    return tuple(
        w
        for w in table().get(word, ())
        if w not in STOPWORDS and len(w) >= 2 and not (lemmas(w) & own) and lm.known(w)
    )[: max(KS)]


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(lower-case word, start, end) of every word; ("", -1, -1) for a sentence break."""
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        if _WORD.fullmatch(t):
            out.append((t.lower(), m.start(), m.end()))
        elif _BREAK.fullmatch(t) or "\n\n" in t:
            out.append(("", -1, -1))
    return out


def context(toks: list[tuple[str, int, int]], k: int) -> tuple[list[str], list[str]]:
    """Up to two words either side of token ``k`` within its sentence."""
    left: list[str] = []
    for j in (k - 1, k - 2):
        if j < 0 or not toks[j][0]:
            break
        left.insert(0, toks[j][0])
    right: list[str] = []
    for j in (k + 1, k + 2):
        if j >= len(toks) or not toks[j][0]:
            break
        right.append(toks[j][0])
    return left, right


def misfit(toks: list[tuple[str, int, int]], k: int) -> bool:
    """Whether token ``k`` fits its context worse than :data:`FIT_BELOW`
    (:func:`repair.detect.spin_misfit.fits`' measure, read on these tokens)."""
    lm = get_lm()
    w = toks[k][0]
    left, right = context(toks, k)
    fit = lm.logprob(w, left) - lm.logprob(w)
    if right:
        h1 = left[-1:]
        fit += lm.logprob(right[0], [*h1, w]) - lm.logprob(right[0], h1)
    return fit < FIT_BELOW


def best_fit(
    toks: list[tuple[str, int, int]], k: int, n: int, within: frozenset[str] | None = None
) -> tuple[str, float] | None:
    """The best of token ``k``'s top-``n`` neighbours by LM gain, and its gain; with
    ``within``, only the neighbours in that set (the document's own words)."""
    word = toks[k][0]
    cands = neighbours(word)[:n]
    if within is not None:
        cands = tuple(c for c in cands if c in within)
    if not cands:
        return None
    left, right = context(toks, k)
    gains = [(lm_gain(left, [word], [c], right), c) for c in cands]
    g, c = max(gains)
    return c, g


def is_content(text: str, start: int, end: int) -> bool:
    t = text[start:end]
    return t.islower() and len(t) >= 3 and t not in STOPWORDS


def measure(spinner: str, cap: int) -> dict[str, object]:
    docs, spun = spun_docs(spinner, "dev", cap, RATE)
    reach: Counter[str] = Counter()
    ranks: list[int] = []
    fires: Counter[str] = Counter()
    examples: list[tuple[str, str, int | None]] = []
    for s in spun:
        gold = gold_spans(s)
        toks = tokens(s.spun)
        vocab = frozenset(w for w, _a, _b in toks if w)
        for (a, b), orig in gold.items():
            written = s.spun[a:b]
            if " " in written or " " in orig or not written.isalpha() or not orig.isalpha():
                continue
            w, o = written.lower(), orig.lower()
            reach["subs"] += 1
            nb = neighbours(w)
            reach["in_table"] += w in table()
            cur = o in candidates_for(w)
            reach["current"] += cur
            rank = nb.index(o) + 1 if o in nb else None
            if rank is not None:
                ranks.append(rank)
            if len(examples) < 12:
                examples.append((w, o, rank))
            for n in KS:
                hit = rank is not None and rank <= n
                reach[f"top{n}"] += hit
                reach[f"either{n}"] += hit or cur
                reach[f"lemma{n}"] += bool(lemmas(o) & {x for c in nb[:n] for x in lemmas(c)})
        for k, (w, a, b) in enumerate(toks):
            if not w:
                continue
            g = gold.get((a, b))
            if g is None and not is_content(s.spun, a, b):
                continue
            if g is not None and (" " in g or not g.isalpha()):
                continue
            fires["spun_gold" if g is not None else "spun_other"] += 1
            gates = ("", "m") if misfit(toks, k) else ("",)
            for n in KS:
                for m, got in (
                    *((m, best_fit(toks, k, n)) for m in gates),
                    ("d", best_fit(toks, k, n, vocab)),
                ):
                    for t in GAINS:
                        if got is None or got[1] < t:
                            continue
                        kind = "false" if g is None else "right" if got[0] == g.lower() else "wrong"
                        fires[f"{m}{kind}{n}:{t:g}"] += 1
    for d in docs:
        toks = tokens(d.text)
        vocab = frozenset(w for w, _a, _b in toks if w)
        for k, (w, a, b) in enumerate(toks):
            if not w or not is_content(d.text, a, b):
                continue
            fires["clean"] += 1
            gates = ("", "m") if misfit(toks, k) else ("",)
            for n in KS:
                for m, got in (
                    *((m, best_fit(toks, k, n)) for m in gates),
                    ("d", best_fit(toks, k, n, vocab)),
                ):
                    for t in GAINS:
                        fires[f"{m}clean{n}:{t:g}"] += got is not None and got[1] >= t
        fires["clean_words"] += sum(1 for w, _a, _b in toks if w)
    return {"reach": reach, "ranks": ranks, "fires": fires, "examples": examples}


def _pct(x: int, n: int) -> str:
    return f"{100 * x / n:.1f} %" if n else "–"


def report(spinner: str, r: dict[str, object]) -> None:
    reach: Counter[str] = r["reach"]  # type: ignore[assignment]
    fires: Counter[str] = r["fires"]  # type: ignore[assignment]
    ranks: list[int] = r["ranks"]  # type: ignore[assignment]
    n = reach["subs"]
    print(f"\n## {spinner} (dev): {n} single-word substitutions")
    print(f"written word has bigram neighbours: {_pct(reach['in_table'], n)}")
    print(f"current tables (candidates_for): {_pct(reach['current'], n)}")
    med = statistics.median(ranks) if ranks else math.nan
    print(f"median rank when reached (<= {max(KS)}): {med}")
    print("| k | top-k | lemma top-k | current or top-k |")
    print("|---|---|---|---|")
    for k in KS:
        print(
            f"| {k} | {_pct(reach[f'top{k}'], n)} | {_pct(reach[f'lemma{k}'], n)} "
            f"| {_pct(reach[f'either{k}'], n)} |"
        )
    print("\nfires (best top-k neighbour's LM gain >= the bar, nats):")
    print(
        f"spun: {fires['spun_gold']} gold positions, {fires['spun_other']} other content "
        f"words; clean: {fires['clean']} content words"
    )
    per_k = 1000 / max(fires["clean_words"], 1)
    print(f"clean: {fires['clean_words']} words (clean fires also per 1,000 words)")
    for m, title in (
        ("", "every content word"),
        ("m", f"gated: written fit < {FIT_BELOW:g}"),
        ("d", "candidates: top-k neighbours written elsewhere in the document"),
    ):
        print(f"\n{title}")
        print("| k | bar | right | wrong | false (spun) | precision | clean fires | /1k |")
        print("|---|---|---|---|---|---|---|---|")
        for k in KS:
            for t in GAINS:
                key = f"{k}:{t:g}"
                right, wrong = fires[f"{m}right{key}"], fires[f"{m}wrong{key}"]
                false, clean = fires[f"{m}false{key}"], fires[f"{m}clean{key}"]
                prec = right / (right + wrong + false) if right + wrong + false else math.nan
                print(
                    f"| {k} | {t:g} | {right} ({_pct(right, fires['spun_gold'])}) | {wrong} "
                    f"| {false} ({_pct(false, fires['spun_other'])}) | {prec:.3f} "
                    f"| {clean} ({_pct(clean, fires['clean'])}) | {clean * per_k:.1f} |"
                )
    print("\nexamples (written, original, rank):", r["examples"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--spinner", action="append", help="default: distrib")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (spin_eval's default)")
    args = ap.parse_args(argv)
    t = table()
    sizes = [len(v) for v in t.values()]
    print(f"bigram neighbour table: {len(t)} targets, median {statistics.median(sizes)} kept")
    for name in args.spinner or ["distrib"]:
        report(name, measure(name, args.cap))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
