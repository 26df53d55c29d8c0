"""Garbled names no list knows, read by the shape of names: "Chivcrs" -> "Chivers".

A newspaper page is full of surnames and places that neither the dictionary nor the
period name list holds ("Beehag", "Coppen", "Slattery"), and its OCR garbles them as it
garbles every word ("Bcehag", "Coppcn", "Chivcrs").  No word list can say which name
was printed, but the *shape* of names can: "cn", "cr" or "hl" after a consonant is
rare in a name, "en", "er" or "hi" common.  This module is a noisy channel with a
character model of names:

    gain = ln P_char(reading) - ln P_char(token) - channel cost(token | reading)

where ``P_char`` is a character 4-gram model of the ~50k personal and place names of
``lexicons/names_period.txt.gz`` (interpolated, built once and kept in the per-user
cache) and the channel cost is the learned one (:func:`repair.score.ocr_channel.
single_confusions`).  Readings are applied greedily, one learned confusion at a time,
while each step gains at least :data:`STEP_GAIN` nats (at most :data:`MAX_STEPS`).

Only a capitalised token the page prints once, that no dictionary, period word list or
name list knows, in a page the garble gate opened and that is not early modern print;
and only as a fallback: the candidate has a fixed confidence, so any reading the
language model accepts for the same token wins over it.

>>> reading = name_shape_reading("Chivcrs")
>>> reading is not None and reading[0]
'Chivers'
>>> name_shape_reading("Bascom") is None
True
"""

from __future__ import annotations

import gzip
import math
from collections import Counter
from functools import lru_cache

from repair.candidates import ocr_capname
from repair.candidates.ocr_rules import cand
from repair.candidates.ocr_rules import capitalised_word as _capitalised
from repair.resources.cache import disk_cached
from repair.score.ocr_channel import confusions
from repair.types import Candidate, Token

#: Order of the character model.
ORDER = 4
#: Each greedy step must gain this much (nats, after the channel cost).  SMH dev, one
#: step, before the other readings: gain 6 -> 95 right readings for 4 correct names changed,
#: 2 -> 141 for 44; in the pipeline, token errors 8 -> 5,460 (1 broken), 10 -> 5,467 (0
#: broken), 12 -> 5,470; ICDAR file 81 names below 10: "Eozoa", "Oopack", foreign "Mbua".
STEP_GAIN = 10.0
#: At most this many confusions are undone in one token.
MAX_STEPS = 3
#: Largest channel cost of one step (nats; the table's rarest confusions cost 4.5).
MAX_STEP_COST = 4.5
#: Shortest token read.
MIN_LEN = 4
#: A print clean English attests (:func:`repair.candidates.ocr_capname.attested_print`:
#: "Priya", Zipf 2.9; "Fitr" of "Eid-al-Fitr", 2.3) is no garble of a name-shaped reading
#: ("Priva", "Fitz"); the garbled names this reader exists for are in no list ("Chivcrs").
#: A reading that only drops accents is still made (ICDAR "Caer Léon" is "Leon").
#: Session 36 (the lead).
ATTESTED = True
#: Confidence of the reading (a fallback: any accepted language-model reading wins).
CONFIDENCE = 0.6
#: Interpolation: a context seen ``n`` times gets weight n / (n + SMOOTH).
SMOOTH = 5.0
_NAMES = "names_period.txt.gz"
_PAD = "^" * (ORDER - 1)
_ALPHABET = 30


#: Read names by their shape (see the module doc).
NAME_SHAPE = True


def name_shape_applies(text: str, count: int) -> bool:
    """Whether ``text`` (printed ``count`` times on a garbled page) is read by its shape."""
    from repair.candidates.ocr_docvocab import _clean

    if not NAME_SHAPE or count != 1 or len(text) < MIN_LEN:
        return False
    if not (text[0].isupper() and text[1:].islower() and text.isalpha()):
        return False
    return not _clean(text)


#: A capitalised token the page prints this often at most may still be read when its
#: summed gain reaches REPEATED_GAIN (nats): the same garble twice ("Fdward", "Frnest")
#: is rarer than a real name twice.
MAX_REPEATS = 2
REPEATED_GAIN = 15.0


def repeated_name_shape_candidates(
    toks: list[Token], i: int, reason: str, count: int, heavy: bool = False
) -> list[Candidate]:
    """:func:`name_shape_candidates` of a token the page repeats (at most MAX_REPEATS)."""
    text = toks[i].text
    if count > MAX_REPEATS or not name_shape_applies(text, 1):
        return []
    found = name_shape_reading(text)
    if found is None or found[1] < REPEATED_GAIN:
        return []
    return name_shape_candidates(toks, i, reason, heavy)


#: A heavy page's name-shape reading that clean English does not know (wordfreq Zipf
#: below :data:`LISTED_MAX_ZIPF`: "Soutilwick", "Ilarry", "Copilock") is a step on the way
#: to a name, not the name: the greedy walk stops where the next learned confusion no
#: longer gains :data:`STEP_GAIN` on its own.  When the heavy page's wide name search
#: (:func:`repair.score.ocr_search.wide_candidates` with ``names``, the walk the listed-
#: name reading already made) reaches one listed name (:meth:`NgramTable.is_name`) within
#: :data:`LISTED_MAX_COST` nats, clearly cheaper (:data:`LISTED_MARGIN`) than the next
#: listed name and by no capital row priced by its class, that name is read instead
#: ("Soutiiwiok" -> "Southwick", "Illawiiira" -> "Illawarra"), when the same noisy
#: channel (the names' character model less the learned channel cost) rates it no more
#: than :data:`LISTED_BONUS` nats below the reading: a listed name's prior.  A right
#: reading of a name no list holds stays ("Cathrcn" -> "Cathren", not "Cothren":
#: 6.3 nats below).  Session 36.
LISTED_NAME = True
LISTED_MAX_COST = 8.0
LISTED_MARGIN = 1.0
LISTED_MAX_ZIPF = 1.0
LISTED_BONUS = 3.0


def listed_name(
    text: str, reading: str, words: frozenset[str] = frozenset()
) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """(name, substitutions): the listed name a heavy page's ``text`` reads as in place
    of its unlisted name-shape ``reading`` (see :data:`LISTED_NAME`), or ``None``; never
    one of ``words`` (the far common-word readings the caller refuses in a name's place:
    "Captain Sccrctaiy" is no "Secretary", though a surname list holds it).

    >>> listed_name("Soutiiwiok", "Soutilwick")[0] if LISTED_NAME else "Southwick"
    'Southwick'
    >>> listed_name("Chivcrs", "Chivers") is None  # the reading is the listed name
    True
    """
    if not LISTED_NAME:
        return None
    from repair.resources.frequency import zipf
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_search import wide_candidates

    if zipf(ocr_capname._base(reading).lower()) >= LISTED_MAX_ZIPF:
        return None  # "Zealand", "Honorary": the reading is a word of its own
    is_name = get_ngrams().is_name
    if is_name(reading):
        return None
    names = [
        c
        for c in wide_candidates(text, names=True)
        if c.text[:1].isupper() and c.text[1:].islower() and is_name(c.text)
    ]
    if not names or names[0].cost > LISTED_MAX_COST or names[0].text in (reading, *words):
        return None
    if len(names) > 1 and names[1].cost - names[0].cost < LISTED_MARGIN:
        return None
    if not all(ocr_capname.name_row(src, dst) for src, dst in names[0].subs):
        return None
    if channel_gain(text, reading, names[0].text) < -LISTED_BONUS:
        return None  # "Cathrcn": "Cathren" is the likelier print, though no list holds it
    return names[0].text, tuple(names[0].subs)


def channel_gain(text: str, reading: str, name: str) -> float:
    """How much likelier ``name`` is than ``reading`` as what was printed as ``text``:
    the names' character model less the learned channel cost, nats.

    >>> round(channel_gain("Cathrcn", "Cathren", "Cothren"), 1)
    -6.3
    """
    from repair.score.ocr_price import channel_cost

    model = _model()
    return (_logprob(model, name) - channel_cost(text, name)) - (
        _logprob(model, reading) - channel_cost(text, reading)
    )


def name_shape_candidates(
    toks: list[Token], i: int, reason: str, heavy: bool = False, words: frozenset[str] = frozenset()
) -> list[Candidate]:
    """The name-shape reading of token ``i`` (a capitalised unknown printed once; the
    caller checks the page and the token's count), as a fallback candidate; on a
    ``heavy`` page the listed name it is a step towards (:func:`listed_name`, never one
    of ``words``)."""
    tok = toks[i]
    found = name_shape_reading(tok.text)
    if found is None:
        return []
    reading, gain, subs = found
    listed = listed_name(tok.text, reading, words) if heavy else None
    if listed is not None:
        reading, subs = listed
    if (
        ATTESTED
        and ocr_capname.attested_print(tok.text, reading)
        and not _unaccented(tok.text, reading)
    ):
        return []  # "Priya", "Fitr": a print clean English attests (session 36)
    return [
        cand(
            tok.start,
            tok.end,
            reading,
            "OCR_NAME",
            finding=reason,
            fixed=CONFIDENCE,
            name_shape_gain=round(gain, 2),
            subs=[list(s) for s in subs],
            **({"listed_name": True} if listed is not None else {}),
        )
    ]


def _unaccented(token: str, reading: str) -> bool:
    """Whether ``reading`` is ``token`` with its accents dropped ("Léon" -> "Leon": the
    accent of a name in English print is the OCR's more often than the author's)."""
    import unicodedata

    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", token) if not unicodedata.combining(ch)
    )
    return plain == reading and plain != token


#: The table :func:`_longest_key` measured last: (table, its size, its longest key).
_LONGEST: list[tuple[dict[str, tuple[tuple[str, float], ...]], int, int]] = []


def _longest_key(table: dict[str, tuple[tuple[str, float], ...]]) -> int:
    """``max(len(k) for k in table)``, measured once per table (the same table is asked
    for every reading; issue 14, session 38)."""
    if _LONGEST and _LONGEST[0][0] is table and _LONGEST[0][1] == len(table):
        return _LONGEST[0][2]
    longest = max(len(k) for k in table)
    _LONGEST[:] = [(table, len(table), longest)]
    return longest


# 8,192 readings (~350 bytes each): 5 MB of OCR text asks 8 k of 2.9 k tokens (a miss
# ~1 ms), no hit lost below 4,096; ~4 MB less than 20,000 when full (session 17); 4,096
# (session 18): still no hit lost on 5 MB, 1.4 MB less once a longer text fills it
@lru_cache(maxsize=4_096)
def name_shape_reading(text: str) -> tuple[str, float, tuple[tuple[str, str], ...]] | None:
    """(reading, summed gain, substitutions) of a capitalised token, or ``None``."""
    if len(text) < MIN_LEN or not _capitalised(text):
        return None
    model = _model()
    table = confusions()
    longest = _longest_key(table)
    cur, total, subs = text, 0.0, []
    window_lp, back = _window_lp, ORDER - 1
    for _ in range(MAX_STEPS):
        padded = _PAD + cur.lower() + "$"
        here = [_char_lp(model, padded, j) for j in range(len(padded))]
        best = None
        for i in range(len(cur)):
            for n in range(1, min(longest, len(cur) - i) + 1):
                src = cur[i : i + n]
                rows = table.get(src)
                if not rows:
                    continue
                a = i + len(_PAD)
                old = sum(here[a : min(len(padded), a + n + ORDER - 1)])
                for dst, cost in rows:
                    if cost > MAX_STEP_COST or -old - cost < STEP_GAIN:
                        continue  # a reading scores at most 0 where the token scores old
                    if not ocr_capname.name_row(src, dst):
                        continue  # a capital priced by its class: no evidence for a name
                    v = cur[:i] + dst + cur[i + n :]
                    if len(v) < MIN_LEN or not _capitalised(v):
                        continue
                    # only the characters from the change to ORDER - 1 after it score anew
                    vp = _PAD + v.lower() + "$"
                    stop = min(len(vp), a + len(dst) + ORDER - 1)
                    # _char_lp past the padding (a >= len(_PAD)): the window's own score,
                    # summed in order as ``sum`` does; every score is a log probability
                    # (<= 0 but for rounding, :data:`_ROUNDING`), so a partial sum already
                    # too low for a step (or for the best so far) ends the sum: the variant
                    # could not be taken (issue 14, session 23)
                    need = (STEP_GAIN if best is None else max(STEP_GAIN, best[0])) - _ROUNDING
                    new = 0
                    for j in range(a, stop):
                        new += window_lp(vp[j - back : j + 1])
                        if new - old - cost < need:
                            break
                    else:
                        gain = new - old - cost
                        if gain >= STEP_GAIN and (best is None or gain > best[0]):
                            best = (gain, v, (src, dst))
        if best is None:
            break
        total += best[0]
        cur = best[1]
        subs.append(best[2])
    if cur == text:
        return None
    return cur, total, tuple(subs)


#: Bound (nats) on what rounding can add to a partial sum of window scores (each a
#: log probability: at most a few ulps above 0): a sum is cut only when it is this far
#: below what the step needs.
_ROUNDING = 1e-9


def _logprob(model: tuple[dict[str, int], dict[str, int], int], word: str) -> float:
    """ln P_char(word) under the interpolated character model."""
    s = _PAD + word.lower() + "$"
    return sum(_char_lp(model, s, j) for j in range(len(_PAD), len(s)))


def _char_lp(model: tuple[dict[str, int], dict[str, int], int], s: str, j: int) -> float:
    """ln P(s[j] | the ORDER - 1 characters before it); 0 for the padding."""
    if j < len(_PAD):
        return 0.0
    return _window_lp(s[j - ORDER + 1 : j + 1])


# replay of 8 windows of 1 M OCR words: 65,536 -> 16,384 loses 23 k of 83 k hits at
# ~2 us a miss (~0.2 % of the CPU), ~8 MB less once full; 5 MB OCR file: 16,384 -> 2,048 loses
# 65 k of 106 k hits at ~6 us a miss (+0.4 s of 130 s), ~2.4 MB less (issue 14)
#: Windows kept by :func:`_window_lp` (~170 bytes an entry with its key).  Session 53
#: (ocrmemo): the 100 k-word OCR speed text asks 12.8 k distinct windows (27.5 k calls;
#: misses 18.2 k at 2,048, 12.8 k at 16,384), an 11 k-word article 2.8 k (5.5 k -> 2.8 k).
#: +2.4 MB once full; was 2,048.
WINDOW_LP_CACHE = 16_384


@lru_cache(maxsize=WINDOW_LP_CACHE)
def _window_lp(window: str) -> float:
    """ln P(last character | the ones before it) of an ORDER-character window."""
    grams, contexts, unigrams = _model()
    p = (grams.get(window[-1], 0) + 1) / (unigrams + _ALPHABET)
    for k in range(2, ORDER + 1):
        ctx = window[-k:-1]
        n = contexts.get(ctx, 0)
        if not n:
            break  # a longer context is unseen too
        lam = n / (n + SMOOTH)
        p = lam * grams.get(window[-k:], 0) / n + (1 - lam) * p
    return math.log(p)


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, int], dict[str, int], int]:
    """The character model, built from the name list once (then read from the cache)."""
    from repair.lexicons import lexicon_path

    path = str(lexicon_path(_NAMES))
    grams, contexts, unigrams = disk_cached(
        "ocr_nameshape", [path, __file__], lambda: _build(path), kind=tuple
    )
    return grams, contexts, unigrams


def _build(path: str) -> tuple[dict[str, int], dict[str, int], int]:
    """Character n-gram counts (all orders), context counts and the unigram total."""
    grams: Counter[str] = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            w = line.strip()
            if not w or w.startswith("#") or not w.isalpha():
                continue
            s = "^" * (ORDER - 1) + w + "$"
            for i in range(ORDER - 1, len(s)):
                for k in range(1, ORDER + 1):
                    grams[s[i - k + 1 : i + 1]] += 1
    contexts: Counter[str] = Counter()
    unigrams = 0
    for g, n in grams.items():
        if len(g) == 1:
            unigrams += n
        else:
            contexts[g[:-1]] += n
    return dict(grams), dict(contexts), unigrams
