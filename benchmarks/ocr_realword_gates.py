"""Which gate drops each real-word SMH dev error (a known word printed for another).

    python benchmarks/ocr_realword_gates.py [--reach FILE] [--examples N]

Reads the errors of ``ocr_reach.py --dump FILE`` (run it first; dev half only, the test
half is never read) and, for each error of class ``real`` that is not fixed, names the
first gate of the real-word path (:mod:`repair.candidates.ocr_realword`, called from
:mod:`repair.candidates.ocr`) that stops it:

* ``clean``: the garble gate is shut on the page; ``flagged``: the detector owns the token
  (another path reads it); ``elided``: a "'" follows; ``lone``: one letter;
* ``shape``: not a plain word (mixed case, digits), ``archaic``, ``frequent`` (Zipf above
  the printed-word bound), ``names`` (a name the page repeats), ``piece`` (half of a
  line-broken word, a piece of a compound);
* ``case``: the gold word needs another case than the printed one ("Mas" -> "was");
* ``unreached:C``: the learned confusions do not reach the gold word within the path's
  bounds (C: its cost in a wider walk, or ``-``); ``rare``: the reading is too rare or
  unknown to the period table; ``truncated``: beyond :data:`MAX_READINGS`;
* ``named``: a capitalised word in a name's place, and the reading is no common word;
* ``built``: a reading is built (then it was rejected by the scorer: margin below the
  threshold, or another reading won); ``built-name``: the same for a name the page
  repeats (read on a name's margin).

Printed per capitalised / lower-case printed form, with OverProof's share.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from benchmarks.smh_eval import DEFAULT_DATA, load, split_of  # noqa: E402
from repair.candidates import ocr as ocr_mod  # noqa: E402
from repair.candidates import ocr_realword as rw  # noqa: E402
from repair.detect.ocr import detect_ocr  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402
from repair.score.ocr_channel import ARCHAIC_WORDS, confusion_variants, vocabulary_prefixes  # noqa: E402
from repair.tokenize import tokenize  # noqa: E402


def gate_of(
    toks: list, i: int, gold: str, names: frozenset[str], flagged: set[int], heavy: bool, text: str
) -> str:
    """The first real-word gate that stops token ``i`` from a ``gold`` reading."""
    tok = toks[i]
    w = tok.text
    if tok.start in flagged:
        return "flagged"
    if text[tok.end : tok.end + 1] in ("'", "’"):
        return "elided"
    if len(w) < 2:
        return "lone"
    if not w.isalpha() or not w[1:].islower():
        return "shape"
    low = w.lower()
    if low in ARCHAIC_WORDS:
        return "archaic"
    orig_max = rw.ORIG_MAX_ZIPF if heavy else rw.LIGHT_ORIG_MAX_ZIPF
    if zipf(low) >= orig_max:
        return "frequent"
    named = w[0].isupper() and w in names
    if named and not (getattr(rw, "NAMES_SOFT", False) and heavy):
        return "names"
    if rw.line_broken_piece(toks, i) or (rw.compound_piece(toks, i)):
        return "piece"
    if gold[:1].isupper() != w[:1].isupper():
        glyphs = getattr(rw, "CASE_GLYPHS", False) and w[:1].isupper()
        if not glyphs:
            return "case"
        low = gold[:1].lower() + gold[1:]
        if low not in rw._variants(w, rw.MAX_COST, rw.MAX_SUBS if heavy else rw.LIGHT_MAX_SUBS):
            return "case"  # no capital glyph the table reads as the gold's letters
        gold = low
    max_subs = rw.MAX_SUBS if heavy else rw.LIGHT_MAX_SUBS
    var = rw._variants(w, rw.MAX_COST, max_subs)
    if gold not in var and gold not in [r[1] for r in rw._readings(w, heavy)]:
        wide = confusion_variants(w, vocabulary_prefixes(), 9.0, 3)
        c = wide.get(gold)
        return f"unreached:{'-' if c is None else f'{c[0]:.0f}'}"
    target_min = rw.TARGET_MIN_ZIPF if heavy else rw.LIGHT_TARGET_MIN_ZIPF
    if zipf(gold.lower()) < target_min or not rw._period_target(gold):
        return "rare"
    if gold not in [r[1] for r in rw._readings(w, heavy)]:
        return "truncated"
    if w[0].isupper() and ocr_mod._name_context(toks, i):
        if not rw.named_realword_candidates(toks, i, names, heavy):
            return "named"
    return "built-name" if named else "built"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reach", type=Path, required=True, help="ocr_reach.py --dump output")
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args(argv)
    rows = [json.loads(x) for x in args.reach.read_text(encoding="utf-8").splitlines()]
    every = load(DEFAULT_DATA / "allArticles.txt")
    arts = {a.ident: a for a in every if split_of(a.ident) == "dev"}
    by_art: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["cls"] == "real" and r["state"] != "fixed":
            by_art[r["art"]].append(r)
    table: Counter[tuple[str, str, str]] = Counter()
    ex: dict[tuple[str, str], list[str]] = defaultdict(list)
    for ident, errs in by_art.items():
        text = arts[ident].raw
        toks = tokenize(text)
        det = detect_ocr(text, toks)
        flagged = {f.start for f in det.findings if f.reason != "realword_suspect"}
        counts = Counter(t.text for t in toks if t.kind == "word")
        names = rw.document_names(toks, counts)
        at = {t.start: k for k, t in enumerate(toks)}
        for r in errs:
            cap = "cap" if r["raw"][:1].isupper() else "low"
            if r["page"] == "clean":
                gate = "clean"
            elif r["start"] not in at or " " in r["gold"]:
                gate = "other"
            else:
                gate = gate_of(
                    toks, at[r["start"]], r["gold"], names, flagged, r["page"] == "heavy", text
                )
            key = gate.split(":")[0] if not gate.startswith("unreached") else gate
            table[(cap, key, r["state"])] += 1
            ex[(cap, key)].append(f"{r['raw']}->{r['gold']}{'*' if r['op_fixed'] else ''}")
    for cap in ("cap", "low"):
        print(f"\n{cap}: gate, state, errors")
        tot = Counter()
        for (c, g, s), n in sorted(table.items(), key=lambda kv: -kv[1]):
            if c == cap:
                print(f"  {g:16} {s:10} {n:5}")
                tot[g] += n
        print("  by gate:", dict(tot.most_common()))
        if args.examples:
            for (c, g), lst in sorted(ex.items()):
                if c == cap:
                    print(f"  {g}: {' '.join(lst[: args.examples])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
