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
readings, and so do title-case prints inside a sentence ("disdain Cor the":
:data:`CAPITALS`), lower-cased, priced as printed.  No list of pairs: the reading is
priced by the channel and chosen by the context.
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates.ocr_rules import cand as _cand
from repair.candidates.ocr_rules import page_text_count, word_cand
from repair.resources.frequency import zipf
from repair.score.ocr_channel import is_known  # module level: _piece is hot (issue 14)
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


@lru_cache(maxsize=2)
def _targets(max_len: int, min_zipf: float) -> tuple[str, ...]:
    """The lower-case words of two to ``max_len + 1`` letters at least ``min_zipf`` common."""
    from repair.score.ocr_channel import vocabulary
    from repair.score.ocr_fixedlists import vocabulary_words

    def build() -> tuple[str, ...]:
        return tuple(
            w
            for w in vocabulary()
            if w.isalpha() and w.islower() and 2 <= len(w) <= max_len + 1 and zipf(w) >= min_zipf
        )

    return vocabulary_words(f"shortreal-{max_len}-{min_zipf!r}", __file__, build)


@lru_cache(maxsize=16)
def _near_targets(max_len: int, min_zipf: float, size: int) -> tuple[tuple[str, float], ...]:
    """``(word, Zipf)`` of the :func:`_targets` of ``size`` or ``size + 1`` letters, in
    their order: what :func:`_readings` compares a print of ``size`` letters with (no
    length test and Zipf look-up per target and print; issue 14, session 23)."""
    return tuple((w, zipf(w)) for w in _targets(max_len, min_zipf) if 0 <= len(w) - size <= 1)


def short_real_readings(text: str) -> tuple[tuple[str, float], ...]:
    """(reading, channel cost) of the short lower-case word ``text``, cheapest first; a
    title-case ``text`` ("Rith") is compared lowered and priced as printed (the table's
    capital rows: "T" for "w")."""
    return _readings(text, MAX_LEN, TARGET_ZIPF, MAX_COST)


@lru_cache(maxsize=4_096)
def _readings(
    text: str, max_len: int, min_zipf: float, max_cost: float
) -> tuple[tuple[str, float], ...]:
    """:func:`short_real_readings` for prints of at most ``max_len`` letters, readings
    at least ``min_zipf`` common and at most ``max_cost`` nats away."""
    from rapidfuzz.distance import Levenshtein

    from repair.score.ocr_price import channel_cost

    low = text.lower()
    if not (MIN_LEN <= len(text) <= max_len and text.isalpha() and low[1:] == text[1:]):
        return ()
    z = zipf(low)
    if z >= MAX_PRINT_ZIPF:
        return ()
    out = []
    for word, word_z in _near_targets(max_len, min_zipf, len(text)):
        if word == low or word_z < z + ZIPF_GAIN:
            continue
        if Levenshtein.distance(low, word, score_cutoff=MAX_EDITS) > MAX_EDITS:
            continue
        cost = channel_cost(text, word)
        if cost <= max_cost:
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


#: Issue 12 (session 41): a lower-case print also stands between words when a side's
#: neighbour (one space away) is a number ("and roi 10 minutes": for) or, on the right, an
#: opening quote glued to a word ("and tie 'additional memorandum": the).  The language
#: model reads such a neighbour as it reads any other token; :func:`_between_words` alone
#: (one word each side) left these prints unread.  Real-word prints; non-word prints with
#: :data:`MARKED_NEIGHBOURS_NONWORDS`.
MARKED_NEIGHBOURS = False
MARKED_NEIGHBOURS_NONWORDS = False
_OPENING_QUOTES = frozenset("'\"\u2018\u201c")


def _beside_words(toks: list[Token], i: int, non_word: bool = False) -> bool:
    """:func:`_between_words`, or (:data:`MARKED_NEIGHBOURS`) a lower-case print with a
    word or number one space before it and a word, a number or an opening quote glued to
    a word one space after it."""
    if _between_words(toks, i):
        return True
    if not (MARKED_NEIGHBOURS_NONWORDS if non_word else MARKED_NEIGHBOURS):
        return False
    if not toks[i].text.islower() or i < 2 or i + 2 >= len(toks):
        return False
    if toks[i - 1].kind != "space" or toks[i + 1].kind != "space":
        return False
    left, right = toks[i - 2], toks[i + 2]
    if not (left.kind == "number" or (left.kind == "word" and not _initial(left.text))):
        return False
    if right.kind == "number" or (right.kind == "word" and not _initial(right.text)):
        return True
    return (
        right.text in _OPENING_QUOTES
        and i + 3 < len(toks)
        and toks[i + 3].kind == "word"
        and len(toks[i + 3].text) > 1
    )


#: Title-case prints inside a sentence ("with Rith the", "nnd Cor the") read the same
#: way, lower-cased: the capital is a misread glyph (hooks as for lower-case prints).
CAPITALS = True
#: ... unless the print's lower-case form is written with a capital this often mid-sentence
#: in period text (a name or a place: "Bath", "Hunter").
CAPITALS_MAX_SHARE = 0.5
#: Margin (nats) a title-case print's reading needs (``None``: as a lower-case print's,
#: :data:`THRESHOLD` for a real word, :data:`NON_WORD_THRESHOLD` for a non-word).  3.0
#: for real words too read one more right word on SMH dev ("the rent Mas to be", 4.9
#: nats) but "that Thou will" -> "they" twice in the simulated archive.
CAPITALS_THRESHOLD: float | None = None


def _mid_sentence(toks: list[Token], i: int) -> bool:
    """A title-case word of the searched length between two lower-case words, one space
    each side (checked before any reading is looked for)."""
    text = toks[i].text
    if not (MIN_LEN <= len(text) <= MAX_LEN and text[:1].isupper() and text[1:].islower()):
        return False
    return _between_words(toks, i) and toks[i - 2].text.islower() and toks[i + 2].text.islower()


def _no_name(toks: list[Token], i: int) -> bool:
    """A title-case print that period text does not usually capitalise (nor, unseen there,
    lists as a name) and the page does not repeat."""
    text = toks[i].text
    # the page's count of its token texts, or a C loop over them (issue 14, sessions 25, 39)
    return unnamed(text, page_text_count(toks, text))


def unnamed(text: str, repeats: int) -> bool:
    """:func:`_no_name`'s test of a title-case print the page prints ``repeats`` times."""
    from repair.score.ngrams import get_ngrams

    if repeats >= 2:
        return False  # a repeated capitalised word is a name
    table = get_ngrams()
    share = table.capital_share(text.lower())
    if share is None:  # unseen lower-case: a listed name ("Ann", "Hal") is that name
        return not table.is_name(text)
    return share < CAPITALS_MAX_SHARE


def _threshold(text: str, lower: float | None) -> float | None:
    """The margin a reading of ``text`` needs: ``lower`` unless it is printed title-case."""
    if text.islower() or CAPITALS_THRESHOLD is None:
        return lower
    return CAPITALS_THRESHOLD


def _initial(text: str) -> bool:
    return len(text) == 1 and text.isupper()


def _piece(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` joined to the word before or after it is a known word ("alw
    ays", "sugges tion", "bo ard"): a word the OCR cut with a space, the splits' job."""
    text = toks[i].text.lower()
    return is_known(toks[i - 2].text.lower() + text) or is_known(text + toks[i + 2].text.lower())


def _joined_piece(toks: list[Token], i: int) -> bool:
    """:func:`_piece` with a word neighbour only (a number or a quote joins nothing)."""
    text = toks[i].text.lower()
    left, right = toks[i - 2], toks[i + 2]
    return (left.kind == "word" and is_known(left.text.lower() + text)) or (
        right.kind == "word" and is_known(text + right.text.lower())
    )


def _new_readings(
    toks: list[Token], i: int, have: list[Candidate], non_word: bool = False
) -> list[tuple[str, float]]:
    """The readings (word, channel cost) of ``toks[i]`` that ``have`` lacks, where the
    token stands between words and is no piece of a split word; else none.  A
    ``non_word`` print is read with the non-word bounds (:data:`NON_WORD_MAX_LEN`, ...)."""
    text = toks[i].text
    lower = text.islower()
    if not lower and not (CAPITALS and _mid_sentence(toks, i)):
        return []
    if non_word:
        readings = _readings(text, NON_WORD_MAX_LEN, NON_WORD_TARGET_ZIPF, NON_WORD_MAX_COST)
    else:
        readings = short_real_readings(text)
    if not readings or not _beside_words(toks, i, non_word) or _joined_piece(toks, i):
        return []
    if not lower and not _no_name(toks, i):
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
        word_cand(
            tok,
            word,
            "OCR_REALWORD",
            finding="short_real",
            cost=cost,
            orig_known=True,
            prior_per_zipf=PRIOR_PER_ZIPF,
            threshold=_threshold(tok.text, THRESHOLD),
        )
        for word, cost in _new_readings(toks, i, have)
    ]


#: Non-words of three or four letters read the same way (hook in
#: :meth:`repair.candidates.ocr._Generator._token`): "wro" -> "were", "oro" -> "were".
NON_WORDS = True
#: Margin (nats) such a reading needs (``None``: the scorer's non-word margin).
NON_WORD_THRESHOLD: float | None = 3.0
#: Non-words of at most this many letters ...
NON_WORD_MAX_LEN = MAX_LEN
#: ... read as words at least this common (Zipf) ...
NON_WORD_TARGET_ZIPF = TARGET_ZIPF
#: ... at most this many nats away.
NON_WORD_MAX_COST = MAX_COST


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
            threshold=_threshold(tok.text, NON_WORD_THRESHOLD),
        )
        for word, cost in _new_readings(toks, i, have, non_word=True)
    ]
