"""``--report diff``: a unified diff of the input and the output, one sentence a line.

News paragraphs are single long lines, so a line diff would show a whole
paragraph for a one-word change.  Each side is first cut into *pieces*: after
every newline, and before every sentence (:func:`repair.tokenize.sentence_spans`)
that starts inside a line with a capital, digit or quote.  Cutting loses
nothing: ``"".join(sentence_pieces(text)) == text``; a piece that ends a line
keeps its newline (dropped in the diff, as usual), a piece cut inside a line
keeps the whitespace that followed its sentence.

Hunk headers count pieces, not lines (``@@ -4,3 +4,3 @@``), and name the input
line of the first piece after the second ``@@`` (where ``git diff`` puts the
function name): ``@@ -4,3 +4,3 @@ line 2``.

After the diff, unless ``trailer=False``, comes one ``#`` line per edit (which
``patch`` and ``git apply`` ignore)::

    # 2 edits: spin 2
    # 1:46  spin  0.930  "mentioned" -> "said"  [SPIN_PAIR]  also: "stated"

>>> from repair.types import DocScores, Edit, RepairResult
>>> e = Edit(6, 9, "mentioned", "said", "spin", 0.93, "SPIN_PAIR")
>>> r = RepairResult("Trump mentioned it. Xi smiled.", "Trump said it. Xi smiled.", (e,),
...                  DocScores(words=5))
>>> print(render(r, "news.txt", trailer=False))  # doctest: +NORMALIZE_WHITESPACE
--- a/news.txt
+++ b/news.txt
@@ -1,2 +1,2 @@ line 1
-Trump mentioned it.
+Trump said it.
 Xi smiled.
"""

from __future__ import annotations

import difflib
import json
import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from repair.tokenize import sentence_spans
from repair.types import Edit, RepairResult

#: Sentences of context around each change.
CONTEXT = 1

_HUNK_RE = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
# A sentence start worth a cut: not lowercase ("U.S. delegation", "e.g. this" stay whole).
_STARTS_SENTENCE = re.compile(r"[^\W\d_]", re.UNICODE)


def sentence_pieces(text: str) -> list[str]:
    """Cut ``text`` after every newline and before each sentence inside a line; lossless.

    >>> sentence_pieces("One. Two here.\\nU.S. rules.\\n\\nEnd")
    ['One. ', 'Two here.\\n', 'U.S. rules.\\n', '\\n', 'End']
    """
    cuts = {0, len(text)}
    pos = text.find("\n")
    while pos != -1:
        cuts.add(pos + 1)
        pos = text.find("\n", pos + 1)
    for start, _ in sentence_spans(text):
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip():
            continue  # first sentence of its line: the newline cut already covers it
        first = text[start]
        if _STARTS_SENTENCE.match(first) and first.islower():
            continue
        cuts.add(start)
    bounds = sorted(cuts)
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _lines(pieces: list[str]) -> list[str]:
    return [p[:-1] if p.endswith("\n") else p for p in pieces]


def _line_numbers(pieces: list[str]) -> list[int]:
    """Input line number (1-based) at which each piece starts."""
    out: list[int] = []
    line = 1
    for p in pieces:
        out.append(line)
        line += p.count("\n")
    return out


@lru_cache(maxsize=8)
def _line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return tuple(starts)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of code point ``offset`` in ``text`` (cached index, fast).

    >>> line_col("ab\\ncd", 4)
    (2, 2)
    """
    starts = _line_starts(text)
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _quote(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def edit_line(text: str, edit: Edit) -> str:
    """One edit as a ``#`` line: position, kind, confidence, change, rule, alternatives."""
    line, col = line_col(text, edit.offset)
    parts = [
        f"# {line}:{col}",
        f"{edit.kind:<11}",
        f"{edit.confidence:.3f}",
        f"{_quote(edit.original)} -> {_quote(edit.replacement)}",
        f"[{edit.rule}]",
    ]
    if edit.alternatives:
        parts.append("also: " + ", ".join(_quote(a) for a in edit.alternatives[:3]))
    return "  ".join(parts)


def edit_list(result: RepairResult) -> str:
    """The ``#`` trailer: a count by kind, then one line per edit; empty without edits."""
    if not result.edits:
        return ""
    by_kind = Counter(e.kind for e in result.edits)
    n = len(result.edits)
    head = f"# {n} edit{'s' if n != 1 else ''}: " + ", ".join(
        f"{k} {c}" for k, c in sorted(by_kind.items(), key=lambda kc: (-kc[1], kc[0]))
    )
    lines = [head, *(edit_line(result.original, e) for e in result.edits)]
    return "\n".join(lines) + "\n"


def render(result: RepairResult, name: str = "input", *, trailer: bool = True) -> str:
    """Unified diff of ``result.original`` → ``result.text`` by sentence; ``""`` without edits."""
    if not result.edits:
        return ""
    old_pieces = sentence_pieces(result.original)
    new_pieces = sentence_pieces(result.text)
    old_line_no = _line_numbers(old_pieces)
    out: list[str] = []
    for row in difflib.unified_diff(
        _lines(old_pieces),
        _lines(new_pieces),
        f"a/{name}",
        f"b/{name}",
        n=CONTEXT,
        lineterm="",
    ):
        m = _HUNK_RE.match(row)
        if m:
            first = int(m.group(1))
            idx = max(first - 1, 0) if m.group(2) != "0" else min(first, len(old_pieces) - 1)
            if old_line_no:
                row = f"{row} line {old_line_no[min(idx, len(old_line_no) - 1)]}"
        out.append(row)
    text = "\n".join(out) + "\n" if out else ""
    if trailer:
        text += edit_list(result)
    return text
