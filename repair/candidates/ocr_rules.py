"""Rule names of the ocr stage and the edit kind of each; the candidate constructor."""

from __future__ import annotations

from repair.types import Candidate

KIND_OF_RULE = {
    "OCR_CONFUSION": "ocr",
    "OCR_DOC_WORD": "ocr",
    "OCR_SPELLING": "ocr",
    "OCR_REALWORD": "ocr",
    "OCR_DIGIT_I": "ocr",
    "OCR_CASE": "ocr",
    "OCR_NAME": "ocr",
    "OCR_STRAY_MARK": "ocr",
    "OCR_LOST_STOP": "ocr",
    "OCR_SPLIT_MERGED": "spacing",
    "OCR_JOIN_SPLIT": "spacing",
    "OCR_COMMA_SPACE": "spacing",
    "OCR_DEHYPHENATE": "hyphenation",
    "OCR_HYPHEN_COMPOUND": "hyphenation",
    "OCR_INLINE_HYPHEN": "hyphenation",
    "OCR_REFLOW": "hyphenation",
}


def cand(start: int, end: int, repl: str, rule: str, **features: object) -> Candidate:
    """A candidate of the ocr stage; its kind follows from ``rule``."""
    # ``**features`` is already a new dict: no copy of it (one per candidate; issue 14)
    return Candidate(start, end, repl, KIND_OF_RULE[rule], rule, features)


def confusion_reading(
    text: str,
    start: int,
    repl: str,
    word: str,
    cost: float,
    subs: tuple[tuple[str, str], ...],
    reason: str,
    threshold: float,
    **flags: object,
) -> list[Candidate]:
    """The one ``OCR_CONFUSION`` reading of the whole flagged token ``text`` at ``start`` as
    ``repl`` (the word ``word`` in the print's case), priced ``cost`` by the confusions ``subs``."""
    return [
        cand(
            start,
            start + len(text),
            repl,
            "OCR_CONFUSION",
            finding=reason,
            orig=[text],
            alt=[word],
            cost=cost,
            threshold=threshold,
            subs=[list(x) for x in subs],
            **flags,
        )
    ]
