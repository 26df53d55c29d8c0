"""LanguageTool's public HTTP API: ``POST /v2/check`` and ``GET /v2/languages``.

Request fields (form-encoded or multipart, as LanguageTool takes them): ``text``
or ``data`` (LanguageTool's annotated text: ``{"annotation": [{"text": ...},
{"markup": ..., "interpretAs": ...}]}``), ``language`` (``en``, ``en-US``, ...
or ``auto``), and the optional filters ``enabledRules``, ``disabledRules``,
``enabledCategories``, ``disabledCategories``, ``enabledOnly``.  The answer is
built by :func:`repair.report.json.payload` with offsets in UTF-16 code units,
as LanguageTool counts them.  Errors are plain text with status 400, as
LanguageTool sends them.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass, replace

from repair.report.json import LANGUAGES, payload
from repair.serve.inputs import HTTPProblem, check_text
from repair.types import Edit, RepairResult
from repair.write import apply_edits

_CODES = {x["longCode"].lower(): x["longCode"] for x in LANGUAGES}


def language_code(value: str | None) -> str:
    """The long code we answer with for a request's ``language``, or a 400."""
    if value is None or not value.strip():
        raise HTTPProblem(400, "Missing 'language' parameter (for example language=en-US)")
    code = value.strip()
    low = code.lower().replace("_", "-")
    if low == "auto":
        return "en-US"
    if low in _CODES:
        return _CODES[low]
    if low.startswith("en-") or low == "en":
        return "en"
    known = ", ".join(x["longCode"] for x in LANGUAGES)
    raise HTTPProblem(
        400,
        f"'{code}' is not a language code known to this server: repair checks English only "
        f"({known}, or auto)",
    )


@dataclass(frozen=True)
class Annotated:
    """The text to check, and how its offsets map back onto the request's text."""

    full: str  # what the client's offsets count in (text, or data's text + markup)
    plain: str  # what we repair (markup replaced by its interpretAs)
    #: (plain start, plain end, full start) of each text part; None when full == plain
    parts: tuple[tuple[int, int, int], ...] | None = None

    def to_full(self, edits: tuple[Edit, ...]) -> tuple[Edit, ...]:
        """``edits`` on :attr:`plain` moved onto :attr:`full`; edits touching markup are dropped."""
        if self.parts is None:
            return edits
        starts = [a for a, _, _ in self.parts]
        out = []
        for e in edits:
            i = bisect_right(starts, e.offset) - 1  # the last part starting at or before it
            if i >= 0:
                a, b, full_start = self.parts[i]
                if e.end <= b:  # parts do not overlap: no other part can hold it
                    out.append(replace(e, offset=full_start + e.offset - a))
        return tuple(out)


def read_annotation(data: str) -> Annotated:
    """LanguageTool's ``data`` field: JSON ``{"annotation": [...]}`` of text and markup parts."""
    try:
        doc = json.loads(data)
        items = doc["annotation"]
        if not isinstance(items, list):
            raise TypeError
    except (json.JSONDecodeError, KeyError, TypeError):
        raise HTTPProblem(
            400,
            '\'data\' must be JSON like {"annotation": [{"text": "A "}, '
            '{"markup": "<b>"}, {"text": "test"}]}',
        ) from None
    full: list[str] = []
    plain: list[str] = []
    parts: list[tuple[int, int, int]] = []
    flen = plen = 0
    for item in items:
        if not isinstance(item, dict):
            raise HTTPProblem(400, "each 'data' annotation item must be an object")
        if isinstance(item.get("text"), str):
            t = item["text"]
            parts.append((plen, plen + len(t), flen))
            full.append(t)
            plain.append(t)
            flen += len(t)
            plen += len(t)
        elif isinstance(item.get("markup"), str):
            m = item["markup"]
            interpret = item.get("interpretAs", "")
            if not isinstance(interpret, str):
                raise HTTPProblem(400, "'interpretAs' must be a string")
            full.append(m)
            plain.append(interpret)
            flen += len(m)
            plen += len(interpret)
        else:
            raise HTTPProblem(400, "each 'data' annotation item needs 'text' or 'markup'")
    return Annotated("".join(full), "".join(plain), tuple(parts))


def request_text(fields: dict[str, str | bytes]) -> Annotated:
    """The text of a check request (``text`` or ``data``), validated."""
    if "text" in fields:
        text = check_text(fields["text"], "text")
        return Annotated(text, text)
    if "data" in fields:
        raw = check_text(fields["data"], "data")
        ann = read_annotation(raw)
        if not ann.plain.strip():
            raise HTTPProblem(400, "'data': empty input (nothing but whitespace)")
        check_text(ann.plain, "data")
        return ann
    raise HTTPProblem(400, "Missing 'text' or 'data' parameter")


def _names(fields: dict[str, str | bytes], key: str) -> set[str]:
    value = fields.get(key, "")
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return {x.strip() for x in value.split(",") if x.strip()}


def filter_matches(matches: list[dict], fields: dict[str, str | bytes]) -> list[dict]:
    """Apply LanguageTool's rule and category switches to our matches."""
    enabled_rules = _names(fields, "enabledRules")
    disabled_rules = _names(fields, "disabledRules")
    enabled_cats = _names(fields, "enabledCategories")
    disabled_cats = _names(fields, "disabledCategories")
    only = str(fields.get("enabledOnly", "false")).lower() == "true"
    out = []
    for m in matches:
        rule, cat = m["rule"]["id"], m["rule"]["category"]["id"]
        if rule in disabled_rules or cat in disabled_cats:
            continue
        if only and rule not in enabled_rules and cat not in enabled_cats:
            continue
        out.append(m)
    return out


def check_response(
    result: RepairResult, ann: Annotated, code: str, fields: dict[str, str | bytes]
) -> dict:
    """The ``/v2/check`` answer for ``result`` (a repair of ``ann.plain``)."""
    edits = ann.to_full(result.edits)
    shown = RepairResult(ann.full, apply_edits(ann.full, edits), edits, result.scores)
    body = payload(shown, None, utf16=True, language_code=code)
    body["matches"] = filter_matches(body["matches"], fields)
    return body


def languages() -> list[dict[str, str]]:
    """The ``/v2/languages`` answer."""
    return [dict(x) for x in LANGUAGES]
