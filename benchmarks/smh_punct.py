"""SMH errors by class, punctuation and spacing first: raw OCR vs `repair` vs OverProof.

    python benchmarks/smh_punct.py [--split dev] [--top 20] [--examples CLASS ...]

Dev half only by default (tune there; see ``smh_eval.py``).  Each article's raw OCR, our
repair of it and OverProof's output are normalised as ``smh_eval.py`` does, tokenised as
its WER counts (:func:`repair.bench.metrics.token_seq`: a token carries a leading space
when one preceded it, so "word ," and "word," differ) and aligned to the gold
(:func:`repair.bench.metrics._opcodes`).  Each changed block is classed, and counted as
its token errors (the longer side):

* ``P+ 'x'`` / ``P- 'x'``: only marks, the system has them and the gold not / the reverse
  (a speck read as a mark; a lost comma or stop);
* ``Pspace``: the same marks, spaced differently ("Sir,-The" for "Sir, - The");
  ``Psub``: other marks;
* ``W+mark`` / ``W-mark`` / ``Wspace``: the same words, with extra marks, missing marks or
  other spacing (a mark glued to a word's start: "short 'extensions");
* ``case``: the same words in another case; ``split`` / ``merge``: the same letters as
  more / fewer words; ``word+`` / ``word-``: words with no gold / gold words with none;
  ``more-words`` / ``fewer-words`` / ``subst``: other changes.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.smh_eval import DEFAULT_DATA, load, normalise, split_of  # noqa: E402
from repair.bench.metrics import _opcodes, token_seq  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402

_WORD = re.compile(r"\w")


def _strip(toks: tuple[str, ...] | list[str]) -> list[str]:
    return [t.strip() for t in toks]


def block_class(hyp: tuple[str, ...], gold: tuple[str, ...]) -> str:
    """Class of one changed block (``hyp`` tokens aligned to ``gold`` tokens)."""
    hp = [t for t in hyp if not _WORD.search(t)]
    gp = [t for t in gold if not _WORD.search(t)]
    hw = [t for t in hyp if _WORD.search(t)]
    gw = [t for t in gold if _WORD.search(t)]
    if not hw and not gw:
        if not gold:
            return f"P+ '{hyp[0].strip()}'"
        if not hyp:
            return f"P- '{gold[0].strip()}'"
        return "Pspace" if _strip(hyp) == _strip(gold) else "Psub"
    if _strip(hw) == _strip(gw):
        if hp and not gp:
            return "W+mark"
        if gp and not hp:
            return "W-mark"
        return "Wspace" if _strip(hp) == _strip(gp) else "Wmarkmix"
    if [t.lower() for t in _strip(hw)] == [t.lower() for t in _strip(gw)]:
        return "case"
    if not hw:
        return "word-"
    if not gw:
        return "word+"
    if "".join(_strip(hw)) == "".join(_strip(gw)):
        return "split" if len(hw) > len(gw) else "merge"
    if len(hw) != len(gw):
        return "more-words" if len(hw) > len(gw) else "fewer-words"
    return "subst"


def classes(hyp_text: str, gold_text: str, examples: dict[str, list[str]] | None = None) -> Counter:
    """Token errors of ``hyp_text`` against ``gold_text`` by class."""
    h, g = token_seq(normalise(hyp_text)).toks, token_seq(normalise(gold_text)).toks
    out: Counter = Counter()
    for tag, i1, i2, j1, j2 in _opcodes(h, g):
        if tag == "equal":
            continue
        k = block_class(h[i1:i2], g[j1:j2])
        out[k] += max(i2 - i1, j2 - j1)
        if examples is not None:
            ctx = (
                f"{''.join(h[max(0, i1 - 3) : i2 + 3])}  ||  {''.join(g[max(0, j1 - 3) : j2 + 3])}"
            )
            examples.setdefault(k, []).append(ctx)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--top", type=int, default=20, help="classes shown (by our count)")
    ap.add_argument("--examples", nargs="*", default=[], help="classes to show examples of")
    args = ap.parse_args(argv)
    path = args.data / "allArticles.txt" if args.data.is_dir() else args.data
    if not path.is_file():
        print(f"smh_punct: {path} not found (pass --data)", file=sys.stderr)
        return 1
    arts = [a for a in load(path) if args.split == "all" or split_of(a.ident) == args.split]
    tot = {"raw": Counter(), "ours": Counter(), "op": Counter()}
    ex: dict[str, list[str]] = {}
    for a in arts:
        ours = repair_text(a.raw, config=RepairConfig()).text
        tot["raw"] += classes(a.raw, a.gold)
        tot["ours"] += classes(ours, a.gold, ex)
        tot["op"] += classes(a.overproof, a.gold)
    keys = sorted(set().union(*tot.values()), key=lambda k: (-tot["ours"][k], k))
    print(f"| class (SMH {args.split}, token errors) | raw OCR | `repair` | OverProof |")
    print("|---|---|---|---|")
    for k in keys[: args.top]:
        print(f"| {k} | {tot['raw'][k]} | {tot['ours'][k]} | {tot['op'][k]} |")
    print(f"| total | {sum(tot['raw'].values())} | {sum(tot['ours'].values())} "
          f"| {sum(tot['op'].values())} |")  # fmt: skip
    for k in args.examples:
        print(f"\n== {k} (ours || gold)")
        for line in ex.get(k, [])[:20]:
            print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
