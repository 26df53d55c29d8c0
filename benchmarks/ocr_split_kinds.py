"""The split and merged SMH words we leave, by kind, and what a general method reaches.

    python benchmarks/ocr_reach.py --dump errors.jsonl        # dev half
    python benchmarks/ocr_split_kinds.py errors.jsonl [--examples]

Takes the ``boundary`` class of ``ocr_left.py`` (an error whose print is two tokens for
one gold word, ``merge``, or one token for two gold words, ``split``, that no applied
edit touches) and puts each in the first kind that applies (:func:`kind_of`):

* ``split, pieces join``: the two pieces joined are the gold ("Ray son");
* ``split possessive``: a word and a lone "s" ("John s" for "John's");
* ``stray glyph``: a lone glyph (a letter or digit) beside a word nearer the gold than
  the two joined ("1 believe", "I rected");
* ``garbled split``: the pieces joined are a misreading of the gold ("f Mowing");
* ``run together`` / ``run together, garbled``: one token for two words, its letters the
  gold's letters / a misreading of them ("thejanalysis", "tlioprosoat");
* ``word missing``: one token for two words, far shorter than both ("At" for "of fact":
  the print lost a word, no boundary method reaches it).

Splits across a line end and hyphenated golds are not in the dump (its errors are per
printed line, its golds letters only): they count 0 here.

Per kind: words, letters (case-blind distance of print and gold), words OverProof gets
right, words whose gold the pipeline built and the scorer declined (``built``), and the
words a general method reaches: the learned channel's readings of the
joined pieces (``channel``: :func:`repair.candidates.ocr_garbled_join._readings` or
the far search), the page printing the gold elsewhere (``page``), and the page-far
reading of the joined pieces (``page-far``: :func:`repair.candidates.ocr_pagefar.page_far_reading`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.ocr_left import distance, left_class  # noqa: E402

KINDS = (
    "split, pieces join",
    "split possessive",
    "stray glyph",
    "garbled split",
    "run together",
    "run together, garbled",
    "word missing",
)


def _letters(s: str) -> str:
    return "".join(ch for ch in s if ch.isalpha())


def kind_of(raw: str, gold: str) -> str:
    """The kind of one boundary error (module doc)."""
    rp, gp = raw.split(), gold.split()
    if len(rp) == 2:
        a, b = rp
        if (a + b).lower() == gold.lower():
            return "split, pieces join"
        if b.lower() == "s" and gold.lower().endswith("'s"):
            return "split possessive"
        for lone, word in ((a, b), (b, a)):
            if len(lone) == 1 and distance(word, gold) < distance(a + b, gold):
                return "stray glyph"
        return "garbled split"
    joined = "".join(gp)
    letters = _letters(raw)
    if letters.lower() == joined.lower():
        return "run together"
    if len(letters) >= 0.7 * len(joined) and distance(letters, joined) <= 0.6 * len(joined):
        return "run together, garbled"
    return "word missing"


def reach(raw: str, gold: str, page_words: Counter[str]) -> set[str]:
    """The general methods whose reading of the print gives the gold (module doc)."""
    from repair.candidates.ocr_far import far_readings
    from repair.candidates.ocr_garbled_join import _readings
    from repair.candidates.ocr_pagefar import _targets, page_far_reading

    got: set[str] = set()
    g = gold.lower()
    if page_words[g] > 0:
        got.add("page")
    if len(raw.split()) != 2:
        return got
    joined = _letters(raw)
    if not joined:
        return got
    reads = {c.text.lower() for c in _readings(joined)}
    if joined[1:].islower() or joined.islower():
        reads |= {c.text.lower() for c in far_readings(joined.lower())[:2]}
    if g in reads:
        got.add("channel")
    if len(joined) >= 4:
        found = page_far_reading(joined, _targets(page_words))
        if found and found[0] == g:
            got.add("page-far")
    return got


def main(argv: list[str] | None = None) -> int:
    from benchmarks.smh_eval import DEFAULT_DATA, load
    from repair.tokenize import tokenize

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump", type=Path)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--examples", action="store_true")
    args = ap.parse_args(argv)
    rows = [json.loads(x) for x in args.dump.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if left_class(r) == "boundary"]
    path = args.data / "allArticles.txt" if args.data.is_dir() else args.data
    raws = {a.ident: a.raw for a in load(path)}
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        k = kind_of(r["raw"], r["gold"])
        words = Counter(t.text for t in tokenize(raws.get(r["art"], "")) if t.kind == "word")
        methods = reach(r["raw"], r["gold"], words)
        s = stats[k]
        s["words"] += 1
        s["letters"] += distance(r["raw"], r["gold"])
        s["op"] += bool(r["op_fixed"])
        s["built"] += r["state"] == "rejected"
        for m in methods:
            s[m] += 1
        examples[k].append(f"{r['raw']!r} -> {r['gold']!r} {sorted(methods)}")
    cols = ("words", "letters", "op", "built", "channel", "page", "page-far")
    print(f"| kind | {' | '.join(cols)} |\n|---|" + "---|" * len(cols))
    tot: Counter[str] = Counter()
    for k in KINDS:
        tot.update(stats[k])
        print(f"| {k} | " + " | ".join(str(stats[k][c]) for c in cols) + " |")
    print("| all | " + " | ".join(str(tot[c]) for c in cols) + " |")
    if args.examples:
        for k in KINDS:
            print(f"\n== {k}")
            for line in examples[k]:
                print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
