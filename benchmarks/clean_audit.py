"""Precision audit on clean English: every change the pipeline makes to text that needs none.

Usage (from the checkout root)::

    python benchmarks/clean_audit.py [--suite benchmarks/suites/clean] [--icdar DIR]
                                     [--icdar-limit N] [--only PREFIX] [--json]
                                     [--extra-suite DIR] [--baseline OLD.json]

Runs :func:`repair.repair_text` (default configuration) on the clean side of every pair
of the clean suite (``benchmarks/make_clean_suite.py``), on seeds 001-004 with the other
seeds as ``references``, and, with ``--icdar``, on the gold side of ICDAR 2017 files
(old books; read in place, never copied).  Prints

* changed tokens per 1,000 clean word tokens, per edit kind and overall, and per source
  (the name prefix: ``news``, ``wiki``, ``book``, ``hand``, ``icdar``);
* the documents with edits;
* every edit with its context (``[[original => replacement]]``), rule, confidence and
  evidence, as ``name:offset``.

Tokens are ``\\w+`` runs (inner apostrophes kept) and single punctuation marks; an edit's
changed tokens are those a difflib alignment of its original and replacement does not
keep (at least 1, so a whitespace-only change counts).  The denominator is the number
of word tokens of the clean texts.  Exit code 0 whatever is found (it is an audit, not a
test: ``tests/test_clean_suite.py`` asserts byte identity).
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.bench.metrics import diff_changed  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.text_utils import snippet  # noqa: E402

SUITE = ROOT / "benchmarks" / "suites" / "clean"
ICDAR = ROOT.parent / "shared" / "data" / "ocr" / "icdar2017_eng_monograph"
_TOK = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def toks(text: str) -> list[str]:
    return _TOK.findall(text)


def edit_tokens(original: str, replacement: str) -> int:
    """Tokens an edit changes (at least 1 when it changes anything)."""
    if original == replacement:
        return 0
    return max(diff_changed(toks(original), toks(replacement)), 1)


def suite_texts(folder: Path, only: str = "") -> list[tuple[str, str, tuple[str, ...]]]:
    """(name, text, references) of the clean side of every pair whose sides are equal."""
    out = []
    for clean in sorted(folder.glob("*.clean.txt")):
        name = clean.name[: -len(".clean.txt")]
        if only and not name.startswith(only):
            continue
        text = clean.read_text(encoding="utf-8")
        damaged = clean.with_name(f"{name}.damaged.txt")
        if damaged.exists() and damaged.read_text(encoding="utf-8") != text:
            continue  # not a negative pair
        out.append((name, text, ()))
    return out


def extra_texts(folder: Path, only: str = "") -> list[tuple[str, str, tuple[str, ...]]]:
    """Clean sides of another aligned suite (named ``<suite>_<name>``)."""
    out = []
    for clean in sorted(folder.glob("*.clean.txt")):
        name = f"{folder.name}_{clean.name[: -len('.clean.txt')]}"
        if only and not name.startswith(only):
            continue
        out.append((name, clean.read_text(encoding="utf-8"), ()))
    return out


def seeds_with_references(only: str = "") -> list[tuple[str, str, tuple[str, ...]]]:
    """Seeds 001-004, each with the other three as references (the --reference use)."""
    paths = sorted(glob.glob(str(ROOT / "seeds" / "00[1-4]_*.txt")))
    texts = {Path(p).name[:3]: Path(p).read_text(encoding="utf-8") for p in paths}
    out = []
    for key, text in texts.items():
        name = f"refs_seed{key}"
        if only and not name.startswith(only):
            continue
        out.append((name, text, tuple(t for k, t in texts.items() if k != key)))
    return out


def icdar_texts(folder: Path, limit: int, only: str = "") -> list[tuple[str, str, tuple]]:
    """Gold side of ICDAR 2017 files: line 3 after ``[ GS_aligned] ``, '@' and '#' removed."""
    files = sorted(folder.glob("*.txt"), key=lambda p: (len(p.stem), p.stem))[:limit]
    out = []
    for f in files:
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            if only and not f"icdar_{f.stem}".startswith(only):
                break
            if line.startswith("[ GS_aligned]"):
                gold = line[len("[ GS_aligned]") :].strip().replace("@", "").replace("#", "")
                out.append((f"icdar_{f.stem}", gold, ()))
                break
    return out


def audit(
    docs: list[tuple[str, str, tuple[str, ...]]], width: int = 50, progress: bool = True
) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    t0 = time.time()
    for i, (name, text, refs) in enumerate(docs, 1):
        t = time.time()
        row: dict[str, Any] = {
            "name": name,
            "source": name.split("_")[0],
            "words": len(_WORD.findall(text)),
            "chars": len(text),
            "references": len(refs),
            "edits": [],
        }
        try:
            result = repair_text(text, refs, doc_id=name)
        except Exception as exc:  # an audit reports crashes too
            row["error"] = f"{type(exc).__name__}: {exc}"
            row["traceback"] = traceback.format_exc(limit=6)
        else:
            row["identical"] = result.text == text
            row["skipped"] = list(result.scores.skipped)
            for e in result.edits:
                row["edits"].append(
                    {
                        "where": f"{name}:{e.offset}",
                        "offset": e.offset,
                        "kind": e.kind,
                        "rule": e.rule,
                        "confidence": round(e.confidence, 3),
                        "original": e.original,
                        "replacement": e.replacement,
                        "tokens": edit_tokens(e.original, e.replacement),
                        "context": snippet(text, e.offset, e.end, width, width, e.replacement),
                        "evidence": e.evidence,
                    }
                )
        row["seconds"] = round(time.time() - t, 2)
        rows.append(row)
        if progress:
            mark = "ERR" if "error" in row else len(row["edits"])
            print(f"[{i}/{len(docs)}] {name}: {mark} ({row['seconds']}s)", file=sys.stderr)
    return summarize(rows, time.time() - t0)


def summarize(rows: list[dict[str, Any]], seconds: float) -> dict[str, Any]:
    counted = [r for r in rows if not r["name"].startswith("refs_")]  # no double counting
    words = sum(r["words"] for r in counted)
    by_kind: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    edits_by_kind: Counter[str] = Counter()
    by_source_tokens: Counter[str] = Counter()
    by_source_words: Counter[str] = Counter()
    by_source_docs: Counter[str] = Counter()
    by_source_bad: Counter[str] = Counter()
    for r in counted:
        by_source_words[r["source"]] += r["words"]
        by_source_docs[r["source"]] += 1
        if r["edits"] or "error" in r:
            by_source_bad[r["source"]] += 1
        for e in r["edits"]:
            by_kind[e["kind"]] += e["tokens"]
            by_rule[f"{e['kind']}/{e['rule']}"] += 1
            edits_by_kind[e["kind"]] += 1
            by_source_tokens[r["source"]] += e["tokens"]

    def rate(n: int, d: int) -> float:
        return round(1000.0 * n / d, 3) if d else 0.0

    return {
        "documents": len(counted),
        "words": words,
        "seconds": round(seconds, 1),
        "changed_tokens": sum(by_kind.values()),
        "per_1000": rate(sum(by_kind.values()), words),
        "documents_changed": sum(1 for r in counted if r["edits"]),
        "documents_error": [r["name"] for r in rows if "error" in r],
        "by_kind": {
            k: {"edits": edits_by_kind[k], "tokens": v, "per_1000": rate(v, words)}
            for k, v in sorted(by_kind.items())
        },
        "edits_by_rule": dict(by_rule.most_common()),
        "by_source": {
            s: {
                "documents": by_source_docs[s],
                "documents_changed": by_source_bad[s],
                "words": by_source_words[s],
                "tokens": by_source_tokens[s],
                "per_1000": rate(by_source_tokens[s], by_source_words[s]),
            }
            for s in sorted(by_source_docs)
        },
        "rows": rows,
    }


def print_report(rep: dict[str, Any]) -> None:
    print(
        f"clean audit: {rep['documents']} documents, {rep['words']} word tokens, {rep['seconds']} s"
    )
    print(
        f"changed tokens: {rep['changed_tokens']} = {rep['per_1000']} per 1,000 clean words; "
        f"documents changed: {rep['documents_changed']}/{rep['documents']}"
    )
    if rep["documents_error"]:
        print(f"CRASHED on: {', '.join(rep['documents_error'])}")
    print("\nby kind:            edits  tokens  per 1,000")
    for k, v in rep["by_kind"].items():
        print(f"  {k:<16} {v['edits']:>7} {v['tokens']:>7} {v['per_1000']:>10}")
    print("\nedits by rule:")
    for rule, n in rep["edits_by_rule"].items():
        print(f"  {rule:<40} {n:>5}")
    print("\nby source:          docs  changed   words  tokens  per 1,000")
    for s, v in rep["by_source"].items():
        print(
            f"  {s:<16} {v['documents']:>6} {v['documents_changed']:>8} {v['words']:>7}"
            f" {v['tokens']:>7} {v['per_1000']:>10}"
        )
    changed = [r for r in rep["rows"] if r["edits"] or "error" in r]
    print("\ndocuments with edits:")
    for r in changed:
        kinds = Counter(e["kind"] for e in r["edits"])
        what = r.get("error") or ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
        print(f"  {r['name']} ({r['words']} words): {what}")
    print("\nedits:")
    for r in changed:
        if "error" in r:
            print(f"  {r['name']}: CRASH\n{r['traceback']}")
        for e in r["edits"]:
            ev = json.dumps(e["evidence"], ensure_ascii=False, default=str, sort_keys=True)
            print(
                f"  {e['where']}  {e['kind']}/{e['rule']}  conf={e['confidence']}  "
                f"{e['original']!r} -> {e['replacement']!r}\n"
                f"      …{e['context']}…\n"
                f"      evidence: {ev[:400]}"
            )


def edit_keys(rep: dict[str, Any]) -> dict[tuple, dict[str, Any]]:
    return {
        (e["where"], e["original"], e["replacement"]): e for r in rep["rows"] for e in r["edits"]
    }


def print_comparison(rep: dict[str, Any], baseline: dict[str, Any]) -> None:
    """Edits that appeared or disappeared since a saved ``--json`` run."""
    now, before = edit_keys(rep), edit_keys(baseline)
    names = {r["name"] for r in rep["rows"]}
    gone = [k for k in before if k not in now and k[0].rsplit(":", 1)[0] in names]
    new = [k for k in now if k not in before]
    print(
        f"\nsince baseline: {baseline['per_1000']} -> {rep['per_1000']} per 1,000; "
        f"{len(new)} new edits, {len(gone)} gone"
    )
    for tag, keys, src in (("NEW", new, now), ("GONE", gone, before)):
        for k in keys:
            e = src[k]
            print(
                f"  {tag} {e['where']}  {e['kind']}/{e['rule']}  "
                f"{e['original']!r} -> {e['replacement']!r}"
            )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", default=str(SUITE), help="clean suite folder")
    ap.add_argument(
        "--icdar",
        nargs="?",
        const=str(ICDAR),
        default=None,
        help=f"also audit ICDAR 2017 gold texts (default folder: {ICDAR})",
    )
    ap.add_argument("--icdar-limit", type=int, default=10, help="ICDAR files to read")
    ap.add_argument(
        "--extra-suite",
        action="append",
        default=[],
        help="also audit the clean sides of this aligned suite (repeatable)",
    )
    ap.add_argument("--no-refs", action="store_true", help="skip seeds-with-references runs")
    ap.add_argument("--only", default="", help="only documents whose name starts with this")
    ap.add_argument("--context", type=int, default=50, help="context characters each side")
    ap.add_argument("--json", action="store_true", help="print the full report as JSON")
    ap.add_argument("--baseline", help="a saved --json report: list new and gone edits")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    args = ap.parse_args(argv)

    docs = suite_texts(Path(args.suite), args.only)
    if not args.no_refs:
        docs += seeds_with_references(args.only)
    for extra in args.extra_suite:
        docs += extra_texts(Path(extra), args.only)
    if args.icdar:
        docs += icdar_texts(Path(args.icdar), args.icdar_limit, args.only)
    if not docs:
        print(f"no documents found (suite {args.suite}, only {args.only!r})", file=sys.stderr)
        return 0
    rep = audit(docs, args.context, progress=not args.quiet)
    if args.json:
        print(json.dumps(rep, ensure_ascii=False, indent=1, default=str))
    else:
        print_report(rep)
    if args.baseline:
        print_comparison(rep, json.loads(Path(args.baseline).read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
