"""Where the light suite's unfixed damaged tokens are lost (issue 12).

    python benchmarks/ocr_light_account.py [--split dev] [--rates 0.003 0.01] [--limit N]
        [--show CLASS] [MODULE.NAME=VALUE ...]

Reads ``benchmarks/make_ocr_light_suite.py``'s suite (dev unless told) and runs the ocr
stage's three steps (detect, candidates, score) on every damaged document of the chosen
rates.  Each damaged span gets one class, the first that applies:

``fixed``          an ocr-stage edit restores the gold;
``wrong edit``     an edit touches the span and does not restore it;
``declined``       a candidate restoring the gold was built, and the scorer declined it;
``no candidate``   a finding touches the span, and no candidate restores the gold;
``not found``      no finding touches the span.

The classes are counted by the page's gate (open or shut: the stage's own
``garbled`` decision, the probe included), by damage kind (``glyph`` non-word, ``glyph``
real word, ``split``, ``merge``) and, for ``no candidate`` and ``declined``, by the
finding's reason.  ``--show CLASS`` lists that class's spans (print, gold, context).
The stage run is the pipeline's ocr stage alone (the other stages are off in the light
suite's scoring too), so its ``fixed`` count is close to ``ocr_light_eval.py --suite``'s.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from repair.config import RepairConfig  # noqa: E402
from repair.document import Document  # noqa: E402
from repair.stages.ocr import STAGE  # noqa: E402

CLASSES = ("fixed", "wrong edit", "declined", "no candidate", "not found")


def _restores(text: str, start: int, end: int, repl: str, span: dict) -> bool:
    """Whether replacing ``text[start:end]`` by ``repl`` restores ``span``'s gold."""
    a, b = min(start, span["start"]), max(end, span["end"])
    new = text[a:start] + repl + text[end:b]
    want = text[a : span["start"]] + span["gold"] + text[span["end"] : b]
    return new == want


def _touches(start: int, end: int, span: dict) -> bool:
    if start == end:
        return span["start"] <= start <= span["end"]
    return start < span["end"] and span["start"] < end


def kind_of(span: dict) -> str:
    """The damage kind: glyph (non-word / real word), split, merge."""
    if span["kind"] == "glyph":
        return "glyph real" if span["real"] else "glyph nonword"
    return span["kind"]


def account_doc(text: str, spans: list[dict]) -> list[tuple[str, str, str, dict]]:
    """(class, gate, reason, span) of every damaged span of one document."""
    doc = Document(text, config=RepairConfig(spin=False, tortured=False))
    det = STAGE.detect(doc)
    gate = "open" if det.details.get("garbled") else "shut"
    findings = list(det.findings)
    cands = STAGE.candidates(doc, det)
    edits = STAGE.score(doc, det, list(cands))
    out = []
    for sp in spans:
        hit = [e for e in edits if _touches(e.offset, e.end, sp)]
        reason = ",".join(sorted({f.reason for f in findings if _touches(f.start, f.end, sp)}))
        if any(_restores(text, e.offset, e.end, e.replacement, sp) for e in hit):
            cls = "fixed"
        elif hit:
            cls = "wrong edit"
        elif any(
            _restores(text, c.start, c.end, c.replacement, sp)
            for c in cands
            if _touches(c.start, c.end, sp)
        ):
            cls = "declined"
        elif reason:
            cls = "no candidate"
        else:
            cls = "not found"
        out.append((cls, gate, reason, sp))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--rates", nargs="+", default=["0.003", "0.01"])
    ap.add_argument("--limit", type=int, default=0, help="first N documents only")
    ap.add_argument("--show", default="", help="list the spans of this class")
    ap.add_argument("settings", nargs="*", metavar="MODULE.NAME=VALUE", help="override first")
    args = ap.parse_args(argv)
    for spec in args.settings:
        from ocr_book_eval import _override

        _override(spec)
    path = ROOT / "benchmarks" / ".generated" / "ocr_light" / f"{args.split}.json"
    if not path.exists():
        raise SystemExit(f"no {path}: run python benchmarks/make_ocr_light_suite.py")
    docs = json.loads(path.read_text(encoding="utf-8"))
    if args.limit:
        docs = docs[: args.limit]
    for rate in args.rates:
        by: Counter[tuple[str, str, str]] = Counter()
        reasons: Counter[tuple[str, str, str]] = Counter()
        shown = []
        for doc in docs:
            dmg = doc["damaged"][rate]
            for cls, gate, reason, sp in account_doc(dmg["text"], dmg["spans"]):
                by[cls, gate, kind_of(sp)] += 1
                if cls in ("declined", "no candidate"):
                    reasons[cls, kind_of(sp), reason or "-"] += 1
                if cls == args.show:
                    t = dmg["text"]
                    ctx = t[max(0, sp["start"] - 25) : sp["end"] + 25].replace("\n", " ")
                    shown.append(
                        f"  {gate:<4} {kind_of(sp):<13} {reason:<22} "
                        f"{t[sp['start'] : sp['end']]!r} -> {sp['gold']!r}   [{ctx!r}]"
                    )
        total = sum(by.values())
        print(f"## rate {float(rate):.1%}, {args.split}: {len(docs)} documents, {total} spans")
        kinds = sorted({k for _c, _g, k in by})
        print("| class | gate | " + " | ".join(kinds) + " | all |")
        print("|---|---|" + "---|" * (len(kinds) + 1))
        for cls in CLASSES:
            for gate in ("shut", "open"):
                row = [by[cls, gate, k] for k in kinds]
                if sum(row):
                    print(f"| {cls} | {gate} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
        print("| reason (declined / no candidate) | kind | count |")
        print("|---|---|---|")
        for (cls, kind, reason), n in reasons.most_common(12):
            print(f"| {cls}: {reason} | {kind} | {n} |")
        if shown:
            print(f"# {args.show}")
            print("\n".join(shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
