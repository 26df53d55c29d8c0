"""Lossless tokenizer: every code point of the input belongs to exactly one token.

>>> toks = tokenize("Trump said: “We’re 2 leaders.”")
>>> "".join(t.text for t in toks) == "Trump said: “We’re 2 leaders.”"
True
>>> [t.text for t in toks if t.is_word]
['Trump', 'said', 'We’re', 'leaders']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from repair.types import Token

# Letters with inner apostrophes (don't, We’re) ; numbers with inner separators
# (1,000 3.5) ; whitespace runs ; anything else one code point at a time.
_TOKEN_RE = re.compile(
    r"(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<number>\d+(?:[.,:]\d+)*)"
    r"|(?P<space>\s+)"
    r"|(?P<punct>.)",
    re.DOTALL,
)

_SENTENCE_END_RE = re.compile(r"""(?<=[.!?…])["'”’)\]]*\s+|\n+""")


def iter_tokens(text: str) -> Iterator[Token]:
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        yield Token(m.group(), m.start(), m.end(), kind)


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text``, whitespace included, in order.

    The same tokens as :func:`iter_tokens`, stored more compactly (a long text holds
    ~2 tokens a word): a token starts where the one before ends (every code point is
    in one token), so the two share one ``int`` object, and equal words share one
    string (~30 % less memory for the token list).
    """
    out: list[Token] = []
    append = out.append
    words: dict[str, str] = {}
    same = words.setdefault
    end = 0
    for m in _TOKEN_RE.finditer(text):
        piece = m.group()
        start, end = end, m.end()
        kind = m.lastgroup
        if kind == "word":
            piece = same(piece, piece)
        append(Token(piece, start, end, kind or "punct"))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Rough sentence (or line) spans ``(start, end)`` covering the non-space text.

    Splits after ``.!?…`` (and closing quotes) followed by whitespace, and at
    every newline; used for alignment and for line-sized diffs, never for edits.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END_RE.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]
