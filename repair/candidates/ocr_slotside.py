"""The slot reader across a mark: a reading must stand on the side the mark does not cut.

Where the slot readers (:mod:`repair.candidates.ocr_slot`, :mod:`repair.candidates.ocr_shortslot`)
read a print's context across a comma or another mark (the print after a comma,
``ocr_slot.CROSS_COMMA``; a mark glued after it, ``GLUED_MARK``) or beside a number
(``ocr_slot.BESIDE_NUMBER``), the words past the mark are often another clause: the
language model has no punctuation, so "a poodle dog pup, by the" reads the slot as
"dog _ by" and prefers "up", and "on Tuesday lust, acting" prefers "just" over the
"last" another reader built.  Here such a reading is one-sided (:func:`stands`): the
slot reader reads the print again on the *near* side alone (the far side cut at the
mark or number) and the reading must come out the same word there — its gain over the
print less its price reaching the proposal margin and leading every other reading,
another reader's included — and the far side must not take back what the near side
gives (:data:`FAR_LOSS`: the two-sided gain at least the near side's, less that).  No
list, no figure of any text: which word is the language model's and the learned
prices', the cut is the print's own mark.

Switch :data:`ONE_SIDED` (issue 12, session 64, ocrcomma; the figures are in
``benchmarks/RESULTS.md``).
"""

from __future__ import annotations

from collections.abc import Sequence

#: Switch (issue 12, session 64, ocrcomma): a slot reading across a mark or beside a
#: number must stand on the near side alone and not lose on the far side (module doc).
#: Off, the places' readers read two-sided as session 63 left them.  With
#: ``ocr_slot.CROSS_COMMA`` and ``GLUED_MARK`` on: proxy dev 4,697 / 7,792 either way (cutting
#: at every mark: 4,698 / 7,793), the speed suite's OCR text's wrong "ora watch" -> "or"
#: refused (byte-identical to main's); SMH test (read once) "dog pup, by" -> "up" refused.
ONE_SIDED = True
#: The two-sided gain less cost may fall this many nats under the near side's at most.
FAR_LOSS = 0.0
#: The glued marks that cut the context: those a printer sets after a word inside a
#: sentence, a lower-case word going on past them (comma, semicolon, closing bracket or
#: quote).  A "?" or "!" before a lower-case word, or a "(", "^", "*", "£" glued after a
#: word, is a letter's glyph read as a mark ("wa? sittinp", "lh( ball"): read across
#: whole, as session 63 (ocrplace) built it.
CUT_MARKS = frozenset(',;)"')


def stands(
    text: str,
    word: str,
    gain: float,
    left: Sequence[str],
    right: Sequence[str],
    far: str,
    rivals: Sequence[tuple[str, float]],
    propose: float | None,
) -> bool:
    """Whether the slot reading ``word`` of the print ``text`` (two-sided ``gain`` less
    cost between ``left`` and ``right``) stands with the ``far`` side (``"left"``,
    ``"right"`` or ``"both"``) cut: the slot reader reads the same word on the near side
    alone (``rivals``, ``propose``: as the two-sided reading had them) and the two-sided
    gain is at least the near side's less :data:`FAR_LOSS`.  True while :data:`ONE_SIDED`
    is off or ``far`` is empty."""
    if not ONE_SIDED or not far:
        return True
    if far == "both":
        return False
    from repair.candidates.ocr_slot import slot_reading

    near_left, near_right = ([], right) if far == "left" else (left, [])
    if not near_left and not near_right:
        return False
    near = slot_reading(text, near_left, near_right, rivals, propose)
    if near is None or near[0] != word:
        return False
    return gain >= near[2] - FAR_LOSS
