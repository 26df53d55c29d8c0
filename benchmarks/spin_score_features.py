"""Dump the document spin score's inputs for every calibration document (one JSON line each).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_score_features.py /tmp/features.jsonl           # everything
    python benchmarks/spin_score_features.py /tmp/f.jsonl --split dev      # spun docs of dev only
    python benchmarks/spin_score_features.py /tmp/features.jsonl --fit     # the rule's constants

Rows: every clean document of ``benchmarks/spin_calibrate.py`` (``kind`` "clean") and the
spun documents of ``benchmarks/spin_eval.py`` (``kind`` "spun", with ``spinner``), each with
the spin stage's score, the collocation stage's, their details, the word statistics and
the wordy paraphrases' LM gains (:mod:`repair.detect.spin_stats`): the table
:mod:`repair.detect.spin_document`'s rule was chosen on (dev rows only;
benchmarks/RESULTS.md, "Document spin score, session 17" and "session 18").
``--fit`` reads such a file and prints that rule's constants from the clean *dev* rows
alone: each cue's tail knots (value, -ln share of clean dev documents at or above it;
registers and abstracts, not the clean suite; the paraphrase gains' knots over the clean
paraphrases themselves) and the cut (the combined value with as many clean dev documents
at or above it as :data:`FPR_DOCS`).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_calibrate import clean_suite_docs, short_pieces  # noqa: E402
from spin_eval import make_config, spun_docs  # noqa: E402
from spin_sim import RATE, SPINNERS  # noqa: E402
from spin_sim.abstracts import abstract_docs  # noqa: E402
from spin_sim.corpus import documents  # noqa: E402

from repair.detect.spin_repeats import repeat_evidence  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402


def row(text: str, config: object, **meta: object) -> dict[str, object]:
    """One document's scores and details."""
    r = repair_text(text, (), config)  # type: ignore[arg-type]
    d = r.scores.details
    spin = {k: v for k, v in dict(d.get("spin", {})).items() if k not in ("top", "decisions")}
    words = [w.lower() for w in text.split() if w.isalpha()]
    rare = sum(1 for w in words if zipf(w) < 3.0) / max(len(words), 1)
    return {
        **meta,
        "words": r.scores.words,
        "score": r.scores.spin,
        "spin_stage": dict(d.get("spin_score", {})).get("spin_stage", r.scores.spin),
        "paraphrase_gains": dict(d.get("spin_score", {})).get("paraphrase_gains", []),
        "collocation": r.scores.collocation,
        "tortured": r.scores.tortured,
        "spin": spin,
        "colloc": d.get("collocation", {}),
        "rare_share": round(rare, 4),
        "span_gains": span_gains(text),
        "repeats": round(repeat_evidence(text), 3),
    }


def span_gains(text: str) -> list[float]:
    """The LM gains of the multi-word spans the spin stage reads (:data:`SPAN_GAIN_TAIL`'s
    sample; read here on the whole text, the stage leaves out its profile's spans)."""
    from repair.candidates.spin_phrase import phrase_evidence
    from repair.document import Document

    return [round(e.gain, 3) for e in phrase_evidence(Document(text), set())]


#: Shares of clean dev documents at or above a knot (then the clean maximum).
LEVELS = (1.0, 0.9, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002)
#: Clean dev documents (of 1,339, clean suite included) at or above the cut: the spin
#: stage's own count at 0.5 (session 16: 17), less the four clean-suite formal texts that
#: only the profile's one or two fingerprints put there (session 19,
#: :func:`repair.detect.spin_document.profile_as_read`): the cut stays where it was
#: (5.309) instead of dropping to let four other clean documents in.
FPR_DOCS = 13


def tail_knots(values: list[float]) -> tuple[tuple[float, float], ...]:
    """Knots (value, -ln share at or above) of a cue over clean documents, x increasing."""
    xs = sorted(values)
    n = len(xs)
    pts = [(xs[min(n - 1, int(round((1 - s) * n)))], -math.log(s)) for s in LEVELS]
    pts.append((xs[-1], math.log(n + 1)))
    out: list[tuple[float, float]] = []
    for x, t in pts:
        if not out or x > out[-1][0]:  # tied values: the share at or above is the larger
            out.append((x, t))
    return tuple((round(x, 3), round(t + 0.0, 3)) for x, t in out)


def profile(r: dict) -> float:
    """The profile's evidence per 100 words of a row, as :mod:`repair.pipeline` reads it."""
    from repair.detect.spin_document import profile_as_read

    sp = r["spin"]
    return profile_as_read(
        sp.get("evidence_per_100_words", 0.0),
        sp.get("fingerprints", 0),
        sp.get("forms_with_evidence", 0),
    )


def span(r: dict) -> float:
    """The span evidence per 100 words of a row as the spin stage reported it (read with the
    module's ``SPAN_GAIN_TAIL`` when the file was written: refit that one first, dump again,
    then ``SPAN_TAIL``); rows without it: recomputed from the text's span gains."""
    from repair.detect.spin_document import span_evidence

    if "span_evidence" in r["spin"]:
        return r["spin"]["span_evidence"]
    return span_evidence(r.get("span_gains", []), r["spin"].get("words", r["words"]))


def fit(path: str) -> None:
    """Print :mod:`repair.detect.spin_document`'s constants from the dev rows of ``path``."""
    from repair.detect import spin_document as sd

    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    clean = [r for r in rows if r["kind"] == "clean" and r["split"] == "dev"]
    ref = [r for r in clean if r["register"] != "clean_suite"]
    cues = {
        "STAGE_TAIL": [sd.logit(r["spin_stage"]) for r in ref],
        "COLLOCATION_TAIL": [sd.logit(r["collocation"]) for r in ref],
        "WORDS_TAIL": [r["spin"].get("word_stats", {}).get("p_per_100", 0.0) for r in ref],
        "PROFILE_TAIL": [profile(r) for r in ref],
        "GAIN_TAIL": [g for r in ref for g in r.get("paraphrase_gains", [])],
        "TORTURED_TAIL": [sd.logit(r["tortured"]) for r in ref],
        "SPAN_GAIN_TAIL": [g for r in ref for g in r.get("span_gains", [])],
    }
    for name, vals in cues.items():
        print(f"{name} = {tail_knots(vals)}")
    # the document's paraphrase evidence is read with the GAIN_TAIL just printed
    sd.GAIN_TAIL = tail_knots(cues["GAIN_TAIL"])
    evidence = [sd.paraphrase_evidence(r.get("paraphrase_gains", [])) for r in ref]
    sd.PARAPHRASE_TAIL = tail_knots(evidence)
    print(f"PARAPHRASE_TAIL = {sd.PARAPHRASE_TAIL}")
    sd.SPAN_GAIN_TAIL = tail_knots(cues["SPAN_GAIN_TAIL"])[:-1]  # the maximum is no level
    print(f"SPAN_TAIL = {tail_knots([span(r) for r in ref])}")
    print(f"REPEAT_TAIL = {tail_knots([r.get('repeats', 0.0) for r in ref])}")
    if any("phrase_density" in r["spin"] for r in ref):  # dumped with DENSITY_WEIGHT on
        sd.DENSITY_TAIL = tail_knots([r["spin"].get("phrase_density", 0.0) for r in ref])
        print(f"DENSITY_TAIL = {sd.DENSITY_TAIL}")
        pooled = [
            sd.tail(r["spin"].get("phrase_density", 0.0), sd.DENSITY_TAIL)
            + sd.tail(span(r), sd.SPAN_TAIL)
            for r in ref
        ]
        print(f"POOL_TAIL = {tail_knots(pooled)}")
    gated = sum(bool(r["spin"].get("family_gate", False)) for r in ref)
    print(f"FAMILY_SURPRISE = {-math.log((gated + 1) / (len(ref) + 1)):.3f}")
    surprise = sorted(
        (
            sd.surprise(
                r["spin_stage"],
                r["collocation"],
                r["spin"].get("word_stats", {}).get("p_per_100", 0.0),
                profile(r),
                bool(r["spin"].get("family_gate", False)),
                sd.paraphrase_evidence(r.get("paraphrase_gains", [])),
                r["tortured"],
                span(r),
                r.get("repeats", 0.0),
            )
            for r in clean
        ),
        reverse=True,
    )
    print(f"SPUN_AT = {surprise[FPR_DOCS - 1]:.3f}  # of {len(clean)} clean dev documents")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--split", choices=("dev", "test", "both"), default="both")
    ap.add_argument("--cap", type=int, default=40)
    ap.add_argument("--fit", action="store_true", help="read OUT and print the rule's constants")
    ap.add_argument(
        "--short", action="store_true", help="only the short clean pieces (kind 'short')"
    )
    args = ap.parse_args(argv)
    if args.fit:
        fit(args.out)
        return 0
    config = make_config("spin,tortured,collocation", False)
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    t0 = time.perf_counter()
    if args.short:
        with open(args.out, "w", encoding="utf-8") as fh:
            for d, text in short_pieces([d for d in documents() if d.split in splits]):
                meta = {"kind": "short", "register": d.register, "split": d.split,
                        "doc_id": d.doc_id}  # fmt: skip
                fh.write(json.dumps(row(text, config, **meta)) + "\n")
        print(f"# {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        return 0
    with open(args.out, "w", encoding="utf-8") as fh:
        for split in splits:
            for name in [*SPINNERS, "tortured"]:
                _docs, spun = spun_docs(name, split, args.cap, RATE)
                for s in spun:
                    if s.edits:
                        meta = {"kind": "spun", "spinner": name, "split": split, "doc_id": s.doc_id}
                        fh.write(json.dumps(row(s.spun, config, **meta)) + "\n")
                print(f"# {split} {name} {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        for d in [*documents(), *abstract_docs(), *clean_suite_docs()]:
            meta = {"kind": "clean", "register": d.register, "split": d.split, "doc_id": d.doc_id}
            fh.write(json.dumps(row(d.text, config, **meta)) + "\n")
    print(f"# {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
