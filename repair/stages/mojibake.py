"""The mojibake stage: ftfy's encoding repair, reported as word-sized edits.

detect
    runs ftfy line by line (:mod:`repair.normalize`) and returns one finding per
    changed span (reason = the ftfy rule id) plus one per line ftfy's badness
    heuristic still flags (reason ``ftfy_bad_unfixed`` when ftfy has no safe plan,
    ``ftfy_bad_after_fix`` when its result is still flagged): declined, no edit.
    The document score is the share of non-blank lines ftfy changes.
candidates
    one candidate per changed span; ``source`` is the rule id.
score
    ftfy's own decision is the verdict: every candidate becomes an edit whose
    confidence comes from the step(s) that made it, with ftfy's plan and
    badness before/after as evidence.

>>> from repair.document import Document
>>> doc = Document("The cafÃ© opened in 2019.\\n")
>>> det = STAGE.detect(doc)
>>> edits = STAGE.score(doc, det, STAGE.candidates(doc, det))
>>> [(e.offset, e.original, e.replacement, e.rule) for e in edits]
[(4, 'cafÃ©', 'café', 'FTFY_FIX_ENCODING')]
"""

from __future__ import annotations

from collections import Counter

from repair import normalize
from repair.document import Document
from repair.types import Candidate, Detection, Edit, Finding

_KIND = "mojibake"
#: Reason codes of lines ftfy's badness flags but does not (fully) fix: declined, no edit.
UNFIXED = "ftfy_bad_unfixed"
RESIDUAL = "ftfy_bad_after_fix"

_MESSAGES = {
    "FTFY_FIX_ENCODING": "text decoded in the wrong encoding (mojibake)",
    "FTFY_DECODE_INCONSISTENT_UTF8": "UTF-8 mojibake inside otherwise correct text",
    "FTFY_RESTORE_BYTE_A0": "mojibake whose no-break-space byte became a space",
    "FTFY_REPLACE_LOSSY_SEQUENCES": "mojibake partly lost; unrecoverable part marked with U+FFFD",
    "FTFY_FIX_C1_CONTROLS": "C1 control character that is a windows-1252 byte",
    "FTFY_UNESCAPE_HTML": "HTML entity in plain text",
    "FTFY_FIX_SURROGATES": "UTF-16 surrogate code points",
    "FTFY_REMOVE_TERMINAL_ESCAPES": "terminal (ANSI) escape sequence",
}


def _html_policy(doc: Document) -> normalize.HtmlPolicy:
    return doc.config.mojibake_unescape_html  # checked by RepairConfig


def _evidence(fix: normalize.SpanFix, html_reason: str) -> dict[str, object]:
    line = fix.line
    return {
        "ftfy_steps": [list(s) for s in line.steps],
        "ftfy_rules": list(fix.rules),
        "changed": {"from": fix.changed[0], "to": fix.changed[1]},
        "badness_before": line.badness_before,
        "badness_after": line.badness_after,
        "line_offset": line.start,
        "html_unescape": html_reason,
    }


class _Stage:
    name = _KIND

    def detect(self, doc: Document) -> Detection:
        text = doc.text
        policy = _html_policy(doc)
        allowed, html_reason = normalize.html_unescape_allowed(text, policy)
        fixes: list[normalize.SpanFix] = []
        flagged: list[tuple[int, int, str]] = []
        if normalize.needs_ftfy(text, allowed):  # else ftfy provably changes and flags nothing
            config = normalize.FTFY_CONFIG._replace(unescape_html=allowed)
            fixes = normalize.span_fixes(text, config)
            flagged = normalize.bad_unfixed_lines(text, list({f.line for f in fixes}), config)
        changed_lines = {f.line.start for f in fixes}

        findings = [
            Finding(
                f.start,
                f.end,
                _KIND,
                f.rule,
                f.confidence,
                {
                    "replacement": f.replacement,
                    "rule": f.rule,
                    "confidence": f.confidence,
                    "evidence": _evidence(f, html_reason),
                },
            )
            for f in fixes
        ]
        findings += [
            Finding(a, b, _KIND, reason, 0.0, {"declined": "ftfy badness still flags this line"})
            for a, b, reason in flagged
        ]
        findings.sort(key=lambda f: (f.start, f.end))

        lines = sum(1 for _, seg in normalize.segments(text) if seg.strip())
        rule_counts = Counter(r for f in fixes for r in f.rules)
        details = {
            "lines": lines,
            "lines_changed": len(changed_lines),
            "lines_bad_unfixed": sum(1 for *_, r in flagged if r == UNFIXED),
            "lines_bad_after_fix": sum(1 for *_, r in flagged if r == RESIDUAL),
            "spans_changed": len(fixes),
            "chars_changed": sum(len(f.changed[0]) for f in fixes),
            "rules": dict(rule_counts),
            "html_unescape": html_reason,
        }
        score = len(changed_lines) / lines if lines else 0.0
        return Detection(tuple(findings), min(1.0, score), details)

    def candidates(self, doc: Document, detection: Detection) -> list[Candidate]:
        out: list[Candidate] = []
        for finding in detection.findings:
            data = finding.data
            if "replacement" not in data:  # declined finding: nothing to propose
                continue
            out.append(
                Candidate(
                    finding.start,
                    finding.end,
                    data["replacement"],
                    _KIND,
                    data["rule"],
                    {"confidence": data["confidence"], "evidence": data["evidence"]},
                )
            )
        return out

    def score(self, doc: Document, detection: Detection, candidates: list[Candidate]) -> list[Edit]:
        edits: list[Edit] = []
        for c in candidates:
            rules = c.source.split("+")
            message = "; ".join(_MESSAGES.get(r, r) for r in rules)
            edits.append(
                Edit(
                    offset=c.start,
                    length=c.end - c.start,
                    original=doc.text[c.start : c.end],
                    replacement=c.replacement,
                    kind=_KIND,
                    confidence=c.features["confidence"],
                    rule=c.source,
                    message=message,
                    evidence=c.features["evidence"],
                )
            )
        return edits


STAGE = _Stage()
