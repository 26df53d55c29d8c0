"""The "no candidate" class of a spinner's dev residual, split by source and cap (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_nocand.py [--spinner spinbot --spinner wordnet ...] [--show 8]

For the dev documents ``benchmarks/spin_eval.py --split dev`` reports on,
:func:`spin_account.account` (``--reverse``) gives every gold one-word substitution left in
``b:no_candidate`` (the original is not among the written word's first candidates,
:func:`repair.score.spin_evidence.candidates_for`, and no edit restores it).  Each is put in
the first class of :func:`reach` that holds: whether a source the product ships holds the
original and which cap or gate drops it, else which relation links the written word and
the original:

* ``written:stop/short``: the written word is a stopword or short (never read);
* ``first:cap``: the synonym table holds it, cut by ``MAX_CANDIDATES`` or unknown to the LM;
* ``rev:near <stage>``: the reverse Moby originals hold it (``<stage>``: what the reverse
  reading made of it, :func:`spin_account.reverse_why`);
* ``rev:wide <stage>``: the wide reverse originals (ranks 18-48) hold it;
* ``held:lemma``: another form of the original (its lemma: a mass noun written for a
  plural original, whose singular is read and :mod:`repair.score.spin_plural` may number)
  is among the first or reverse candidates;
* ``rev:rank 49-96`` / ``97-192`` / ``193+``: the reverse index relates the lemmas but the
  original ranks past ``MAX_PER_LEMMA_WIDE`` by Zipf among the written lemma's headwords;
* ``rev:inflection``: related within the ranks, the inflected form not produced;
* ``rev:zipf``: the original's Moby list holds the written lemma, the original under
  ``spin_mobyrev.MIN_ZIPF``;
* ``wn:table <cap>``: WordNet 3.0 puts the written lemma in one of the original's first 3
  senses (the table's own rule) but the table drops the row (``orig_zipf``: under
  ``MIN_ORIG_ZIPF`` 3.0; ``rarer``: over 2.0 Zipf rarer than the written word; ``rank``:
  past ``MAX_ORIGINALS``; ``inflection``: the form);
* ``wn:deep_sense``: a co-lemma only in a later sense of the original;
* ``moby_fwd``: only the written word's own Moby list holds it (not mutual);
* ``wn:<relation>``: a hypernym, similar adjective, sister term or derivation (every sense);
* ``two_hop:wordnet`` / ``two_hop:moby``: a synonym of a synonym (WordNet co-lemmas of any
  sense; Moby lists either way, with the fan-out: how many originals two hops give);
* ``none``.

For ``spinbot`` each is also split by the simulator's own draw (``spin_sim.spinbot.pool``:
WordNet's first 3 senses of the original, or its Moby list): which of our sources is the
simulator's.  The test half is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_account import _lemmas, _moby_rows, account  # noqa: E402

from repair.candidates import spin_mobyrev as rev  # noqa: E402
from repair.candidates.spin_synonyms import STOPWORDS, originals_of  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402
from repair.score.spin_evidence import candidates_for  # noqa: E402

_POS = ("noun", "verb", "adj", "adv")


@cache
def _sym(word: str) -> frozenset[str]:
    """Moby synonyms of ``word`` either way (its list, and the headwords listing it)."""
    moby = _moby_rows()
    return frozenset(moby.get(word, ())) | frozenset(_listed_by().get(word, ()))


@cache
def _listed_by() -> dict[str, frozenset[str]]:
    inv: dict[str, set[str]] = defaultdict(set)
    for h, row in _moby_rows().items():
        for w in row:
            inv[w].add(h)
    return {k: frozenset(v) for k, v in inv.items()}


def _wn_colemmas(lemma: str, senses: int | None = None) -> set[str]:
    from wordnet30 import read_data, read_index

    out: set[str] = set()
    for pos in _POS:
        for off in read_index(pos).get(lemma.replace(" ", "_"), [])[:senses]:
            out.update(w.lower() for w in read_data(pos)[off])
    return out


def _wn_table_cap(wl: set[str], gl: set[str]) -> str | None:
    """Why the synonym table lacks a pair WordNet relates by the table's rule (the written
    lemma a co-lemma in one of the original's first 3 senses), or None if it does not."""
    from build_spin_synonyms import MIN_ORIG_ZIPF, WORDNET_MAX_RARER

    for g in gl:
        if not wl & _wn_colemmas(g, 3):
            continue
        if zipf(g) < MIN_ORIG_ZIPF:
            return "orig_zipf"
        if any(zipf(g) < zipf(w) - WORDNET_MAX_RARER for w in wl & _wn_colemmas(g, 3)):
            return "rarer"
        return "rank_or_inflection"
    return None


def _rank(wl: set[str], gl: set[str]) -> int | None:
    """The original's rank (1-based, by Zipf) among the reverse index headwords of the
    written word's lemmas (the best over lemmas), or None if unrelated."""
    best = None
    for lem in wl:
        heads = rev.reverse_index().get(lem, ())
        ranked = sorted(heads, key=lambda h: (-zipf(h), h))
        for i, h in enumerate(ranked, 1):
            if h in gl:
                best = i if best is None else min(best, i)
    return best


def reach(written: str, orig: str, stage_why: str) -> str:
    """The reach class of one no-candidate substitution (the module's docstring);
    ``stage_why``: spin_account's sub-class (the reverse reading's fate)."""
    low, gold = written.lower(), orig.lower()
    if low in STOPWORDS or len(low) < 3 or not low.isalpha():
        return "written:stop/short"
    if gold in originals_of(low):
        return "first:cap"
    wl, gl = _lemmas(low), _lemmas(gold)
    if gold in rev.reverse_originals(low):
        return "rev:near " + stage_why.split(":", 1)[-1]
    if gold in rev.reverse_originals_wide(low):
        return "rev:wide"
    if gl & (set(rev.reverse_originals_deep(low)) | set(candidates_for(low))):
        return "held:lemma"  # another form of the original (a mass noun's plural) is read
    r = _rank(wl, gl)
    if r is not None:
        if r <= rev.MAX_PER_LEMMA_WIDE:
            return "rev:inflection"
        return "rev:rank " + ("49-96" if r <= 96 else "97-192" if r <= 192 else "193+")
    moby = _moby_rows()
    if any(lem in moby.get(g, ()) for g in gl for lem in wl):
        return "rev:zipf" if all(zipf(g) < rev.MIN_ZIPF for g in gl) else "rev:other"
    cap = _wn_table_cap(wl, gl)
    if cap is not None:
        return "wn:table " + cap
    if any(gl & _wn_colemmas(lem) for lem in wl):
        return "wn:deep_sense"
    if any(g in moby.get(lem, ()) for g in gl for lem in wl):
        return "moby_fwd"
    from spin_outcome import wordnet_relation

    rel = wordnet_relation(written, orig, senses=99)
    if rel != "none":
        return "wn:" + rel
    if any(gl & _wn_colemmas(x) for lem in wl for x in _wn_colemmas(lem)):
        return "two_hop:wordnet"
    one = {x for lem in wl for x in _sym(lem)}
    if any(gl & _sym(x) for x in one):
        fan = len({y for x in one for y in _sym(x)})
        return "two_hop:moby " + ("<500" if fan < 500 else "<2000" if fan < 2000 else "2000+")
    return "none"


def spinbot_draw(written: str, orig: str) -> str:
    """Which part of ``spin_sim.spinbot``'s pool holds the written word for the original:
    ``wn`` (the original's first 3 WordNet senses), ``moby`` (its Moby list), ``both``, ``?``."""
    wl, gl = _lemmas(written.lower()), _lemmas(orig.lower())
    wn = any(wl & _wn_colemmas(g, 3) for g in gl)
    mb = any(wl & _moby_rows().get(g, frozenset()) for g in gl)
    return "both" if wn and mb else "wn" if wn else "moby" if mb else "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: spinbot)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--show", type=int, default=0, help="examples per class")
    args = ap.parse_args(argv)
    for spinner in args.spinner or ["spinbot"]:
        cat, _false, ex = account(spinner, args.cap, True, reverse=True)
        n = sum(v for (k, _s), v in cat.items() if k != "source")
        got: Counter[str] = Counter()
        draw: Counter[tuple[str, str]] = Counter()
        shown: dict[str, list] = defaultdict(list)
        for (k, sub), rows in ex.items():
            if k != "b:no_candidate":
                continue
            for written, orig, top, p in rows:
                c = reach(written, orig, sub)
                got[c] += 1
                shown[c].append((written, orig, top, p))
                if spinner == "spinbot":
                    draw[(c.split(" ")[0], spinbot_draw(written, orig))] += 1
        tot = sum(got.values())
        print(f"{spinner}: {n} substitutions, no candidate {tot}")
        for c, v in sorted(got.items(), key=lambda x: (x[0].split(" ")[0], -x[1])):
            print(f"  {c:32s} {v:5d}  {v / max(tot, 1):.3f}")
            if args.show:
                print(f"      {shown[c][: args.show]}")
        if draw:
            print("  spinbot's own draw (reach class, pool part): " + ", ".join(
                f"{a}/{b} {v}" for (a, b), v in sorted(draw.items())
            ))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
