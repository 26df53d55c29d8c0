"""A span-level account of the SMH "wrong reading chosen, gold built" tokens (issue 12, session 55).

    python benchmarks/smh_span_account.py [--split dev] [--limit N] [--examples N]
                                          [--set MODULE.NAME=VALUE ...] [--json FILE]

Dev half only by default (tune there; the test half is read once, at the end).  Session 54's
``smh_rank_account.py`` explained the tokens whose gold reading was a candidate **of the
same span** as the wrong applied edit; this script follows every such token (the
``wrong reading chosen, gold built`` kind of ``smh_gap_account.py --residual``) through the
OCR stage's steps and tells **where** the gold reading was lost and **how its span relates
to the winning edit's span**.

The OCR stage's steps, recorded per article: each candidate's last decision (margin and
threshold); the scorer's edits (one per span: the accepted reading with the largest margin,
joint readings included); :func:`repair.score.ocr_nested.compose_nested`;
:func:`repair.score.ocr_overlap.resolve_overlaps` (overlapping readings of one stretch
compared in context); the stage's later passes (recase, second pass, capital keeps ...);
the pipeline's :func:`repair.write.select_disjoint` (the most confident of overlapping
edits) and the later stages.  A gold reading is *lost* at the first step whose output no
longer carries it (an edit of its span with its replacement, any case):

* ``refused``: no accepted decision (margin below threshold, or never decided);
* ``ranked``: accepted, but the scorer's edit of its span is another reading;
* ``nested`` / ``overlap`` / ``later pass`` / ``select_disjoint`` / ``later stage``: the step
  that dropped it.

The span relation of the winning edit to the gold reading: ``same`` span, ``wider wins`` (a
join or joint reading over the gold's token and a neighbour), ``narrower wins`` (the gold is
the wider reading), ``partial`` (the spans cross), ``disjoint`` (the gold reading was over
other text).  Per loss, the two readings' stretch scores under
:func:`repair.score.ocr_overlap._score` (LM log-probability of the union span with two
context words each side, minus the channel costs) say which a span-level comparison prefers.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import benchmarks.smh_gap_account as gap  # noqa: E402
from benchmarks.smh_eval import add_selection_args, selected  # noqa: E402
from repair.types import Edit  # noqa: E402

#: The kind of ``smh_gap_account`` this script follows.
KIND = "wrong reading chosen, gold built"
#: The OCR stage's steps, in order; a gold reading is lost at the first one it is missing from.
STEPS = ("scored", "nested", "overlap", "stage", "final")
LOSS = {
    "scored": "ranked",
    "nested": "nested",
    "overlap": "overlap",
    "stage": "later pass",
    "final": "select_disjoint",
}


class _Steps:
    """Patches the OCR stage to keep the edits after each step (one article at a time)."""

    def __init__(self) -> None:
        import repair.stages.ocr as stage

        self.steps: dict[str, list[Edit]] = {}
        self.text = ""
        nested = stage._lazy("compose_nested")
        overlaps = stage._lazy("resolve_overlaps")
        score = stage._Stage.score

        def rec_nested(edits):  # type: ignore[no-untyped-def]
            self.steps["scored"] = list(edits)
            out = nested(edits)
            self.steps["nested"] = list(out)
            return out

        def rec_overlaps(text, edits):  # type: ignore[no-untyped-def]
            out = overlaps(text, edits)
            self.steps["overlap"] = list(out)
            return out

        def rec_score(this, doc, detection, candidates):  # type: ignore[no-untyped-def]
            out = score(this, doc, detection, candidates)
            if "stage" not in self.steps:  # the stage's first run over the raw text
                self.text = doc.text
                self.steps["stage"] = list(out)
            return out

        stage.compose_nested = rec_nested
        stage.resolve_overlaps = rec_overlaps
        stage._Stage.score = rec_score  # type: ignore[method-assign]

    def reset(self) -> None:
        self.steps, self.text = {}, ""


def relation(win: tuple[int, int], gold: tuple[int, int]) -> str:
    """The span relation of the winning edit ``win`` to the gold reading ``gold``.

    >>> relation((3, 9), (3, 9)), relation((0, 9), (3, 9)), relation((3, 5), (3, 9))
    ('same', 'wider wins', 'narrower wins')
    >>> relation((0, 5), (3, 9)), relation((0, 2), (3, 9))
    ('partial', 'disjoint')
    """
    (a, b), (c, d) = win, gold
    if (a, b) == (c, d):
        return "same"
    if b <= c or d <= a:
        return "disjoint"
    if a <= c and d <= b:
        return "wider wins"
    if c <= a and b <= d:
        return "narrower wins"
    return "partial"


def _has(edits: list[Edit], start: int, end: int, repl: str) -> bool:
    return any(
        e.offset == start and e.end == end and e.replacement.lower() == repl.lower() for e in edits
    )


def _stretch(text: str, lo: int, hi: int, edits: list[Edit]) -> float:
    from repair.score.ocr_overlap import _score

    return _score(text, lo, hi, [e for e in edits if lo <= e.offset and e.end <= hi])


class _Account:
    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.steps = _Steps()
        self.final: list[Edit] = []
        self.art = ""

    def follow(
        self, rec: Any, res_edits: list[Edit], raw: str, start: int, end: int, gold: str
    ) -> None:
        """One token of :data:`KIND`: its gold readings followed through the steps."""
        st = self.steps.steps
        gl = gold.lower()

        def gives(s: int, e: int, r: str) -> bool:
            lo, hi = min(s, start), max(e, end)
            piece = raw[lo:s] + r + raw[e:hi]
            return gl in [gap._word(t).lower() for t in gap.token_seq(piece).toks]

        goods = [c for c in rec.cands.values() if c.start < end and c.end > start]
        goods = [c for c in goods if gives(c.start, c.end, c.replacement)]
        mine = [e for e in res_edits if e.offset < end and e.end > start]
        stage_final = [e for e in res_edits]
        best: tuple[int, Any, str] | None = None
        for c in goods:
            ev = rec.decisions.get(id(c)) or {}
            acc = ev and float(ev.get("margin", -99.0)) >= float(ev.get("threshold", 0.0))
            lost = "refused" if not acc else ""
            reach = 0
            if acc:
                for k, step in enumerate(STEPS):
                    seq = stage_final if step == "final" else st.get(step, [])
                    if not _has(seq, c.start, c.end, c.replacement):
                        lost = LOSS[step]
                        break
                    reach = k + 1
                else:
                    lost = "later stage"
            if best is None or reach > best[0]:
                best = (reach, c, lost)
        if best is None:
            return
        _reach, c, lost = best
        ev = rec.decisions.get(id(c)) or {}
        win = max(mine, key=lambda e: (e.length, e.confidence)) if mine else None
        rel = relation((win.offset, win.end), (c.start, c.end)) if win else "none"
        gold_edit = next(
            (
                e
                for step in ("scored", "nested", "overlap", "stage")
                for e in st.get(step, [])
                if e.offset == c.start
                and e.end == c.end
                and e.replacement.lower() == c.replacement.lower()
            ),
            None,
        )
        row: dict[str, Any] = {
            "art": self.art,
            "gold": gold,
            "raw": raw[start:end],
            "lost": lost,
            "rel": rel,
            "gold_span": [c.start, c.end],
            "gold_print": raw[c.start : c.end],
            "gold_repl": c.replacement,
            "gold_source": c.source,
            "gold_margin": ev.get("margin"),
            "gold_threshold": ev.get("threshold"),
            "gold_conf": gold_edit.confidence if gold_edit else None,
            "gold_joint": bool(gold_edit and "joint_margin" in gold_edit.evidence),
            "win": [
                {
                    "span": [e.offset, e.end],
                    "print": e.original,
                    "repl": e.replacement,
                    "rule": e.rule,
                    "conf": e.confidence,
                    "joint": "joint_margin" in e.evidence,
                    "cost": e.evidence.get("confusion_cost"),
                    "margin": e.evidence.get("margin"),
                }
                for e in mine
            ],
            "ctx": raw[max(0, start - 40) : end + 40],
        }
        if win is not None and rec.text == raw:
            lo, hi = min(win.offset, c.start), max(win.end, c.end)
            g_edit = gold_edit or Edit(
                offset=c.start,
                length=c.end - c.start,
                original=raw[c.start : c.end],
                replacement=c.replacement,
                kind="ocr",
                rule="gold",
                confidence=0.0,
                message="",
                evidence={"confusion_cost": ev.get("confusion_cost", 0.0)},
            )
            try:
                row["stretch_win"] = round(_stretch(raw, lo, hi, mine), 2)
                row["stretch_gold"] = round(_stretch(raw, lo, hi, [g_edit]), 2)
            except Exception as exc:  # noqa: BLE001 (an account: show it, go on)
                row["stretch_err"] = repr(exc)
        self.rows.append(row)


def collect(arts: list[Any], sets: list[str]) -> list[dict[str, Any]]:
    acct = _Account()
    kind_of = gap.candidate_kind
    repair = gap.repair_text
    holder: dict[str, Any] = {}

    def rec_kind(rec, res_edits, raw_text, start, end, gold):  # type: ignore[no-untyped-def]
        kind = kind_of(rec, res_edits, raw_text, start, end, gold)
        if kind == KIND and acct.steps.text == raw_text:
            acct.follow(rec, res_edits, raw_text, start, end, gold)
        return kind

    def rec_repair(text, config=None):  # type: ignore[no-untyped-def]
        acct.steps.reset()
        holder["text"] = text
        acct.art = next((a.ident for a in arts if a.raw == text), "")
        return repair(text, config=config)

    gap.candidate_kind = rec_kind
    gap.repair_text = rec_repair
    gap._apply_sets(sets)
    with contextlib.redirect_stdout(io.StringIO()):
        gap.account(arts, 0, None, residual=True)
    return acct.rows


def _fmt(x: Any) -> str:
    return f"{x:.2f}" if isinstance(x, float) else str(x)


def report(rows: list[dict[str, Any]], examples: int) -> str:
    out = [f"{len(rows)} tokens of kind {KIND!r}\n"]
    rels = ("same", "wider wins", "narrower wins", "partial", "disjoint", "none")
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        table[r["lost"]][r["rel"]] += 1
    out.append("| gold lost at | " + " | ".join(rels) + " | all |")
    out.append("|---|" + "---:|" * (len(rels) + 1))
    for lost, cnt in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        out.append(
            f"| {lost} | " + " | ".join(str(cnt[x]) for x in rels) + f" | {sum(cnt.values())} |"
        )
    cross = [r for r in rows if r["rel"] != "same"]
    prefer = Counter(
        ("gold" if r["stretch_gold"] > r["stretch_win"] else "win")
        for r in cross
        if "stretch_gold" in r
    )
    out.append(
        f"\ncross-span tokens {len(cross)}; the stretch score (LM over the union span minus "
        f"channel costs) prefers the gold reading in {prefer['gold']}, the winner in "
        f"{prefer['win']}"
    )
    for (lost, rel), group in sorted(_groups(cross).items(), key=lambda kv: -len(kv[1])):
        out.append(f"\n== lost at {lost}, {rel} ({len(group)})")
        for r in group[:examples]:
            w = "; ".join(
                f"{x['rule']} {x['print']!r}->{x['repl']!r} c={_fmt(x['conf'])}"
                f"{' joint' if x['joint'] else ''} cost={_fmt(x['cost'])}"
                for x in r["win"]
            )
            out.append(
                f"  {r['raw']!r} gold {r['gold']!r}: gold reading {r['gold_print']!r}->"
                f"{r['gold_repl']!r} ({r['gold_source']}, m={_fmt(r['gold_margin'])} "
                f"t={_fmt(r['gold_threshold'])} c={_fmt(r['gold_conf'])}"
                f"{' joint' if r['gold_joint'] else ''}) | won: {w} | stretch win "
                f"{_fmt(r.get('stretch_win'))} gold {_fmt(r.get('stretch_gold'))} | {r['ctx']!r}"
            )
    return "\n".join(out)


def _groups(rows: list[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    by: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by[(r["lost"], r["rel"])].append(r)
    return by


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_selection_args(ap)
    ap.add_argument("--set", action="append", default=[], dest="sets")
    ap.add_argument("--json", type=Path, default=None, help="rows as JSON lines (cache)")
    args = ap.parse_args(argv)
    if args.json and args.json.is_file():
        rows = [json.loads(x) for x in args.json.read_text(encoding="utf-8").splitlines()]
    else:
        rows = collect(selected(args.data, args.split, args.limit), args.sets)
        if args.json:
            args.json.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(report(rows, args.examples or 12))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
