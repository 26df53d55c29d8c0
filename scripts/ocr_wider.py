"""Evidence the trigram lacks, screened on labelled OCR readings (session 37, issue 12).

    python scripts/ocr_wider.py extend ROWS.jsonl OUT.jsonl [--source smh|icdar]
    python scripts/ocr_wider.py screen SMH.jsonl ICDAR.jsonl [--features a,b] [--lower]

``extend`` adds to each reading of ``scripts/ocr_weigh.py rows`` (one word printed, one
word read) the features below; ``screen`` replays the margin rule (``ocr_weigh.decide``)
with one feature at a time at a grid of weights, and reports right spans / broken on the
two SMH dev halves (``ocr_ablation.dev_half``) and ICDAR 1-80, then the weights fitted on
each dev half scored on the other half and on ICDAR.

Features (reading less print, nats):

* ``gb_l`` / ``gb_r`` / ``gb``: the book-register bigram counts
  (:mod:`repair.resources.bigrams`): ln P(w | left), ln P(right | w) - ln P(right), both;
  a side whose neighbour is not a word of letters is 0.
* ``gb_min``: the smaller of ``gb_l`` and ``gb_r`` (a second vote on both sides).
* ``tri_l`` / ``tri_r``: the trigram's gain split by side: the left-context-only gain and
  the rest; ``tri_min`` the smaller of the two (both-sides agreement).
* ``both``: 1 when the reading beats the print on the trigram's left and right sides
  and the bigram counts' (each side that has a neighbour).
* ``pd_l``/``pd_r``/``pd_min``: the period bigrams (:mod:`repair.score.ngrams`) by side.
* ``page_pair``: log(1 + times the page prints the reading next to the same left or right
  neighbour elsewhere).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

FEATS = ("gb_l", "gb_r", "gb", "gb_min", "tri_l", "tri_r", "tri_min", "both",
         "pd_l", "pd_r", "pd_min", "page_pair")  # fmt: skip
_W = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def _word(w: str | None) -> str | None:
    if not w:
        return None
    w = w.lower().replace("\u2019", "'").strip(".,;:'\"!?()")
    return w if w and w.replace("'", "").isalpha() else None


def _page_pairs(text: str) -> tuple[Counter[str], Counter[str]]:
    words = [w.lower() for w in _W.findall(text)]
    return Counter(zip(words, words[1:], strict=False)), Counter(words)  # type: ignore[arg-type]


def features(o: dict[str, Any], orig: str, pairs: Counter | None) -> dict[str, float]:
    from repair.resources.bigrams import get_bigrams
    from repair.resources.lm import get_lm
    from repair.score.ngrams import get_ngrams

    z = dict.fromkeys(FEATS, 0.0)
    a, p = _word(o["repl"]), _word(orig)
    if a is None or p is None or " " in o["repl"].strip():
        return z
    bg, lm, pdt = get_bigrams(), get_lm(), get_ngrams()
    left = _word(o["prev"][-1]) if o["prev"] else None
    right = _word(o["nxt"][0]) if o["nxt"] else None
    if left:
        z["gb_l"] = bg.logprob_next(left, a) - bg.logprob_next(left, p)
        z["pd_l"] = pdt.context_score(left, a, None) - pdt.context_score(left, p, None)
    if right:
        z["gb_r"] = bg.logprob_next(a, right) - bg.logprob_next(p, right)
        z["pd_r"] = (pdt.context_score(None, a, right) - pdt._uni_lp(pdt.word_id(a))) - (
            pdt.context_score(None, p, right) - pdt._uni_lp(pdt.word_id(p))
        )
    z["gb"] = z["gb_l"] + z["gb_r"]
    z["gb_min"] = min(z["gb_l"], z["gb_r"]) if left and right else (z["gb_l"] or z["gb_r"])
    z["pd_min"] = min(z["pd_l"], z["pd_r"]) if left and right else (z["pd_l"] or z["pd_r"])
    prev = list(o["prev"])
    tl = lm.sequence_logprob((o["repl"],), prev) - lm.sequence_logprob((orig,), prev)
    z["tri_l"] = tl
    z["tri_r"] = o["gain"] - tl
    z["tri_min"] = min(tl, o["gain"] - tl) if o["nxt"] else tl
    sides_ok = tl > 0 and (not o["nxt"] or o["gain"] - tl > 0)
    gb_ok = (not left or z["gb_l"] > 0) and (not right or z["gb_r"] > 0)
    z["both"] = float(sides_ok and gb_ok and (left is not None or right is not None))
    if pairs is not None:
        n = 0
        if left:
            n += pairs.get((left, a), 0)
        if right:
            n += pairs.get((a, right), 0)
        z["page_pair"] = math.log1p(n)
    return z


def extend(src: Path, out: Path, source: str) -> None:
    texts: dict[str, str] = {}
    if source == "smh":
        from benchmarks.smh_eval import DEFAULT_DATA, load

        path = DEFAULT_DATA / "allArticles.txt" if DEFAULT_DATA.is_dir() else DEFAULT_DATA
        texts = {a.ident: a.raw for a in load(path)}
    else:
        from ocr_eval import load_icdar

        from repair.bench.suites import shared_dir

        folder = shared_dir() / "data" / "ocr" / "icdar2017_eng_monograph"
        for p in folder.glob("*.txt"):
            if p.stem.isdigit() and 1 <= int(p.stem) <= 80:
                texts[p.stem] = load_icdar(p)[0]
    pages: dict[str, Counter] = {}
    with out.open("w", encoding="utf-8") as fh:
        for line in src.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            raw = texts[r["group"]]
            s, e = r["span"]
            orig = raw[s:e]
            if r["group"] not in pages:
                pages[r["group"]] = _page_pairs(raw)[0]
            pairs = Counter(pages[r["group"]])
            # the span's own pairs do not count
            for o in r["options"]:
                o.setdefault("orig_text", orig)
                o["x"].update(features(o, orig, pairs))
            fh.write(json.dumps(r) + "\n")


def _lower(r: dict[str, Any]) -> bool:
    return any(o["repl"][:1].islower() for o in r["options"])


def screen(smh: Path, icdar: Path, names: list[str], lower: bool, weights: list[float]) -> None:
    from ocr_ablation import dev_half
    from ocr_weigh import fit, tally

    rows = [json.loads(x) for x in smh.read_text(encoding="utf-8").splitlines()]
    ic = [json.loads(x) for x in icdar.read_text(encoding="utf-8").splitlines()]
    if lower:
        rows, ic = [r for r in rows if _lower(r)], [r for r in ic if _lower(r)]
    parts = {
        "deva": [r for r in rows if dev_half(r["group"]) == "deva"],
        "devb": [r for r in rows if dev_half(r["group"]) == "devb"],
        "icdar": ic,
    }
    base = {k: tally(v, {}) for k, v in parts.items()}
    print("base (right, fixed, broken):", base)
    for n in names:
        cells = []
        for wt in weights:
            got = {k: tally(v, {n: wt}) for k, v in parts.items()}
            d = " ".join(
                f"{k[-1] if k != 'icdar' else 'I'}"
                f"{got[k][0] - base[k][0]:+d}/{got[k][2] - base[k][2]:+d}"
                for k in parts
            )
            cells.append(f"{wt:+g}: {d}")
        print(f"{n}: " + " | ".join(cells))
    for a, b in (("deva", "devb"), ("devb", "deva")):
        w = fit(parts[a], names)
        print(f"fit {a} {w}: {b} {base[b]} -> {tally(parts[b], w)}; icdar {base['icdar']} -> "
              f"{tally(parts['icdar'], w)}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("extend")
    e.add_argument("src", type=Path)
    e.add_argument("out", type=Path)
    e.add_argument("--source", choices=("smh", "icdar"), default="smh")
    s = sub.add_parser("screen")
    s.add_argument("smh", type=Path)
    s.add_argument("icdar", type=Path)
    s.add_argument("--features", default=",".join(FEATS))
    s.add_argument("--lower", action="store_true")
    s.add_argument("--choice-only", action="store_true")
    s.add_argument("--weights", default="-1,-0.5,-0.25,0.1,0.25,0.5,1,2")
    args = ap.parse_args(argv)
    if args.cmd == "extend":
        extend(args.src, args.out, args.source)
    else:
        import ocr_weigh

        ocr_weigh.CHOICE_ONLY[0] = args.choice_only
        weights = [float(x) for x in args.weights.split(",")]
        names = [x for x in args.features.split(",") if x]
        screen(args.smh, args.icdar, names, args.lower, weights)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
