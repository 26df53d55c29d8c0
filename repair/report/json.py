"""LanguageTool-shaped matches: the one builder behind ``fix --report json`` and ``repair serve``.

Every finding becomes a match in exactly the shape of LanguageTool's public
``/v2/check`` response, so any LanguageTool client (LTeX, browser add-ons,
``language_tool_python``) can read it, plus our own fields riding along::

    {
      "software": {"name": "repair", "version": "0.1.0", "apiVersion": 1, ...},
      "warnings": {"incompleteResults": false},
      "language": {"name": "English (US)", "code": "en-US", "detectedLanguage": {...}},
      "offsetUnits": "codepoints",            # ours: see "Offsets" below
      "document": "news.txt",                 # ours (CLI only): the name given to render()
      "changed": true,                        # ours: output differs from input
      "scores": {"words": 1234, "spin": 0.81, ...},   # ours: DocScores.to_json()
      "matches": [
        {
          "message": "spinner substitution: 'mentioned' restored as 'said'",
          "shortMessage": "Article-spinner synonym swap",   # the kind's legend text
          "replacements": [{"value": "said"}, {"value": "stated"}],  # ranked; first applied
          "offset": 24, "length": 9,
          "context": {"text": "...Trump mentioned it to...", "offset": 9, "length": 9},
          "sentence": "Trump mentioned it to reporters.",
          "type": {"typeName": "Other"},
          "rule": {"id": "SPIN_PAIR", "description": "...", "issueType": "style",
                   "category": {"id": "REPAIR_SPIN", "name": "Article-spinner synonym swaps"}},
          "ignoreForIncompleteSentence": false, "contextForSureMatch": 0,
          "original": "mentioned",            # ours from here on
          "kind": "spin", "confidence": 0.93,
          "evidence": {"lm_logprob_gain": 3.1, "pair_count_in_doc": 21}
        }
      ],
      "declined": [                           # ours (fix --report json): spans a stage
        {"offset": 93, "length": 7, "original": "seeking",  # read as damaged but left,
         "stage": "spin", "reason": "weak_evidence"}        # and the reason code
      ]
    }

Categories are the stages (``REPAIR_<STAGE>``), ``shortMessage`` and
``issueType`` come from each edit kind: all read from the stage registry
(:mod:`repair.stages`), so a new stage needs nothing here.

Offsets
    LanguageTool counts ``offset``/``length`` (and ``context.offset``/``length``)
    in **UTF-16 code units** (Java string indices); Python counts code points.
    The two differ only after a character outside the Basic Multilingual Plane
    (most emoji: one code point, two UTF-16 units).  ``repair serve`` always
    answers in UTF-16 units (``offsetUnits: "utf16"``) so clients place every
    match right after an emoji.  ``fix --report json`` keeps the project's
    contract, **code points** (``offsetUnits: "codepoints"``, so
    ``input[offset:offset+length] == original`` in Python, as in ``repair
    batch`` sidecars); pass ``utf16=True`` to :func:`payload` for UTF-16.

``context`` is like LanguageTool's: up to :data:`CONTEXT_CHARS` code points of
the input either side of the match, ``...`` where the window was cut, newlines
and tabs shown as spaces; ``context.text[offset:offset+length]`` is the match
(in the payload's units).  Matches are sorted by offset and disjoint, so
applying each match's first replacement to the input gives the output exactly.
Evidence values are made JSON-safe by :func:`jsonable` (tuples become lists,
non-finite floats ``null``, other objects their ``str``).
"""

from __future__ import annotations

import json as _json
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from repair.types import Declined, Edit, RepairResult

#: Code points of input shown either side of a match in ``context``.
CONTEXT_CHARS = 40
_ELLIPSIS = "..."
_SPACE_OUT = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " "})


@dataclass(frozen=True)
class RuleInfo:
    """What LanguageTool clients show for an edit kind, read from the stage registry."""

    category_id: str  # REPAIR_<STAGE>: the stage that makes the kind
    category_name: str  # the stage's help line
    issue_type: str  # ITS 2.0 issue type (the registry's Kind.issue)
    type_name: str  # LanguageTool's typeName: UnknownWord for misspellings, else Other
    short: str  # shortMessage: the kind's legend text
    description: str  # the rule description


@lru_cache(maxsize=64)
def rule_info(kind: str) -> RuleInfo:
    """The LanguageTool-facing names of edit kind ``kind`` (a kind no stage declares: generic)."""
    from repair.stages import kind_info, spec

    k = kind_info(kind)
    if k is None:
        return RuleInfo(
            "REPAIR_OTHER",
            "Other repairs",
            "uncategorized",
            "Other",
            "Repair",
            "Repairs damaged text",
        )
    stage = spec(k.stage)
    short = k.help[:1].upper() + k.help[1:]
    return RuleInfo(
        category_id=f"REPAIR_{stage.name.upper()}",
        category_name=stage.help[:1].upper() + stage.help[1:],
        issue_type=k.issue,
        type_name="UnknownWord" if k.issue == "misspelling" else "Other",
        short=short,
        description=f"Finds and restores: {k.help}",
    )


#: ``language`` of our answers (we check English only).
LANGUAGES: tuple[dict[str, str], ...] = (
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (Australian)", "code": "en", "longCode": "en-AU"},
    {"name": "English (Canadian)", "code": "en", "longCode": "en-CA"},
    {"name": "English (New Zealand)", "code": "en", "longCode": "en-NZ"},
    {"name": "English (South African)", "code": "en", "longCode": "en-ZA"},
)


def jsonable(value: Any) -> Any:
    """``value`` made of dicts, lists, str, int, finite float, bool and None only.

    >>> jsonable({"a": (1, 2.5), 3: float("nan"), "s": {"x"}})
    {'a': [1, 2.5], '3': None, 's': ['x']}
    """
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        items = [jsonable(v) for v in value]
        try:
            return sorted(items)
        except TypeError:
            return sorted(items, key=repr)
    if hasattr(value, "item") and callable(value.item):  # numpy scalars
        try:
            return jsonable(value.item())
        except (TypeError, ValueError):
            pass
    return str(value)


def utf16_converter(text: str) -> Callable[[int], int]:
    """A function mapping a code-point index of ``text`` to its UTF-16 code-unit index.

    >>> f = utf16_converter("a😀b")
    >>> [f(i) for i in range(4)]
    [0, 1, 3, 4]
    """
    astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF] if not text.isascii() else []
    if not astral:
        return _identity
    return lambda i: i + bisect_left(astral, i)


def _identity(i: int) -> int:
    return i


def context(
    text: str,
    offset: int,
    length: int,
    chars: int = CONTEXT_CHARS,
    *,
    utf16: bool = False,
) -> dict[str, Any]:
    """A LanguageTool-style window of ``text`` around ``text[offset:offset+length]``.

    ``offset`` and ``length`` are code points; with ``utf16`` the returned
    offset and length count UTF-16 units of the window text.

    >>> context("Trump mentioned it to reporters.", 6, 9, chars=4)
    {'text': '...ump mentioned it ...', 'offset': 7, 'length': 9}
    """
    lo = max(0, offset - chars)
    hi = min(len(text), offset + length + chars)
    prefix = _ELLIPSIS if lo > 0 else ""
    suffix = _ELLIPSIS if hi < len(text) else ""
    window = text[lo:hi].translate(_SPACE_OUT)
    before = len(prefix) + offset - lo
    if utf16:
        return {
            "text": prefix + window + suffix,
            "offset": len(prefix) + _u16len(text[lo:offset]),
            "length": _u16len(text[offset : offset + length]),
        }
    return {"text": prefix + window + suffix, "offset": before, "length": length}


def _u16len(s: str) -> int:
    return len(s) + sum(1 for c in s if ord(c) > 0xFFFF) if not s.isascii() else len(s)


class _Sentences:
    """The sentence (or line) around an offset, found by bisection."""

    def __init__(self, text: str) -> None:
        from repair.tokenize import sentence_spans

        self.text = text
        self.spans = sentence_spans(text)
        self.starts = [a for a, _ in self.spans]

    def around(self, offset: int, end: int) -> str:
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return self.text[offset:end].strip()
        a, b = self.spans[i]
        # a match crossing sentences (a joined hyphenation) takes all of them
        j = i
        while j + 1 < len(self.spans) and self.spans[j + 1][0] < end:
            j += 1
        return self.text[a : max(b, self.spans[j][1])]


def message(edit: Edit) -> str:
    """The match message: the edit's own, or one built from its kind."""
    if edit.message:
        return edit.message
    return f"{rule_info(edit.kind).short}: “{edit.original}” → “{edit.replacement}”."


def match(
    text: str,
    edit: Edit,
    *,
    utf16: Callable[[int], int] | None = None,
    sentences: _Sentences | None = None,
) -> dict[str, Any]:
    """One edit as a LanguageTool match on ``text`` (the input).

    ``utf16`` is a converter from :func:`utf16_converter` (offsets in UTF-16
    units) or None (code points).
    """
    info = rule_info(edit.kind)
    if utf16 is None:
        offset, length = edit.offset, edit.length
    else:
        offset = utf16(edit.offset)
        length = utf16(edit.end) - offset
    sentence = (sentences or _Sentences(text)).around(edit.offset, edit.end)
    return {
        "message": message(edit),
        "shortMessage": info.short,
        "replacements": [{"value": r} for r in (edit.replacement, *edit.alternatives)],
        "offset": offset,
        "length": length,
        "context": context(text, edit.offset, edit.length, utf16=utf16 is not None),
        "sentence": sentence,
        "type": {"typeName": info.type_name},
        "rule": {
            "id": edit.rule,
            "description": info.description,
            "issueType": info.issue_type,
            "category": {"id": info.category_id, "name": info.category_name},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
        "original": edit.original,
        "kind": edit.kind,
        "confidence": round(edit.confidence, 4),
        "evidence": jsonable(edit.evidence),
    }


def matches(text: str, edits: Iterable[Edit], *, utf16: bool = False) -> list[dict[str, Any]]:
    """All ``edits`` (spans on ``text``) as LanguageTool matches, sorted by offset."""
    return list(_each_match(text, edits, utf16=utf16))


def _each_match(
    text: str, edits: Iterable[Edit], *, utf16: bool = False
) -> Iterator[dict[str, Any]]:
    """:func:`matches` one at a time, each built when asked for."""
    conv = utf16_converter(text) if utf16 else None
    sentences = _Sentences(text)
    for e in sorted(edits, key=_order):
        yield match(text, e, utf16=conv, sentences=sentences)


def language(code: str = "en-US") -> dict[str, Any]:
    """LanguageTool's ``language`` object for one of :data:`LANGUAGES` (default US English)."""
    entry = next((x for x in LANGUAGES if x["longCode"] == code), LANGUAGES[1])
    return {
        "name": entry["name"],
        "code": entry["longCode"],
        "detectedLanguage": {
            "name": entry["name"],
            "code": entry["longCode"],
            "confidence": 1.0,
        },
    }


def software() -> dict[str, Any]:
    """LanguageTool's ``software`` object, naming us."""
    from repair import __version__

    return {
        "name": "repair",
        "version": __version__,
        "buildDate": "",
        "apiVersion": 1,
        "premium": False,
        "status": "",
    }


def payload(
    result: RepairResult,
    name: str | None = "input",
    *,
    utf16: bool = False,
    language_code: str = "en-US",
) -> dict[str, Any]:
    """The report as a dict (what :func:`render` serializes).

    ``name=None`` leaves out ``document``; ``utf16`` counts offsets in UTF-16 units.
    """
    out = _head(result, name, utf16, language_code)
    out["matches"] = matches(result.original, result.edits, utf16=utf16)
    if result.declined:  # fix --report json: the spans the stages left, with their reasons
        to16 = utf16_converter(result.original) if utf16 else None
        out["declined"] = [_declined_json(d, to16) for d in result.declined]
    return out


def chunks(result: RepairResult, name: str = "input", *, indent: int | None = 2) -> Iterator[str]:
    """:func:`render`'s text in pieces of about :data:`PIECE_CHARS` code points (joined: the
    same string), each match and declined span built when the encoder reaches it, so a big
    text's report is never held whole: neither the dicts of every match nor the whole
    string (issue 14).  One encoder call for the whole report, as :func:`render` makes:
    the same text, and no reference cycle per match (the pure-Python encoder that
    ``indent`` needs builds its closures anew for every call: one call a match left ~2.7 kB
    of cycles each where the collector is off, ``repair fix``'s quick exit: +170 MB on
    71 k matches and declined spans).

    >>> from repair.types import DocScores, Edit, RepairResult
    >>> e = Edit(6, 9, "mentioned", "said", "spin", 0.9, "SPIN_PAIR", evidence={"gain": 3.1})
    >>> r = RepairResult("Trump mentioned it.", "Trump said it.", (e,), DocScores(words=3))
    >>> "".join(chunks(r, "x")) == render(r, "x")
    True
    """
    out = _head(result, name)
    out["matches"] = _Lazy(len(result.edits), _each_match(result.original, result.edits))
    if result.declined:
        each = (_declined_json(d, None) for d in result.declined)
        out["declined"] = _Lazy(len(result.declined), each)
    encoder = _json.JSONEncoder(ensure_ascii=False, indent=indent, allow_nan=False)
    buf: list[str] = []
    size = 0
    for piece in encoder.iterencode(out):
        buf.append(piece)
        size += len(piece)
        if size >= PIECE_CHARS:
            yield "".join(buf)
            buf, size = [], 0
    yield "".join(buf) + "\n"


#: Code points of JSON text in a piece of :func:`chunks`.
PIECE_CHARS = 1 << 16


class _Lazy(list):  # type: ignore[type-arg]
    """A list as :mod:`json`'s encoder reads one (its length, then its items in order)
    whose items are made as they are read, from ``items`` (``n`` of them), and dropped."""

    def __init__(self, n: int, items: Iterator[Any]) -> None:
        super().__init__()
        self._n = n
        self._items = items

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[Any]:
        return self._items


def _head(
    result: RepairResult, name: str | None, utf16: bool = False, language_code: str = "en-US"
) -> dict[str, Any]:
    """:func:`payload` without its lists (``matches``, ``declined``): they come last."""
    out: dict[str, Any] = {
        "software": software(),
        "warnings": {"incompleteResults": False},
        "language": language(language_code),
        "offsetUnits": "utf16" if utf16 else "codepoints",
    }
    if name is not None:
        out["document"] = name
    out["changed"] = result.changed
    out["scores"] = jsonable(result.scores.to_json())
    return out


def _declined_json(d: Declined, to16: Callable[[int], int] | None) -> dict[str, Any]:
    out = d.to_json()
    if to16 is not None:
        out["offset"] = to16(d.offset)
        out["length"] = to16(d.offset + d.length) - out["offset"]
    return out


def _order(e: Edit) -> tuple[int, int]:
    return (e.offset, e.length)


def render(result: RepairResult, name: str = "input", *, indent: int | None = 2) -> str:
    """The JSON report (see the module docstring for its shape), ending in a newline."""
    return (
        _json.dumps(payload(result, name), ensure_ascii=False, indent=indent, allow_nan=False)
        + "\n"
    )
