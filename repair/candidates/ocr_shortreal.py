"""Short real words of a heavily garbled page read as the commonest words, priced whole.

"tie use of" for "the use of", "hal a baby" for "had a baby", "oil of which" for "all
of which": the print is a short word the dictionary knows, so no non-word finding reads
it, and the real-word search (:mod:`repair.candidates.ocr_realword`) walks only the
learned table's confusions, which for such words rarely reach the commonest word ("i"
for "h" has no row).  Here a lower-case word of three or four letters between two words
(not a lone capital: "J ant Stock"), on a heavily garbled page, is compared with the
commonest words (Zipf :data:`TARGET_ZIPF`, far commoner than the print) as long as it
or one letter longer, within :data:`MAX_EDITS` plain edits, each priced by the channel
(:func:`repair.score.ocr_price.channel_cost`: the table's rows where it has them,
generic edits where not).  The cheapest few within :data:`MAX_COST` are real-word
readings: the two-sided language model decides on the margin :data:`THRESHOLD`, so a
word the context does not want stays as printed.  Never a piece the splits join with
its neighbour ("alw ays", "sugges tion").  Short non-words ("wro", "onb") get the same
readings.  No list of pairs: the reading is priced by the channel and chosen by the
context.
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates.ocr_rules import cand as _cand
from repair.resources.frequency import zipf
from repair.types import Candidate, Token

#: Switch (hook in :meth:`repair.candidates.ocr._Generator._realword`).
SHORT_REAL = True
#: Printed words of this many letters (two-letter prints: :mod:`ocr_shortword`) ...
MIN_LEN = 3
MAX_LEN = 4
#: ... at most this common (Zipf; "in", "he", "is" are trusted as printed) ...
MAX_PRINT_ZIPF = 6.0
#: ... are read as words at least this common ...
TARGET_ZIPF = 6.0
#: ... and at least this much commoner than the print (Zipf units).
ZIPF_GAIN = 1.0
#: Plain edits between the print and a reading at most (before the channel prices it).
MAX_EDITS = 2
#: A reading's channel cost (nats) at most.
MAX_COST = 6.5
#: Readings kept per token, cheapest first.
MAX_READINGS = 3
#: Margin (nats) such a reading needs (LM gain less cost and the print's prior).
THRESHOLD = 6.0
#: Trust in the printed word per Zipf unit (nats), as the real-word search's.
PRIOR_PER_ZIPF = 0.2


@lru_cache(maxsize=1)
def _targets() -> tuple[str, ...]:
    """The commonest lower-case words of two to ``MAX_LEN + 1`` letters."""
    from repair.score.ocr_channel import vocabulary

    return tuple(
        w
        for w in vocabulary()
        if w.isalpha() and w.islower() and 2 <= len(w) <= MAX_LEN + 1 and zipf(w) >= TARGET_ZIPF
    )


@lru_cache(maxsize=4_096)
def short_real_readings(text: str) -> tuple[tuple[str, float], ...]:
    """(reading, channel cost) of the short lower-case word ``text``, cheapest first."""
    from rapidfuzz.distance import Levenshtein

    from repair.score.ocr_price import channel_cost

    if not (MIN_LEN <= len(text) <= MAX_LEN and text.isalpha() and text.islower()):
        return ()
    z = zipf(text)
    if z >= MAX_PRINT_ZIPF:
        return ()
    out = []
    for word in _targets():
        if word == text or not 0 <= len(word) - len(text) <= 1 or zipf(word) < z + ZIPF_GAIN:
            continue
        if Levenshtein.distance(text, word, score_cutoff=MAX_EDITS) > MAX_EDITS:
            continue
        cost = channel_cost(text, word)
        if cost <= MAX_COST:
            out.append((word, round(cost, 3)))
    out.sort(key=lambda x: x[1])
    return tuple(out[:MAX_READINGS])


def _between_words(toks: list[Token], i: int) -> bool:
    """A word on each side, not a lone capital, spaces between (a line break counts
    as a space): "J ant Stock" is a piece of a garbled name, not "and"."""
    return (
        i >= 2
        and i + 2 < len(toks)
        and toks[i - 1].kind == "space"
        and toks[i + 1].kind == "space"
        and toks[i - 2].kind == "word"
        and toks[i + 2].kind == "word"
        and not _initial(toks[i - 2].text)
        and not _initial(toks[i + 2].text)
    )


def _initial(text: str) -> bool:
    return len(text) == 1 and text.isupper()


def _piece(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` joined to the word before or after it is a known word ("alw
    ays", "sugges tion", "bo ard"): a word the OCR cut with a space, the splits' job."""
    from repair.score.ocr_channel import is_known

    text = toks[i].text.lower()
    return is_known(toks[i - 2].text.lower() + text) or is_known(text + toks[i + 2].text.lower())


def _new_readings(toks: list[Token], i: int, have: list[Candidate]) -> list[tuple[str, float]]:
    """The readings (word, channel cost) of ``toks[i]`` that ``have`` lacks, where the
    token stands between words and is no piece of a split word; else none."""
    readings = short_real_readings(toks[i].text)
    if not readings or not _between_words(toks, i) or _piece(toks, i):
        return []
    seen = {c.replacement for c in have}
    return [(word, cost) for word, cost in readings if word not in seen]


def short_real_candidates(
    toks: list[Token], i: int, have: list[Candidate], heavy: bool
) -> list[Candidate]:
    """Readings of the short word ``toks[i]`` (module doc) that ``have`` lacks."""
    if not (SHORT_REAL and heavy):
        return []
    tok = toks[i]
    return [
        _cand(
            tok.start,
            tok.end,
            word,
            "OCR_REALWORD",
            finding="short_real",
            orig=[tok.text],
            alt=[word],
            cost=cost,
            orig_known=True,
            prior_per_zipf=PRIOR_PER_ZIPF,
            threshold=THRESHOLD,
        )
        for word, cost in _new_readings(toks, i, have)
    ]


#: Non-words of three or four letters read the same way (hook in
#: :meth:`repair.candidates.ocr._Generator._token`): "wro" -> "were", "oro" -> "were".
NON_WORDS = True
#: Margin (nats) such a reading needs (``None``: the scorer's non-word margin).
NON_WORD_THRESHOLD: float | None = 3.0


def short_nonword_candidates(
    toks: list[Token], i: int, have: list[Candidate], feats: dict[str, object]
) -> list[Candidate]:
    """Readings of the short non-word ``toks[i]`` of a heavy page that ``have`` lacks."""
    if not NON_WORDS:
        return []
    tok = toks[i]
    return [
        _cand(
            tok.start,
            tok.end,
            word,
            "OCR_CONFUSION",
            **feats,
            alt=[word],
            cost=cost,
            threshold=NON_WORD_THRESHOLD,
        )
        for word, cost in _new_readings(toks, i, have)
    ]
