"""Reach of the OCR candidates on SMH: is the gold word among them, and at which rank?

    python benchmarks/ocr_reach.py [--split dev] [--limit N] [--examples N] [--class NAME]

Dev half only by default (tune there; see ``smh_eval.py``).  Each article's raw OCR is
repaired as ``smh_eval.py`` does, while every candidate the ocr stage builds (first and
second reading, page habits included) is recorded with its last decision.  Each
printed line is aligned to its gold line by tokens (:func:`repair.bench.metrics._opcodes`);
every one-token substitution of a word ("Sydnoy" for "Sydney"), and every one-to-two or
two-to-one run (a merged or split word), is an *error*.  Per error:

* ``fixed``: the applied edits over the token give the gold reading (any case);
* ``rejected``: a candidate gives it, the scorer turned it down (or preferred another);
* ``unreached``: the token has candidates, none gives the gold reading;
* ``no-cand``: the token has no candidate at all.

Errors are classed by the printed form (``lower`` non-word, ``cap`` capitalised
non-word, ``caps`` all capitals, ``real`` a known word, ``split``/``merge``) and by
whether the gold word is a dictionary target, a period name, or neither (``oov``: no
search over the dictionary can reach it).  ``op`` counts the errors OverProof fixes.
Recall@k counts the errors whose gold reading is among the k cheapest candidates of
the token (channel cost).  ``--examples N`` prints unreached errors OverProof fixes.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.smh_eval import Article, add_selection_args, selected  # noqa: E402
from benchmarks.smh_gap import correct_gold  # noqa: E402
from repair.bench.metrics import _opcodes, token_seq  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.types import Candidate, Edit  # noqa: E402

KS = (1, 3, 10)


@dataclass
class ErrorCase:
    """One aligned OCR error of a printed line."""

    start: int  # code-point span of the printed token(s) in the article's raw text
    end: int
    raw: str
    gold: str
    cls: str
    target: str  # "word", "name" or "oov"
    op_fixed: bool


class _Recorder:
    """Patches the ocr stage to keep its candidates and edits (one article at a time)."""

    def __init__(self) -> None:
        import repair.score.ocr as score
        import repair.stages.ocr as stage

        self.cands: dict[int, Candidate] = {}
        self.decisions: dict[int, dict[str, object]] = {}
        self.edits: list[Edit] = []
        self.text = ""
        self.findings: dict[int, str] = {}
        self.page = ""
        decide_all, score_candidates = score._decide_all, stage.score_candidates
        ocr_candidates = stage.ocr_candidates

        def rec_cands(doc, detection, garbled):  # type: ignore[no-untyped-def]
            from repair.candidates.ocr import _heavy_gate, _old_print

            self.findings = {f.start: f.reason for f in detection.findings}
            heavy = garbled and detection.score >= _heavy_gate(doc.text)
            old = garbled and _old_print(doc, detection)
            self.page = "old" if old else "heavy" if heavy else "garbled" if garbled else "clean"
            return ocr_candidates(doc, detection, garbled)

        def rec_decide(scorer, ctx, candidates, garbled, memo):  # type: ignore[no-untyped-def]
            for c in candidates:
                self.cands.setdefault(id(c), c)
            groups = decide_all(scorer, ctx, candidates, garbled, memo)
            for k, c in enumerate(candidates):
                got = memo.get(k)  # the last decision of each candidate (margin, threshold)
                if got is not None:
                    self.decisions[id(c)] = got[2].evidence
            return groups

        def rec_score(doc, candidates, garbled, *rest):  # type: ignore[no-untyped-def]
            self.text = doc.text
            edits = score_candidates(doc, candidates, garbled, *rest)
            self.edits = list(edits)
            return edits

        score._decide_all = rec_decide
        stage.score_candidates = rec_score
        stage.ocr_candidates = rec_cands

    def reset(self) -> None:
        self.cands, self.edits, self.text, self.decisions = {}, [], "", {}


def _words(seq: tuple[str, ...]) -> list[str]:
    return [t.strip() for t in seq if any(ch.isalnum() for ch in t)]


def _target_kind(gold: str) -> str:
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_channel import is_target

    if all(is_target(w) or is_target(w.lower()) for w in gold.split()):
        return "word"
    if all(get_ngrams().is_name(w) or is_target(w.lower()) for w in gold.split()):
        return "name"
    return "oov"


def _class_of(raw: list[str], gold: list[str]) -> str:
    from repair.score.ocr_channel import is_known

    if len(raw) == 1 and len(gold) == 2:
        return "split"
    if len(raw) == 2 and len(gold) == 1:
        return "merge"
    r = raw[0]
    if is_known(r.lower()) and r.isalpha() and r.lower() != gold[0].lower():
        return "real"
    if r.isupper() and len(r) > 1:
        return "caps"
    if r[:1].isupper():
        return "cap"
    return "lower"


def _runs(raw: tuple[str, ...], gold: tuple[str, ...]) -> list[tuple[int, int, int, int]]:
    """The changed runs of a token alignment (adjacent changed opcodes merged)."""
    out: list[list[int]] = []
    for tag, i1, i2, j1, j2 in _opcodes(raw, gold):
        if tag == "equal":
            continue
        if out and out[-1][1] == i1 and out[-1][3] == j1:
            out[-1][1], out[-1][3] = i2, j2
        else:
            out.append([i1, i2, j1, j2])
    return [(a, b, c, d) for a, b, c, d in out]


def _pieces(raw: tuple[str, ...], gold: tuple[str, ...]) -> list[tuple[int, int, int, int]]:
    """The one-to-one, one-to-two and two-to-one errors: a changed run of that shape, or
    the one-to-one substitutions inside a longer run."""
    runs = _runs(raw, gold)
    out = []
    ops = [op for op in _opcodes(raw, gold) if op[0] == "replace"]
    for i1, i2, j1, j2 in runs:
        if (i2 - i1, j2 - j1) in ((1, 1), (1, 2), (2, 1)):
            out.append((i1, i2, j1, j2))
            continue
        for _tag, a1, a2, b1, b2 in ops:
            if i1 <= a1 and a2 <= i2 and a2 - a1 == 1 and b2 - b1 == 1:
                out.append((a1, a2, b1, b2))
    return out


def errors_of(art: Article) -> list[ErrorCase]:
    """The one-token and one-to-two errors of an article, per printed line."""
    out: list[ErrorCase] = []
    offset = 0
    raw_lines, gold_lines, op_lines = (x.split("\n") for x in (art.raw, art.gold, art.overproof))
    for k, line in enumerate(raw_lines):
        gold_line = gold_lines[k] if k < len(gold_lines) else ""
        op_line = op_lines[k] if k < len(op_lines) else ""
        rs, gs = token_seq(line), token_seq(gold_line)
        op_ok = correct_gold(token_seq(op_line).toks, gs.toks)  # gold tokens OverProof has
        for i1, i2, j1, j2 in _pieces(rs.toks, gs.toks):
            raw, gold = _words(rs.toks[i1:i2]), _words(gs.toks[j1:j2])
            if len(raw) != i2 - i1 or len(gold) != j2 - j1:
                continue  # punctuation in the run
            if not all(w.replace("'", "").isalpha() for w in gold):
                continue  # numbers
            if raw == gold:
                continue
            if [w.lower() for w in raw] == [w.lower() for w in gold]:
                continue  # case only (casing is not reach)
            cls = _class_of(raw, gold)
            start, end = rs.spans[i1][0] + offset, rs.spans[i2 - 1][1] + offset
            g = " ".join(gold)
            out.append(
                ErrorCase(
                    start,
                    end,
                    " ".join(raw),
                    g,
                    cls,
                    _target_kind(g),
                    all(op_ok[j1:j2]),
                )
            )
        offset += len(line) + 1
    return out


def _reading(text: str, start: int, end: int, repls: list[tuple[int, int, str]]) -> str:
    """``text[start:end]`` (widened to the replaced spans) with ``repls`` applied."""
    lo = min([start, *(s for s, _e, _r in repls)])
    hi = max([end, *(e for _s, e, _r in repls)])
    piece, shift = text[lo:hi], -lo
    for s, e, r in sorted(repls, key=lambda x: -x[0]):
        piece = piece[: s + shift] + r + piece[e + shift :]
    return piece


def _gives(text: str, err: ErrorCase, repls: list[tuple[int, int, str]]) -> bool:
    got = [w.lower() for w in _words(token_seq(_reading(text, err.start, err.end, repls)).toks)]
    gold = err.gold.lower().split()
    return any(got[i : i + len(gold)] == gold for i in range(len(got) - len(gold) + 1))


def _overlaps(s: int, e: int, err: ErrorCase) -> bool:
    return s < err.end and e > err.start


def analyse(
    arts: list[Article], examples: int, only: str | None, seed: int = 0, dump: Path | None = None
) -> None:
    rec = _Recorder()
    rows: list[dict[str, object]] = []
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    gaps: dict[str, list[str]] = defaultdict(list)
    for a in arts:
        rec.reset()
        res = repair_text(a.raw, config=RepairConfig())
        if rec.text != a.raw:
            continue  # another stage changed the text first: offsets differ
        cands = list(rec.cands.values())
        for err in errors_of(a):
            key = f"{err.cls}/{err.target}"
            s = stats[key]
            s["n"] += 1
            s["op"] += err.op_fixed
            # the applied edits (the stage may return overlapping ones; the pipeline keeps one)
            edits = [(e.offset, e.offset + e.length, e.replacement) for e in res.edits]
            mine = [x for x in edits if _overlaps(x[0], x[1], err)]
            got = _reading(a.raw, err.start, err.end, mine) if mine else ""
            if mine and _gives(a.raw, err, mine):
                s["fixed"] += 1
                rows.append({**asdict(err), "state": "fixed", "page": rec.page, "art": a.ident})
                continue
            near = [c for c in cands if _overlaps(c.start, c.end, err)]
            good = [c for c in near if _gives(a.raw, err, [(c.start, c.end, c.replacement)])]
            if good:
                s["rejected"] += 1
                ranked = sorted(near, key=lambda c: float(c.features.get("cost", 99.0)))
                rank = min(ranked.index(c) for c in good) + 1
                for k in KS:
                    s[f"@{k}"] += rank <= k
                state = "rejected"
            else:
                state = "unreached" if near else "no-cand"
                s[state] += 1
            ev = rec.decisions.get(id(good[0]), {}) if good else {}
            rows.append(
                {
                    **asdict(err),
                    "state": state,
                    "page": rec.page,
                    "art": a.ident,
                    "got": got,
                    "finding": rec.findings.get(err.start, ""),
                    "ncand": len(near),
                    "source": good[0].source if good else "",
                    "evidence": {k: v for k, v in ev.items() if isinstance(v, (int, float, str))},
                }
            )
            if err.op_fixed:
                s[f"op-{state}"] += 1
                alts = sorted({c.replacement for c in near})[:6]
                why = f"{rec.page} {rec.findings.get(err.start, '-')}"
                if good:
                    ev = rec.decisions.get(id(good[0]), {})
                    why += f" {good[0].source} margin {ev.get('margin')} thr {ev.get('threshold')}"
                gaps[f"{key} {state}"].append(f"{err.raw!r} -> {err.gold!r}  [{why}] cands {alts}")
    _print(stats)
    if dump:
        dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print_examples(gaps, examples, only, seed)


def print_examples(
    groups: dict[str, list[str]], examples: int, only: str | None, seed: int
) -> None:
    """Up to ``examples`` random lines of each group (largest first; those starting with
    ``only`` if given), the same sample for the same ``seed``."""
    if not examples:
        return
    rng = random.Random(seed)
    for name, lines in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        if only and not name.startswith(only):
            continue
        print(f"\n== {name} ({len(lines)})")
        for line in rng.sample(lines, min(examples, len(lines))):
            print("  ", line)


def _print(stats: dict[str, Counter[str]]) -> None:
    cols = ("n", "op", "fixed", "rejected", "unreached", "no-cand", "op-rejected",
            "op-unreached", "op-no-cand")  # fmt: skip
    print(f"{'class/target':16}" + "".join(f" {c[:12]:>12}" for c in cols))
    tot: Counter[str] = Counter()
    for key, s in sorted(stats.items(), key=lambda kv: -kv[1]["n"]):
        tot.update(s)
        print(f"{key:16}" + "".join(f" {s[c]:12}" for c in cols))
    print(f"{'total':16}" + "".join(f" {tot[c]:12}" for c in cols))
    reach = tot["fixed"] + tot["rejected"]
    print(
        f"\nreach (gold among candidates or fixed): {reach} of {tot['n']} "
        f"({100.0 * reach / max(1, tot['n']):.1f} %); fixed {tot['fixed']}; "
        "gold rank among a rejected token's candidates: "
        + ", ".join(f"@{k} {tot[f'@{k}']}" for k in KS)
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_selection_args(ap)
    ap.add_argument("--class", dest="only", default=None, help="e.g. cap/name, lower")
    ap.add_argument("--dump", type=Path, default=None, help="write every error as JSON Lines")
    args = ap.parse_args(argv)
    arts = selected(args.data, args.split, args.limit)
    analyse(arts, args.examples, args.only, dump=args.dump)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
