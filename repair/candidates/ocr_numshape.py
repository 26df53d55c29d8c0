"""Letters and digits mixed in one printed chunk, read by the chunk's shape (issue 12).

The tokenizer cuts "8ydnoy" into "8" + "ydnoy" and "18S8" into "18" + "S" + "8": the
word readers then read the letter piece alone ("ydnoy" -> "sydney", so the page got
"8sydney"), and a number with a misread digit was never read.  Here a *chunk* (a run of
letters and digits with no space or mark between them; a number may hold "," and ".")
that mixes both is read whole, as its shape says:

* **a number**: once an ordinal or unit suffix is off ("th", "s", "d": the forms
  :data:`repair.detect.ocr._NUMBER_UNIT` accepts, plus pence), the core has two digits
  for each letter (or one letter and one digit, between spaces, and no common word as
  a word: "It i3 wrong" is "is") and every letter has a digit reading ("18S8" ->
  "1888", "(1S70)" -> "(1870)", "3i0,000" -> "310,000").  A letter inside the core is read by
  glyph shape; one at its edge only when lower case and a cheap learned confusion
  (:data:`EDGE_MAX_COST`: "l8" -> "18"; "12B", "G20", "4G" are addresses and codes).
  An ordinal suffix one learned confusion off the one the number takes is put right
  ("31sl" -> "31st"; not "4to", a quarto).  The LM knows no digits:
  these readings take a fixed confidence.
* **a word**: two letters or more, more letters than digits ("8ydnoy", "wa3",
  "6inglo"), or one letter and one digit ("1t", "i3"): each digit is read as the
  letters it looks like, and the form is a known word or goes through the learned
  channel (:func:`correction_candidates`) for the rest ("8ydnoy" -> "Sydnoy" ->
  "Sydney"; a chunk of three glyphs or fewer only as a common word: "8vo" stays); the
  LM decides in context as for any word.  Readings of the chunk's letter pieces alone
  are dropped (:func:`drop_piece_readings`).

Digit readings come from the learned confusion table (``ocr_confusions.tsv``) and
from the glyph shapes of rendered type (``ocr_glyph_shapes.tsv``, similarity at least
:data:`SHAPE_MIN_SIM`, priced as the table prices its shape rows), never from a list.
Garbled pages only (the caller's gate).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import product

from repair.candidates.ocr_rules import cand
from repair.types import Candidate

#: Off: no chunk is read (the A/B switch of ``benchmarks/smh_eval.py``).
NUMSHAPE = True
#: Glyph pairs at least this alike in shape are readings (cost 4 + 10 x (1 - sim), the
#: price ``scripts/build_ocr_confusions.py`` gives its shape rows).
SHAPE_MIN_SIM = 0.78
#: A letter at a number's edge is read only by a learned confusion this cheap (nats).
EDGE_MAX_COST = 1.6
#: Confidence of a number reading (the LM cannot judge digits).
NUMBER_CONFIDENCE = 0.7
#: At most this many digits in a word-shaped chunk, readings per digit, word readings.
MAX_DIGITS = 3
MAX_READINGS = 3
MAX_WORDS = 4
#: Longest run of digits in a word-shaped chunk.
MAX_DIGIT_RUN = 2
#: A word-shaped chunk shorter than this is only read as a known word its digits make
#: ("wa3" -> "was"), never further through the channel.
MIN_READ_LEN = 4
#: ... and a word at least this common (Zipf): "8vo" is no "Evo".
SHORT_MIN_ZIPF = 4.0
#: ... and of two glyphs, one a digit, this common ("i3" -> "is"; "o6" is no "os").
TWO_MIN_ZIPF = 5.0
#: Longest chunk read.
MAX_LEN = 20

_CHUNK = re.compile(r"(?<![^\W_])[^\W_]+(?:[.,][^\W_]+)*(?![^\W_])")
_UNIT = re.compile(
    r"(st|nd|rd|th|s|d|am|pm|k|m|bn|mn|kg|km|mm|cm|ft|mb|gb|tb|mph|x)$", re.IGNORECASE
)
_DIGIT_RUN = re.compile(r"\d+")
#: What may stand next to a number of one letter and one digit ("l8", "S3"): a space,
#: a line edge or a sentence mark ("Constat)C1»" is a garbled word).
_PLAIN_EDGE = frozenset(" \n\t,.;:")
_ORDINAL = re.compile(r"^(\d+)([a-z]{2})$")


def _shape_cost(sim: float) -> float:
    return 4.0 + 10.0 * (1.0 - sim)


@lru_cache(maxsize=1)
def glyph_readings() -> tuple[dict[str, tuple[tuple[str, float], ...]], dict[str, float]]:
    """({digit: ((letter, cost), ...) cheapest first}, {letter: cost of its cheapest
    learned digit reading}) plus letter -> (digit, cost) as ``letter + "@"`` keys."""
    from repair.candidates.ocr_digitprior import ordered_digit_rows
    from repair.lexicons import read_tsv
    from repair.score.ocr_channel import confusions

    to_letter: dict[str, dict[str, float]] = {}
    to_digit: dict[str, dict[str, float]] = {}
    learned: dict[str, float] = {}

    def put(table: dict[str, dict[str, float]], src: str, dst: str, cost: float) -> None:
        old = table.setdefault(src, {}).get(dst)
        table[src][dst] = cost if old is None else min(old, cost)

    for src, rows in confusions().items():
        if len(src) != 1:
            continue
        for dst, cost in rows:
            if len(dst) != 1:
                continue
            if src.isdigit() and dst.isalpha():
                put(to_letter, src, dst, cost)
            elif src.isalpha() and dst.isdigit():
                put(to_digit, src, dst, cost)
                learned[src] = min(learned.get(src, 99.0), cost)
    for row in read_tsv("ocr_glyph_shapes.tsv"):
        src, dst, sim = row[0], row[1], float(row[2])
        if len(src) != 1 or len(dst) != 1 or sim < SHAPE_MIN_SIM:
            continue
        if src.isdigit() and dst.isalpha():
            put(to_letter, src, dst, _shape_cost(sim))
        elif src.isalpha() and dst.isdigit():
            put(to_digit, src, dst, _shape_cost(sim))
    letters = {s: tuple(sorted(d.items(), key=lambda x: x[1])) for s, d in to_letter.items()}
    digits = {s: tuple(sorted(d.items(), key=lambda x: x[1])) for s, d in to_digit.items()}
    # a shape tie ("S": 5 / 8) goes to the row the table counts (ocr_digitprior)
    digits = {s: ordered_digit_rows(s, rows) for s, rows in digits.items()}
    out = dict(letters)
    for s, rows in digits.items():
        out[s + "@"] = rows
    return out, learned


def _digit_of(letter: str, edge: bool) -> tuple[str, float] | None:
    table, learned = glyph_readings()
    rows = table.get(letter + "@")
    if not rows:
        return None
    if edge and (not letter.islower() or learned.get(letter, 99.0) > EDGE_MAX_COST):
        return None  # "G20", "4G", "12B": codes and addresses
    return rows[0]


def _learned(printed: str, true: str) -> bool:
    """Whether the confusion table has ``printed`` read as ``true``."""
    from repair.score.ocr_channel import confusions

    return any(dst == true for dst, _ in confusions().get(printed, ()))


def _ordinal(n: str) -> str:
    if n[-2:] in ("11", "12", "13"):
        return "th"
    return {"1": "st", "2": "nd", "3": "rd"}.get(n[-1], "th")


def number_reading(chunk: str) -> str | None:
    """The number ``chunk`` stands for when it is shaped like one, else None.

    >>> number_reading("18S8"), number_reading("31sl"), number_reading("4ft")
    ('1888', '31st', None)
    """
    m = _ORDINAL.match(chunk)
    if m:
        num, suf = m.groups()
        right = _ordinal(num)
        diff = [(a, b) for a, b in zip(suf, right, strict=True) if a != b]
        if len(diff) == 1 and _learned(*diff[0]):  # "31sl"; not "4to" (quarto)
            return num + right
    um = _UNIT.search(chunk)
    unit = um is not None and um.start() > 0 and chunk[um.start() - 1].isdigit()
    core = chunk[: um.start()] if um is not None and unit else chunk
    suffix = chunk[len(core) :]
    alnum = [c for c in core if c.isalnum()]
    n_digits = sum(c.isdigit() for c in alnum)
    n_letters = len(alnum) - n_digits
    if not n_letters or n_letters > max(1, n_digits // 2) or len(alnum) < 2:
        return None
    if not (core[0].isalnum() and core[-1].isalnum()):
        return None
    out = []
    for k, c in enumerate(core):
        if not c.isalpha():
            out.append(c)
            continue
        read = _digit_of(c, edge=k in (0, len(core) - 1))
        if read is None:
            return None
        out.append(read[0])
    return "".join(out) + suffix


def _word_forms(chunk: str) -> list[tuple[str, float, tuple[tuple[str, str], ...]]]:
    """``chunk`` with its digits read as letters: (form, cost, subs), cheapest first."""
    table, _ = glyph_readings()
    slots: list[list[tuple[str, float]]] = []
    for c in chunk:
        if c.isdigit():
            rows = table.get(c, ())[:MAX_READINGS]
            if not rows:
                return []
            slots.append(list(rows))
        else:
            slots.append([(c, 0.0)])
    forms = []
    for combo in product(*slots):
        form = "".join(x for x, _ in combo)
        if not (form.islower() or form[1:].islower() or form.isupper()):
            continue
        subs = tuple((c, x) for c, (x, _) in zip(chunk, combo, strict=True) if c != x)
        forms.append((form, sum(cost for _, cost in combo), subs))
    forms.sort(key=lambda x: x[1])
    return forms


def word_shaped(chunk: str) -> bool:
    """Letters with a few digits among them, no run of digits longer than
    :data:`MAX_DIGIT_RUN` ("8ydnoy", "wa3"; not "1726ncros": a number glued to a word)."""
    n_digits = sum(c.isdigit() for c in chunk)
    n_letters = sum(c.isalpha() for c in chunk)
    if len(chunk) == 2:  # "i3": "is" or "13", the common word decides; "1s" is a shilling
        return n_letters == 1 and not (chunk[0].isdigit() and _UNIT.fullmatch(chunk[1]))
    if not (0 < n_digits <= MAX_DIGITS) or n_letters < 2 or n_letters <= n_digits:
        return False
    return not any(len(r) > MAX_DIGIT_RUN for r in _DIGIT_RUN.findall(chunk))


@lru_cache(maxsize=1024)
def word_readings(chunk: str) -> tuple[tuple[str, float, tuple[tuple[str, str], ...]], ...]:
    """Known words a word-shaped ``chunk`` may be: (word, cost, subs), cheapest first.

    >>> [w for w, *_ in word_readings("wa3")][:1]
    ['was']
    """
    from repair.resources.frequency import zipf
    from repair.score.ocr_channel import correction_candidates, is_known

    if not word_shaped(chunk):
        return ()
    best: dict[str, tuple[float, tuple[tuple[str, str], ...]]] = {}
    for form, cost, subs in _word_forms(chunk):
        short = len(chunk) < MIN_READ_LEN
        least = TWO_MIN_ZIPF if len(chunk) == 2 else SHORT_MIN_ZIPF
        known = is_known(form) and (not short or zipf(form.lower()) >= least)
        found = [(form, cost, subs)] if known else []
        if not found and not short:  # "8vo" (octavo) is no "five"
            for c in correction_candidates(form)[:MAX_WORDS]:
                found.append((c.text, cost + c.cost, subs + tuple(c.subs)))
        for word, cst, sb in found:
            if word not in best or cst < best[word][0]:
                best[word] = (cst, sb)
    ranked = sorted(best.items(), key=lambda x: x[1][0])[:MAX_WORDS]
    return tuple((w, c, s) for w, (c, s) in ranked)


def chunks(text: str) -> Iterable[tuple[int, int]]:
    """Spans of the chunks of ``text`` that mix letters and digits (found once a page:
    :func:`drop_piece_readings` and :func:`numshape_candidates` both read them; issue 14)."""
    return _chunks(text)


@lru_cache(maxsize=1)
def _chunks(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`chunks` of the last page asked."""
    return tuple(_find_chunks(text))


def _find_chunks(text: str) -> Iterator[tuple[int, int]]:
    for m in _CHUNK.finditer(text):
        s = m.group()
        # most chunks are words or numbers: a letter is never a digit, so an all-letters
        # (or all-digits) chunk mixes nothing, told in C (issue 14, session 23)
        if s.isalpha() or s.isdigit():
            continue
        if len(s) <= MAX_LEN and any(c.isdigit() for c in s) and any(c.isalpha() for c in s):
            yield m.start(), m.end()


def numshape_candidates(text: str, flagged: frozenset[tuple[int, int]]) -> list[Candidate]:
    """Readings of the mixed chunks of a garbled page (spans in ``flagged`` are read
    elsewhere: the detector's ``digit_in_word`` findings)."""
    if not NUMSHAPE:
        return []
    out: list[Candidate] = []
    for start, end in chunks(text):
        if (start, end) in flagged:
            continue
        chunk = text[start:end]
        num = number_reading(chunk)
        if num is not None and len(chunk) == 2:
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if before not in _PLAIN_EDGE or after not in _PLAIN_EDGE or word_readings(chunk):
                num = None  # "Constat)C1»"; "It i3 wrong" is "is"
        if num is not None:
            out.append(
                cand(start, end, num, "OCR_CONFUSION", finding="number_shape",
                     fixed=NUMBER_CONFIDENCE)
            )  # fmt: skip
            continue
        if not chunk.isalnum():
            continue
        for word, cost, subs in word_readings(chunk):
            out.append(
                cand(
                    start,
                    end,
                    word,
                    "OCR_CONFUSION",
                    finding="digit_in_word",
                    orig=[chunk],
                    alt=[word],
                    cost=cost,
                    subs=[list(x) for x in subs],
                )
            )
    return out


def drop_piece_readings(cands: list[Candidate], text: str) -> list[Candidate]:
    """``cands`` without the readings of a letter piece inside a word-shaped chunk
    ("ydnoy" of "8ydnoy": the chunk is read whole)."""
    if not NUMSHAPE:
        return cands
    spans = sorted(
        (s, e)
        for s, e in chunks(text)
        if text[s:e].isalnum() and number_reading(text[s:e]) is None and word_readings(text[s:e])
    )
    if not spans:
        return cands
    starts = [s for s, _ in spans]

    def inside(c: Candidate) -> bool:
        k = bisect_right(starts, c.start) - 1
        if k < 0:
            return False
        s, e = spans[k]
        return c.end <= e and (c.start, c.end) != (s, e)

    return [c for c in cands if not inside(c)]
