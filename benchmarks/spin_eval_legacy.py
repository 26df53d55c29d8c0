"""Measure the spin stage: error reduction, precision, recall, broken rate, spin scores.

Usage (from the checkout root)::

    python benchmarks/spin_eval_legacy.py [--suite benchmarks/suites/spin] [--icdar DIR] [--limit N]

* suite: aligned ``NAME.damaged.txt`` / ``NAME.clean.txt`` pairs.  Tokens are
  aligned to the clean text (difflib); a clean token is *damaged* when the
  input does not reproduce it and *restored* when the output does.
  error reduction = (restored - broken) / damaged; precision = restored /
  tokens the tool changed; recall = restored / damaged.
* clean text: changed tokens per 1,000 on seeds 001-004, on the suite's
  clean sides, the clean suite (benchmarks/suites/clean) and ICDAR 2017 gold
  texts (read in place, never copied).
* seed 000 (no gold): tokens changed, and the share of its word bigrams found
  in the references (seeds 001-004) before and after.
* document spin scores: seed 000 against every clean text.
"""

from __future__ import annotations

import argparse
import glob
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.bench.metrics import diff_changed as changed_tokens  # noqa: E402
from repair.bench.metrics import diff_kept as correct_mask  # noqa: E402
from repair.bench.metrics import diff_opcodes  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402

_TOK = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
ONLY_SPIN = RepairConfig(mojibake=False, ocr=False, tortured=False)
CONFIG = ONLY_SPIN


def toks(text: str) -> list[str]:
    return _TOK.findall(text)


def tally(d: list[str], o: list[str], g: list[str]) -> tuple[list[bool], list[int]]:
    """(gold tokens the output keeps, [damaged, restored, broken, changed tokens]).

    damaged: gold tokens the input ``d`` does not keep; restored / broken: gold
    tokens the output ``o`` keeps and the input did not / did; changed: tokens
    the tool changed (input vs output).
    """
    before, after = correct_mask(d, g), correct_mask(o, g)
    restored = sum(1 for b, a in zip(before, after, strict=True) if not b and a)
    broken = sum(1 for b, a in zip(before, after, strict=True) if b and not a)
    return after, [before.count(False), restored, broken, changed_tokens(d, o)]


def _add(acc: list[int], counts: list[int]) -> None:
    for k, v in enumerate(counts):
        acc[k] += v


def run(text: str, refs: list[str] = ()) -> tuple[str, float]:
    r = repair_text(text, refs, CONFIG)
    return r.text, r.scores.spin


def habit_spin(text: str, rate: float = 0.85, seed: int = 0) -> str:
    """Spin ``text`` with the spinner habits of the shipped lexicon, read backwards.

    Each original form maps to one spun form (the first lexicon row), applied
    to ``rate`` of its occurrences (deterministic per position).  This is a
    check of the mechanics (matching, inflection, casing, LM choice among
    several originals), not of coverage: the habits are the lexicon's own.
    """
    import random

    from repair.lexicons import read_tsv

    inverse: dict[str, str] = {}
    for row in read_tsv("spin_en_pairs.tsv"):
        if row[3] == "caps" or not row[1].islower() or row[1] in inverse:
            continue
        inverse[row[1]] = row[0]
    keys = sorted(inverse, key=len, reverse=True)
    pat = re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, keys)) + r")(?![\w'’-])")
    rnd = random.Random(seed)

    def sub(m: re.Match) -> str:
        if rnd.random() > rate:
            return m.group()
        return inverse[m.group()]

    return pat.sub(sub, text)


def _family_halves() -> dict[str, str]:
    """Original form (lower case) -> dev/held, from benchmarks/spinner_sim.py."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("spinner_sim", ROOT / "benchmarks/spinner_sim.py")
    sim = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sim)
    out = {}
    for key, pairs, _flags in sim.families():
        for orig, _alts in pairs:
            out[orig.lower()] = sim.split_of(key)
    return out


def _tally_halves(
    halves: dict[str, str], d: list[str], g: list[str], after: list[bool], acc: dict
) -> None:
    """Damaged and restored gold tokens of an all_ pair, by the half of their family."""
    for tag, _i1, _i2, j1, j2 in diff_opcodes(d, g):
        if tag == "equal" or j1 == j2:
            continue
        phrase = " ".join(g[j1:j2]).lower().replace(" . ", ".").replace(" ' ", "'")
        half = halves.get(phrase, "unattributed")
        row = acc.setdefault(half, [0, 0])
        row[0] += j2 - j1
        row[1] += sum(after[j1:j2])


def _show_misses(name: str, d: list[str], o: list[str], g: list[str]) -> None:
    """Print what the tool left spun or broke in one document (-vv)."""
    for tag, i1, i2, j1, j2 in diff_opcodes(o, g):
        if tag != "equal":
            print(f"  {name}: {' '.join(o[i1:i2])!r} should be {' '.join(g[j1:j2])!r}")


def icdar_gold(directory: str, limit: int) -> list[tuple[str, str]]:
    out = []
    for f in sorted(glob.glob(f"{directory}/*.txt"))[:limit]:
        for line in Path(f).read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("[ GS_aligned]"):
                out.append((f"icdar/{Path(f).name}", line[13:].replace("@", "").replace("#", "")))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", default=str(ROOT / "benchmarks/suites/spin"))
    ap.add_argument("--icdar", default=str(ROOT.parent / "shared/data/ocr/icdar2017_eng_monograph"))
    ap.add_argument("--limit", type=int, default=30, help="ICDAR files to read")
    ap.add_argument("--lexicon", action="append", default=[], help="pairs TSV (repair learn)")
    ap.add_argument("-v", "--verbose", action="count", default=0, help="-vv: list misses")
    ap.add_argument("--split", action="store_true", help="figures per name prefix (dev_, held_)")
    ap.add_argument("--suite-only", action="store_true", help="only the aligned suite")
    args = ap.parse_args()
    global CONFIG
    if args.lexicon:
        CONFIG = RepairConfig(
            mojibake=False, ocr=False, tortured=False, lexicons=tuple(map(Path, args.lexicon))
        )

    seeds = sorted(glob.glob(str(ROOT / "seeds/*.txt")))
    spun, clean_seeds = Path(seeds[0]).read_text(), [Path(s).read_text() for s in seeds[1:]]

    # --- seed 000 proxy
    from repair.candidates.reference import words_of
    from repair.score.reference import reference_ngrams

    grams = reference_ngrams(tuple(clean_seeds))

    def overlap(t: str) -> float:
        ws = words_of(t)
        bg = [tuple(ws[i : i + 2]) for i in range(len(ws) - 1)]
        return sum(1 for g in bg if g in grams) / max(len(bg), 1)

    if not args.suite_only:
        print("== seed 000 (no gold)")
    for label, refs in (
        [] if args.suite_only else (("without references", []), ("with references", clean_seeds))
    ):
        out, score = run(spun, refs)
        n = changed_tokens(toks(spun), toks(out))
        print(
            f"  {label:19}: spin score {score:.3f}, tokens changed {n} of {len(toks(spun))}, "
            f"reference bigram overlap {overlap(spun):.3f} -> {overlap(out):.3f}"
        )

    # --- synthetic aligned suite
    clean_texts: list[tuple[str, str]] = []
    names = sorted(p[: -len(".damaged.txt")] for p in glob.glob(f"{args.suite}/*.damaged.txt"))
    groups: dict[str, list[str]] = {}
    for name in names:
        key = Path(name).name.split("_")[0] if args.split else "*"
        groups.setdefault(key, []).append(name)
    halves = _family_halves() if args.split else {}
    for key, members in sorted(groups.items()):
        acc = [0, 0, 0, 0]  # damaged, restored, broken, changed
        by_half: dict[str, list[int]] = {}
        for name in members:
            dmg = Path(name + ".damaged.txt").read_text(encoding="utf-8")
            gold = Path(name + ".clean.txt").read_text(encoding="utf-8")
            clean_texts.append((f"suite/{Path(name).name}", gold))
            if dmg == gold:
                continue
            out, _score = run(dmg)
            g, d, o = toks(gold), toks(dmg), toks(out)
            after, counts = tally(d, o, g)
            _add(acc, counts)
            if args.verbose > 1:
                _show_misses(Path(name).name, d, o, g)
            if halves and key == "all":
                _tally_halves(halves, d, g, after, by_half)
        damaged_total, restored, broken, changed = acc
        if damaged_total:
            label = "" if key == "*" else f" [{key}]"
            print(f"== synthetic suite {args.suite}{label} ({len(members)} pairs)")
            print(f"  damaged tokens {damaged_total}, restored {restored}, broken {broken}")
            print(f"  error reduction {(restored - broken) / damaged_total:.3f}")
            print(f"  edit precision  {restored / max(changed, 1):.3f}")
            print(f"  recall          {restored / damaged_total:.3f}")
            for half, (n_dmg, n_fix) in sorted(by_half.items()):
                rate = n_fix / max(n_dmg, 1)
                print(f"  recall on {half}-family tokens {rate:.3f} ({n_dmg} tokens)")
    if args.suite_only:
        return 0

    # --- the spinner's own habits on the clean seeds (mechanics check)
    acc = [0, 0, 0, 0]
    for text in clean_seeds:
        dmg = habit_spin(text)
        out, _score = run(dmg)
        _add(acc, tally(toks(dmg), toks(out), toks(text))[1])
    damaged_total, restored, broken, changed = acc
    print("== seeds 001-004 spun with the lexicon's habits, restored (mechanics check)")
    print(f"  damaged tokens {damaged_total}, restored {restored}, broken {broken}")
    print(f"  error reduction {(restored - broken) / max(damaged_total, 1):.3f}")
    print(f"  edit precision  {restored / max(changed, 1):.3f}")

    # --- clean text
    clean_texts += [(Path(s).name, t) for s, t in zip(seeds[1:], clean_seeds, strict=True)]
    clean_texts += icdar_gold(args.icdar, args.limit)
    for f in sorted(glob.glob(str(ROOT / "benchmarks/suites/clean/*.clean.txt"))):
        clean_texts.append((f"clean/{Path(f).name}", Path(f).read_text(encoding="utf-8")))
    total = chg = 0
    scores = []
    for name, text in clean_texts:
        out, score = run(text)
        n = changed_tokens(toks(text), toks(out))
        total += len(toks(text))
        chg += n
        scores.append((score, name))
        if n and args.verbose:
            print(f"  changed {n} in {name}")
    print(f"== clean text ({len(clean_texts)} texts, {total} tokens)")
    print(f"  broken per 1,000 clean tokens {1000 * chg / max(total, 1):.2f}")
    scores.sort(reverse=True)
    print(
        f"== document spin scores: seed 000 {run(spun)[1]:.3f}; clean max {scores[0][0]:.3f} "
        f"({scores[0][1]}), median {scores[len(scores) // 2][0]:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
