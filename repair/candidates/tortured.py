"""Candidates for tortured phrases: the lexicon's ranked replacements, fitted to the text.

A replacement keeps the text's casing style (Title Case, a capitalized sentence
start, ALL CAPS), the separators between the words when the word counts agree
(a line break inside the phrase stays a line break), and the inflection of the
last word ("irregular woodlands" → "random forests").  Words the replacement
shares with the phrase at either end are left out of the span, so
"fake brain organization" → "artificial neural network" but "Gaussian clamor"
→ only "clamor" changes and "Gaussian" keeps its capital.

>>> fit_replacement("Profound Learning", "deep learning")
(0, 8, 'Deep')
>>> fit_replacement("irregular\\nwoodlands", "random forest", inflect_from="woodland")
(0, 19, 'random\\nforests')
"""

from __future__ import annotations

import re

from repair.detect.tortured import Entry
from repair.document import Document
from repair.types import Candidate, Detection, Finding

RULE = "TORTURED_PHRASE"
#: Substitutions read off a known source paper (:mod:`repair.detect.tortured_source`).
SOURCE_RULE = "TORTURED_SOURCE"
#: Phrases put back from the paper mills' habits (:mod:`repair.detect.tortured_habits`).
HABIT_RULE = "TORTURED_HABIT"
_CHUNK_RE = re.compile(r"\S+")
_SMALL = frozenset("a an and as at by for in of on or the to with".split())


def _case_like(template: str, word: str) -> str:
    letters = [c for c in template if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _inflect_last(chunk_text: str, lex_last: str, repl_last: str) -> str | None:
    """``repl_last`` inflected the way ``chunk_text`` inflects ``lex_last``."""
    from repair.resources.lemmas import getAllInflections, getInflection

    word = chunk_text.lower()
    for upos in ("NOUN", "VERB"):
        infl = getAllInflections(lex_last, upos)
        tags = [t for t, forms in infl.items() if word in forms and t not in ("NN", "VB")]
        for tag in tags:
            head, sep, tail = repl_last.rpartition("-")
            forms = getInflection(tail, tag)
            if forms:
                return head + sep + forms[0]
    return None


def fit_replacement(
    matched: str, replacement: str, inflect_from: str | None = None
) -> tuple[int, int, str] | None:
    """``(start, end, text)`` to put in ``matched[start:end]``; None if it cannot be fitted.

    ``inflect_from`` is the lexicon's last word when the text inflects it.
    """
    chunks = list(_CHUNK_RE.finditer(matched))
    words = replacement.split(" ")
    if inflect_from:
        last_text = re.sub(r"\W+$", "", chunks[-1].group().split("-")[-1])
        new_last = _inflect_last(last_text, inflect_from, words[-1])
        if new_last is None:
            return None
        words[-1] = new_last
    texts = [c.group() for c in chunks]
    title = len(texts) > 1 and all(t[:1].isupper() for t in texts if t.lower() not in _SMALL)
    if len(words) == len(chunks):
        out = [_case_like(t, w) for t, w in zip(texts, words, strict=True)]
        # leave out the words shared at either end
        lo, hi = 0, len(out)
        while lo < hi and out[lo] == texts[lo]:
            lo += 1
        while hi > lo and out[hi - 1] == texts[hi - 1]:
            hi -= 1
        if lo == hi:
            return None
        pieces = []
        for k in range(lo, hi):
            pieces.append(out[k])
            if k + 1 < hi:
                pieces.append(matched[chunks[k].end() : chunks[k + 1].start()])
        return chunks[lo].start(), chunks[hi - 1].end(), "".join(pieces)
    if title:
        out = [w if (k and w in _SMALL) else _case_like("A", w) for k, w in enumerate(words)]
    else:
        out = [_case_like(texts[0], words[0]), *words[1:]]
    if texts[0] == texts[0].upper() and len(texts[0]) > 1 and texts[0].isalpha():
        out = [w.upper() for w in out]
    seps = {matched[a.end() : b.start()] for a, b in zip(chunks, chunks[1:], strict=False)}
    sep = seps.pop() if len(seps) == 1 else " "
    if len(chunks) == 1 and "-" in texts[0] and len(out) > 1:
        sep = "-"  # "irregular-woodland" -> "random-forest"
    lo, hi, wlo, whi = 0, len(texts), 0, len(out)
    while lo < hi - 1 and wlo < whi - 1 and texts[lo] == out[wlo]:
        lo, wlo = lo + 1, wlo + 1
    while hi - 1 > lo and whi - 1 > wlo and texts[hi - 1] == out[whi - 1]:
        hi, whi = hi - 1, whi - 1
    return chunks[lo].start(), chunks[hi - 1].end(), sep.join(out[wlo:whi])


def _habit_candidate(doc: Document, f: Finding) -> Candidate:
    """The changed words of a habit window put back, separators and first-letter case kept."""
    d = f.data["habit"]
    h = d.term
    lo, hi = h.changed[0], h.changed[-1]
    pieces = []
    for k in range(lo, hi + 1):
        word = h.restored[k]
        pieces.append(_case_like(h.tokens[k].text, word) if k == lo else word)
        if k < hi:
            pieces.append(doc.text[h.tokens[k].end : h.tokens[k + 1].start])
    return Candidate(f.start, f.end, "".join(pieces), "tortured", HABIT_RULE, {"habit": d})


def candidates(doc: Document, detection: Detection) -> list[Candidate]:
    """One candidate per (finding, replacement), in the lexicon's rank order."""
    out: list[Candidate] = []
    for f in detection.findings:
        if "habit" in f.data:
            out.append(_habit_candidate(doc, f))
            continue
        if "source" in f.data:
            s = f.data["source"]
            text = _case_like(s.written.split(" ")[0], s.source)
            out.append(Candidate(f.start, f.end, text, "tortured", SOURCE_RULE, {"source": s}))
            continue
        entry: Entry = f.data["entry"]
        matched = doc.text[f.start : f.end]
        for rank, repl in enumerate(entry.replacements):
            inflect_from = entry.units[-1] if f.data["inflected"] else None
            fitted = fit_replacement(matched, repl, inflect_from)
            if fitted is None:
                continue
            a, b, text = fitted
            out.append(
                Candidate(
                    f.start + a,
                    f.start + b,
                    text,
                    "tortured",
                    RULE,
                    {
                        "entry": entry,
                        "rank": rank,
                        "phrase_start": f.start,
                        "phrase_end": f.end,
                        "full_replacement": repl,
                        "inflected": bool(f.data["inflected"]),
                    },
                )
            )
    return out
