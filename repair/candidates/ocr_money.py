"""Shillings and pence the OCR misread glyph by glyph, read by their place in a money run.

Old newspapers print sums of money as "2s. 6d.", and their court and market columns run
them together: "fined 10s. and 4s. 10d. costs".  The OCR reads the small figures and unit
letters worst: "Gd" for "6d", "5« GJ costs" for "5s. 6d. costs", "lined 40a." for
"40s.".  The letter pieces are no words (or the wrong ones: "Is" for "1s"), the number
readers never see them (a chunk of letters only) and the language model knows no
figures.  Here the *run* says what they are: a chunk of one or two figure glyphs and a
unit glyph, standing next to a sum the page prints whole ("4s", "10d", "£3") or before
"costs", is read as a sum:

* each figure glyph as the digit the learned confusion table or the rendered glyph
  shapes read it as (:func:`repair.candidates.ocr_numshape.glyph_readings`: "G" -> 6,
  "S" -> 8, "I" / "l" -> 1), within :data:`MAX_GLYPH_COST` nats;
* the unit glyph as "s" or "d" where the table reads it so ("a" -> s, "«" -> s), the
  order of the run choosing between them: pence follow shillings ("5s 6a" -> "6d"),
  shillings come before pence ("-Is 10d") and a lone sum is shillings.

No list of pairs: the digits and units come from the learned table and the glyph shapes,
the place from the sums the page itself prints.  Garbled pages only (the caller's gate);
the sum takes a fixed confidence, as :mod:`repair.candidates.ocr_numshape`'s numbers do
(the model cannot judge figures), so any reading the scorer takes for the span wins.

>>> text = "was fined 10s and 5s GJ costs; paid £1989 Is. 8d.; it is costing £3 a week"
>>> [(c.features["orig"][0], c.replacement) for c in money_candidates(text)]
[('GJ', '6d'), ('Is', '1s')]
"""

from __future__ import annotations

import re

from repair.candidates.ocr_rules import cand
from repair.types import Candidate

#: Switch (hook in the garbled-page block of ``repair.candidates.ocr._Generator``).
MONEY = True
#: Largest cost (nats) of one figure glyph's digit reading.
MAX_GLYPH_COST = 6.0
#: Largest cost (nats) of the unit glyph's reading as "s" or "d".
MAX_UNIT_COST = 6.5
#: Confidence of a reading (the language model cannot judge figures).
CONFIDENCE = 0.7
#: A chunk (no word) right before "costs" ("Gd costs") is in a money run by that word alone.
COSTS = True
#: A chunk this common a word (Zipf) is a sum only right before pence ("Is. 8d.").
WORD_ZIPF = 5.0
#: How far (chunks either side) a printed sum certifies a money run.
RUN_REACH = 6

#: A sum the page prints whole: "10s", "6d.", "£3", "£12,".
_SUM = re.compile(r"^(?:\d{1,3}[sd]|£\d[\d,]*)[.,;:]{0,2}$")
#: A chunk read: one or two glyphs, then the unit glyph, then at most two marks ("40a.,").
_SHAPE = re.compile(r"^([0-9A-Za-z]{1,2})([A-Za-z«»])([.,;:]{0,2})$")
#: Words joining two sums of a run ("10s and 4s"), garbled ones too.
_JOINS = frozenset({"and", "nnd", "und", "aud", "or", "&"})
#: ... and what a run reads across: those words and a lone comma or stop.
_ACROSS = _JOINS | {",", "."}
_CHUNK = re.compile(r"\S+")
#: The word "costs" after a sum, garbled too ("cost»", "costa"); not "costing", "cost-free".
_COSTS = re.compile(r"^cost[s»«a]?[.,;:]*$")


def _sum_unit(chunk: str) -> str | None:
    """``"s"`` / ``"d"`` / ``"£"`` of a printed sum, else ``None``."""
    if not _SUM.match(chunk):
        return None
    return "£" if chunk[0] == "£" else chunk.rstrip(".,;:")[-1]


def _digits(glyphs: str) -> str | None:
    from repair.candidates.ocr_numshape import glyph_readings

    table, _learned = glyph_readings()
    out = []
    for g in glyphs:
        if g.isdigit():
            out.append(g)
            continue
        rows = table.get(g + "@")
        if not rows or rows[0][1] > MAX_GLYPH_COST:
            from repair.candidates.ocr_digitprior import money_digit

            seen = money_digit(g)  # counted by the table and alike in type (session 55)
            if seen is None:
                return None
            out.append(seen)
            continue
        out.append(rows[0][0])
    return "".join(out)


def _unit_readings(glyph: str) -> frozenset[str]:
    """The units ("s", "d") the printed ``glyph`` may stand for."""
    if glyph in "sd":
        return frozenset(glyph)
    from repair.score.ocr_channel import confusions

    return frozenset(
        dst for dst, cost in confusions().get(glyph, ()) if dst in "sd" and cost <= MAX_UNIT_COST
    )


def _reading(
    chunks: list[str], units: list[str | None], near: bytearray, k: int, m: re.Match[str]
) -> str | None:
    """The sum chunk ``k`` stands for in its run, else ``None``: ``m`` its
    :data:`_SHAPE` match, ``near[k]`` whether a sum (printed or read) stands within
    :data:`RUN_REACH` chunks of it."""
    glyphs, unit, _tail = m.groups()
    if glyphs.isdigit() and unit in "sd":
        return None  # a sum already
    j_prev, j_next = _neighbour_index(chunks, k, -1), _neighbour_index(chunks, k, 1)
    nxt = chunks[j_next] if j_next is not None else ""
    costs = COSTS and _COSTS.match(nxt.lower()) is not None
    if not costs and not near[k]:
        return None  # no printed sum near: no money run
    prev_unit = units[j_prev] if j_prev is not None else None
    next_unit = units[j_next] if j_next is not None else None
    if prev_unit is None and next_unit is None and not costs:
        return None
    if next_unit == "£":
        return None  # pounds come first: "ot £7" is "of £7"
    if _word(glyphs + unit) and not (unit in "sd" and _sum_unit(_adjacent(chunks, k, 1)) == "d"):
        # "in", "on", "or" are words even beside a sum ("£25 on", "2s. In", "in their
        # 50s and is", "is costing"); "Is" is "1s" only before pence ("£1989 Is. 8d.")
        return None
    digits = _digits(glyphs)
    options = _unit_readings(unit)
    if digits is None or not options:
        return None
    before = units[k - 1] if k > 0 else None  # right before, no joining word
    if before == "s":
        want = "d"  # pence follow shillings: "5s 6a" -> "6d"
    elif next_unit == "d" or prev_unit == "£" or unit not in "sd" and "s" in options:
        want = "s"  # shillings before pence, after pounds; a lone sum: "lined 40a."
    else:
        want = unit if unit in "sd" else next(iter(options))
    if want not in options:
        return None
    return digits + want


def _before_costs(chunks: list[str], text: str) -> bytearray:
    """Per chunk, whether the next chunk :func:`_neighbour_index` gives is the word
    "costs" (:data:`_COSTS`, when :data:`COSTS`)."""
    out = bytearray(len(chunks))
    # no chunk reads "cost" where the text's lower case has none (each chunk's lower
    # case is a piece of the text's)
    if not COSTS or "cost" not in text.lower():
        return out
    for j, low in enumerate(map(str.lower, chunks)):
        if not (low.startswith("cost") and _COSTS.match(low)):
            continue
        k = j - 1
        while k >= 0:  # every chunk whose next one, across joining words, is chunk j
            out[k] = 1
            if chunks[k].lower() not in _ACROSS:
                break
            k -= 1
    return out


def _mark(near: bytearray, j: int) -> None:
    """Mark the chunks within :data:`RUN_REACH` of chunk ``j`` as near a sum."""
    lo, hi = max(0, j - RUN_REACH), min(len(near), j + RUN_REACH + 1)
    near[lo:hi] = b"\x01" * (hi - lo)


def _adjacent(chunks: list[str], k: int, step: int) -> str:
    j = k + step
    return chunks[j] if 0 <= j < len(chunks) else ""


def _word(chunk: str) -> bool:
    """A common word (:data:`WORD_ZIPF`): "in", "on", "is"; not "Gd", "Cd", "Ss"."""
    from repair.resources.frequency import zipf

    return chunk.isalpha() and zipf(chunk.lower()) >= WORD_ZIPF


def _neighbour_index(chunks: list[str], k: int, step: int) -> int | None:
    """The index of the next chunk from ``k`` in direction ``step``, across a joining
    word ("10s and 4s")."""
    j = k + step
    while 0 <= j < len(chunks) and chunks[j].lower() in _ACROSS:
        j += step
    return j if 0 <= j < len(chunks) else None


def money_candidates(text: str) -> list[Candidate]:
    """Readings of the misread sums of ``text`` (a garbled page), see the module doc."""
    if not MONEY or ("s" not in text and "d" not in text):
        return []
    # ``\S+`` runs are ``str.split()``'s pieces (the same whitespace test); their offsets
    # are found only for the chunks read (issue 14)
    chunks = text.split()
    # a sum starts with a digit or "£"; a shape is two to five glyphs (the patterns' own
    # first tests, made before matching: the same chunks match)
    units: list[str | None] = [
        _sum_unit(c) if c[0] == "£" or c[0].isdecimal() else None for c in chunks
    ]
    sums = [k for k, u in enumerate(units) if u is not None]
    if not sums and not (COSTS and "cost" in text):
        return []
    # only chunks of a sum's shape can be read (matched once, not per round: issue 14)
    shaped = [(k, m) for k, c in enumerate(chunks) if len(c) <= 5 and (m := _SHAPE.match(c))]
    # whether a sum stands within RUN_REACH chunks: marked around each printed sum, and
    # around each sum read as soon as it is read (as a scan of every sum per chunk was)
    near = bytearray(len(chunks))
    for j in sums:
        _mark(near, j)
    # a chunk with no sum near is read only right before "costs" (across joining words)
    before_costs = _before_costs(chunks, text)
    read: dict[int, tuple[str, str]] = {}
    for _round in range(2):  # a sum read in the first round places its neighbours
        for k, m in shaped:
            if units[k] is not None or k in read or not (near[k] or before_costs[k]):
                continue
            got = _reading(chunks, units, near, k, m)
            if got is not None:
                read[k] = (got, chunks[k])
                _mark(near, k)
        for k, (got, _chunk) in read.items():
            units[k] = got[-1]
    out: list[Candidate] = []
    if not read:
        return out
    starts = [m.start() for m in _CHUNK.finditer(text)]
    for k in sorted(read):
        got, chunk = read[k]
        start = starts[k]
        end = start + len(chunk.rstrip(".,;:"))
        out.append(
            cand(
                start,
                end,
                got,
                "OCR_CONFUSION",
                finding="money_shape",
                orig=[text[start:end]],
                fixed=CONFIDENCE,
            )
        )
    return out
