"""Reach for lower-case garble of garbled pages whose right reading is never built
(issue 12, session 42, ocrreach42).

The SMH dev gap of session 41 had 98 lower-case non-words OverProof reads and we do not
(45 of them never built) and 19 with a mark glued on (15 never built).  Two learned
readers are widened here, no pairs added:

* :data:`EDGE_LETTERS`: a mark glued to a word's edge read as any letter the marks model
  saw it stand for, priced by that model ("»ranch" -> "branch", "»nd" -> "and");
* :data:`STEM_TOO`: a lower-case possessive read through its stem, the "'s" kept
  ("fathor's" -> "father's", not "fathers").

Tried and left out: the wide search (:mod:`repair.score.ocr_search`) for the lone non-words
of pages garbled but not heavily changed nothing on SMH dev (both halves, margins 0 to -7).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from repair.candidates.ocr_glued import MarkModel
    from repair.types import Candidate, Token


#: A mark glued to a word's first or last letter is also read as each letter training saw
#: it stand for there (``lexicons/ocr_marks.tsv``, priced by the marks model), not only
#: the commonest :data:`repair.candidates.ocr_glued.MAX_LETTERS` ("»ranch" -> "branch":
#: "»" was "b" once in training, "w" 27 times).  Only a mark that is no punctuation of
#: English (:data:`PUNCTUATION`: those are mostly real), the chunk's only such mark, glued
#: to a lower-case word of :data:`EDGE_MIN_LETTERS` letters or more; the letters of that
#: case, :data:`EDGE_MAX_LETTERS` at most.
EDGE_LETTERS = True  # ON since session 42 (lead): SMH dev -7 tokens / -16 chars, test -2 / +3
EDGE_MAX_LETTERS = 12
EDGE_MIN_LETTERS = 2
#: Marks English prints (a real one beside a word is the commonest case).
PUNCTUATION = frozenset(".,;:!?'\"()[]-\u2019\u2018\u201c\u201d")
_PUNCT = "".join(sorted(PUNCTUATION))


def widen_edge(
    chunk: str, marks: list[int], opts: list[list[tuple[str, float]]], model: MarkModel
) -> None:
    """Add to ``opts`` (the fates of ``chunk``'s ``marks``, as
    :func:`repair.candidates.ocr_glued.chunk_readings` builds them) the further learned
    letters of the one odd mark glued to a lower-case word's edge (:data:`EDGE_LETTERS`)."""
    odd = [n for n, k in enumerate(marks) if chunk[k] not in PUNCTUATION]
    if len(odd) != 1:
        return
    n = odd[0]
    k = marks[n]
    mark = chunk[k]
    word = chunk.strip(_PUNCT + mark)
    if len(word) < EDGE_MIN_LETTERS or not (word.isalpha() and word.islower()):
        return
    at_lead = chunk[k + 1 : k + 1 + len(word)] == word and not chunk[:k].strip(_PUNCT)
    at_trail = chunk[max(0, k - len(word)) : k] == word and not chunk[k + 1 :].strip(_PUNCT)
    if not (at_lead or at_trail) or len(opts[n]) <= 1:
        return
    letters = model.letter_counts(mark)
    have = {r for r, _c in opts[n]}
    if not letters or not any(len(r) == 1 and r.isalpha() for r in have):
        return  # the mark is kept as printed or only dropped here: no letter
    import math

    from repair.candidates import ocr_glued

    p = model.probs(mark, ocr_glued.context_of(chunk, k))
    keep = math.log(p["keep"])
    lower = [(letter, share) for letter, share in _letter_shares(model, mark) if letter.islower()]
    for letter, share in lower[:EDGE_MAX_LETTERS]:
        if letter in have or _rare_word(letter + word if at_lead else word + letter):
            continue
        cost = keep - math.log(p["letter"] * share)
        if cost <= ocr_glued.MAX_FATE_COST:
            opts[n].append((letter, cost))


#: A widened letter that makes a word rarer than this (Zipf) is not tried ("\\ihari" ->
#: "bihari"); a form that is no word is still read on by the confusions ("*hoir" -> "thoir"
#: -> "their").  ``None``: any word.
EDGE_MIN_ZIPF: float | None = 3.0


def _rare_word(form: str) -> bool:
    """Whether ``form`` is a word rarer than :data:`EDGE_MIN_ZIPF` (off: never)."""
    if EDGE_MIN_ZIPF is None:
        return False
    from repair.resources.frequency import zipf
    from repair.score.ocr_channel import is_target

    return is_target(form) and zipf(form) < EDGE_MIN_ZIPF


#: Pseudo-counts of the letters all marks stood for added to each mark's own letters
#: (``None``: a mark is read only as the letters it stood for in training).
EDGE_BACKOFF: float | None = None


def _letter_shares(model: MarkModel, mark: str) -> list[tuple[str, float]]:
    """P(letter | ``mark`` read as a letter), commonest first: the mark's own counts,
    smoothed towards the pooled letters of every mark with :data:`EDGE_BACKOFF`."""
    own = model.letter_counts(mark)
    n = sum(own.values())
    if EDGE_BACKOFF is None:
        shares = {letter: count / n for letter, count in own.items()}
    else:
        pooled: dict[str, int] = {}
        for counts in model.letters.values():
            for letter, count in counts.items():
                pooled[letter] = pooled.get(letter, 0) + count
        total = sum(pooled.values())
        shares = {
            letter: (own.get(letter, 0) + EDGE_BACKOFF * count / total) / (n + EDGE_BACKOFF)
            for letter, count in pooled.items()
        }
    return sorted(shares.items(), key=lambda x: -x[1])


#: A lower-case possessive whose stem is no word ("fathor's") is read through its stem too,
#: the "'s" kept (:mod:`repair.candidates.ocr_affix`, which otherwise reads the stem only
#: when the whole token got no reading at all); the whole token's readings that lose the
#: apostrophe ("fathers") are dropped when the stem has a reading.
STEM_TOO = True  # ON since session 42 (lead), with EDGE_LETTERS


def possessive_nonword(tok: Token) -> bool:
    """Whether ``tok`` is a lower-case possessive ("fathor's"; whether its stem is a word
    is asked by the stem's reader)."""
    text = tok.text
    return text[-2:] in ("'s", "\u2019s") and text[:-2].isalpha() and text[:-2].islower()


def with_stem(found: list[Candidate], stem: list[Candidate]) -> list[Candidate]:
    """``found`` (the whole token's readings) without those that lose the possessive's
    apostrophe, and ``stem`` (the stem's readings); ``found`` alone when ``stem`` is empty."""
    if not stem:
        return found
    keep = [c for c in found if "'" in c.replacement or "\u2019" in c.replacement]
    return keep + stem
