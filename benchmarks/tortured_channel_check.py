"""Does a channel that wins on the simulated spinner also win on real paper mills?

Usage (from the checkout root; ``bench`` extra for the simulated spinners)::

    python benchmarks/tortured_channel_check.py [--pps-split dev|test|both]

The rare-word pass (:mod:`repair.detect.rareword`) ranks a rare written word's candidate
originals by context gain less a channel cost, ``ln P(written | original)``; the shipped
cost is ``ln(1 + degree)`` (a spinner picking one of the original's synonyms at random).
The tortured benchmark's rare-synonym spinner (``benchmarks/spin_sim/rare.py``) picks one
of the **rarest** Moby synonyms, so a channel that prices that policy can gain on the
simulated abstracts without describing any real mill.  This tool ranks the candidates by
the channel alone (no context: the context gain is the same whatever the channel) on two
sets of (written, original) word pairs, and prints, per channel, how often the original
is ranked first and the mean reciprocal rank:

* ``pps``: the Problematic Paper Screener's tortured phrases (real paper mills;
  ``lexicons/tortured_phrases.tsv``), phrase pairs of the same length differing in one
  word, split by family as ``benchmarks/tortured_general_eval.py`` splits them;
* ``sim``: the gold substitutions of the rare-spun dev abstracts of
  ``benchmarks/spin_eval.py --spinner tortured --split dev``.

Only pairs whose written word is rare (Zipf at most :data:`repair.detect.rareword.MAX_ZIPF`,
the pass's own bar) and whose original is among at least two candidates of
:func:`repair.candidates.tortured_rare.ranked` count.  Channels:

* ``degree``: ``-ln(1 + degree)`` (shipped);
* ``prior``: :func:`repair.candidates.tortured_rare.prior` (the order of the ranked list);
* ``rarity``: ``-ln(1 + k)``, ``k`` how many of the original's own Moby synonyms are rarer
  than the written word (Zipf at least 1.5; :func:`rarity_rank`), ``degree`` where the
  original's entry does not list it: the simulated rare spinner's policy, made soft;
* ``mix``: the mean of ``degree`` and ``rarity``;
* ``first sense +1``: ``degree`` plus 1 nat where the written word is a lemma of the
  original's first WordNet sense (the WordNet sense spinner's channel);
* ``mill``: ``degree`` plus the simulated mill's log odds (``benchmarks/spin_sim/mill.py``,
  fitted on the PPS **dev** families only), :func:`mill_log_channel`.

Session 29 (benchmarks/RESULTS.md): ``rarity`` and ``mix`` rank the simulator's originals
better and the real mills' worse, so neither ships.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))


from repair.candidates.tortured_rare import log_degree, prior, ranked  # noqa: E402
from repair.detect.rareword import MAX_ZIPF  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402

#: Moby synonyms rarer than this (Zipf) are not counted by :func:`rarity_rank`.
RARITY_FLOOR = 1.5
Pair = tuple[str, str]


@lru_cache(maxsize=50_000)
def _lemmas(word: str) -> tuple[str, ...]:
    from lemminflect import getAllLemmas

    out = [word]
    for forms in getAllLemmas(word).values():
        out += [f for f in forms if f not in out]
    return tuple(out)


@lru_cache(maxsize=20_000)
def _synonym_zipfs(headword: str) -> tuple[float, ...]:
    from repair.candidates.spin import moby_lines

    line = moby_lines().get(headword, "")
    return tuple(zipf(s) for s in line.strip(",").split(",") if s and s.isalpha())


@lru_cache(maxsize=50_000)
def rarity_rank(written: str, original: str) -> int | None:
    """How many one-word synonyms of ``original``'s Moby entry (any lemma) are rarer than
    ``written`` (Zipf at least :data:`RARITY_FLOOR`), or None when no entry of a lemma of
    ``original`` lists a lemma of ``written``."""
    from repair.candidates.spin import moby_lines

    lines = moby_lines()
    best: int | None = None
    for o in _lemmas(original):
        line = lines.get(o)
        listed = [w for w in _lemmas(written) if line and f",{w}," in line]
        if not listed:
            continue
        zw = max(zipf(w) for w in listed)
        k = sum(1 for z in _synonym_zipfs(o) if RARITY_FLOOR <= z < zw)
        best = k if best is None else min(best, k)
    return best


def _rarity_cost(w: str, c: str) -> float:
    k = rarity_rank(w, c)
    return log_degree(c) if k is None else math.log1p(k)


def _first_sense(w: str, c: str) -> bool:
    from repair.candidates.spin_channel import sense_ranks

    r = sense_ranks(w, c)
    return r is not None and r[0] == 0


def mill_log_channel(w: str, c: str) -> float:
    """The degree rule plus the simulated mill's log odds of writing ``w`` for ``c``
    against an average candidate of ``c`` (:func:`spin_sim.mill.log_odds`, fitted on the
    PPS dev families; the best shared part of speech, 0 where none): the degree says how
    many synonyms a mill picks among, the fitted channel which it prefers."""
    from spin_sim import mill
    from spin_sim.inflect import analyses

    written = {u: lem for u, lem, _t in analyses(w)}
    best = None
    for u, lo, _t in analyses(c):
        if u in written:
            x = mill.log_odds(written[u], lo, u)
            best = x if best is None else max(best, x)
    return -log_degree(c) + (best or 0.0)


#: channel name -> score of candidate ``c`` for written ``w`` (higher: likelier original).
CHANNELS: dict[str, Callable[[str, str], float]] = {
    "degree": lambda w, c: -log_degree(c),
    "prior": lambda w, c: prior(c, zipf(w)),
    "rarity": lambda w, c: -_rarity_cost(w, c),
    "mix": lambda w, c: -0.5 * (_rarity_cost(w, c) + log_degree(c)),
    "first sense +1": lambda w, c: -log_degree(c) + (1.0 if _first_sense(w, c) else 0.0),
    "mill": mill_log_channel,
}


def pps_pairs(split: str) -> set[Pair]:
    """One-word (written, original) differences of the PPS phrase pairs of ``split``'s
    families (same length, lower-case letters only)."""
    from spin_sim.mill import pps_aligned

    out = set()
    for t, e in pps_aligned(split):
        diff = [(a, b) for a, b in zip(t, e, strict=True) if a != b]
        if len(diff) == 1 and all(x.isalpha() and x.islower() for x in diff[0]):
            out.add(diff[0])
    return out


def sim_pairs() -> list[Pair]:
    """(written, original) of every one-word gold substitution of the rare-spun dev
    abstracts (lower case; one entry per occurrence)."""
    from spin_eval import spun_docs

    _docs, spun = spun_docs("tortured", "dev", 40, 0.25)
    out = []
    for s in spun:
        if not s.spinner.endswith("/rare"):
            continue
        for g in s.edits:
            w, o = g.replacement.lower(), g.original.lower()
            if " " not in w and " " not in o and w.isalpha() and o.isalpha():
                out.append((w, o))
    return out


def score(pairs: list[Pair] | set[Pair]) -> tuple[int, dict[str, tuple[int, float]]]:
    """(pairs counted, channel -> (original ranked first, mean reciprocal rank))."""
    n, top = 0, dict.fromkeys(CHANNELS, 0)
    rr = dict.fromkeys(CHANNELS, 0.0)
    for w, o in sorted(pairs):
        if zipf(w) > MAX_ZIPF:
            continue
        cands = ranked(w)
        if o not in cands or len(cands) < 2:
            continue
        n += 1
        for name, fn in CHANNELS.items():
            order = sorted(cands, key=lambda c, fn=fn, w=w: (-fn(w, c), c))
            i = order.index(o)
            top[name] += i == 0
            rr[name] += 1.0 / (1 + i)
    return n, {k: (top[k], rr[k] / max(n, 1)) for k in CHANNELS}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pps-split", choices=("dev", "test", "both"), default="dev")
    args = ap.parse_args(argv)
    sets = {
        f"pps ({args.pps_split} families)": pps_pairs(args.pps_split),
        "sim (rare, dev)": sim_pairs(),
    }
    print("| pairs | counted | " + " | ".join(f"{k} top-1 / MRR" for k in CHANNELS) + " |")
    print("|---|---|" + "---|" * len(CHANNELS))
    for label, pairs in sets.items():
        n, res = score(pairs)
        cells = " | ".join(f"{t} / {m:.3f}" for t, m in res.values())
        print(f"| {label} | {n} | {cells} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
