"""A possessive whose apostrophe the OCR read as a space: "John s" (John's), "year s".

Newspaper OCR prints a faint apostrophe as nothing, and the "s" then stands alone.  A lone
lower-case "s" after a word is no word of its own; the reading with the apostrophe is
proposed at the price of one spacing repair and the two-sided language model decides
(:data:`THRESHOLD`), as for every join: "bush s" (bushes) and "a s" (a solid) stay for
other readings.  Not after the commonest words ("He s", "it s": :data:`MAX_LEFT_ZIPF`),
where the lone "s" is more often a word's garbled head.  Garbled pages only.
"""

from __future__ import annotations

from collections.abc import Callable

from repair.candidates.ocr_rules import cand
from repair.candidates.ocr_spacing import SPACING_COST
from repair.resources.frequency import zipf
from repair.types import Candidate, Token

#: The readings are built (hook in the garbled-page block of ``repair.candidates.ocr``).
POSSESSIVE = True
#: The word before the "s" is at most this common (Zipf).
MAX_LEFT_ZIPF = 6.0
#: Margin (nats) the reading needs in context.
THRESHOLD = 1.0


#: Issue 12 (session 51): an "s" glued to a following figure or word piece (no space:
#: "flowing s0uthward" is "s", "0", "uthward") is the head of a word the garble cut at a
#: digit, not a lone "s": no possessive reading ("flowing's0uthward" broke the OCR'd modern
#: text audit's dev half; measured in ``benchmarks/RESULTS.md``, session 51, ocraudit).
GLUED_S = True


def _glued(s: Token, nxt: Token) -> bool:
    """Whether ``nxt`` is a word or figure that starts where ``s`` ends."""
    return nxt.start == s.end and nxt.kind in ("word", "number")


def possessive_candidates(toks: list[Token]) -> list[Candidate]:
    """Readings "word's" of a word, one space and a lone "s" (module doc)."""
    if not POSSESSIVE:
        return []
    out: list[Candidate] = []
    for i in range(len(toks) - 2):
        left, sep, s = toks[i], toks[i + 1], toks[i + 2]
        if s.text != "s" or s.kind != "word" or sep.text != " " or left.kind != "word":
            continue
        if (
            len(left.text) < 2
            or not left.text.isalpha()
            or zipf(left.text.lower()) >= MAX_LEFT_ZIPF
        ):
            continue
        if i + 3 < len(toks) and toks[i + 3].text in ("'", "’"):
            continue
        if GLUED_S and i + 3 < len(toks) and _glued(s, toks[i + 3]):
            continue  # "flowing s0uthward": the "s" heads a word the garble cut at a digit
        out.append(
            cand(
                left.start,
                s.end,
                left.text + "'s",
                "OCR_JOIN_SPLIT",
                finding="lone_s",
                orig=[left.text, "s"],
                alt=[left.text + "'s"],
                cost=SPACING_COST,
                threshold=THRESHOLD,
            )
        )
    return out


#: A possessive of a known capitalised word is never read as its plural by dropping the
#: apostrophe ("the Security Intelligence Organisation's (ASIO) powers" ->
#: "Organisations"): the language model knows the plural better and cannot tell them
#: apart.  Lower-case words are left to it: old newspapers' OCR does invent the
#: apostrophe there (SMH dev "ton's", "thousand's" for tons, thousands).  Session 36 (the
#: lead).
KEEP_POSSESSIVE = True


#: On a lightly garbled page (not heavy) the possessive of any known word, or of an
#: acronym, keeps its "'s": "an infected computer's mailbox" is no "computers", "Your
#: arm's off" no "arms", "WA's Minister" no "WArs".  The invented apostrophes of SMH
#: ("ton's") stand on heavily garbled pages.  Session 37, from lightly garbled news and
#: web text.
KEEP_POSSESSIVE_LIGHT = True


def keep_possessives(cands: list[Candidate], text: str, light: bool = False) -> list[Candidate]:
    """``cands`` without readings that only drop the apostrophe of a known capitalised word's "'s"
    (:data:`KEEP_POSSESSIVE`; ``text``: the page); on a ``light`` page, without readings
    of any known word's or acronym's "'s" that lose the apostrophe
    (:data:`KEEP_POSSESSIVE_LIGHT`)."""
    if not KEEP_POSSESSIVE:
        return cands
    from repair.score.ocr_channel import is_known

    light = light and KEEP_POSSESSIVE_LIGHT
    out = []
    for c in cands:
        orig = text[c.start : c.end]
        if (
            len(orig) > 3
            and orig[:1].isupper()
            and orig[-2:] in ("'s", "’s")
            and c.replacement == orig[:-2] + "s"
            and is_known(orig[:-2].lower())
        ):
            continue
        if light and _light_possessive(orig, c.replacement, is_known):
            continue
        out.append(c)
    return out


def _light_possessive(orig: str, repl: str, is_known: Callable[[str], bool]) -> bool:
    """Whether ``orig`` is one word's possessive ("computer's", "WA's") that ``repl`` reads
    without its apostrophe."""
    stem = orig[:-2]
    if orig[-2:] not in ("'s", "’s") or len(stem) < 2 or not stem.isalpha():
        return False
    if not (is_known(stem.lower()) or stem.isupper()):
        return False
    return repl.startswith(stem) and "'" not in repl and "’" not in repl
