"""Glyph misreadings of the commonest words on a page the garble gate keeps shut: "tho", "wo".

The detector flags a short known word that one very cheap learned confusion reads as one
of the commonest words ("tho" -> "the", "bo" -> "be", "wo" -> "we", "thé" -> "the":
:func:`repair.detect.ocr.realword_suspect`), but only as evidence for the gate; on a page
the gate keeps shut no reading was ever built for it, so lightly garbled text kept them
("share it with tho other researchers", "public schools should bo able").  Here such a
token, printed at most :data:`MAX_REPEATS` times on the page, gets that one reading, and
the language model must want it by :data:`THRESHOLD` nats over the print (whose own
frequency is charged as for every real word): both neighbours decide, so "even tho it"
and "she wore a coat" stay.  A capitalised print is read only at a sentence start and
when no name list knows it ("Wo have" -> "We"; "Ho", "Mo" are names).  An accented print
("thé", "hé") is read only on a page that writes no accented word the web uses (a French
quotation keeps its "thé").

>>> from repair.tokenize import tokenize
>>> [c.replacement for c in suspect_readings(tokenize("share it with tho other"), {})]
['the']
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from repair.candidates.ocr_light import _listed_name, _piece_of_word
from repair.candidates.ocr_rules import word_cand
from repair.types import Candidate, Finding, Token

#: Switch.
SHUT_SUSPECT = True
#: Margin (nats) the reading needs in context, after the print's frequency prior.
THRESHOLD = 3.0
#: A form the page prints more often than this is its own word (a name, dialect).
MAX_REPEATS = 3

_ENDS = frozenset(".!?")


def _sentence_start(toks: list[Token], i: int) -> bool:
    """Whether word token ``i`` opens a sentence (text start, or after . ! ? and space)."""
    j = i - 1
    while j >= 0 and (toks[j].kind == "space" or toks[j].text in ('"', "'", "“", "‘")):
        j -= 1
    return j < 0 or toks[j].text in _ENDS


def _page_writes_accents(counts: Mapping[str, int]) -> bool:
    from repair.candidates.ocr_light import _written_accent

    return any(_written_accent(w) for w in counts)


def suspect_readings(
    toks: list[Token], counts: Mapping[str, int], starts: Collection[int] | None = None
) -> list[Candidate]:
    """The readings of the suspect short words of ``toks`` (module doc), page not checked;
    ``starts``: only the tokens starting there (the detector's findings), if given."""
    from repair.detect.ocr import realword_suspect
    from repair.score.ocr_channel import single_confusions, strip_accents

    out: list[Candidate] = []
    accents: bool | None = None
    for i, t in enumerate(toks):
        text = t.text
        if starts is not None and t.start not in starts:
            continue
        if t.kind != "word" or len(text) > 4 or counts.get(text, 0) > MAX_REPEATS:
            continue
        if not realword_suspect(text) or _piece_of_word(toks, i):
            continue  # "tho se": a split word's piece ("those"), not "the"
        if text[:1].isupper():
            if not _sentence_start(toks, i) or _listed_name(text):
                continue
        if strip_accents(text) != text:
            if accents is None:
                accents = _page_writes_accents(counts)
            if accents:
                continue
        best = single_confusions(text)[0]
        out.append(
            word_cand(
                t,
                best.text,
                "OCR_REALWORD",
                finding="shut_suspect",
                cost=best.cost,
                orig_known=True,
                threshold=THRESHOLD,
            )
        )
    return out


#: The detector's reasons of the tokens read here.
REASONS = frozenset({"realword_suspect", "spurious_accent"})


def shut_suspect_candidates(
    toks: list[Token], counts: Mapping[str, int], findings: Iterable[Finding]
) -> list[Candidate]:
    """:func:`suspect_readings` of the ``findings`` of a page the gate keeps shut (the
    caller checks the gate)."""
    if not SHUT_SUSPECT:
        return []
    starts = {f.start for f in findings if f.reason in REASONS}
    return suspect_readings(toks, counts, starts) if starts else []
