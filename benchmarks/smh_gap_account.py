"""An account of the SMH gap against OverProof, per gold token (issue 12, session 33).

    python benchmarks/smh_gap_account.py [--split dev] [--limit N] [--examples N] [--kind K]
                                         [--set MODULE.NAME=VALUE ...]
    python benchmarks/smh_gap_account.py --split dev --residual [--gates]

Dev half only by default (tune there; the test half is read once, at the end).  Extends
``smh_gap.py`` (which buckets the raw errors by shape) with the candidate account of
``ocr_reach.py`` (which records every reading the OCR stage builds and its last decision):
each article's raw OCR, our repair of it, OverProof's output and the gold are normalised
as ``smh_eval.py`` does and aligned to the gold by tokens; a *gap token* is a gold token
OverProof's output has (aligned equal) and ours does not.  The raw token aligned to it is
traced back to the raw article (:func:`norm_map`), so the readings the OCR stage built
over it can be looked up.  Each gap token goes to the first kind that applies:

* ``broke``: the raw token was right; we changed it (by the shape of our change);
* ``punct`` / ``number``: the gold token is punctuation / holds a digit;
* ``capitals``: the same letters in another case (raw or ours);
* ``segmentation``: a split or joined word (``hyphen`` when a hyphen is in the run);
* ``multi``: a longer run of garble (no one-to-one raw token);
* for a one-to-one word substitution (by the OCR stage's record):
  ``no candidate (gate shut)`` (the page was read as clean), ``no candidate``,
  ``no right candidate`` (readings built, none the gold),
  ``declined <builder> near|far`` (the gold was built; its last margin was within
  :data:`NEAR` nats of its threshold or further), ``declined known-form`` (accepted,
  then refused by :mod:`repair.score.ocr_knownform`), ``wrong reading chosen``
  (an applied edit gives another word; ``gold built`` when the gold was a candidate),
  ``unrecorded`` (another stage changed the text before the OCR stage).

Every kind also counts the gap tokens whose gold word is capitalised, whose raw form is
a known word, whose raw form has a stray mark (:data:`repair.candidates.ocr_marks.MARKS`:
"bu*", "Minist«") glued to either side, and whose gold word has 1-3 letters.
A ``broke`` token also names the rule of the edit over it (a table of them is printed;
``--raw`` adds each edit's raw text and evidence to the examples).
``--examples N`` prints N examples of each kind (``--kind`` one only).  ``--set`` sets
module constants before the run, e.g.
``--set repair.candidates.ocr_rarereal.RARE_REAL=True``.
``--dump FILE`` (with ``--gates``) writes those real-word rows as JSON lines with their raw
context, for ``ocr_nopath_account.py`` (session 53).
``--residual`` classes every token we leave wrong (session 47's census); with ``--gates``
the real-word part of it is also told by the reader gate that stops it
(:func:`realword_gate`, session 48).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.ocr_reach import _Recorder, print_examples  # noqa: E402
from benchmarks.ocr_realword_gates import gate_of  # noqa: E402
from benchmarks.smh_eval import _HYPHEN_BREAK, add_selection_args, normalise, selected  # noqa: E402
from benchmarks.smh_gap import bucket, correct_gold, hyp_of, runs  # noqa: E402
from repair.bench.metrics import _opcodes, token_seq  # noqa: E402
from repair.candidates import ocr_realword as rw  # noqa: E402
from repair.candidates.ocr_marks import MARKS  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.detect.ocr import detect_ocr  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score.ocr_channel import is_known  # noqa: E402
from repair.tokenize import tokenize  # noqa: E402

#: A declined gold reading is ``near`` when its margin was within this many nats of its threshold.
NEAR = 2.0


def norm_map(text: str) -> tuple[str, list[int]]:
    """``normalise(text)`` and, per character of it, its offset in ``text``."""
    keep = [True] * len(text)
    for m in _HYPHEN_BREAK.finditer(text):
        for i in range(m.start(1) + 1, m.end()):
            keep[i] = False
    out: list[str] = []
    src: list[int] = []
    pending = False
    for i, ch in enumerate(text):
        if not keep[i]:
            continue
        if ch.isspace():
            pending = bool(out)
            continue
        if pending:
            out.append(" ")
            src.append(i)
            pending = False
        out.append(ch)
        src.append(i)
    return "".join(out), src


def _word(tok: str) -> str:
    return tok.strip()


def _has_alpha(tok: str) -> bool:
    return any(c.isalpha() for c in tok)


def shape_kind(raw: list[str], gold: list[str], j: str) -> str | None:
    """The kind of a gap token fixed by the shape of its raw-to-gold run, or ``None``
    for a word substitution the candidate record decides."""
    g = _word(j)
    if not any(c.isalnum() for c in g):
        return "punct"
    if any(c.isdigit() for c in g) or any(c.isdigit() for t in raw for c in t):
        return "number"
    b = bucket(raw, gold)
    if b in ("space", "punct"):
        return "punct"
    if b == "case":
        return "capitals"
    if b in ("split", "merge"):
        return "segmentation hyphen" if any("-" in t for t in raw + gold) else "segmentation"
    return None


def candidate_kind(
    rec: _Recorder, res_edits: list, raw_text: str, start: int, end: int, gold: str
) -> str:
    """The kind of a one-to-one word gap token from the OCR stage's record."""
    if rec.text != raw_text:
        return "unrecorded"
    gl = gold.lower()

    def overl(s: int, e: int) -> bool:
        return s < end and e > start

    def gives(s: int, e: int, r: str) -> bool:
        lo, hi = min(s, start), max(e, end)
        piece = raw_text[lo:s] + r + raw_text[e:hi]
        return gl in [_word(t).lower() for t in token_seq(piece).toks]

    near = [c for c in rec.cands.values() if overl(c.start, c.end)]
    good = [c for c in near if gives(c.start, c.end, c.replacement)]
    mine = [e for e in res_edits if overl(e.offset, e.offset + e.length)]
    if mine:
        if any(gives(e.offset, e.offset + e.length, e.replacement) for e in mine):
            return "capitals"  # the right letters in another case
        return "wrong reading chosen, gold built" if good else "wrong reading chosen"
    if not near:
        return "no candidate (gate shut)" if rec.page == "clean" else "no candidate"
    if not good:
        return "no right candidate"
    best = None
    for c in good:
        ev = rec.decisions.get(id(c))
        if ev is None:
            continue
        over = float(ev.get("margin", -99.0)) - float(ev.get("threshold", 0.0))
        if best is None or over > best[0]:
            best = (over, c)
    if best is None:
        return f"declined {good[0].source} undecided"
    over, c = best
    if over >= 0:
        return "declined accepted, lost/refused"
    return f"declined {c.source} {'near' if over > -NEAR else 'far'}"


#: The cause groups of the session 35 account (:func:`cause_of`), in print order.
CAUSES = (
    "lowercase real word (context)",
    "lowercase non-word",
    "lowercase, a mark glued on",
    "capitalised word / case",
    "split / merged words",
    "split / merged at a hyphen",
    "punctuation / marks",
    "numbers / money",
    "longer garble run",
    "a right raw token broken",
    "other",
)


def _sub(kind: str) -> str:
    """The candidate record of a one-to-one word, short: ``no candidate``, ``declined``,
    ``wrong reading``, ``no right candidate`` or the kind itself."""
    for head, short in (
        ("no candidate", "no candidate"),
        ("no right candidate", "no right candidate"),
        ("declined", "candidate present, declined"),
        ("wrong reading chosen, gold built", "wrong reading chosen, gold built"),
        ("wrong reading", "wrong reading chosen, gold not built"),
        ("spacing", "wrong reading chosen, gold not built"),
    ):
        if kind.startswith(head):
            return short
    return kind


def cause_of(kind: str, gold: str, raw: str, glued: bool) -> tuple[str, str]:
    """(cause group, sub-kind) of one token (session 35): the shape kinds of
    :func:`shape_kind` map to their own groups; a one-to-one word is ``capitalised``
    (gold or raw with a capital, or a case error), else ``lowercase real word`` when
    the raw form is a known word (the error can only be decided by context),
    ``lowercase, a mark glued on`` or ``lowercase non-word``; the sub-kind is the OCR
    stage's record of it (:func:`_sub`)."""
    if kind.startswith("broke"):
        return "a right raw token broken", kind[6:]
    shape = {
        "punct": "punctuation / marks",
        "number": "numbers / money",
        "segmentation": "split / merged words",
        "segmentation hyphen": "split / merged at a hyphen",
        "multi": "longer garble run",
    }
    if kind in shape:
        return shape[kind], ""
    if kind == "unrecorded":
        return "other", kind
    if gold[:1].isupper() or kind == "capitals" or (raw[:1].isupper() and gold[:1].isupper()):
        return "capitalised word / case", _sub(kind)
    if glued:
        return "lowercase, a mark glued on", _sub(kind)
    if raw and raw.isalpha() and is_known(raw.lower()):
        return "lowercase real word (context)", _sub(kind)
    return "lowercase non-word", _sub(kind)


def census_kind(kind: str, rword: str, seg: str) -> str:
    """The residual census kind (session 47) of a token we leave wrong: its account
    ``kind``, the raw word paired with it (``""`` if none) and the shape bucket of its
    raw-to-gold run (``seg``: "merge" when several raw tokens are one gold word, a
    split word left; "split" when one raw token is several gold words, merged words).

    >>> census_kind("no candidate", "tbe", "nonword-d1")
    'non-word: no candidate'
    >>> census_kind("segmentation", "", "merge")
    'split word left'
    """
    if kind.startswith("broke"):
        return "a right raw token broken"
    if kind.startswith("segmentation"):
        head = "split word left" if seg == "merge" else "merged words left"
        return head + (" (hyphen)" if kind.endswith("hyphen") else "")
    fixed = {"punct": "punctuation / marks", "number": "digits", "multi": "longer garble run"}
    if kind in fixed:
        return fixed[kind]
    if kind == "capitals" or seg == "case":
        return "case"
    real = bool(rword) and rword.isalpha() and is_known(rword.lower())
    return f"{'real-word' if real else 'non-word'}: {kind}"


def _print_census(census: Counter[str], op_right: Counter[str]) -> None:
    """The residual census table: tokens we leave wrong, by kind, and how many of them
    OverProof has right."""
    total, op_total = sum(census.values()), sum(op_right.values())
    print(f"| {'kind':52} | left wrong | share | OverProof right there |")
    print(f"|{'-' * 54}|---:|---:|---:|")
    for kind, n in census.most_common():
        print(f"| {kind:52} | {n} | {100.0 * n / max(1, total):.1f} % | {op_right[kind]} |")
    print(f"| {'total':52} | {total} | 100.0 % | {op_total} |\n")


def realword_gate(raw_text: str, page: str, start: int, gold: str, kind: str) -> str:
    """The real-word reader's gate (:func:`benchmarks.ocr_realword_gates.gate_of`) that
    stops the gold reading of the raw token at ``start`` (session 48); a declined
    reading by its census kind; ``page``: the recorder's page state.

    >>> realword_gate("the lust day", "clean", 4, "last", "real-word: no candidate")
    'page clean'
    >>> realword_gate("x", "heavy", 0, "y", "real-word: declined OCR_REALWORD near")
    'declined OCR_REALWORD near'
    """
    if "declined" in kind or "wrong reading" in kind:
        return kind.split(": ", 1)[1]
    if page == "clean" or "gate shut" in kind:
        return "page clean"
    if page == "old":
        return "old print"
    toks = tokenize(raw_text)
    at = next((k for k, t in enumerate(toks) if t.start == start), None)
    if at is None:
        return "other"
    det = detect_ocr(raw_text, toks)
    flagged = {f.start for f in det.findings if f.reason != "realword_suspect"}
    counts = Counter(t.text for t in toks if t.kind == "word")
    names = rw.document_names(toks, counts)
    gate = gate_of(toks, at, gold, names, flagged, page == "heavy", raw_text)
    return (
        gate
        if not gate.startswith("unreached")
        else ("unreached (no path)" if gate.endswith("-") else "unreached (too dear)")
    )


def _print_gates(rows: list[tuple[str, str, str, str, bool]], examples: int) -> None:
    """The real-word residue by the gate that stops it (session 48), with examples."""
    by: Counter[tuple[str, str]] = Counter((r[0], r[1]) for r in rows)
    op: Counter[tuple[str, str]] = Counter((r[0], r[1]) for r in rows if r[4])
    print("\nreal-word residue by gate (census kind, gate, tokens, OverProof right):")
    for (ck, gate), n in sorted(by.items(), key=lambda kv: (kv[0][0], -kv[1])):
        ex = [f"{r[2]}->{r[3]}" for r in rows if (r[0], r[1]) == (ck, gate)][: max(examples, 8)]
        print(f"| {ck} | {gate} | {n} | {op[(ck, gate)]} | {' '.join(ex)} |")


def _print_causes(title: str, causes: Counter[tuple[str, str]]) -> None:
    total = sum(causes.values())
    print(f"\n{title} ({total} tokens), by cause:")
    print(f"| {'cause':32} | {'sub-kind':30} | tokens | share |")
    print(f"|{'-' * 34}|{'-' * 32}|---:|---:|")
    for group in CAUSES:
        subs = sorted(((n, s) for (g, s), n in causes.items() if g == group), reverse=True)
        if not subs:
            continue
        n_group = sum(n for n, _ in subs)
        print(f"| **{group}** | | **{n_group}** | {100.0 * n_group / max(1, total):.1f} % |")
        for n, s in subs:
            if s:
                print(f"| | {s:30} | {n} | |")


def reverse_kind(raw: list[str], gold: list[str], g: str, raw_right: bool, op_tok: str) -> str:
    """The kind of a token we get right and OverProof does not (shape only)."""
    if raw_right:
        return "broke " + (bucket([op_tok], [g]) if op_tok else "deleted")
    return shape_kind(raw, gold, g) or ("one-to-one" if len(raw) == len(gold) else "multi")


def account(
    arts: list,
    examples: int,
    only: str | None,
    seed: int = 0,
    show_raw: bool = False,
    by: bool = False,
    residual: bool = False,
    gates: bool = False,
    dump: list[dict] | None = None,
) -> Counter[str]:
    rec = _Recorder()
    gate_rows: list[tuple[str, str, str, str, bool]] = []  # (census kind, gate, raw, gold, op)
    census: Counter[str] = Counter()
    census_op: Counter[str] = Counter()
    stats: Counter[str] = Counter()
    caps: Counter[str] = Counter()
    reals: Counter[str] = Counter()
    glued: Counter[str] = Counter()
    shorts: Counter[str] = Counter()
    ex: dict[str, list[str]] = defaultdict(list)
    totals: Counter[str] = Counter()
    broke_rules: Counter[str] = Counter()
    causes: Counter[tuple[str, str]] = Counter()
    rev_causes: Counter[tuple[str, str]] = Counter()
    by_cause: dict[str, list[str]] = defaultdict(list)
    for a in arts:
        rec.reset()
        res = repair_text(a.raw, config=RepairConfig())
        raw_n, src = norm_map(a.raw)
        assert raw_n == normalise(a.raw)
        rs = token_seq(raw_n)
        raw = rs.toks
        gold, ours, op = (token_seq(normalise(t)).toks for t in (a.gold, res.text, a.overproof))
        ok_ours, ok_op, ok_raw = (correct_gold(h, gold) for h in (ours, op, raw))
        ours_at = hyp_of(ours, gold)
        op_at = hyp_of(op, gold)
        run_at = {j: r for r in runs(raw, gold) for j in range(r[2], r[3])}
        ops = list(_opcodes(raw, gold))
        edits = list(res.edits)
        raw_at = {
            j1 + k: i1 + k for tag, i1, _i2, j1, j2 in ops if tag == "equal" for k in range(j2 - j1)
        }
        totals["gold"] += len(gold)
        totals["ours wrong"] += ok_ours.count(False)
        totals["op wrong"] += ok_op.count(False)
        totals["raw wrong"] += ok_raw.count(False)
        for j, g in enumerate(gold):
            if residual and ok_ours[j]:
                continue
            if not residual and not (ok_op[j] and not ok_ours[j]):
                if ok_ours[j] and not ok_op[j]:
                    totals["ours right, op wrong"] += 1
                    r = run_at.get(j)
                    i1, i2, j1, j2 = r if r else (0, 0, j, j + 1)
                    rk = reverse_kind(list(raw[i1:i2]), list(gold[j1:j2]), g, ok_raw[j], op_at[j])
                    rw = ""
                    if rk == "one-to-one":
                        rw = _word(raw[i1 + (j - j1)])
                    rev_causes[cause_of(rk, _word(g), rw, False)] += 1
                continue
            why = ""
            if ok_raw[j]:
                kind = "broke " + (bucket([ours_at[j]], [g]) if ours_at[j] else "deleted")
                i = raw_at.get(j)
                if i is not None:
                    s0, e0 = rs.spans[i]
                    lo, hi = src[s0], src[e0 - 1] + 1
                    hit = [e for e in edits if e.offset <= hi and e.end >= lo]
                    rule = ",".join(sorted({e.rule for e in hit})) or "(none)"
                    broke_rules[rule] += 1
                    why = "; ".join(
                        f"{e.rule} {e.original!r}->{e.replacement!r} c={e.confidence:.2f}"
                        + (
                            f" raw {a.raw[max(0, e.offset - 25) : e.end + 25]!r}"
                            if show_raw
                            else ""
                        )
                        + (f" ev {e.evidence}" if show_raw else "")
                        for e in hit
                    )
            else:
                run = run_at.get(j)
                if run is None:
                    kind = "multi"
                else:
                    i1, i2, j1, j2 = run
                    kind = shape_kind(list(raw[i1:i2]), list(gold[j1:j2]), g) or ""
                    if not kind and i2 - i1 == j2 - j1:
                        i = i1 + (j - j1)
                        s0, e0 = rs.spans[i]
                        kind = candidate_kind(rec, edits, a.raw, src[s0], src[e0 - 1] + 1, _word(g))
                        if kind == "capitals":
                            got = ours_at[j].strip()
                            if got == _word(g):
                                kind = "spacing (our reading right)"
                            elif got.lower() != _word(g).lower():
                                kind = "wrong reading chosen (other token)"
                    elif not kind:
                        kind = "multi"
                        op_ = next((o for o in ops if o[3] <= j < o[4]), None)
                        if op_ is not None and op_[2] - op_[1] == op_[4] - op_[3] == 1:
                            i = op_[1]  # a one-to-one pair inside a longer run
                            kind = shape_kind([raw[i]], [g], g) or ""
                            if not kind and _has_alpha(raw[i]):
                                s0, e0 = rs.spans[i]
                                kind = candidate_kind(
                                    rec, edits, a.raw, src[s0], src[e0 - 1] + 1, _word(g)
                                )
                            kind = kind or "multi"
            stats[kind] += 1
            rword, ri = "", -1
            r = run_at.get(j)
            if not ok_raw[j] and r and r[1] - r[0] == r[3] - r[2]:
                ri = r[0] + (j - r[2])
            elif not ok_raw[j]:
                o = next((o for o in ops if o[3] <= j < o[4]), None)
                if o is not None and o[2] - o[1] == o[4] - o[3] == 1:
                    ri = o[1]
            if ri >= 0:
                rword = _word(raw[ri])
                s0, e0 = rs.spans[ri]
                lo, hi = src[s0], src[e0 - 1] + 1
                glued[kind] += (lo > 0 and a.raw[lo - 1] in MARKS) or a.raw[hi : hi + 1] in MARKS
            is_glued = False
            if ri >= 0:
                is_glued = bool(
                    (lo > 0 and a.raw[lo - 1] in MARKS) or a.raw[hi : hi + 1] in MARKS
                ) or any(not c.isalnum() and c not in "'-" for c in rword)
                if show_raw and not why:
                    why = "; ".join(
                        f"{e.rule}/{e.evidence.get('finding', '')} {e.original!r}->"
                        f"{e.replacement!r} {a.raw[max(0, e.offset - 25) : e.end + 25]!r}"
                        for e in edits
                        if e.offset <= hi and e.end >= lo
                    )
            cause = cause_of(kind, _word(g), rword, is_glued)
            if residual:
                r = run_at.get(j)
                seg = bucket(list(raw[r[0] : r[1]]), list(gold[r[2] : r[3]])) if r else ""
                ck = census_kind(kind, rword, seg)
                census[ck] += 1
                census_op[ck] += ok_op[j]
                if gates and ck.startswith("real-word") and ri >= 0:
                    gate = realword_gate(a.raw, rec.page, src[rs.spans[ri][0]], _word(g), ck)
                    gate_rows.append((ck, gate, rword, _word(g), ok_op[j]))
                    if dump is not None:  # session 53: the rows with their raw context
                        at0 = src[rs.spans[ri][0]]
                        dump.append(
                            {
                                "art": a.ident,
                                "start": at0,
                                "census": ck,
                                "gate": gate,
                                "raw": rword,
                                "gold": _word(g),
                                "op": bool(ok_op[j]),
                                "page": rec.page,
                                "ctx": a.raw[max(0, at0 - 50) : at0 + 50],
                            }
                        )
            causes[cause] += 1
            shorts[kind] += len(_word(g)) <= 3
            caps[kind] += _word(g)[:1].isupper()
            reals[kind] += bool(rword) and rword.isalpha() and is_known(rword.lower())
            before, after = "".join(gold[max(0, j - 4) : j]), "".join(gold[j + 1 : j + 3])
            ctx = f"{before} [{_word(g)}]{after}"
            line = f"raw {rword!r} us {ours_at[j].strip()!r} gold {_word(g)!r}  | {ctx}" + (
                f"  | {why}" if why else ""
            )
            if residual:  # the page's gate and OverProof's token (smh_nonword_why.py)
                line += f"  | page={rec.page if rec.text == a.raw else '-'} op={int(ok_op[j])}"
            ex[kind].append(line)
            by_cause[f"{cause[0]}: {cause[1]}" if cause[1] else cause[0]].append(line)
    gap = sum(stats.values())
    if residual:
        _print_census(census, census_op)
    if gate_rows:
        _print_gates(gate_rows, examples)
    print(
        f"gold tokens {totals['gold']}; wrong: raw {totals['raw wrong']}, ours "
        f"{totals['ours wrong']}, OverProof {totals['op wrong']}; gap (OverProof right, ours "
        f"wrong) {gap}; ours right where OverProof is wrong {totals['ours right, op wrong']}\n"
    )
    print(
        f"| {'kind':44} | gap tokens | share | gold capitalised | raw a known word "
        "| raw glued to a mark | gold of 1-3 letters |"
    )
    print(f"|{'-' * 46}|---:|---:|---:|---:|---:|---:|")
    for kind, n in [*stats.most_common(), ("total", gap)]:
        share = 100.0 * n / max(1, gap)
        c, r, m, sh = (
            sum(x.values()) if kind == "total" else x[kind] for x in (caps, reals, glued, shorts)
        )
        print(f"| {kind:44} | {n} | {share:.1f} % | {c} | {r} | {m} | {sh} |")
    print("\nbroken gold tokens by the rule of the edit over them:")
    for rule, n in broke_rules.most_common():
        print(f"  {rule:50} {n}")
    _print_causes("gap tokens (OverProof right, ours wrong)", causes)
    _print_causes(
        "reverse: ours right, OverProof wrong (sub-kind: OverProof's break, or none)",
        rev_causes,
    )
    print_examples(by_cause if by else ex, examples, only, seed)
    return stats


def _apply_sets(sets: list[str]) -> None:
    for s in sets:
        name, _, value = s.partition("=")
        mod, _, attr = name.rpartition(".")
        setattr(importlib.import_module(mod), attr, eval(value))  # noqa: S307 (a bench flag)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_selection_args(ap)
    ap.add_argument("--kind", default=None)
    ap.add_argument("--set", action="append", default=[], dest="sets")
    ap.add_argument(
        "--raw", action="store_true", help="show the raw text and evidence of each edit"
    )
    ap.add_argument(
        "--by-cause",
        action="store_true",
        help="examples by cause group (session 35; --kind then names a cause prefix)",
    )
    ap.add_argument(
        "--residual",
        action="store_true",
        help="every token we leave wrong, not only the gap (session 47 census table)",
    )
    ap.add_argument(
        "--gates",
        action="store_true",
        help="with --residual: the real-word residue by the reader gate that stops it",
    )
    ap.add_argument(
        "--dump",
        type=Path,
        default=None,
        help="with --gates: write the real-word gate rows as JSON lines (session 53)",
    )
    args = ap.parse_args(argv)
    _apply_sets(args.sets)
    arts = selected(args.data, args.split, args.limit)
    rows: list[dict] | None = [] if args.dump is not None else None
    account(
        arts,
        args.examples,
        args.kind,
        show_raw=args.raw,
        by=args.by_cause,
        residual=args.residual,
        gates=args.gates,
        dump=rows,
    )
    if args.dump is not None:
        args.dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
