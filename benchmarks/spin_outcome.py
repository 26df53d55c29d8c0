"""What became of each gold substitution after the whole pipeline (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_outcome.py --spinner wordnet --spinner rare [--no-profile] [--show 8]

:mod:`benchmarks.spin_oracle` classifies the gold substitutions by the first reading's
evidence only (no document gate, no second readings, no phrases).  This script repairs the
same dev documents as ``spin_eval.py --split dev`` through ``repair.repair_text`` and puts
each gold substitution in one class (``multi_reach``: a written 2-3 word span whose one-word
original is among :func:`repair.candidates.spin_phrase.span_originals`; ``multiword``: any
other phrase; ``stop/short``; ``common`` (Zipf >= ``MAX_WRITTEN_ZIPF``); ``gold_not_in``
(no candidate or not the original); ``reached`` (the original is a candidate)) and one
outcome: ``right`` (an edit at the span restores the original), ``wrong`` (an edit at the
span, another word) or ``missed``.  Edits that touch no gold span are counted by rule
(``false``).  The test half is never read; ``seeddense`` documents carry every family
(``spin_sim.seeddense``), so only their dev-family substitutions are classed and shown
(edits on other spans are counted as ``(other half)``, never shown).

``--why`` says more of the misses: a missed substitution whose written word the first
reading examined (``reached``, ``common``) is ``gate_closed`` where the document's
spinner-agnostic gate stayed shut (:func:`repair.stages.spin.word_bar` > 1) and
``under_bar`` elsewhere; a one-word substitution whose original is not a candidate
(``gold_not_in``, ``common``) gets the WordNet 3.0 relation that would reach it
(:func:`wordnet_relation`: the original in one of the written word's first synsets, a
hypernym, a similar adjective, a sister term, a derivation, or none).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import half_spans, hold_out_profile, make_config, spun_docs  # noqa: E402
from spin_sim import HALF_SCORED, RATE  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

from repair.candidates.spin_phrase import span_originals  # noqa: E402
from repair.candidates.spin_synonyms import STOPWORDS  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402
from repair.score.spin_evidence import candidates_for  # noqa: E402
from repair.stages.spin import MAX_WRITTEN_ZIPF, word_bar  # noqa: E402

#: WordNet relations :func:`wordnet_relation` tries, in this order.
RELATIONS = ("synset", "hypernym", "similar", "sister", "derivation")
#: A written word's first senses read by :func:`wordnet_relation` (as the synonym table).
SENSES = 3


def gold_class(written: str, orig: str) -> str:
    """The reach class of one gold substitution (``written`` -> ``orig``)."""
    low, gold = written.lower(), orig.lower()
    parts = tuple(low.split(" "))
    if 2 <= len(parts) <= 3 and " " not in gold:
        if gold in span_originals(parts)[0]:
            return "multi_reach"
        return "multiword"
    if " " in written or " " in orig:
        return "multiword"
    if len(written) < 3 or low in STOPWORDS or not written.isalpha():
        return "stop/short"
    if zipf(low) >= MAX_WRITTEN_ZIPF:
        return "common"
    if gold not in candidates_for(low):
        return "gold_not_in"
    return "reached"


def _lemmas(word: str) -> set[str]:
    from lemminflect import getAllLemmas

    out = {word}
    for found in getAllLemmas(word).values():
        out.update(x.lower() for x in found)
    return out


def wordnet_relation(written: str, orig: str, senses: int = SENSES) -> str:
    """How WordNet 3.0 relates a written word to its original: the first of
    :data:`RELATIONS` whose lemmas hold one of the original's lemmas, reading the written
    word's first ``senses`` synsets of each part of speech (``synset``: a co-lemma;
    ``hypernym``: one level up; ``similar``: an adjective's similar-to; ``sister``: a
    co-hyponym; ``derivation``: derivation, pertainym, attribute, also-see), or "none"."""
    from wordnet30 import read_data, read_index, read_pointers

    gold = _lemmas(orig.lower())
    found: dict[str, set[str]] = {k: set() for k in RELATIONS}
    for lemma in _lemmas(written.lower()):
        key = lemma.replace(" ", "_")
        for pos in ("noun", "verb", "adj", "adv"):
            for off in read_index(pos).get(key, [])[:senses]:
                found["synset"].update(read_data(pos)[off])
                for sym, tpos, toff in read_pointers(pos)[off]:
                    words = read_data(tpos)[toff]
                    if sym in ("@", "@i"):
                        found["hypernym"].update(words)
                        for sym2, pos2, off2 in read_pointers(tpos)[toff]:
                            if sym2 in ("~", "~i"):
                                found["sister"].update(read_data(pos2)[off2])
                    elif sym == "&":
                        found["similar"].update(words)
                    elif sym in ("+", "\\", "=", "^"):
                        found["derivation"].update(words)
    for k in RELATIONS:
        if gold & {w.lower() for w in found[k]}:
            return k
    return "none"


def outcomes(spinner: str, cap: int, profile: bool, show: int, why: bool = False):
    """(class, outcome) counts, false edits by rule, examples; with ``why``, missed
    substitutions are split further (the module's docstring)."""
    config = make_config("spin,tortured,collocation", not profile)
    cat: Counter[tuple[str, str]] = Counter()
    false: Counter[str] = Counter()
    ex: dict[tuple[str, str], list] = defaultdict(list)
    for s in spun_docs(spinner, "dev", cap, RATE)[1]:
        if not s.edits:
            continue
        r = repair_text(s.spun, (), config)
        closed = word_bar(r.scores.details.get("spin", {})) > 1.0
        gold = gold_spans(s)
        hidden: set[tuple[int, int]] = set()
        if spinner in HALF_SCORED:  # dense documents carry every family: read the dev half only
            own = "dev-rows" if spinner == "seedprof" else "dev-families"
            hidden = set(gold) - set(half_spans(s, own))
            gold = half_spans(s, own)
        by_span = {(e.offset, e.end): e for e in r.edits}
        used: set[tuple[int, int]] = set()
        for (a, b), orig in gold.items():
            written = s.spun[a:b]
            k = gold_class(written, orig)
            e = by_span.get((a, b))
            if e is None:
                o = "missed"
            else:
                used.add((a, b))
                o = "right" if e.replacement.lower() == orig.lower() else "wrong"
            if why and o == "missed":
                o = _why_missed(k, written, orig, closed)
            cat[(k, o)] += 1
            if len(ex[(k, o)]) < show:
                ex[(k, o)].append((written, orig, e.replacement if e else None))
        for span, e in by_span.items():
            if any(a < span[1] and span[0] < b for a, b in hidden):
                false["(other half)"] += 1  # never shown
                continue
            if span not in used:
                overlaps = any(a < span[1] and span[0] < b for a, b in gold)
                key = f"{e.rule}{'/overlap' if overlaps else ''}"
                false[key] += 1
                if len(ex[("false", key)]) < show:
                    ex[("false", key)].append((s.spun[span[0] : span[1]], e.replacement))
    return cat, false, ex


def _why_missed(k: str, written: str, orig: str, closed: bool) -> str:
    """The ``--why`` outcome of one missed substitution of class ``k``."""
    if k in ("gold_not_in", "common") and " " not in orig and " " not in written:
        if k == "gold_not_in" or orig.lower() not in candidates_for(written.lower()):
            return "missed:" + wordnet_relation(written, orig)
    if k in ("reached", "common"):
        return "missed:gate_closed" if closed else "missed:under_bar"
    return "missed"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--spinner", action="append", help="repeatable (default: wordnet, rare, double)"
    )
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--no-profile", action="store_true", help="without the seed profile")
    ap.add_argument(
        "--unprofiled",
        action="store_true",
        help="hold out the profile rows that are the dev seed families' pairs (spin_eval.py)",
    )
    ap.add_argument("--show", type=int, default=0, help="examples per cell")
    ap.add_argument("--why", action="store_true", help="split the misses (gate, relation)")
    args = ap.parse_args(argv)
    if args.unprofiled:
        print(f"# profile rows of the dev seed families held out: {hold_out_profile('dev')}")
    for spinner in args.spinner or ["wordnet", "rare", "double"]:
        cat, false, ex = outcomes(spinner, args.cap, not args.no_profile, args.show, args.why)
        n = max(sum(cat.values()), 1)
        print(f"{spinner}: {n} substitutions")
        classes = sorted(
            {k for k, _ in cat},
            key=lambda k: -sum(v for (k2, _o), v in cat.items() if k2 == k),
        )
        for k in classes:
            r, w = cat[(k, "right")], cat[(k, "wrong")]
            m = sum(v for (k2, o), v in cat.items() if k2 == k and o.startswith("missed"))
            print(f"  {k:12s} {(r + w + m) / n:.3f}  right {r:5d}  wrong {w:5d}  missed {m:5d}")
            split = sorted(o for k2, o in cat if k2 == k and o.startswith("missed:"))
            if split:
                print("      " + ", ".join(f"{o[7:]} {cat[(k, o)]}" for o in split))
            for o in ["wrong", "missed", *split] if args.show else ():
                if not ex[(k, o)]:
                    continue
                print(f"      {o}: {ex[(k, o)]}")
        print(
            f"  false edits: {sum(false.values())} "
            + ", ".join(f"{k} {v}" for k, v in false.most_common())
        )
        for k in false if args.show else ():
            print(f"      {k}: {ex[('false', k)]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
