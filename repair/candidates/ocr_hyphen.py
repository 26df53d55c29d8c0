"""OCR line-end hyphens: "conc-⏎rete" -> "concrete"; compounds stay ("long-⏎standing").

With ``RepairConfig.reflow`` a compound's line break is closed ("long-standing") and
single line breaks inside paragraphs become spaces; paragraph breaks are kept.
"""

from __future__ import annotations

import re

from repair.candidates.ocr_rules import cand
from repair.resources.frequency import zipf
from repair.score.ocr_channel import join_candidate
from repair.types import Candidate, Token

#: A line-end hyphen between two words this common is a compound's ("long-⏎standing",
#: "re-⏎election") and stays; otherwise it is a word broken at the line end ("conc-⏎rete").
HYPHEN_PART_ZIPF = 3.0
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def hyphen_candidates(text: str, start: int, end: int, reflow: bool) -> list[Candidate]:
    """ "conc-⏎rete" -> "concrete"; a real compound ("long-⏎standing") stays as it is,
    or becomes "long-standing" when re-flowing lines."""
    piece = text[start:end]
    left, _, rest = piece.partition("-")
    right = rest.strip()
    joined = join_candidate(left, right)
    feats = {"finding": "line_end_hyphen", "orig": [left, right]}
    zl, zr = zipf(left.lower()), zipf(right.lower())
    both = zl >= HYPHEN_PART_ZIPF and zr >= HYPHEN_PART_ZIPF
    if both and joined and zipf(joined.lower()) >= max(4.0, min(zl, zr)):
        both = False  # "para-⏎graph": the whole word is commoner than its pieces
    if joined and not both and not right[:1].isupper():
        return [
            cand(
                start,
                end,
                joined,
                "OCR_DEHYPHENATE",
                **feats,
                alt=[joined],
                cost=0.0,
                threshold=-3.0,
            )
        ]
    if reflow:
        return [
            cand(
                start,
                end,
                f"{left}-{right}",
                "OCR_HYPHEN_COMPOUND",
                **feats,
                alt=[left, right],
                fixed=0.9,
            )
        ]
    return []


def reflow_candidates(text: str, toks: list[Token]) -> list[Candidate]:
    out = []
    for t in toks:
        if t.kind == "space" and "\n" in t.text and not _PARAGRAPH.search(t.text):
            if t.start > 0 and text[t.start - 1] == "-":
                continue  # a line-end hyphen: handled by dehyphenation
            out.append(cand(t.start, t.end, " ", "OCR_REFLOW", finding="line_break", fixed=0.9))
    return out
