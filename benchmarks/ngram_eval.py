"""Vocabulary coverage and real-word-error discrimination of the period n-gram table.

    python benchmarks/ngram_eval.py [--split dev|test|all] [--data DIR] [--show N]
    python benchmarks/ngram_eval.py --icdar ../shared/data/ocr/icdar2017_eng_monograph

Reads ``allArticles.txt`` of ``../shared/data/ocr/overproof_smh`` in place (never copied;
nothing from it is shipped or used to build the table).  Articles are split as in
``benchmarks/smh_eval.py`` of the OCR work: CRC32 of the NLA article id, even -> ``dev``,
odd -> ``test``.  Tune on dev only.

1. **OOV rate** of the gold text's word tokens (letters and apostrophes; lower-cased;
   line-end hyphens joined) for: the pocketsphinx LM vocabulary, wordfreq
   (``zipf_frequency > 0``), this table (``known``), and their unions.
2. **Real-word OCR errors.**  Raw and gold word tokens of each line are aligned
   (difflib); every 1:1 substitution whose OCR form is itself a word (wordfreq Zipf
   >= 2.5) and differs from the gold beyond case is a test pair ("horn"/"from").
   A scorer wins a pair when it scores the gold word above the OCR word in the
   gold context (one word either side; pocketsphinx gets two on the left).  Ties count
   half.  Scorers: wordfreq Zipf (no context), pocketsphinx trigram, this table's
   ``context_score``, the sum of the two, their interpolation ``mixed_context_score``,
   and either plus ``case_logprob`` of the OCR token's capital (not at a line start).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import zlib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from repair.bench.suites import shared_dir  # noqa: E402
from repair.resources.lm import get_lm  # noqa: E402
from repair.score.ngrams import LM_WEIGHT, get_ngrams, mixed_context_score  # noqa: E402
from repair.text_utils import window  # noqa: E402

DEFAULT_DATA = shared_dir() / "data/ocr/overproof_smh"
HEADER = "*$*OVERPROOF*$*"
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*\n[ \t]*(?=\w)")


def split_of(ident: str) -> str:
    return "dev" if zlib.crc32(ident.encode()) % 2 == 0 else "test"


def load(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """Articles as (id, [(raw line, gold line)])."""
    arts: list[tuple[str, list[tuple[str, str]]]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith(HEADER):
            arts.append((line.split()[1], []))
            continue
        parts = line.split("||@@||")
        if arts and len(parts) == 3:
            arts[-1][1].append((parts[0], parts[1]))
    return arts


def oov_table(arts: list[tuple[str, list[tuple[str, str]]]]) -> list[str]:
    from wordfreq import zipf_frequency

    lm, ng = get_lm(), get_ngrams()
    toks: Counter[str] = Counter()
    for _id, lines in arts:
        gold = _HYPHEN_BREAK.sub(r"\1", "\n".join(g for _r, g in lines))
        toks.update(w.lower().replace("\u2019", "'") for w in _WORD.findall(gold))
    checks = {
        "pocketsphinx LM vocab": lambda w: lm.known(w),
        "wordfreq (zipf > 0)": lambda w: zipf_frequency(w, "en") > 0,
        "period table (known)": ng.known,
        "period names (is_name)": ng.is_name,
    }
    has = {name: {w for w in toks if f(w)} for name, f in checks.items()}
    p, wf, ours, names = has.values()
    rows = {
        **has,
        "wordfreq + pocketsphinx": wf | p,
        "wordfreq + period table": wf | ours,
        "wordfreq + period table + names": wf | ours | names,
        "all": wf | p | ours | names,
    }
    n_tok, n_typ = sum(toks.values()), len(toks)
    out = [
        f"gold word tokens: {n_tok}, types: {n_typ}",
        "",
        "| vocabulary | OOV tokens | OOV types |",
        "|---|---|---|",
    ]
    for name, known in rows.items():
        miss = [w for w in toks if w not in known]
        mt = sum(toks[w] for w in miss)
        out.append(f"| {name} | {100 * mt / n_tok:.2f} % | {100 * len(miss) / n_typ:.2f} % |")
    errs: Counter[str] = Counter()
    for _id, lines in arts:
        for raw, gold in lines:
            r, g = _WORD.findall(raw), _WORD.findall(gold)
            sm = difflib.SequenceMatcher(a=g, b=r, autojunk=False)
            for op, a0, a1, b0, b1 in sm.get_opcodes():
                if op == "replace" and a1 - a0 == b1 - b0:
                    errs.update(
                        rw.lower()
                        for gw, rw in zip(g[a0:a1], r[b0:b1], strict=True)
                        if gw.lower() != rw.lower()
                    )
    n_err = sum(errs.values())
    out += ["", f"OCR-damaged word tokens (1:1 substitutions, raw != gold): {n_err}", ""]
    out += ["| vocabulary | accepted as words (lower is better) |", "|---|---|"]
    for name, f in checks.items():
        acc = sum(c for w, c in errs.items() if f(w))
        out.append(f"| {name} | {100 * acc / max(n_err, 1):.1f} % |")
    only = sorted((wf | p) ^ (wf | p | ours), key=lambda w: -toks[w])
    out.append("")
    out.append(f"types known only to the period table ({len(only)}): " + ", ".join(only[:40]))
    only_n = sorted((wf | p | ours) ^ (wf | p | ours | names), key=lambda w: -toks[w])
    out.append(f"types known only as period names ({len(only_n)}): " + ", ".join(only_n[:40]))
    still = sorted((w for w in toks if w not in wf | p | ours | names), key=lambda w: -toks[w])
    out.append(f"types unknown to all ({len(still)}): " + ", ".join(still[:40]))
    return out


def error_pairs(arts: list[tuple[str, list[tuple[str, str]]]]) -> list[tuple[list[str], int, str]]:
    """(gold words of the line, index, OCR word) for real-word substitutions."""
    from wordfreq import zipf_frequency

    pairs = []
    for _id, lines in arts:
        for raw, gold in lines:
            r, g = _WORD.findall(raw), _WORD.findall(gold)
            sm = difflib.SequenceMatcher(a=g, b=r, autojunk=False)
            for op, a0, a1, b0, b1 in sm.get_opcodes():
                if op != "replace" or a1 - a0 != b1 - b0:
                    continue
                for k in range(a1 - a0):
                    gw, rw = g[a0 + k], r[b0 + k]
                    if gw.lower() != rw.lower() and zipf_frequency(rw, "en") >= 2.5:
                        pairs.append((g, a0 + k, rw))
    return pairs


def discrimination(pairs: list[tuple[list[str], int, str]], show: int = 0) -> list[str]:
    from wordfreq import zipf_frequency

    lm, ng = get_lm(), get_ngrams()

    def ps(ctx: list[str], i: int, w: str) -> float:
        left = window(ctx, i)[0]
        s = lm.logprob(w, left)
        if i + 1 < len(ctx):
            s += lm.logprob(ctx[i + 1], [*left[-1:], w])
        return s

    def ours(ctx: list[str], i: int, w: str) -> float:
        left = ctx[i - 1] if i else None
        right = ctx[i + 1] if i + 1 < len(ctx) else None
        return ng.context_score(left, w, right)

    def mixed(ctx: list[str], i: int, w: str) -> float:
        right = ctx[i + 1] if i + 1 < len(ctx) else None
        return mixed_context_score(window(ctx, i)[0], w, right)

    def case(w: str, observed: str, i: int) -> float:
        # the OCR token's case, judged for each candidate (not at the line start)
        if i == 0 or observed.isupper():
            return 0.0
        return ng.case_logprob(w, observed[0].isupper())

    scorers = {
        "wordfreq Zipf (no context)": lambda c, i, w, o: zipf_frequency(w, "en"),
        "pocketsphinx trigram (2 left, 1 right)": lambda c, i, w, o: ps(c, i, w),
        "period table context_score (1 left, 1 right)": lambda c, i, w, o: ours(c, i, w),
        "sum of the two log scores": lambda c, i, w, o: ps(c, i, w) + ours(c, i, w),
        f"mixed_context_score (lam {LM_WEIGHT})": lambda c, i, w, o: mixed(c, i, w),
        "pocketsphinx + case_logprob": lambda c, i, w, o: ps(c, i, w) + case(w, o, i),
        "mixed_context_score + case_logprob": lambda c, i, w, o: mixed(c, i, w) + case(w, o, i),
    }
    wins = dict.fromkeys(scorers, 0.0)
    shown = 0
    for ctx, i, wrong in pairs:
        gold = ctx[i]
        for name, f in scorers.items():
            a, b = f(ctx, i, gold, wrong), f(ctx, i, wrong, wrong)
            wins[name] += 1.0 if a > b else 0.5 if a == b else 0.0
        if shown < show and ours(ctx, i, gold) <= ours(ctx, i, wrong):
            shown += 1
            print(f"  lost: {' '.join(ctx[max(0, i - 2) : i + 3])!r}: {gold} vs {wrong}")
    n = len(pairs)
    out = [f"real-word OCR substitutions: {n}", "", "| scorer | gold ranked above OCR word |"]
    out.append("|---|---|")
    for name, v in wins.items():
        out.append(f"| {name} | {100 * v / max(n, 1):.1f} % |")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--show", type=int, default=0, help="print N pairs the table loses")
    ap.add_argument(
        "--icdar", type=Path, help="measure the ICDAR 2017 monograph folder instead (all files)"
    )
    args = ap.parse_args(argv)
    if args.icdar:
        from repair.bench.suites import icdar_pairs

        files = sorted(args.icdar.glob("*.txt"))
        arts = [(f.stem, [(p.damaged, p.clean) for p in icdar_pairs(f, None)[0]]) for f in files]
        print(f"ICDAR 2017 monographs: {len(arts)} files\n")
    else:
        arts = load(args.data / "allArticles.txt")
        arts = [a for a in arts if args.split in ("all", split_of(a[0]))]
        print(f"SMH {args.split}: {len(arts)} articles\n")
    print("\n".join(oov_table(arts)))
    print()
    print("\n".join(discrimination(error_pairs(arts), args.show)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
