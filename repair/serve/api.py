"""``POST /api/repair``: our native JSON API.

Request (JSON object)::

    {"text": "...",                         # required
     "name": "story.txt",                   # optional: labels the HTML report
     "references": ["clean text", ...],     # optional: clean texts on the same story
     "options": {"min_confidence": 0.5,     # optional, all of them
                 "only": ["spin", "ocr"],   # stages to run (mojibake, ocr, tortured, spin)
                 "reflow": false,           # re-flow hard-wrapped lines
                 "report": "html"}}         # also return the side-by-side HTML report

Answer::

    {"text": "repaired text", "changed": true,
     "edits": [{"offset": 0, "length": 9, "original": ..., "replacement": ...,
                "kind": ..., "confidence": ..., "rule": ..., "message": ...,
                "evidence": {...}, "alternatives": [...]}],
     "scores": {...},                        # DocScores.to_json()
     "report_html": "<!doctype html>..."}    # only with options.report == "html"

Edit offsets are code points (Python ``str`` indices, the project's contract):
applying the edits to ``text`` gives the answer's ``text``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from repair.config import RepairConfig
from repair.pipeline import STAGES
from repair.report.json import jsonable
from repair.serve.inputs import HTTPProblem, check_text
from repair.types import RepairResult

_OPTIONS = ("min_confidence", "only", "reflow", "report")
MAX_REFERENCES = 32


def parse_request(body: Any, base: RepairConfig) -> tuple[str, tuple[str, ...], RepairConfig, bool]:
    """(text, references, config, wants the HTML report) of a request body, or a 400."""
    if not isinstance(body, dict):
        raise HTTPProblem(400, 'the body must be a JSON object such as {"text": "..."}')
    unknown = sorted(set(body) - {"text", "references", "options", "name"})
    if unknown:
        raise HTTPProblem(400, f"unknown field(s): {', '.join(unknown)}")
    if not isinstance(body.get("name", ""), str):
        raise HTTPProblem(400, "'name' must be a string")
    text = body.get("text")
    if not isinstance(text, str):
        raise HTTPProblem(400, "'text' is required and must be a string")
    text = check_text(text, "text")
    refs = body.get("references") or []
    if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
        raise HTTPProblem(400, "'references' must be a list of strings")
    if len(refs) > MAX_REFERENCES:
        raise HTTPProblem(400, f"at most {MAX_REFERENCES} references per request")
    references = tuple(check_text(r, f"references[{i}]") for i, r in enumerate(refs))
    options = body.get("options") or {}
    if not isinstance(options, dict):
        raise HTTPProblem(400, "'options' must be an object")
    unknown = sorted(set(options) - set(_OPTIONS))
    if unknown:
        raise HTTPProblem(
            400, f"unknown option(s): {', '.join(unknown)}; known: {', '.join(_OPTIONS)}"
        )
    config = base
    if "min_confidence" in options:
        mc = options["min_confidence"]
        if isinstance(mc, bool) or not isinstance(mc, (int, float)) or not 0.0 <= mc <= 1.0:
            raise HTTPProblem(400, "'min_confidence' must be a number from 0 to 1")
        config = replace(config, min_confidence=float(mc))
    if "reflow" in options:
        if not isinstance(options["reflow"], bool):
            raise HTTPProblem(400, "'reflow' must be true or false")
        config = replace(config, reflow=options["reflow"])
    if "only" in options:
        only = options["only"]
        if not isinstance(only, list) or not only or not all(isinstance(s, str) for s in only):
            raise HTTPProblem(400, "'only' must be a non-empty list of stage names")
        bad = sorted(set(only) - set(STAGES))
        if bad:
            raise HTTPProblem(
                400, f"unknown stage(s) in 'only': {', '.join(bad)}; known: {', '.join(STAGES)}"
            )
        config = replace(config, **{s: s in only for s in STAGES})
    report = options.get("report")
    if report not in (None, "html"):
        raise HTTPProblem(400, "'report' must be \"html\" (or left out)")
    return text, references, config, report == "html"


def response(result: RepairResult, html_report: bool, name: str = "input") -> dict[str, Any]:
    """The answer for ``result``."""
    edits = []
    for e in sorted(result.edits, key=lambda e: (e.offset, e.length)):
        edits.append(
            {
                "offset": e.offset,
                "length": e.length,
                "original": e.original,
                "replacement": e.replacement,
                "kind": e.kind,
                "confidence": round(e.confidence, 4),
                "rule": e.rule,
                "message": e.message,
                "evidence": jsonable(e.evidence),
                "alternatives": list(e.alternatives),
            }
        )
    out: dict[str, Any] = {
        "text": result.text,
        "changed": result.changed,
        "edits": edits,
        "scores": jsonable(result.scores.to_json()),
    }
    if html_report:
        from repair.report import html

        out["report_html"] = html.render(result, name=name)
    return out
