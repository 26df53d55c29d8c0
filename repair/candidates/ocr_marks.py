"""Stray marks glued to a word: "»as" (was), "th«" (the), "bu*" (but), "u<e" (use).

Newspaper OCR reads specks and broken glyphs as marks that belong to no word.  The
tokenizer splits them off, so the word pieces look fine ("as", "th") while the token
run around them is the real misreading.  A run of adjacent word and mark tokens (no
space between) is re-read as one token: by the learned confusions ("»" -> "w",
"«" -> "s") and by dropping the marks; the scorer decides in context.

>>> from repair.tokenize import tokenize
>>> [s for s, e, orig, alts in mark_runs(tokenize("he »as there"))]
[3]
"""

from __future__ import annotations

from repair.candidates.ocr_rules import cand
from repair.score.ocr_channel import correction_candidates, is_target
from repair.types import Candidate, Token

#: Marks no English word carries inside it (an apostrophe or hyphen may be real).
MARKS = frozenset("»«*\\<>|¿¡~{}^_")
#: Longest glued run re-read (characters).
MAX_RUN = 20


def mark_runs(toks: list[Token]) -> list[tuple[int, int, str, list[tuple[str, float]]]]:
    """(start, end, run text, [(reading, cost), ...]) of each glued word+mark run."""
    out = []
    i = 0
    n = len(toks)
    while i < n:
        j = i
        has_mark = has_word = False
        while j < n and (toks[j].kind == "word" or toks[j].text in MARKS):
            has_mark |= toks[j].text in MARKS
            has_word |= toks[j].kind == "word"
            j += 1
        if j > i and has_mark and has_word:
            start, end = toks[i].start, toks[j - 1].end
            run = "".join(t.text for t in toks[i:j])
            if end - start <= MAX_RUN:
                readings: dict[str, float] = {}
                for c in correction_candidates(run)[:6]:
                    readings.setdefault(c.text, c.cost)
                bare = "".join(ch for ch in run if ch not in MARKS)
                if bare and is_target(bare) and bare not in readings:
                    readings[bare] = 1.0 + (len(run) - len(bare))
                if readings:
                    out.append((start, end, run, sorted(readings.items(), key=lambda x: x[1])))
        i = max(j, i + 1)
    return out


def mark_candidates(toks: list[Token]) -> list[Candidate]:
    """Candidates re-reading each glued word+mark run (garbled documents only)."""
    return [
        cand(
            start,
            end,
            text,
            "OCR_STRAY_MARK",
            finding="stray_mark",
            orig=[run],
            alt=[text],
            cost=cost,
        )
        for start, end, run, readings in mark_runs(toks)
        for text, cost in readings
    ]
