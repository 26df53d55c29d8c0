"""Why a short common word the learned slot prices reach is left wrong (issue 12, session 63).

    python benchmarks/ocr_declined.py [--split dev] [--limit N] [--examples N] [--json OUT]
        [-- MODULE.NAME=VALUE ...]
    python benchmarks/ocr_xsource.py --train icdar --eval benchmarks/ocr_declined.py \\
        --args "--split dev"                       # the ICDAR-only proxy (the usual way)

Session 62 (ocrfunc) counted, on the proxy dev half, the gold tokens that are a short
common lower-case word (at most :data:`GOLD_MAX_LEN` letters, Zipf >= :data:`GOLD_ZIPF`)
printed as another short lower-case token and left wrong, and found 117 of them that the
slot reader's learned price (:func:`repair.candidates.ocr_slot.priced_slot_words`) already
reaches within :data:`repair.candidates.ocr_slot.MAX_COST`.  This script repairs every
SMH article of the split with hooks on the slot readers and the scorer and tells each such
token by the first gate that declines its gold reading (:func:`reason`):

* ``no slot reader asked``: the page's gate is shut (or old print);
* ``light page``: the page is garbled but not heavy, where the slot reader reads only with
  :data:`~repair.candidates.ocr_slot.LIGHT_PAGES` (off): the gate that would decline it
  then (another reader's reading of the word, :data:`~repair.candidates.ocr_slot.LIGHT_PROPOSE`);
* ``print form``: the print is no slot reader's form (too common a real word,
  :data:`~repair.candidates.ocr_slot.MAX_PRINT_ZIPF`; a non-word of five letters; title case);
* ``print place``: not between two words (a mark beside it), a piece of a split, a hyphen;
* ``under a wider reading``: another reading spans more than the word;
* ``best is another word`` (a slot word / another reader's reading leads the gold);
* ``gain short of PROPOSE`` / ``lead short of LEAD`` (the gold leads, but not by enough);
* ``a rival found it``: another reader built the gold, so the slot reader stands back and
  the scorer decides that reading;
* ``shorter-word guard``: the gold was proposed but dropped as a shorter word;
* ``scorer refused`` (margin short of its threshold) / ``accepted, lost`` (another
  reading of the span, or a joint decision, won).

Each row also says whether a neighbour within two words is garbled (no known word as
printed) and whether the slot's context read it as its first reading.  Nothing is
changed; the hooks are removed after each article.  Module settings after ``--`` apply.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import re
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from runtime_args import split_runtime  # noqa: E402

from benchmarks.smh_eval import DEFAULT_DATA, normalise, selected  # noqa: E402

#: The gold token: a lower-case word of at most this many letters ...
GOLD_MAX_LEN = 5
#: ... at least this common (Zipf) ...
GOLD_ZIPF = 5.5
#: ... printed as a lower-case token of at most this many letters.
PRINT_MAX_LEN = 5
#: A refused reading's margin short of its threshold (nats) still called near.
NEAR = 2.0


def _align(a: tuple[str, ...], b: tuple[str, ...]) -> dict[int, int]:
    """{index in ``b``: index in ``a``} over the one-to-one runs of the token alignment."""
    from rapidfuzz.distance import Levenshtein

    out = {}
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(a, b).as_list():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(j2 - j1):
                out[j1 + k] = i1 + k
    return out


def targets(raw: str, gold: str, text: str) -> list[dict[str, Any]]:
    """The gold tokens of the class (module doc) the output ``text`` leaves wrong, each with
    its print's span in ``raw`` (the n-th printing of that word; ``None`` when not found)."""
    from repair.bench.metrics import token_seq
    from repair.resources.frequency import zipf

    r, g, o = (token_seq(normalise(x)) for x in (raw, gold, text))
    mr, mo = _align(r.toks, g.toks), _align(o.toks, g.toks)
    norm_raw = normalise(raw)
    out = []
    for j, tok in enumerate(g.toks):
        gt = tok.strip()
        if not (
            gt.isalpha() and gt.islower() and len(gt) <= GOLD_MAX_LEN and zipf(gt) >= GOLD_ZIPF
        ):
            continue
        i = mr.get(j)
        if i is None:
            continue
        rt = r.toks[i].strip()
        ot = o.toks[mo[j]].strip() if j in mo else None
        if rt == gt or ot == gt or not (rt.isalpha() and rt.islower() and len(rt) <= PRINT_MAX_LEN):
            continue
        # the n-th printing of the word in the normalised raw, found again in the raw
        start = r.spans[i][0]
        nth = sum(1 for m in re.finditer(rf"\b{re.escape(rt)}\b", norm_raw[:start]))
        found = list(re.finditer(rf"\b{re.escape(rt)}\b", raw))
        span = (found[nth].start(), found[nth].end()) if nth < len(found) else None
        out.append({"gold": gt, "print": rt, "out": ot, "span": span})
    return out


class Recorder:
    """The slot readers' calls and the scorer's decisions of one article."""

    def __init__(self, raw: str = "") -> None:
        self.raw = raw
        self.slot_calls: list[tuple[str, list[Any], list[tuple[int, int, str, float]]]] = []
        self.ranked: list[dict[tuple[int, int], list[tuple[str, float, str]]]] = []
        self.scored: list[
            tuple[list[tuple[int, int, str, str, str]], dict[int, tuple[bool, float]], set]
        ] = []


@contextmanager
def recording(rec: Recorder) -> Any:
    """Hooks on the two slot readers and the scorer while the block runs."""
    import repair.stages.ocr as stage
    from repair.candidates import ocr as co
    from repair.candidates import ocr_shortslot
    from repair.score import ocr as so
    from repair.score import ocr_decide_fast

    real_slot, real_nonword = co.slot_candidates, ocr_shortslot.slot_nonword_candidates
    real_put, real_loop = so.DecisionMemo.put, ocr_decide_fast.LOOP
    real_score = stage._lazy("score_candidates")
    real_rank = so._rank

    def rank(doc: Any, candidates: Any, memo: Any, groups: Any, garbled: bool) -> Any:
        out = real_rank(doc, candidates, memo, groups, garbled)
        rec.ranked.append({
            span: [(c.replacement, round(m, 2), ",".join(sorted(k for k in ev if k in _EVIDENCE)))
                   for m, c, ev in items]
            for span, items in out.items()
        })  # fmt: skip
        return out

    current: list[Any] = [None]

    def have_of(have: Any) -> list[tuple[int, int, str, float]]:
        return [(c.start, c.end, c.replacement, float(c.features.get("cost", 0.0))) for c in have]

    def slot(toks: Any, have: Any, light: bool = False, only: Any = None) -> Any:
        if only is None:
            rec.slot_calls.append(("light" if light else "slot", list(toks), have_of(have)))
        return real_slot(toks, have, light, only)

    def nonword(toks: Any, have: Any) -> Any:
        rec.slot_calls.append(("nonword", list(toks), have_of(have)))
        return real_nonword(toks, have)

    def put(self: Any, k: int, around: Any, d: Any) -> None:
        seen = current[0]
        if seen is not None and k < seen[0]:
            acc, best = seen[1].get(k, (False, float("-inf")))
            seen[1][k] = (acc or bool(d.accept), max(best, d.margin - d.threshold))
        real_put(self, k, around, d)

    def score(doc: Any, candidates: list[Any], garbled: bool, *rest: Any) -> Any:
        current[0] = (len(candidates), {})
        try:
            edits = real_score(doc, candidates, garbled, *rest)
            seen = current[0][1]
        finally:
            current[0] = None
        cands = [
            (c.start, c.end, c.replacement, c.source, str(c.features.get("finding", "")))
            for c in candidates
        ]
        chosen = {(e.offset, e.offset + e.length, e.replacement) for e in edits}
        rec.scored.append((cands, seen, chosen))
        return edits

    co.slot_candidates, ocr_shortslot.slot_nonword_candidates = slot, nonword
    so.DecisionMemo.put, ocr_decide_fast.LOOP = put, False
    stage.score_candidates, so._rank = score, rank
    try:
        yield
    finally:
        co.slot_candidates, ocr_shortslot.slot_nonword_candidates = real_slot, real_nonword
        so.DecisionMemo.put, ocr_decide_fast.LOOP = real_put, real_loop
        stage.score_candidates, so._rank = real_score, real_rank


#: Evidence keys named with an accepted reading's rank (:func:`recording`).
_EVIDENCE = frozenset({"joint_margin", "garbled_context", "rescued", "rank_score", "page_pairs"})


def _garbled_near(toks: list[Any], i: int) -> bool:
    """A word within two words of token ``i`` that is no known word as printed."""
    from repair.score.ocr_channel import is_known

    words = [k for k, t in enumerate(toks) if t.kind == "word"]
    at = words.index(i)
    near = words[max(0, at - 2) : at] + words[at + 1 : at + 3]
    return any(not is_known(toks[k].text.lower()) for k in near)


def _pick_trace(text: str, left: list[str], right: list[str], rivals: list[tuple[str, float]],
                gold: str, propose: float) -> tuple[str, dict[str, Any]]:  # fmt: skip
    """The reason :func:`repair.candidates.ocr_slot._read_priced` declines ``gold``."""
    from repair.candidates import ocr_slot as s

    priced = s.priced_slot_words(text)
    costs = dict(priced)
    for w, c in rivals:
        costs[w] = min(c, costs.get(w, c))
    words = list(costs)
    base = s.slot_scores(left, [text.lower()], right)[0]
    scores = s.slot_scores(left, words, right)
    ranked = sorted(((sc - base - costs[w], w) for sc, w in zip(scores, words, strict=True)),
                    reverse=True)  # fmt: skip
    info: dict[str, Any] = {"ranked": [(w, round(g, 2)) for g, w in ranked[:4]]}
    gains = {w: g for g, w in ranked}
    info["gold_gain"] = round(gains.get(gold, float("nan")), 2)
    info["gold_cost"] = round(costs.get(gold, float("nan")), 2)
    if gold not in gains:
        return "gold not priced", info
    best, word = ranked[0]
    if word != gold:
        rival = any(w == word for w, _ in rivals)
        info["best"] = word
        return ("best is a rival reading" if rival else "best is another slot word"), info
    if any(w == gold for w, _ in rivals):
        return "a rival found it", info
    if best < propose:
        return "gain short of PROPOSE", info
    if len(ranked) > 1 and best - ranked[1][0] < s.LEAD:
        info["second"] = ranked[1][1]
        return "lead short of LEAD", info
    return "proposed", info


def _place(toks: list[Any], i: int) -> str:
    """Why token ``i`` stands in no slot: what is beside it."""
    from repair.candidates.ocr_realword import line_broken_piece
    from repair.candidates.ocr_shortslot import _after_comma

    def side(k: int) -> str:
        if not 0 <= k < len(toks):
            return "edge"
        t = toks[k]
        if t.kind == "number" or any(ch.isdigit() for ch in t.text):
            return "number"
        if t.kind == "word":
            return "word"
        return "mark"

    if _after_comma(toks, i):
        return "after a comma"
    if line_broken_piece(toks, i) or "-" in (toks[i - 1].text, toks[i + 1].text):
        return "a hyphen"
    glued = [side(k) for k in (i - 1, i + 1) if 0 <= k < len(toks) and toks[k].kind != "space"]
    if glued:
        return "a mark glued" if "mark" in glued else f"{glued[0]} glued"
    far = {side(i - 2), side(i + 2)}
    if "number" in far:
        return "beside a number"
    if "mark" in far:
        return "a mark beyond the space"
    return "other (an initial, a page edge)"


def slot_reason(kind: str, toks: list[Any], have: list[tuple[int, int, str, float]],
                span: tuple[int, int], gold: str, light: bool = False,
                ) -> tuple[str, dict[str, Any]]:  # fmt: skip
    """The slot reader's reason for the token at ``span`` (one call's page; ``light``: a
    light page, read with :data:`repair.candidates.ocr_slot.LIGHT_PROPOSE` and no rival)."""
    from repair.candidates import ocr_shortslot as ss
    from repair.candidates import ocr_slot as s
    from repair.candidates.ocr_context import words_after
    from repair.types import Candidate

    i = next(k for k, t in enumerate(toks) if (t.start, t.end) == span)
    text = toks[i].text
    info: dict[str, Any] = {"garbled_near": _garbled_near(toks, i)}
    exact = [(r.lower(), c) for a, b, r, c in have if (a, b) == span]
    wider = any(a < span[1] and b > span[0] and (a, b) != span for a, b, _r, _c in have)
    if kind == "slot":
        if not s._eligible_form(text):
            common = s.zipf(text.lower()) > s.MAX_PRINT_ZIPF
            return (
                f"print form: {'too common a word' if common else 'old spelling, title case'}",
                info,
            )
        if not s._eligible_place(toks, i, lambda: s.page_word_counts(toks)):
            return f"print place: {_place(toks, i)}", info
        if wider:
            return "under a wider reading", info
        cands = [Candidate(a, b, r, "ocr", "ocr", features={"cost": c}) for a, b, r, c in have]
        first = s.first_readings(toks, cands) if s.REVISED_CONTEXT else {}
        left, right = s._context(toks, i, first)
        printed = (s.words_before(toks, i, 2), words_after(toks, i, 2))
        info["context"] = (left, right)
        info["revised"] = (left, right) != printed
    else:
        if not ss._nonword_form(text):
            return f"print form: a non-word of {len(text)} letters", info
        if not ss._nonword_spot(toks, i):
            return f"print place: {_place(toks, i)}", info
        glued = ss._glued(toks, i)
        right = words_after(toks, i + 1, 2) if glued == "," else words_after(toks, i, 2)
        left = ss._left(toks, i)
        info["context"] = (left, right)
    # a stop glued after the print ends the right context (session 63 ocrplace, GLUED_MARK)
    ends = s._glued_mark(toks, i, s.GLUED_MARK if kind == "slot" else ss.GLUED_MARK) == "."
    if not left or not (right or ends):
        return "no context", info
    if light and exact:
        info["rivals"] = sorted({w for w, _c in exact})[:4]
        return "another reader read it (no light slot reading then)", info
    why, more = _pick_trace(text, left, right, exact, gold, s.LIGHT_PROPOSE if light else s.PROPOSE)
    info.update(more)
    if why == "proposed":
        why = "shorter-word guard" if len(gold) < len(text) else "proposed, dropped"
    return why, info


def reason(t: dict[str, Any], rec: Recorder) -> tuple[str, dict[str, Any]]:
    """The first gate that declines target ``t``'s gold reading (module doc)."""
    span, gold = t["span"], t["gold"]
    if span is None:
        return "print not located", {}
    why, info = _reason(span, gold, t["print"], rec)
    info.setdefault("garbled_near", _garbled_near_raw(rec.raw, span))
    return why, info


def _lm_prefers(raw: str, span: tuple[int, int], gold: str, other: str) -> float:
    """The trigram's log-probability of ``gold`` less ``other`` at ``span`` with the two
    printed words each side (the words after it included)."""
    from repair.candidates.ocr_context import words_after, words_before
    from repair.resources.lm import get_lm
    from repair.tokenize import tokenize

    toks = tokenize(raw)
    i = next(k for k, t in enumerate(toks) if (t.start, t.end) == span)
    left, right = words_before(toks, i, 2), words_after(toks, i, 2)
    lm = get_lm()
    return lm.sequence_logprob([gold, *right], left) - lm.sequence_logprob([other, *right], left)


def _garbled_near_raw(raw: str, span: tuple[int, int]) -> bool:
    """:func:`_garbled_near` of the print at ``span`` in the raw text."""
    from repair.tokenize import tokenize

    toks = tokenize(raw)
    at = [k for k, t in enumerate(toks) if (t.start, t.end) == span]
    return bool(at) and _garbled_near(toks, at[0])


def _reason(
    span: tuple[int, int], gold: str, printed: str, rec: Recorder
) -> tuple[str, dict[str, Any]]:
    """:func:`reason` of a located print."""
    # the scorer: the gold reading of exactly the print's span, in the last pass that had it
    for cands, seen, chosen in reversed(rec.scored):
        hits = [k for k, c in enumerate(cands) if (c[0], c[1]) == span and c[2].lower() == gold]
        if not hits:
            continue
        k = hits[0]
        info = {"source": cands[k][4] or cands[k][3]}
        d = seen.get(k)
        if d is None:
            return "built, never decided", info
        acc, margin = d
        info["margin"] = round(margin, 2)
        if acc:
            info["won"] = sorted({c[2] for c in chosen if c[0] < span[1] and c[1] > span[0]})
            for groups in reversed(rec.ranked):
                if span in groups:
                    info["ranked"] = groups[span][:3]
                    break
            first = info.get("ranked", [("", 0.0, "")])[0][0].lower()
            if first and first != gold and " " not in first:
                # the model's say alone, printed neighbours: is it the price that decides?
                lm = _lm_prefers(rec.raw, span, gold, first)
                info["lm_gold_minus_winner"] = round(lm, 2)
                return f"accepted, lost: {'price' if lm > 0 else 'model'} prefers the winner", info
            return "accepted, lost", info
        near = "within" if margin >= -NEAR else "further than"
        return f"scorer refused: {near} {NEAR:g} nats", info
    calls = [(k, toks, have) for k, toks, have in rec.slot_calls
             if any((x.start, x.end) == span for x in toks)]  # fmt: skip
    if not calls:
        return "no slot reader asked (gate shut, old print)", {}
    from repair.candidates import ocr_slot
    from repair.score.ocr_channel import is_known

    if all(c[0] == "light" for c in calls):
        kind, toks, have = calls[-1]
        kind = "slot" if is_known(printed) else "nonword"
        why, info = slot_reason(kind, toks, have, span, gold, light=True)
        state = "on" if ocr_slot.LIGHT_PAGES else "off"
        why = why.replace("PROPOSE", "LIGHT_PROPOSE")
        return f"light page (LIGHT_PAGES {state}): {why}", info
    want = "slot" if is_known(printed) else "nonword"
    mine = [c for c in calls if c[0] == want] or [c for c in calls if c[0] != "light"]
    kind, toks, have = mine[-1]
    return slot_reason(kind, toks, have, span, gold)


def main(argv: list[str] | None = None) -> int:
    args, runtime = split_runtime(argv)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--examples", type=int, default=6, help="examples shown per reason")
    ap.add_argument("--all-targets", action="store_true",
                    help="every target, not only those the learned slot price reaches")  # fmt: skip
    ap.add_argument("--json", type=Path, default=None, help="write every row here")
    opts = ap.parse_args(args)
    for spec in runtime:
        target, value = spec.split("=", 1)
        module, name = target.rsplit(".", 1)
        setattr(importlib.import_module(module), name, ast.literal_eval(value))
    from repair.candidates.ocr_slot import MAX_COST, priced_slot_words
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    rows = []
    for a in selected(DEFAULT_DATA, opts.split, opts.limit):
        rec = Recorder(a.raw)
        with recording(rec):
            res = repair_text(a.raw, config=RepairConfig())
        for t in targets(a.raw, a.gold, res.text):
            price = dict(priced_slot_words(t["print"])).get(t["gold"])
            t["price"] = None if price is None else round(price, 2)
            if not opts.all_targets and (price is None or price > MAX_COST):
                continue
            why, info = reason(t, rec)
            raw = a.raw
            s = t["span"] or (0, 0)
            ctx = " ".join(raw[max(0, s[0] - 40) : s[1] + 40].split())
            rows.append({"id": a.ident, **t, "reason": why, "info": info, "line": ctx})
    by = Counter(r["reason"] for r in rows)
    print(f"# {len(rows)} gold tokens (split {opts.split}; settings {runtime})")
    print(f"{'reason':60s} {'all':>4s} {'garbled near':>12s} {'left as printed':>15s}")
    for why, n in by.most_common():
        sub = [r for r in rows if r["reason"] == why]
        near = sum(1 for r in sub if r["info"].get("garbled_near"))
        kept = sum(1 for r in sub if r["out"] == r["print"])
        print(f"{why:60s} {n:4d} {near:12d} {kept:15d}")
    top = Counter(r["reason"].split(":")[0] for r in rows)
    print("\nby gate: " + "; ".join(f"{why} {n}" for why, n in top.most_common()))
    for why, _n in by.most_common():
        print(f"\n## {why}")
        for r in [r for r in rows if r["reason"] == why][: opts.examples]:
            info = {k: v for k, v in r["info"].items() if k != "context"}
            print(
                f"  {r['print']!r} -> {r['gold']!r} (out {r['out']!r}, price {r['price']}) {info}"
            )
            print(f"      … {r['line']} …")
    if opts.json:
        opts.json.write_text(json.dumps(rows, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
