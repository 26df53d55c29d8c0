"""Lossless tokenizer: every code point of the input belongs to exactly one token.

>>> toks = tokenize("Trump said: “We’re 2 leaders.”")
>>> "".join(t.text for t in toks) == "Trump said: “We’re 2 leaders.”"
True
>>> [t.text for t in toks if t.is_word]
['Trump', 'said', 'We’re', 'leaders']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from types import MemberDescriptorType

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
    if _FAST_TOKENS and C_TOKENS:
        fast = _compiled()
        if fast is not None:  # the same loop compiled (repair/_tokens.c; issue 14)
            return fast(text, Token, _TOKEN_DESCRIPTORS, _KINDS)  # type: ignore[no-any-return]
    out: list[Token] = []
    append = out.append
    words: dict[str, str] = {}
    same = words.setdefault
    end = 0
    if not _FAST_TOKENS:
        for m in _TOKEN_RE.finditer(text):
            piece = m.group()
            start, end = end, m.end()
            kind = m.lastgroup
            if kind == "word":
                piece = same(piece, piece)
            append(Token(piece, start, end, kind or "punct"))
        return out
    new, set_text, set_start, set_end, set_kind = _TOKEN_SLOTS
    for m in _TOKEN_RE.finditer(text):
        piece = m.group()
        start, end = end, m.end()
        kind = m.lastgroup
        if kind == "word":
            piece = same(piece, piece)
        # ``Token(piece, start, end, kind)`` without the frozen dataclass's ``__init__``
        # (a Python frame and four ``object.__setattr__`` calls): the same four slots set
        # in C; ~2 tokens a word (issue 14)
        tok = new(Token)
        set_text(tok, piece)
        set_start(tok, start)
        set_end(tok, end)
        set_kind(tok, kind or "punct")
        append(tok)
    return out


#: The fast construction of :func:`tokenize` holds while a token is exactly its four
#: slots, with no ``__post_init__`` (else it calls the constructor).
_FIELDS = ("text", "start", "end", "kind")
_FAST_TOKENS = (
    tuple(getattr(Token, "__dataclass_fields__", ())) == _FIELDS
    and not hasattr(Token, "__post_init__")
    and all(isinstance(Token.__dict__.get(f), MemberDescriptorType) for f in _FIELDS)
)
#: ``object.__new__`` and the slot setters of :class:`Token`, for :func:`tokenize`.
_TOKEN_SLOTS = (
    (object.__new__, *(Token.__dict__[f].__set__ for f in _FIELDS)) if _FAST_TOKENS else ()
)


#: Switch: :func:`tokenize` runs its loop compiled (``repair/_tokens.c``) when it is built
#: and the token is its four slots: the same tokens (``tests/test_tokens_fast.py``), ~10x
#: faster (0.2 s of a 100 k-word text's ~9 s; issue 14, session 36).
C_TOKENS = True
#: The slot descriptors of :class:`Token` and the kind names, for the compiled loop.
_TOKEN_DESCRIPTORS = tuple(Token.__dict__[f] for f in _FIELDS) if _FAST_TOKENS else ()
_KINDS = ("word", "number", "space", "punct")
_compiled_tokens: Callable[..., list[Token]] | None = None
_compiled_loaded = False


def _compiled() -> Callable[..., list[Token]] | None:
    """``repair._tokens.tokens`` when the optional extension is built, else None."""
    global _compiled_tokens, _compiled_loaded
    if not _compiled_loaded:
        try:
            from repair import _tokens  # type: ignore[attr-defined]

            _compiled_tokens = _tokens.tokens
        except (ImportError, AttributeError):
            _compiled_tokens = None
        _compiled_loaded = True
    return _compiled_tokens


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
