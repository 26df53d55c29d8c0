"""A frequent short word printed with one damaged spot: the price a foreign table lacks.

"mid" for "and", "tin" / "tim" for "the", "hu" for "his", "lum" for "him", "nil" for
"all", "mil" for "will", "hail" for "had": on a worn newspaper page one small patch of
type (one or two glyphs) prints as one or two other glyphs.  A confusion table learned
from another archive (books) has no row for most such patches ("mi" -> "an", "in" ->
"he", "u" -> "is", "il" -> "d"), so the slot readers (:mod:`repair.candidates.ocr_slot`,
:mod:`repair.candidates.ocr_shortslot`), which propose the common short words the
context expects, price them as two or three generic edits (10 nats and more: beyond
their :data:`~repair.candidates.ocr_slot.MAX_COST`) and never build the word.

Here, where the slot reader's learned prices propose nothing, a slot word at least
:data:`SPOT_ZIPF` common that differs from the print in **one contiguous run** of at most
:data:`MAX_RUN` glyphs on each side, the rest of the print as set, is priced
:data:`SPOT_COST` nats for that run (less where rendered type makes the two runs look
alike: the glyph-shape prior of ``lexicons/ocr_glyph_shapes.tsv``, :func:`spot_cost`),
and the slot reader reads the print again with those prices (:func:`spot_priced`).
Nothing is learned from any archive: the price is one damaged spot, whatever glyphs it
holds; which word, and whether at all, is the slot reader's language model (the best
word must gain its ``PROPOSE`` nats over the print less its price and lead every other
reading by ``LEAD``) and the scorer's margin.  A print the learned tables read as a
common word cheaply keeps that reading (:data:`RIVAL_ZIPF`): a spot is a guess where
the tables know nothing better; the slot reader's own guards keep common prints
("in", "he", "or": its ``MAX_PRINT_ZIPF``).  A print that is itself a word needs more
(:data:`GUARD`, :func:`stands`): it is no merge of two common words ("asa" = "as a", left
to the split readers), no other reading prices it near-free (:data:`SURE_COST`: "bum" ->
"burn"), and, at least :data:`REAL_ZIPF` common, it is read so only where the context,
not the slot word's frequency, carries the reading (:data:`CONTEXT_GAIN`: "last-minute
bid to" stays).

Switch :data:`FUNC_SPOT` (read by :func:`repair.candidates.ocr_slot._slot_reading`, so by
:mod:`repair.candidates.ocr_slot` and :mod:`repair.candidates.ocr_shortslot`; heavy
pages only, as those readers); the figures are in ``benchmarks/RESULTS.md`` (session 62,
ocrfunc, ocrfunc2 and funcguard).  With it, :data:`QUIET` keeps a spot reading out of every decision
it does not win: its candidate is marked (:func:`mark`), decided only after the page's
first reading (whose accepted readings are the context the page is read in again) and
never paired with a neighbour (:mod:`repair.score.ocr_joint`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

#: Switch (issue 12, session 62): price a slot word one damaged spot away (module doc).
#: ICDAR-only proxy dev (``ocr_xsource.py --train icdar --eval smh-dev``) 4,739 / 7,843 ->
#: 4,728 / 7,824 tokens / chars ("tim" / "tin" / "tua" -> the x5, "hu" -> his x3, "mid" ->
#: and, "won" / "iras" / "wob" -> was), but shipped SMH dev 4,207 / 6,870 -> 4,208 / 6,874
#: (no reading of its own wins; one joint decision beside a spot reading loses a token):
#: shipped **OFF**; test, read once with it on: proxy 5,631 / 9,175 -> 5,625 / 9,161, SMH
#: 5,304 / 8,616 -> 5,301 / 8,609 (RESULTS.md, session 62, ocrfunc).  With :data:`QUIET`
#: (session 62, ocrfunc2) the neighbour's loss is gone: proxy dev 4,728 / 7,824, SMH dev
#: 4,207 / 6,872 (tokens held, +2 chars: its own readings "tug" -> the, gold "ing", "re" ->
#: the, gold "leave", each wrong as printed); test, read once: proxy 5,625 / 9,160, SMH
#: 5,301 / 8,613.  Still **OFF**: SMH dev's chars do not hold, and on the speed suite's OCR
#: text (``repair/bench/speed.py``, 100 k words; lead, session 62) its four edits are all
#: wrong: right words read as function words ("would burn the" -> "be", "last-minute bid"
#: -> "and") and merged "asa" -> "and" (x2, gold "as a"): a real print needs a guard
#: stronger than MAX_PRINT_ZIPF before this can ship.  With :data:`GUARD` (session 62,
#: funcguard) the speed text gets no spot edit (its output is main's, byte for byte),
#: proxy dev 4,739 / 7,843 -> 4,733 / 7,833, SMH dev 4,207 / 6,870 held (tokens and chars),
#: audit, light dev, census, clean English and seeds unchanged: shipped **ON**; test, read
#: once: proxy 5,631 / 9,175 -> 5,628 / 9,167, SMH 5,304 / 8,616 ->
#: 5,301 / 8,613 (``benchmarks/RESULTS.md``, session 62, funcguard).
FUNC_SPOT = True
#: Nats for one damaged spot (a run of up to :data:`MAX_RUN` glyphs printed as up to
#: :data:`MAX_RUN` others) ...
SPOT_COST = 5.0
#: ... or, where the two runs look alike in rendered type (shape similarity ``s`` of
#: ``ocr_glyph_shapes.tsv``), ``SHAPE_COST + SHAPE_SLOPE * 10 * (1 - s)`` if cheaper.
SHAPE_COST = 3.0
SHAPE_SLOPE = 1.0
#: Glyphs on each side of the spot at most.
MAX_RUN = 2
#: Letters the print keeps as set at least (a print wholly replaced is no misprint).
MIN_KEPT = 1
#: Only words at least this common (Zipf) are read one spot away: the function words
#: whose frequency carries the reading, not the slot's rarer words ("gaol" -> "game").
SPOT_ZIPF = 6.5
#: A print at most this common (Zipf) is read so.
MAX_PRINT_ZIPF = 6.0
#: A print the learned tables read as a word this common (Zipf) at a price below
#: :data:`SPOT_COST` -- another reader's reading or a slot word the slot reader priced but
#: did not propose -- keeps those readings: no word one spot away is proposed over it (the
#: shipped tables read "may noir be" as "now", "Dijmer, ii lud" as "a"; a spot is only a
#: guess where the tables know nothing better).  ``None``: no such test.
RIVAL_ZIPF: float | None = 6.0
#: Switch (issue 12, session 62, ocrfunc2): a spot reading changes no decision it does not
#: win.  Its candidate carries ``spot`` (:func:`mark`); the scorer decides it only after the
#: first reading of the page, whose accepted readings are the context every span is read
#: in again (:func:`repair.score.ocr.score_candidates`, :func:`held_out`), and the joint
#: decision of two neighbours never pairs it (:mod:`repair.score.ocr_joint`).  Without it
#: a spot reading accepted in the first reading and dropped later still stood as its
#: neighbours' context (SMH dev "Dijmer, ii lud": "lud" -> "and" read first, "full"
#: kept, "ii" read "it" beside "and" where main reads "a").  Read only with
#: :data:`FUNC_SPOT` (ON here, inert while that is OFF); with both on SMH dev 4,208 / 6,874
#: -> 4,207 / 6,872 and proxy dev 4,728 / 7,824 held (``benchmarks/RESULTS.md``, session 62,
#: ocrfunc2).
QUIET = True

#: Switch (issue 12, session 62, funcguard): the guards a print that is itself a word needs
#: before it is read one spot away (:func:`stands`).  The speed suite's synthetic OCR text
#: (``repair/bench/speed.py``, 100 k words) showed the need: with :data:`FUNC_SPOT` on its
#: four spot readings were all wrong -- "last-minute bid to" -> "and" (a right word whose
#: whole gain was the frequency of "and": the context added nothing), "would bum" -> "be"
#: (the tables read "burn" at 0.3 nats) and "asa" -> "and" x2 (gold "as a": a merge).
#: Figures in ``benchmarks/RESULTS.md`` (session 62, funcguard).
GUARD = True
#: A print that splits into two words each at least :data:`SPOT_ZIPF` common ("asa" = "as
#: a") is a merge, left to the split readers, not a misprint of one word.
#: A print at least this common (Zipf) is a word as printed: it is read one spot away only
#: when the context, not the frequency of the slot word, carries the reading ...
REAL_ZIPF = 3.0
#: ... by at least this many nats: the gain in context less the gain the two words take
#: with no context (the frequency prior alone).
CONTEXT_GAIN = 3.0
#: A print some other reading prices below this (nats: a near-certain glyph confusion,
#: "bum" -> "burn" at 0.3) keeps that reading whatever its frequency: no spot is proposed.
SURE_COST = 1.0


@lru_cache(maxsize=1)
def _shapes() -> dict[tuple[str, str], float]:
    """``{(printed run, true run): similarity}`` of the glyph-shape table."""
    from repair.lexicons import read_tsv

    out: dict[tuple[str, str], float] = {}
    for printed, true, sim in read_tsv("ocr_glyph_shapes.tsv", ("ocr", "true", "similarity")):
        out[(printed, true)] = float(sim)
    return out


def _run_cost(printed: str, true: str) -> float:
    """Nats for the run ``true`` printed as ``printed`` (one spot)."""
    cost = SPOT_COST
    sim = _shapes().get((printed, true))
    if sim is not None:
        cost = min(cost, SHAPE_COST + SHAPE_SLOPE * 10.0 * (1.0 - sim))
    return cost


@lru_cache(maxsize=16_384)
def spot_cost(token: str, word: str) -> float:
    """Nats for printing ``word`` (lower case) as ``token`` with one damaged spot: the
    two differ in one contiguous run of at most :data:`MAX_RUN` glyphs a side, at least
    :data:`MIN_KEPT` letters of the print as set; ``inf`` otherwise (or when equal).

    >>> spot_cost("mid", "and") == SPOT_COST, spot_cost("nil", "all") == SPOT_COST
    (True, True)
    >>> spot_cost("linn", "him")
    inf
    """
    from repair.resources.frequency import zipf

    low = token.lower()
    if low == word or zipf(word) < SPOT_ZIPF or zipf(low) > MAX_PRINT_ZIPF:
        return float("inf")
    # the longest common head and tail (not overlapping)
    n, m = len(low), len(word)
    head = 0
    while head < min(n, m) and low[head] == word[head]:
        head += 1
    tail = 0
    while tail < min(n, m) - head and low[n - 1 - tail] == word[m - 1 - tail]:
        tail += 1
    best = float("inf")
    # every split of the kept letters into a head and a tail (the spot between them)
    for h in range(head + 1):
        for t in range(tail + 1):
            if h + t > min(n, m):
                continue
            a, b = low[h : n - t], word[h : m - t]
            if not (len(a) <= MAX_RUN and len(b) <= MAX_RUN) or (not a and not b):
                continue
            if h + t < MIN_KEPT:
                continue
            best = min(best, _run_cost(a, b))
    return best


@lru_cache(maxsize=4_096)
def spot_priced(text: str) -> tuple[tuple[str, float], ...]:
    """The slot words of :func:`repair.candidates.ocr_slot.priced_slot_words` for the
    print ``text``, each at the cheaper of its price there and :func:`spot_cost`; empty
    when no word is cheaper one spot away (the slot reader read it already).  The slot
    reader asks it only where the learned prices read nothing."""
    from repair.candidates import ocr_slot
    from repair.score import ocr_nearpool

    low = text.lower()
    if ocr_slot.LONG and len(text) > ocr_slot.MAX_LEN:
        return ()
    priced = dict(ocr_slot.priced_slot_words(text))
    cheaper = False
    for w, _d, _k in ocr_nearpool.extract(low, ocr_slot._slot_words(), ocr_slot.MAX_EDITS, None):
        if w == low or abs(len(w) - len(low)) > ocr_slot.LENGTH_SPREAD:
            continue
        c = spot_cost(text, w)
        if c < min(priced.get(w, float("inf")), ocr_slot.MAX_COST + 1e-9):
            priced[w] = c
            cheaper = True
    if not cheaper:
        return ()
    return tuple(sorted(priced.items()))


def clear_memos() -> None:
    """Forget the memos whose answers depend on this module's switches (:data:`FUNC_SPOT`,
    :data:`GUARD` and their settings): call after changing one in a running process."""
    from repair.candidates import ocr_slot

    spot_cost.cache_clear()
    spot_priced.cache_clear()
    ocr_slot.priced_slot_words.cache_clear()


def is_spot(text: str, word: str, cost: float) -> bool:
    """Whether the slot reading ``word`` (at ``cost``) of the print ``text`` is a spot
    reading: cheaper than the learned tables price it (a word the learned prices read
    keeps their price: :func:`spot_priced` lowers only the spot-priced words, and a
    learned-priced winner there would have won on the learned prices alone)."""
    from repair.candidates import ocr_slot

    return cost < dict(ocr_slot.priced_slot_words(text)).get(word, float("inf"))


def mark(text: str, word: str, cost: float) -> dict[str, bool]:
    """The features a slot candidate reading ``text`` as ``word`` at ``cost`` adds:
    ``{"spot": True}`` for a spot reading while :data:`FUNC_SPOT` and :data:`QUIET` are
    on, else none."""
    if FUNC_SPOT and QUIET and is_spot(text, word, cost):
        return {"spot": True}
    return {}


def held_out(candidates: list) -> tuple[list, list]:
    """``candidates`` split into (the rest, the spot readings :func:`mark` marked), the
    order of each kept; (``candidates``, ``[]``) when none is marked."""
    if not any(c.features.get("spot") for c in candidates):
        return candidates, []
    rest = [c for c in candidates if not c.features.get("spot")]
    return rest, [c for c in candidates if c.features.get("spot")]


def open_to(rivals: Sequence[tuple[str, float]], priced: Sequence[tuple[str, float]] = ()) -> bool:
    """Whether a print whose other readings are ``rivals`` and whose slot words the
    learned tables price as ``priced`` (word, cost) is read one spot away
    (:data:`RIVAL_ZIPF`)."""
    if RIVAL_ZIPF is None:
        return True
    from repair.resources.frequency import zipf

    for w, c in (*rivals, *priced):
        if c < SPOT_COST and zipf(w) >= RIVAL_ZIPF:
            return False
    return True


def _splits_common(low: str) -> bool:
    """Whether ``low`` is two words each at least :data:`SPOT_ZIPF` common run together."""
    from repair.resources.frequency import zipf

    return any(
        zipf(low[:i]) >= SPOT_ZIPF and zipf(low[i:]) >= SPOT_ZIPF for i in range(1, len(low))
    )


def stands(
    text: str,
    word: str,
    left: Sequence[str],
    right: Sequence[str],
    rivals: Sequence[tuple[str, float]] = (),
) -> bool:
    """Whether the spot reading ``word`` of the print ``text`` between ``left`` and
    ``right`` (the other readings ``rivals``, word and cost) passes the :data:`GUARD`:
    the print is no merge of two common words, no other reading prices it under
    :data:`SURE_COST`, and a print at least :data:`REAL_ZIPF` common is read so only when
    the context adds :data:`CONTEXT_GAIN` nats to what the frequencies give.  Always true
    while :data:`GUARD` is off."""
    if not GUARD:
        return True
    from repair.candidates.ocr_slot import slot_scores
    from repair.resources.frequency import zipf

    low = text.lower()
    if _splits_common(low):
        return False
    if any(c < SURE_COST and w != word for w, c in rivals):
        return False
    if zipf(low) >= REAL_ZIPF:
        s_print, s_word = slot_scores(left, [low, word], right)
        f_print, f_word = slot_scores([], [low, word], [])
        if (s_word - s_print) - (f_word - f_print) < CONTEXT_GAIN:
            return False
    return True
