"""Context for the spin stage: the words around a span, as the trigram LM reads them.

:class:`WordContext` holds the document's word tokens; once an edit is accepted
it reads the restored words (so later decisions see restored context).
:func:`context` gives two words either side, stopping at sentence breaks;
:func:`lm_gain` is the LM gain of a restoration in that context.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from dataclasses import dataclass

from repair.document import Document
from repair.resources.lm import get_lm

_SENT_END = set('.!?;:“”"()[]—–…')
#: id(document) -> (a weak reference to it, starts, ends, words): :meth:`WordContext.of`.
_built: dict[int, tuple] = {}


def _forget(_ref: object) -> None:
    _built.clear()


def _built_of(doc: Document) -> tuple:
    """``doc``'s entry of :data:`_built` (built on its first read): (weak reference,
    starts, ends, each token's words as a tuple of one-word lists)."""
    got = _built.get(id(doc))
    if got is None or got[0]() is not doc:
        toks = [t for t in doc.tokens if t.kind in ("word", "number")]
        lists = ([t.start for t in toks], [t.end for t in toks], tuple([t.text] for t in toks))
        _built.clear()  # one document at a time: no token lists outlive their repair
        _built[id(doc)] = got = (weakref.ref(doc, _forget), *lists)
    return got


@dataclass
class WordContext:
    """Word tokens (words and numbers) of the document, for context lookups.

    ``words[k]`` is what token ``k`` reads as for the LM: its own text, or,
    once an edit over it has been accepted, the restored words (the first
    token of a restored phrase carries all of them, the others none).
    """

    starts: list[int]
    ends: list[int]
    words: list[list[str]]  # (a tuple in :meth:`own`'s read-only context)

    @classmethod
    def of(cls, doc: Document) -> WordContext:
        """The context of ``doc``'s own words (a fresh copy: :meth:`restore` changes it).

        The token lists are built once per document (the spin stage reads the context of
        the same document six times or more) and copied: ``restore`` assigns new entries
        of ``words`` and never changes one in place, so the copy shares the entries."""
        got = _built_of(doc)
        return cls(got[1], got[2], list(got[3]))

    @classmethod
    def own(cls, doc: Document) -> WordContext:
        """The context of ``doc``'s own words for a caller that only reads it
        (:func:`context`): the lists :meth:`of` copies, shared, not copied.  Its ``words``
        is a tuple, so :meth:`restore` on it fails instead of changing every later
        context of the document.  A per-span reader (the phrase rows,
        ``repair.candidates.spin_phrase.span_rows``) reads it in O(1) instead of copying
        the document's word list at every span (issue 14)."""
        got = _built_of(doc)
        return cls(got[1], got[2], got[3])

    def restore(self, start: int, end: int, replacement: str) -> None:
        """Let later context lookups read ``replacement`` for the tokens in [start, end)."""
        i = bisect_left(self.starts, start)
        first = True
        while i < len(self.starts) and self.starts[i] < end:
            self.words[i] = replacement.split() if first else []
            first = False
            i += 1


def _boundary(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] (between two words) breaks the sentence for the LM.

    A full stop counts only before a capital after a space ("U.S. policy" does
    not break; "... it. The" does).
    """
    gap = text[a:b]
    if gap == " ":  # the usual gap, no break (issue 14: every word of every context)
        return False
    if any(c in _SENT_END for c in gap if c != ".") or "\n" in gap or "," in gap:
        return True
    if "." in gap and gap[-1:].isspace():
        return b < len(text) and text[b].isupper()
    return False


def context(
    doc: Document, ctx: WordContext, start: int, end: int
) -> tuple[list[str], list[str], bool]:
    """(two words before, two words after, sentence-initial) around ``text[start:end]``."""
    text = doc.text
    i = bisect_left(ctx.starts, start)  # first word at/after start
    left: list[str] = []
    k, pos = i - 1, start
    while k >= 0 and len(left) < 2 and not _boundary(text, ctx.ends[k], pos):
        left[:0] = ctx.words[k]
        pos = ctx.starts[k]
        k -= 1
    left = left[-2:]
    initial = i == 0 or _sentence_gap(text, ctx.ends[i - 1], start)
    if not left and initial:
        left = ["<s>"]
    j = bisect_left(ctx.starts, end)
    right: list[str] = []
    pos = end
    while j < len(ctx.starts) and len(right) < 2 and not _boundary(text, pos, ctx.starts[j]):
        right.extend(ctx.words[j])
        pos = ctx.ends[j]
        j += 1
    return left, right[:2], initial


def restored_tokens(before: WordContext, after: WordContext) -> set[int]:
    """The token indices whose reading differs between two contexts of one document
    (``after``: ``before`` with some edits restored; :meth:`WordContext.restore` gives a
    restored token a new list)."""
    pairs = zip(before.words, after.words, strict=True)
    return {k for k, (a, b) in enumerate(pairs) if a is not b}


def reads_restored(ctx: WordContext, restored: set[int], start: int, end: int) -> bool:
    """Whether :func:`context` of ``text[start:end]`` in a context restored at the tokens
    ``restored`` can differ from the one in ``ctx``, the document's own words: there each
    token reads one word, so :func:`context` reads at most the two tokens before ``start``
    and the two from ``end``; where none of them is restored, the restored context reads
    the same tokens, the same words and the same gaps."""
    i = bisect_left(ctx.starts, start)
    j = bisect_left(ctx.starts, end)
    return i - 1 in restored or i - 2 in restored or j in restored or j + 1 in restored


def _sentence_gap(text: str, a: int, b: int) -> bool:
    gap = text[a:b]
    if gap == " ":  # the usual gap
        return False
    if any(c in '!?“"(\n:—' for c in gap):
        return True
    return "." in gap and gap[-1:].isspace() and text[b : b + 1].isupper()


def lm_gain(left: list[str], spun: list[str], orig: list[str], right: list[str]) -> float:
    """ln P(orig right | left) - ln P(spun right | left)."""
    lm = get_lm()
    return lm.sequence_logprob([*orig, *right], left) - lm.sequence_logprob([*spun, *right], left)


def occurrence_gain(
    doc: Document, ctx: WordContext, start: int, end: int, originals: tuple
) -> float:
    """Best LM gain (ln-prob) of restoring ``text[start:end]`` to one of ``originals``."""
    left, right, _initial = context(doc, ctx, start, end)
    spun = [w.lower() for w in doc.text[start:end].split()]
    return max(lm_gain(left, spun, [w.lower() for w in o.split()], right) for o in originals)
