"""American spellings of the dictionary's British words as OCR vocabulary (issue 12, session 23).

symspellpy's dictionary (the OCR stage's vocabulary and the source of its correction
targets) holds "labour", "neighbour", "theatre", "travelled", "analyse" but not "labor",
"neighbor", "theater", "traveled", "analyze": those are *known* (wordfreq lists them),
so never flagged, but no garbled print can be read as them ("lahor" becomes "labour" at
best, still wrong on a US page).  This module derives them by the regular British →
American spelling alternations from the dictionary's own target words, and keeps a
derived form only when wordfreq lists it at least :data:`MIN_ZIPF` common (so the rules
add only forms that are written, never a made-up string):

- ``-our`` → ``-or`` (labour, honoured, neighbourhood, favourite), a stem of 2+ letters;
- ``-tre`` / ``-bre`` → ``-ter`` / ``-ber`` (theatre, centres, calibre, fibres);
- ``-ise`` / ``-yse`` → ``-ize`` / ``-yze`` and their inflections (analyse, paralysed);
- doubled ``l`` before ``-ed`` / ``-ing`` / ``-er`` (travelled, cancelling, jeweller);
- ``-ogue`` → ``-og`` (catalogue), ``-ence`` after f or c → ``-ense`` (offence, defence).

A derived word gets its British form's count (the two are one word).  The derivation is
a function of the dictionary and the word frequencies: :func:`repair.score.ocr_channel.vocabulary`
adds it once and keeps it in the per-user cache with the dictionary.

A garbled page that keeps British spellings reads no added American one it does not print
(:func:`guard_page`).  Also added: the titles symspell lacks (:data:`TITLES`).

Switches: :data:`US_SPELLINGS` (off: the dictionary as shipped), :data:`TITLES_ON`,
:data:`PAGE_GUARD`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from repair.types import Candidate, Token

#: Add the American spellings to the OCR vocabulary.
US_SPELLINGS = True
#: Add the titles the dictionary lacks (:data:`TITLES`), with the count of "mrs".  Off: on
#: the 1 M-word OCR speed text "intoMr" was then read "in to Mr" 8 times (it was "into Mr"),
#: for a gain of 3 tokens on SMH dev (session 23 lead).
TITLES_ON = False
TITLES = ("mr", "dr", "messrs")
#: A derived spelling is kept when wordfreq lists it at least this common (Zipf).
MIN_ZIPF = 2.5
#: The British form is at least this long (drops "pour" -> "por", "hours" -> "hors").
MIN_BRITISH = 5

#: (British ending, American replacement) of the alternations; group 1 is an optional
#: inflection kept as it is.
RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"(?<=[a-z]{2})our(s|ed|ing|er|ers|ite|ites|able|ably|hood|hoods|less|ful)?$"),
        r"or\1",
    ),
    (re.compile(r"(?<=[a-z]{2}[tb])re(s|d)?$"), r"er\1"),
    (re.compile(r"(?<=[a-z]{2})is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{2})ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=[a-z]{2}[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"(?<=[a-z]{3})ogue(s)?$"), r"og\1"),
    (re.compile(r"(?<=[a-z]{2}[fc])ence(s)?$"), r"ense\1"),
)


def american_spellings(
    vocab: Mapping[str, int], zipf: Callable[[str], float], min_target: float
) -> dict[str, int]:
    """``{american: count}``: the regular American spellings of ``vocab``'s words of
    Zipf >= ``min_target`` that ``vocab`` lacks and wordfreq lists at Zipf >=
    :data:`MIN_ZIPF`, each with its British form's count.

    >>> from repair.resources.frequency import zipf
    >>> sorted(american_spellings({"labour": 9, "theatre": 5, "pour": 7}, zipf, 2.0))
    ['labor', 'theater']
    """
    out: dict[str, int] = {}
    for word, count in vocab.items():
        if len(word) < MIN_BRITISH or not word.isalpha() or not word.isascii():
            continue
        for pattern, repl in RULES:
            american = pattern.sub(repl, word)
            if american == word or american in vocab:
                continue
            if zipf(american) >= MIN_ZIPF and zipf(word) >= min_target:
                out[american] = max(out.get(american, 0), count)
    if TITLES_ON and "mrs" in vocab:
        out.update((t, vocab["mrs"]) for t in TITLES if t not in vocab)
    return out


#: A garbled page that prints more British spellings of these alternations ("labour",
#: "colour", "centre") than American ones gets no reading as an added American spelling
#: ("labom" on an Australian page is not read as "labor"): a page keeps its own spelling.
PAGE_GUARD = True

_pairs: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None


def spelling_pairs() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(British forms, American forms, added American forms) of the word pairs the
    :data:`RULES` relate in the OCR vocabulary (:func:`repair.score.ocr_channel.vocabulary`),
    kept in the per-user cache (:mod:`repair.score.ocr_fixedlists`)."""
    global _pairs
    if _pairs is None:
        from repair.score.ocr_fixedlists import vocabulary_words

        rows = [r.split() for r in vocabulary_words("us-spelling-pairs", __file__, _build_pairs)]
        _pairs = (
            frozenset(r[0] for r in rows),
            frozenset(r[1] for r in rows),
            frozenset(r[1] for r in rows if len(r) > 2),
        )
    return _pairs


def _build_pairs() -> tuple[str, ...]:
    """``"british american"`` rows (``" +"`` after an added American form)."""
    from repair.resources.frequency import zipf
    from repair.score import ocr_channel

    vocab = ocr_channel.vocabulary()
    shipped = ocr_channel._read_shipped()
    plain = zipf.__wrapped__  # type: ignore[attr-defined]
    target = ocr_channel.TARGET_ZIPF
    rows = []
    for word in vocab:
        if len(word) < MIN_BRITISH or not word.isalpha() or not word.isascii():
            continue
        for pattern, repl in RULES:
            american = pattern.sub(repl, word)
            if american != word and american in vocab and plain(word) >= target:
                rows.append(f"{word} {american}{'' if american in shipped else ' +'}")
    return tuple(sorted(rows))


_WORD = re.compile(r"[A-Za-z]+")


def page_keeps_british(words: Iterable[str]) -> bool:
    """Whether a page (its word tokens) prints more British spellings of the pairs than
    American ones."""
    gb, us, _added = spelling_pairs()
    n = 0
    for w in words:
        low = w.lower()
        n += (low in gb) - (low in us)
    return n > 0


def guard_page(words: Sequence[Token], cands: list[Candidate]) -> list[Candidate]:
    """``cands`` without the readings as an added American spelling the page does not
    print itself when the page (its word tokens) keeps British spellings
    (:func:`page_keeps_british`; :data:`PAGE_GUARD`)."""
    if not (US_SPELLINGS and PAGE_GUARD) or not cands:
        return cands
    added = spelling_pairs()[2]
    hit = [(c, found) for c in cands if (found := _added_in(c.replacement, added))]
    if not hit:
        return cands
    texts = [t.text for t in words]
    if not page_keeps_british(texts):
        return cands
    printed = {w.lower() for w in texts}
    drop = {id(c) for c, found in hit if not found <= printed}
    return [c for c in cands if id(c) not in drop] if drop else cands


def _added_in(replacement: str, added: frozenset[str]) -> frozenset[str]:
    """The added American spellings ``replacement`` writes (lower case)."""
    low = replacement.lower()
    if low in added:
        return frozenset((low,))
    if len(low) <= 4:
        return frozenset()
    return frozenset(p for p in _WORD.findall(low) if p in added)
