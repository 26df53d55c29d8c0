"""Which digit a letter stands for in a figure, by evidence that needs no learned price
(issue 12, session 55).

The figure readers (:mod:`repair.candidates.ocr_numshape`, ``ocr_numglyph``,
``ocr_numslot``, ``ocr_money``) read a letter printed in a figure's place as the digit
the learned confusion table prices cheapest, else the one the rendered type shapes
(``lexicons/ocr_glyph_shapes.tsv``) find most alike.  An archive whose table learned its
figures prices "S" -> 8 at 0.3 nats; a table learned elsewhere (book OCR, few figures)
counts the same row a few times and prices it at its rare-row floor (6.5 nats), so the
shapes decide alone -- and the shapes find "S" as like "5" as "8" (0.850 / 0.849 in
DejaVu), so "18S8" became "1858", "age of SO years" "50".  Likewise the edge gate of
:mod:`repair.candidates.ocr_numslot` reads a capital at a figure's edge only when the
table prices its digit under 2 nats: "61G points", "93C tons", "and G are" stay on an
archive the table never saw.

Two kinds of evidence carry to any archive without the table's price: the table in force
*counts* the letter -> digit row (the OCR was seen to print that letter for that digit,
however rarely), and rendered type has the pair alike.  Here:

* **a shape tie goes to the counted row** (:data:`COUNTED_TIES`): among a letter's digit
  readings, one the table counts (at least :data:`MIN_COUNT`) whose shape similarity is
  within :data:`TIE_SIM` of the letter's most alike digit is priced as the cheapest
  reading and ranked first ("S": 8 before 5 when the table counts S -> 8 and not S -> 5);
* **a counted, alike capital passes the edge gate** (:data:`COUNTED_EDGE`): a letter
  whose most alike digit (at least :data:`EDGE_MIN_SIM`) is one the table counts is read
  at a figure's edge in the slots ``ocr_numslot`` already demands (a unit the page
  prints after figures, a column of figures, a parallel count).  "B" (most like 8, the
  table counting only B -> 6) stays;
* **... and a money run's figure glyph** (:data:`COUNTED_MONEY`): the same reading for
  a glyph of ``ocr_money``'s sums ("Gd costs") the table prices above that reader's
  bound.

No pairs are listed: the digits come from the table's counts and the type's shapes.
Measured (session 55, all three on): proxy SMH dev 4,812 / 7,944 -> 4,798 / 7,932, test
(read once) 5,675 / 9,225 -> 5,673 / 9,223; shipped SMH dev / test, audit, census and
light suite unchanged.  Left: "C" -> 6 ("93C tons", "Cd costs": no source counts it and
the type finds "C" like no digit at 0.75) and "l" -> 1 at a number's edge ("l8": the
DejaVu shapes put "l" and "1" under 0.75).

>>> tie_order("S", (("5", 5.5), ("8", 5.51)), {"8": 4}, {"5": 0.850, "8": 0.849})
(('8', 5.5), ('5', 5.5))
>>> tie_order("B", (("8", 5.15), ("6", 6.5)), {"6": 1}, {"8": 0.885, "6": 0.804})
(('8', 5.15), ('6', 6.5))
"""

from __future__ import annotations

from functools import lru_cache

#: ON: a letter's digit readings put a counted row first on a shape tie (module doc).
#: Cross-archive proxy (``ocr_xsource.py --train icdar --eval smh-dev``) 4,801 / 7,937 ->
#: 4,798 / 7,932 tokens / chars with the other two on ("18S8", "SO years", "Sd"); shipped
#: tables unchanged (they price S -> 8 at 0.3 nats: SMH dev 4,262 / 6,948 either way).
COUNTED_TIES = True
#: ON: ``ocr_numslot``'s edge gate also reads a capital whose most alike digit the table
#: counts (module doc): proxy 4,805 / 7,937 -> 4,798 / 7,932 ("61G points", "and G
#: are"); shipped SMH dev unchanged.
COUNTED_EDGE = True
#: ON: ``ocr_money`` also reads a sum's figure glyph the same way when the table prices
#: it above its MAX_GLYPH_COST ("Gd costs" on a table that counts G -> 6 once): proxy
#: 4,802 / 7,934 -> 4,798 / 7,932; shipped SMH dev unchanged.
COUNTED_MONEY = True
#: A row counts as seen when the table counts it at least this often.
MIN_COUNT = 1
#: Shape similarities this close are a tie ("S": 5 at 0.850, 8 at 0.849).
TIE_SIM = 0.01
#: The edge gate's pair must be at least this alike in rendered type ("G" / 6: 0.797;
#: the readers' SHAPE_MIN_SIM).
EDGE_MIN_SIM = 0.78


def _shape_cost(sim: float) -> float:
    """The price ``scripts/build_ocr_confusions.py`` gives a shape row."""
    return 4.0 + 10.0 * (1.0 - sim)


@lru_cache(maxsize=1)
def counted_digits() -> dict[str, dict[str, int]]:
    """``{letter: {digit: count}}``: the one-glyph letter -> digit rows the confusion
    table in force counts at least :data:`MIN_COUNT` times."""
    from repair.score.ocr_table import CONFUSIONS, rows_in_force

    out: dict[str, dict[str, int]] = {}
    for row in rows_in_force(CONFUSIONS):
        if len(row) < 4 or len(row[0]) != 1 or len(row[1]) != 1:
            continue
        src, dst, count = row[0], row[1], row[3]
        if not (src.isalpha() and dst.isdigit() and count.isdigit()):
            continue
        if int(count) >= MIN_COUNT:
            out.setdefault(src, {})[dst] = out.get(src, {}).get(dst, 0) + int(count)
    return out


@lru_cache(maxsize=1)
def digit_shapes() -> dict[str, dict[str, float]]:
    """``{letter: {digit: similarity}}`` from ``lexicons/ocr_glyph_shapes.tsv``."""
    from repair.lexicons import read_tsv

    out: dict[str, dict[str, float]] = {}
    for row in read_tsv("ocr_glyph_shapes.tsv"):
        src, dst = row[0], row[1]
        if len(src) == 1 and len(dst) == 1 and src.isalpha() and dst.isdigit():
            out.setdefault(src, {})[dst] = float(row[2])
    return out


def tie_order(
    letter: str,
    rows: tuple[tuple[str, float], ...],
    counts: dict[str, int],
    sims: dict[str, float],
) -> tuple[tuple[str, float], ...]:
    """``rows`` (``(digit, cost)``, cheapest first) with a counted digit whose shape is
    within :data:`TIE_SIM` of the letter's most alike digit first, priced no dearer than
    its shape row or the cheapest reading (``counts`` and ``sims``: the letter's counted
    rows and shape similarities); unchanged when the table prices a reading below the
    shape row of the most alike digit (a learned price decides)."""
    if not counts or not sims:
        return rows
    best = max(sims.values())
    tied = [d for d in counts if sims.get(d, 0.0) >= best - TIE_SIM]
    if not tied:
        return rows
    pick = max(tied, key=lambda d: (counts[d], sims[d]))
    if rows and (rows[0][0] == pick or rows[0][1] < _shape_cost(best) - 1e-9):
        return rows  # already first, or the table prices a reading below any shape row
    # priced as the tie's best-looking row (seen *and* alike): readers that sort by cost
    # (stable) keep it first
    cost = min(
        [c for d, c in rows if d == pick] + [_shape_cost(sims[pick]), *(c for _, c in rows[:1])]
    )
    return ((pick, cost), *((d, c) for d, c in rows if d != pick))


def ordered_digit_rows(
    letter: str, rows: tuple[tuple[str, float], ...]
) -> tuple[tuple[str, float], ...]:
    """A letter's digit readings as the figure readers take them: :func:`tie_order` when
    :data:`COUNTED_TIES` is on, else ``rows`` as they are."""
    if not COUNTED_TIES:
        return rows
    return tie_order(letter, rows, counted_digits().get(letter, {}), digit_shapes().get(letter, {}))


def money_digit(letter: str) -> str | None:
    """The digit a figure glyph of a money run stands for by :func:`counted_alike` when
    :data:`COUNTED_MONEY` is on, else ``None``."""
    return counted_alike(letter) if COUNTED_MONEY else None


def edge_digit(letter: str) -> str | None:
    """The digit a capital at a figure's edge stands for by :func:`counted_alike` when
    :data:`COUNTED_EDGE` is on, else ``None``."""
    return counted_alike(letter) if COUNTED_EDGE else None


def counted_alike(letter: str) -> str | None:
    """The digit ``letter`` stands for in a figure's slot when the table counts its most
    alike digit (at least :data:`EDGE_MIN_SIM` alike), else ``None``.

    The letter's most alike digit decides (a tie within :data:`TIE_SIM` going to the
    counted one): "B" is most like 8, so a table counting only B -> 6 reads no "B"."""
    sims = digit_shapes().get(letter, {})
    counts = counted_digits().get(letter, {})
    if not sims or not counts:
        return None
    best = max(sims.values())
    if best < EDGE_MIN_SIM:
        return None
    tied = [d for d in counts if sims.get(d, 0.0) >= best - TIE_SIM]
    return max(tied, key=lambda d: (counts[d], sims[d])) if tied else None
