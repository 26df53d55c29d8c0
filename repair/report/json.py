"""``--report json``: the result shaped like a LanguageTool ``/v2/check`` response.

Shape (all offsets and lengths are code points into the *input*, Python ``str``
indices; LanguageTool counts UTF-16 units, so astral characters differ)::

    {
      "software": {"name": "repair", "version": "0.1.0", "apiVersion": 1},
      "language": {"name": "English", "code": "en"},
      "document": "news.txt",                 # the name given to render()
      "changed": true,                        # output differs from input
      "scores": {"words": 1234, "spin": 0.81, "tortured": 0.0, "garble": 0.02,
                 "mojibake": 0.0, "edits": 3, "edits_per_1000_words": 2.43,
                 "edits_by_kind": {"spin": 3}, "skipped": []},
      "matches": [
        {
          "offset": 24, "length": 9,          # input[offset:offset+length] == original
          "original": "mentioned",
          "replacements": ["said", "stated"], # ranked; the first one is applied
          "kind": "spin",
          "confidence": 0.93,
          "rule": {"id": "SPIN_PAIR", "kind": "spin"},
          "message": "spinner synonym of 'said'",
          "evidence": {"lm_logprob_gain": 3.1, "pair_count_in_doc": 21},
          "context": {"text": "...Trump mentioned it to...", "offset": 9, "length": 9}
        }
      ]
    }

``context`` is like LanguageTool's: up to :data:`CONTEXT_CHARS` code points of
the input either side of the match, ``...`` where the window was cut, newlines
and tabs shown as spaces; ``context.text[offset:offset+length]`` is the match
(with its newlines as spaces).  Matches are sorted by offset and disjoint, so
applying each match's first replacement to the input gives the output exactly.
Evidence values are made JSON-safe by :func:`jsonable` (tuples become lists,
non-finite floats ``null``, other objects their ``str``).
"""

from __future__ import annotations

import json as _json
import math
from collections.abc import Mapping
from typing import Any

from repair.types import Edit, RepairResult

#: Code points of input shown either side of a match in ``context``.
CONTEXT_CHARS = 40
_ELLIPSIS = "..."
_SPACE_OUT = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " "})


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


def context(text: str, offset: int, length: int, chars: int = CONTEXT_CHARS) -> dict[str, Any]:
    """A LanguageTool-style window of ``text`` around ``text[offset:offset+length]``.

    >>> context("Trump mentioned it to reporters.", 6, 9, chars=4)
    {'text': '...ump mentioned it ...', 'offset': 7, 'length': 9}
    """
    lo = max(0, offset - chars)
    hi = min(len(text), offset + length + chars)
    prefix = _ELLIPSIS if lo > 0 else ""
    suffix = _ELLIPSIS if hi < len(text) else ""
    window = text[lo:hi].translate(_SPACE_OUT)
    return {"text": prefix + window + suffix, "offset": len(prefix) + offset - lo, "length": length}


def match(text: str, edit: Edit) -> dict[str, Any]:
    """One edit as a LanguageTool-like match on ``text`` (the input)."""
    out = jsonable(edit.to_json())
    out["context"] = context(text, edit.offset, edit.length)
    return out


def payload(result: RepairResult, name: str = "input") -> dict[str, Any]:
    """The report as a dict (what :func:`render` serializes)."""
    from repair import __version__

    return {
        "software": {"name": "repair", "version": __version__, "apiVersion": 1},
        "language": {"name": "English", "code": "en"},
        "document": name,
        "changed": result.changed,
        "scores": jsonable(result.scores.to_json()),
        "matches": [match(result.original, e) for e in sorted(result.edits, key=_order)],
    }


def _order(e: Edit) -> tuple[int, int]:
    return (e.offset, e.length)


def render(result: RepairResult, name: str = "input", *, indent: int | None = 2) -> str:
    """The JSON report (see the module docstring for its shape), ending in a newline."""
    return (
        _json.dumps(payload(result, name), ensure_ascii=False, indent=indent, allow_nan=False)
        + "\n"
    )
