"""Old spellings as readings: garbled words of early modern print ("DeviU" -> "Devill").

Books printed before ~1800 spell "Devill", "withall", "fellowes", "himselfe", "marvaile";
their gold keeps those spellings (:func:`repair.score.ocr_channel.archaic_form` tells the
detector to leave them alone).  When the OCR garbles such a word ("DeviU": ll read as U,
"Devdl": il as d, "bimselfe": h as b), no reading reaches it: readings are modern
dictionary words, and the modern word ("devil") is a further edit away.  On ICDAR 2017
monographs files 1-80 these were the largest class of non-words never read (78 of 284
tokens, ``benchmarks/ocr_book_eval.py --classes``).

Method: a non-word of a page that prints old spellings itself, one learned confusion
(the rows of :func:`repair.score.ocr_channel.confusions`, at most :data:`MAX_COST` nats) away
from an *old spelling of a known word* (:func:`old_spelling_of` of the reading is a
word), is read as that spelling.  (Words of the period vocabulary as readings,
"chappell", "knockt", were tried: no change on files 1-80.)  The language model
knows few old spellings, so the reading is scored through its modern form: the LM
weighs "devil" against the printed token in context while the edit writes "Devill".
No pair list: the confusion table is learned, the spelling rules are
``archaic_form``'s, and the context decides.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from repair.candidates.ocr_rules import cand
from repair.score.ocr_channel import (
    ARCHAIC_WORDS,
    _max_src_len,
    archaic_form,
    confusions,
    is_known,
    is_target,
)
from repair.types import Candidate, Token

#: The switch (``benchmarks/ocr_book_eval.py repair.candidates.ocr_oldspell.OLD_SPELLING=False``).
OLD_SPELLING = True
#: Findings read this way (a capital inside a word is the OCR's U for ll, H for li).
REASONS = frozenset({"nonword", "inner_capital", "capitalized_unknown"})
#: One learned confusion of at most this cost (nats).
MAX_COST = 3.5
#: Margin (nats) the modern form needs in context.
THRESHOLD = 1.0
#: Shortest token read.
MIN_LEN = 4
#: A page prints old spellings when at least this share of its words are (the
#: detector's ``archaic`` findings); :data:`MIN_OLD` of them at least.
OLD_SHARE = 0.01
MIN_OLD = 2


def old_print_page(findings_reasons: Mapping[str, int], words: int) -> bool:
    """Whether a page spells as early modern print does, from its detector counts."""
    old = findings_reasons.get("archaic", 0)
    return old >= MIN_OLD and old >= OLD_SHARE * max(1, words)


#: The printing conventions a reading may undo are stricter than ``archaic_form``'s,
#: whose looser rules (any dropped "e", "oa" for "o") make "Priour" -> "Prioar" a "Prior".
_TRIPLE = re.compile(r"(.)\1\1")


def old_spelling_of(word: str) -> str | None:
    """The known modern word ``word`` is an old spelling of, by the surest conventions
    only: a final "e" ("himselfe", "fellowes" as -es), a doubled final consonant with
    "e" ("sonne"), a final "ll" ("Devill", "withall"), "ie" for "y", an initial "v" for
    "u" and "i" for "j" ("vpon", "iudge"), an inner "u" for "v" ("haue").

    >>> old_spelling_of("Devill"), old_spelling_of("himselfe"), old_spelling_of("Prioar")
    ('devil', 'himself', None)
    """
    low = word.lower()
    if low in ARCHAIC_WORDS:
        return low
    if len(low) < 3 or _TRIPLE.search(low):
        return None
    options = []
    if low.endswith("e"):
        options.append(low[:-1])
        if len(low) > 4 and low[-2] == low[-3]:
            options.append(low[:-2])
    if low.endswith("es") and len(low) > 4:
        options.append(low[:-2] + "s")  # "fellowes"
    if low.endswith("ie"):
        options.append(low[:-2] + "y")
    if low.endswith("ll") and len(low) > 4:
        options.append(low[:-1])
    if low[0] in "vi":
        options.append(("u" if low[0] == "v" else "j") + low[1:])  # "vpon", "iudge"
    options.extend(low[:i] + "v" + low[i + 1 :] for i, ch in enumerate(low) if ch == "u" and i)
    for o in options:
        if len(o) >= 3 and is_target(o):
            return o
    return None


def _period_known(word: str) -> bool:
    from repair.score.ngrams import get_ngrams

    return get_ngrams().known(word)


def old_spelling_candidates(tok: Token, reason: str) -> list[Candidate]:
    """Readings of one finding as old spellings (see the module doc); the caller checks
    that the page prints old spellings."""
    text = tok.text
    if not OLD_SPELLING or reason not in REASONS:
        return []
    return [
        cand(
            tok.start,
            tok.end,
            v,
            "OCR_CONFUSION",
            finding="old_spelling",
            orig=[text],
            alt=[alt],
            cost=cost,
            threshold=THRESHOLD,
            subs=[list(sub)],
        )
        for v, alt, cost, sub in _readings(text)
    ]


#: At most this many readings per token.
MAX_READINGS = 3


@lru_cache(maxsize=8192)
def _readings(text: str) -> tuple[tuple[str, str, float, tuple[str, str]], ...]:
    """(old spelling, its modern form for the LM, cost, substitution) of a token, cheapest
    first: one pass over the learned table's rows at each position (a page repeats its
    garble, so the answer is cached)."""
    if len(text) < MIN_LEN or not text.isalpha():
        return ()
    if is_known(text) or archaic_form(text) or _period_known(text):
        return ()
    found: dict[str, tuple[float, tuple[str, str]]] = {}
    rows = confusions()
    for i in range(len(text)):
        for n in range(1, min(_max_src_len(), len(text) - i) + 1):
            src = text[i : i + n]
            for dst, cost in rows.get(src, ()):
                if cost > MAX_COST:
                    break  # rows are sorted by cost
                v = text[:i] + dst + text[i + n :]
                if len(v) < MIN_LEN or not v.isalpha() or not v[1:].islower():
                    continue
                if text[:1].islower() and not v.islower():
                    continue
                old = found.get(v)
                if old is None or cost < old[0]:
                    found[v] = (cost, (src, dst))
    out = []
    for v, (cost, sub) in sorted(found.items(), key=lambda kv: kv[1][0]):
        if is_target(v.lower()):
            continue  # modern words are the other paths' readings
        modern = old_spelling_of(v)
        if modern is None:
            continue
        alt = modern[:1].upper() + modern[1:] if v[:1].isupper() else modern
        out.append((v, alt, cost, sub))
        if len(out) >= MAX_READINGS:
            break
    return tuple(out)
