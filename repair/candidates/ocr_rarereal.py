"""Rare real words read by the two-sided context: "the police in the nutter will" -> "matter".

A misreading that lands on a rare dictionary word ("nutter" for "matter", "nuking" for
"making", "cervices" for "services") is no non-word, so the non-word readers never see it,
and the real-word reader (:mod:`.ocr_realword`) walks only the learned glyph confusions
up to 5 nats: a two-glyph confusion it never learned ("nu" for "ma") leaves the word as
printed.  The two-sided context reader of non-words (:func:`.ocr_context.context_reading`:
the common words near the token, priced by the channel, scored between the token's
neighbours, the best leading every rival by a clear margin) reads such a word too, in a
heavily garbled page, when it is rare (Zipf below :data:`MAX_ZIPF`), lower case, printed
once, and no other reading covers it.  The scorer then weighs the reading as a real
word's (the printed word's own frequency is a prior; margin :data:`THRESHOLD`).

Off by default (:data:`RARE_REAL`); the figures are in ``benchmarks/RESULTS.md``
(session 33, ocrgap33).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from repair.types import Candidate, Token

#: The readings are built (hook in the garbled-page block of
#: :meth:`repair.candidates.ocr._Generator.candidates`, heavy pages only).
RARE_REAL = False
#: A printed dictionary word below this Zipf frequency is read ...
MAX_ZIPF = 3.0
#: ... when it has at least this many letters.
MIN_LEN = 5
#: The scorer's margin over the printed word (the real-word reader's heavy-page margin).
THRESHOLD = 2.5
#: Trust in the printed word per Zipf unit (nats; the real-word reader's heavy-page prior).
PRIOR_PER_ZIPF = 0.2
#: A word other readings already reach (the real-word reader's learned confusions) is read
#: too: the context proposes the word those readings miss ("Hook" -> "Book").
OVER_READINGS = False
#: The period vocabulary knowing the word (old print's rare words: "picul") keeps it.
KEEP_PERIOD_WORDS = True


def applies(text: str, counts: Mapping[str, int], period_word: Callable[[str], bool]) -> bool:
    """Whether the printed word ``text`` is a rare real word this reader reads."""
    from repair.candidates import ocr_context
    from repair.resources.frequency import zipf
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_channel import archaic_form, is_known

    if not (MIN_LEN <= len(text) <= ocr_context.MAX_LEN):
        return False
    if not (text.isalpha() and text.islower()) or not is_known(text):
        return False
    if zipf(text) >= MAX_ZIPF or counts.get(text, 0) >= 2 or counts.get(text.capitalize(), 0):
        return False
    if archaic_form(text) or (KEEP_PERIOD_WORDS and period_word(text)):
        return False
    return not get_ngrams().is_name(text)


def rare_real_candidates(
    toks: Sequence[Token],
    counts: Mapping[str, int],
    covered: frozenset[tuple[int, int]],
    period_word: Callable[[str], bool],
) -> list[Candidate]:
    """Context readings of the rare real words of a heavily garbled page that no other
    reading reached (module doc)."""
    if not RARE_REAL:
        return []
    from repair.candidates.ocr import _next_to_hyphen
    from repair.candidates.ocr_context import context_reading, neighbours
    from repair.candidates.ocr_realword import line_broken_piece
    from repair.candidates.ocr_rules import word_cand

    seq = toks if isinstance(toks, list) else list(toks)
    out: list[Candidate] = []
    for i, t in enumerate(seq):
        if t.kind != "word" or (not OVER_READINGS and (t.start, t.end) in covered):
            continue
        text = t.text
        if not applies(text, counts, period_word):
            continue
        if _next_to_hyphen(seq, i) or line_broken_piece(seq, i):
            continue
        left, right = neighbours(seq, i)
        found = context_reading(text, left, right)
        if found is None:
            continue
        word, cost = found
        out.append(
            word_cand(
                t,
                word,
                "OCR_REALWORD",
                finding="rare_real",
                cost=cost,
                orig_known=True,
                prior_per_zipf=PRIOR_PER_ZIPF,
                threshold=THRESHOLD,
                context=True,
            )
        )
    return out
