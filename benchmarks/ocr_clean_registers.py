"""Clean-register precision census of the OCR stage (issue 12; issues 11/14's side effect).

Runs the OCR stage (``RepairConfig`` with the mojibake and OCR stages only: the same path
as ``repair fix``, whose later stages make no OCR edit) on every clean document the repo
can reach and lists every document whose garble gate opens and every OCR / spacing edit
it makes, by register and rule.  Clean text must pass untouched, so every edit here is a
false positive.

Sources, each document split dev/test by its id (``spin_sim.text.doc_split``):

* the spin suites' clean originals (``spin_sim.corpus.documents``: ``abc_news``, ``wsj``,
  ``state_union``, ``inaugural``, ``webtext`` of ``../shared/data/clean_english``, the
  Lee corpus, seeds 001-004);
* the clean abstracts of the tortured/mill spinners (``spin_sim.abstracts``);
* the tortured suite's clean texts (``benchmarks/suites/tortured/*.clean.txt``: template
  abstracts, ``tortured_suite``; scipy/numpy docstrings, ``docstring``).

Usage::

    python benchmarks/ocr_clean_registers.py --split dev              # tune on this
    python benchmarks/ocr_clean_registers.py --split test --json out.json
    python benchmarks/ocr_clean_registers.py --split dev --register webtext --show 40
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_sim.abstracts import abstract_docs  # noqa: E402
from spin_sim.corpus import Doc, documents  # noqa: E402

from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402

#: The edit kinds the OCR stage makes.
OCR_KINDS = frozenset({"ocr", "spacing", "hyphenation"})


def suite_docs() -> list[Doc]:
    """The tortured suite's clean texts (template abstracts and library docstrings)."""
    out = []
    for p in sorted((ROOT / "benchmarks" / "suites" / "tortured").glob("*.clean.txt")):
        register = "docstring" if p.name.startswith("docstring") else "tortured_suite"
        text = p.read_text(encoding="utf-8")
        out.append(Doc(f"{register}/{p.name.removesuffix('.clean.txt')}", register, text))
    return out


def census_docs(split: str, registers: set[str] | None = None) -> list[Doc]:
    """Every clean document of ``split`` (``all``: both), in a fixed order."""
    docs = [*documents(), *abstract_docs(), *suite_docs()]
    return [
        d
        for d in docs
        if (split == "all" or d.split == split) and (not registers or d.register in registers)
    ]


def ocr_config() -> RepairConfig:
    """The OCR stage (and mojibake, which runs before it) alone."""
    return RepairConfig(mojibake=True, ocr=True, tortured=False, spin=False, collocation=False)


def read_doc(doc: Doc, config: RepairConfig) -> dict[str, object]:
    """One document's gate, garble score and OCR edits."""
    result = repair_text(doc.text, config=config, doc_id=doc.doc_id)
    details = result.scores.details.get("ocr", {}) if result.scores.details else {}
    words = int(details.get("words", 0)) or len(doc.text.split())
    edits = [
        {
            "offset": e.offset,
            "original": e.original,
            "replacement": e.replacement,
            "kind": e.kind,
            "rule": e.rule,
            "context": doc.text[max(0, e.offset - 25) : e.end + 25],
        }
        for e in result.edits
        if e.kind in OCR_KINDS
    ]
    return {
        "id": doc.doc_id,
        "register": doc.register,
        "split": doc.split,
        "words": words,
        "garble": round(int(details.get("garbled_words", 0)) / max(1, words), 4),
        "opened": bool(details.get("garbled")),
        "probe": bool(details.get("probe_opened")),
        "edits": edits,
    }


def summarize(rows: list[dict]) -> dict[str, dict[str, object]]:
    """Per register (and ``all``): documents, words, gates opened, edits by rule."""
    out: dict[str, dict[str, object]] = {}
    for key in sorted({r["register"] for r in rows}) + ["all"]:
        sel = [r for r in rows if key in ("all", r["register"])]
        rules = Counter(e["rule"] for r in sel for e in r["edits"])
        out[key] = {
            "docs": len(sel),
            "words": sum(r["words"] for r in sel),
            "opened": sum(r["opened"] for r in sel),
            "docs_edited": sum(bool(r["edits"]) for r in sel),
            "edits": sum(rules.values()),
            "edits_opened": sum(len(r["edits"]) for r in sel if r["opened"]),
            "rules": dict(rules.most_common()),
        }
    return out


def print_summary(summary: dict[str, dict[str, object]]) -> None:
    print(
        f"{'register':<15} {'docs':>5} {'words':>9} {'opened':>6} {'edited':>6} {'edits':>5}"
        f" {'on open':>7}  rules"
    )
    for key, s in summary.items():
        rules = ", ".join(f"{k} {v}" for k, v in s["rules"].items())  # type: ignore[union-attr]
        print(
            f"{key:<15} {s['docs']:>5} {s['words']:>9,} {s['opened']:>6} {s['docs_edited']:>6}"
            f" {s['edits']:>5} {s['edits_opened']:>7}  {rules}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--register", action="append", help="only these registers (repeatable)")
    ap.add_argument("--json", help="write every document's row here")
    ap.add_argument("--show", type=int, default=30, help="list this many edits (0: none)")
    args = ap.parse_args(argv)
    config = ocr_config()
    t0 = time.process_time()
    rows = [read_doc(d, config) for d in census_docs(args.split, set(args.register or ()))]
    cpu = time.process_time() - t0
    print(f"# split {args.split}: {len(rows)} clean documents, OCR stage, {cpu:.1f} s CPU")
    print_summary(summarize(rows))
    opened = [r for r in rows if r["opened"]]
    if opened:
        print("# gate opened: " + ", ".join(f"{r['id']} ({r['garble']})" for r in opened))
    shown = 0
    for r in rows:
        for e in r["edits"]:
            if shown >= args.show:
                break
            shown += 1
            print(
                f"  {r['id']:<28} {'open' if r['opened'] else 'shut'} {e['rule']:<20}"
                f" {e['original']!r} -> {e['replacement']!r}   [{e['context']!r}]"
            )
    if args.json:
        Path(args.json).write_text(
            json.dumps({"split": args.split, "summary": summarize(rows), "docs": rows}, indent=1)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
